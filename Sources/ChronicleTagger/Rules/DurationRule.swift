import ChronicleTime

/// Amounts of time: "three years", "a 30-day ceasefire", "two-year", "the past two months",
/// "the first nine months", "a few days", "an hour and a half", "years" (an unknown number).
enum DurationRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = Quantity.firstToken.union(FirstToken(
        readings: .unit, keywords: [.the, .coming, .past, .last, .next, .previous, .following, .first]))
    /// What can follow "the" where a match starts at "the".
    static let afterThe = Quantity.firstToken.union(FirstToken(
        readings: [.unit, .ordinal],
        keywords: [.coming, .past, .last, .next, .previous, .following, .first, .final, .remaining, .latest, .preceding]))

    /// Words that may stand between an amount and its unit.
    static let amountAdjectives: Set<String> = ["trading", "business", "working", "school", "calendar", "straight",
                                                "consecutive", "more", "additional", "full", "successive", "long"]

    /// Words before a bare plural unit that make it no calendar stretch: "13 billion years ago", "100 light years away".
    static let largeAmountWords: Set<String> = ["million", "millions", "billion", "billions", "trillion", "light"]

    /// Nouns that make "after hours" a compound ("after hours trading"): a session, not a length of time.
    static let afterHoursNouns: Set<String> = ["trading", "trade", "dealing", "deals", "session", "market", "markets",
                                               "club", "clubs", "clinic", "clinics", "service", "services", "access"]

    /// Adjectives of "a … period" that leave its length vague ("a fairly lengthy period").
    static let vaguePeriodAdjectives: Set<String> = ["lengthy", "long", "short", "brief", "extended", "prolonged"]

    /// Nouns after "of" that make an amount of time a measure of something else ("six months of base pay",
    /// "two years of salary"): the pay for that long, not a stretch of time in the account.
    static let measuredNouns: Set<String> = ["pay", "salary", "salaries", "wages", "wage", "severance", "rent", "pension",
                                             "compensation", "benefits", "supply", "supplies", "output", "production",
                                             "income", "earnings", "revenue", "sales", "imports", "exports", "inventory",
                                             "inventories", "reserves", "stocks"]

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        if ReferenceRule.isSomeday(s, i) || ClockTimeRule.isMilitaryTime(s, i) { return }
        if let c = vagueStretch(s, i) {
            out.append(c)
            return
        }
        // "the coming days", "past weeks" (the article is optional)
        var k = i
        if s.isKeyword(k, .the) { k += 1 }
        if s.isKeyword(k, .coming, .past, .last, .next, .previous, .following), !isVerbLast(s, k), let info = s.info(k + 1), let unit = info.unit,
           info.unitPlural, unit != .weekend, unit != .season, unit != .second, !s.capitalized(k + 1) {
            out.append(Candidate(i, k + 2, .stated(.duration(TimexDuration(nil, unit.vagueDurationUnit))), .duration,
                                 rule: .duration, note: "an unknown number of \(unit.rawValue)s"))
            return
        }
        // "the weeks ahead", "the years ahead": a stretch from now of unknown length
        if s.isKeyword(i, .the), let info = s.info(i + 1), let unit = info.unit, info.unitPlural, s.isKeyword(i + 2, .ahead),
           unit != .weekend, unit != .season, unit != .second {
            out.append(Candidate(i, i + 3, .stated(.duration(TimexDuration(nil, unit.vagueDurationUnit))), .duration,
                                 rule: .duration, note: "an unknown number of \(unit.rawValue)s ahead"))
            return
        }
        var j = i
        // "the past two months", "the next several days", "the first nine months", "the nine months"
        if s.isKeyword(j, .the) {
            j += 1
            if s.isKeyword(j, .past, .last, .next, .coming, .first, .final, .previous, .following, .remaining,
                           .latest, .preceding) || s.info(j)?.ordinal == 1 {
                j += 1
            }
            guard let q = Quantity.read(s, j, allowArticle: false), q.amount != nil || !s.isKeyword(j, .some) else { return }
            if let c = amountAndUnit(s, start: i, q) { out.append(c) }
            return
        }
        if s.isKeyword(j, .past, .last, .next, .coming, .first) {
            // "past 20 years", "next several days"; "expected to last two weeks" is left to the amount
            if isVerbLast(s, j) { return }
            guard let q = Quantity.read(s, j + 1, allowArticle: false) else { return }
            if let c = amountAndUnit(s, start: i, q) { out.append(c) }
            return
        }
        if let c = lowerBound(s, i) {
            out.append(c)
            return
        }
        if let q = Quantity.read(s, j) {
            // "ahead on 49 minutes", "equalised on 71 minutes": the minute of a match, a point in it
            if s.isKeyword(i - 1, .on), q.amount != nil, s.info(q.end)?.unit == .minute, !s.isKeyword(q.end + 1, .of) { return }
            if RelativeUnitRule.isTitle(s, from: i, unit: q.end) { return }
            if let c = amountAndUnit(s, start: i, q) { out.append(c) }
            return
        }
        guard let info = s.info(i), let unit = info.unit, !s.glued(i) || s.isPunct(i - 1, 0x22),
              unit != .weekend, unit != .season, unit != .quarter, unit != .second else { return }
        // "decades-long", "a day-long meeting": the adjective names the length
        let long = s.isGluedPunct(i + 1, 0x2D) && s.glued(i + 2) && s.isSpelled(i + 2, "long")
        // a bare plural: "years", "for weeks", "decades"
        if info.unitPlural || long {
            if s.isNumber(i - 1) || s.info(i - 1)?.number != nil { return }
            // "13 billion years ago" (an amount past any calendar), "100 light-years away" (a distance)
            if s.isWord(i - 1), largeAmountWords.contains(s.lowerWord(i - 1)) { return }
            if s.isGluedPunct(i - 1, 0x2D), s.glued(i), s.isSpelled(i - 2, "light") { return }
            // "in the early hours of Thursday", "the small hours": a part of the night, not a stretch
            if unit == .hour, s.isKeyword(i - 1, .early) || s.isSpelled(i - 1, "small") || s.isSpelled(i - 1, "wee") { return }
            // "the afternoon and evening hours", "the early morning hours", "the predawn hours": a part of the day
            if unit == .hour, s.info(i - 1)?.partOfDay != nil || s.isSpelled(i - 1, "predawn") { return }
            // "in after hours trading": the market session outside opening hours, not a stretch of hours
            if unit == .hour, s.isKeyword(i - 1, .after), s.isWord(i + 1), afterHoursNouns.contains(s.lowerWord(i + 1)) { return }
            // "on days when traders are nervous": days of a kind, no stretch of time
            if s.isKeyword(i - 1, .on), s.isKeyword(i + 1, .when) { return }
            let amount: Double? = info.unitPlural ? nil : unit.durationUnit.1
            let end = long ? i + 3 : coordinatedEnd(s, i + 1)
            let durationUnit = info.unitPlural ? unit.vagueDurationUnit : unit.durationUnit.0
            out.append(Candidate(i, end, .stated(.duration(TimexDuration(amount, durationUnit))),
                                 .duration, rule: .duration, note: info.unitPlural ? "a plural unit without an amount" : "a unit-long stretch"))
        }
    }

    /// Stretches of unknown length said without a unit (TimeML `PXX`): "for a while", "for some time", "a fairly
    /// lengthy period"; not "once in a while" (a set) nor "a while ago" (a point in the past).
    static func vagueStretch(_ s: TokenStream, _ i: Int) -> Candidate? {
        if s.isKeyword(i, .a), s.isKeyword(i + 1, .while), !s.isKeyword(i + 2, .ago), !s.isSpelled(i + 2, "back"),
           !(s.isKeyword(i - 1, .in) && s.isKeyword(i - 2, .once)) {
            return Candidate(i, i + 2, .fixed("PXX"), .duration, rule: .duration, note: "a while: an unknown stretch")
        }
        if s.isKeyword(i, .some), s.isKeyword(i + 1, .time), s.isKeyword(i - 1, .for), !s.isKeyword(i + 2, .to, .in, .of, .after, .before, .ago) {
            return Candidate(i, i + 2, .fixed("PXX"), .duration, rule: .duration, note: "for some time: an unknown stretch")
        }
        guard s.isKeyword(i, .a) else { return nil }
        // the noun first, the cheap test ("a" is common): "a lengthy period", "a fairly lengthy period"
        var j = i + 1
        if !s.isKeyword(j + 1, .period) {
            guard s.isKeyword(j + 2, .period), s.isWord(j), s.keyword(j) == nil, s.lowerWord(j).hasSuffix("ly") else { return nil }
            j += 1
        }
        guard s.isWord(j), vaguePeriodAdjectives.contains(s.lowerWord(j)) else { return nil }
        var end = j + 2
        if s.isKeyword(end, .of), s.isKeyword(end + 1, .time) { end += 2 }
        return Candidate(i, end, .fixed("PXX"), .duration, rule: .duration, note: "a vague period: an unknown stretch")
    }

    /// "between two to six days", "from 10 to 15 years": the bounds of a range are two amounts (TimeML tags
    /// each, the first with the unit written after the second); the amount at `i` with that unit, or nil.
    /// ("two to three weeks" with no preposition of bounds stays one amount of unknown size.)
    private static func lowerBound(_ s: TokenStream, _ i: Int) -> Candidate? {
        guard s.isKeyword(i - 1, .between, .from),
              let low = Quantity.read(s, i, allowArticle: false, allowVague: false), let a = low.amount,
              s.isKeyword(low.end, .to, .and),
              let high = Quantity.read(s, low.end + 1, allowArticle: false, allowVague: false), let b = high.amount, b > a,
              let info = s.info(high.end), info.unit != nil, !s.isGluedPunct(high.end + 1, 0x2D),
              var c = amountAndUnit(s, start: i, Quantity(amount: a, end: high.end)) else { return nil }
        c.end = low.end
        c.note = "the first bound of a range"
        return c
    }

    /// "to last", "will last", "must last": the verb, not the adjective ("is expected to last several months").
    static func isVerbLast(_ s: TokenStream, _ k: Int) -> Bool {
        guard s.isKeyword(k, .last) else { return false }
        return s.isKeyword(k - 1, .to) || (s.isWord(k - 1) && s.info(k - 1)?.tenseFlags.contains(.modal) ?? false)
    }

    /// Past a second plural unit joined to a first by "and"/"or" ("weeks or months", "recent weeks and
    /// months"): one vague stretch, written with the first unit.
    static func coordinatedEnd(_ s: TokenStream, _ end: Int) -> Int {
        guard s.isKeyword(end, .and, .or), let info = s.info(end + 1), info.unitPlural, let unit = info.unit,
              unit != .weekend, unit != .season, unit != .second, !s.capitalized(end + 1) else { return end }
        return end + 2
    }

    /// The unit after a quantity, with a hyphen ("30-day") or without ("30 days"), and a trailing
    /// "and a half".
    static func amountAndUnit(_ s: TokenStream, start: Int, _ q: Quantity) -> Candidate? {
        var j = q.end
        // "eight trading days", "two more weeks", "three straight years"
        if s.isWord(j), s.info(j + 1)?.unit != nil, DurationRule.amountAdjectives.contains(s.lowerWord(j)) {
            // "changed from a fiscal year to a calendar year": a kind of year the books are kept in, not a stretch
            if q.article, s.isSpelled(j, "calendar"), s.isKeyword(start - 1, .from, .to) { return nil }
            j += 1
        }
        let hyphenated = s.isGluedPunct(j, 0x2D) && s.glued(j + 1)
        var start = start
        if hyphenated { j += 1 }
        guard let info = s.info(j), let unit = info.unit, !(s.isWord(j + 1) && s.glued(j + 1)) else { return nil }
        // "a year-end party": the end of a year, not a year
        if unit == .year, s.isGluedPunct(j + 1, 0x2D), s.isKeyword(j + 2, .end) { return nil }
        // "the 30-day ceasefire", "the eleven year partnership" (more than one, yet singular): an
        // adjective; the article belongs to the noun
        if hyphenated || !info.unitPlural && (q.amount ?? 0) > 1 && s.isWord(j + 1) && s.keyword(j + 1) == nil {
            if s.isKeyword(start, .the) { start += 1 }
            while start < q.end - 1 && s.keyword(start) != nil && s.info(start)?.number == nil { start += 1 }
        }
        if s.capitalized(j) && !s.tokens[j].allCaps && !s.sentenceBreak(before: j) { return nil }  // "60 Minutes", a title
        // "a second" is an ordinal ("a second round"); "second" needs a real number in front
        if unit == .second && (q.article || q.amount == nil) { return nil }
        if hyphenated && unit == .second { return nil }
        if unit == .season { return nil }  // "two seasons" of a sport, not six months
        if q.amount == 0 { return nil }  // "0hr", "zero hours": no stretch of time
        // "a minute amount": the adjective
        if unit == .minute && q.article && s.isWord(j + 1) && !s.capitalized(j + 1) && s.keyword(j + 1) == nil { return nil }
        // "the 2024-25 season": the end of a range of years, not an amount
        if s.isNumber(start), s.isGluedPunct(start - 1, 0x2D), s.isNumber(start - 2) { return nil }
        if q.article && (unit == .quarter || info.unitPlural) { return nil }
        if hyphenated && unit == .quarter && info.unitPlural { return nil }  // "three-quarters": a fraction
        if let a = q.amount, a >= 1000, unit == .quarter || unit == .month || unit == .week { return nil }  // "the 1988 quarter"
        var amount = q.amount
        var end = j + 1
        // "one and a half years", "an hour and a half"
        if s.isKeyword(end, .and), s.isKeyword(end + 1, .a), s.isKeyword(end + 2, .half), let a = amount {
            amount = a + 0.5
            end += 3
        }
        // "two years and six months", "six hours and 39 minutes", "2hr 18min": one amount in two units
        var second: (TimexDuration.Component, Int)?
        if amount.map({ $0 == $0.rounded() }) ?? false, !hyphenated, let part = smallerPart(s, after: end, unit, abbreviated: s.glued(j)) {
            second = part
            end = part.1
        }
        // "the next year or so": approximate
        var approximate = q.approximate
        if s.isKeyword(end, .or), s.isSpelled(end + 1, "so") {
            approximate = true
            end += 2
        }
        // "five-year-old", "a 6-year-old": an age, not a time expression
        if hyphenated, s.isGluedPunct(end, 0x2D), s.isSpelled(end + 1, "old") { return nil }
        if s.isSpelled(end, "old") || s.isSpelled(end, "olds") { return nil }
        if s.isGluedPunct(end, 0x2D) && (s.isSpelled(end + 1, "old") || s.isSpelled(end + 1, "olds")) { return nil }
        // "six months of base pay": a measure of pay
        if s.isKeyword(end, .of), s.isWord(end + 1), measuredNouns.contains(s.lowerWord(end + 1))
            || s.isWord(end + 2) && !s.capitalized(end + 1) && s.keyword(end + 1) == nil && measuredNouns.contains(s.lowerWord(end + 2)) {
            return nil
        }
        let (durationUnit, factor) = amount == nil ? (unit.vagueDurationUnit, 1) : unit.durationUnit
        var duration = TimexDuration(Self.components(amount.map { $0 * factor }, durationUnit))
        if let (component, _) = second { duration.components.append(component) }
        return Candidate(start, end, .stated(.duration(duration)), .duration,
                         mod: approximate ? .approx : nil, rule: .duration)
    }

    /// The second part of a two-unit amount at `k`: "and six months" after "two years", "and 39 minutes" after
    /// "six hours", or digits right after the first ("2 hours 18 minutes", "2hr 18min": glued like the first,
    /// `abbreviated`); a whole amount of a smaller unit, and the token after it.
    static func smallerPart(_ s: TokenStream, after k: Int, _ unit: TimeUnit, abbreviated: Bool) -> (TimexDuration.Component, Int)? {
        let and = s.isKeyword(k, .and)
        guard and || s.isNumber(k) else { return nil }
        guard let q = Quantity.read(s, and ? k + 1 : k, allowVague: false), let a = q.amount, a == a.rounded(), a > 0,
              let info = s.info(q.end), let small = info.unit, !s.capitalized(q.end) || s.tokens[q.end].allCaps,
              abbreviated == s.glued(q.end), !(s.isWord(q.end + 1) && s.glued(q.end + 1)) else { return nil }
        // a smaller unit, singular for one: "a year and a day", not "two weeks and three years" nor "a day and a half"
        let (big, _) = unit.durationUnit, (u, factor) = small.durationUnit
        let order = TimexDuration.Unit.allCases
        guard small != .season, small != .weekend, small != .quarter, unit != .quarter, factor == 1,
              order.firstIndex(of: u)! > order.firstIndex(of: big)!, abbreviated || info.unitPlural == (a != 1) else { return nil }
        // "two years and six months ago": the offset rule reads the nearer amount
        if s.isKeyword(q.end + 1, .ago, .later, .earlier) { return nil }
        return (TimexDuration.Component(a, u), q.end + 1)
    }

    /// A fractional amount as TimeML writes it: whole units plus the rest in the next smaller
    /// unit when that rest is whole ("an hour and a half" → PT1H30M, "half a day" → PT12H), else
    /// the decimal in the unit itself ("78.4 years" → P78.4Y, not P78Y4.8M).
    static func components(_ amount: Double?, _ unit: TimexDuration.Unit) -> [TimexDuration.Component] {
        guard let v = amount, v != v.rounded(.down) else { return [.init(amount, unit)] }
        let smaller: (TimexDuration.Unit, Double)?
        switch unit {
        case .year: smaller = (.month, 12)
        case .month: smaller = (.day, 30)
        case .week: smaller = (.day, 7)
        case .day: smaller = (.hour, 24)
        case .hour: smaller = (.minute, 60)
        case .minute: smaller = (.second, 60)
        default: smaller = nil
        }
        guard let (small, per) = smaller else { return [.init(v, unit)] }
        let whole = v.rounded(.down)
        let rest = ((v - whole) * per * 1000).rounded() / 1000
        guard rest == rest.rounded() else { return [.init(v, unit)] }
        return whole > 0 ? [.init(whole, unit), .init(rest, small)] : [.init(rest, small)]
    }
}
