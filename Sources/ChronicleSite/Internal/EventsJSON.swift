import ChronicleMarkdown
import ChronicleModel
import ChronicleTime

/// `events.json`: the contract other tools read. Key order and value forms are fixed here and
/// documented in the README; change them only with a version note.
///
/// Compact, one article or event per line: a big timeline's file stays a fraction of its
/// indented size, and each period's events form one run of lines that a rebuild can copy
/// from the previous file when the period did not change.
enum EventsJSON {
    /// Everything before the first event.
    static func head(config: SiteConfig, articles: [ArticleInfo]) -> [UInt8] {
        var out = JSONBytes(capacity: 256 + articles.count * 220)
        var dates = DateTexts()
        var day: [UInt8] = []
        out.raw("{\"site\":")
        out.object([("title", config.title), ("description", config.description), ("baseURL", config.baseURL),
                    ("language", config.language)])
        out.raw(",\n\"articles\":[\n")
        // An article's line as `object` writes it, without a list per article (a large site has tens of thousands).
        // Each article read where it lies (a copy would retain each of its texts).
        articles.withUnsafeBufferPointer { articles in
            for i in articles.indices {
                out.raw(i > 0 ? ",\n{\"slug\":" : "{\"slug\":")
                out.string(articles[i].slug)
                out.raw(",\"title\":")
                out.string(articles[i].title)
                out.raw(",\"source\":")
                out.string(articles[i].source)
                out.raw(",\"url\":")
                out.string(articles[i].url)
                out.raw(",\"published\":")
                if let published = articles[i].published {
                    day.removeAll(keepingCapacity: true)
                    dates.append(published, to: &day)
                    out.raw("\"")
                    out.raw(day)
                    out.raw("\"")
                } else {
                    out.raw("null")
                }
                out.raw("}")
            }
        }
        out.raw(articles.isEmpty ? "],\n\"events\":[\n" : "\n],\n\"events\":[\n")  // an empty list is "[\n]"
        return out.bytes
    }

    /// Between two periods' runs of events.
    static let separator: [UInt8] = Array(",\n".utf8)

    /// After the last event: the actors, a line each.
    static func tail(hasEvents: Bool, entities: [Entity]) -> [UInt8] {
        // About its length (mostly the events' ids), so that the bytes are not copied as they grow.
        var out = JSONBytes(capacity: entities.reduce(64) { $0 + 128 + $1.name.utf8.count + $1.slug.utf8.count + 24 * $1.events.count })
        out.raw(hasEvents ? "\n],\n\"entities\":[" : "],\n\"entities\":[")
        for (i, entity) in entities.enumerated() {
            out.raw(i > 0 ? ",\n" : "\n")
            out.object([("name", entity.name), ("slug", entity.slug), ("kind", entity.kind.rawValue)], open: true)
            out.raw(",\"mentions\":")
            out.number(entity.mentionCount)
            out.raw(",\"events\":")
            out.strings(entity.events)
            out.raw("}")
        }
        out.raw(entities.isEmpty ? "]}\n" : "\n]}\n")
        return out.bytes
    }

    /// One period's events, a line each, without a trailing separator.
    static func events(_ events: [Event]) -> [UInt8] {
        var out = JSONBytes()
        _ = run(events, reusing: { _ in nil }, into: &out)
        return out.bytes
    }

