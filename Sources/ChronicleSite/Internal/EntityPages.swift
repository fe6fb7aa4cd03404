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
    /// an event gives it: `nameEvents[firstEvent[n]..<firstEvent[n + 1]]`, in one list, not a list
    /// per name); and each name's rank when all are sorted, compared instead of the names.
    private let names: [String]
    private let numbers: [String: Int]
    /// The named events of the digest at `p` by number: `periodStarts[p]..<periodStarts[p + 1]`.
    private let periodStarts: [Int]
    private let firstEvent: [Int]
    private let nameEvents: [Int]
    private let ranks: [Int]

    init(digests: [PeriodDigest], names: SiteNames) {
        // The names are numbered once; the actors are made from each name's events' ids.
        let numbered = Numbered(digests)
        var ids: [String: [String]] = Dictionary(minimumCapacity: numbered.names.count)
        digests.withUnsafeBufferPointer { digests in
            for (n, name) in numbered.names.enumerated() {
                ids[name] = numbered.nameEvents[numbered.firstEvent[n]..<numbered.firstEvent[n + 1]].map { e in
                    digests[numbered.eventPeriod[e]].named.withUnsafeBufferPointer { $0[numbered.eventPosition[e]].id }
                }
            }
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
        (names, numbers, firstEvent, nameEvents, self.ranks) = (n.names, n.numbers, n.firstEvent, n.nameEvents, ranks)
        periodStarts = n.periodStarts
    }

    /// The digests' named events numbered in timeline order, and the names they give numbered.
    private struct Numbered {
        var eventPeriod: [Int] = [], eventPosition: [Int] = [], eventIsKey: [Bool] = [], eventScore: [Double] = []
        var eventCard: [UInt64] = []
        var firstName = [0], eventNames: [Int] = []
        var names: [String] = []
        var numbers: [String: Int] = [:]
        var firstEvent: [Int] = [], nameEvents: [Int] = []
        var periodStarts: [Int] = []

        init(_ digests: [PeriodDigest]) {
            // The named events are read in place (a copy of each would retain its brief's texts);
            // the names numbered by a cheaper hash than a dictionary's, then kept by name once each.
            var numbering = StringNumbers()
            let count = digests.reduce(0) { $0 + $1.named.count }
            eventPeriod.reserveCapacity(count)
            eventPosition.reserveCapacity(count)
            eventIsKey.reserveCapacity(count)
            eventScore.reserveCapacity(count)
            eventCard.reserveCapacity(count)
            firstName.reserveCapacity(count + 1)
            eventNames.reserveCapacity(count * 4)
            digests.withUnsafeBufferPointer { digests in
                for p in digests.indices {
                    periodStarts.append(eventPeriod.count)
                    digests[p].named.withUnsafeBufferPointer { add($0, period: p, numbering: &numbering) }
                }
            }
            periodStarts.append(eventPeriod.count)
            names = numbering.strings
            numbers = Dictionary(uniqueKeysWithValues: zip(names, names.indices))
            // Each name's events, counted first and then placed, in one list.
            var starts = [Int](repeating: 0, count: names.count + 1)
            for n in eventNames { starts[n + 1] += 1 }
            for n in names.indices { starts[n + 1] += starts[n] }
            var next = starts
            var events = [Int](repeating: 0, count: eventNames.count)
            for e in eventPeriod.indices {
                for k in firstName[e]..<firstName[e + 1] {
                    let n = eventNames[k]
                    events[next[n]] = e
                    next[n] += 1
                }
            }
            (firstEvent, nameEvents) = (starts, events)
        }

        private mutating func add(_ named: UnsafeBufferPointer<PeriodDigest.NamedEvent>, period p: Int, numbering: inout StringNumbers) {
            for k in named.indices {
                eventPeriod.append(p)
                eventPosition.append(k)
                eventIsKey.append(named[k].isKey)
                eventScore.append(named[k].score)
                eventCard.append(named[k].fingerprint)
                // Read in place (iterating the list would retain and release each name).
                named[k].names.withUnsafeBufferPointer { names in
                    for i in names.indices { eventNames.append(numbering.number(names[i])) }
                }
                firstName.append(eventNames.count)
            }
        }
    }

    /// An actor's events, period by period: the index of the period's digest and its named events.
    func sections(of entity: Entity, digests: [PeriodDigest]) -> [(period: Int, events: [PeriodDigest.NamedEvent])] {
        runs(of: entity).map { run in
            (eventPeriod[nameEvents[run.lowerBound]], run.map { digests[eventPeriod[nameEvents[$0]]].named[eventPosition[nameEvents[$0]]] })
        }
    }

    /// An actor's part of each of its periods, as a paged site shows it (`PeriodDigest(section:named:)`):
    /// counted from the numbered events, and only the highlights' briefs taken from the digests.
    func periodSections(of entity: Entity, digests: [PeriodDigest]) -> [PeriodDigest] {
        digests.withUnsafeBufferPointer { digests in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: PeriodDigest.highlightCount + 1) { best in
                runs(of: entity).map { run -> PeriodDigest in
                    let p = eventPeriod[nameEvents[run.lowerBound]]
                    var section = PeriodDigest(section: digests[p].period, named: [])
                    digests[p].named.withUnsafeBufferPointer { named in
                        section.eventCount = run.count
                        section.keyCount = run.reduce(0) { $0 + (eventIsKey[nameEvents[$1]] ? 1 : 0) }
                        section.expectedCount = run.reduce(0) { $0 + (named[eventPosition[nameEvents[$1]]].status == .expected ? 1 : 0) }
                        let picked = pickHighlights(run, into: best)
                        section.highlights = best[..<picked].map { named[eventPosition[nameEvents[$0]]].brief }
                    }
                    return section
                }
            }
        }
    }

    /// An actor's events, a run per period in timeline order: ranges of `nameEvents`.
    private func runs(of entity: Entity) -> [Range<Int>] {
        guard let n = numbers[entity.name] else { return [] }
        var out: [Range<Int>] = []
        var start = firstEvent[n]
        for i in firstEvent[n]..<firstEvent[n + 1] where eventPeriod[nameEvents[i]] != eventPeriod[nameEvents[start]] {
            out.append(start..<i)
            start = i
        }
        if start < firstEvent[n + 1] { out.append(start..<firstEvent[n + 1]) }
        return out
    }

    /// `PeriodDigest.highlights` of a run of `nameEvents`, picked into `best` (room for
    /// `highlightCount + 1`): how many, `best[..<count]` holding their places in `nameEvents`.
    private func pickHighlights(_ run: Range<Int>, into best: UnsafeMutableBufferPointer<Int>) -> Int {
        let picked = PeriodDigest.highlights(count: run.count, into: best) { k in
            let e = nameEvents[run.lowerBound + k]
            return (eventIsKey[e], eventScore[e])
        }
        for i in 0..<picked { best[i] += run.lowerBound }
        return picked
    }

    /// What an actor's page shows of its events, hashed period by period: on a paged site each
    /// period's counts and highlights (`PeriodDigest(section:named:)`), else every event's card
    /// and the actors it links (`links` of its names).
    func sectionsPrint(of entity: Entity, digests: [PeriodDigest], paged: Bool, links: ([String]) -> UInt64) -> UInt64 {
        var h = Fingerprinter()
        withUnsafeTemporaryAllocation(of: Int.self, capacity: PeriodDigest.highlightCount + 1) { best in
            for run in runs(of: entity) {
                // Read in place (a digest copied is a retain and a release of each of its lists).
                let period = digests.withUnsafeBufferPointer { $0[eventPeriod[nameEvents[run.lowerBound]]].period }
                h.add(period.year)
                h.add(period.month ?? 0)
                h.add(run.count)
                if paged {
                    h.add(run.reduce(0) { $0 + (eventIsKey[nameEvents[$1]] ? 1 : 0) })
                    let picked = pickHighlights(run, into: best)
                    h.add(picked)
                    for k in best[..<picked] { h.add(eventCard[nameEvents[k]]) }
                } else {
                    for e in nameEvents[run] {
                        h.add(eventCard[e])
                        h.add(links(digests[eventPeriod[e]].named[eventPosition[e]].names))
                    }
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
        // Counted and picked through buffers (no list grown): an actor of many events gives tens
        // of thousands of names, and every actor's list is worked out on every build.
        let top = withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * names.count) { space -> [Int] in
            let count = UnsafeMutableBufferPointer(rebasing: space[..<names.count])
            let together = UnsafeMutableBufferPointer(rebasing: space[names.count...])
            count.initialize(repeating: 0)
            var found = 0
            eventNames.withUnsafeBufferPointer { eventNames in
                firstName.withUnsafeBufferPointer { firstName in
                    for e in nameEvents[firstEvent[own]..<firstEvent[own + 1]] {
                        for k in firstName[e]..<firstName[e + 1] {
                            let n = eventNames[k]
                            guard n != own else { continue }
                            if count[n] == 0 {
                                together[found] = n
                                found += 1
                            }
                            count[n] += 1
                        }
                    }
                }
            }
            return ranks.withUnsafeBufferPointer { ranks in
                func before(_ a: Int, _ b: Int) -> Bool { count[a] != count[b] ? count[a] > count[b] : ranks[a] < ranks[b] }
                var top: [Int] = []
                top.reserveCapacity(EntityPages.topCount + 1)
                for n in together[..<found] where top.count < EntityPages.topCount || before(n, top[top.count - 1]) {
                    top.insert(n, at: top.firstIndex { before(n, $0) } ?? top.count)
                    if top.count > EntityPages.topCount { top.removeLast() }
                }
                return top
            }
        }
        return top.map { names[$0] }
    }
}
