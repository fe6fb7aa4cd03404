import ChronicleTime

/// Calendar arithmetic of anchoring: which year an undated value falls in, a unit shifted
/// from the publication date, a value moved by an amount, seasons.
extension Anchorer {
    /// The year for a value without one. `probe` gives a representative day of the value in a
    /// year; the tense picks the latest one not after (past) or the earliest not before (future)
    /// the publication date, or the nearest.
    func pickYear(_ spec: YearSpec, _ dct: CivilDate, sameUnit: Bool = false, only years: [Int]? = nil,
                  _ probe: (Int) -> CivilDate) -> Int {
        let y = dct.year
        if let years {
            // a holiday of a cycle ("Super Tuesday"): the year of the cycle the tense points to
            switch spec {
            case .previous: return years.last { probe($0) < dct } ?? years[0]
            case .following: return years.first { probe($0) > dct } ?? years[years.count - 1]
            case .implied: return impliedYear(years, dct, probe)
            default: break
            }
        }
        switch spec {
        case .stated(let s): return s
        case .current: return y
        case .shifted(let k): return y + k
        case .account: return narrative?.interval?.start.year ?? pickYear(.implied, dct, sameUnit: sameUnit, probe)
        case .previous:
            return probe(y) < dct && !sameUnit ? y : y - 1
        case .following:
            return probe(y) > dct && !sameUnit ? y : y + 1
        case .implied:
            if sameUnit { return y }
            return impliedYear([y - 1, y, y + 1], dct, probe)
        }
    }

    /// Among `candidates` (ascending), the year a day without one falls in: past, the latest one not more
    /// than two months ahead (none ahead when it dates the past event itself); future, the earliest not
    /// more than two weeks back; otherwise the nearest.
    private func impliedYear(_ candidates: [Int], _ dct: CivilDate, _ probe: (Int) -> CivilDate) -> Int {
        // with no tense cue, news reports the past
        let backward = direction < 0 || tense == .unknown && lead == .none
        let ahead = datesPastEvent ? 0 : 60
        switch direction {
        case _ where backward: return candidates.last { probe($0).dayNumber <= dct.dayNumber + ahead } ?? candidates[1]
        case 1: return candidates.first { probe($0).dayNumber >= dct.dayNumber - 14 } ?? candidates[1]
        default:
            return candidates.min { abs(probe($0).days(until: dct)) < abs(probe($1).days(until: dct)) }!
        }
    }

    /// The year of the last quarter completed by `dct` (the year a report of year-to-date figures is about).
    static func lastCompletedQuarterYear(_ dct: CivilDate) -> Int {
        dct.quarter == 1 ? dct.year - 1 : dct.year
    }

    func quarterYear(_ spec: YearSpec, _ dct: CivilDate, _ q: Int, perYear: Int) -> Int {
        switch spec {
        case .implied:
            let current = dct.quarter
            // a quarter still ahead is last year's in the past tense, or with no tense cue at all (news reports the past)
            if q > current && (direction < 0 || tense == .unknown && lead == .none) { return dct.year - 1 }
            return dct.year
        case .stated(let y): return y
        case .current: return dct.year
        case .previous: return dct.year - 1
        case .following: return dct.year + 1
        case .shifted(let k): return dct.year + k
        case .account: return narrative?.interval?.start.year ?? quarterYear(.implied, dct, q, perYear: perYear)
        }
    }

