import ChronicleTime

/// The two ends of a range written without years ("from Dec. 20 to Jan. 5", "between Nov. 1 and Dec. 31",
/// "March 30-April 2") are anchored one at a time; when the end lands before the start, one of them moves
/// a year so the start comes first: the end rolls into the next year, or the start comes back a year.
enum RangeOrder {
    case endForward, startBack

    /// Whether candidates `p` and `c` are the two ends of one range: "to", "through", "until", "till" or a
    /// dash between them, or "and" after "between" ("on Dec. 20 and Jan. 5" is a list, not a range).
    static func joins(_ s: TokenStream, _ p: Candidate, _ c: Candidate) -> Bool {
        guard c.first == p.end + 1 else { return false }
        if s.isKeyword(p.end, .to, .through, .until, .till) || s.isPunct(p.end, 0x2D) { return true }
        return s.isKeyword(p.end, .and) && s.isKeyword(p.first - 1, .between)
    }

    /// A month or a day of a month whose year was implied, not written.
    static func impliedYear(_ e: Extracted) -> Bool {
        switch e {
        case .monthDay(_, _, .implied), .month(_, .implied): true
        default: false
        }
    }

    /// Which end moves when `end` lies before `start`, or nil when they are in order. The pair that holds
    /// the publication date wins, unless the start's clause is in the past tense (the latest pair over by
    /// then); else the tense decides: ahead, the earliest pair not more than two weeks gone (as for a date
    /// alone); with no tense cue, the latest that has begun; in the present, the nearer.
    static func fix(start: TimexValue, end: TimexValue, tense: Tense?, dct: CivilDate) -> RangeOrder? {
        guard let s = start.interval, let e = end.interval, e.start < s.start,
              let later = shifted(end, 1)?.interval, let earlier = shifted(start, -1)?.interval else { return nil }
        // endForward: s … later; startBack: earlier … e. In the past tense, the latest pair over by publication.
        if tense == .past { return later.end <= dct ? .endForward : .startBack }
        if s.start <= dct && dct <= later.end { return .endForward }
        if earlier.start <= dct && dct <= e.end { return .startBack }
        switch tense {
        case .future: return earlier.start.dayNumber >= dct.dayNumber - 14 ? .startBack : .endForward
        case .past, .unknown, nil: return s.start <= dct ? .endForward : .startBack
        case .present:
            let ahead = dct.days(until: s.start), behind = e.end.days(until: dct)
            return ahead <= behind ? .endForward : .startBack
        }
    }

    /// A day or month moved whole years.
    static func shifted(_ v: TimexValue, _ years: Int) -> TimexValue? {
        switch v {
        case .day(let d): .day(d.adding(years: years))
        case .month(let y, let m): .month(year: y + years, month: m)
        default: nil
        }
    }

    /// "from 10pm to 2am", "between 11 p.m. Saturday and 3 a.m.": an end time in the morning with no day of
    /// its own after a start in the evening or night is on the day after the start's ("from 9:30 to 4:15"
    /// is a working day).
    static func clockEnd(start: TimexValue, end: TimexValue) -> TimexValue? {
        guard case .time(let day, let h1, _) = start, h1 >= 18, h1 < 24, case .time(_, let h2, let m2) = end, h2 < 12 else { return nil }
        return .time(day.adding(days: 1), hour: h2, minute: m2)
    }

    /// "9:30 p.m. ET (0130 GMT Tuesday)", "0130 GMT Tuesday (2130 ET Monday)": the same moment on another
    /// zone's clock, whose weekday is the day of the time before it or the one next to it.
    static func sameMoment(_ outer: TimexValue, weekday wd: Weekday, hour: Int) -> TimexValue? {
        guard case .time(let day, _, _) = outer else { return nil }
        for d in [day, day.adding(days: 1), day.adding(days: -1)] where d.weekday == wd {
            return .time(d, hour: hour, minute: nil)
        }
        return nil
    }
}
