/// Reads an amount in front of a unit: digits ("30", "1.5"), number words ("twenty-four",
/// "two"), an article ("a week"), or a vague amount ("several", "a few") that TimeML writes `X`.
struct Quantity {
    /// nil: unknown amount (`X`).
    var amount: Double?
    /// Token after the quantity.
    var end: Int
    /// "a couple of", "a dozen or so": approximate.
    var approximate = false
    /// Written with an article only ("a week").
    var article = false

    /// What a quantity can start with: digits, a number word, an article or a vague amount.
    static let firstToken = FirstToken(digits: true, readings: .number,
                                       keywords: [.a, .an, .couple, .several, .few, .many, .some, .dozens, .hundreds, .half])

    static func read(_ s: TokenStream, _ i: Int, allowArticle: Bool = true, allowVague: Bool = true) -> Quantity? {
        guard let q = single(s, i, allowArticle: allowArticle, allowVague: allowVague) else { return nil }
        return allowVague ? range(s, from: q) ?? q : q
    }

    /// "two to three", "12 to 18", "two or three", "12-18" before a unit: one amount whose value lies in a
    /// range, written `X` (TimeML has no range of amounts), with the whole range in the span.
    private static func range(_ s: TokenStream, from q: Quantity) -> Quantity? {
        guard let low = q.amount, !q.article, !q.approximate, low < 1000 else { return nil }
        let j = q.end
        let hyphen = s.isGluedPunct(j, 0x2D) && s.isNumber(j + 1) && s.glued(j + 1) && s.isNumber(j - 1)
        guard hyphen || s.isKeyword(j, .to, .or) else { return nil }
        guard let high = single(s, j + 1, allowArticle: false, allowVague: false), let h = high.amount, h > low,
              s.info(high.end)?.unit != nil else { return nil }
        return Quantity(amount: nil, end: high.end)
    }

