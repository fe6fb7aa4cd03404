import ChronicleModel
import ChronicleTime
import Foundation

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
    var highlights: [PeriodShares.Brief] = []
    /// What each article's page shows about the period's events, by slug.
    var articles = ArticleShares()
    /// Its events that name actors, in timeline order: what actor pages are listed and
    /// fingerprinted from without loading the period.
    var named: [NamedEvent] = []

    static let highlightCount = 3

    /// An article's part in the period: how many events it reports, and a fingerprint of what its
    /// page shows about them (their dates, status, text, whether key, and its sentences in them).
    struct Share: Codable, Sendable {
        var eventCount = 0
        var fingerprint: UInt64 = 0
        /// Of the events' source counts alone: a page that does not show them need not change with them.
        var sourceCounts: UInt64 = 0

        init(eventCount: Int = 0, fingerprint: UInt64 = 0, sourceCounts: UInt64 = 0) {
            self.eventCount = eventCount
            self.fingerprint = fingerprint
            self.sourceCounts = sourceCounts
        }

        /// Stored as one list of three numbers (a digest holds one per article of its period).
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode([UInt64(eventCount), fingerprint, sourceCounts])
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            let values = try c.decode([UInt64].self)
            guard values.count == 3, let count = Int(exactly: values[0]) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an article share")
            }
            self.init(eventCount: count, fingerprint: values[1], sourceCounts: values[2])
        }
    }

    /// An event that names actors, as actor pages need to know it.
    struct NamedEvent: Codable, Sendable {
        var score: Double
        /// Of everything its card shows but the actors' pages (`EventView`).
        var fingerprint: UInt64
        /// `Event.entities`.
        var names: [String]
        /// Its brief, but for the text when that is still the UTF-8 bytes its cache file holds
        /// (`textBytes`): every build reads every period's named events, and only the actor pages it
        /// renders show their texts.
        private var known: PeriodShares.Brief
        private var textBytes: ArraySlice<UInt8>?

        init(brief: PeriodShares.Brief, score: Double, fingerprint: UInt64, names: [String]) {
            (known, textBytes, self.score, self.fingerprint, self.names) = (brief, nil, score, fingerprint, names)
        }

        /// - Parameter brief: with any text; the text is `text`, as UTF-8 read from the cache (valid: its checksum held).
        init(brief: PeriodShares.Brief, text: ArraySlice<UInt8>, score: Double, fingerprint: UInt64, names: [String]) {
            (known, textBytes, self.score, self.fingerprint, self.names) = (brief, text, score, fingerprint, names)
        }

        var brief: PeriodShares.Brief {
            guard let textBytes else { return known }
            var brief = known
            brief.text = String(decoding: textBytes, as: UTF8.self)
            return brief
        }

        var id: String { known.id }
        var isKey: Bool { known.isKey }
        var status: EventStatus { known.status }

        private enum CodingKeys: String, CodingKey { case brief, score, fingerprint, names }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(brief: try c.decode(PeriodShares.Brief.self, forKey: .brief), score: try c.decode(Double.self, forKey: .score),
                      fingerprint: try c.decode(UInt64.self, forKey: .fingerprint), names: try c.decode([String].self, forKey: .names))
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(brief, forKey: .brief)
            try c.encode(score, forKey: .score)
            try c.encode(fingerprint, forKey: .fingerprint)
            try c.encode(names, forKey: .names)
        }
    }

    /// The positions of the most important events (key first, then by score), in timeline order.
    static func highlights(_ events: [(isKey: Bool, score: Double)]) -> [Int] {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: highlightCount + 1) { best in
            Array(best[..<highlights(count: events.count, into: best) { events[$0] }])
        }
    }

    /// `highlights` of `count` events given one at a time, the best `highlightCount` kept in one pass
    /// in `best` (room for `highlightCount + 1`, no list made: an actor's page is fingerprinted from its
    /// highlights in each of its periods, every build): how many, `best[..<count]` in timeline order.
    static func highlights(count: Int, into best: UnsafeMutableBufferPointer<Int>, _ event: (Int) -> (isKey: Bool, score: Double)) -> Int {
        func before(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (event(a), event(b))
            if x.isKey != y.isKey { return x.isKey }
            if x.score != y.score { return x.score > y.score }
            return a < b
        }
        var picked = 0
        for k in 0..<count {
            guard picked < highlightCount || before(k, best[picked - 1]) else { continue }
            var at = picked
            for j in 0..<picked where before(k, best[j]) {
                at = j
                break
            }
            var j = picked
            while j > at {
                best[j] = best[j - 1]
                j -= 1
            }
            best[at] = k
            picked = min(picked + 1, highlightCount)
        }
        // In timeline order.
        for i in 1..<max(picked, 1) {
            var j = i
            while j > 0 && best[j - 1] > best[j] {
                (best[j - 1], best[j]) = (best[j], best[j - 1])
                j -= 1
            }
        }
        return picked
    }

    /// An actor's part of a period on a paged site: its events' counts and its highlights.
    init(section period: Period, named: [NamedEvent]) {
        self.period = period
        hash = 0
        eventCount = named.count
        keyCount = named.filter(\.isKey).count
        expectedCount = named.filter { $0.status == .expected }.count
        highlights = Self.highlights(named.map { ($0.isKey, $0.score) }).map { named[$0].brief }
    }

    /// Counts alone, for a part of a period (an actor's events in it).
    init(section period: Period, events: [Event]) {
        self.period = period
        hash = 0
        eventCount = events.count
        keyCount = events.filter(\.isKey).count
        expectedCount = events.filter { $0.status == .expected }.count
    }

    /// - Parameter articleHashes: the content hash of each article by slug: an event's card shows
    ///   its sources' titles and outlets, so its fingerprint covers them.
    ///   - cards: each event's `fingerprint`, when worked out already.
    init(period: Period, hash: UInt64, events: [Event], shares: PeriodShares? = nil, articleHashes: [String: UInt64] = [:],
         cards: [UInt64]? = nil) {
        self.period = period
        self.hash = hash
        eventCount = events.count
        // Counted and bounded by index: no event copied (filtering the list would copy each one kept).
        for i in events.indices {
            if events[i].isKey { keyCount += 1 }
            if events[i].status == .expected { expectedCount += 1 }
            guard let interval = events[i].value.interval else { continue }
            if first.map({ Self.before(interval.start, $0) }) ?? true { first = interval.start }
            if last.map({ Self.before($0, interval.end) }) ?? true { last = interval.end }
        }
        // The events in brief as the shares hold them (one per event, in order).
        let shares = shares ?? PeriodShares(events: events)
        highlights = Self.highlights(events.map { ($0.isKey, $0.score) }).map { shares.events[$0] }
        named = events.indices.filter { !events[$0].entities.isEmpty }.map { i in
            NamedEvent(brief: shares.events[i], score: events[i].score,
                       fingerprint: cards?[i] ?? Self.fingerprint(events[i], articleHashes: articleHashes), names: events[i].entities)
        }
        // What an article page shows of each event, hashed once per event (in one buffer).
        var brief = HashInput()
        var briefs: [UInt64] = []
        briefs.reserveCapacity(shares.events.count)
        for e in shares.events.indices {
            brief.removeAll()
            brief.add(shares.events[e].id)
            brief.add(shares.events[e].value)
            brief.add(shares.events[e].status.rawValue)
            brief.add(shares.events[e].isKey ? 1 : 0)
            brief.add(shares.events[e].text)
            briefs.append(brief.hash)
        }
        // Each article's events and sentences, the events by their briefs' hashes (which cover their ids).
        let entries = shares.entries
        var prints: [Share] = []
        prints.reserveCapacity(entries.count)
        for entry in entries {
            let share = entry.share
            var text = Fingerprinter()
            var counts = Fingerprinter()
            for i in share.events {
                text.add(briefs[i])
                counts.add(shares.events[i].sourceCount)
            }
            text.add(-1)
            for ref in share.sentences {
                text.add(ref.block)
                text.add(ref.sentence)
                text.add(briefs[ref.event])
            }
            prints.append(Share(eventCount: share.events.count, fingerprint: text.value, sourceCounts: counts.value))
        }
        self.articles = ArticleShares(ordered: entries.map(\.slug), hashes: entries.map(\.hash), shares: prints)
    }

    /// `a < b` of valid days (every `CivilDate` is one) by their fields: no day numbers worked out.
    private static func before(_ a: CivilDate, _ b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Each article's share of the period in `HashedKeys` order (by its slug's XXH64, ties by the
    /// slug's bytes), as the digest's cache file holds them: read back as they lie (the slugs as
    /// their bytes in the file, no string made), and looked up by the slug's hash (worked out once
    /// per article for all its periods).
    struct ArticleShares: Codable, Sendable {
        /// Each slug's UTF-8 bytes: `slugRanges[i]` of `slugBytes`.
        private var slugBytes: ArraySlice<UInt8> = []
        private var slugRanges: [Range<Int>] = []
        private(set) var hashes: [UInt64] = []
        private(set) var shares: [Share] = []

        init() {}

        /// Each slug once, in any order.
        init(unordered slugs: [String], shares: [Share]) {
            let (order, hashes) = HashedKeysOrder.of(slugs)
            self.init(ordered: order.map { slugs[$0] }, hashes: hashes, shares: order.map { shares[$0] })
        }

        /// Each slug once, in `HashedKeys` order, with its hash.
        init(ordered slugs: [String], hashes: [UInt64], shares: [Share]) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(slugs.reduce(0) { $0 + $1.utf8.count })
            slugRanges.reserveCapacity(slugs.count)
            for slug in slugs {
                let start = bytes.count
                bytes += slug.utf8
                slugRanges.append(start..<bytes.count)
            }
            slugBytes = bytes[...]
            self.hashes = hashes
            self.shares = shares
        }

        /// As the cache holds them: in order, with the slugs' hashes (its checksum holds, so they are
        /// the slugs' own), each slug `slugRanges[i]` of `slugBytes` (valid UTF-8); else (never
        /// written so) put in order.
        init(slugBytes: ArraySlice<UInt8>, slugRanges: [Range<Int>], hashes: [UInt64], shares: [Share]) {
            guard hashes.count == slugRanges.count, zip(hashes, hashes.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                self.init(unordered: slugRanges.map { String(decoding: slugBytes[$0], as: UTF8.self) }, shares: shares)
                return
            }
            self.init()
            (self.slugBytes, self.slugRanges, self.hashes, self.shares) = (slugBytes, slugRanges, hashes, shares)
        }

        /// The UTF-8 bytes of the slug at `i`.
        func slugUTF8(_ i: Int) -> ArraySlice<UInt8> { slugBytes[slugRanges[i]] }

        var slugs: [String] { slugRanges.map { String(decoding: slugBytes[$0], as: UTF8.self) } }

        var count: Int { slugRanges.count }
        var isEmpty: Bool { slugRanges.isEmpty }

        subscript(slug: String) -> Share? { self[slug, hash: ContentHash.xxh64(slug)] }

        /// The share of `slug`, whose XXH64 is `hash`.
        subscript(slug: String, hash hash: UInt64) -> Share? {
            var (low, high) = (0, hashes.count)
            while low < high {
                let mid = (low + high) / 2
                if hashes[mid] < hash { low = mid + 1 } else { high = mid }
            }
            while low < hashes.count && hashes[low] == hash {
                if hasSlug(low, slug) { return shares[low] }
                low += 1
            }
            return nil
        }

        /// Whether the slug at `i` is `slug`.
        private func hasSlug(_ i: Int, _ slug: String) -> Bool {
            let bytes = slugUTF8(i)
            return slug.utf8.withContiguousStorageIfAvailable { utf8 in
                bytes.withUnsafeBufferPointer { own in
                    own.count == utf8.count && (own.isEmpty || memcmp(own.baseAddress!, utf8.baseAddress!, own.count) == 0)
                }
            } ?? bytes.elementsEqual(slug.utf8)
        }

        /// As a dictionary by slug (its JSON form).
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(Dictionary(zip(slugs, shares), uniquingKeysWith: { a, _ in a }))
        }

        init(from decoder: Decoder) throws {
            let dictionary = try decoder.singleValueContainer().decode([String: Share].self)
            self.init(unordered: Array(dictionary.keys), shares: Array(dictionary.values))
        }
    }
}

