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
    }
}
