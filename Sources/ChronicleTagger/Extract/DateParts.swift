import ChronicleTime

/// Small readers shared by the date rules: a month name with its optional full stop, a day of
/// the month with its optional ordinal suffix, a four-digit year.
enum DateParts {
    /// A capitalised month name at `i`; returns the month and the token after it (past "Sept.").
    static func month(_ s: TokenStream, _ i: Int) -> (month: Int, end: Int)? {
        guard let info = s.info(i), info.month > 0, s.capitalized(i) else { return nil }
        var end = i + 1
        if info.monthAbbreviation && s.isGluedPunct(end, 0x2E) { end += 1 }
        return (info.month, end)
    }

    /// A day of the month 1…31 at `i`: "15", "15th", "1st"; returns the day and the token after it.
    static func day(_ s: TokenStream, _ i: Int) -> (day: Int, end: Int)? {
        guard let d = s.number(i, maxDigits: 2), d >= 1, d <= 31 else {
            if let ord = s.info(i)?.ordinal, ord >= 1, ord <= 31 { return (ord, i + 1) }
            return nil
        }
        var end = i + 1
        if s.isWord(end) && s.glued(end) {
            let suffix = s.lowerWord(end)
            guard NumberWords.ordinalSuffixes.contains(suffix) else { return nil }
            end += 1
        }
        // a decimal or a time ("15.5", "15:30") is not a day
        if (s.isGluedPunct(end, 0x2E) || s.isGluedPunct(end, 0x3A)) && s.isNumber(end + 1) && s.glued(end + 1) {
            return nil
        }
        return (d, end)
    }

    /// A four-digit year 1000…2199 at `i` that is not part of a bigger number ("2,025", "2025.5").
    static func year(_ s: TokenStream, _ i: Int) -> Int? {
        guard let y = s.number(i), s.tokens[i].digits == 4, y >= 1000, y < 2200 else { return nil }
        if s.glued(i) && s.isGluedPunct(i - 1, 0x2C) && s.isNumber(i - 2) { return nil }
        if (s.isGluedPunct(i + 1, 0x2C) || s.isGluedPunct(i + 1, 0x2E)) && s.isNumber(i + 2) && s.glued(i + 2) { return nil }
        if s.isWord(i + 1) && s.glued(i + 1) { return nil }  // "1990s", "2025th"
        return y
    }

    /// "'89": an apostrophe and two digits; the full year (`fullYear(twoDigits:)`).
    static func shortYear(_ s: TokenStream, _ i: Int) -> Int? {
        guard s.isPunct(i, 0x27), let y = s.number(i + 1), s.tokens[i + 1].digits == 2, s.glued(i + 1),
              !(s.isWord(i + 2) && s.glued(i + 2)) else { return nil }
        return fullYear(twoDigits: y)
    }

    /// The year two digits name in news: "'89", "FY25", "3/15/25" (00-49 this century, 50-99 the last).
    static func fullYear(twoDigits y: Int) -> Int { y < 50 ? 2000 + y : 1900 + y }
}

extension DateParts {
    /// A year written in digits ("1996") or words ("nineteen ninety-six", "two thousand",
    /// "two thousand and one"); returns the year and the token after it.
    static func yearSpan(_ s: TokenStream, _ i: Int) -> (year: Int, end: Int)? {
        if let y = year(s, i) { return (y, i + 1) }
        guard let first = s.info(i)?.number else { return nil }
        // "two thousand [and] [one]"
        if first == 2, s.info(i + 1)?.number == 1000 {
            var end = i + 2
            var y = 2000
            var k = end
            if s.isKeyword(k, .and) { k += 1 }
            if let (rest, e) = smallNumber(s, k), rest < 100 {
                y += rest
                end = e
            }
            return (y, end)
        }
        // "nineteen ninety-six", "eighteen hundred"
        guard first >= 10, first <= 20, let (rest, end) = smallNumber(s, i + 1) else { return nil }
        if rest == 100 { return (first * 100, end) }
        guard rest >= 10, rest < 100 else { return nil }
        return (first * 100 + rest, end)
    }

    /// A number word below a hundred, hyphenated or not ("ninety-six", "ninety six", "eleven").
    static func smallNumber(_ s: TokenStream, _ i: Int) -> (Int, Int)? {
        guard let n = s.info(i)?.number else { return nil }
        if n >= 20 && n < 100 && n % 10 == 0 {
            let k = s.isGluedPunct(i + 1, 0x2D) ? i + 2 : i + 1
            if let unit = s.info(k)?.number, unit >= 1, unit <= 9 { return (n + unit, k + 1) }
        }
        return (n, i + 1)
    }

    /// A superlative at `k` ("warmest", "wettest", "best", "worst"): before a month or a season it makes
    /// that one month or season ("its wettest March on record", "the hottest summer").
    static func isSuperlative(_ s: TokenStream, _ k: Int) -> Bool {
        guard s.isWord(k), !s.capitalized(k) else { return false }
        let w = s.lowerWord(k)
        return w == "best" || w == "worst" || w.count > 5 && w.hasSuffix("est") && !superlativeLookalikes.contains(w)
    }

    /// Words ending in "est" that are no superlative ("the harvest moon", "an interest").
    static let superlativeLookalikes: Set<String> = ["harvest", "interest", "protest", "contest", "request", "conquest",
                                                     "midwest", "honest", "modest", "forest", "digest"]
}
