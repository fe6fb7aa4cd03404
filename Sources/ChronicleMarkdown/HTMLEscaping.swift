import ChronicleTime

/// Escaping and URL filtering for HTML output, shared by the Markdown renderer and the site.
public enum HTMLEscape {
    /// Escapes text content: `&`, `<` and `>` (quotes are harmless between tags).
    public static func text(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// Escapes an attribute value meant to be written between double quotes; also escapes `'`
    /// so the value stays safe if a template author quotes it with single quotes.
    public static func attribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var copy = s
        let escaped = copy.withUTF8 { bytes -> String? in
            // Fast path: most text needs nothing.
            guard nextSpecial(in: bytes, from: 0, quotes: quotes) < bytes.count else { return nil }
            var out = HTMLBuffer()
            out.appendEscaped(bytes, quotes: quotes)
            return out.string
        }
        return escaped ?? s
    }

    @inlinable @inline(__always)
    static func isSpecial(_ b: UInt8, quotes: Bool) -> Bool {
        // All five are below 0x40: most bytes are told apart by one comparison.
        b < 0x40 && (b == 0x26 || b == 0x3C || b == 0x3E || (quotes && (b == 0x22 || b == 0x27)))
    }

    /// Appends UTF-8 `text` escaped as `text(_:)` (or `attribute(_:)`, with `quotes`) escapes it,
    /// for writers that build a page as bytes: the escaped characters are ASCII, never part of a
    /// longer character.
    public static func append(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool, to bytes: inout [UInt8]) {
        pieces(of: text, quotes: quotes) { bytes.append(contentsOf: $0) }
    }

    /// `text` escaped, as the runs of it that stay and the entities that replace the rest, in order.
    @inlinable @inline(__always)
    public static func pieces(of text: UnsafeBufferPointer<UInt8>, quotes: Bool, _ piece: (UnsafeBufferPointer<UInt8>) -> Void) {
        var run = 0
        var i = 0
        while true {
            i = nextSpecial(in: text, from: i, quotes: quotes)
            guard i < text.count else { break }
            if i > run { piece(UnsafeBufferPointer(rebasing: text[run..<i])) }
            let entity: StaticString = switch text[i] {
            case 0x26: "&amp;"
            case 0x3C: "&lt;"
            case 0x3E: "&gt;"
            case 0x22: "&quot;"
            default: "&#39;"
            }
            piece(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            i += 1
            run = i
        }
        piece(UnsafeBufferPointer(rebasing: text[run...]))
    }

    /// The first byte from `start` on that escaping changes (`text.count` when none), looked for
    /// eight bytes at a time.
    @inlinable @inline(__always)
    static func nextSpecial(in text: UnsafeBufferPointer<UInt8>, from start: Int, quotes: Bool) -> Int {
        var i = start
        let n = text.count
        guard let base = text.baseAddress else { return n }
        while true {
            while i + 16 <= n && !mayHaveSpecial(UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self), quotes: quotes) {
                i += 16
            }
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if mayHaveSpecial(word, quotes: quotes) { break }
                i += 8
            }
            let end = min(i + 8, n)
            while i < end {
                if isSpecial(text[i], quotes: quotes) { return i }
                i += 1
            }
            if i >= n { return n }
        }
    }

    /// Whether some byte of `v` is one escaping changes, sixteen at once. The constants are
    /// vectors, not scalars: a scalar compared with each lane is a loop.
    @inlinable @inline(__always)
    static func mayHaveSpecial(_ v: SIMD16<UInt8>, quotes: Bool) -> Bool {
        let amp = SIMD16<UInt8>(repeating: 0x26), lt = SIMD16<UInt8>(repeating: 0x3C), gt = SIMD16<UInt8>(repeating: 0x3E)
        let found = (v .== amp) .| (v .== lt) .| (v .== gt)
        guard quotes else { return WordBytes.any(found) }
        let quote = SIMD16<UInt8>(repeating: 0x22), apostrophe = SIMD16<UInt8>(repeating: 0x27)
        return WordBytes.any(found .| (v .== quote) .| (v .== apostrophe))
    }

    /// Whether some byte of `word` is one escaping changes, in three tests (two without quotes):
    /// `&` and `'` differ only in their lowest bit, `<` and `>` only in their second (no other byte
    /// becomes `'` or `>` when that bit is set).
    @inlinable @inline(__always)
    static func mayHaveSpecial(_ word: UInt64, quotes: Bool) -> Bool {
        let ones = WordBytes.ones
        let angles = WordBytes.zeros((word | ones &* 0x02) ^ (ones &* 0x3E))
        guard quotes else { return angles | WordBytes.zeros(word ^ (ones &* 0x26)) != 0 }
        return angles | WordBytes.zeros((word | ones) ^ (ones &* 0x27)) | WordBytes.zeros(word ^ (ones &* 0x22)) != 0
    }

    /// Returns `url` unchanged, or "" when its scheme could run code or read local files
    /// (`javascript:`, `vbscript:`, `file:`, `data:` other than PNG, GIF, JPEG and WebP images),
    /// the rule cmark applies in safe mode.
    public static func safeURL(_ url: String) -> String {
        // Browsers ignore leading whitespace and control characters and tabs/newlines inside
        // the scheme, so "java\tscript:" must be caught too.
        let scheme = String(url.unicodeScalars.filter { $0.value > 0x20 }.prefix(32)).lowercased()
        let dangerous = ["javascript:", "vbscript:", "file:", "data:"]
        guard dangerous.contains(where: { scheme.hasPrefix($0) }) else { return url }
        let allowedImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if allowedImages.contains(where: { scheme.hasPrefix($0) }) { return url }
        return ""
    }
}

