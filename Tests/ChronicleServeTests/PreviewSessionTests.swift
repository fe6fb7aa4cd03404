import ChronicleServe
import ChronicleSite
import ChronicleTestSupport
import Foundation
import Testing

/// The whole preview loop on a small site: the watcher sees a save, the site is rebuilt, the page
/// waiting on the reload endpoint hears of it, and a broken build shows its errors over the last
/// good site, which keeps being served.
@Suite struct PreviewSessionTests {
    static let config = """
        title: "Preview fixture"
        timezone: Europe/London

        """

    static func article(title: String) -> String {
        """
        ---
        title: "\(title)"
        date: 2025-03-15
        source: "Capitol Courier"
        timezone: America/New_York
        ---
        Envoys from both sides met in Geneva on Friday but failed to agree a 30-day ceasefire.

        """
    }

    static let broken = """
        ---
        title: "Geneva talks
        date: 2025-03-15
        ---
        The front matter never closes its quote.

        """

    /// Long-polls the reload endpoint until a status satisfies `done` (a few rounds at most).
    func waitForBuild(port: UInt16, after generation: Int, until done: (BuildStatus) -> Bool) async throws -> BuildStatus {
        var seen = generation
        for _ in 0..<10 {
            let response = try await RawHTTP.fetch("\(ReloadScript.endpoint)?after=\(seen)", port: port)
            #expect(response.headers["content-type"] == "application/json; charset=utf-8")
            let status = try JSONDecoder().decode(BuildStatus.self, from: response.body)
            if done(status) { return status }
            seen = status.generation
        }
        Issue.record("no build reached the expected state")
        return BuildStatus(generation: seen, errors: [])
    }

    @Test func aBrokenBuildShowsItsErrorsOverTheLastGoodSite() async throws {
        let dir = try TemporaryDirectory("chronicle-preview")
        defer { dir.remove() }
        try dir.write("chronicle.yml", Self.config)
        try dir.write("content/talks.md", Self.article(title: "Geneva talks end without a deal"))
        let events = Inbox<String>()
        let session = PreviewSession(build: SiteBuild(siteDirectory: dir.url, writesWithArticleErrors: false)) { event in
            if case .built(let result, _) = event { events.put(result.wroteOutput ? "wrote" : "failed") }
        }
        #expect(session.buildNow().wroteOutput)
        #expect(session.hub.status == BuildStatus(generation: 1, errors: []))

        let server = try PreviewServer(root: session.build.outputDirectory, hub: session.hub, port: 0)
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let port = try await server.port()
        try session.startWatching()
        defer { session.stop() }

        let good = try await RawHTTP.fetch("/", port: port)
        #expect(good.status == 200)
        #expect(good.text.contains("Geneva talks end without a deal"))
        #expect(good.text.contains(#"var state = {"errors":[],"generation":1};"#))

        // Save a broken article: the page waiting on generation 1 hears of the failed build.
        try dir.write("content/talks.md", Self.broken)
        let failed = try await waitForBuild(port: port, after: 1) { !$0.errors.isEmpty }
        #expect(failed.errors.contains { $0.contains("content/talks.md:2: error: malformed YAML") }, "\(failed.errors)")
        #expect(failed.errors.last == "error: 1 article could not be read; the site was not written")

        let stale = try await RawHTTP.fetch("/", port: port)
        #expect(stale.status == 200)
        #expect(stale.text.contains("Geneva talks end without a deal"), "the last good site is served")
        #expect(stale.text.contains("content/talks.md:2: error: malformed YAML"), "the page carries the errors for its overlay")
        let onDisk = try dir.read("public/index.html")
        #expect(onDisk.contains("Geneva talks end without a deal"))
        #expect(!onDisk.contains("chronicle-live-reload"), "the script is never written to public/")

        // Fixed: the next build writes the site and the waiting page is told to reload.
        try dir.write("content/talks.md", Self.article(title: "Geneva talks resume"))
        let fixed = try await waitForBuild(port: port, after: failed.generation) { $0.errors.isEmpty }
        #expect(fixed.generation > failed.generation)
        let fresh = try await RawHTTP.fetch("/", port: port)
        #expect(fresh.text.contains("Geneva talks resume"))

        // A template error fails the build the same way.
        try dir.write("templates/index.html.mustache", "{{#events}}never closed")
        let badTemplate = try await waitForBuild(port: port, after: fixed.generation) { !$0.errors.isEmpty }
        #expect(badTemplate.errors.contains { $0.contains("templates/index.html.mustache") }, "\(badTemplate.errors)")
        #expect(try await RawHTTP.fetch("/", port: port).text.contains("Geneva talks resume"))
        #expect(events.all.first == "wrote" && events.all.contains("failed"))
        await server.stop()
    }

    @Test func theReloadEndpointAnswersWhenABuildFinishes() async throws {
        let dir = try TemporaryDirectory("chronicle-preview")
        defer { dir.remove() }
        try dir.write("public/index.html", "<html><body>x</body></html>")
        let hub = ReloadHub()
        let server = try PreviewServer(root: dir.url.appendingPathComponent("public"), hub: hub, port: 0)
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let port = try await server.port()

        async let waiting = RawHTTP.fetch("\(ReloadScript.endpoint)?after=0", port: port)
        // The page was served at generation 0; whether the poll arrives before or after this build,
        // it answers with generation 1.
        hub.publish(errors: [])
        let status = try JSONDecoder().decode(BuildStatus.self, from: try await waiting.body)
        #expect(status == BuildStatus(generation: 1, errors: []))

        // A page served at an older generation hears at once.
        let stale = try await RawHTTP.fetch("\(ReloadScript.endpoint)?after=0", port: port)
        #expect(try JSONDecoder().decode(BuildStatus.self, from: stale.body).generation == 1)
        await server.stop()
    }

    @Test func aLongPollEndsUnchangedAfterItsTimeout() async {
        let hub = ReloadHub()
        let status = await hub.next(after: 0, timeout: .milliseconds(10))
        #expect(status == BuildStatus(generation: 0, errors: []))
    }

    @Test func theStateIsSafeInsideTheScriptElement() {
        let page = ReloadScript.inject(into: Data("<body></body>".utf8),
                                       status: BuildStatus(generation: 3, errors: ["a.md:1: error: </script><b>"]))
        let text = String(decoding: page, as: UTF8.self)
        #expect(text.contains(#""a.md:1: error: <\/script><b>""#))
        #expect(text.components(separatedBy: "</script>").count == 2)
    }
}
