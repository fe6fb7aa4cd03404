import ChronicleModel
import Foundation

// The site layer's cached state in the cache's hand-written binary form (`CacheCodable`):
// `site.bin` names a digest per period (each in `digests/`) and holds an entry per output file, and
// `shares/` a period's article shares; a rebuild reads them whole. `SiteCacheCodingTests` round-trips them from a built site.

/// Orders texts by their UTF-8 bytes (an order that does not depend on Unicode rules).
func utf8Precedes(_ a: String, _ b: String) -> Bool {
    var (a, b) = (a, b)
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
}

/// The entries of a dictionary the cache writes, in the order it writes them: by their keys'
/// XXH64 (ties by the keys' bytes). A fixed order, so a file read and written again has the same
/// bytes, that costs a hash per key rather than string comparisons, and that `SharesIndex`
/// searches by hash.
struct HashedKeys<Value> {
    /// The entries in that order, each taken from the dictionary when reached (no list of them copied).
    let entries: LazyMapSequence<[Dictionary<String, Value>.Index], (key: String, value: Value)>
    let hashes: [UInt64]

    init(_ dictionary: [String: Value]) {
        let positions = Array(dictionary.indices)
        let (order, hashes) = HashedKeysOrder.of(positions.map { dictionary[$0].key })
        entries = order.map { positions[$0] }.lazy.map { dictionary[$0] }
        self.hashes = hashes
    }
}

/// The order `HashedKeys` puts keys in.
enum HashedKeysOrder {
    /// The positions of `keys` (each once) in that order, and their hashes in that order.
    static func of(_ keys: [String]) -> (order: [Int], hashes: [UInt64]) {
        // Sorted as pairs: a comparison reads two hashes, and the keys only on a tie.
        var pairs = keys.indices.map { (hash: ContentHash.xxh64(keys[$0]), position: $0) }
        pairs.sort { a, b in a.hash != b.hash ? a.hash < b.hash : utf8Precedes(keys[a.position], keys[b.position]) }
        return (pairs.map(\.position), pairs.map(\.hash))
    }
}

extension SiteState: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.string(output)
        out.array(digestKeys) { out, key in
            out.value(key.period)
            out.fixed(key.hash)
        }
        let ordered = HashedKeys(files)
        out.varint(UInt64(ordered.hashes.count))  // as `array`
        for (path, file) in ordered.entries {
            out.string(path)
            out.stamp(file.stamp)
            out.fixed(file.hash)
            out.optional(file.fingerprint) { $0.fixed($1) }
            out.array(file.parts) { out, part in
                out.fixed(part.fingerprint)
                out.int(part.offset)
                out.int(part.length)
            }
        }
        out.optional(eventsLayout) { out, layout in
            out.fixed(layout.headHash)
            out.array(layout.runs) { out, run in
                out.value(run.period)
                out.fixed(run.hash)
                out.int(run.offset)
                out.int(run.length)
                out.raw(run.lines.ids)
                out.raw(run.lines.lengths.map { Int32(clamping: $0) })
                out.raw(run.lines.cards)
            }
        }
    }

    init(from input: inout CacheReader) throws {
        output = try input.string()
        digests = []
        digestKeys = try input.array { input in (try input.value(Period.self), try input.fixed()) }
        // Put in the dictionary as read (no list of them made first).
        let count = try input.length()
        files = Dictionary(minimumCapacity: count)
        for _ in 0..<count {
            let path = try input.string(), stamp = try input.stamp(), hash = try input.fixed()
            let fingerprint = try input.optional { try $0.fixed() }
            let parts = try input.array { input in
                let print = try input.fixed(), offset = try input.int()
                return OutputEntry.Part(fingerprint: print, offset: offset, length: try input.int())
            }
            files[path] = OutputEntry(stamp: stamp, hash: hash, fingerprint: fingerprint, parts: parts)
        }
        eventsLayout = try input.optional { input in
            let head = try input.fixed()
            return EventsLayout(headHash: head, runs: try input.array { input in
                let period = try input.value(Period.self), hash = try input.fixed(), offset = try input.int(), length = try input.int()
                let lines = SiteState.EventLines(ids: try input.raw(), lengths: try input.raw(Int32.self).map(Int.init), cards: try input.raw())
                return EventsLayout.Run(period: period, hash: hash, offset: offset, length: length, lines: lines)
            })
        }
    }
}