    /// The unit holding `dct`, shifted by `k` units ("last week" → the week before).
    func shifted(_ unit: TimeUnit, _ k: Int, from dct: CivilDate) -> TimexValue {
        switch unit {
        case .day: return .day(dct.adding(days: k))
        case .week, .fortnight: return .week(dct.isoWeek.adding(weeks: k))
        case .weekend:
            // the weekend this week; past tense (or Monday–Friday with "last") means the one just gone
            var week = dct.isoWeek
            if k == 0 && direction < 0 && !dct.weekday.isWeekend { week = week.adding(weeks: -1) }
            if k < 0 && !dct.weekday.isWeekend { return .weekend(week.adding(weeks: -1 + (k + 1))) }
            return .weekend(week.adding(weeks: k))
        case .month: return moved(.month, k, from: .day(dct))
        case .quarter:
            let index = dct.year * 4 + (dct.quarter - 1) + k
            return .quarter(year: index >= 0 ? index / 4 : (index - 3) / 4, quarter: ((index % 4) + 4) % 4 + 1)
        case .season:
            let (season, year) = Self.season(of: dct)
            let order: [Season] = [.spring, .summer, .fall, .winter]
            let index = year * 4 + order.firstIndex(of: season)! + k
            return .season(year: index / 4, order[index % 4])
        case .year: return .year(dct.year + k)
        case .decade: return .decade(dct.year / 10 + k)
        case .century: return .century(dct.year / 100 + k)
        case .millennium: return .underspecified("\(dct.year / 1000 + k)XXX")
        case .hour, .minute, .second: return .day(dct)
        }
    }

    /// `base` moved by `n` units, at the grain of the unit (or of the base when it is coarser).
    func moved(_ unit: TimeUnit, _ n: Int, from base: TimexValue) -> TimexValue {
        switch base {
        case .day(let d), .time(let d, _, _), .partOfDay(let d, _):
            switch unit {
            case .day, .hour, .minute, .second: return .day(d.adding(days: n))
            case .week, .weekend: return .week(d.adding(days: 7 * n).isoWeek)
            case .fortnight: return .week(d.adding(days: 14 * n).isoWeek)
            case .month: let m = d.adding(months: n); return .month(year: m.year, month: m.month)
            case .quarter: let m = d.adding(months: 3 * n); return .quarter(year: m.year, quarter: m.quarter)
            case .season: let m = d.adding(months: 3 * n); return .month(year: m.year, month: m.month)
            case .year: return .year(d.year + n)
            case .decade: return .year(d.year + 10 * n)
            case .century: return .year(d.year + 100 * n)
            case .millennium: return .year(d.year + 1000 * n)
            }
        case .week(let w):
            switch unit {
            case .year: return .week(ISOWeek(year: w.year + n, week: min(w.week, ISOWeek.weeksIn(year: w.year + n))))
            case .month: return .week(w.monday.adding(months: n).isoWeek)
            default: return moved(unit, n, from: .day(w.monday)).coarsened(to: .week)
            }
        case .month(let y, let m):
            switch unit {
            case .day, .week, .weekend, .fortnight, .hour, .minute, .second: return base
            default:
                let d = CivilDate(year: y, month: m, day: 1)!.adding(months: unit == .year ? 12 * n : unit == .quarter ? 3 * n : n)
                if unit == .month || unit == .year || unit == .quarter { return .month(year: d.year, month: d.month) }
                return moved(unit, n, from: .day(d))
            }
        case .quarter(let y, let q):
            switch unit {
            case .year: return .quarter(year: y + n, quarter: q)
            case .quarter:
                let i = y * 4 + q - 1 + n
                return .quarter(year: i / 4, quarter: i % 4 + 1)
            default: return base
            }
        case .half(let y, let h): return unit == .year ? .half(year: y + n, half: h) : base
        case .season(let y, let s): return unit == .year ? .season(year: y + n, s) : base
        case .year(let y):
            switch unit {
            case .year: return .year(y + n)
            case .decade: return .year(y + 10 * n)
            // "18 months later", "six quarters later" from a year: the year the amount reaches from its middle
            // (less than a year stays in it, as days and weeks do)
            case .month where abs(n) >= 12: return .year(y + Int((Double(n) / 12).rounded()))
            case .quarter where abs(n) >= 4: return .year(y + Int((Double(n) / 4).rounded()))
            default: return base
            }
        default:
            return base
        }
    }

    static func seasonStartMonth(_ s: Season) -> Int {
        switch s {
        case .spring: 3
        case .summer: 6
        case .fall: 9
        case .winter: 12
        }
    }

    static func season(of d: CivilDate) -> (Season, Int) {
        switch d.month {
        case 3...5: (.spring, d.year)
        case 6...8: (.summer, d.year)
        case 9...11: (.fall, d.year)
        case 12: (.winter, d.year)
        default: (.winter, d.year - 1)
        }
    }
}
