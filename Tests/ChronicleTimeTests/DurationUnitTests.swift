import ChronicleTime
import Testing

/// Duration units the tagger writes beyond the ISO set: quarters (`P2Q`, as TimeBank does).
@Suite struct DurationUnitTests {
    @Test(arguments: ["P2Q", "PXQ", "P1Y2Q"])
    func quarterDurationsRoundTrip(value: String) {
        #expect(TimexValue(timex3: value)?.description == value)
    }
}

/// TimeBank's spelling of decades and centuries, used for TimeML output and scoring.
@Suite struct TimeMLSpellingTests {
    @Test func decadesAndCenturiesKeepTheirKnownDigits() {
        #expect(TimexValue.decade(199).timeMLValue == "199")
        #expect(TimexValue.century(19).timeMLValue == "19")
        #expect(TimexValue.decade(199).description == "199X")
        #expect(TimexValue.year(1999).timeMLValue == "1999")
    }
}
