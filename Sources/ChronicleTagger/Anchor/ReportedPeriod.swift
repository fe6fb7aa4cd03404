import ChronicleTime

/// A quarter, half or month named as the period a report, its figures or a forecast cover ("will report
/// fourth-quarter results", "the September jobs report, due on Friday", "forecast fourth-quarter revenue"):
/// the nearest such period, since figures come out soon after their period ends and a forecast is made
/// shortly before it; the tense of the sentence tells when the report is made, not which period it covers.
/// Also "the last trading day of the quarter" published on that day: the quarter ending, not the one before.
enum ReportedPeriod {
    /// Nouns of figures that cover a period: after it ("fourth-quarter results", "the September jobs report",
    /// "January GDP data") or before "for" ("results for the fourth quarter").
    static let figureNouns: Set<String> = [
        "results", "earnings", "profit", "profits", "revenue", "revenues", "sales", "report", "reports", "data",
        "figures", "numbers", "statistics", "payrolls", "loss", "losses", "income", "guidance", "forecast",
        "forecasts", "outlook", "estimates",
    ]
    /// Words of forecasting right before the period ("forecast fourth-quarter revenue", "guidance for the
    /// fourth quarter"): the period is the nearest one whatever the tense ("forecast" is past in form).
    static let forecastWords: Set<String> = [
        "forecast", "forecasts", "forecasting", "forecasted", "projected", "projects", "projecting", "predicted",
        "predicts", "guided", "guidance", "outlook",
    ]
    /// Words of money that make "a year ago" a report's comparison of figures ("net income of $2 million, up from
    /// $1.5 million a year ago", "the year-ago results"): that period a year back.
    static let moneyWords: Set<String> = [
        "cents", "cent", "pence", "net", "income", "revenue", "revenues", "sales", "profit", "profits", "loss", "losses",
        "results",
        "earnings", "earned", "expense", "expenses", "cost", "costs", "price", "prices", "dividend", "dividends",
        "dollars", "dollar", "yen", "pounds", "marks", "francs", "guilders", "euros", "lire", "pesos", "rupees", "yuan",
    ]

    /// Whether the sentence of `c` speaks of money (a "$" or a money word, or "a share"): "13 facilities in
    /// operation, up from seven a year ago" counts things, so its "a year ago" is a year before publication,
    /// not the reported quarter a year back.
    static func comparesMoney(_ s: TokenStream, _ c: Candidate) -> Bool {
        func money(_ k: Int) -> Bool {
            if s.isPunct(k, 0x24) { return true }
            guard s.isWord(k), s.keyword(k) == nil else { return false }
            return isWord(s, k, in: moneyWords) || s.isKeyword(k - 1, .a) && s.isSpelled(k, "share")
        }
        var k = c.first - 1
        while k >= 0, !s.sentenceBreak(before: k + 1) {
            if money(k) { return true }
            k -= 1
        }
        k = c.end
        while s.has(k), !s.sentenceBreak(before: k) {
            if money(k) { return true }
            k += 1
        }
        return false
    }

    /// Nouns of a market day in "the last trading day of the quarter".
    static let dayModifiers: Set<String> = ["trading", "business", "working"]

    /// Fixes the year of `c` when it names a reported period (and says so in its note).
    static func apply(_ s: TokenStream, _ c: inout Candidate, tense: Tense, dct: CivilDate) {
        if case .shift(.quarter, 0) = c.value, tense != .future, ownFigures(s, c) {
            c.value = .currentPeriod
            c.note = "the quarter whose figures the report gives"
        } else if case .currentPeriod = c.value, let v = quarterEnding(s, c, dct: dct) {
            c.value = v
            c.note = "the quarter whose last day is near"
        } else if let v = value(s, c, tense: tense, dct: dct) {
            c.value = v
            c.note = "the nearest period a report covers"
        }
    }

