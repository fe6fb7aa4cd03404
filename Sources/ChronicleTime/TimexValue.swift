/// How fine a value is: the unit it names (a day, an ISO week, a month …).
public enum Grain: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    case minute, hour, partOfDay, day, weekend, week, month, season, quarter, half, year, decade, century
    /// Durations, sets, PAST_REF and values with unknown digits have no single calendar extent.
    case none

    public static func < (a: Grain, b: Grain) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .partOfDay: "part-of-day"
        case .day: "day"
        case .weekend: "weekend"
        case .week: "week"
        case .month: "month"
        case .season: "season"
        case .quarter: "quarter"
        case .half: "half"
        case .year: "year"
        case .decade: "decade"
        case .century: "century"
        case .none: "none"
        }
    }
}

/// The TimeML parts of a day (`TMO`, `TMI`, `TAF`, `TEV`, `TNI`, `TDT`).
public enum PartOfDay: String, CaseIterable, Codable, Sendable {
    case morning = "MO", midday = "MI", afternoon = "AF", evening = "EV", night = "NI", daytime = "DT"
}

/// The TimeML seasons (`SP`, `SU`, `FA`, `WI`), northern hemisphere, meteorological bounds.
public enum Season: String, CaseIterable, Codable, Sendable {
    case spring = "SP", summer = "SU", fall = "FA", winter = "WI"
}

/// TimeML's vague references to the past, present and future.
public enum TemporalReference: String, Codable, Sendable {
    case past = "PAST_REF", present = "PRESENT_REF", future = "FUTURE_REF"
}

/// A TimeML `mod` attribute.
public enum TimexMod: String, CaseIterable, Codable, Sendable {
    case before = "BEFORE", after = "AFTER", onOrBefore = "ON_OR_BEFORE", onOrAfter = "ON_OR_AFTER"
    case lessThan = "LESS_THAN", moreThan = "MORE_THAN", equalOrLess = "EQUAL_OR_LESS", equalOrMore = "EQUAL_OR_MORE"
    case start = "START", mid = "MID", end = "END", approx = "APPROX"
}

/// The TimeML type of a temporal expression.
public enum TimexType: String, CaseIterable, Codable, Sendable {
    case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
}

/// A duration such as `P30D`, `PT40M`, `P1.5Y` or `PXY` (unknown amount).
public struct TimexDuration: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Units in ISO 8601 order; the time units follow `T`. Centuries are written `C` as TimeBank writes them
    /// ("centuries" `PXC`); TIDES' `CE` is read too.
    public enum Unit: String, CaseIterable, Codable, Sendable {
        case millennium = "L", century = "C", decade = "DE", year = "Y", quarter = "Q", month = "M", week = "W", day = "D"
        case hour = "H", minute = "TM", second = "S"

        public var isTimeUnit: Bool { self == .hour || self == .minute || self == .second }
        var letter: String { self == .minute ? "M" : rawValue }
    }

    /// One amount and its unit; a nil amount is TimeML's `X` ("several days" → `PXD`).
    public struct Component: Hashable, Codable, Sendable {
        public var amount: Double?
        public var unit: Unit
        public init(_ amount: Double?, _ unit: Unit) {
            self.amount = amount
            self.unit = unit
        }
    }

    public var components: [Component]

    public init(_ components: [Component]) { self.components = components }
    public init(_ amount: Double?, _ unit: Unit) { self.components = [Component(amount, unit)] }

    public var description: String {
        var out = "P"
        var inTime = false
        for c in components {
            if c.unit.isTimeUnit && !inTime {
                out += "T"
                inTime = true
            }
            out += c.amount.map(Self.format) ?? "X"
            out += c.unit.letter
        }
        return out
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        var s = String(x)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// Parses `P30D`, `PT2H30M`, `P1.5Y`, `PXW`, `P2DE`.
    public init?(timex3 text: String) {
        guard text.hasPrefix("P"), text.count > 1 else { return nil }
        var parts: [Component] = []
        var inTime = false
        var number = ""
        var chars = Array(text.dropFirst())
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "T" && number.isEmpty {
                inTime = true
            } else if c.isNumber || c == "." || c == "X" {
                number.append(c)
            } else {
                var letter = String(c)
                if (c == "D" || c == "C") && i + 1 < chars.count && chars[i + 1] == "E" {  // DE, CE
                    letter += "E"
                    i += 1
                }
                let unit: Unit?
                switch (letter, inTime) {
                case ("M", true): unit = .minute
                case ("H", _): unit = .hour
                case ("S", _): unit = .second
                case ("CE", _): unit = .century
                default: unit = Unit(rawValue: letter)
                }
                guard let unit, !number.isEmpty else { return nil }
                let amount: Double? = number == "X" || number == "XX" ? nil : Double(number)
                if amount == nil && !number.allSatisfy({ $0 == "X" }) { return nil }
                parts.append(Component(amount, unit))
                number = ""
            }
            i += 1
        }
        chars.removeAll()
        guard number.isEmpty, !parts.isEmpty else { return nil }
        self.components = parts
    }
}

