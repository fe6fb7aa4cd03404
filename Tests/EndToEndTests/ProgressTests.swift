@testable import ChronicleCommands
import ChronicleTestSupport
import Foundation
import Testing

/// Long builds show a progress bar on a terminal; piped output stays plain step lines.
@Suite struct ProgressTests {
    @Test func theBarShowsCountsAndRate() {
        #expect(ProgressBar.line(task: "analyse", done: 5_120, total: 10_000, perSecond: 1_830.4)
            == "analyse ████████████░░░░░░░░░░░░ 5,120/10,000  1,830/s")
        #expect(ProgressBar.line(task: "read", done: 0, total: 3, perSecond: nil) == "read ░░░░░░░░░░░░░░░░░░░░░░░░ 0/3")
        #expect(ProgressBar.grouped(1_234_567) == "1,234,567")
    }

    @Test func pipedOutputIsPlainLines() throws {
        let dir = try TemporaryDirectory("chronicle-progress")
        defer { dir.remove() }
        for i in 0..<30 {
            _ = try dir.write("content/a\(i).md", "---\ntitle: A \(i)\ndate: 2025-03-\(10 + i % 15)\n---\nLeaders met in Geneva on Tuesday, officials said.\n")
        }
        let run = try ChronicleProcess.run(["build", "--site", dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.hasPrefix("[") })
        #expect(!run.stdout.contains("\r") && !run.stderr.contains("\r"))
        #expect(!run.stderr.contains("█") && !run.stderr.contains("\u{1B}"))
    }
}