    /// The value with its year fixed when the expression names a reported period, else nil.
    private static func value(_ s: TokenStream, _ c: Candidate, tense: Tense, dct: CivilDate) -> Extracted? {
        let months: (Int, Int)
        switch c.value {
        case .quarter(let q, .implied): months = (3 * q - 2, 3 * q)
        case .half(let h, .implied): months = (6 * h - 5, 6 * h)
        case .month(let m, .implied): months = (m, m)
        default: return nil
        }
        guard let cover = cover(s, first: c.first, end: c.end) else { return nil }
        // a report told in the past tense, or with no tense cue (news reports the past), names a period
        // already begun, as the tense finds it ("the company's Q3 earnings beat forecasts")
        if !cover.forecast && tense != .future && tense != .present { return nil }
        let y = dct.year
        let distance = { (year: Int) -> Int in
            let start = CivilDate(year: year, month: months.0, day: 1)!
            let end = CivilDate(year: year, month: months.1, day: CivilDate.daysIn(month: months.1, year: year))!
            return dct < start ? dct.days(until: start) : end < dct ? end.days(until: dct) : 0
        }
        let nearest = [y - 1, y, y + 1].min { distance($0) < distance($1) }!
        let spec = YearSpec.shifted(nearest - y)
        switch c.value {
        case .quarter(let q, _): return .quarter(q, year: spec)
        case .half(let h, _): return .half(h, year: spec)
        case .month(let m, _): return .month(m, year: spec)
        default: return nil
        }
    }

    /// "This quarter's loss includes charges": figures that "this quarter" owns in a report are the reported
    /// quarter's, not those of the quarter the article appears in ("the current quarter" keeps that reading).
    private static func ownFigures(_ s: TokenStream, _ c: Candidate) -> Bool {
        guard s.isKeyword(c.first, .this), s.isPossessive(c.end) else { return false }
        return (c.end + 2..<c.end + 4).contains { isWord(s, $0, in: figureNouns) }
    }

    /// Whether a quarter names the period a report is about even when a later one was named before, or its
    /// calendar quarter has not ended: "the fiscal second quarter" (numbered by the company's year), or a
    /// quarter whose figures a past-tense sentence gives before that quarter is over by the calendar
    /// ("reported a decline in fourth-quarter earnings" on 2 Nov 1989: a fiscal quarter already closed).
    static func namesAccount(_ s: TokenStream, _ c: Candidate, tense: Tense, ended: Bool) -> Bool {
        if (c.first..<c.end).contains(where: { s.isKeyword($0, .fiscal) }) || s.isKeyword(c.first - 1, .fiscal) { return true }
        guard !ended, tense == .past, case .quarter(_, .implied) = c.value else { return false }
        return cover(s, first: c.first, end: c.end)?.figures ?? false
    }

    /// Whether figures or a forecast cover the expression at `first..<end`.
    private static func cover(_ s: TokenStream, first: Int, end: Int) -> (figures: Bool, forecast: Bool)? {
        var k = first - 1
        if s.isKeyword(k, .for) {
            // "results for the fourth quarter", "forecast revenue for the first quarter"
            k -= 1
            if isWord(s, k, in: forecastWords) || isWord(s, k - 1, in: forecastWords) { return (false, true) }
            if isWord(s, k, in: figureNouns) { return (true, false) }
        } else if isWord(s, k, in: forecastWords) {
            return (false, true)  // "forecast fourth-quarter revenue"
        }
        // "fourth-quarter results", "the September jobs report", "January GDP data"
        var j = end
        while j < end + 3, s.isWord(j) {
            if isWord(s, j, in: figureNouns) { return (true, false) }
            j += 1
        }
        return nil
    }

    private static func isWord(_ s: TokenStream, _ i: Int, in table: Set<String>) -> Bool {
        s.isWord(i) && table.contains(s.lowerWord(i))
    }

    /// "the last (trading) day of the quarter" published in the last week of a quarter: that quarter, not
    /// the last one completed.
    private static func quarterEnding(_ s: TokenStream, _ c: Candidate, dct: CivilDate) -> Extracted? {
        var k = c.first - 1
        guard s.isKeyword(k, .of), s.info(k - 1)?.unit == .day, !(s.info(k - 1)?.unitPlural ?? true) else { return nil }
        k -= 2
        if isWord(s, k, in: dayModifiers) { k -= 1 }
        guard s.isKeyword(k, .last, .final) || s.info(k)?.ordinal == -1 else { return nil }
        let quarterEnd = CivilDate(year: dct.year, month: dct.quarter * 3, day: CivilDate.daysIn(month: dct.quarter * 3, year: dct.year))!
        return dct.days(until: quarterEnd) < 7 ? .shift(.quarter, 0) : nil
    }
}
