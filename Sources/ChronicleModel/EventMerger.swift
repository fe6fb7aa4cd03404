import ChronicleTime
import Dispatch

/// Groups mentions into events: mentions with compatible dates that describe the same
/// happening become one event; then each event gets its date, text, status and salience.
public struct EventMerger: Sendable {
    /// Minimum similarity of two sentences from different articles to count as one happening.
    public var crossArticleThreshold = 0.30
    /// Within one article, a repeated account must be closer still.
    public var sameArticleThreshold = 0.45
    /// Two groups join when their members' mean cosine similarity reaches this (cosine runs a
    /// little above Dice on these vectors, so it sits a little above the link thresholds' 80%).
    public var groupThreshold = 0.28
    /// Two accounts from different articles this close, whose explicit days differ by at most
    /// `disagreementDays`, are one happening the sources date differently ("sources disagree").
    public var disagreementThreshold = 0.6
    public var disagreementDays = 3
    /// A group announcing a day joins the group reporting that day that fits it best only when the
    /// runner-up reaches less than this share of its score, and their actors' similarity reaches
    /// `sharedActors` (cosine of the names they and their stories give, rarer names weighing more).
    public var clearChoice = 0.8
    public var sharedActors = 0.3
    /// A coarser mention ("later this month") whose links to mentions of two different days inside
    /// it are this close (the weaker at least this share of the stronger) joins neither.
    public var equallyGood = 0.95

    public init() {}

    /// A mention with what the merger needs to know about it.
    public struct Candidate: Codable, Sendable {
        public var mention: Mention
        public var status: EventStatus
        public var dateSource: DateSource
        /// Position of the article's sentence among its article's sentences, 0-based.
        public var position: Int
        /// The period it is merged in, when not its value's own: a value longer than a month that
        /// holds its article's publication day ("in 2010", "this year") is the article's news and is
        /// merged with the month it was published in, where the days it holds are.
        public var filedIn: Period?
        /// Its article's publication day, in the article's own zone: a mention of a later day
        /// announces what reports of that day describe.
        public var published: CivilDate?
        /// The names its article keeps returning to (in two sentences or more): the actors of the
        /// story it belongs to, even where its own sentence names none ("The ceasefire is set to expire").
        public var storyNames: [String]

        public init(mention: Mention, status: EventStatus, dateSource: DateSource, position: Int, filedIn: Period? = nil,
                    published: CivilDate? = nil, storyNames: [String] = []) {
            self.mention = mention
            self.status = status
            self.dateSource = dateSource
            self.position = position
            self.filedIn = filedIn
            self.published = published
            self.storyNames = storyNames
        }

        /// Told ahead of its day, as scheduled: an announcement.
        var isAnnouncement: Bool {
            Self.isAnnouncement(status: status, published: published, first: mention.value.interval?.start)
        }

        /// Told with a date of its own as having happened: a report.
        var isReport: Bool { Self.isReport(status: status, dateSource: dateSource) }

        /// `isAnnouncement` from the fields it reads (`first`: the first day of the mention's value), and
        /// `isReport`: for a candidate read in place through a buffer pointer, which a getter would copy
        /// whole (every field retained) first.
        static func isAnnouncement(status: EventStatus, published: CivilDate?, first: CivilDate?) -> Bool {
            guard status == .expected, let published, let first else { return false }
            return published < first
        }

        static func isReport(status: EventStatus, dateSource: DateSource) -> Bool {
            status == .happened && dateSource == .expression
        }

        /// The period it is merged in.
        public var period: Period? { filedIn ?? Period(of: mention.value) }
    }

    /// Merges every candidate: each period's mentions on their own (in parallel), in input order
    /// within a period. Events come out in the order of their first mention.
    public func merge(_ candidates: [Candidate], names: SiteNames? = nil) -> [Event] {
        var periods: [Period: [Int]] = [:]
        var loose: [[Int]] = []
        for (i, c) in candidates.enumerated() {
            if let period = c.period { periods[period, default: []].append(i) } else { loose.append([i]) }
        }
        // Biggest periods first, so the last one to finish is a small one.
        let keys = periods.keys.sorted { (periods[$0]!.count, $1) > (periods[$1]!.count, $0) }
        let members = keys.map { periods[$0]! }
        let results = ResultSlots<[[Int]]>(count: members.count)
        DispatchQueue.concurrentPerform(iterations: members.count) { k in
            results.set(k, groups(members[k].map { candidates[$0] }).map { $0.map { members[k][$0] } })
        }
        let all = (results.values().flatMap { $0 } + loose).sorted { $0[0] < $1[0] }
        let prepared = Prepared(candidates)
        return all.map { makeEvent(candidates, members: $0, names: names, prepared: prepared) }
    }