extension PeriodDigest {
    /// What an event's card shows, hashed (the actors' names, not their pages): with each shown
    /// source, the sentence of it the card links to (its first mention, wherever it is listed).
    static func fingerprint(_ e: Event, articleHashes: [String: UInt64]) -> UInt64 {
        var capacity = 400 + 48 * e.sources.count + 2 * e.representative.sentence.utf8.count
        for i in e.mentions.indices.prefix(EventView.shownMentions) {
            capacity += 100 + e.mentions[i].sentence.utf8.count + e.mentions[i].resolution.utf8.count
        }
        var h = HashInput(capacity: capacity)
        return withUnsafePointer(to: e) { fingerprint($0, sourceHash: { slug in articleHashes[slug] ?? 0 }, in: &h) }
    }

    /// `fingerprint(_:articleHashes:)` of the event `e` points to (read where it lies: a period's
    /// events are fingerprinted one after another, and passing each on would copy it), each source's
    /// content hash given by `sourceHash` (0 for an article not known), the values gathered in `h`
    /// (emptied first: one buffer serves them all).
    static func fingerprint(_ e: UnsafePointer<Event>, sourceHash: (String) -> UInt64, in h: inout HashInput) -> UInt64 {
        h.removeAll()
        let sources = e.pointee.sources, mentions = e.pointee.mentions
        h.add(e.pointee.id)
        h.add(e.pointee.value)
        h.add(e.pointee.status.rawValue)
        h.add(e.pointee.isKey ? 1 : 0)
        h.add(Int(bitPattern: UInt(e.pointee.score.bitPattern)))
        if let range = e.pointee.representative.expressionRange { h.add(range.lowerBound); h.add(range.upperBound) } else { h.add(-1) }
        h.add(e.pointee.representative.resolution)
        h.add(e.pointee.representative.sentence)
        // The first mention of each shown source (its block and sentence), by the source's position;
        // an article is looked for among them only where a run of its mentions starts.
        let shown = min(sources.count, EventView.shownSources)
        // (On the stack: a list per event cost more than the search.)
        withUnsafeTemporaryAllocation(of: (block: Int, sentence: Int)?.self, capacity: shown) { first in
            first.initialize(repeating: nil)
            var found = 0
            // The runs mostly come in the sources' order: each article is looked for first where the last one was found.
            var next = 0
            for j in mentions.indices where found < shown {
                if j > 0 && mentions[j].article == mentions[j - 1].article { continue }
                let k: Int
                if next < shown && sources[next] == mentions[j].article {
                    k = next
                } else if let at = sources[..<shown].firstIndex(of: mentions[j].article) {
                    k = at
                } else {
                    continue
                }
                next = k + 1
                guard first[k] == nil else { continue }
                first[k] = (mentions[j].blockOrdinal, mentions[j].sentenceIndex)
                found += 1
            }
            h.add(sources.count)
            for k in sources.indices {
                h.add(sources[k])
                h.add(Int(bitPattern: UInt(sourceHash(sources[k]))))
                if k < shown, let (block, sentence) = first[k] { h.add(block); h.add(sentence) } else { h.add(-1) }
            }
        }
        h.add(mentions.count)
        for i in mentions.indices.prefix(EventView.shownMentions) {
            h.add(mentions[i].article)
            h.add(mentions[i].blockOrdinal)
            h.add(mentions[i].sentenceIndex)
            h.add(mentions[i].value)
            h.add(mentions[i].expression ?? "\u{0}")
            h.add(mentions[i].resolution)
            h.add(mentions[i].sentence)
        }
        h.add(e.pointee.entities.count)
        for name in e.pointee.entities { h.add(name) }
        h.add(e.pointee.disagreement.count)
        for claim in e.pointee.disagreement {
            h.add(claim.value)
            h.add(claim.articles.count)
            for slug in claim.articles { h.add(slug) }
        }
        return h.hash
    }
}

