import ChronicleTime

/// Decades and centuries: "the 1990s", "the '90s", "1960s", "the 20th century",
/// "the nineteenth century", "this century".
enum DecadeRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(digits: true, apostrophe: true, keywords: [.the])
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(digits: true, apostrophe: true, readings: [.decade, .ordinal, .number],
                                     keywords: [.first, .last, .final], spellings: Array(NumberWords.decadeEpithets))

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        let hasThe = s.isKeyword(i, .the)
        if hasThe, s.info(i + 2)?.unit == .decade, let c = decadeOfCentury(s, i) {
            out.append(c)
            return
        }
        if hasThe, s.isKeyword(i + 1, .last, .final) { return }  // admitted only for "the last decade of …"
        var j = hasThe ? i + 1 : i
        // "1990s", "1980's"
        if let y = s.number(j), s.tokens[j].digits == 4, y % 10 == 0 {
            // "the 1800s", "the 1700s": a whole century (not "the 2000s", the decade after 1999)
            if y % 100 == 0, y < 2000, s.isSpelled(j + 1, "s"), s.glued(j + 1) {
                out.append(Candidate(i, j + 2, .stated(.century(y / 100)), rule: .decade, note: "the hundreds of a century"))
                return
            }
            if s.isSpelled(j + 1, "s"), s.glued(j + 1) {
                out.append(Candidate(i, j + 2, .stated(.decade(y / 10)), rule: .decade))
                return
            }
            if s.isPossessive(j + 1), hasThe || s.isKeyword(i - 1, .early, .late, .mid) || s.isGluedPunct(i - 1, 0x2D) {
                out.append(Candidate(i, j + 3, .stated(.decade(y / 10)), rule: .decade))
                return
            }
        }
        // "the nineties", "the swinging sixties": in the century of the publication date (or the last one, when later)
        if hasThe, let tens = s.info(j)?.decade {
            out.append(Candidate(i, j + 1, .decadeOfCentury(tens, over: false), rule: .decade))
            return
        }
        if hasThe, let tens = s.info(j + 1)?.decade, let epithet = s.info(j)?.spelling, NumberWords.decadeEpithets.contains(epithet) {
            out.append(Candidate(i, j + 2, .decadeOfCentury(tens, over: true), rule: .decade))
            return
        }
        // "'90s", "90s"
        let apostrophe = s.isPunct(j, 0x27)
        if apostrophe { j += 1 }
        if let y = s.number(j, maxDigits: 2), s.tokens[j].digits == 2, y % 10 == 0, s.isSpelled(j + 1, "s"), s.glued(j + 1),
           s.glued(j) || apostrophe || hasThe, apostrophe || !isTemperature(s, before: i) {
            let full = y < 30 ? 2000 + y : 1900 + y
            out.append(Candidate(i, j + 2, .stated(.decade(full / 10)), rule: .decade))
            return
        }
        // "the 20th century", "the nineteenth century", "this century"
        j = hasThe ? i + 1 : i
        var ordinal: Int?
        if let n = s.number(j, maxDigits: 2), s.isWord(j + 1), s.glued(j + 1),
           NumberWords.ordinalSuffixes.contains(s.lowerWord(j + 1)) {
            ordinal = n
            j += 2
        } else if let o = s.info(j)?.ordinal, o > 0 {
            ordinal = o
            j += 1
            if s.isGluedPunct(j, 0x2D), let o2 = s.info(j + 1)?.ordinal, o >= 20, o2 < 10 {
                ordinal = o + o2
                j += 2
            }
        } else if s.info(j)?.number ?? 0 >= 20 && s.isGluedPunct(j + 1, 0x2D), let o2 = s.info(j + 2)?.ordinal {
            ordinal = (s.info(j)!.number!) + o2  // "twenty-first"
            j += 3
        }
        guard let ordinal else { return }
        // "the 18th-century mansion", "mid-20th-century furniture": an adjective; the article is the noun's
        if hasThe || s.isNumber(i), s.isGluedPunct(j, 0x2D), s.glued(j + 1), s.info(j + 1)?.unit == .century,
           !(s.info(j + 1)?.unitPlural ?? true) {
            out.append(Candidate(hasThe ? i + 1 : i, j + 2, .stated(.century(ordinal - 1)), rule: .decade, note: "a century as an adjective"))
            return
        }
        if hasThe || s.isNumber(i), s.info(j)?.unit == .century, !(s.info(j)?.unitPlural ?? true) {
            // "the 5th century BC": the century before the era, as TIMEX3 writes years BC (`BC04`)
            if let end = YearRule.beforeEra(s, j + 1) {
                out.append(Candidate(i, end, .fixed("BC" + TimexFormat.two(ordinal - 1)), rule: .decade, note: "a century before the era"))
                return
            }
            out.append(Candidate(i, j + 1, .stated(.century(ordinal - 1)), rule: .decade))
        }
    }

    /// "the first decade of the 21st century", "the last decade of the 20th century" at `i` ("the"): that decade of the
    /// century (`200`, `199`).
    private static func decadeOfCentury(_ s: TokenStream, _ i: Int) -> Candidate? {
        let n = s.isKeyword(i + 1, .last, .final) ? 10 : s.isKeyword(i + 1, .first) ? 1 : s.info(i + 1)?.ordinal ?? 0
        guard n >= 1, n <= 10, !(s.info(i + 2)?.unitPlural ?? true), s.isKeyword(i + 3, .of), s.isKeyword(i + 4, .the) else { return nil }
        var found: [Candidate] = []
        match(s, i + 4, &found)
        guard let century = found.first, case .stated(.century(let c)) = century.value else { return nil }
        return Candidate(i, century.end, .stated(.decade(c * 10 + n - 1)), rule: .decade, note: "a decade of a century")
    }

    /// Words of a weather report: "highs in the 90s", "overnight lows in the mid-70s", "temperatures in the 40s".
    static let temperatureWords: Set<String> = ["highs", "lows", "temperature", "temperatures", "readings", "degrees",
                                                "mercury", "thermometer", "thermometers", "chills"]

    /// A two-digit "the 90s" within a few words of a weather word: temperatures, not a decade.
    static func isTemperature(_ s: TokenStream, before i: Int) -> Bool {
        for k in stride(from: i - 1, through: max(0, i - 8), by: -1) {
            if s.isWord(k), temperatureWords.contains(s.lowerWord(k)) { return true }
            if s.sentenceBreak(before: k) { return false }
        }
        return false
    }
}
