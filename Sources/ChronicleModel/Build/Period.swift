import ChronicleTime

/// The stretch of the timeline an event is filed under, merged and paged on its own: the
/// calendar month of a value up to a month long (a week goes to the month holding most of its
/// days, as ISO 8601 puts a week in the year of its Thursday), else the year a longer value
/// starts in (a season, a quarter, a year). Mentions of different periods never merge, so a
/// rebuild re-merges only the periods whose mentions changed.
public struct Period: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1…12, or nil for the year itself.
    public let month: Int?

    public init(year: Int, month: Int?) {
        self.year = year
        self.month = month
    }

    /// The period a value is filed under; nil when it has no calendar extent.
    public init?(of value: TimexValue) {
        guard let interval = value.interval else { return nil }
        let days = interval.dayCount
        if value.grain == .month || days < 28 {
            let middle = interval.start.adding(days: (days - 1) / 2)
            self.init(year: middle.year, month: value.grain == .month ? interval.start.month : middle.month)
        } else {
            self.init(year: interval.start.year, month: nil)
        }
    }

    /// `2025-03`, or `2025` for a year: also the name of its page.
    public var description: String {
        month.map { "\(TimexFormat.year(year))-\(TimexFormat.two($0))" } ?? TimexFormat.year(year)
    }

    /// "March 2025", or "2025".
    public var label: String {
        month.map { "\(DisplayFormat.monthName($0)) \(year)" } ?? "\(year)"
    }

    /// In timeline order: a year's own period comes after its January, as a year sorts after its first day.
    public static func < (a: Period, b: Period) -> Bool {
        (a.year, (a.month ?? 1) * 2 + (a.month == nil ? 1 : 0)) < (b.year, (b.month ?? 1) * 2 + (b.month == nil ? 1 : 0))
    }
}
