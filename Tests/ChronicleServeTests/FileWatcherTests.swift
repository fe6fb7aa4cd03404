import ChronicleServe
import ChronicleTestSupport
import Foundation
import Testing

/// The inotify watcher on a real folder. Waits are bounded by a generous guard, never timed.
@Suite struct FileWatcherTests {
    @Test func seesChangesInFoldersFilesAndNewSubfolders() async throws {
        let dir = try TemporaryDirectory("chronicle-watch")
        defer { dir.remove() }
        try dir.write("content/old.md", "old")
        try dir.write("public/index.html", "output")
        let content = dir.url.appendingPathComponent("content").path
        let inbox = Inbox<[String]>()
        let watcher = try FileWatcher(WatchList(folders: [dir.url.appendingPathComponent("content"),
                                                          dir.url.appendingPathComponent("templates")],
                                                files: [dir.url.appendingPathComponent("chronicle.yml")],
                                                ignoring: [dir.url.appendingPathComponent("public")])) { inbox.put($0) }
        watcher.start()
        defer { watcher.stop() }

        func waitFor(_ path: String) async throws -> [[String]]? {
            try await offPool { inbox.wait { $0.joined().contains(path) } }
        }

        try dir.write("content/.old.md.swp", "editor scratch")
        try dir.write("public/index.html", "a build, not a change")
        try dir.write("content/old.md", "edited")
        let edited = try await waitFor(content + "/old.md")
        #expect(edited != nil, "an edit was not seen: \(inbox.all)")

        try FileManager.default.createDirectory(atPath: content + "/2025", withIntermediateDirectories: false)
        #expect(try await waitFor(content + "/2025") != nil, "a new folder was not seen: \(inbox.all)")
        try dir.write("content/2025/new.md", "new")
        #expect(try await waitFor(content + "/2025/new.md") != nil, "a file in a new folder was not seen: \(inbox.all)")

        try dir.write("chronicle.yml", "title: T")
        #expect(try await waitFor(dir.url.appendingPathComponent("chronicle.yml").path) != nil, "\(inbox.all)")
        // templates/ did not exist when watching started.
        try dir.write("templates/index.html.mustache", "{{title}}")
        #expect(try await waitFor(dir.url.appendingPathComponent("templates").path) != nil, "\(inbox.all)")
        try dir.write("templates/index.html.mustache", "{{title}}!")
        #expect(try await waitFor(dir.url.appendingPathComponent("templates/index.html.mustache").path) != nil, "\(inbox.all)")

        let before = inbox.all.count
        try FileManager.default.removeItem(atPath: content + "/old.md")
        let all = try await offPool { inbox.wait { $0.dropFirst(before).joined().contains(content + "/old.md") } }
        #expect(all != nil, "a deletion was not seen: \(inbox.all)")
        let seen = inbox.all.joined()
        #expect(!seen.contains { $0.hasSuffix(".swp") || $0.contains("/public") }, "\(seen)")
    }

    @Test func everyFileOfABurstIsReportedOncePerBatch() async throws {
        let dir = try TemporaryDirectory("chronicle-watch")
        defer { dir.remove() }
        try dir.write("content/a.md", "a")
        let inbox = Inbox<[String]>()
        let watcher = try FileWatcher(WatchList(folders: [dir.url.appendingPathComponent("content")])) { inbox.put($0) }
        watcher.start()
        defer { watcher.stop() }
        for i in 0..<20 { try dir.write("content/burst-\(i).md", "\(i)") }
        let batches = try await offPool { inbox.wait { $0.joined().contains { $0.hasSuffix("burst-19.md") } } }
        let all = try #require(batches)
        #expect(all.allSatisfy { Set($0).count == $0.count }, "a path is reported once per batch: \(all)")
        #expect(Set(all.joined()) == Set((0..<20).map { dir.url.appendingPathComponent("content/burst-\($0).md").path }))
    }
}