extension PeriodShares.Brief: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.string(id)
        out.timex(value)
        switch status {  // one byte (a new status must be given one here)
        case .happened: out.bool(false)
        case .expected: out.bool(true)
        }
        out.bool(isKey)
        out.string(text)
        out.int(sourceCount)
        out.optional(period) { $0.value($1) }
    }

    init(from input: inout CacheReader) throws {
        let (brief, text) = try Self.withTextBytes(from: &input)
        self = brief
        self.text = String(decoding: text, as: UTF8.self)
    }

    /// A brief with an empty text, and the text's UTF-8 bytes as written.
    static func withTextBytes(from input: inout CacheReader) throws -> (PeriodShares.Brief, ArraySlice<UInt8>) {
        let id = try input.string(), value = try input.timex()
        let status: EventStatus = try input.bool() ? .expected : .happened
        let isKey = try input.bool(), text = try input.bytes(try input.length())
        let sourceCount = try input.int(), period: Period? = try input.optional { try $0.value() }
        return (PeriodShares.Brief(id: id, value: value, status: status, isKey: isKey, text: "", sourceCount: sourceCount, period: period), text)
    }
}

extension PeriodDigest: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.value(period)
        out.fixed(hash)
        out.ints([eventCount, keyCount, expectedCount])
        out.optional(first) { $0.date($1) }
        out.optional(last) { $0.date($1) }
        out.values(highlights)
        out.varint(UInt64(articles.count))
        for (i, (hash, share)) in zip(articles.hashes, articles.shares).enumerated() {
            let slug = articles.slugUTF8(i)
            out.varint(UInt64(slug.count))
            out.append(slug)
            out.fixed(hash)
            out.int(share.eventCount)
            out.fixed(share.fingerprint)
            out.fixed(share.sourceCounts)
        }
        out.array(named) { out, event in
            out.value(event.brief)
            out.double(event.score)
            out.fixed(event.fingerprint)
            out.strings(event.names)
        }
    }

    init(from input: inout CacheReader) throws {
        period = try input.value()
        hash = try input.fixed()
        // Written as a list of three (`ints`), read without making one.
        guard try input.length() == 3 else { throw CacheReader.corrupt("period counts") }
        eventCount = try input.int()
        keyCount = try input.int()
        expectedCount = try input.int()
        first = try input.optional { try $0.date() }
        last = try input.optional { try $0.date() }
        highlights = try input.values()
        // The slugs are kept as their bytes in the file: a lookup compares bytes, and no string is made.
        var slugRanges: [Range<Int>] = [], hashes: [UInt64] = []
        let count = try input.length(), start = input.offset
        slugRanges.reserveCapacity(count)
        hashes.reserveCapacity(count)
        var shares: [Share] = []
        shares.reserveCapacity(count)
        for _ in 0..<count {
            let length = try input.length(), slugStart = input.offset
            try input.skip(bytes: length)
            slugRanges.append(slugStart..<(slugStart + length))
            hashes.append(try input.fixed())
            let count = try input.int(), print = try input.fixed()
            shares.append(Share(eventCount: count, fingerprint: print, sourceCounts: try input.fixed()))
        }
        articles = ArticleShares(slugBytes: try input.bytes(at: start..<input.offset), slugRanges: slugRanges, hashes: hashes, shares: shares)
        named = try input.array { input in
            let (brief, text) = try PeriodShares.Brief.withTextBytes(from: &input)
            let score = try input.double(), print = try input.fixed()
            return NamedEvent(brief: brief, text: text, score: score, fingerprint: print, names: try input.internedStrings())
        }
    }
}

extension PeriodShares {
    /// What the page of the article `slug` shows of the period, when the article has a share of it.
    func part(of slug: String) -> ArticlePage.Part? {
        guard let mine = byArticle[slug] else { return nil }
        return ArticlePage.Part(events: mine.events.map { events[$0] },
                                sentences: mine.sentences.map { (ArticlePage.MentionKey(block: $0.block, sentence: $0.sentence), events[$0.event].isKey) },
                                positions: mine.events)
    }
}

/// A period's shares: the events in brief, then each article's share by slug (in `HashedKeys`
/// order, after the slugs' hashes), each list as the end offsets of its items and then the items,
/// so that `SharesIndex` finds one article's share and its events without reading the rest.
extension PeriodShares: CacheCodable {
    func write(to out: inout CacheWriter) {
        var briefs = CacheWriter()
        var ends: [UInt32] = []
        for brief in events {
            briefs.value(brief)
            ends.append(UInt32(briefs.count))
        }
        Self.block(ends, briefs.take(), into: &out)
        var entries = CacheWriter()
        ends = []
        let ordered = self.entries
        out.raw(ordered.map(\.hash))
        for entry in ordered {
            let share = entry.share
            entries.string(entry.slug)
            entries.ints(share.events)
            // As `ints` of the triples, without a list of them.
            entries.varint(UInt64(3 * share.sentences.count))
            for ref in share.sentences {
                entries.int(ref.block)
                entries.int(ref.sentence)
                entries.int(ref.event)
            }
            ends.append(UInt32(entries.count))
        }
        Self.block(ends, entries.take(), into: &out)
    }

    static func block(_ ends: [UInt32], _ bytes: [UInt8], into out: inout CacheWriter) {
        out.raw(ends)
        out.varint(UInt64(bytes.count))
        out.append(bytes)
    }