/// The content hashes of articles by slug, looked up for the sources of many events at once (a
/// period's): a slug is found first by where its bytes lie (`StorageMemo`; a period's events
/// mostly share their sources' strings), so most are found without hashing their bytes. The strings
/// looked up must stay alive while it is used.
struct SourceHashes {
    private let bySlug: [String: UInt64]
    private var memo = StorageMemo<UInt64>(empty: 0)

    init(_ bySlug: [String: UInt64]) { self.bySlug = bySlug }

    /// The slug's content hash, 0 for an article not known.
    mutating func hash(_ slug: String) -> UInt64 {
        let address = StorageMemo<UInt64>.address(slug)
        if let hash = memo.value(slug, address: address) { return hash }
        let hash = bySlug[slug] ?? 0
        memo.remember(hash, for: slug, address: address)
        return hash
    }
}

/// Values of strings remembered by where their UTF-8 bytes lie (direct-mapped, 1,024 slots): a
/// string met again at the same address with the same length is found without reading its bytes.
/// Two strings alive at once with their bytes at the same address hold the same bytes, so the
/// strings remembered must stay alive while it is used.
struct StorageMemo<Value> {
    private var seen: [(address: UInt, count: Int, value: Value)]

    init(empty: Value) { seen = Array(repeating: (0, 0, empty), count: 1024) }

