import ChronicleServe
import ChronicleTestSupport
import Foundation
import Testing

/// The preview server against a small folder of files, on a port the system picks.
@Suite struct PreviewServerTests {
    /// A site folder `public/` and, beside it, a file that must never be served.
    func makeSite() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("chronicle-serve")
        try dir.write("public/index.html", "<!doctype html><html><head><title>Home</title></head><body><p>Home page</p></BODY></html>")
        try dir.write("public/style.css", "body { color: #222 }")
        try dir.write("public/app.js", "console.log('hi')")
        try dir.write("public/events.json", "{\"events\":[]}")
        try dir.write("public/feed.xml", "<?xml version=\"1.0\"?><rss></rss>")
        try dir.write("public/timeline.md", "# Timeline — ünïcode")
        try dir.write("public/articles/index.html", "<html><body>All articles</body></html>")
        try dir.write("public/articles/talks-begin.html", "<html><body>Talks begin</body></html>")
        try dir.write("public/fragment.html", "<p>no body tag</p>")
        try dir.write("secret.txt", "TOP SECRET")
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("public/leak.txt").path,
                                                   withDestinationPath: dir.url.appendingPathComponent("secret.txt").path)
        return dir
    }

    func withServer(_ dir: TemporaryDirectory, hub: ReloadHub = ReloadHub(),
                    _ body: (UInt16) async throws -> Void) async throws {
        let server = try PreviewServer(root: dir.url.appendingPathComponent("public"), hub: hub, port: 0)
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let port = try await server.port()
        try await body(port)
        await server.stop()
    }

    @Test func servesEachFileWithItsContentType() async throws {
        let dir = try makeSite()
        defer { dir.remove() }
        let expected = [
            "/index.html": "text/html; charset=utf-8",
            "/style.css": "text/css; charset=utf-8",
            "/app.js": "text/javascript; charset=utf-8",
            "/events.json": "application/json; charset=utf-8",
            "/feed.xml": "application/xml; charset=utf-8",
            "/timeline.md": "text/plain; charset=utf-8",
        ]
        try await withServer(dir) { port in
            for (path, type) in expected.sorted(by: { $0.key < $1.key }) {
                let response = try await RawHTTP.fetch(path, port: port)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
            }
            let markdown = try await RawHTTP.fetch("/timeline.md", port: port)
            #expect(markdown.text == "# Timeline — ünïcode")
            let css = try await RawHTTP.fetch("/style.css", port: port)
            #expect(css.text == "body { color: #222 }")
        }
    }

    @Test func htmlGetsTheReloadScriptOnlyWhenServed() async throws {
        let dir = try makeSite()
        defer { dir.remove() }
        try await withServer(dir) { port in
            let page = try await RawHTTP.fetch("/index.html", port: port)
            #expect(page.text.hasPrefix("<!doctype html><html><head><title>Home</title></head><body><p>Home page</p><script id=\"chronicle-live-reload\">"))
            #expect(page.text.hasSuffix("</script>\n</BODY></html>"))
            #expect(page.text.contains(ReloadScript.endpoint))
            #expect(page.headers["cache-control"] == "no-store")
            let fragment = try await RawHTTP.fetch("/fragment.html", port: port)
            #expect(fragment.text.hasPrefix("<p>no body tag</p><script id=\"chronicle-live-reload\">"))
            let script = try await RawHTTP.fetch("/app.js", port: port)
            #expect(!script.text.contains("chronicle-live-reload"))
        }
        #expect(try dir.read("public/index.html") == "<!doctype html><html><head><title>Home</title></head><body><p>Home page</p></BODY></html>")
    }

    @Test func foldersServeTheirIndex() async throws {
        let dir = try makeSite()
        defer { dir.remove() }
        try await withServer(dir) { port in
            let root = try await RawHTTP.fetch("/", port: port)
            #expect(root.status == 200)
            #expect(root.text.contains("Home page"))
            let folder = try await RawHTTP.fetch("/articles/", port: port)
            #expect(folder.status == 200)
            #expect(folder.text.contains("All articles"))
            let bare = try await RawHTTP.fetch("/articles", port: port)
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == "/articles/")
            let head = try await RawHTTP.fetch("/articles/talks-begin.html", port: port, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
        }
    }

    @Test func missingFilesAre404() async throws {
        let dir = try makeSite()
        defer { dir.remove() }
        try await withServer(dir) { port in
            for path in ["/nope.html", "/articles/nope.html", "/index.html/x", "/nothing/"] {
                let response = try await RawHTTP.fetch(path, port: port)
                #expect(response.status == 404, "\(path)")
                #expect(response.headers["content-type"] == "text/html; charset=utf-8")
                // The 404 page reloads itself once a build writes the page.
                #expect(response.text.contains("chronicle-live-reload"))
            }
            let post = try await RawHTTP.fetch("/index.html", port: port, method: "POST")
            #expect(post.status == 405)
        }
    }

    @Test func nothingOutsideTheOutputFolderIsServed() async throws {
        let dir = try makeSite()
        defer { dir.remove() }
        let attempts = ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/articles/../../secret.txt",
                        "/articles/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
                        "/..%5csecret.txt", "/leak.txt", "/./../secret.txt", "/%00/../secret.txt",
                        "/" + dir.url.appendingPathComponent("secret.txt").path]
        try await withServer(dir) { port in
            for target in attempts {
                let response = try await RawHTTP.fetch(target, port: port)
                #expect(!response.text.contains("TOP SECRET"), "\(target) leaked the file")
                // 404, or refused as malformed: 400, or the connection closed unanswered (0).
                #expect([404, 400, 0].contains(response.status), "\(target): \(response.status)")
            }
        }
    }

    @Test func theLookupRefusesDotSegmentsItself() throws {
        let site = StaticSite(root: URL(fileURLWithPath: "/tmp/site/public"))
        for path in ["/../x", "/a/../../x", "/./x", "/a\\..\\x", "x", "/a/\0/b"] {
            #expect(site.lookup(path) == .notFound, "\(path)")
        }
    }
}
