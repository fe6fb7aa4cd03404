import ChronicleTime
import Testing

@Suite struct CivilDateTests {
    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
    }

    /// The dates of explanations, as interpolation writes them (years before 1 AD included).
    @Test func displayedDays() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let d = CivilDate(dayNumber: n)
            let weekday = DisplayFormat.weekdayName(d.weekday).prefix(3), month = DisplayFormat.monthName(d.month)
            #expect(DisplayFormat.day(d) == "\(weekday) \(d.day) \(month) \(d.year)")
            #expect(DisplayFormat.shortDay(d) == "\(weekday) \(d.day) \(month.prefix(3)) \(d.year)")
        }
        #expect(DisplayFormat.day(CivilDate(year: 2025, month: 3, day: 15)!) == "Sat 15 March 2025")
    }

    @Test func weekdays() {
        #expect(CivilDate(year: 2025, month: 3, day: 15)!.weekday == .saturday)
        #expect(CivilDate(year: 2025, month: 8, day: 17)!.weekday == .sunday)
        #expect(CivilDate(year: 1998, month: 1, day: 8)!.weekday == .thursday)
    }

    @Test func invalidDatesAreRejected() {
        #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2025, month: 13, day: 1) == nil)
    }

    @Test(arguments: [
        ("2025-03-15", "2025-W11"), ("2021-01-03", "2020-W53"), ("2021-01-04", "2021-W01"),
        ("2024-12-30", "2025-W01"), ("2026-12-31", "2026-W53"), ("2005-01-01", "2004-W53"),
    ])
    func isoWeeks(day: String, week: String) {
        #expect(CivilDate(iso: day)!.isoWeek.description == week)
    }

    @Test func monthArithmeticClampsTheDay() {
        #expect(CivilDate(year: 2025, month: 1, day: 31)!.adding(months: 1).description == "2025-02-28")
        #expect(CivilDate(year: 2024, month: 3, day: 31)!.adding(months: -1).description == "2024-02-29")
        #expect(CivilDate(year: 2025, month: 1, day: 15)!.adding(months: -13).description == "2023-12-15")
    }

    @Test func weekBounds() {
        let w = ISOWeek(year: 2025, week: 11)
        #expect(w.monday.description == "2025-03-10")
        #expect(w.sunday.description == "2025-03-16")
        #expect(ISOWeek.weeksIn(year: 2020) == 53)
        #expect(ISOWeek.weeksIn(year: 2025) == 52)
    }
}