    /// Where a large string's UTF-8 bytes lie, 0 for a small one (read from a copy: never remembered).
    static func address(_ text: String) -> UInt {
        guard text.utf8.count > 15 else { return 0 }
        return text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? 0
    }

    private func slot(_ address: UInt) -> Int { Int(truncatingIfNeeded: address >> 4 ^ address >> 14) & (seen.count - 1) }

    /// The value remembered for `text` (at `address`, `address(text)`), nil when none.
    func value(_ text: String, address: UInt) -> Value? {
        guard address != 0 else { return nil }
        let k = slot(address)
        return seen[k].address == address && seen[k].count == text.utf8.count ? seen[k].value : nil
    }

    mutating func remember(_ value: Value, for text: String, address: UInt) {
        guard address != 0 else { return }
        seen[slot(address)] = (address, text.utf8.count, value)
    }
}

/// Values end to end, each string after its length, for a fingerprint: cheaper than building a
/// text of them, and no two lists of values give the same bytes. Numbers are their eight bytes,
/// little-endian; the bytes are gathered in one buffer (its own, not an array's: a card adds a
/// few hundred numbers and strings) and hashed at the end.
struct HashInput: ~Copyable {
    private var start: UnsafeMutableRawPointer
    private var count = 0
    private var capacity: Int

