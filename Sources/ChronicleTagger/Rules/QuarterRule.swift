import ChronicleTime

/// Business periods: "the third quarter", "third-quarter", "the fourth quarter of 1989",
/// "this year's third quarter", "the first half", "the year-ago quarter", "fiscal 1989",
/// "the latest quarter", "the most recent quarter", "Q3 2025", "Q3 FY26", "2Q25", "the December quarter",
/// "the July-September quarter".
enum QuarterRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(
        digits: true, apostrophe: true, readings: [.unit, .ordinal, .month],
        keywords: [.the, .this, .last, .next, .current, .latest, .previous, .past, .comparable, .fiscal, .calendar, .prior,
                   .preceding, .coming, .final, .half, .period],
        spellings: ["q", "h", "fy", "most", "just", "recently"])
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(
        digits: true, hyphen: true, readings: [.unit, .ordinal, .month],
        keywords: [.this, .last, .next, .same, .comparable, .current, .latest, .previous, .past, .fiscal, .calendar, .prior,
                   .preceding, .coming, .final, .half, .period, .latter],
        spellings: ["corresponding", "most", "just", "recently"])

    /// Word pairs that name the quarter just over, as "latest" does ("the most recent quarter", "the just-ended quarter").
    static let recentPairs: [(StaticString, StaticString)] = [("most", "recent"), ("just", "ended"), ("just", "completed"),
                                                              ("recently", "ended"), ("recently", "completed")]

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        matchCode(s, i, &out)
        var j = i
        let hasThe = s.isKeyword(j, .the)
        if hasThe { j += 1 }
        // "with 2:04 left in the second quarter", "two minutes to play in the first half": a period of a game
        let lead = hasThe || !s.isKeyword(i - 1, .the) ? i : i - 1
        if s.isKeyword(lead - 1, .in), ClockTimeRule.gameClockEnd(s, lead - 2) == lead - 1
            || s.isKeyword(lead - 3, .to) && ClockTimeRule.gameClockEnd(s, lead - 3) == lead - 1 { return }
        // "the December quarter", "the July-September quarter", "Apple's June quarter"
        if let (q, end) = monthQuarter(s, j) {
            out.append(Candidate(i, end, .quarter(q, year: .implied), rule: .quarter, note: "the quarter a month closes"))
            return
        }
        // "this year's", "last year's", "1989's"
        var year: YearSpec = .implied
        if s.isKeyword(j, .this, .last, .next), s.info(j + 1)?.unit == .year, s.isPossessive(j + 2) {
            year = s.isKeyword(j, .this) ? .current : s.isKeyword(j, .last) ? .previous : .following
            j += 4
        } else if let y = DateParts.year(s, j) ?? (s.isPossessive(j + 1) ? s.number(j) : nil),
                  s.tokens[j].digits == 4, s.isPossessive(j + 1) || s.info(j + 1)?.ordinal != nil || s.isKeyword(j + 1, .fiscal) {
            year = .stated(y)
            j += s.isPossessive(j + 1) ? 3 : 1
        }
        // "the corresponding period last year", "the same quarter a year earlier": the account's period a year back
        if hasThe, s.isKeyword(j, .same, .comparable) || s.isSpelled(j, "corresponding"),
           s.isKeyword(j + 1, .period) || s.info(j + 1)?.unit == .quarter, !(s.info(j + 1)?.unitPlural ?? false) {
            switch RelativeUnitRule.otherYear(s, j + 2) {
            case (.stated(let y), let end)?:
                // "the same period of 1996" (Xinhua): the account's period in that year
                out.append(Candidate(i, end, .periodOfYear(y), rule: .quarter, note: "the same period in another year"))
                return
            case (_, let end)?:
                out.append(Candidate(i, end, .periodYearBefore, rule: .quarter, note: "the same period a year back"))
                return
            case nil: break
            }
        }
        // "the 1988 period", "the 1989 quarter": the account's period in that year
        if hasThe, let y = DateParts.year(s, j), s.isKeyword(j + 1, .period) || s.info(j + 1)?.unit == .quarter {
            out.append(Candidate(i, j + 2, .periodOfYear(y), rule: .quarter))
            return
        }
        // "the current fiscal year", "last fiscal year"
        if s.isKeyword(j, .current, .this, .last, .next, .latest, .previous, .past), s.isKeyword(j + 1, .fiscal),
           s.info(j + 2)?.unit == .year, !(s.info(j + 2)?.unitPlural ?? true) {
            let k = s.isKeyword(j, .current, .this) ? 0 : s.isKeyword(j, .next) ? 1 : -1
            out.append(Candidate(i, j + 3, .shift(.year, k), rule: .quarter, note: "fiscal year"))
            return
        }
        // "the fiscal year ended Sept. 30", "throughout the fiscal year": a twelve-month stretch (TimeBank: P1Y);
        // "earnings for the fiscal year": the current (fiscal) year, as bare "the year" is
        if hasThe, s.isKeyword(j, .fiscal), s.info(j + 1)?.unit == .year, !(s.info(j + 1)?.unitPlural ?? true),
           DateParts.year(s, j + 2) == nil {
            if YearRule.isStretch(s, the: i, after: j + 2) {
                out.append(Candidate(i, j + 2, .stated(.duration(TimexDuration(1, .year))), .duration, rule: .quarter))
            } else {
                out.append(Candidate(i, j + 2, .accountYear, rule: .quarter, note: "the fiscal year of the account"))
            }
            return
        }
        // "year-earlier", "year-ago": the same period a year before
        if s.isKeyword(j, .comparable) { j += 1 }
        if s.info(j)?.unit == .year, s.isGluedPunct(j + 1, 0x2D), s.isKeyword(j + 2, .earlier, .ago) {
            year = .shifted(-1)
            j += 3
            // "the year-earlier nine months": the months a report covers so far, a year back (TimeBank: P9M)
            if hasThe, let q = Quantity.read(s, j, allowArticle: false, allowVague: false), let n = q.amount,
               let info = s.info(q.end), info.unit == .month, info.unitPlural {
                out.append(Candidate(i, q.end + 1, .stated(.duration(TimexDuration(n, .month))), .duration, rule: .quarter,
                                     note: "the months of the report a year back"))
                return
            }
        }
        if s.isKeyword(j, .fiscal) || s.isKeyword(j, .calendar) { j += 1 }
        // "fiscal 1989", "fiscal year 1990"
        if s.isKeyword(j - 1, .fiscal) {
            var k = j
            if s.info(k)?.unit == .year { k += 1 }
            if let y = DateParts.year(s, k) {
                out.append(Candidate(i, k + 1, .stated(.year(y)), rule: .quarter, note: "fiscal year"))
                return
            }
            if let y = DateParts.shortYear(s, k) {
                out.append(Candidate(i, k + 2, .stated(.year(y)), rule: .quarter))
                return
            }
        }
        if twoQuarters(s, i, from: j, &out) || coordinated(s, from: j, &out) { return }
        // the ordinal: "third", "3rd", "third-" / "latest", "current", "last", "previous"
        var ordinal: Int?
        var shift: Int?
        let recentEnd = recent(s, j)
        // "the latest quarter", "the most recent period": the quarter the report is about
        let latest = recentEnd != nil || s.isKeyword(j, .latest)
        if let o = s.info(j)?.ordinal, o >= 1, o <= 4 {
            ordinal = o
        } else if let n = s.number(j, maxDigits: 1), n >= 1, n <= 4, s.isWord(j + 1), s.glued(j + 1),
                  NumberWords.ordinalSuffixes.contains(s.lowerWord(j + 1)) {
            ordinal = n
            j += 1
        } else if recentEnd != nil || s.isKeyword(j, .latest, .previous, .prior, .preceding, .last) {
            shift = -1
        } else if s.isKeyword(j, .current, .this) {
            shift = 0
        } else if s.isKeyword(j, .next, .coming) {
            shift = 1
        } else if s.isKeyword(j, .final) {
            ordinal = 4
        } else if hasThe, s.isKeyword(j, .latter), s.isKeyword(j + 1, .half) {
            ordinal = 2  // "the latter half of 2024"
        }
        if ordinal != nil || shift != nil { j = recentEnd ?? j + 1 }
        // "the third-quarter results": the adjective form leaves the article out
        var start = i
        if s.isGluedPunct(j, 0x2D) {
            j += 1
            if hasThe && ordinal != nil && year == .implied { start = i + 1 }
        }
        if s.isKeyword(j, .fiscal) { j += 1 }
        guard let unitInfo = s.info(j), let unit = unitInfo.unit ?? (s.isKeyword(j, .half) ? .season : nil)
                ?? (s.isKeyword(j, .period) ? .quarter : nil), !unitInfo.unitPlural else { return }
        let isHalf = s.isKeyword(j, .half)
        guard unit == .quarter || isHalf else { return }
        // "the latest period", "the year-ago period": a reporting period only with a shift
        if s.isKeyword(j, .period) && (ordinal != nil || shift != -1 && year != .shifted(-1)) { return }
        if isHalf && ordinal == nil && s.isKeyword(j - 1, .last) { ordinal = 2 }  // "the last half of 1989"
        if isHalf && ordinal == nil { return }
        if isHalf && ordinal.map({ $0 > 2 }) ?? false { return }
        var end = j + 1
        // "of 1989", "of fiscal 1990", "of this year", "of last year"
        if s.isKeyword(end, .of) || s.isKeyword(end, .in) {
            var k = end + 1
            if s.isKeyword(k, .fiscal) { k += 1 }
            if let y = DateParts.year(s, k) {
                year = .stated(y)
                end = k + 1
            } else if s.isKeyword(k, .this, .last, .next), s.info(k + 1)?.unit == .year {
                year = s.isKeyword(k, .this) ? .current : s.isKeyword(k, .last) ? .previous : .following
                end = k + 2
            } else if s.isKeyword(k, .the), s.isKeyword(k + 1, .fiscal) || s.info(k + 1)?.unit == .year {
                // "the first half of the year", "the second quarter of the fiscal year"
                let y = s.isKeyword(k + 1, .fiscal) ? k + 2 : k + 1
                if s.info(y)?.unit == .year, !(s.info(y)?.unitPlural ?? true) { end = y + 1 }
            } else if isHalf && s.isKeyword(end, .of) {
                return  // "the second half of the match": not a calendar half
            }
        } else if let y = DateParts.year(s, end) {
            year = .stated(y)
            end += 1
        }
        // "the quarter" alone needs the article; "quarter" alone is a fraction
        if ordinal == nil && shift == nil {
            guard hasThe || year != .implied else { return }
            if year == .shifted(-1) {
                out.append(Candidate(i, end, .periodYearBefore, rule: .quarter, note: "the year-ago period"))
                return
            }
            if year == .previous {
                out.append(Candidate(i, end, .periodYearBefore, rule: .quarter, note: "last year's quarter"))
                return
            }
            // "the quarter a year ago", "the period a year earlier"
            if let q = Quantity.read(s, end), q.amount == 1, s.info(q.end)?.unit == .year, s.isKeyword(q.end + 1, .ago, .earlier) {
                out.append(Candidate(i, q.end + 2, .periodYearBefore, rule: .quarter, note: "the period a year back"))
                return
            }
            // "the quarter ended Sept. 30": the quarter that day closes
            if let date = closingDay(s, end) {
                out.append(Candidate(i, end, .quarterEnding(date, number: nil), rule: .quarter, note: "the quarter a day closes"))
                return
            }
            out.append(Candidate(i, end, .currentPeriod, rule: .quarter, note: "the quarter of the account"))
            return
        }
        // "the second quarter ended Oct. 31": the company numbers its own (fiscal) quarters
        if let o = ordinal, !isHalf, year == .implied, let date = closingDay(s, end) {
            out.append(Candidate(start, end, .quarterEnding(date, number: o), rule: .quarter, note: "a numbered quarter a day closes"))
            return
        }
        if let o = ordinal {
            out.append(Candidate(start, end, isHalf ? .half(o, year: year) : .quarter(o, year: year), rule: .quarter))
        } else if latest, year == .implied {
            out.append(Candidate(i, end, .currentPeriod, rule: .quarter, note: "the quarter the report is about"))
        } else if let sh = shift {
            out.append(Candidate(i, end, .shift(.quarter, sh), rule: .quarter))
        }
    }

    /// "ended Sept. 30", "ending July 31" at `k`: the day that closes a quarter.
    private static func closingDay(_ s: TokenStream, _ k: Int) -> Extracted? {
        guard s.isKeyword(k, .ended, .ending) else { return nil }
        var found: [Candidate] = []
        AbsoluteDateRule.match(s, k + 1, &found)
        for date in found where date.first == k + 1 {
            switch date.value {
            case .monthDay, .stated(.day): return date.value
            default: continue
            }
        }
        return nil
    }

    /// "the first two quarters of 1990", "the last two quarters of this year": a half of that year (TimeBank:
    /// `1990-H1`); without a year the two quarters are an amount, left to `DurationRule`.
    private static func twoQuarters(_ s: TokenStream, _ i: Int, from j: Int, _ out: inout [Candidate]) -> Bool {
        let half: Int
        if s.info(j)?.ordinal == 1 || s.isKeyword(j, .first) { half = 1 } else if s.isKeyword(j, .last, .final) { half = 2 } else { return false }
        guard s.info(j + 1)?.number == 2 || s.number(j + 1, maxDigits: 1) == 2, let unit = s.info(j + 2),
              unit.unit == .quarter, unit.unitPlural, s.isKeyword(j + 3, .of, .in) else { return false }
        let k = s.isKeyword(j + 4, .fiscal) ? j + 5 : j + 4
        let year: YearSpec, end: Int
        if let y = DateParts.year(s, k) {
            (year, end) = (.stated(y), k + 1)
        } else if s.isKeyword(k, .this, .last, .next), s.info(k + 1)?.unit == .year, !(s.info(k + 1)?.unitPlural ?? true) {
            year = s.isKeyword(k, .this) ? .current : s.isKeyword(k, .last) ? .previous : .following
            end = k + 2
        } else {
            return false
        }
        out.append(Candidate(i, end, .half(half, year: year), rule: .quarter, note: "two quarters make a half"))
        return true
    }

    /// "the second and fourth quarters": each ordinal names a quarter ("second", "fourth quarters"), of the
    /// year stated after them ("of 1989"); a habit around them makes them any year's (see `Resolver`).
    private static func coordinated(_ s: TokenStream, from j: Int, _ out: inout [Candidate]) -> Bool {
        guard let first = s.info(j)?.ordinal, first >= 1, first <= 4, s.isKeyword(j + 1, .and, .or),
              let second = s.info(j + 2)?.ordinal, second >= 1, second <= 4, let unit = s.info(j + 3),
              unit.unit == .quarter, unit.unitPlural else { return false }
        var year = YearSpec.implied
        var end = j + 4
        if s.isKeyword(end, .of, .in), let y = DateParts.year(s, end + 1) {
            year = .stated(y)
            end += 2
        }
        out.append(Candidate(j, j + 1, .quarter(first, year: year), rule: .quarter, note: "the first of two quarters"))
        out.append(Candidate(j + 2, end, .quarter(second, year: year), rule: .quarter))
        return true
    }

    /// "Q3 2025", "Q3", "H1 2025": a quarter or half written as a code; "FY2025", "FY25", "FY 2025":
    /// a fiscal year, written as TimeBank writes "fiscal 1989".
    private static func matchCode(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        if s.isSpelled(i, "fy") {
            if let (y, end) = fiscalYearCode(s, i) {
                out.append(Candidate(i, end, .stated(.year(y)), rule: .quarter, note: "fiscal year"))
            }
            return
        }
        // "2Q25", "1H25": the number of the period, its letter and a two-digit year, glued
        if let n = s.number(i, maxDigits: 1), !(s.glued(i) && (s.isWord(i - 1) || s.isNumber(i - 1))),
           s.isWord(i + 1), s.glued(i + 1), s.tokens[i + 1].capitalized, s.isSpelled(i + 1, "q") || s.isSpelled(i + 1, "h"),
           s.isNumber(i + 2), s.glued(i + 2), s.tokens[i + 2].digits == 2, let yy = s.number(i + 2),
           !((s.isWord(i + 3) || s.isNumber(i + 3)) && s.glued(i + 3)) {
            let isQuarter = s.isSpelled(i + 1, "q")
            guard n >= 1, n <= (isQuarter ? 4 : 2) else { return }
            let year = YearSpec.stated(DateParts.fullYear(twoDigits: yy))
            out.append(Candidate(i, i + 3, isQuarter ? .quarter(n, year: year) : .half(n, year: year), rule: .quarter))
            return
        }
        let isQuarter = s.isSpelled(i, "q"), isHalf = s.isSpelled(i, "h")
        guard isQuarter || isHalf, s.tokens[i].capitalized, let n = s.number(i + 1, maxDigits: 1), s.glued(i + 1),
              n >= 1, n <= (isQuarter ? 4 : 2), !(s.isWord(i + 2) && s.glued(i + 2)),
              !(s.glued(i) && s.isNumber(i - 1) && s.tokens[i - 1].digits <= 2) else { return }  // "Windows 11 24H2": a release label
        var end = i + 2
        var year = YearSpec.implied
        if let y = DateParts.year(s, end) {
            year = .stated(y)
            end += 1
        } else if s.isSpelled(end, "fy"), let (y, e) = fiscalYearCode(s, end) {
            // "Q3 FY26", "H1 FY2026": the period of that fiscal year, numbered as TimeBank numbers fiscal quarters
            year = .stated(y)
            end = e
        }
        out.append(Candidate(i, end, isQuarter ? .quarter(n, year: year) : .half(n, year: year), rule: .quarter))
    }

    /// "FY2025", "FY25", "FY 2025" at `i`: the year, and the token after it.
    private static func fiscalYearCode(_ s: TokenStream, _ i: Int) -> (Int, Int)? {
        guard s.isSpelled(i, "fy"), s.tokens[i].allCaps, s.isNumber(i + 1), !(s.isWord(i + 2) && s.glued(i + 2)) else { return nil }
        let digits = s.tokens[i + 1].digits
        if digits == 4, let y = DateParts.year(s, i + 1) { return (y, i + 2) }
        if digits == 2, s.glued(i + 1), let y = s.number(i + 1) { return (DateParts.fullYear(twoDigits: y), i + 2) }
        return nil
    }

    /// "December quarter", "July-September quarter" at `i`: the calendar quarter the (last) month closes (the one
    /// holding the month before it, so "the August quarter" is the third), and the token after "quarter".
    private static func monthQuarter(_ s: TokenStream, _ i: Int) -> (Int, Int)? {
        guard let (first, afterFirst) = DateParts.month(s, i) else { return nil }
        var last = first
        var k = afterFirst
        if s.isPunct(k, 0x2D), let (m, e) = DateParts.month(s, k + 1), (m - first + 12) % 12 == 2 {
            last = m
            k = e
        }
        let before = last == 1 ? 12 : last - 1
        // "the January-March period", "output rose in January-March": three months that make a calendar quarter
        if last != first, first % 3 == 1, !s.isNumber(k), !(s.info(k)?.unit == .quarter) {
            return ((before - 1) / 3 + 1, s.isKeyword(k, .period) && !s.isGluedPunct(k + 1, 0x2D) ? k + 1 : k)
        }
        guard let info = s.info(k), info.unit == .quarter, !info.unitPlural, !s.isGluedPunct(k + 1, 0x2D) else { return nil }
        return ((before - 1) / 3 + 1, k + 1)
    }

    /// "most recent", "just-ended", "recently completed" at `i`: the token after the pair.
    private static func recent(_ s: TokenStream, _ i: Int) -> Int? {
        guard s.isWord(i) else { return nil }
        let k = s.isGluedPunct(i + 1, 0x2D) ? i + 2 : i + 1
        // only before a quarter, half or period (cheap to test first: the rule tries every "the")
        guard s.isWord(k), s.info(k + 1)?.unit == .quarter || s.isKeyword(k + 1, .half, .period, .fiscal) else { return nil }
        return recentPairs.contains { s.isSpelled(i, $0.0) && s.isSpelled(k, $0.1) } ? k + 1 : nil
    }
}