    @inline(__always)
    private static func single(_ s: TokenStream, _ i: Int, allowArticle: Bool, allowVague: Bool) -> Quantity? {
        if let n = s.number(i, maxDigits: 6) {
            // a later group of a bigger number ("352" in "2,352"): the number starts before it
            if s.glued(i), s.isGluedPunct(i - 1, 0x2C), s.isNumber(i - 2) { return nil }
            // "2,352" and "3.5": thousands groups or a decimal part.
            var end = i + 1
            var value = Double(n)
            if s.isGluedPunct(end, 0x2E) && s.glued(end + 1), let frac = s.number(end + 1), s.isNumber(end + 1) {
                let digits = Int(s.tokens[end + 1].digits)
                value += Double(frac) / pow10(digits)
                end += 2
            } else if s.isGluedPunct(end, 0x2C) && s.glued(end + 1) && s.isNumber(end + 1) && s.tokens[end + 1].digits == 3 {
                // "2,352 years", "1,000 days" ("2,000 tonnes" is read too, and has no unit)
                guard s.tokens[i].digits <= 3 else { return nil }
                while s.isGluedPunct(end, 0x2C) && s.glued(end + 1) && s.isNumber(end + 1) && s.tokens[end + 1].digits == 3 {
                    value = value * 1000 + Double(s.number(end + 1) ?? 0)
                    end += 2
                }
            } else if s.isNumber(end), !s.glued(end), let num = s.number(end, maxDigits: 1), s.isGluedPunct(end + 1, 0x2F),
                      let den = s.number(end + 2, maxDigits: 1), s.glued(end + 2), den > num, num > 0 {
                value += Double(num) / Double(den)  // "5 1/2 hours"
                end += 3
            } else if let f = vulgarFraction(s, end), s.glued(end) {
                value += f  // "2½ years"
                end += 1
            }
            if s.isGluedPunct(end, 0x2F) { return nil }  // "9/11", "1/2" alone
            if s.isWord(end) && s.glued(end) && s.info(end)?.unit == nil {
                return nil  // "10th", "3pm", "1990s": not a plain amount
            }
            if let e = andAHalf(s, end) { return Quantity(amount: value + 0.5, end: e) }
            return Quantity(amount: value, end: end)
        }
        guard let info = s.info(i) else { return nil }
        if var n = info.number {
            var end = i + 1
            // "twenty-four", "twenty four"
            if n >= 20 && n % 10 == 0, let next = s.info(s.isGluedPunct(end, 0x2D) ? end + 1 : end)?.number, next < 10 {
                n += next
                end += s.isGluedPunct(end, 0x2D) ? 2 : 1
            }
            // "two hundred"
            if let next = s.info(end)?.number, next == 100 || next == 1000 {
                n *= next
                end += 1
            }
            if let e = andAHalf(s, end) { return Quantity(amount: Double(n) + 0.5, end: e) }
            return Quantity(amount: Double(n), end: end)
        }
        switch info.keyword {
        case .a?, .an?:
            guard allowArticle else { return nil }
            if s.isKeyword(i + 1, .few) { return allowVague ? Quantity(amount: nil, end: i + 2) : nil }
            if s.isKeyword(i + 1, .couple) {
                let end = s.isKeyword(i + 2, .of) ? i + 3 : i + 2
                return Quantity(amount: 2, end: end, approximate: true)
            }
            if s.info(i + 1)?.number == 12 { return Quantity(amount: 12, end: i + 2) }  // a dozen
            if s.isKeyword(i + 1, .half) { return Quantity(amount: 0.5, end: i + 2) }
            // "a quarter of an hour"
            if s.isSpelled(i + 1, "quarter"), s.isKeyword(i + 2, .of), s.isKeyword(i + 3, .a, .an) {
                return Quantity(amount: 0.25, end: i + 4)
            }
            return Quantity(amount: 1, end: i + 1, article: true)
        case .couple?:
            // "the next couple of years"
            return s.isKeyword(i + 1, .of) ? Quantity(amount: 2, end: i + 2, approximate: true) : nil
        case .several?, .few?, .many?:
            return allowVague ? Quantity(amount: nil, end: i + 1) : nil
        case .some?:
            return allowVague && s.info(i + 1)?.unit != nil ? Quantity(amount: nil, end: i + 1) : nil
        case .dozens?, .hundreds?:
            return allowVague && s.isKeyword(i + 1, .of) ? Quantity(amount: nil, end: i + 2) : nil
        case .half?:
            // "half an hour", "half a day"
            if s.isKeyword(i + 1, .a, .an) { return Quantity(amount: 0.5, end: i + 2) }
            return nil
        default:
            return nil
        }
    }

    /// "and a half" ("three and a half years") or "-and-a-half" ("two-and-a-half months") at `i`, before a
    /// unit: the token after "half".
    private static func andAHalf(_ s: TokenStream, _ i: Int) -> Int? {
        // hyphens before each of the three words, or none
        let hyphens = s.isGluedPunct(i, 0x2D)
        guard s.isKeyword(hyphens ? i + 1 : i, .and) else { return nil }  // the usual case, before any table
        var k = i
        for word in [Keyword.and, .a, .half] {
            if hyphens {
                guard s.isGluedPunct(k, 0x2D) else { return nil }
                k += 1
            }
            guard s.isKeyword(k, word) else { return nil }
            k += 1
        }
        let unit = s.isGluedPunct(k, 0x2D) ? k + 1 : k
        return s.info(unit)?.unit != nil ? k : nil
    }

    /// "½", "¼", "¾" (U+00BD, U+00BC, U+00BE) at `i`.
    private static func vulgarFraction(_ s: TokenStream, _ i: Int) -> Double? {
        guard s.has(i), s.tokens[i].kind == .punct, s.tokens[i].value == 0xC2, s.tokens[i].end - s.tokens[i].start == 2 else { return nil }
        switch s.bytes[Int(s.tokens[i].start) + 1] {
        case 0xBC: return 0.25
        case 0xBD: return 0.5
        case 0xBE: return 0.75
        default: return nil
        }
    }

    private static func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<n { x *= 10 }
        return x
    }
}