    /// - Parameter capacity: about how many bytes will be added.
    init(capacity: Int = 512) {
        self.capacity = max(capacity, 64)
        start = .allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit { start.deallocate() }

    /// Room for `n` more bytes.
    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(n) }
    }

    @inline(never) private mutating func grow(_ n: Int) {
        let grown = max(2 * capacity, count + n)
        let moved = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
        moved.copyMemory(from: start, byteCount: count)
        start.deallocate()
        (start, capacity) = (moved, grown)
    }

    @inline(__always) mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    @inline(__always) mutating func add(_ value: UInt64) {
        reserve(8)
        start.storeBytes(of: value.littleEndian, toByteOffset: count, as: UInt64.self)
        count += 8
    }

    @inline(__always) private mutating func add(_ bytes: UnsafeRawBufferPointer) {
        add(bytes.count)
        reserve(bytes.count)
        if let base = bytes.baseAddress { (start + count).copyMemory(from: base, byteCount: bytes.count) }
        count += bytes.count
    }

    @inline(__always) mutating func add(_ text: String) {
        // Native strings are read where they lie (`withUTF8` needs a copy of its own to make them contiguous).
        if text.utf8.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) == nil {
            var text = text
            text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        }
    }

    /// `add(value.description)`, without the String for most values (`ValueBytes`).
    mutating func add(_ value: TimexValue) {
        if !ValueBytes.withText(value, { add($0) }) { add(value.description) }
    }

    var hash: UInt64 { ContentHash.xxh64(UnsafeRawBufferPointer(start: start, count: count)) }

    /// Empties it for the next values, its buffer kept.
    mutating func removeAll() { count = 0 }
}

