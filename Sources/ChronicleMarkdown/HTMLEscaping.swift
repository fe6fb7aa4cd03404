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

    @inline(__always)
    static func isSpecial(_ b: UInt8, quotes: Bool) -> Bool {
        // All five are below 0x40: most bytes are told apart by one comparison.
        b < 0x40 && (b == 0x26 || b == 0x3C || b == 0x3E || (quotes && (b == 0x22 || b == 0x27)))
    }

    /// Appends UTF-8 `text` escaped as `text(_:)` (or `attribute(_:)`, with `quotes`) escapes it,
    /// for writers that build a page as bytes: the escaped characters are ASCII, never part of a
    /// longer character.
    public static func append(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool, to bytes: inout [UInt8]) {
        var run = 0
        var i = 0
        while true {
            i = nextSpecial(in: text, from: i, quotes: quotes)
            guard i < text.count else { break }
            let b = text[i]
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<i]))
            switch b {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(contentsOf: "&#39;".utf8)
            }
            i += 1
            run = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
    }

    /// The first byte from `start` on that escaping changes (`text.count` when none), looked for
    /// eight bytes at a time.
    @inline(__always)
    static func nextSpecial(in text: UnsafeBufferPointer<UInt8>, from start: Int, quotes: Bool) -> Int {
        var i = start
        let n = text.count
        guard let base = text.baseAddress else { return n }
        while true {
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if WordBytes.contains(word, 0x26) || WordBytes.contains(word, 0x3C) || WordBytes.contains(word, 0x3E)
                    || (quotes && (WordBytes.contains(word, 0x22) || WordBytes.contains(word, 0x27))) { break }
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
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    var string: String { String(decoding: bytes, as: UTF8.self) }
    var last: UInt8? { bytes.last }

    mutating func append(_ s: String) {
        var copy = s
        copy.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: HTMLBuffer) { bytes.append(contentsOf: other.bytes) }

    /// Text escaped as `HTMLEscape.text` (or `attribute`, with `quotes`) does.
    mutating func appendEscaped(_ s: String, quotes: Bool) {
        var copy = s
        copy.withUTF8 { appendEscaped($0, quotes: quotes) }
    }

    /// Escaping on UTF-8 bytes: the escaped characters are ASCII, never part of a longer character.
    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        HTMLEscape.append(text, quotes: quotes, to: &bytes)
    }
}

/// Tests on the eight bytes of a word at once (little-endian loads of UTF-8 text), exact: no
/// byte is missed and none is reported that is not there.
public enum WordBytes {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is zero.
    @inlinable @inline(__always)
    public static func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }

    /// Whether some byte of `word` is `byte`.
    @inlinable @inline(__always)
    public static func contains(_ word: UInt64, _ byte: UInt8) -> Bool { hasZero(word ^ (ones &* UInt64(byte))) }

    /// Whether some byte of `word` is below `limit` (at most 128).
    @inlinable @inline(__always)
    public static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool { (word &- ones &* UInt64(limit)) & ~word & highs != 0 }
}
