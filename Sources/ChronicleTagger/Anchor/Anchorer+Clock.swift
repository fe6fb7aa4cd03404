import ChronicleTime

/// Clock times counted in hours and minutes: "20 minutes ago" from the publication time, "an hour later"
/// from the account's clock time.
extension Anchorer {
    /// "20 minutes ago": the publication time moved back; only the day when the publication time has no clock.
    func clockOffset(_ unit: TimeUnit, _ n: Int, sign: Int, _ dct: CivilDate, _ steps: inout [String]) -> TimexValue {
        guard let (h, m) = documentClock else {
            steps.append("no publication time of day: the publication day")
            return .day(dct)
        }
        let value = Self.clock(dct, hour: h, minute: m, plus: sign * n * (unit == .hour ? 60 : 1))
        steps.append("\(n) \(unit.rawValue)(s) \(sign < 0 ? "before" : "after") the publication time → \(value)")
        return value
    }

    /// "An hour later", "half an hour earlier" after a clock time of the account ("at about 1am"): that time moved.
    func anchorClockNarrative(_ unit: TimeUnit, _ n: Int) -> Anchored? {
        guard unit == .hour || unit == .minute, let narrative, case .time(let d, let h, let m) = narrative, h < 24 || m == nil || m == 0 else {
            return nil
        }
        let value = Self.clock(d, hour: h, minute: m ?? 0, plus: n * (unit == .hour ? 60 : 1))
        return Anchored(value: value, anchor: .narrative, steps: ["narrative reference \(narrative)", "moved \(n) \(unit.rawValue)(s) → \(value)"],
                        reference: narrative)
    }

    /// Whether "an hour later" can be placed: the account's time is a clock time.
    static func placesClockNarrative(_ narrative: TimexValue?) -> Bool {
        if case .time = narrative { return true }
        return false
    }

    /// "The first rocket hit at 11 p.m. … sirens sounded again at 2 a.m.": an hour before 6 after the account's
    /// clock time in the evening of `day` is on the next day (not past the publication day in a past-tense sentence).
    func dayAfterLateClock(_ hour: Int, _ day: CivilDate, _ dct: CivilDate) -> CivilDate? {
        guard hour < 6, case .time(let d, let last, _)? = narrative, d == day, last >= 18, last < 24 else { return nil }
        let next = day.adding(days: 1)
        return tense == .past && next > dct ? nil : next
    }

    /// A clock reading moved by whole minutes, across midnight when it must.
    static func clock(_ day: CivilDate, hour: Int, minute: Int, plus minutes: Int) -> TimexValue {
        let total = hour * 60 + minute + minutes
        let days = total >= 0 ? total / 1440 : -((-total + 1439) / 1440)
        let rest = total - days * 1440
        return .time(day.adding(days: days), hour: rest / 60, minute: rest % 60)
    }
}