/// What article pages show about one period's events: each event in brief, and for each article
/// the events it is a source of and the sentences of it they come from. Kept in the cache beside
/// the period's mentions, and small, so an article page is rendered without loading every event
/// of every month the article mentions.
struct PeriodShares: Codable, Sendable {
    var events: [Brief]
    var byArticle: [String: ArticleShare]
    /// `byArticle`'s entries in `HashedKeys` order, when made from events: the cache file and the
    /// period's digest both list them so, and the order is worked out once for both.
    private(set) var ordered: [Entry]? = nil

    /// An article's share, its slug and the slug's XXH64.
    struct Entry: Sendable {
        var slug: String
        var hash: UInt64
        var share: ArticleShare
    }

    private enum CodingKeys: String, CodingKey { case events, byArticle }

    /// `byArticle`'s entries in `HashedKeys` order.
    var entries: [Entry] {
        if let ordered { return ordered }
        let pairs = Array(byArticle)
        let (order, hashes) = HashedKeysOrder.of(pairs.map(\.key))
        return zip(order, hashes).map { Entry(slug: pairs[$0].key, hash: $1, share: pairs[$0].value) }
    }

    /// An event as article pages and the index list it.
    struct Brief: Codable, Sendable {
        var id: String
        var value: TimexValue
        var status: EventStatus
        var isKey: Bool
        var text: String
        var sourceCount: Int
        /// Set when not its value's own (`Event.period`).
        var period: Period?

        init(id: String, value: TimexValue, status: EventStatus, isKey: Bool, text: String, sourceCount: Int, period: Period?) {
            (self.id, self.value, self.status, self.isKey, self.text, self.sourceCount, self.period) = (id, value, status, isKey, text, sourceCount, period)
        }

        init(_ e: Event) {
            id = e.id
            value = e.value
            period = e.period
            status = e.status
            isKey = e.isKey
            text = e.text
            sourceCount = e.sources.count
        }
    }

    struct ArticleShare: Codable, Sendable {
        /// Indices into `events`, in timeline order.
        var events: [Int] = []
        var sentences: [SentenceRef] = []

        init() {}

