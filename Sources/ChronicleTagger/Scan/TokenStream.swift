/// Read access to the tokens of one text and their bytes, with the small queries rules need.
///
/// Every accessor is bounds-safe: asking past either end answers "no", so rules can look
/// ahead and behind without checking indices first.
struct TokenStream {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let lexicon: Lexicon

    var count: Int { tokens.count }

    @inline(__always) func has(_ i: Int) -> Bool { i >= 0 && i < tokens.count }

    /// The lexicon entry of the word at `i`, if it has one.
    @inline(__always) func info(_ i: Int) -> WordInfo? {
        guard has(i), tokens[i].word >= 0 else { return nil }
        return lexicon.entries[Int(tokens[i].word)]
    }

    @inline(__always) func keyword(_ i: Int) -> Keyword? {
        guard has(i), tokens[i].word >= 0 else { return nil }
        return lexicon.entries[Int(tokens[i].word)].keyword
    }

    @inline(__always) func isKeyword(_ i: Int, _ k: Keyword) -> Bool { keyword(i) == k }

    // Fixed-arity overloads keep the hot path free of the array a variadic call allocates.
    @inline(__always) func isKeyword(_ i: Int, _ a: Keyword, _ b: Keyword) -> Bool {
        guard let k = keyword(i) else { return false }
        return k == a || k == b
    }

    @inline(__always) func isKeyword(_ i: Int, _ a: Keyword, _ b: Keyword, _ c: Keyword) -> Bool {
        guard let k = keyword(i) else { return false }
        return k == a || k == b || k == c
    }

    @inline(__always) func isKeyword(_ i: Int, _ a: Keyword, _ b: Keyword, _ c: Keyword, _ d: Keyword) -> Bool {
        guard let k = keyword(i) else { return false }
        return k == a || k == b || k == c || k == d
    }

    @inline(__always) func isKeyword(_ i: Int, _ a: Keyword, _ b: Keyword, _ c: Keyword, _ d: Keyword, _ e: Keyword) -> Bool {
        guard let k = keyword(i) else { return false }
        return k == a || k == b || k == c || k == d || k == e
    }

    @inline(__always) func isKeyword(_ i: Int, _ a: Keyword, _ b: Keyword, _ c: Keyword, _ d: Keyword, _ e: Keyword,
                                     _ f: Keyword) -> Bool {
        guard let k = keyword(i) else { return false }
        return k == a || k == b || k == c || k == d || k == e || k == f
    }

    @inline(__always) func isKeyword(_ i: Int, _ a: Keyword, _ b: Keyword, _ c: Keyword, _ d: Keyword, _ e: Keyword,
                                     _ f: Keyword, _ g: Keyword) -> Bool {
        guard let k = keyword(i) else { return false }
        return k == a || k == b || k == c || k == d || k == e || k == f || k == g
    }

    @inline(__always) func isKeyword(_ i: Int, _ a: Keyword, _ b: Keyword, _ c: Keyword, _ d: Keyword, _ e: Keyword,
                                     _ f: Keyword, _ g: Keyword, _ h: Keyword) -> Bool {
        guard let k = keyword(i) else { return false }
        return k == a || k == b || k == c || k == d || k == e || k == f || k == g || k == h
    }

    func isKeyword(_ i: Int, _ ks: Keyword...) -> Bool {
        guard let k = keyword(i) else { return false }
        return ks.contains(k)
    }

    @inline(__always) func isNumber(_ i: Int) -> Bool { has(i) && tokens[i].kind == .number }

    @inline(__always) func isWord(_ i: Int) -> Bool { has(i) && tokens[i].kind == .word }

    /// The value of a digit run of at most `maxDigits` digits.
    @inline(__always) func number(_ i: Int, maxDigits: Int = 9) -> Int? {
        guard has(i), tokens[i].kind == .number, Int(tokens[i].digits) <= maxDigits else { return nil }
        return Int(tokens[i].value)
    }

    @inline(__always) func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        has(i) && tokens[i].kind == .punct && tokens[i].value == Int32(c)
    }

    /// Punctuation `c` at `i`, touching the previous token.
    @inline(__always) func isGluedPunct(_ i: Int, _ c: UInt8) -> Bool { isPunct(i, c) && tokens[i].glued }

    @inline(__always) func glued(_ i: Int) -> Bool { has(i) && tokens[i].glued }

    @inline(__always) func capitalized(_ i: Int) -> Bool { has(i) && tokens[i].capitalized }

    /// True when the word at `i` is spelled `lower` (ASCII, case-insensitive).
    func isSpelled(_ i: Int, _ lower: StaticString) -> Bool {
        guard has(i) else { return false }
        let t = tokens[i]
        let n = Int(t.end - t.start)
        guard n == lower.utf8CodeUnitCount else { return false }
        let p = lower.utf8Start
        for k in 0..<n where bytes[Int(t.start) + k] | 0x20 != p[k] { return false }
        return true
    }

    /// The text of tokens `first..<end` as written.
    func text(_ first: Int, _ end: Int) -> String {
        guard first < end else { return "" }
        let a = Int(tokens[first].start), b = Int(tokens[end - 1].end)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
    }

    /// The word at `i`, lower-cased.
    func lowerWord(_ i: Int) -> String {
        guard has(i) else { return "" }
        return text(i, i + 1).lowercased()
    }

    /// An apostrophe-s ("'s", "’s") starting at `i`, glued to the previous token.
    func isPossessive(_ i: Int) -> Bool {
        isGluedPunct(i, 0x27) && glued(i + 1) && isSpelled(i + 1, "s")
    }

    /// A sentence boundary lies before token `i` (the start of the text, a blank line, or . ! ? before it,
    /// with a closing quotation mark between: `"It was hard." He`).
    func sentenceBreak(before i: Int) -> Bool {
        guard has(i), i > 0 else { return true }
        if tokens[i].flags & TokenFlags.paragraphBefore != 0 { return true }
        guard has(i - 1), tokens[i - 1].kind == .punct else { return false }
        var stop = i - 1
        // `hard." He said`: the quotation closes the sentence before a capital
        if tokens[stop].value == 0x22, tokens[stop].glued, stop > 0, tokens[stop - 1].kind == .punct {
            guard !tokens[i].glued, tokens[i].capitalized else { return false }
            stop -= 1
        }
        let v = tokens[stop].value
        if v == 0x21 || v == 0x3F { return true }
        if v == 0x2E {
            // `Arteta said. "Sunday will be…"`: a quotation opening the next sentence
            let opensQuote = tokens[i].kind == .punct && tokens[i].value == 0x22 && has(i + 1) && tokens[i + 1].glued
                && tokens[i + 1].capitalized
            guard !tokens[i].glued, tokens[i].capitalized || opensQuote || tokens[i].lineBreakBefore else { return false }
            // "P. Davison", "Mr. Smith": an initial or a title before the full stop
            let w = stop - 1
            if isWord(w), tokens[w].end - tokens[w].start == 1, tokens[w].capitalized { return false }
            if isWord(w), SentenceSplitter.titles.contains(lowerWord(w)) { return false }
            return true
        }
        return false
    }
}
