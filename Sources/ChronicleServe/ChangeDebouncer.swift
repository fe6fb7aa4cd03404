/// Gathers a burst of file events into one batch: an editor's save is several events (write a
/// temporary file, rename it over the old one, change its attributes) and a `git checkout` many more.
///
/// A batch is due once no event has come for `quietPeriod`, or `maxDelay` after its first event when
/// the events never stop. The caller passes the times in, so the policy is tested without waiting.
public struct ChangeDebouncer<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    public let quietPeriod: Duration
    public let maxDelay: Duration
    private(set) var paths: [String] = []
    private var seen: Set<String> = []
    private var first: Instant?
    private var last: Instant?

    public init(quietPeriod: Duration = .milliseconds(100), maxDelay: Duration = .seconds(1)) {
        self.quietPeriod = quietPeriod
        self.maxDelay = maxDelay
    }

    public mutating func add(_ path: String, at now: Instant) {
        if first == nil { first = now }
        last = now
        if seen.insert(path).inserted { paths.append(path) }
    }

    /// When the pending batch falls due; nil when nothing is pending.
    public var deadline: Instant? {
        guard let first, let last else { return nil }
        let quiet = last.advanced(by: quietPeriod), latest = first.advanced(by: maxDelay)
        return quiet < latest ? quiet : latest
    }

    /// The changed paths, in the order first seen, once the batch is due; nil before.
    public mutating func flush(at now: Instant) -> [String]? {
        guard let deadline, now >= deadline else { return nil }
        // Not `defer { self = ChangeDebouncer(…) }; return paths`: Swift 6.3.1 -O freed the
        // returned array with the old value (AddressSanitizer: heap-use-after-free in the caller).
        let batch = paths
        paths = []
        seen = []
        first = nil
        last = nil
        return batch
    }
}