    /// One period's run of events as pieces: the line of an event that `reusing` places in the last
    /// file (its offset and length there) is taken from that file, with the separator before it when
    /// the line before is there too; the other lines and separators are written into `out` (empty
    /// when given). Also each event's length.
    static func run(_ events: [Event], reusing: (Int) -> (offset: Int, length: Int)?, into out: inout JSONBytes)
        -> (pieces: RunPieces, lengths: [Int]) {
        let reused = events.indices.map(reusing)
        // About the length of the lines written, so that the bytes are not copied as they grow.
        var estimate = 0
        for e in events.indices where reused[e] == nil {
            estimate += 400 + 48 * events[e].sources.count
            for j in events[e].mentions.indices {
                estimate += 200 + events[e].mentions[j].sentence.utf8.count + events[e].mentions[j].resolution.utf8.count
            }
        }
        out = JSONBytes(capacity: estimate)
        var pieces = RunPieces()
        var lengths: [Int] = []
        lengths.reserveCapacity(events.count)
        // Each event read where it lies (an array's element is copied when passed on).
        events.withUnsafeBufferPointer { events in
            for i in events.indices {
                if let (offset, length) = reused[i] {
                    if i > 0 && !pieces.extendLast(old: true, from: offset - separator.count, by: separator.count) {
                        pieces.add(old: false, offset: out.count, length: separator.count)
                        out.raw(separator)
                    }
                    pieces.add(old: true, offset: offset, length: length)
                    lengths.append(length)
                } else {
                    let start = out.count
                    if i > 0 { out.raw(",\n") }
                    let line = out.count
                    event(events.baseAddress! + i, to: &out)
                    pieces.add(old: false, offset: start, length: out.count - start)
                    lengths.append(out.count - line)
                }
            }
        }
        return (pieces, lengths)
    }

    /// The line of the event `e` points to (read where it lies: passing on a period's events one by
    /// one would copy each). Keys are written as they are (none needs escaping): the same bytes
    /// `object` writes, without a list per object.
    static func event(_ e: UnsafePointer<Event>, to out: inout JSONBytes) {
        let mentions = e.pointee.mentions
        let interval = e.pointee.value.interval
        out.raw("{\"id\":")
        out.string(e.pointee.id)
        out.raw(",\"date\":")
        out.value(e.pointee.value)
        out.raw(",\"start\":")
        out.date(interval?.start)
        out.raw(",\"end\":")
        out.date(interval?.end)
        out.raw(",\"grain\":")
        out.string(e.pointee.value.grain.description)
        out.raw(",\"status\":")
        out.string(e.pointee.status.rawValue)
        out.raw(",\"text\":")
        out.string(e.pointee.representative.sentence)
        out.raw(",\"score\":")
        out.number(e.pointee.score)
        out.raw(e.pointee.isKey ? ",\"key\":true,\"sources\":" : ",\"key\":false,\"sources\":")
        out.strings(e.pointee.sources)
        out.raw(",\"entities\":")
        out.strings(e.pointee.entities)
        out.raw(",\"disagreement\":[")
        for j in e.pointee.disagreement.indices {
            if j > 0 { out.raw(",") }
            out.raw("{\"date\":")
            out.value(e.pointee.disagreement[j].value)
            out.raw(",\"articles\":")
            out.strings(e.pointee.disagreement[j].articles)
            out.raw("}")
        }
        out.raw("],\"mentions\":[")
        // By index, each field read in place (a copy of each mention costs a retain and release per field).
        for j in mentions.indices {
            out.raw(j > 0 ? ",{\"article\":" : "{\"article\":")
            out.string(mentions[j].article)
            out.raw(",\"anchor\":\""); out.raw(Paths.sentenceAnchorPrefix)  // `Paths.sentenceAnchor`
            out.number(mentions[j].blockOrdinal)
            out.raw(Paths.sentenceAnchorSeparator)
            out.number(mentions[j].sentenceIndex)
            out.raw("\",\"sentence\":")
            out.string(mentions[j].sentence)
            out.raw(",\"expression\":")
            out.string(mentions[j].expression)
            out.raw(",\"value\":")
            out.value(mentions[j].value)
            out.raw(",\"resolution\":")
            out.string(mentions[j].resolution)
            out.raw(",\"entities\":")
            out.strings(mentions[j].entities)
            out.raw("}")
        }
        out.raw("]}")
    }

