import ChronicleModel

/// `entities/<slug>.html`, one actor's own timeline, and `entities/index.html`, every actor:
/// the index filtered by actor, without JavaScript.
enum EntityPages {
    /// How many actors an event lists; the rest are on its sources.
    static let actorsPerEvent = 6
    /// How many actors the index lists before "all actors".
    static let topCount = 12

    static func link(_ entity: Entity) -> [String: Any] {
        context([
            "name": entity.name,
            "slug": entity.slug,
            "kind": entity.kind.rawValue,
            "kindLabel": kindLabel(entity.kind),
            "href": Paths.entityHref(entity.slug),
            "eventCount": entity.events.count,
            "mentionCount": entity.mentionCount,
        ])
    }

    static func page(_ entity: Entity, index: SiteIndex, cards: EventCards) -> [String: Any] {
        var out = CommonContext.page(index, root: "../", title: "\(entity.name) · \(index.timeline.config.title)")
        let events = index.events(entity.events)
        // Who else the same events name, most often first.
        var together: [String: Int] = [:]
        for event in events { for name in event.entities where name != entity.name { together[name, default: 0] += 1 } }
        let related = together.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(topCount).compactMap { index.entities[$0.key].map(link) }
        out["entity"] = link(entity)
        out["months"] = TimelineGroups.months(index, events: events, cards: cards, root: "../")
        out["hasMinor"] = index.hasKeyEvents && events.contains { !$0.isKey }
        out["timelineCounts"] = TimelineGroups.counts(events)
        out["related"] = positioned(related)
        out["hasRelated"] = !related.isEmpty
        return out
    }

    static func list(_ index: SiteIndex) -> [String: Any] {
        var out = CommonContext.page(index, root: "../", title: "People, organisations and places · \(index.timeline.config.title)")
        out["groups"] = EntityKind.allCases.compactMap { kind -> [String: Any]? in
            let members = index.timeline.entities.filter { $0.kind == kind }
            guard !members.isEmpty else { return nil }
            return context(["kind": kind.rawValue, "label": groupLabel(kind), "entities": positioned(members.map(link))])
        }
        return out
    }

    /// The actors named by the most events, for the index.
    static func top(_ index: SiteIndex) -> [[String: Any]] {
        let ranked = index.timeline.entities.filter { $0.kind != .other }
            .sorted { $0.events.count != $1.events.count ? $0.events.count > $1.events.count : $0.name < $1.name }
        return positioned(ranked.prefix(topCount).map(link))
    }

    static func kindLabel(_ kind: EntityKind) -> String {
        switch kind {
        case .person: "person"
        case .organisation: "organisation"
        case .place: "place"
        case .other: "name"
        }
    }

    static func groupLabel(_ kind: EntityKind) -> String {
        switch kind {
        case .person: "People"
        case .organisation: "Organisations"
        case .place: "Places"
        case .other: "Other names"
        }
    }
}
