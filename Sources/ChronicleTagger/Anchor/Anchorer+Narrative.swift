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