/// A normalised TIMEX3 value, typed: what the value *means*, from which its ISO 8601 string,
/// grain and calendar bounds all follow.
public enum TimexValue: Hashable, Codable, Sendable, CustomStringConvertible {
    case day(CivilDate)
    /// A clock time on a day; `minute` nil means the hour alone (`2025-08-17T14`).
    case time(CivilDate, hour: Int, minute: Int?)
    case partOfDay(CivilDate, PartOfDay)
    case week(ISOWeek)
    case weekend(ISOWeek)
    case month(year: Int, month: Int)
    case season(year: Int, Season)
    case quarter(year: Int, quarter: Int)
    case half(year: Int, half: Int)
    case year(Int)
    /// `199`: the decade whose first three digits are given (TIDES 2005 and TimeML write "the 1990s"
    /// as `199`; `199X` is read as the same decade).
    case decade(Int)
    /// `19`: the century whose first two digits are given ("the 20th century"; `19XX` is read as the same).
    case century(Int)
    case reference(TemporalReference)
    case duration(TimexDuration)
    /// Any value with unknown digits (`XXXX-03-15`, `1989-WXX`, `XXXX-WXX-6`), kept as written.
    case underspecified(String)

    /// The TIMEX3 `value` string.
    public var description: String {
        switch self {
        case .day(let d): return d.description
        case .time(let d, let h, let m):
            return "\(d)T\(TimexFormat.two(h))" + (m.map { ":\(TimexFormat.two($0))" } ?? "")
        case .partOfDay(let d, let p): return "\(d)T\(p.rawValue)"
        case .week(let w): return w.description
        case .weekend(let w): return "\(w)-WE"
        case .month(let y, let m): return "\(TimexFormat.year(y))-\(TimexFormat.two(m))"
        case .season(let y, let s): return "\(TimexFormat.year(y))-\(s.rawValue)"
        case .quarter(let y, let q): return "\(TimexFormat.year(y))-Q\(q)"
        case .half(let y, let h): return "\(TimexFormat.year(y))-H\(h)"
        case .year(let y): return TimexFormat.year(y)
        case .decade(let d): return d >= 0 && d < 100 ? String(repeating: "0", count: d < 10 ? 2 : 1) + String(d) : String(d)
        case .century(let c): return TimexFormat.two(c)
        case .reference(let r): return r.rawValue
        case .duration(let d): return d.description
        case .underspecified(let s): return s
        }
    }

    public var grain: Grain {
        switch self {
        case .day: .day
        case .time(_, _, let m): m == nil ? .hour : .minute
        case .partOfDay: .partOfDay
        case .week: .week
        case .weekend: .weekend
        case .month: .month
        case .season: .season
        case .quarter: .quarter
        case .half: .half
        case .year: .year
        case .decade: .decade
        case .century: .century
        case .reference, .duration, .underspecified: .none
        }
    }

