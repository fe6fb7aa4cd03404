import ChronicleTestSupport
import Foundation
import Testing

/// `chronicle explain` on a fixture article, compared with its golden output
/// (`CHRONICLE_UPDATE_GOLDEN=1 swift test --filter ExplainTests` rewrites it).
@Suite struct ExplainTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/explain", isDirectory: true)

    @Test func explainsEachSentenceWithItsRuleAndEvidence() throws {
        let run = try ChronicleProcess.run(["explain", "ministry", "--site", Self.fixture.path])
        #expect(run.status == 0, "\(run.stderr)")
        let golden = Self.fixture.appendingPathComponent("explain.txt")
        if ProcessInfo.processInfo.environment["CHRONICLE_UPDATE_GOLDEN"] == "1" {
            try run.stdout.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(run.stdout == expected)
        // The saying and the reported happening are told apart, and the rule is named.
        #expect(run.stdout.contains("'on Thursday' in a past-tense sentence of an article published Sat 15 Mar 2025 → Thu 13 Mar 2025"))
        #expect(run.stdout.contains("dates the saying") && run.stdout.contains("dates what was reported"))
        #expect(run.stdout.contains("'2019' DATE 2019 [year, absolute]: not used, a reference point"))
    }
}
