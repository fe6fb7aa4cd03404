import ChronicleTime

/// Anchoring against the narrative reference time ("two days later", "that day", "a year
/// earlier"), falling back to the publication date.
extension Anchorer {
    /// `grain`: the value is the unit holding the reference, shifted ("the following year" → a year),
    /// not the reference moved by an amount ("a year later" → the same day a year on).
    func anchorNarrative(_ unit: TimeUnit, _ n: Int?, grain: Bool = false) -> Anchored {
        let base: TimexValue
        let kind: AnchorKind
        var steps: [String] = []
        // ("13 facilities, up from seven a year earlier" counts things: a quarter is not the reference)
        if !grain, unit == .year, n == -1, let period, comparesMoney || period.grain != .quarter && period.grain != .half {
            steps.append("the reporting period \(period) moved back a year")
            return Anchored(value: moved(.year, -1, from: period), anchor: .narrative, steps: steps, reference: period)
        }
        // "that day" in an account of a month: a day of that month ("1998-10-XX")
        if grain, n == 0, unit == .day, let narrative, narrative.grain == .month, case .month(let y, let m) = narrative {
            steps.append("narrative reference \(narrative): a day of that month")
            return Anchored(value: .underspecified("\(TimexFormat.year(y))-\(TimexFormat.two(m))-XX"), anchor: .narrative,
                            steps: steps, reference: narrative)
        }
        // a day of the account needs a day to count from: a month or a year falls back to publication
        if let narrative, narrative.day != nil || narrative.interval != nil && unit != .day && unit != .hour {
            base = narrative
            kind = .narrative
            steps.append("narrative reference \(narrative)")
        } else if let documentDate {
            base = .day(documentDate)
            kind = .documentTime
            steps.append("no narrative reference: counted from the publication date \(documentDate)")
        } else {
            return Anchored(value: .underspecified("XXXX-XX-XX"), anchor: .unresolved, steps: ["nothing to count from"])
        }
        guard let n else {
            return Anchored(value: .reference(.past), anchor: kind, steps: steps, reference: base)
        }
        // a unit finer than the reference ("that week" after "in 1990") cannot be placed in it
        if grain, base.grain <= unit.grain, let start = base.interval?.start {
            let value = shifted(unit, n, from: start)
            steps.append("the \(unit.rawValue) of the reference, shifted \(n) → \(value)")
            return Anchored(value: value, anchor: kind, steps: steps, reference: base)
        }
        var value = moved(unit, n, from: base)
        if unit == .year, let d = base.day { value = .day(d.adding(years: n)) }
        if n == 0, unit != .day, let d = base.day {
            value = shifted(unit, 0, from: d)
        }
        if n == 0, unit == .day, let d = base.day { value = .day(d) }
        steps.append("moved \(n) \(unit.rawValue)(s) → \(value)")
        return Anchored(value: value, anchor: kind, steps: steps, reference: base)
    }
}

/// Dates without a year or week in a past-tense story set in another year or week: they follow the
/// story's time, not the publication date.
extension Anchorer {
    /// "Elvis died on August 16, 1977. … his funeral was held on August 18", "The flood began on March 28,
    /// 2023. … In June": in a past-tense account of an earlier year told in this sentence or the one before,
    /// a date without a year that falls within a year after the account's time is in the account's year (or
    /// the next: "Dec. 30, 2022 … on Jan. 3"); one before it ("Oct. 19, 1987 … Oct. 13") keeps the usual
    /// reading, and so does a date ahead ("effective Feb. 1"). An account of a whole year takes only dates inside
    /// it. `last(y)` is the value's last day in `y`.
    func storyYear(picked: Int, _ last: (Int) -> CivilDate) -> Int? {
        guard direction <= 0, let story, let span = story.interval, span.start.year < picked else { return nil }
        let from = story.day ?? span.start
        let years = story.grain >= .year ? [span.start.year] : [span.start.year, span.start.year + 1]
        for y in years where y < picked {
            let gap = from.days(until: last(y))
            if gap >= 0 && gap <= 330 { return y }
        }
        return nil
    }

    /// "Woodstock began on Friday, August 15, 1969. By Sunday …": in a past-tense account of a day more than
    /// a week before the weekday the tense picked, a bare weekday is the first one on or after the account's day.
    /// In the story's future ("planned to be back by Saturday"), the first one after it.
    func storyWeekday(_ wd: Weekday, picked: CivilDate) -> CivilDate? {
        let ahead = tense == .future
        guard direction <= 0 || ahead, let day = story?.day, day.days(until: picked) >= 7 else { return nil }
        if ahead { return Anchorer.weekday(wd, .next, from: day) }
        return day.adding(days: (wd.rawValue - day.weekday.rawValue + 7) % 7)
    }

    /// The step that tells a value was placed in the story's time (`anchor` then names the story as its reference).
    static let storyStep = "in the story's time"
    /// The step that tells a weekday was put after the day of the act that set it (`actDay`).
    static let actStep = "ends or opens what was set on"
}
