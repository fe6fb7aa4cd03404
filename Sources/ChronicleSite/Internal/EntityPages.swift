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
struct EntityIndex: Sendable {
    /// Sorted by name, with unique slugs.
    let entities: [Entity]
    /// Where an actor's events are: (index into the digests, index into that digest's `named`).
    let places: [String: [(period: Int, event: Int)]]
    /// Every name the events give, numbered, and each named event's names by number (by digest
    /// and event), so counting who is named together needs no string hashing.
    private let names: [String]
    private let numbers: [String: Int]
    private let named: [[[Int]]]

    init(digests: [PeriodDigest], names: SiteNames) {
        var ids: [String: [String]] = [:]
        for digest in digests {
            for event in digest.named { for name in event.names { ids[name, default: []].append(event.id) } }
        }
        self.init(digests: digests, entities: names.entities(ids))
    }

    /// Given the actors, as a timeline in memory has them.
    init(digests: [PeriodDigest], entities: [Entity]) {
        var places: [String: [(Int, Int)]] = [:]
        var names: [String] = []
        var numbers: [String: Int] = [:]
        var named: [[[Int]]] = []
        for (p, digest) in digests.enumerated() {
            named.append(digest.named.enumerated().map { k, event in
                event.names.map { name in
                    places[name, default: []].append((p, k))
                    if let n = numbers[name] { return n }
                    numbers[name] = names.count
                    names.append(name)
                    return names.count - 1
                }
            })
        }
        self.entities = entities
        self.places = places
        self.names = names
        self.numbers = numbers
        self.named = named
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
        var count = [Int](repeating: 0, count: names.count)
        var together: [Int] = []
        let own = numbers[entity.name]
        for (p, k) in places[entity.name] ?? [] {
            for n in named[p][k] where n != own {
                if count[n] == 0 { together.append(n) }
                count[n] += 1
            }
        }
        return together.sorted { count[$0] != count[$1] ? count[$0] > count[$1] : names[$0] < names[$1] }
            .prefix(EntityPages.topCount).compactMap { index.entities[names[$0]] }
    }
}
