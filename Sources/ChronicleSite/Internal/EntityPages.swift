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
        // Every actor, made for a template that lists `groups` itself; the built-in one has the compiled partial.
        out["groups"] = LazyValue {
            EntityKind.allCases.compactMap { kind -> [String: Any]? in
                let members = index.entityList.filter { $0.kind == kind }
                guard !members.isEmpty else { return nil }
                return context(["kind": kind.rawValue, "label": groupLabel(kind), "entities": positioned(members.map(link))])
            }
        }
        if index.compiled.contains("entity-groups") {
            out["entityGroupsHTML"] = LazyRenderable { CompiledPartials.entityGroups(index, root: "../") }
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
    /// Every named event of the digests, numbered in timeline order: its digest, its place in
    /// that digest's `named`, what ranks it among highlights, and the fingerprint of its card.
    private let eventPeriod: [Int]
    private let eventPosition: [Int]
    private let eventIsKey: [Bool]
    private let eventScore: [Double]
    private let eventCard: [UInt64]
    /// Each event's names by number: `eventNames[firstName[e]..<firstName[e + 1]]`, so counting
    /// who is named together needs no string hashing.
    private let firstName: [Int]
    private let eventNames: [Int]
    /// Every name the events give, numbered; the events that give each (by number, once per time
    /// an event gives it); and each name's rank when all are sorted, compared instead of the names.
    private let names: [String]
    private let numbers: [String: Int]
    /// The named events of the digest at `p` by number: `periodStarts[p]..<periodStarts[p + 1]`.
    private let periodStarts: [Int]
    private let eventsOfName: [[Int]]
    private let ranks: [Int]

    init(digests: [PeriodDigest], names: SiteNames) {
        // The names are numbered once; the actors are made from each name's events' ids.
        let numbered = Numbered(digests)
        var ids: [String: [String]] = Dictionary(minimumCapacity: numbered.names.count)
        for (n, name) in numbered.names.enumerated() {
            ids[name] = numbered.eventsOfName[n].map { digests[numbered.eventPeriod[$0]].named[numbered.eventPosition[$0]].id }
        }
        self.init(numbered, entities: names.entities(ids))
    }

    /// Given the actors, as a timeline in memory has them.
    init(digests: [PeriodDigest], entities: [Entity]) {
        self.init(Numbered(digests), entities: entities)
    }

    private init(_ numbered: Numbered, entities: [Entity]) {
        let n = numbered
        var ranks = [Int](repeating: 0, count: n.names.count)
        for (rank, i) in n.names.indices.sorted(by: { n.names[$0] < n.names[$1] }).enumerated() { ranks[i] = rank }
        self.entities = entities
        (eventPeriod, eventPosition, eventIsKey, eventScore, eventCard) = (n.eventPeriod, n.eventPosition, n.eventIsKey, n.eventScore, n.eventCard)
        (firstName, eventNames) = (n.firstName, n.eventNames)
        (names, numbers, eventsOfName, self.ranks) = (n.names, n.numbers, n.eventsOfName, ranks)
        periodStarts = n.periodStarts
    }

    /// The digests' named events numbered in timeline order, and the names they give numbered.
    private struct Numbered {
        var eventPeriod: [Int] = [], eventPosition: [Int] = [], eventIsKey: [Bool] = [], eventScore: [Double] = []
        var eventCard: [UInt64] = []
        var firstName = [0], eventNames: [Int] = []
        var names: [String] = []
        var numbers: [String: Int] = [:]
        var eventsOfName: [[Int]] = []
        var periodStarts: [Int] = []

        init(_ digests: [PeriodDigest]) {
            // The named events are read in place (a copy of each would retain its brief's texts);
            // the names numbered by a cheaper hash than a dictionary's, then kept by name once each.
            var numbering = StringNumbers()
            digests.withUnsafeBufferPointer { digests in
                for p in digests.indices {
                    periodStarts.append(eventPeriod.count)
                    digests[p].named.withUnsafeBufferPointer { add($0, period: p, numbering: &numbering) }
                }
            }
            periodStarts.append(eventPeriod.count)
            names = numbering.strings
            numbers = Dictionary(uniqueKeysWithValues: zip(names, names.indices))
        }

        private mutating func add(_ named: UnsafeBufferPointer<PeriodDigest.NamedEvent>, period p: Int, numbering: inout StringNumbers) {
            for k in named.indices {
                let e = eventPeriod.count
                eventPeriod.append(p)
                eventPosition.append(k)
                eventIsKey.append(named[k].isKey)
                eventScore.append(named[k].score)
                eventCard.append(named[k].fingerprint)
                for name in named[k].names {
                    let n = numbering.number(name)
                    if n == eventsOfName.count { eventsOfName.append([]) }
                    eventNames.append(n)
                    eventsOfName[n].append(e)
                }
                firstName.append(eventNames.count)
            }
        }
    }

    /// An actor's events, period by period: the index of the period's digest and its named events.
    func sections(of entity: Entity, digests: [PeriodDigest]) -> [(period: Int, events: [PeriodDigest.NamedEvent])] {
        runs(of: entity).map { (eventPeriod[$0.first!], $0.map { digests[eventPeriod[$0]].named[eventPosition[$0]] }) }
    }

    /// An actor's events by number, a run per period, in timeline order.
    private func runs(of entity: Entity) -> [ArraySlice<Int>] {
        guard let n = numbers[entity.name] else { return [] }
        let events = eventsOfName[n]
        var out: [ArraySlice<Int>] = []
        var start = 0
        for i in events.indices.dropFirst() where eventPeriod[events[i]] != eventPeriod[events[start]] {
            out.append(events[start..<i])
            start = i
        }
        if !events.isEmpty { out.append(events[start...]) }
        return out
    }

    /// What an actor's page shows of its events, hashed period by period: on a paged site each
    /// period's counts and highlights (`PeriodDigest(section:named:)`), else every event's card
    /// and the actors it links (`links` of its names).
    func sectionsPrint(of entity: Entity, digests: [PeriodDigest], paged: Bool, links: ([String]) -> UInt64) -> UInt64 {
        var h = Fingerprinter()
        for run in runs(of: entity) {
            // Read in place (a digest copied is a retain and a release of each of its lists).
            let period = digests.withUnsafeBufferPointer { $0[eventPeriod[run.first!]].period }
            h.add(period.year)
            h.add(period.month ?? 0)
            h.add(run.count)
            if paged {
                h.add(run.reduce(0) { $0 + (eventIsKey[$1] ? 1 : 0) })
                let highlights = PeriodDigest.highlights(count: run.count) { k in
                    let e = run[run.startIndex + k]
                    return (eventIsKey[e], eventScore[e])
                }
                h.add(highlights.count)
                for i in highlights { h.add(eventCard[run[run.startIndex + i]]) }
            } else {
                for e in run {
                    h.add(eventCard[e])
                    h.add(links(digests[eventPeriod[e]].named[eventPosition[e]].names))
                }
            }
        }
        return h.value
    }

    /// Every name the digests' named events give, numbered (`periodLinks` takes a value per name in this order).
    var nameList: [String] { names }

    /// The links of each named event of the digest at `period` (`Fingerprints.links` of its names,
    /// each name's link hash given by number in `linkOfName`), folded in order as `Fingerprints.period`
    /// folds them: from the names' numbers, no name looked up.
    func periodLinks(_ period: Int, linkOfName: [UInt64]) -> UInt64 {
        var links: UInt64 = 0
        for e in periodStarts[period]..<periodStarts[period + 1] {
            var h: UInt64 = 0
            for n in eventNames[firstName[e]..<firstName[e + 1]].prefix(EntityPages.actorsPerEvent) { h = h &* 1_000_003 &+ linkOfName[n] }
            links = links &* 31 &+ h
        }
        return links
    }

    /// The actors an actor's events also name, most often first (ties by name).
    func related(to entity: Entity, index: SiteIndex) -> [Entity] {
        relatedNames(to: entity).compactMap { index.entities[$0] }
    }

    /// The first `EntityPages.topCount` names an actor's events also give, most often first (ties
    /// by name), whether or not they have a page: picked in one pass, not by sorting them all.
    func relatedNames(to entity: Entity) -> [String] {
        guard let own = numbers[entity.name] else { return [] }
        var count = [Int](repeating: 0, count: names.count)
        // Read and counted through buffers: an actor of many events gives tens of thousands of names.
        let together = count.withUnsafeMutableBufferPointer { count in
            eventNames.withUnsafeBufferPointer { eventNames in
                firstName.withUnsafeBufferPointer { firstName in
                    var together: [Int] = []
                    for e in eventsOfName[own] {
                        for k in firstName[e]..<firstName[e + 1] {
                            let n = eventNames[k]
                            guard n != own else { continue }
                            if count[n] == 0 { together.append(n) }
                            count[n] += 1
                        }
                    }
                    return together
                }
            }
        }
        func before(_ a: Int, _ b: Int) -> Bool { count[a] != count[b] ? count[a] > count[b] : ranks[a] < ranks[b] }
        var top: [Int] = []
        for n in together where top.count < EntityPages.topCount || before(n, top[top.count - 1]) {
            top.insert(n, at: top.firstIndex { before(n, $0) } ?? top.count)
            if top.count > EntityPages.topCount { top.removeLast() }
        }
        return top.map { names[$0] }
    }
}
