import ChronicleTime

/// Groups mentions into events: mentions with compatible dates that describe the same
/// happening become one event; then each event gets its date, text, status and salience.
public struct EventMerger: Sendable {
    /// Minimum similarity of two sentences from different articles to count as one happening.
    public var crossArticleThreshold = 0.30
    /// Within one article, a repeated account must be closer still.
    public var sameArticleThreshold = 0.45
    /// Two accounts from different articles this close, whose days differ by at most `disagreementDays`,
    /// are one happening the sources date differently ("sources disagree").
    public var disagreementThreshold = 0.6
    public var disagreementDays = 3
    /// Values spanning more months than this (a decade) are compared in their first month only.
    static let bucketSpan = 24

    public init() {}

    /// A mention with what the merger needs to know about it.
    public struct Candidate: Sendable {
        public var mention: Mention
        public var status: EventStatus
        public var dateSource: DateSource
        /// Position of the article's sentence among its article's sentences, 0-based.
        public var position: Int

        public init(mention: Mention, status: EventStatus, dateSource: DateSource, position: Int) {
            self.mention = mention
            self.status = status
            self.dateSource = dateSource
            self.position = position
        }
    }

    public func merge(_ candidates: [Candidate]) -> [Event] {
        let signatures = TokenVector.vectors(for: candidates.map {
            EventSignature($0.mention.sentence, focus: $0.mention.expressionRange, entities: $0.mention.entities)
        })
        var parent = Array(candidates.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let intervals = candidates.map { $0.mention.value.interval }
        func compatible(_ i: Int, _ j: Int) -> Bool {
            Self.compatible(candidates[i].mention.value, intervals[i], candidates[j].mention.value, intervals[j])
        }
        // Bucket by month: a mention sits in every month its days touch (a week across two months,
        // a year in all twelve), so values that contain one another always share a bucket.
        func month(_ d: CivilDate) -> Int { d.year * 12 + d.month - 1 }
        var buckets: [Int: [Int]] = [:]
        for (i, interval) in intervals.enumerated() {
            guard let interval else { continue }
            let first = month(interval.start), last = month(interval.end)
            for m in first...(last - first < Self.bucketSpan ? last : first) { buckets[m, default: []].append(i) }
        }
        // A pair is compared in one bucket only: the later of the two start months.
        let startMonth = intervals.map { $0.map { month($0.start) } ?? 0 }
        // Days a few apart, explicitly dated in different articles, told in nearly the same words.
        func disagree(_ i: Int, _ j: Int) -> Bool {
            guard candidates[i].dateSource == .expression, candidates[j].dateSource == .expression,
                  candidates[i].mention.article != candidates[j].mention.article,
                  let a = candidates[i].mention.value.day, let b = candidates[j].mention.value.day,
                  abs(a.dayNumber - b.dayNumber) <= disagreementDays else { return false }
            return signatures[i].similarity(signatures[j]) >= disagreementThreshold
        }
        var conflicting: [(Int, Int)] = []
        var pairs: [(Double, Int, Int)] = []
        var lastSeen = [Int](repeating: -1, count: candidates.count)
        for key in buckets.keys.sorted() {
            let members = buckets[key]!
            var postings: [Int32: [Int]] = [:]
            for i in members { for t in signatures[i].ids { postings[t, default: []].append(i) } }
            for i in members {
                for t in signatures[i].ids {
                    for j in postings[t]! where j > i && lastSeen[j] != i && max(startMonth[i], startMonth[j]) == key {
                        lastSeen[j] = i
                        guard compatible(i, j) else {
                            if disagree(i, j) { conflicting.append((i, j)) }
                            continue
                        }
                        let sim = signatures[i].similarity(signatures[j])
                        let sameArticle = candidates[i].mention.article == candidates[j].mention.article
                        if sim >= (sameArticle ? sameArticleThreshold : crossArticleThreshold) {
                            pairs.append((sim, i, j))
                        }
                    }
                }
            }
        }
        // Strongest links first, so a mention joins the happening it is closest to.
        pairs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var members: [Int: [Int]] = Dictionary(uniqueKeysWithValues: candidates.indices.map { ($0, [$0]) })
        for (_, i, j) in pairs {
            let a = find(i), b = find(j)
            guard a != b else { continue }
            // Merge only when the two groups agree on dates and are similar on average (no chaining drift).
            let ga = members[a]!, gb = members[b]!
            guard ga.allSatisfy({ x in gb.allSatisfy { compatible(x, $0) } }) else { continue }
            var sum = 0.0
            for x in ga { for y in gb { sum += signatures[x].similarity(signatures[y]) } }
            guard sum / Double(ga.count * gb.count) >= crossArticleThreshold * 0.8 else { continue }
            let (root, child) = a < b ? (a, b) : (b, a)
            parent[child] = root
            members[root]! += members[child]!
            members[child] = nil
        }
        // One happening dated differently by its sources: join the two groups when no article is in
        // both (an article giving two days tells two happenings) and their days stay close.
        for (i, j) in conflicting {
            let a = find(i), b = find(j)
            guard a != b else { continue }
            let ga = members[a]!, gb = members[b]!
            let articlesA = Set(ga.map { candidates[$0].mention.article })
            guard !gb.contains(where: { articlesA.contains(candidates[$0].mention.article) }) else { continue }
            let days = (ga + gb).compactMap { intervals[$0] }
            guard let first = days.map(\.start.dayNumber).min(), let last = days.map(\.end.dayNumber).max(),
                  last - first <= disagreementDays else { continue }
            let (root, child) = a < b ? (a, b) : (b, a)
            parent[child] = root
            members[root]! += members[child]!
            members[child] = nil
        }
        var events: [Event] = []
        for root in members.keys.sorted() {
            events.append(makeEvent(members[root]!.sorted().map { candidates[$0] }))
        }
        return events
    }

    /// Same value, or one's days lie inside the other's (a day within its week or month).
    public static func compatible(_ a: TimexValue, _ b: TimexValue) -> Bool {
        compatible(a, a.interval, b, b.interval)
    }

    /// The same test with the intervals already computed (merging asks it for many pairs).
    static func compatible(_ a: TimexValue, _ x: DayInterval?, _ b: TimexValue, _ y: DayInterval?) -> Bool {
        guard let x, let y else { return a == b }
        return x.contains(y) || y.contains(x)
    }

    func makeEvent(_ group: [Candidate]) -> Event {
        // The date: the most precise value among the best-supported explicit mentions.
        let explicit = group.filter { $0.dateSource == .expression }
        let pool = explicit.isEmpty ? group : explicit
        var support: [TimexValue: Int] = [:]
        for c in pool { support[c.mention.value, default: 0] += 1 }
        let value = support.keys.sorted { a, b in
            if a.grain != b.grain { return a.grain < b.grain }
            if support[a]! != support[b]! { return support[a]! > support[b]! }
            return a.description < b.description
        }.first!
        let representative = group.max { a, b in Self.quality(a, value) < Self.quality(b, value) }!
        let sources = Array(Set(group.map(\.mention.article))).sorted()
        let expected = group.filter { $0.status == .expected }.count
        let status: EventStatus = expected * 2 > group.count ? .expected : .happened
        let hasExplicit = !explicit.isEmpty
        let earliest = group.map(\.position).min() ?? 0
        let score = Double(sources.count) * 2 + (hasExplicit ? 2 : 0) + max(0, 1 - Double(earliest) / 20)
        let id = Self.identifier(value: value, mention: group[0].mention)
        return Event(id: id, value: value, status: status, representative: representative.mention,
                     mentions: group.map(\.mention), sources: sources, isKey: hasExplicit || sources.count > 1,
                     score: (score * 100).rounded() / 100, entities: Self.entities(group.map(\.mention)),
                     disagreement: Self.disagreement(explicit))
    }

    /// The days explicit mentions give, when they give more than one, each with its articles.
    static func disagreement(_ explicit: [Candidate]) -> [DateClaim] {
        var byDay: [CivilDate: Set<String>] = [:]
        for c in explicit {
            guard let day = c.mention.value.day else { continue }
            byDay[day, default: []].insert(c.mention.article)
        }
        guard byDay.count > 1 else { return [] }
        return byDay.keys.sorted().map { DateClaim(value: .day($0), articles: byDay[$0]!.sorted()) }
    }

    /// The names the mentions give, the most often named first, then in order of first appearance.
    static func entities(_ mentions: [Mention]) -> [String] {
        var count: [String: Int] = [:]
        var order: [String] = []
        for m in mentions {
            for name in m.entities {
                if count[name] == nil { order.append(name) }
                count[name, default: 0] += 1
            }
        }
        return order.enumerated().sorted { a, b in
            count[a.element]! != count[b.element]! ? count[a.element]! > count[b.element]! : a.offset < b.offset
        }.map(\.element)
    }

    /// Prefers explicitly dated mentions of the chosen value, early in their article, of readable length.
    static func quality(_ c: Candidate, _ value: TimexValue) -> (Int, Int, Int, Int, Int) {
        let length = c.mention.sentence.count
        let readable = (50...280).contains(length) ? 1 : 0
        return (c.dateSource == .expression ? 1 : 0, c.mention.value == value ? 1 : 0, readable, -c.position,
                -c.mention.sentenceIndex)
    }

    /// A short stable id: FNV-1a of the date and the first mention's place.
    static func identifier(value: TimexValue, mention: Mention) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "\(value)|\(mention.article)|\(mention.blockOrdinal)|\(mention.sentenceIndex)".utf8 {
            hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "e" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