        /// Stored as two lists of numbers (the sentences as block, sentence, event triples): a
        /// rebuild reads the shares of every month an article it renders mentions.
        private enum CodingKeys: String, CodingKey { case events, sentences }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(events, forKey: .events)
            try c.encode(sentences.flatMap { [$0.block, $0.sentence, $0.event] }, forKey: .sentences)
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            events = try c.decode([Int].self, forKey: .events)
            let flat = try c.decode([Int].self, forKey: .sentences)
            guard flat.count % 3 == 0 else {
                throw DecodingError.dataCorruptedError(forKey: .sentences, in: c, debugDescription: "not triples")
            }
            sentences = stride(from: 0, to: flat.count, by: 3).map { SentenceRef(block: flat[$0], sentence: flat[$0 + 1], event: flat[$0 + 2]) }
        }
    }

    /// A sentence of the article and the event (index into `events`) it is a mention of.
    struct SentenceRef: Codable, Sendable {
        var block: Int
        var sentence: Int
        var event: Int
    }

    init(events: [Event]) {
        self.events = events.map(Brief.init)
        // Each article numbered once per run of its mentions (an event's mentions come article by
        // article). An event's sources are its mentions' articles, sorted (as `EventMerger` makes
        // them): matched with the numbers its runs gave, each looked up on its own only when they differ.
        var slugs = SlugNumbers()
        var mentionArticle: [Int] = []
        var sourceArticle: [Int] = []
        var sourceEnd: [Int] = []
        sourceEnd.reserveCapacity(events.count)
        var sentenceCount: [Int] = [], eventCount: [Int] = [], lastEvent: [Int] = []
        var own: [Int] = []
        func number(_ slug: String, address: UInt? = nil) -> Int {
            let k = slugs.number(slug, address: address ?? SlugNumbers.address(slug))
            if k == sentenceCount.count {
                sentenceCount.append(0)
                eventCount.append(0)
                lastEvent.append(-1)
            }
            return k
        }
        for i in events.indices {
            own.removeAll(keepingCapacity: true)
            var last = -1, lastAddress: UInt = 0
            for j in events[i].mentions.indices {
                let article = events[i].mentions[j].article
                let address = SlugNumbers.address(article)
                // A string at another address may be the same slug: numbered again, it adds nothing.
                if address != 0 ? address != lastAddress : last < 0 || slugs.strings[last] != article {
                    last = number(article, address: address)
                    lastAddress = address
                    if lastEvent[last] != i {
                        lastEvent[last] = i
                        own.append(last)
                    }
                }
                sentenceCount[last] += 1
                mentionArticle.append(last)
            }
            // The runs' order is mostly the sources' (the mentions come article by article, in order).
            let sources = events[i].sources
            func matched() -> Bool { own.count == sources.count && own.indices.allSatisfy { slugs.strings[own[$0]] == sources[$0] } }
            var matches = matched()
            if !matches && own.count == sources.count && own.count > 1 {
                own.sort { slugs.strings[$0] < slugs.strings[$1] }
                matches = matched()
            }
            if matches {
                sourceArticle += own
            } else {
                for slug in sources { sourceArticle.append(number(slug)) }
            }
            for k in sourceArticle[(sourceEnd.last ?? 0)...] { eventCount[k] += 1 }
            sourceEnd.append(sourceArticle.count)
        }
        // Each article's lists made at their lengths, then filled in timeline order.
        var shares = (0..<sentenceCount.count).map { k in
            var share = ArticleShare()
            share.events.reserveCapacity(eventCount[k])
            share.sentences.reserveCapacity(sentenceCount[k])
            return share
        }
        var m = 0, s = 0
        shares.withUnsafeMutableBufferPointer { shares in
            for i in events.indices {
                for j in events[i].mentions.indices {
                    shares[mentionArticle[m]].sentences.append(SentenceRef(block: events[i].mentions[j].blockOrdinal,
                                                                           sentence: events[i].mentions[j].sentenceIndex, event: i))
                    m += 1
                }
                while s < sourceEnd[i] {
                    shares[sourceArticle[s]].events.append(i)
                    s += 1
                }
            }
        }
        byArticle = Dictionary(uniqueKeysWithValues: zip(slugs.strings, shares))
        let (order, hashes) = HashedKeysOrder.of(slugs.strings)
        ordered = zip(order, hashes).map { Entry(slug: slugs.strings[$0], hash: $1, share: shares[$0]) }
    }
}

/// Numbers an event list's slugs (`StringNumbers`), each string found first by where its bytes
/// lie: the mentions of an article read from the cache share one string (`CacheReader.interned`),
/// so most slugs are numbered without hashing their bytes.
private struct SlugNumbers {
    private var numbers = StringNumbers()
    private var memo = StorageMemo<Int>(empty: 0)

    var strings: [String] { numbers.strings }

    /// - Parameter address: `address(slug)`.
    mutating func number(_ slug: String, address: UInt) -> Int {
        if let n = memo.value(slug, address: address) { return n }
        let n = numbers.number(slug)
        memo.remember(n, for: slug, address: address)
        return n
    }

    /// `StorageMemo.address`: the strings numbered must stay alive while the numbers are used (they are the events' own).
    static func address(_ text: String) -> UInt { StorageMemo<Int>.address(text) }
}
