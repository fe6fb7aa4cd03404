/// English display names for dates on the site ("Sat 15 March 2025", "week of 10 March 2025").
public enum DisplayFormat {
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    private static let shortWeekdayNames = weekdayNames.map { String($0.prefix(3)) }
    private static let shortMonthNames = monthNames.map { String($0.prefix(3)) }

    public static func monthName(_ m: Int) -> String { monthNames[m - 1] }
    public static func weekdayName(_ w: Weekday) -> String { weekdayNames[w.rawValue - 1] }
    public static func shortWeekday(_ w: Weekday) -> String { shortWeekdayNames[w.rawValue - 1] }
    public static func shortMonth(_ m: Int) -> String { shortMonthNames[m - 1] }

    /// "Sat 15 March 2025".
    public static func day(_ d: CivilDate) -> String { day(d, month: monthName(d.month)) }

    /// "Sat 15 Mar 2025".
    public static func shortDay(_ d: CivilDate) -> String { day(d, month: shortMonth(d.month)) }

    /// The weekday, the day, `month` and the year, written straight into the string's buffer (a
    /// date is written for most sentences' explanations: interpolation cost several times as much).
    private static func day(_ d: CivilDate, month: String) -> String {
        var weekday = shortWeekday(d.weekday)
        var month = month
        // Three letters, the longest month name, two numbers of at most 20 characters, three spaces.
        return String(unsafeUninitializedCapacity: 3 + 9 + 2 * 20 + 3) { out in
            var n = 0
            func put(_ text: inout String) { text.withUTF8 { for b in $0 { out[n] = b; n += 1 } } }
            func put(_ number: Int) {
                if number < 0 { out[n] = 0x2D; n += 1 }
                let v = Int(number.magnitude)
                let width = DecimalDigits.count(v)
                DecimalDigits.write(v, width: width, endingAt: n + width, into: out)
                n += width
            }
            put(&weekday)
            out[n] = 0x20; n += 1
            put(d.day)
            out[n] = 0x20; n += 1
            put(&month)
            out[n] = 0x20; n += 1
            put(d.year)
            return n
        }
    }

    private static let partNames: [PartOfDay: String] = [
        .morning: "morning", .midday: "midday", .afternoon: "afternoon", .evening: "evening", .night: "night", .daytime: "daytime",
    ]
    private static let seasonNames: [Season: String] = [.spring: "Spring", .summer: "Summer", .fall: "Autumn", .winter: "Winter"]

    /// A value at its own grain, for readers.
    public static func value(_ v: TimexValue) -> String {
        switch v {
        case .day(let d): return day(d)
        case .time(let d, let h, let m): return "\(day(d)), \(TimexFormat.two(h)):\(TimexFormat.two(m ?? 0))"
        case .partOfDay(let d, let p): return "\(day(d)), \(partNames[p]!)"
        case .week(let w): return "week of \(w.monday.day) \(monthName(w.monday.month)) \(w.monday.year)"
        case .weekend(let w):
            let sat = w.monday.adding(days: 5)
            return "weekend of \(sat.day) \(monthName(sat.month)) \(sat.year)"
        case .month(let y, let m): return "\(monthName(m)) \(y)"
        case .season(let y, let s): return "\(seasonNames[s]!) \(y)"
        case .quarter(let y, let q): return "Q\(q) \(y)"
        case .half(let y, let h): return "H\(h) \(y)"
        case .year(let y): return String(y)
        case .decade(let d): return "the \(d * 10)s"
        case .century(let c): return "the \(c * 100)s"
        case .reference(let r):
            switch r {
            case .past: return "the past"
            case .present: return "the present"
            case .future: return "the future"
            }
        case .duration(let d): return d.description
        case .underspecified(let s): return s
        }
    }
}
