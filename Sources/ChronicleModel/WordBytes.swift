/// Which bytes of UTF-8 text belong to words, for the byte scanners of names and of event
/// signatures: ASCII letters and digits, and every byte of a character beyond ASCII ("Müller",
/// "Zelenskyy" in Cyrillic) except the no-break space and the general punctuation block
/// (U+2000–U+207F: curly quotes, dashes, thin spaces).
enum WordBytes {
    static func isWordByte(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        // The lead byte of the character this byte belongs to (at most three bytes back).
        var k = i
        while k > 0 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
        guard k + 1 < bytes.count else { return true }
        let lead = bytes[k], second = bytes[k + 1]
        if lead == 0xC2 && second == 0xA0 { return false }
        return !(lead == 0xE2 && (second == 0x80 || second == 0x81))
    }

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
/// before the table is hashed into: its first byte begins some entry and its length is some
/// entry's. A word with a byte beyond ASCII always passes (the table compares it as Unicode), and
/// so does every word when an entry is not ASCII.
struct WordFilter: Sendable {
    private var initials = Array(repeating: false, count: 128)
    private var lengths: ClosedRange<Int> = 0...0
    private var passesAll = false

    init<S: Sequence>(_ words: S) where S.Element: StringProtocol {
        var shortest = Int.max, longest = 0
        for word in words {
            guard let first = word.utf8.first, word.utf8.allSatisfy({ $0 < 0x80 }) else { passesAll = true; continue }
            initials[Int(first)] = true
            shortest = min(shortest, word.utf8.count)
            longest = max(longest, word.utf8.count)
        }
        if shortest <= longest { lengths = shortest...longest }
    }

    func mayContain(_ word: Substring) -> Bool {
        let bytes = word.utf8
        if passesAll { return true }
        if let first = bytes.first, first < 0x80, initials[Int(first)], lengths.contains(bytes.count) { return true }
        return bytes.contains { $0 >= 0x80 }
    }
}
