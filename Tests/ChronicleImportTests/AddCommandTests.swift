import ChronicleTestSupport
import Foundation
import Testing

/// `chronicle add` as a user runs it: output lines, exit codes, and a site that builds from what it wrote.
struct AddCommandTests {
    /// An error in a file's own front matter is shown as `chronicle build` shows it; it was wrapped
    /// in a second prefix (`error: FILE: FILE:2: error: …`).
    @Test func badFrontMatterIsReportedByFileAndLineOnce() throws {
        let site = try TemporaryDirectory("chronicle-add")
        defer { site.remove() }
        let bad = try site.write("saved/bad.md", "---\ntitle: [unclosed\ndate: 2025-03-02\n---\nLeaders met on Sunday.\n")
        let run = try ChronicleProcess.run(["add", bad.path, "--site", site.path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(bad.path):2: error: malformed YAML front matter: "), "\(run.stderr)")
        #expect(!run.stderr.contains("error: \(bad.path): "), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("content").path))
    }

    @Test func addsSkipsAndFailsWithOneLineEach() throws {
        let site = try TemporaryDirectory("chronicle-add")
        defer { site.remove() }
        try site.write("chronicle.yml", "title: Test\ntimezone: Europe/London\n")
        let notes = try site.write("notes.txt", "Leaders met in London on Sunday to agree a plan.\n")
        let page = Fixtures.url("news-jsonld.html").path
        let first = try ChronicleProcess.run(["add", page, "--site", site.path])
        #expect(first.status == 0)
        #expect(first.stdout == "added \(site.path)/content/2025-03-02-leaders-back-peacekeeping-plan-at-london-summit.md (Leaders back peacekeeping plan at London summit, The Daily Ledger, 2025-03-02)\n")

        let second = try ChronicleProcess.run(["add", page, notes.path, "--site", site.path])
        #expect(second.status == 1)
        #expect(second.stdout == "skipped \(page): duplicate of \(site.path)/content/2025-03-02-leaders-back-peacekeeping-plan-at-london-summit.md\n")
        #expect(second.stderr == "error: \(notes.path): plain text without front matter needs --title and --published (and optionally --source, --url, --timezone)\n")

        let third = try ChronicleProcess.run(["add", notes.path, "--title", "Plan agreed", "--published", "2025-03-02"], in: site.url)
        #expect(third.status == 0)
        #expect(third.stdout == "added content/2025-03-02-plan-agreed.txt (Plan agreed, 2025-03-02)\n")

        let build = try ChronicleProcess.run(["build", "--quiet"], in: site.url)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/articles/2025-03-02-plan-agreed.html").path))
    }
}
