import ChronicleTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `chronicle serve` and `chronicle watch` as a user runs them: the first build, the address
/// printed, the page served, and Ctrl-C stopping cleanly.
@Suite struct ServeCommandTests {
    /// Starts `chronicle ARGS` and returns it with its standard output's lines as they come.
    func start(_ arguments: [String], in directory: URL) throws -> (Process, Lines) {
        let process = Process()
        process.executableURL = ChronicleProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let lines = Lines()
        out.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { lines.append(data) }
        }
        try process.run()
        return (process, lines)
    }

    /// Standard output so far, waited on with a generous guard (not a timing assertion).
    final class Lines: @unchecked Sendable {
        private let condition = NSCondition()
        private var text = ""

        func append(_ data: Data) {
            condition.lock()
            text += String(decoding: data, as: UTF8.self)
            condition.broadcast()
            condition.unlock()
        }

        func wait(for needle: String) -> String? {
            wait { $0.contains(needle) }
        }

        func wait(guardSeconds: TimeInterval = 120, until done: (String) -> Bool) -> String? {
            let limit = Date(timeIntervalSinceNow: guardSeconds)
            condition.lock(); defer { condition.unlock() }
            while !done(text) {
                if !condition.wait(until: limit) { break }
            }
            return done(text) ? text : nil
        }
    }

    /// Sends `sig` and waits for the exit (killing the process after a generous guard).
    func stop(_ process: Process, with sig: Int32) async -> Int32 {
        kill(process.processIdentifier, sig)
        return await Task.detached {
            let limit = Date(timeIntervalSinceNow: 60)
            while process.isRunning && Date() < limit { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationStatus
        }.value
    }

    func siteFolder() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("chronicle-serve-e2e")
        let source = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/valid")
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: dir.url.appendingPathComponent(item))
        }
        return dir
    }

    @Test func serveBuildsServesAndStopsOnCtrlC() async throws {
        let dir = try siteFolder()
        defer { dir.remove() }
        let (process, lines) = try start(["serve", "--port", "0"], in: dir.url)
        defer { if process.isRunning { process.terminate() } }
        let output = try #require(await Task.detached { lines.wait(for: "Ctrl-C stops") }.value, "serve did not start")
        #expect(output.contains("built "))
        let address = try #require(output.firstMatch(of: /at (http:\/\/127\.0\.0\.1:\d+\/)/)?.1)
        let (data, response) = try await URLSession.shared.data(from: URL(string: String(address))!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let page = String(decoding: data, as: UTF8.self)
        #expect(page.contains("Fixture timeline"))
        #expect(page.contains("chronicle-live-reload"))
        #expect(!(try dir.read("public/index.html")).contains("chronicle-live-reload"))

        #expect(await stop(process, with: SIGINT) == 0)
    }

    @Test func watchRebuildsAfterASave() async throws {
        let dir = try siteFolder()
        defer { dir.remove() }
        let (process, lines) = try start(["watch"], in: dir.url)
        defer { if process.isRunning { process.terminate() } }
        #expect(await Task.detached { lines.wait(for: "Ctrl-C stops") }.value != nil, "watch did not start")
        let article = try dir.read("content/talks-end.txt")
        try dir.write("content/talks-end.txt", article.replacingOccurrences(of: "Geneva talks end without a deal",
                                                                            with: "Geneva talks collapse"))
        // The save is reported, then a build after it.
        let rebuilt = await Task.detached {
            lines.wait { $0.components(separatedBy: "changed: content/talks-end.txt").dropFirst().joined().contains("built ") }
        }.value
        #expect(rebuilt != nil, "the save was not rebuilt: \(lines.wait { _ in true } ?? "")")
        #expect(try dir.read("public/index.html").contains("Geneva talks collapse"))

        #expect(await stop(process, with: SIGTERM) == 0)
    }
}