    /// The whole file, for a timeline in memory.
    static func render(config: SiteConfig, articles: [ArticleInfo], periods: [[Event]], entities: [Entity]) -> [UInt8] {
        var out = head(config: config, articles: articles)
        let runs = periods.filter { !$0.isEmpty }
        for (i, run) in runs.enumerated() {
            if i > 0 { out += separator }
            out += events(run)
        }
        return out + tail(hasEvents: !runs.isEmpty, entities: entities)
    }
}

/// A run of events as ranges of two files end to end: of the last build's events.json (`old`) and
/// of the run's own bytes; neighbouring ranges of one file are one piece.
struct RunPieces: Sendable {
    struct Piece: Sendable, Equatable {
        var old: Bool
        var offset: Int
        var length: Int
    }

    private(set) var pieces: [Piece] = []
    /// Of the whole run.
    private(set) var length = 0

    mutating func add(old: Bool, offset: Int, length: Int) {
        guard !extendLast(old: old, from: offset, by: length) else { return }
        pieces.append(Piece(old: old, offset: offset, length: length))
        self.length += length
    }

    /// Adds `length` bytes from `offset` to the last piece when it is of that file and ends there.
    mutating func extendLast(old: Bool, from offset: Int, by length: Int) -> Bool {
        guard let last = pieces.last, last.old == old, last.offset + last.length == offset else { return false }
        pieces[pieces.count - 1].length += length
        self.length += length
        return true
    }
}

/// JSON text built straight into UTF-8 bytes, strings escaped as little as JSON allows.
struct JSONBytes: ~Copyable {
    private(set) var buffer: ByteText

    init(capacity: Int = 0) { buffer = ByteText(capacity: capacity) }

    /// What has been written (a copy).
    var bytes: [UInt8] { buffer.array }

    var count: Int { buffer.count }

    /// Literal JSON.
    @inline(__always) mutating func raw(_ literal: StaticString) { buffer.append(literal) }

    /// Bytes that are JSON as they are.
    mutating func raw(_ bytes: [UInt8]) { buffer.append(bytes) }