    /// One period's candidates (in timeline order) grouped into happenings, as indices into `candidates`.
    public func groups(_ candidates: [Candidate]) -> [[Int]] {
        MonthGrouping(candidates, merger: self).groups()
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

    /// The event a group of mentions makes: its date, representative sentence, status, salience,
    /// actors and the days its sources disagree on.
    /// - Parameter names: the site-wide pass that turns the mentions' `names` into `entities`;
    ///   without it the mentions' `entities` stand as given.
    public func makeEvent(_ group: [Candidate], names: SiteNames? = nil) -> Event {
        makeEvent(group, members: Array(group.indices), names: names)
    }

    /// The event `members` (indices into `candidates`) make, the candidates read in place.
    /// - Parameter prepared: what the candidates give every event, worked out once (per period);
    ///   without it, worked out for `members`.
    func makeEvent(_ candidates: [Candidate], members: [Int], names: SiteNames? = nil, prepared: Prepared? = nil) -> Event {
        let prepared = prepared ?? Prepared(candidates, only: members)
        return candidates.withUnsafeBufferPointer { c in
            prepared.traits.withUnsafeBufferPointer {
                makeEvent(members.map { c[$0].mention }, period: c[members[0]].period, members: members, names: names, traits: $0,
                          slugs: prepared.slugs, descriptions: prepared.descriptions, resolutions: prepared.resolutions)
            }
        }
    }

    /// The events `groups` (indices into `candidates`, each candidate in one group at most) make, as
    /// `makeEvent` makes them, each mention moved into its event rather than copied (a copy retains
    /// each of its fields, and the candidate's release then releases them again): the candidates
    /// are left with blank mentions. With `helpWhen`, a large period's events are made in chunks of
    /// groups (`eventChunks`) that other threads take once it says a core is free (`sharedPerform`):
    /// a rebuild merges a few periods of very unequal sizes, and a core done with its own takes part
    /// of the last one's. Each event is made in its place, so the order (and every byte) is the
    /// same however the chunks run.
    func takeEvents(_ candidates: inout [Candidate], groups: [[Int]], names: SiteNames?, prepared: Prepared,
                    helpWhen: (@Sendable () -> Bool)? = nil) -> [Event] {
        let chunks = helpWhen == nil ? [groups.indices] : Self.eventChunks(groups, candidateCount: candidates.count)
        return [Event](unsafeUninitializedCapacity: groups.count) { buffer, count in
            candidates.withUnsafeMutableBufferPointer { c in
                let work = EventChunks(candidates: c, events: buffer, groups: groups, chunks: chunks, merger: self, names: names,
                                       prepared: prepared)
                sharedPerform(iterations: chunks.count, helpWhen: helpWhen) { work.make($0) }
            }
            count = groups.count
        }
    }

    /// Mentions from which a period's events are made in chunks, and about the mentions of each: a
    /// smaller period is made on one core (a clean build's many periods keep the cores busy).
    static let mentionsPerEventChunk = 2_048
    static let maximumEventChunks = 8

    /// Whether a period of `candidateCount` mentions has its events made in chunks.
    static func makesEventsInChunks(_ candidateCount: Int) -> Bool { candidateCount / mentionsPerEventChunk > 1 }

    /// `groups` cut into runs of about equal mention counts (one run for a small period).
    static func eventChunks(_ groups: [[Int]], candidateCount: Int) -> [Range<Int>] {
        let count = min(maximumEventChunks, candidateCount / mentionsPerEventChunk)
        guard makesEventsInChunks(candidateCount), groups.count > 1 else { return [groups.indices] }
        let total = groups.reduce(0) { $0 + $1.count }
        var chunks: [Range<Int>] = []
        var start = 0, mentions = 0
        for g in groups.indices {
            mentions += groups[g].count
            if mentions * count >= total * (chunks.count + 1), chunks.count < count - 1 {
                chunks.append(start..<(g + 1))
                start = g + 1
            }
        }
        if start < groups.count { chunks.append(start..<groups.count) }
        return chunks
    }

    /// What the chunks of `takeEvents` share. Chunks move the mentions of different candidates
    /// (each candidate is in one group at most) and fill different events: no lock.
    private struct EventChunks: @unchecked Sendable {
        let candidates: UnsafeMutableBufferPointer<Candidate>
        let events: UnsafeMutableBufferPointer<Event>
        let groups: [[Int]]
        let chunks: [Range<Int>]
        let merger: EventMerger
        let names: SiteNames?
        let prepared: Prepared

        /// The events of chunk `k`, each made in its place. A chunk of several has lookups of its own
        /// (`Prepared`'s are not shared between threads).
        func make(_ k: Int) {
            let (descriptions, resolutions) = chunks.count == 1
                ? (prepared.descriptions, prepared.resolutions) : (Prepared.Descriptions(), Prepared.Resolutions())
            let c = candidates
            prepared.traits.withUnsafeBufferPointer { traits in
                for g in chunks[k] {
                    let members = groups[g]
                    let period = c[members[0]].period
                    let mentions = [Mention](unsafeUninitializedCapacity: members.count) { buffer, count in
                        for (k, i) in members.enumerated() {
                            withUnsafeMutablePointer(to: &c[i].mention) { mention in
                                (buffer.baseAddress! + k).moveInitialize(from: mention, count: 1)
                                mention.initialize(to: Mention.blank)
                            }
                        }
                        count = members.count
                    }
                    (events.baseAddress! + g).initialize(to: merger.makeEvent(
                        consume mentions, period: period, members: members, names: names, traits: traits, slugs: prepared.slugs,
                        descriptions: descriptions, resolutions: resolutions))
                }
            }
        }
    }

    /// What making an event reads of a candidate besides its mention, worked out once (a candidate
    /// read in place field by field is still copied whole, every field retained, more often than not).
    struct Traits {
        var explicit = false
        var expected = false
        var report = false
        var readable = false
        var position = 0
        var sentenceIndex = 0
        /// Its article's place among `Prepared.slugs`.
        var article = 0
    }

    /// Each candidate's `Traits`, and the slugs of their articles in order: an event's sources are
    /// sorted as numbers.
    struct Prepared {
        var traits: [Traits]
        var slugs: [String]
        /// The text of each value an event took (a period's events take few values).
        let descriptions = Descriptions()
        let resolutions = Resolutions()

        final class Descriptions {
            private var known: [TimexValue: String] = [:]

            func of(_ value: TimexValue) -> String {
                if let text = known[value] { return text }
                let text = value.description
                known[value] = text
                return text
            }
        }

        /// The lists of names the site-wide pass resolved, and their entities. A list read from the
        /// cache is one array wherever its bytes recur (`Mention.SharedValues`): a month's tens of
        /// thousands of mentions give a few thousand lists, each found again here by where its
        /// elements lie (the list is kept, so that storage is not freed and reused for another).
        /// Mentions one after another most often give the same list (the accounts of one happening,
        /// an article's sentences): the last is tried first.
        final class Resolutions {
            private var last: (names: [ArticleName], entities: [String])?
            private var known: [UnsafeRawPointer: (names: [ArticleName], entities: [String])] = [:]

            func entities(of names: [ArticleName], by site: SiteNames) -> [String] {
                if let last, last.names == names { return last.entities }
                let place = names.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
                if let place, let found = known[place], found.names.count == names.count {
                    last = found
                    return found.entities
                }
                let entities = site.resolve(names)
                last = (names, entities)
                if let place { known[place] = (names, entities) }
                return entities
            }
        }

        /// - Parameter only: the candidates worked out (the others are left blank); all when nil.
        init(_ candidates: [Candidate], only: [Int]? = nil) {
            let picked = only ?? Array(candidates.indices)
            var numbers = StringNumbers()
            var number = [Int](repeating: 0, count: candidates.count)
            var traits = [Traits](repeating: Traits(), count: candidates.count)
            candidates.withUnsafeBufferPointer { c in
                var last = -1
                for i in picked {
                    // An article's mentions are next to each other: its slug is looked up once per run.
                    number[i] = last >= 0 && c[i].mention.article == c[last].mention.article ? number[last] : numbers.number(c[i].mention.article)
                    last = i
                    traits[i] = Traits(explicit: c[i].dateSource == .expression, expected: c[i].status == .expected,
                                       report: c[i].status == .happened && c[i].dateSource == .expression,
                                       readable: (50...280).contains(characterCount(c[i].mention.sentence)), position: c[i].position,
                                       sentenceIndex: c[i].mention.sentenceIndex)
                }
            }
            let order = numbers.strings.indices.sorted { numbers.strings[$0] < numbers.strings[$1] }
            slugs = order.map { numbers.strings[$0] }
            var place = [Int](repeating: 0, count: order.count)
            for (k, n) in order.enumerated() { place[n] = k }
            for i in picked { traits[i].article = place[number[i]] }
            self.traits = traits
        }
    }

    /// - Parameters:
    ///   - mentions: those of `members`, in order.
    ///   - period: `Candidate.period` of the first member.
    private func makeEvent(_ taken: consuming [Mention], period: Period?, members: [Int], names: SiteNames?,
                           traits: UnsafeBufferPointer<Traits>, slugs: [String], descriptions: Prepared.Descriptions,
                           resolutions: Prepared.Resolutions) -> Event {
        var mentions = consume taken
        if let names {
            for k in mentions.indices where !Self.resolvesAsGiven(mentions[k]) {
                mentions[k].entities = resolutions.entities(of: mentions[k].names, by: names)
            }
        }
        // The date: the most precise value among the best-supported explicit mentions.
        let explicit = members.indices.filter { traits[members[$0]].explicit }
        // Each value once, with how many mentions give it (an event gives few, so a list beats hashing),
        // and each mention's place in that list (-1 for a value not counted).
        var values: [TimexValue] = [], support: [Int] = []
        var valueOf = [Int](repeating: -1, count: members.count)
        for k in members.indices where explicit.isEmpty || traits[members[k]].explicit {
            if let i = values.firstIndex(of: mentions[k].value) {
                valueOf[k] = i
                support[i] += 1
            } else {
                valueOf[k] = values.count
                values.append(mentions[k].value)
                support.append(1)
            }
        }
        if !explicit.isEmpty {
            for k in members.indices where !traits[members[k]].explicit { valueOf[k] = values.firstIndex(of: mentions[k].value) ?? -1 }
        }
        // The first in this order (ties by text are worked out only when grain and support tie).
        let chosen = values.indices.min { a, b in
            if values[a].grain != values[b].grain { return values[a].grain < values[b].grain }
            if support[a] != support[b] { return support[a] > support[b] }
            return values[a].description < values[b].description
        }!
        let value = values[chosen]
        // The first of the best (as `max(by:)` picks): explicitly dated mentions of the chosen value,
        // early in their article, of readable length.
        func quality(_ k: Int) -> (Int, Int, Int, Int, Int) {
            let t = traits[members[k]]
            return (t.explicit ? 1 : 0, valueOf[k] == chosen ? 1 : 0, t.readable ? 1 : 0, -t.position, -t.sentenceIndex)
        }
        var representative = 0
        var best = quality(0)
        for k in members.indices.dropFirst() {
            let q = quality(k)
            if best < q { (representative, best) = (k, q) }
        }
        // Sorted and each once, as `Set(…).sorted()` gives them: by their places in the slugs' order
        // (an article's mentions are next to each other).
        var places: [Int] = []
        for i in members where places.last != traits[i].article { places.append(traits[i].article) }
        places.sort()
        var sources: [String] = []
        sources.reserveCapacity(places.count)
        for k in places.indices where k == 0 || places[k] != places[k - 1] { sources.append(slugs[places[k]]) }
        var expected = 0, earliest = Int.max, reported = false
        for i in members {
            if traits[i].expected { expected += 1 }
            earliest = min(earliest, traits[i].position)
            if traits[i].report { reported = true }
        }
        // Once a source reports it with a date of its own, it happened, however often it was announced.
        let status: EventStatus = !reported && expected * 2 > members.count ? .expected : .happened
        let hasExplicit = !explicit.isEmpty
        let score = Double(sources.count) * 2 + (hasExplicit ? 2 : 0) + max(0, 1 - Double(earliest) / 20)
        let id = Self.identifier(value: value, mention: mentions[0], description: descriptions.of(value))
        return Event(id: id, value: value, period: period, status: status, representative: mentions[representative],
                     mentions: mentions, sources: sources, isKey: hasExplicit || sources.count > 1,
                     score: (score * 100).rounded() / 100, entities: Self.entities(mentions),
                     disagreement: Self.disagreement(mentions, explicit: explicit))
    }

    /// Whether the site-wide pass leaves the mention's `entities` as they are: its names are all
    /// closed (each resolves to itself), each given once, and `entities` lists them in order.
    static func resolvesAsGiven(_ mention: borrowing Mention) -> Bool {
        let names = mention.names, entities = mention.entities
        guard names.count == entities.count else { return false }
        for i in names.indices {
            guard !names[i].isOpen, names[i].name == entities[i] else { return false }
            for j in 0..<i where names[j].name == names[i].name { return false }
        }
        return true
    }

    /// The days the mentions at `explicit` give, when they give more than one, each with its articles.
    static func disagreement(_ mentions: [Mention], explicit: [Int]) -> [DateClaim] {
        // Most events agree on their day, or give none: nothing to gather then (and no list made).
        var first: CivilDate?, differ = false
        for k in explicit {
            guard let day = mentions[k].value.day else { continue }
            if first == nil { first = day } else if first != day { differ = true; break }
        }
        guard differ else { return [] }
        var byDay: [CivilDate: Set<String>] = [:]
        for k in explicit {
            guard let day = mentions[k].value.day else { continue }
            byDay[day, default: []].insert(mentions[k].article)
        }
        return byDay.keys.sorted().map { DateClaim(value: .day($0), articles: byDay[$0]!.sorted()) }
    }

    /// The names the mentions give, the most often named first, then in order of first appearance.
    static func entities(_ mentions: [Mention]) -> [String] {
        // Each name once with its count, in order of first appearance: a list while it is short
        // (an event names a few actors), indexed by a dictionary beyond that.
        var order: [String] = []
        var count: [Int] = []
        var index: [String: Int] = [:]
        for m in mentions.indices {
            for name in mentions[m].entities {
                let known = order.count <= 16 ? order.firstIndex(of: name) : index[name]
                if let known {
                    count[known] += 1
                    continue
                }
                if order.count == 16 { for (i, n) in order.enumerated() { index[n] = i } }
                if order.count >= 16 { index[name] = order.count }
                order.append(name)
                count.append(1)
            }
        }
        return order.indices.sorted { a, b in count[a] != count[b] ? count[a] > count[b] : a < b }.map { order[$0] }
    }

    /// `text.count` without walking grapheme clusters when every character of the text is one
    /// scalar that forms a cluster of its own, as in nearly every sentence: ASCII without carriage
    /// returns, Latin letters and signs below U+0300 (where combining marks begin), and the dashes,
    /// quotes and other punctuation of U+2010–U+2027 and U+2030–U+205E (none of which joins a
    /// neighbour: no extending mark, joiner, prepended or Hangul scalar is among them).
    static func characterCount(_ text: String) -> Int {
        var text = text
        let scalars: Int? = text.withUTF8 { bytes in
            var i = 0, count = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while i < bytes.count {
                // Eight ASCII bytes at a time: no high bit set, and no byte equal to 0x0D (a zero byte after xor).
                if i + 8 <= bytes.count {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let cr = w ^ 0x0D0D_0D0D_0D0D_0D0D
                    if (w | ((cr &- 0x0101_0101_0101_0101) & ~cr)) & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        count += 8
                        continue
                    }
                }
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x0D { return nil }
                    i += 1
                } else if b < 0xE0 {
                    // Two bytes: U+0080–U+07FF.
                    guard i + 1 < bytes.count, (UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) < 0x300 else { return nil }
                    i += 2
                } else if b < 0xF0 {
                    guard i + 2 < bytes.count else { return nil }
                    let scalar = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    guard (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar) else { return nil }
                    i += 3
                } else {
                    return nil
                }
                count += 1
            }
            return count
        }
        return scalars ?? text.count
    }

    /// A short stable id: FNV-1a of the date and the first mention's place (the text
    /// "value|article|block|sentence", hashed piece by piece rather than built), in hex after an "e".
    /// - Parameter description: `value.description`, when known already.
    static func identifier(value: TimexValue, mention: Mention, description: String? = nil) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func byte(_ b: UInt8) { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        func text(_ text: String) {
            var text = text
            text.withUTF8 { for b in $0 { byte(b) } }
        }
        // The digits of `String(n)`, most significant first, without the string.
        func number(_ n: Int) {
            guard n >= 0 else { return text(String(n)) }
            var unit = 1
            while unit <= n / 10 { unit *= 10 }
            var rest = n
            while unit > 0 {
                byte(0x30 + UInt8(truncatingIfNeeded: rest / unit))
                rest %= unit
                unit /= 10
            }
        }
        let bar: UInt8 = 0x7C
        text(description ?? value.description)
        byte(bar)
        text(mention.article)
        byte(bar)
        number(mention.blockOrdinal)
        byte(bar)
        number(mention.sentenceIndex)
        return String(unsafeUninitializedCapacity: 17) { out in
            out[0] = 0x65  // "e"
            for k in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: hash >> (60 - 4 * UInt64(k))) & 0xF
                out[1 + k] = digit < 10 ? 0x30 + digit : 0x57 + digit
            }
            return 17
        }
    }
}
