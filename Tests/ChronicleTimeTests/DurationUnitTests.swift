import ChronicleTime
import Testing

/// Duration units the tagger writes beyond the ISO set: quarters (`P2Q`, as TimeBank does).
@Suite struct DurationUnitTests {
    @Test(arguments: ["P2Q", "PXQ", "P1Y2Q"])
    func quarterDurationsRoundTrip(value: String) {
        #expect(TimexValue(timex3: value)?.description == value)
    }
}