    init(from input: inout CacheReader) throws {
        let index = try SharesIndex(from: &input)
        events = try index.briefs.indices.map { try index.briefs.brief($0) }
        byArticle = [:]
        for k in index.entries.indices {
            let (slug, share) = try index.entry(k)
            byArticle[slug] = share
        }
    }
}

/// A period's shares as the cache holds them, each brief and article share read when asked for:
/// an article page needs its own share of each of its periods, not the period's every event.
struct SharesIndex: Decodable, CacheCodable, Sendable {
    let briefs: Items
    /// Each entry's slug's XXH64, in order.
    let slugHashes: [UInt64]
    let entries: Items

    /// Items end to end, and where each ends.
    struct Items: Sendable {
        let ends: [UInt32]
        let bytes: ArraySlice<UInt8>

        var indices: Range<Int> { ends.indices }

        init(from input: inout CacheReader) throws {
            ends = try input.raw()
            bytes = try input.bytes(try input.length())
            var last: UInt32 = 0
            for end in ends {
                guard end >= last else { throw CacheReader.corrupt("shares offsets") }
                last = end
            }
            guard Int(last) == bytes.count else { throw CacheReader.corrupt("shares offsets") }
        }

        func write(to out: inout CacheWriter) { PeriodShares.block(ends, Array(bytes), into: &out) }

        /// The bytes of item `i`.
        func item(_ i: Int) -> ArraySlice<UInt8> {
            let start = bytes.startIndex + (i == 0 ? 0 : Int(ends[i - 1]))
            return bytes[start..<(bytes.startIndex + Int(ends[i]))]
        }

        func reader(_ i: Int) -> CacheReader { CacheReader(Array(item(i))) }

        func brief(_ i: Int) throws -> PeriodShares.Brief {
            var input = reader(i)
            return try PeriodShares.Brief(from: &input)
        }
    }

    init(from input: inout CacheReader) throws {
        briefs = try Items(from: &input)
        slugHashes = try input.raw()
        entries = try Items(from: &input)
        guard slugHashes.count == entries.ends.count else { throw CacheReader.corrupt("shares slugs") }
    }

    init(from decoder: Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "shares are read in their cache form only"))
    }

    func write(to out: inout CacheWriter) {
        briefs.write(to: &out)
        out.raw(slugHashes)
        entries.write(to: &out)
    }

    /// The slug and share of entry `k`.
    func entry(_ k: Int) throws -> (String, PeriodShares.ArticleShare) {
        var input = entries.reader(k)
        let slug = try input.string()
        var share = PeriodShares.ArticleShare()
        share.events = try input.ints()
        let flat = try input.ints()
        let count = briefs.ends.count
        guard flat.count % 3 == 0, share.events.allSatisfy({ (0..<count).contains($0) }),
              stride(from: 2, to: flat.count, by: 3).allSatisfy({ (0..<count).contains(flat[$0]) }) else {
            throw CacheReader.corrupt("article share")
        }
        share.sentences = stride(from: 0, to: flat.count, by: 3).map { PeriodShares.SentenceRef(block: flat[$0], sentence: flat[$0 + 1], event: flat[$0 + 2]) }
        return (slug, share)
    }

    /// What the page of the article `slug` shows of the period, when the article has a share of it.
    func part(of slug: String) throws -> ArticlePage.Part? {
        guard let k = position(of: slug) else { return nil }
        let (_, share) = try entry(k)
        var briefs: [Int: PeriodShares.Brief] = [:]
        func brief(_ i: Int) throws -> PeriodShares.Brief {
            if let known = briefs[i] { return known }
            let found = try self.briefs.brief(i)
            briefs[i] = found
            return found
        }
        return ArticlePage.Part(events: try share.events.map(brief),
                                sentences: try share.sentences.map { (ArticlePage.MentionKey(block: $0.block, sentence: $0.sentence), try brief($0.event).isKey) },
                                positions: share.events)
    }

    /// The entry of `slug`: found by its hash, then its bytes.
    private func position(of slug: String) -> Int? {
        let hash = ContentHash.xxh64(slug)
        var (low, high) = (0, slugHashes.count)
        while low < high {
            let mid = (low + high) / 2
            if slugHashes[mid] < hash { low = mid + 1 } else { high = mid }
        }
        var slug = slug
        return slug.withUTF8 { key in
            var k = low
            while k < slugHashes.count && slugHashes[k] == hash {
                if hasSlug(entry: k, key) { return k }
                k += 1
            }
            return nil
        }
    }

    /// Whether entry `k`'s slug is `key`.
    private func hasSlug(entry k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let item = entries.item(k)
        var i = item.startIndex, length = 0, shift = 0
        while true {
            guard i < item.endIndex, shift < 63 else { return false }
            let b = item[i]
            i += 1
            length |= Int(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return length <= item.endIndex - i && item[i..<(i + length)].elementsEqual(key)
    }
}
