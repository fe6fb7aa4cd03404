/// Scans UTF-8 bytes into tokens, looking every word up in the lexicon as it goes.
///
/// ASCII letters and non-ASCII letters form words, digits form numbers, everything else is
/// one punctuation token. Curly quotes, apostrophes and dashes are folded to their ASCII
/// forms so rules see one spelling; a no-break space counts as a space.
struct Tokenizer {
    let lexicon: Lexicon

    /// Scans `bytes` into `tokens`, stopping after `limit` tokens: the first tokens do not depend on
    /// what follows them.
    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], limit: Int = .max) {
        tokens.removeAll(keepingCapacity: true)
        let n = bytes.count
        var i = 0
        // the first token follows nothing: not glued ("Hours later, …" opens a sentence tagged on its own)
        var pendingFlags: UInt8 = 0
        var newlines = 0
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                pendingFlags &= ~TokenFlags.glued
                i += 1
                continue
            }
            if b == 0x0A {
                newlines += 1
                pendingFlags &= ~TokenFlags.glued
                pendingFlags |= newlines > 1 ? (TokenFlags.lineBreakBefore | TokenFlags.paragraphBefore) : TokenFlags.lineBreakBefore
                i += 1
                continue
            }
            if b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 {  // no-break space
                pendingFlags &= ~TokenFlags.glued
                i += 2
                continue
            }
            newlines = 0
            let start = i
            if b >= 0x30 && b <= 0x39 {
                var v: Int32 = 0
                var d = 0
                while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                    if d < 9 { v = v &* 10 &+ Int32(bytes[i] &- 0x30) }
                    d += 1
                    i += 1
                }
                if d > 9 { v = 999_999_999 }
                tokens.append(Token(start: Int32(start), end: Int32(i), word: -1, value: v, kind: .number,
                                    digits: UInt8(min(d, 255)), flags: pendingFlags))
            } else if Tokenizer.isLetter(b) || (b >= 0xC3 && b < 0xE2) || b >= 0xF0 {
                // Letters; a two-byte sequence from C3 up is a Latin/Greek/Cyrillic letter, four-byte ones are
                // taken as word material too. Hash the lower-cased ASCII spelling on the fly.
                var hash: UInt64 = Lexicon.hashSeed
                var upperCount = 0
                let capital = b >= 0x41 && b <= 0x5A
                while i < n {
                    let c = bytes[i]
                    // an ASCII letter of either case: its lower-case form is a-z
                    let lower = c | 0x20
                    if lower &- 0x61 < 26 {
                        if c < 0x61 { upperCount += 1 }
                        hash = Lexicon.mix(hash, lower)
                    } else if c >= 0x80 && !Tokenizer.isPunctuationSequence(bytes, i) && c != 0xC2 {
                        hash = Lexicon.mix(hash, c)
                    } else {
                        break
                    }
                    i += 1
                }
                // every byte of the word counts as a letter (a non-ASCII letter as two or more)
                let letters = i - start
                var flags = pendingFlags
                if capital { flags |= TokenFlags.capitalized }
                if upperCount == letters && letters > 1 { flags |= TokenFlags.allCaps }
                tokens.append(Token(start: Int32(start), end: Int32(i), word: lexicon.lookup(hash), value: 0,
                                    kind: .word, digits: 0, flags: flags))
            } else {
                var folded = Int32(b)
                var width = 1
                if b >= 0x80 {
                    width = Tokenizer.sequenceLength(b)
                    if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 {
                        switch bytes[i + 2] {
                        case 0x98, 0x99: folded = 0x27  // ‘ ’
                        case 0x9C, 0x9D: folded = 0x22  // “ ”
                        case 0x93, 0x94: folded = 0x2D  // – —
                        case 0xA6: folded = 0x2E  // …
                        default: break
                        }
                    }
                }
                i = min(n, i + width)
                tokens.append(Token(start: Int32(start), end: Int32(i), word: -1, value: folded, kind: .punct,
                                    digits: 0, flags: pendingFlags))
            }
            pendingFlags = TokenFlags.glued
            if tokens.count == limit { return }
        }
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// True at the start of a multi-byte punctuation mark that must not join a word (’ “ ” – — …).
    @inline(__always) static func isPunctuationSequence(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        bytes[i] == 0xE2
    }

    @inline(__always) static func sequenceLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }
}
