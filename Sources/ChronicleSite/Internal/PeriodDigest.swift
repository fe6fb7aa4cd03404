import ChronicleModel
import ChronicleTime

/// What the site keeps about a period between builds, so that the index, other periods' pages
/// and article pages can be rendered, or known unchanged, without loading its events.
struct PeriodDigest: Codable, Sendable {
    var period: Period
    /// The timeline's hash of the period (its mentions and their articles).
    var hash: UInt64
    var eventCount = 0
    var keyCount = 0
    var expectedCount = 0
    var first: CivilDate?
    var last: CivilDate?
    /// Its most important events, in timeline order, for the index of a paged site.
    var highlights: [Highlight] = []
    /// What each article's page shows about the period's events, by slug.
    var articles: [String: Share] = [:]

    static let highlightCount = 3

    /// An event as the index lists it.
    struct Highlight: Codable, Sendable {
        var id: String
        var value: TimexValue
        var status: EventStatus
        var isKey: Bool
        var text: String
        var sourceCount: Int
    }

    /// An article's part in the period: how many events it reports, and a fingerprint of what its
    /// page shows about them (their dates, status, text, whether key, and its sentences in them).
    struct Share: Codable, Sendable {
        var eventCount = 0
        var fingerprint: UInt64 = 0
    }

    init(period: Period, hash: UInt64, events: [Event]) {
        self.period = period
        self.hash = hash
        eventCount = events.count
        keyCount = events.filter(\.isKey).count
        expectedCount = events.filter { $0.status == .expected }.count
        let intervals = events.compactMap(\.value.interval)
        first = intervals.map(\.start).min()
        last = intervals.map(\.end).max()
        let ranked = events.indices.sorted { a, b in
            let (x, y) = (events[a], events[b])
            if x.isKey != y.isKey { return x.isKey }
            if x.score != y.score { return x.score > y.score }
            return a < b
        }
        highlights = ranked.prefix(Self.highlightCount).sorted().map { i in
            let e = events[i]
            return Highlight(id: e.id, value: e.value, status: e.status, isKey: e.isKey, text: e.text, sourceCount: e.sources.count)
        }
        var shown: [String: [UInt8]] = [:]
        for event in events {
            let about = Array("\(event.id)|\(event.value)|\(event.status.rawValue)|\(event.isKey)|\(event.text)\n".utf8)
            for slug in event.sources {
                articles[slug, default: Share()].eventCount += 1
                shown[slug, default: []] += about
            }
            for m in event.mentions { shown[m.article, default: []] += Array("\(m.blockOrdinal).\(m.sentenceIndex)\n".utf8) }
        }
        for (slug, bytes) in shown { articles[slug, default: Share()].fingerprint = ContentHash.xxh64(bytes) }
    }
}
