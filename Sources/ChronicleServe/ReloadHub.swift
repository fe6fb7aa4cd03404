import Foundation

/// Where the preview stands: how many builds have finished, and the errors of the last one.
public struct BuildStatus: Sendable, Codable, Equatable {
    /// Counts finished builds, failed ones included; pages reload when it changes.
    public var generation: Int
    /// `file:line: error: …` lines of the last build; empty when it wrote the site.
    public var errors: [String]

    public init(generation: Int, errors: [String]) {
        self.generation = generation
        self.errors = errors
    }
}

/// Tells open pages that a build finished: a page long-polls `next(after:)` with the generation
/// it was served at, and the answer comes as soon as another build has finished.
public final class ReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var current = BuildStatus(generation: 0, errors: [])
    private var waiters: [UUID: CheckedContinuation<BuildStatus, Never>] = [:]

    public init() {}

    public var status: BuildStatus {
        lock.withLock { current }
    }

    /// Records a finished build and wakes every waiting page.
    @discardableResult
    public func publish(errors: [String]) -> BuildStatus {
        let (status, woken) = lock.withLock {
            current = BuildStatus(generation: current.generation + 1, errors: errors)
            defer { waiters.removeAll() }
            return (current, Array(waiters.values))
        }
        for waiter in woken { waiter.resume(returning: status) }
        return status
    }

    /// The status once its generation differs from `generation` (at once if it already does), or
    /// the unchanged status after `timeout`, so that a long poll never outlives a proxy's patience.
    /// A different generation, not a larger one: after a restart of the server the count starts again.
    public func next(after generation: Int, timeout: Duration) async -> BuildStatus {
        let id = UUID()
        return await withCheckedContinuation { continuation in
            let ready: BuildStatus? = lock.withLock {
                if current.generation != generation { return current }
                waiters[id] = continuation
                return nil
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                self?.expire(id)
            }
        }
    }

    private func expire(_ id: UUID) {
        let (waiter, status) = lock.withLock { (waiters.removeValue(forKey: id), current) }
        waiter?.resume(returning: status)
    }
}