/// HTML being written, as UTF-8 bytes: appending to a byte array costs less than to a string.
/// The array is kept longer than what was written (`used`), so that an append is a capacity test
/// and a copy, not `Array.append(contentsOf:)`'s generic path: a body is many short appends.
struct HTMLBuffer {
    private var storage: [UInt8] = []
    private var used = 0

    /// What was written (takes the storage: the buffer is empty afterwards).
    mutating func take() -> [UInt8] {
        var out = storage
        storage = []
        out.removeSubrange(used...)
        used = 0
        return out
    }

    var string: String { storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<used]), as: UTF8.self) } }
    var last: UInt8? { used > 0 ? storage[used - 1] : nil }
    var count: Int { used }

    /// Room for `count` more bytes after `used`.
    @inline(__always)
    private mutating func reserve(_ count: Int) {
        if used + count > storage.count { grow(count) }
    }

    private mutating func grow(_ count: Int) {
        storage.append(contentsOf: repeatElement(0, count: Swift.max(used + count, 2 * storage.count, 256) - storage.count))
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        reserve(1)
        storage[used] = byte
        used += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        let at = used
        storage.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: at).update(from: source, count: bytes.count) }
        used += bytes.count
    }

    mutating func append(_ s: String) {
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ append($0) }) { return done }
        var copy = s
        copy.withUTF8 { append($0) }
    }

    mutating func append(_ s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// An element or attribute name, kept to safe characters (`HTMLRenderer.safeName`).
    mutating func appendName(_ name: String) {
        let done = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.isEmpty, bytes.allSatisfy(HTMLRenderer.isSafeNameByte) else { return false }
            append(bytes)
            return true
        }
        if done != true { append(HTMLRenderer.safeName(name)) }
    }

    /// A name from code, kept to safe characters as `appendName(_:)` keeps a string.
    mutating func appendName(_ name: StaticString) {
        let bytes = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        if !bytes.isEmpty, bytes.allSatisfy(HTMLRenderer.isSafeNameByte) { append(bytes) } else { append(HTMLRenderer.safeName("\(name)")) }
    }

    /// ` name="`, the start of an attribute, for a name from code (kept to safe characters as
    /// `appendName(_:)` keeps it), in one write.
    mutating func appendAttributeStart(_ name: StaticString) {
        let count = name.utf8CodeUnitCount
        reserve(count + 3)
        let at = used
        let safe = storage.withUnsafeMutableBufferPointer { b -> Bool in
            b[at] = 0x20
            for k in 0..<count {
                let c = name.utf8Start[k]
                guard HTMLRenderer.isSafeNameByte(c) else { return false }
                b[at + 1 + k] = c
            }
            b[at + 1 + count] = 0x3D  // =
            b[at + 2 + count] = 0x22  // "
            return count > 0
        }
        if safe {
            used += count + 3
        } else {
            append(byte: 0x20)
            appendName(name)
            append("=\"" as StaticString)
        }
    }

    mutating func append(_ other: HTMLBuffer) {
        other.storage.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[..<other.used])) }
    }

    /// The bytes of `other` in `range` (written before).
    @inline(__always)
    mutating func append(_ other: HTMLBuffer, _ range: Range<Int>) {
        precondition(range.upperBound <= other.used)
        other.storage.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Its own bytes in `range` (written before) again at the end.
    mutating func append(copyOf range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= used)
        guard !range.isEmpty else { return }
        reserve(range.count)
        let at = used
        storage.withUnsafeMutableBufferPointer { b in
            b.baseAddress!.advanced(by: at).update(from: b.baseAddress!.advanced(by: range.lowerBound), count: range.count)
        }
        used += range.count
    }

    /// Text escaped as `HTMLEscape.text` (or `attribute`, with `quotes`) does.
    mutating func appendEscaped(_ s: String, quotes: Bool) {
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, quotes: quotes) }) { return done }
        var copy = s
        copy.withUTF8 { appendEscaped($0, quotes: quotes) }
    }

    mutating func appendEscaped(_ s: StaticString, quotes: Bool) {
        appendEscaped(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount), quotes: quotes)
    }

    /// `prefix`, `a`, `separator`, `b` and `suffix` (the texts escaped), in one write when the
    /// texts need no escaping and the numbers are not negative.
    mutating func appendNumberPair(_ prefix: StaticString, _ a: Int, _ separator: StaticString, _ b: Int, _ suffix: StaticString) {
        func plain(_ s: StaticString) -> Bool {
            UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount).allSatisfy { !HTMLEscape.isSpecial($0, quotes: true) }
        }
        guard a >= 0, b >= 0, plain(prefix), plain(separator), plain(suffix) else {
            appendEscaped(prefix, quotes: true)
            appendDecimal(a)
            appendEscaped(separator, quotes: true)
            appendDecimal(b)
            appendEscaped(suffix, quotes: true)
            return
        }
        reserve(DecimalDigits.pairCapacity(prefix, separator, suffix))
        let at = used
        used = storage.withUnsafeMutableBufferPointer { DecimalDigits.writePair(prefix, a, separator, b, suffix, at: at, into: $0) }
    }

    /// `String(n)`, its digits written in place.
    mutating func appendDecimal(_ n: Int) {
        guard n >= 0 else { return append(String(n)) }
        let width = DecimalDigits.count(n)
        reserve(width)
        let end = used + width
        storage.withUnsafeMutableBufferPointer { DecimalDigits.write(n, width: width, endingAt: end, into: $0) }
        used = end
    }

    /// Escaping on UTF-8 bytes: the escaped characters are ASCII, never part of a longer character.
    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        HTMLEscape.pieces(of: text, quotes: quotes) { append($0) }
    }

    /// Forgets what was written from `count` on.
    mutating func truncate(to count: Int) {
        precondition(count >= 0 && count <= used)
        used = count
    }

    /// Writes at most `count` bytes through `body` in one access to the storage, for writers of
    /// many short pieces (a tag and its attributes): one capacity test, not one per piece.
    @inline(__always)
    mutating func write(atMost count: Int, _ body: (inout ByteWriter) -> Void) {
        reserve(Swift.max(count, 1))
        let at = used
        used = storage.withUnsafeMutableBufferPointer { b in
            var writer = ByteWriter(base: b.baseAddress!, end: at + count, at: at)
            body(&writer)
            return writer.at
        }
    }
}

