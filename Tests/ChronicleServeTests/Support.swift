import Foundation

/// Runs blocking work (socket reads, waits on the watcher) on a Dispatch thread, so that it never
/// holds one of the few threads Swift concurrency runs the server on.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

extension RawHTTP {
    static func fetch(_ target: String, port: UInt16, method: String = "GET") async throws -> Response {
        try await offPool { try get(target, port: port, method: method) }
    }
}

/// Collects values from another thread; `wait` blocks until a condition holds or a generous
/// guard time passes (only so that a broken test ends; nothing is asserted about time).
final class Inbox<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [T] = []

    func put(_ item: T) {
        condition.lock()
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    var all: [T] {
        condition.lock(); defer { condition.unlock() }
        return items
    }

    /// The items once `done(items)` holds, or nil after `guardSeconds`.
    func wait(guardSeconds: TimeInterval = 60, until done: ([T]) -> Bool) -> [T]? {
        let limit = Date(timeIntervalSinceNow: guardSeconds)
        condition.lock(); defer { condition.unlock() }
        while !done(items) {
            if !condition.wait(until: limit) { return done(items) ? items : nil }
        }
        return items
    }
}