    /// The days the value spans, when it names a stretch of the calendar.
    public var interval: DayInterval? {
        switch self {
        case .day(let d), .time(let d, _, _), .partOfDay(let d, _): return DayInterval(day: d)
        case .week(let w): return DayInterval(w.monday, w.sunday)
        case .weekend(let w): return DayInterval(w.monday.adding(days: 5), w.sunday)
        case .month(let y, let m): return Self.months(y, m, m)
        case .season(let y, let s):
            switch s {
            case .spring: return Self.months(y, 3, 5)
            case .summer: return Self.months(y, 6, 8)
            case .fall: return Self.months(y, 9, 11)
            case .winter:
                return DayInterval(CivilDate(year: y, month: 12, day: 1)!, CivilDate(year: y + 1, month: 2, day: CivilDate.daysIn(month: 2, year: y + 1))!)
            }
        case .quarter(let y, let q): return Self.months(y, q * 3 - 2, q * 3)
        case .half(let y, let h): return Self.months(y, h * 6 - 5, h * 6)
        case .year(let y): return Self.months(y, 1, 12)
        case .decade(let d): return DayInterval(Self.months(d * 10, 1, 1).start, Self.months(d * 10 + 9, 12, 12).end)
        case .century(let c): return DayInterval(Self.months(c * 100, 1, 1).start, Self.months(c * 100 + 99, 12, 12).end)
        case .reference, .duration, .underspecified: return nil
        }
    }

    private static func months(_ y: Int, _ first: Int, _ last: Int) -> DayInterval {
        DayInterval(CivilDate(year: y, month: first, day: 1)!,
                    CivilDate(year: y, month: last, day: CivilDate.daysIn(month: last, year: y))!)
    }

    /// The day, when the value is at day grain or finer.
    public var day: CivilDate? {
        switch self {
        case .day(let d), .time(let d, _, _), .partOfDay(let d, _): d
        default: nil
        }
    }

    /// Parses a TIMEX3 value string; anything well-formed but not a calendar value becomes `.underspecified`.
    public init?(timex3 text: String) {
        if text.isEmpty { return nil }
        if let r = TemporalReference(rawValue: text) { self = .reference(r); return }
        if text.hasPrefix("P") {
            guard let d = TimexDuration(timex3: text) else { return nil }
            self = .duration(d)
            return
        }
        if let parsed = Self.parseCalendar(text) {
            self = parsed
            return
        }
        self = .underspecified(text)
    }

    private static func parseCalendar(_ text: String) -> TimexValue? {
        let (datePart, timePart): (Substring, Substring?) = {
            if let t = text.firstIndex(of: "T") { return (text[..<t], text[text.index(after: t)...]) }
            return (text[...], nil)
        }()
        let fields = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = fields.first else { return nil }
        if fields.count == 1 && timePart == nil {
            if first.count == 4, let y = Int(first) { return .year(y) }
            if first.count == 3, let d = Int(first) { return .decade(d) }
            if first.count == 2, let c = Int(first) { return .century(c) }
            if first.count == 4, first.hasSuffix("X"), !first.hasSuffix("XX"), let d = Int(first.prefix(3)) { return .decade(d) }
            if first.count == 4, first.hasSuffix("XX"), let c = Int(first.prefix(2)) { return .century(c) }
            return nil
        }
        guard first.count == 4, let y = Int(first) else { return nil }
        if fields.count == 2 && timePart == nil {
            let f = fields[1]
            if f.count == 2, let m = Int(f), (1...12).contains(m) { return .month(year: y, month: m) }
            if let s = Season(rawValue: String(f)) { return .season(year: y, s) }
            if f.hasPrefix("Q"), let q = Int(f.dropFirst()), (1...4).contains(q) { return .quarter(year: y, quarter: q) }
            if f.hasPrefix("H"), let h = Int(f.dropFirst()), (1...2).contains(h) { return .half(year: y, half: h) }
            if f.hasPrefix("W"), let w = Int(f.dropFirst()), (1...ISOWeek.weeksIn(year: y)).contains(w) {
                return .week(ISOWeek(year: y, week: w))
            }
            return nil
        }
        if fields.count == 3, fields[1].hasPrefix("W"), fields[2] == "WE", timePart == nil,
           let w = Int(fields[1].dropFirst()), (1...ISOWeek.weeksIn(year: y)).contains(w) {
            return .weekend(ISOWeek(year: y, week: w))
        }
        guard fields.count == 3, let d = CivilDate(iso: datePart) else { return nil }
        guard let timePart else { return .day(d) }
        if let p = PartOfDay(rawValue: String(timePart)) { return .partOfDay(d, p) }
        let hm = timePart.split(separator: ":")
        guard let hs = hm.first, hs.count == 2, let h = Int(hs), (0...24).contains(h) else { return nil }
        if hm.count == 1 { return .time(d, hour: h, minute: nil) }
        guard hm[1].count == 2, let m = Int(hm[1]), (0...59).contains(m) else { return nil }
        return .time(d, hour: h, minute: m)
    }
}
