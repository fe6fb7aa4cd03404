import Foundation

/// Which bytes of UTF-8 text belong to words, for the byte scanners of names and of event
/// signatures: ASCII letters and digits, and every byte of a character beyond ASCII ("Müller",
/// "Zelenskyy" in Cyrillic) except the no-break space and the general punctuation block
/// (U+2000–U+207F: curly quotes, dashes, thin spaces).
enum WordBytes {
    @inline(__always)
    static func isWordByte<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ i: Int) -> Bool where Bytes.Index == Int {
        let b = bytes[i]
        if b < 0x80 { return isASCIIWordByte(b) }
        // The lead byte of the character this byte belongs to (at most three bytes back).
        var k = i
        while k > 0 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
        guard k + 1 < bytes.count else { return true }
        let lead = bytes[k], second = bytes[k + 1]
        if lead == 0xC2 && second == 0xA0 { return false }
        return !(lead == 0xE2 && (second == 0x80 || second == 0x81))
    }

    /// An ASCII letter or digit (two comparisons: setting bit 5 lower-cases a capital and leaves
    /// no other byte a lower-case letter).
    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

    /// The scalar whose UTF-8 encoding starts at `i` of valid UTF-8 (a Swift string's bytes), and its length.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let c = UInt32(b[i])
        if c < 0x80 { return (Unicode.Scalar(UInt8(c)), 1) }
        if c < 0xE0 { return (Unicode.Scalar((c & 0x1F) << 6 | UInt32(b[i + 1]) & 0x3F)!, 2) }
        if c < 0xF0 { return (Unicode.Scalar((c & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | UInt32(b[i + 2]) & 0x3F)!, 3) }
        let value = (c & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6 | UInt32(b[i + 3]) & 0x3F
        return (Unicode.Scalar(value)!, 4)
    }

    /// Foundation's `text.contains(needle)`, on UTF-8 bytes when both are made only of characters
    /// that are one scalar each and never combine (ASCII but the carriage return, Latin-1, the
    /// dashes and quotes of General Punctuation but its joiners), as nearly all news text is: then
    /// a byte match is a character match (a lead byte never equals a continuation byte).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var textIsPlain: Bool?
        return contains(text, needle, textIsPlain: &textIsPlain)
    }

    /// `contains(text, needle)`, for one text and many needles: `textIsPlain` keeps whether the
    /// text is plain once it has been worked out (pass nil at first).
    static func contains(_ text: String, _ needle: String, textIsPlain: inout Bool?) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { t in
            needle.utf8.withContiguousStorageIfAvailable { n -> Bool? in
                let plain = textIsPlain ?? isPlain(t)
                textIsPlain = plain
                guard plain, isPlain(n) else { return nil }
                guard !n.isEmpty, n.count <= t.count, let tb = t.baseAddress, let nb = n.baseAddress else { return false }
                let first = n[0]
                for i in 0...(t.count - n.count) where t[i] == first && memcmp(tb + i, nb, n.count) == 0 { return true }
                return false
            }
        }
        if case .some(.some(.some(let result))) = found { return result }
        return text.contains(needle)
    }

    /// Whether every character of the UTF-8 text is one scalar that never combines with another
    /// (see `contains`).
    private static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if c == 0x0D { return false }
                i += 1
            } else if c == 0xC2 || c == 0xC3 {
                i += 2
            } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] != 0x8C, b[i + 2] != 0x8D {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Whether a word of `text` (words split at spaces) ends in one of `endings` (UTF-8 bytes).
    static func someWord(of text: String, endsIn endings: [[UInt8]]) -> Bool {
        var text = text
        return text.withUTF8 { t in
            for i in 0...t.count where i == t.count || t[i] == 0x20 {
                for ending in endings where i >= ending.count {
                    if ending.indices.allSatisfy({ t[i - ending.count + $0] == ending[$0] }) { return true }
                }
            }
            return false
        }
    }

    /// Whether every byte of the text is ASCII (read from its contiguous bytes: iterating a
    /// `String.UTF8View` costs tens of instructions a byte).
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `isASCII`, and no carriage return: then each byte is a character.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
            ?? text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// A word's bytes lower-cased; ASCII (nearly every word) without `String.lowercased()`.
    static func lowercased(_ word: UnsafeBufferPointer<UInt8>) -> String {
        guard word.allSatisfy({ $0 < 0x80 }) else { return String(decoding: word, as: UTF8.self).lowercased() }
        guard word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: word, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: word.count) { (out: UnsafeMutableBufferPointer<UInt8>) -> Int in
            for (k, c) in word.enumerated() { out[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            return word.count
        }
    }
}

/// A quick necessary condition for a word to be in a table of ASCII words, checked on its bytes
/// before the table hashes it: a Bloom filter of the entries' FNV-1a hashes (two bits each in
/// 4,096, so about one word in a hundred that is in no table passes). A word with a byte beyond
/// ASCII always passes (the table compares it as Unicode), and so does every word when an entry
/// is not ASCII.
struct WordFilter: Sendable {
    private var bits = Array(repeating: UInt64(0), count: 64)
    private var passesAll = false

    init<S: Sequence>(_ words: S) where S.Element: StringProtocol {
        for word in words {
            guard !word.isEmpty, let hash = Self.hash(word.utf8) else { passesAll = true; continue }
            let (a, b) = Self.probes(hash)
            bits[a >> 6] |= 1 << UInt64(a & 63)
            bits[b >> 6] |= 1 << UInt64(b & 63)
        }
    }

    func mayContain(_ word: Substring) -> Bool {
        passesAll || (word.utf8.withContiguousStorageIfAvailable { mayContain(utf8: $0) } ?? mayContain(utf8: word.utf8))
    }

    func mayContain(_ word: String) -> Bool {
        passesAll || (word.utf8.withContiguousStorageIfAvailable { mayContain(utf8: $0) } ?? mayContain(utf8: word.utf8))
    }

    private func mayContain<Bytes: Sequence<UInt8>>(utf8: Bytes) -> Bool {
        guard let hash = Self.hash(utf8) else { return true }
        let (a, b) = Self.probes(hash)
        return bits[a >> 6] & (1 << UInt64(a & 63)) != 0 && bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    /// FNV-1a of ASCII bytes; nil when a byte is beyond ASCII.
    @inline(__always)
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            if b >= 0x80 { return nil }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h
    }

    @inline(__always)
    private static func probes(_ hash: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: hash & 4095), Int(truncatingIfNeeded: (hash >> 29) & 4095))
    }
}
