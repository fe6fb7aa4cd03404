/// What kind of text a token covers.
enum TokenKind: UInt8 {
    case word, number, punct
}

/// One token of the byte scan: a run of letters, a run of digits, or one punctuation mark.
///
/// Tokens are small values so a whole paragraph's worth fits in cache; all text access goes
/// back to the UTF-8 bytes through `start`/`end`.
struct Token {
    /// UTF-8 byte offsets into the scanned text, end exclusive.
    var start: Int32
    var end: Int32
    /// Lexicon entry of a word (lower-cased lookup), or -1.
    var word: Int32
    /// Value of a digit run (saturating at 999_999_999), or the ASCII byte of a punctuation mark
    /// (curly quotes and apostrophes are folded to `"` and `'`, dashes to `-`).
    var value: Int32
    var kind: TokenKind
    /// Number of digits of a number token.
    var digits: UInt8
    /// Bit set of `TokenFlags`.
    var flags: UInt8

    @inline(__always) var glued: Bool { flags & TokenFlags.glued != 0 }
    @inline(__always) var capitalized: Bool { flags & TokenFlags.capitalized != 0 }
    @inline(__always) var lineBreakBefore: Bool { flags & TokenFlags.lineBreakBefore != 0 }
    @inline(__always) var allCaps: Bool { flags & TokenFlags.allCaps != 0 }
}

/// Flags carried by a token.
enum TokenFlags {
    /// No whitespace between this token and the previous one.
    static let glued: UInt8 = 1
    /// First letter upper-case.
    static let capitalized: UInt8 = 2
    /// A newline precedes the token.
    static let lineBreakBefore: UInt8 = 4
    /// Every letter upper-case (headlines, acronyms).
    static let allCaps: UInt8 = 8
    /// A blank line (paragraph break) precedes the token.
    static let paragraphBefore: UInt8 = 16
}