    /// Text that is JSON as it is (a number).
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append($0) }
    }

    /// A whole number.
    mutating func number(_ n: Int) { buffer.appendDecimal(n) }

    /// `JSONNumber.format(n)`, a whole number without its String.
    mutating func number(_ n: Double) {
        if let whole = JSONNumber.whole(n) { return buffer.appendDecimal(whole) }
        text(JSONNumber.format(n))
    }

    /// `{"key":"value",…}` of string members in the order given; `open` leaves out the closing brace.
    mutating func object(_ members: [(String, String?)], open: Bool = false) {
        buffer.append(0x7B)
        for (i, (key, value)) in members.enumerated() {
            if i > 0 { buffer.append(0x2C) }
            string(key)
            buffer.append(0x3A)
            string(value)
        }
        if !open { buffer.append(0x7D) }
    }

    /// `["a","b"]`.
    mutating func strings(_ list: [String]) {
        buffer.append(0x5B)
        for i in list.indices {
            if i > 0 { buffer.append(0x2C) }
            string(list[i])
        }
        buffer.append(0x5D)
    }

    /// A value's `description` as a string.
    mutating func value(_ v: TimexValue) {
        if !ValueBytes.withText(v, { quoted($0) }) { string(v.description) }
    }

    /// A day's `description` as a string, or null.
    mutating func date(_ d: CivilDate?) {
        guard let d else { raw("null"); return }
        if !ValueBytes.withText(d, { quoted($0) }) { string(d.description) }
    }

    /// Bytes that need no escaping, as a string.
    private mutating func quoted(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(0x22)
        buffer.append(bytes)
        buffer.append(0x22)
    }

    mutating func string(_ s: String?) {
        guard let s else { raw("null"); return }
        string(s)
    }

    mutating func string(_ s: String) {
        // Native strings are read where they lie (`withUTF8` needs a copy of its own to make them contiguous).
        if s.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var s = s
            s.withUTF8 { escaped($0) }
        }
    }

    /// UTF-8 text as a JSON string.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        buffer.append(0x22)
        guard let base = utf8.baseAddress else { return buffer.append(0x22) }
        let count = utf8.count
        var start = 0
        var i = 0
        while i < count {
            // Sixteen bytes at a time past those that need nothing (one vector test), then eight at a
            // time to the first that may need something; the last few in the word that ends the text,
            // less those already read.
            if i + 16 <= count && !Self.mayNeedEscaping(UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)) {
                i += 16
                continue
            }
            if i + 8 <= count {
                let looks = Self.looks(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                guard looks != 0 else {
                    i += 8
                    continue
                }
                i += looks.trailingZeroBitCount >> 3
            } else if count >= 8 {
                let looks = Self.looks(UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)) >> (8 * (8 - (count - i)))
                guard looks != 0 else { break }
                i += looks.trailingZeroBitCount >> 3
            }
            let b = base[i]
            // Most bytes need nothing: one test for all of them before the cases below.
            guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 else {
                i += 1
                continue
            }
            let escape: StaticString
            var hex = false
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x00..<0x20: (escape, hex) = ("\\u00", true)
            // U+2028 and U+2029 (E2 80 A8/A9) are valid JSON but break JavaScript string literals.
            case 0xE2 where i + 2 < count && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9):
                escape = base[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
            default:
                i += 1
                continue
            }
            buffer.append(UnsafeBufferPointer(start: base + start, count: i - start))
            buffer.append(escape)
            if hex {
                // The other control bytes: their two hex digits after "\u00".
                let digits: StaticString = "0123456789abcdef"
                buffer.append(digits.utf8Start[Int(b >> 4)])
                buffer.append(digits.utf8Start[Int(b & 0xF)])
            }
            start = b == 0xE2 ? i + 3 : i + 1
            i = start
        }
        if start < count { buffer.append(UnsafeBufferPointer(start: base + start, count: count - start)) }
        buffer.append(0x22)
    }

    /// Whether some byte of `v` may need escaping (those `looks` marks): a few vector compares.
    /// The constants are vectors, not scalars: a scalar compared with each lane is a loop.
    @inline(__always) private static func mayNeedEscaping(_ v: SIMD16<UInt8>) -> Bool {
        let quote = SIMD16<UInt8>(repeating: 0x22), backslash = SIMD16<UInt8>(repeating: 0x5C)
        let e2 = SIMD16<UInt8>(repeating: 0xE2), space = SIMD16<UInt8>(repeating: 0x20)
        return WordBytes.any((v .== quote) .| (v .== backslash) .| (v .== e2) .| (v .< space))
    }

    /// The bytes of `word` (little-endian) that may need escaping, each by its top bit: a control
    /// byte, `"`, `\` or E2 (the first byte of U+2028 and U+2029), tested at once, without a branch
    /// per test. Zero when none; otherwise the lowest bit set is such a byte (a borrow may mark bytes
    /// above it that are not). Other bytes of characters beyond ASCII need nothing (a curly quote or a
    /// dash is read eight bytes at a time too).
    @inline(__always) private static func looks(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C), e2 = word ^ (ones &* 0xE2)
        let control = word &- ones &* 0x20
        let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((e2 &- ones) & ~e2) | (control & ~word)
        return zeros & 0x8080_8080_8080_8080
    }
}

/// Numbers as events.json and templates print them.
enum JSONNumber {
    /// Integers print without a fraction; others in Swift's shortest round-tripping form.
    static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if let whole = whole(n) { return String(whole) }
        return String(n)
    }

    /// The number when it prints without a fraction.
    @inline(__always) static func whole(_ n: Double) -> Int? {
        n.isFinite && n == n.rounded() && abs(n) < 1e15 ? Int(n) : nil
    }
}
