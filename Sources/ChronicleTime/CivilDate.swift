/// A day of the proleptic Gregorian calendar, with no time of day and no zone.
///
/// All calendar arithmetic in Chronicle goes through this type, so it never depends on
/// the machine's calendar, locale or time zone.
public struct CivilDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil ("2025-02-30").
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: index + 1)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Adds calendar months, clamping the day to the end of a shorter month (31 Jan + 1 month = 28/29 Feb).
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))!
    }

    public func adding(years: Int) -> CivilDate { adding(months: years * 12) }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// The ISO 8601 week this day belongs to.
    public var isoWeek: ISOWeek {
        let thursday = adding(days: 4 - weekday.rawValue)
        let week = (thursday.dayNumber - CivilDate(year: thursday.year, month: 1, day: 1)!.dayNumber) / 7 + 1
        return ISOWeek(year: thursday.year, week: week)
    }

    public var quarter: Int { (month - 1) / 3 + 1 }

    public var description: String { TimexFormat.date(year, month, day) }

    /// By year, then month, then day: the order of `dayNumber` (every date is valid: the inits check
    /// or derive it), without its divisions (intervals and sorts compare dates by the million).
    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

extension CivilDate {
    /// Stored as its day number: one integer instead of three (caches hold millions of dates).
    public init(from decoder: Decoder) throws {
        self.init(dayNumber: try decoder.singleValueContainer().decode(Int.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dayNumber)
    }
}

/// A day of the week, numbered as ISO 8601 does (Monday = 1 … Sunday = 7).
public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

/// An ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday.
public struct ISOWeek: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// Number of ISO weeks in `year` (52 or 53).
    public static func weeksIn(year: Int) -> Int {
        CivilDate(year: year, month: 12, day: 28)!.isoWeek.week
    }

    /// The week's Monday.
    public var monday: CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)!
        let week1Monday = jan4.adding(days: 1 - jan4.weekday.rawValue)
        return week1Monday.adding(days: (week - 1) * 7)
    }

    public var sunday: CivilDate { monday.adding(days: 6) }

    public func adding(weeks: Int) -> ISOWeek { monday.adding(days: 7 * weeks).isoWeek }

    public var description: String { "\(TimexFormat.year(year))-W\(TimexFormat.two(week))" }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}

/// A closed range of days that bounds a value ("2025-W11" is Mon 10 … Sun 16 March 2025).
public struct DayInterval: Hashable, Sendable {
    public let start: CivilDate
    public let end: CivilDate

    public init(_ start: CivilDate, _ end: CivilDate) {
        self.start = min(start, end)
        self.end = max(start, end)
    }

    public init(day: CivilDate) { self.init(day, day) }

    public func contains(_ day: CivilDate) -> Bool { start <= day && day <= end }
    public func contains(_ other: DayInterval) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: DayInterval) -> Bool { start <= other.end && other.start <= end }
    public var dayCount: Int { start.days(until: end) + 1 }
}

/// Zero-padded pieces of ISO 8601 / TIMEX3 strings.
public enum TimexFormat {
    public static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    public static func year(_ y: Int) -> String {
        if y >= 0 && y < 10000 {
            let s = String(y)
            return String(repeating: "0", count: 4 - s.count) + s
        }
        return String(y)
    }
    public static func date(_ y: Int, _ m: Int, _ d: Int) -> String {
        // Written as bytes in the usual case (a ten-byte string is stored inline: no allocation).
        guard (0..<10000).contains(y), (0..<100).contains(m), (0..<100).contains(d) else { return "\(year(y))-\(two(m))-\(two(d))" }
        return String(unsafeUninitializedCapacity: 10) { out in
            DecimalDigits.write(y, width: 4, endingAt: 4, into: out)
            out[4] = 0x2D
            DecimalDigits.write(m, width: 2, endingAt: 7, into: out)
            out[7] = 0x2D
            DecimalDigits.write(d, width: 2, endingAt: 10, into: out)
            return 10
        }
    }
}