/// Writes bytes into room an `HTMLBuffer` reserved (`write(atMost:_:)`); every write checks that
/// it stays in that room.
struct ByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    let end: Int
    /// Where the next byte goes (everything before it is written).
    private(set) var at: Int

    init(base: UnsafeMutablePointer<UInt8>, end: Int, at: Int) {
        self.base = base
        self.end = end
        self.at = at
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        precondition(at < end, "write within the room reserved")
        base[at] = byte
        at += 1
    }

    /// Short pieces (a tag name, `="`) byte by byte, longer ones with `memmove`.
    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        precondition(count <= end - at, "write within the room reserved")
        guard let source = bytes.baseAddress else { return }
        if count <= 8 {
            for k in 0..<count { base[at + k] = source[k] }
        } else {
            (base + at).update(from: source, count: count)
        }
        at += count
    }

    @inline(__always)
    mutating func put(_ s: StaticString) {
        put(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Bytes written before (`range` ends at or before `at`) again.
    @inline(__always)
    mutating func put(copyOf range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= at, "copy what is written")
        put(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// UTF-8 `text` escaped as `HTMLEscape` escapes it; room for `6 * text.count` bytes is enough.
    @inline(__always)
    mutating func putEscaped(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        HTMLEscape.pieces(of: text, quotes: quotes) { put($0) }
    }

    /// A name from code if it is safe (`HTMLRenderer.isSafeNameByte`) and not empty; tells whether
    /// it was (when not, what it wrote is to be discarded).
    @inline(__always)
    mutating func putName(_ name: StaticString) -> Bool {
        putText(name) { HTMLRenderer.isSafeNameByte($0) } && name.utf8CodeUnitCount > 0
    }

    /// Text from code if escaping leaves it as it is; tells whether it did (when not, what it
    /// wrote is to be discarded).
    @inline(__always)
    mutating func putPlain(_ text: StaticString) -> Bool {
        putText(text) { !HTMLEscape.isSpecial($0, quotes: true) }
    }

    /// Copies `text` checking each byte as it goes: one pass, not a check and then a copy.
    @inline(__always)
    private mutating func putText(_ text: StaticString, _ isKept: (UInt8) -> Bool) -> Bool {
        let count = text.utf8CodeUnitCount
        precondition(count <= end - at, "write within the room reserved")
        var kept = true
        for k in 0..<count {
            let c = text.utf8Start[k]
            kept = kept && isKept(c)
            base[at + k] = c
        }
        at += count
        return kept
    }

    /// `n` (≥ 0) as decimal digits.
    @inline(__always)
    mutating func putDecimal(_ n: Int) {
        precondition(n >= 0)
        if n < 10 { return put(0x30 + UInt8(truncatingIfNeeded: n)) }
        let width = DecimalDigits.count(n)
        precondition(width <= end - at, "write within the room reserved")
        DecimalDigits.write(n, width: width, endingAt: at + width, into: UnsafeMutableBufferPointer(start: base, count: end))
        at += width
    }
}

/// Tests on the eight bytes of a word at once (little-endian loads of UTF-8 text), exact: no
/// byte is missed and none is reported that is not there.
public enum WordBytes {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is zero.
    @inlinable @inline(__always)
    public static func hasZero(_ word: UInt64) -> Bool { zeros(word) != 0 }

    /// Nonzero exactly when some byte of `word` is zero (the high bit of the lowest zero byte is
    /// set; bits above it may be set falsely): several tests OR-ed, then one branch.
    @inlinable @inline(__always)
    public static func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// Whether some byte of `word` is `byte`.
    @inlinable @inline(__always)
    public static func contains(_ word: UInt64, _ byte: UInt8) -> Bool { hasZero(word ^ (ones &* UInt64(byte))) }

    /// Whether some lane of a sixteen-byte comparison is set: the mask read as two words (the
    /// library's `any` is a reduction that may be left as a call).
    @inlinable @inline(__always)
    public static func any(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: (UInt64, UInt64).self)
        return words.0 | words.1 != 0
    }

    /// Whether some byte of `word` is below `limit` (at most 128).
    @inlinable @inline(__always)
    public static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool { (word &- ones &* UInt64(limit)) & ~word & highs != 0 }
}
