import ArgumentParser
import ChronicleModel
import ChronicleServe
import ChronicleSite
import Foundation

/// Prints the preview loop's builds: the changed files, then one line per build; every warning and
/// error goes to standard error as `file:line: error: …`. Lines are flushed at once, for pipes too.
final class PreviewReporter: @unchecked Sendable {
    private let clock = ContinuousClock()
    private let lock = NSLock()
    private var started: ContinuousClock.Instant?

    func report(_ event: PreviewSession.Event) {
        switch event {
        case .building(let changes):
            lock.withLock { started = clock.now }
            guard !changes.isEmpty else { return }
            let shown = changes.prefix(3).map(Self.display).joined(separator: ", ")
            say("changed: \(shown)\(changes.count > 3 ? " and \(changes.count - 3) more" : "")")
        case .built(let result, _):
            let elapsed = lock.withLock { started.map { clock.now - $0 } } ?? .zero
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            if let failure = result.failure {
                printError(failure.description)
                printError("build failed (\(BuildCommand.seconds(elapsed))): the last good site is still served")
            } else {
                say("built \(result.fileCount) files (\(BuildCommand.seconds(elapsed)))")
            }
        }
    }

    /// A path relative to the current folder when it lies below it.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}

/// Starts the session's watcher; the line telling what is watched, or a printed error and exit 1.
func startWatching(_ session: PreviewSession) throws -> String {
    do {
        try session.startWatching()
    } catch {
        printError("error: \(error)")
        throw ExitCode.failure
    }
    let watched = session.watchList.folders.map { PreviewReporter.display($0.path) + "/" }
        + session.watchList.files.map { PreviewReporter.display($0.path) }
    return "watching \(watched.joined(separator: ", ")); Ctrl-C stops"
}

/// Prints a line to standard output now, not when a pipe's buffer fills.
func say(_ line: String) {
    print(line)
    fflush(nil)
}

/// The pipe `StopSignal` waits on; a signal handler may only write to it (`write` is async-signal-safe).
nonisolated(unsafe) private var stopPipeWriteEnd: Int32 = -1

/// Blocks the calling (main) thread until Ctrl-C, SIGTERM or `fire()`.
final class StopSignal: Sendable {
    private let readEnd: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        readEnd = fds[0]
        stopPipeWriteEnd = fds[1]
        // A parent may have started us with these blocked (Foundation's Process does): unblock them.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
        for sig in [SIGINT, SIGTERM] {
            _ = signal(sig) { _ in
                var byte: UInt8 = 1
                _ = write(stopPipeWriteEnd, &byte, 1)
            }
        }
    }

    func fire() {
        var byte: UInt8 = 1
        _ = write(stopPipeWriteEnd, &byte, 1)
    }

    func wait() {
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
    }
}

/// A value shared between threads.
final class LockedValue<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T

    init(_ value: T) { self.value = value }

    func get() -> T { lock.withLock { value } }

    func set(_ newValue: T) { lock.withLock { value = newValue } }
}

/// Runs async work from synchronous command code (never from a Swift concurrency thread).
func blockingAwait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
    let semaphore = DispatchSemaphore(value: 0)
    let result = LockedValue<Result<T, any Error>?>(nil)
    Task {
        do { result.set(.success(try await operation())) } catch { result.set(.failure(error)) }
        semaphore.signal()
    }
    semaphore.wait()
    return try result.get()!.get()
}
