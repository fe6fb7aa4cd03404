import ChronicleServe
import Testing

/// The debounce policy, with the times passed in (no waiting, no clock).
@Suite struct ChangeDebouncerTests {
    let start = ContinuousClock.now
    func at(_ ms: Int) -> ContinuousClock.Instant { start.advanced(by: .milliseconds(ms)) }

    @Test func aBurstIsOneBatchOnceQuiet() {
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(100), maxDelay: .seconds(1))
        #expect(debouncer.deadline == nil)
        debouncer.add("content/a.md", at: at(0))
        debouncer.add("content/.a.md.swp", at: at(5))
        debouncer.add("content/a.md", at: at(30))
        #expect(debouncer.deadline == at(130))
        #expect(debouncer.flush(at: at(129)) == nil)
        #expect(debouncer.flush(at: at(130)) == ["content/a.md", "content/.a.md.swp"])
        #expect(debouncer.deadline == nil)
        #expect(debouncer.flush(at: at(500)) == nil)
    }

    @Test func eachEventPushesTheDeadline() {
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(100), maxDelay: .seconds(1))
        debouncer.add("a", at: at(0))
        debouncer.add("b", at: at(90))
        #expect(debouncer.flush(at: at(150)) == nil)
        #expect(debouncer.flush(at: at(190)) == ["a", "b"])
    }

    @Test func endlessEventsStillFlushAfterTheLongestDelay() {
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(100), maxDelay: .seconds(1))
        for ms in stride(from: 0, through: 990, by: 50) { debouncer.add("log-\(ms % 100)", at: at(ms)) }
        #expect(debouncer.deadline == at(1000))
        #expect(debouncer.flush(at: at(999)) == nil)
        #expect(debouncer.flush(at: at(1000)) == ["log-0", "log-50"])
    }
}
