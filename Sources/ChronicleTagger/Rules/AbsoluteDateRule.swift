import ChronicleTime

/// Calendar dates written out: "2025-03-15", "15 March 2025", "March 15, 2025", "Sept. 15",
/// "Thursday, April 6", "July 1997", "3/15/2025"; a month alone ("in January") is `month`.
enum AbsoluteDateRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(digits: true, readings: [.month, .weekday])

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        if s.isNumber(i) {
            matchNumeric(s, i, &out)
            matchDayMonth(s, i, &out)
            return
        }
        if let (m, end) = DateParts.month(s, i) {
            matchMonthFirst(s, i, month: m, after: end, start: i, &out)
            return
        }
        // "Thursday, April 6": a weekday in front of a full date
        if let info = s.info(i), info.weekday != nil, !info.weekdayPlural, s.capitalized(i) {
            var j = i + 1
            if s.isGluedPunct(j, 0x2C) { j += 1 }
            if let (m, end) = DateParts.month(s, j) {
                var found: [Candidate] = []
                matchMonthFirst(s, j, month: m, after: end, start: i, &found)
                out += found.filter { if case .monthDay = $0.value { return true }; if case .stated(.day) = $0.value { return true }; return false }
            } else if DateParts.day(s, j) != nil {
                var found: [Candidate] = []
                matchDayMonth(s, j, &found)
                for var c in found { c.first = i; out.append(c) }
            }
        }
    }

    /// "2025-03-15", "2025-03-15T14:30", "3/15/2025".
    private static func matchNumeric(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        if let y = DateParts.year(s, i) ?? (s.tokens[i].digits == 4 ? s.number(i) : nil),
           s.isGluedPunct(i + 1, 0x2D), let m = s.number(i + 2, maxDigits: 2), s.glued(i + 2),
           s.isGluedPunct(i + 3, 0x2D), let d = s.number(i + 4, maxDigits: 2), s.glued(i + 4),
           let date = CivilDate(year: y, month: m, day: d) {
            // optional "T14:30"
            if s.isWord(i + 5), s.glued(i + 5), s.isSpelled(i + 5, "t"), let h = s.number(i + 6, maxDigits: 2), h < 24,
               s.isGluedPunct(i + 7, 0x3A), let mi = s.number(i + 8, maxDigits: 2), mi < 60 {
                var end = i + 9
                if s.isGluedPunct(end, 0x3A), s.number(end + 1, maxDigits: 2) != nil { end += 2 }
                out.append(Candidate(i, end, .stated(.time(date, hour: h, minute: mi)), .time, rule: .isoDate))
            } else if s.isWord(i + 5) && s.glued(i + 5) {
                return
            } else {
                out.append(Candidate(i, i + 5, .stated(.day(date)), rule: .isoDate))
            }
            return
        }
        // "2025-03": a month in ISO form (not "2024-25", a season, nor "2010-2015", a range)
        if let y = DateParts.year(s, i) ?? (s.tokens[i].digits == 4 ? s.number(i) : nil), y >= 1000,
           s.isGluedPunct(i + 1, 0x2D), s.glued(i + 2), s.tokens.count > i + 2, s.tokens[i + 2].digits == 2,
           let m = s.number(i + 2, maxDigits: 2), m >= 1, m <= 12, m != (y + 1) % 100, !s.isGluedPunct(i + 3, 0x2D),
           !(s.isWord(i + 3) && s.glued(i + 3)) {
            out.append(Candidate(i, i + 3, .stated(.month(year: y, month: m)), rule: .isoDate))
            return
        }
        // "3/15/2025" (month first, as US news writes it; day first when the first part exceeds 12)
        if let a = s.number(i, maxDigits: 2), s.isGluedPunct(i + 1, 0x2F), let b = s.number(i + 2, maxDigits: 2),
           s.glued(i + 2), s.isGluedPunct(i + 3, 0x2F), s.glued(i + 4), let yy = s.number(i + 4, maxDigits: 4),
           s.tokens[i + 4].digits == 4 || s.tokens[i + 4].digits == 2 {
            let y = s.tokens[i + 4].digits == 4 ? yy : DateParts.fullYear(twoDigits: yy)
            let (m, d) = a > 12 ? (b, a) : (a, b)
            if let date = CivilDate(year: y, month: m, day: d), !(s.isPunct(i + 5, 0x2F)) {
                out.append(Candidate(i, i + 5, .stated(.day(date)), rule: .absoluteDate))
            }
        }
    }

    /// "15 March 2025", "15th of March", "15 Mar"; "on the 10th" alone; "the 28th of last month".
    private static func matchDayMonth(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        guard let (d, afterDay) = DateParts.day(s, i) else { return }
        // "on the 10th." — a numeric ordinal with no month and nothing it could count
        if afterDay == i + 2, s.isKeyword(i - 1, .the), s.isKeyword(i - 2, .on, .by, .until, .since),
           !s.isWord(afterDay) || s.isKeyword(afterDay, .and, .when, .at) {
            out.append(Candidate(i - 1, afterDay, .dayOfMonth(d), rule: .absoluteDate))
        }
        var j = afterDay
        if s.isKeyword(j, .of) { j += 1 }
        // "the 28th of last month", "the 5th of this month", "the 1st of next month"
        // ("ranked 5th of last month's entries" is a rank)
        if j == afterDay + 1, s.isKeyword(i - 1, .the), s.isKeyword(j, .this, .last, .next), s.info(j + 1)?.unit == .month,
           !(s.info(j + 1)?.unitPlural ?? true), !s.isPossessive(j + 2) {
            let shift = s.isKeyword(j, .last) ? -1 : s.isKeyword(j, .next) ? 1 : 0
            out.append(Candidate(i - 1, j + 2, .dayOfShiftedMonth(d, months: shift), rule: .absoluteDate))
            return
        }
        guard let (m, afterMonth) = DateParts.month(s, j) else {
            firstDay(s, i, day: d, afterDay: afterDay, &out)
            return
        }
        var k = afterMonth
        if s.isGluedPunct(k, 0x2C) { k += 1 }
        if let (y, yearEnd) = DateParts.yearSpan(s, k), let date = CivilDate(year: y, month: m, day: d) {
            out.append(Candidate(i, yearEnd, .stated(.day(date)), rule: .absoluteDate))
        } else if CivilDate(year: 2000, month: m, day: d) != nil, let (year, end) = relativeYear(s, afterMonth) {
            // "8 February next year", "18 May last year"
            out.append(Candidate(i, end, .monthDay(month: m, day: d, year: year), rule: .absoluteDate))
        } else if CivilDate(year: 2000, month: m, day: d) != nil {
            out.append(Candidate(i, afterMonth, .monthDay(month: m, day: d, year: .implied), rule: .absoluteDate))
        }
    }

    /// "March 15, 2025", "Sept. 15", "March 15th", "July 1997", "March of 2025", "January".
    private static func matchMonthFirst(_ s: TokenStream, _ i: Int, month m: Int, after: Int, start: Int,
                                        _ out: inout [Candidate]) {
        if let (d, afterDay) = DateParts.day(s, after), !(s.isGluedPunct(afterDay, 0x2C) && s.isNumber(afterDay + 1) && s.tokens[afterDay + 1].digits == 3) {
            // "March 15, 2025" / "March 15 2025"
            var k = afterDay
            if s.isPunct(k, 0x2C) { k += 1 }
            if let (y, yearEnd) = DateParts.yearSpan(s, k), let date = CivilDate(year: y, month: m, day: d) {
                out.append(Candidate(start, yearEnd, .stated(.day(date)), rule: .absoluteDate))
                return
            }
            if CivilDate(year: 2000, month: m, day: d) != nil, s.tokens[after].kind == .number || s.info(after)?.ordinal != nil,
               s.number(after).map({ _ in s.tokens[after].digits <= 2 }) ?? true {
                out.append(Candidate(start, afterDay, .monthDay(month: m, day: d, year: .implied), rule: .absoluteDate))
                secondDay(s, month: m, first: d, after: afterDay, &out)
                return
            }
        }
        var k = after
        if s.isKeyword(k, .of) { k += 1 }
        if s.isPunct(k, 0x2C) { k += 1 }
        if let (y, yearEnd) = DateParts.yearSpan(s, k) {
            out.append(Candidate(start, yearEnd, .stated(.month(year: y, month: m)), rule: .absoluteDate))
            return
        }
        if let year = DateParts.shortYear(s, k) {
            out.append(Candidate(start, k + 2, .stated(.month(year: year, month: m)), rule: .absoluteDate))
            return
        }
        // "July last year", "January of this year", "March next year"
        if let (year, end) = relativeYear(s, s.isKeyword(after, .of) ? after + 1 : after) {
            out.append(Candidate(start, end, .month(m, year: year), rule: .monthName))
            return
        }
        guard start == i, monthAloneIsDate(s, i, after: after) else { return }
        out.append(Candidate(i, after, .month(m, year: .implied), rule: .monthName))
    }

    /// "the May consumer price index", "the Fed's March meeting", "its wettest March on record", "for May
    /// delivery": a capitalised month inside a sentence, after an article, a possessive or a superlative
    /// and before a plain noun, is no verb and no modal ("the March on Washington", "the May Queen" are names);
    /// "March was the worst month": a sentence opened by "March" and a form of "be" ("May" may be a name there).
    /// Nouns that make "the May …" a leader's ("the May government").
    private static let leaderNouns: [StaticString] = ["government", "administration", "cabinet", "era", "years", "premiership",
                                                     "ministry", "team", "camp", "deal", "plan", "doctrine"]

    private static func attributiveMonth(_ s: TokenStream, _ i: Int, after: Int) -> Bool {
        if s.sentenceBreak(before: i) {
            return s.isSpelled(i, "march") && (s.isSpelled(after, "was") || s.isSpelled(after, "is") || s.isSpelled(after, "has"))
        }
        guard s.capitalized(i), !s.tokens[i].allCaps else { return false }
        let plainNoun = s.isWord(after) && !s.capitalized(after) && s.keyword(after) == nil && s.info(after)?.tense == nil
        let onRecord = s.isKeyword(after, .on) && s.isSpelled(after + 1, "record")
        if DateParts.isSuperlative(s, i - 1) { return plainNoun || onRecord || !s.isWord(after) }
        if s.isKeyword(i - 1, .the) || s.isSpelled(i - 1, "its") || s.isSpelled(i - 1, "their") || s.isPossessive(i - 2) {
            // "the May government", "the May deal": the prime minister's
            return plainNoun && !(s.isSpelled(i, "may") && Self.leaderNouns.contains { s.isSpelled(after, $0) })
        }
        return s.isKeyword(i - 1, .for) && plainNoun
    }

    /// The second day of a range or pair ("April 24 and 25", "March 3-5"), or each day after the first of a list
    /// ("March 7, 8 and 9"): its own expression.
    private static func secondDay(_ s: TokenStream, month m: Int, first d0: Int, after j: Int, _ out: inout [Candidate]) {
        if s.isPunct(j, 0x2C) {
            guard let days = listedDays(s, from: j, after: d0), let last = days.last,
                  s.info(last.end)?.unit == nil, !s.isPunct(last.end, 0x25) else { return }
            var k = last.end
            if s.isPunct(k, 0x2C) { k += 1 }
            let year = DateParts.yearSpan(s, k)?.year
            for (first, d, end) in days where CivilDate(year: 2000, month: m, day: d) != nil {
                if let y = year, let date = CivilDate(year: y, month: m, day: d) {
                    out.append(Candidate(first, end, .stated(.day(date)), rule: .range, note: "a day of a list"))
                } else {
                    out.append(Candidate(first, end, .monthDay(month: m, day: d, year: .implied), rule: .range, note: "a day of a list"))
                }
            }
            return
        }
        guard s.isKeyword(j, .and, .to, .or, .through) || s.isPunct(j, 0x2D) else { return }
        guard let (d, end) = DateParts.day(s, j + 1), s.isNumber(j + 1), CivilDate(year: 2000, month: m, day: d) != nil else { return }
        if s.info(end)?.month ?? 0 > 0 || s.info(end)?.unit != nil || s.isPunct(end, 0x25) { return }
        var k = end
        if s.isPunct(k, 0x2C) { k += 1 }
        if let (y, _) = DateParts.yearSpan(s, k), let date = CivilDate(year: y, month: m, day: d) {
            out.append(Candidate(j + 1, end, .stated(.day(date)), rule: .range))
        } else {
            out.append(Candidate(j + 1, end, .monthDay(month: m, day: d, year: .implied), rule: .range))
        }
    }

    /// The first day of a range written day first ("3–5 March", "3 to 5 March 2025", "3 and 4 March"):
    /// its own expression, in the month (and year) written after the second day.
    private static func firstDay(_ s: TokenStream, _ i: Int, day d: Int, afterDay: Int, _ out: inout [Candidate]) {
        guard s.isNumber(i) else { return }
        let afterSecond: Int
        if s.isPunct(afterDay, 0x2C) {
            // "on 7, 8 and 9 March": the first day of a list (the others are pairs or lists of their own)
            guard let last = listedDays(s, from: afterDay, after: d)?.last else { return }
            afterSecond = last.end
        } else {
            guard s.isKeyword(afterDay, .and, .to, .through) || s.isPunct(afterDay, 0x2D), s.isNumber(afterDay + 1),
                  let (d2, end) = DateParts.day(s, afterDay + 1), d2 > d else { return }
            afterSecond = end
        }
        guard let (m, afterMonth) = DateParts.month(s, afterSecond), CivilDate(year: 2000, month: m, day: d) != nil else { return }
        var k = afterMonth
        if s.isGluedPunct(k, 0x2C) { k += 1 }
        if let (y, _) = DateParts.yearSpan(s, k), let date = CivilDate(year: y, month: m, day: d) {
            out.append(Candidate(i, afterDay, .stated(.day(date)), rule: .range))
        } else {
            // "from 3 to 8 February last year": the first day in the year of the last
            let year = relativeYear(s, afterMonth)?.year ?? .implied
            out.append(Candidate(i, afterDay, .monthDay(month: m, day: d, year: year), rule: .range))
        }
    }

    /// The days of a list after its first day `d0`, from the comma at `j` ("7, 8 and 9", "7, 8, and 9"): each a number
    /// after a comma, rising, the last after "and" or "or"; nil unless the list closes so ("March 7, 8 people died" is none).
    private static func listedDays(_ s: TokenStream, from j: Int, after d0: Int) -> [(first: Int, day: Int, end: Int)]? {
        var days: [(first: Int, day: Int, end: Int)] = []
        var k = j, previous = d0
        while s.isPunct(k, 0x2C) || s.isKeyword(k, .and, .or) {
            var n = k + 1
            let closing = s.isKeyword(k, .and, .or) || s.isKeyword(n, .and, .or)
            if s.isPunct(k, 0x2C) && closing { n += 1 }
            guard s.isNumber(n), let (d, end) = DateParts.day(s, n), d > previous else { return nil }
            days.append((n, d, end))
            if closing { return days }
            (k, previous) = (end, d)
        }
        return nil
    }

    /// "last year", "this year", "next year" at `k`: the year as shifted from the publication year, and the
    /// token after it.
    static func relativeYear(_ s: TokenStream, _ k: Int) -> (year: YearSpec, end: Int)? {
        guard s.isKeyword(k, .last, .this, .next), s.info(k + 1)?.unit == .year, !(s.info(k + 1)?.unitPlural ?? true) else { return nil }
        return (.shifted(s.isKeyword(k, .last) ? -1 : s.isKeyword(k, .next) ? 1 : 0), k + 2)
    }

    /// A month name alone is a date unless it is one of the words that are also verbs or names
    /// ("May", "March") without a date cue in front, or a name in a longer capitalised sequence.
    static func monthAloneIsDate(_ s: TokenStream, _ i: Int, after: Int) -> Bool {
        guard let info = s.info(i) else { return false }
        // "Feb" alone needs its full stop, or a preposition of dates in front ("in Feb", "since Oct")
        if info.monthAbbreviation && !s.isGluedPunct(i + 1, 0x2E)
            && !(s.isKeyword(i - 1, .in, .since, .until, .by, .from, .through, .during) && !s.capitalized(i + 1)) { return false }
        // "Jan Smith", "March Madness", "Judge June Kim", "the victim, April Jones": part of a name (a word the
        // lexicon does not know is no time word either); "in June Congress passed …" keeps its date cue
        if s.capitalized(after) && s.isWord(after) && !s.glued(after) && (s.info(after)?.month ?? 0) == 0
            && s.info(after)?.weekday == nil && !s.tokens[after].allCaps && s.keyword(after) == nil
            && !s.isKeyword(i - 1, .in, .since, .until, .by, .from, .through, .during, .before, .after, .last, .next, .this, .early, .late, .mid) {
            return false
        }
        let ambiguous = MonthWords.isAmbiguous(spelling: info.spelling)
        if s.tokens[i].allCaps && ambiguous { return false }
        if !ambiguous { return true }
        if let k = s.keyword(i - 1) {
            switch k {
            case .in, .since, .by, .until, .till, .from, .through, .of, .last, .next, .this, .early, .late, .mid,
                 .during, .before, .after, .between, .and, .to, .end, .beginning, .start, .middle, .each, .every,
                 .that:
                return true
            default: break
            }
        }
        // "mid-March", "end-May", "early-June"
        if s.isGluedPunct(i - 1, 0x2D) && s.isKeyword(i - 2, .mid, .end, .early, .late) { return true }
        // "May and June", "March or April": beside another month
        if s.isKeyword(after, .and, .or, .to), let next = s.info(after + 1), next.month > 0, !MonthWords.isAmbiguous(spelling: next.spelling) {
            return true
        }
        if attributiveMonth(s, i, after: after) { return true }
        return s.isNumber(after) && !s.glued(after)
    }
}
