import ChronicleTime
import Testing

@Suite struct TimexValueTests {
    @Test(arguments: [
        "2025-03-15", "2025-W11", "2025-W11-WE", "2025-03", "2025-Q1", "2025-H2", "2025-SU", "2025", "199", "19", "020",
        "2025-03-15TMO", "2025-08-17TAF", "2025-08-17T14:00", "2025-08-17T14", "PRESENT_REF", "PAST_REF",
        "FUTURE_REF", "P3Y", "PT40M", "P30D", "PXY", "P1.5Y", "PT2H30M", "P2DE", "PXC", "XXXX-WXX-6", "1989-WXX", "XXXX-03-15",
    ])
    func roundTrips(value: String) {
        #expect(TimexValue(timex3: value)?.description == value)
    }

    @Test func grainsAndBounds() {
        let week = TimexValue(timex3: "2025-W11")!
        #expect(week.grain == .week)
        #expect(week.interval == DayInterval(CivilDate(iso: "2025-03-10")!, CivilDate(iso: "2025-03-16")!))
        #expect(TimexValue(timex3: "2025-W11-WE")!.interval?.start.description == "2025-03-15")
        #expect(TimexValue(timex3: "2024-02")!.interval?.end.description == "2024-02-29")
        #expect(TimexValue(timex3: "2024-WI")!.interval?.end.description == "2025-02-28")
        #expect(TimexValue(timex3: "199")!.interval?.start.description == "1990-01-01")
        #expect(TimexValue(timex3: "19")!.interval?.end.description == "1999-12-31")
        #expect(TimexValue(timex3: "P30D")!.interval == nil)
        #expect(TimexValue(timex3: "2025-08-17TAF")!.grain == .partOfDay)
    }

    @Test func decadesAndCenturiesWithTrailingXAreTheSameValues() {
        #expect(TimexValue(timex3: "199X") == TimexValue(timex3: "199"))
        #expect(TimexValue(timex3: "19XX") == TimexValue(timex3: "19"))
        #expect(TimexValue(timex3: "199X")?.description == "199")
    }

    @Test func malformedValuesAreRejected() {
        #expect(TimexValue(timex3: "") == nil)
        #expect(TimexValue(timex3: "P") == nil)
        #expect(TimexValue(timex3: "PD") == nil)
    }

    @Test func displayNames() {
        #expect(DisplayFormat.value(TimexValue(timex3: "2025-03-15")!) == "Sat 15 March 2025")
        #expect(DisplayFormat.value(TimexValue(timex3: "2025-W11")!) == "week of 10 March 2025")
        #expect(DisplayFormat.value(TimexValue(timex3: "2025-03")!) == "March 2025")
        #expect(DisplayFormat.value(TimexValue(timex3: "2022")!) == "2022")
    }
}
