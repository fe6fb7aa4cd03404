import ChronicleModel

/// `entities/<slug>.html`, one actor's own timeline, and `entities/index.html`, every actor:
/// the index filtered by actor, without JavaScript.
enum EntityPages {
    /// How many actors an event lists; the rest are on its sources.
    static let actorsPerEvent = 6
    /// How many actors the index lists before "all actors".
    static let topCount = 12

    /// An actor with its counts (`relatedLink` and `eventCount`, `mentionCount`).
    static func link(_ entity: Entity) -> [String: Any] {
        var out = relatedLink(entity)
        out["eventCount"] = entity.events.count
        out["mentionCount"] = entity.mentionCount
        return out
    }

    /// An actor named with another on its page: no counts, so the page does not change with theirs.
    static func relatedLink(_ entity: Entity) -> [String: Any] {
        context([
            "name": entity.name,
            "slug": entity.slug,
            "kind": entity.kind.rawValue,
            "kindLabel": kindLabel(entity.kind),
            "href": Paths.entityHref(entity.slug),
        ])
    }

    static func list(_ index: SiteIndex) -> [String: Any] {
        var out = CommonContext.page(index, root: "../", title: "People, organisations and places · \(index.config.title)")
        out["groups"] = EntityKind.allCases.compactMap { kind -> [String: Any]? in
            let members = index.entityList.filter { $0.kind == kind }
            guard !members.isEmpty else { return nil }
            return context(["kind": kind.rawValue, "label": groupLabel(kind), "entities": positioned(members.map(link))])
        }
        return out
    }

    /// The actors named by the most events, for the index.
    static func top(_ index: SiteIndex) -> [[String: Any]] {
        let ranked = index.entityList.filter { $0.kind != .other }
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

/// Which events name which actors, from the periods' digests (no events loaded): the site's
/// actors, where each one's events are, and who else they name.
struct EntityIndex {
    /// Sorted by name, with unique slugs.
    let entities: [Entity]
    /// Where an actor's events are: (index into the digests, index into that digest's `named`).
    let places: [String: [(period: Int, event: Int)]]

    init(digests: [PeriodDigest], names: SiteNames) {
        var ids: [String: [String]] = [:]
        var places: [String: [(Int, Int)]] = [:]
        for (p, digest) in digests.enumerated() {
            for (k, event) in digest.named.enumerated() {
                for name in event.names {
                    ids[name, default: []].append(event.id)
                    places[name, default: []].append((p, k))
                }
            }
        }
        entities = names.entities(ids)
        self.places = places
    }

    /// Given the actors, as a timeline in memory has them.
    init(digests: [PeriodDigest], entities: [Entity]) {
        var places: [String: [(Int, Int)]] = [:]
        for (p, digest) in digests.enumerated() {
            for (k, event) in digest.named.enumerated() { for name in event.names { places[name, default: []].append((p, k)) } }
        }
        self.entities = entities
        self.places = places
    }

    /// An actor's events, period by period: the index of the period's digest and its named events.
    func sections(of entity: Entity, digests: [PeriodDigest]) -> [(period: Int, events: [PeriodDigest.NamedEvent])] {
        var out: [(period: Int, events: [PeriodDigest.NamedEvent])] = []
        for (p, k) in places[entity.name] ?? [] {
            if out.last?.period != p { out.append((p, [])) }
            out[out.count - 1].events.append(digests[p].named[k])
        }
        return out
    }

    /// The actors an actor's events also name, most often first (ties by name).
    func related(to entity: Entity, digests: [PeriodDigest], index: SiteIndex) -> [Entity] {
        var together: [String: Int] = [:]
        for (p, k) in places[entity.name] ?? [] {
            for name in digests[p].named[k].names where name != entity.name { together[name, default: 0] += 1 }
        }
        return together.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(EntityPages.topCount).compactMap { index.entities[$0.key] }
    }
}
