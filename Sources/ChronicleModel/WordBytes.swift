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
}
