@testable import ChronicleImport
import ChronicleTestSupport
import Foundation
import Testing

/// Downloads go through URLSession over real HTTP to a server on 127.0.0.1 started by the test.
@Suite(.serialized) struct PageFetcherTests {
    static let page = "<html><head><title>Loopback story | Test Wire</title></head><body><p>Hello over HTTP, from the loopback server, with commas.</p></body></html>"

    @Test func fetchesAPageAndFollowsRedirects() throws {
        let server = try LoopbackServer(routes: ["/article": .html(Self.page), "/old": .redirect(to: "/article")])
        defer { server.stop() }
        let page = try PageFetcher(timeout: 5).fetch(server.url("/old"))
        #expect(String(decoding: page.bytes, as: UTF8.self) == Self.page)
        #expect(page.finalURL == server.url("/article"))
        #expect(page.contentType?.hasPrefix("text/html") == true)
    }

    @Test func reportsHTTPErrors() throws {
        let server = try LoopbackServer(routes: [:])
        defer { server.stop() }
        #expect(throws: PageFetcher.FetchError.status(404)) { try PageFetcher(timeout: 5).fetch(server.url("/missing")) }
    }

    @Test(arguments: [true, false])
    func abortsPagesOverTheSizeLimit(declaresLength: Bool) throws {
        let big = LoopbackServer.Response(body: [UInt8](repeating: UInt8(ascii: "x"), count: 300_000), declaresLength: declaresLength)
        let server = try LoopbackServer(routes: ["/big": big])
        defer { server.stop() }
        #expect(throws: PageFetcher.FetchError.tooLarge(limit: 50_000)) {
            try PageFetcher(timeout: 5, maximumBytes: 50_000).fetch(server.url("/big"))
        }
    }

    @Test func givesUpAfterTheTimeout() throws {
        var slow = LoopbackServer.Response.html(Self.page)
        slow.delay = 3
        let server = try LoopbackServer(routes: ["/slow": slow])
        defer { server.stop() }
        let started = Date()
        #expect(throws: PageFetcher.FetchError.timedOut(seconds: 1)) { try PageFetcher(timeout: 1).fetch(server.url("/slow")) }
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test func importsAURLWithTheFinalURLAsCanonical() throws {
        let server = try LoopbackServer(routes: ["/story": .html(Self.page), "/s": .redirect(to: "/story")])
        defer { server.stop() }
        let site = try TemporaryDirectory()
        defer { site.remove() }
        var importer = ArticleImporter(contentDirectory: site.url.appendingPathComponent("content"), config: .init(),
                                       options: ImportOptions(published: "2025-03-15"), fetcher: PageFetcher(timeout: 5))
        let outcome = importer.add(server.url("/s"))
        guard case .added(let path, let title, let source, let date, _) = outcome else {
            Issue.record("not added: \(outcome.line)")
            return
        }
        #expect(path.hasSuffix("content/2025-03-15-loopback-story.md"))
        #expect((title, source, date) == ("Loopback story", "Test Wire", "2025-03-15"))
        let text = try site.read("content/2025-03-15-loopback-story.md")
        #expect(text.contains("url: \"\(server.url("/story"))\""))
        #expect(text.contains("Hello over HTTP"))
        #expect(importer.add(server.url("/missing")) == .failed(input: server.url("/missing"), message: "the server answered HTTP 404"))
    }
}
