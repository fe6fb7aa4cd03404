@testable import ChronicleModel
@testable import ChronicleSite
import ChronicleTime
import Testing

/// Who an actor is named with, found from the digests: the first of them are picked in one pass,
/// and must be exactly the top of the full ranking (most often named together, ties by name).
@Suite struct EntityIndexTests {
    static func digest(_ month: Int, _ named: [[String]], from first: Int) -> PeriodDigest {
        var digest = PeriodDigest(section: Period(year: 2025, month: month), named: [])
        digest.named = named.enumerated().map { k, names in
            let mention = Mention(article: "a", blockOrdinal: 0, sentenceIndex: k, sentence: "On Friday.", expression: nil,
                                  expressionRange: nil, value: .day(CivilDate(year: 2025, month: month, day: 1)!), resolution: "")
            let event = Event(id: "e\(first + k)", value: mention.value, status: .happened, representative: mention, mentions: [mention],
                              sources: ["a"], isKey: k % 3 == 0, score: Double(k % 4), entities: names)
            return PeriodDigest.NamedEvent(brief: PeriodShares.Brief(event), score: event.score, fingerprint: UInt64(first + k), names: names)
        }
        return digest
    }

    @Test func relatedActorsAreTheTopOfTheFullRanking() {
        // 30 other names, each event naming the hub and one to four of them: counts tie often.
        let others = (0..<30).map { "Name \(Character(UnicodeScalar(UInt8(90 - $0 % 26))))\($0)" }
        let events = (0..<60).map { i in ["Hub"] + (0..<(1 + i % 4)).map { others[(i * 7 + $0 * 11) % others.count] } }
        let digests = [Self.digest(3, Array(events[..<25]), from: 0), Self.digest(4, Array(events[25...]), from: 25)]
        let hub = Entity(name: "Hub", slug: "hub", kind: .person, mentionCount: 60, events: [])
        let index = EntityIndex(digests: digests, entities: [hub])

        var count: [String: Int] = [:]
        for names in events { for name in Set(names) where name != "Hub" { count[name, default: 0] += 1 } }
        let ranking = count.keys.sorted { count[$0]! != count[$1]! ? count[$0]! > count[$1]! : $0 < $1 }
        #expect(ranking.count > EntityPages.topCount)
        #expect(index.relatedNames(to: hub) == Array(ranking.prefix(EntityPages.topCount)))
        // Its events, period by period, in timeline order.
        #expect(index.sections(of: hub, digests: digests).map { $0.events.map(\.id) } == [(0..<25).map { "e\($0)" }, (25..<60).map { "e\($0)" }])
        // What its page shows of each period (counted and picked from the numbered events) is
        // what the period's part made from its events shows (scores tie often).
        let parts = index.sections(of: hub, digests: digests).map { PeriodDigest(section: digests[$0.period].period, named: $0.events) }
        let counted = index.periodSections(of: hub, digests: digests)
        #expect(counted.map(\.period) == parts.map(\.period))
        #expect(counted.map { [$0.eventCount, $0.keyCount, $0.expectedCount] } == parts.map { [$0.eventCount, $0.keyCount, $0.expectedCount] })
        #expect(counted.map { $0.highlights.map(\.id) } == parts.map { $0.highlights.map(\.id) })
        #expect(counted.allSatisfy { $0.highlights.count == PeriodDigest.highlightCount })
    }

    /// What a period page's fingerprint takes of its cards' links, worked out from the names' numbers
    /// (`EntityIndex.periodLinks`), is the fold of each named event's links name by name: some names
    /// have pages, some do not, and events name more actors than a card links.
    @Test func periodPrintsFromNumberedNamesAreThoseByName() throws {
        let names = (0..<12).map { "Name \($0)" }
        let events = (0..<40).map { i in (0..<(i % 9)).map { names[(i * 5 + $0 * 7) % names.count] } }
        let digests = [Self.digest(3, Array(events[..<15]), from: 0), Self.digest(4, [], from: 15), Self.digest(5, Array(events[15...]), from: 15)]
        let entities = names.indices.filter { $0 % 3 != 0 }.map { Entity(name: names[$0], slug: "name-\($0)", kind: .person, mentionCount: 1, events: []) }
        let entityIndex = EntityIndex(digests: digests, entities: entities)
        let templates = try TemplateSet.load(overridesIn: nil)
        let index = SiteIndex(config: SiteConfig(), articles: [], periods: digests, entities: entities, pagedAbove: 1)
        let prints = Fingerprints(templates: templates, index: index, pagedAbove: 1, entities: entityIndex)
        #expect(events.contains { $0.count > EntityPages.actorsPerEvent })
        for i in digests.indices {
            let byName = digests[i].named.reduce(UInt64(0)) { $0 &* 31 &+ prints.links($1.names) }
            #expect(prints.periodLinks(i) == byName)
        }
        #expect(prints.periodLinks(0) != prints.periodLinks(2))
    }
}
