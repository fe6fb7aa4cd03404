import FlyingFox
import FlyingSocks
import Foundation

/// Serves the output folder on 127.0.0.1 with the live-reload script added to every HTML page,
/// and the long-poll endpoint that script waits on.
public final class PreviewServer: Sendable {
    let server: HTTPServer

    /// `port` 0 lets the system pick a free one (see `port()`).
    public init(root: URL, hub: ReloadHub, port: UInt16, longPoll: Duration = .seconds(25)) throws {
        let handler = PreviewHandler(site: StaticSite(root: root), hub: hub, longPoll: longPoll)
        // The request timeout must outlast a long poll.
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port),
                            timeout: Self.seconds(longPoll) + 30, logger: .disabled, handler: handler)
    }

    /// Serves until the task is cancelled or `stop()` is called.
    public func run() async throws {
        try await server.run()
    }

    /// The port the server listens on, once it does.
    public func port() async throws -> UInt16 {
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw SocketError.unsupportedAddress }
        return port
    }

    public func stop() async {
        await server.stop(timeout: 1)
    }

    /// A server error in a user's words: "the port is in use" rather than a socket error's dump.
    public static func describe(_ error: any Error) -> String {
        switch error as? SocketError {
        case .failed(let call, let code, let message)?:
            code == EADDRINUSE ? "the port is in use (choose another with --port)" : "\(call.lowercased()): \(message)"
        default:
            "\(error)"
        }
    }

    private static func seconds(_ d: Duration) -> TimeInterval {
        TimeInterval(d.components.seconds) + TimeInterval(d.components.attoseconds) / 1e18
    }
}

/// One request: the reload endpoint, or a file of the site.
struct PreviewHandler: HTTPHandler {
    let site: StaticSite
    let hub: ReloadHub
    let longPoll: Duration

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            let headers: HTTPHeaders = [HTTPHeader("Allow"): "GET, HEAD"]
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        // The path as sent, decoded: FlyingFox's `request.path` is normalised and loses a folder's
        // trailing slash; `StaticSite` refuses dot segments itself.
        let path = request.target.path(percentEncoded: false)
        if path == ReloadScript.endpoint {
            let after = request.query["after"].flatMap { Int($0) } ?? -1
            let status = await hub.next(after: after, timeout: longPoll)
            return respond(request, .ok, type: "application/json; charset=utf-8", body: try JSONEncoder().encode(status))
        }
        // The status before the file: a page never claims a build newer than its bytes, so at worst
        // it reloads once more than needed, never once too few.
        let status = hub.status
        switch site.lookup(path) {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else { return notFound(request, status) }
            let type = StaticSite.contentType(of: url)
            let body = StaticSite.isHTML(type) ? ReloadScript.inject(into: data, status: status) : data
            return respond(request, .ok, type: type, body: body)
        case .redirect(let folder):
            let location = folder.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? folder
            let headers: HTTPHeaders = [.location: location, .cacheControl: "no-store"]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .notFound:
            return notFound(request, status)
        }
    }

    /// A small HTML page, with the reload script: it turns into the page as soon as a build writes it.
    func notFound(_ request: HTTPRequest, _ status: BuildStatus) -> HTTPResponse {
        let path = request.target.path(percentEncoded: false).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let page = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Not found</title></head>
            <body><h1>Not found</h1><p><code>\(path)</code> is not in the site. <a href="/">Home</a></p></body></html>

            """
        return respond(request, .notFound, type: "text/html; charset=utf-8",
                       body: ReloadScript.inject(into: Data(page.utf8), status: status))
    }

    func respond(_ request: HTTPRequest, _ code: HTTPStatusCode, type: String, body: Data) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: code, headers: headers)
        }
        return HTTPResponse(statusCode: code, headers: headers, body: body)
    }
}
