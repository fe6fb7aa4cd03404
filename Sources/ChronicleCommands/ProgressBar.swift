import Foundation

/// The line a terminal shows while a long step runs, redrawn in place on standard error:
/// `analyse ██████████░░░░░░░░░░  5,120/10,000  1,830/s`. Only on a terminal: piped or
/// redirected output gets the plain step lines alone.
final class ProgressBar: @unchecked Sendable {
    /// Redraw at most this often.
    static let interval: Duration = .milliseconds(100)
    static let barWidth = 24

    private let clock = ContinuousClock()
    private let lock = NSLock()
    private var task = ""
    private var taskStarted: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant
    private var visible = false

    init() {
        taskStarted = clock.now
        lastDrawn = clock.now - Self.interval
    }

    /// Whether standard error is a terminal (and not a dumb one).
    static var isTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Called from any thread as items finish.
    func update(task: String, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = clock.now
        if task != self.task {
            self.task = task
            taskStarted = now
        }
        guard total > 1, done < total, now - lastDrawn >= Self.interval else { return }
        lastDrawn = now
        let seconds = Self.seconds(now - taskStarted)
        let line = Self.line(task: task, done: done, total: total, perSecond: seconds > 0 ? Double(done) / seconds : nil)
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        visible = true
    }

    /// Erases the bar, before a step line is printed.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        guard visible else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        visible = false
    }

    /// The bar's text, without control characters.
    static func line(task: String, done: Int, total: Int, perSecond: Double?) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        var out = "\(task) \(bar) \(grouped(done))/\(grouped(total))"
        if let perSecond, perSecond.isFinite { out += "  \(grouped(Int(perSecond.rounded())))/s" }
        return out
    }

    /// 12345 → "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
