import Foundation

/// The generated site as the preview server sees it: request paths mapped to files inside the
/// output folder, never outside it, and each file's content type.
public struct StaticSite: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// What a request path names.
    public enum Lookup: Equatable, Sendable {
        case file(URL)
        /// A folder asked for without its trailing slash: relative links need it, so redirect.
        case redirect(String)
        case notFound
    }

    /// `path` is the decoded request path (`/articles/a.html`). A `.` or `..` segment, a backslash or a
    /// NUL is refused outright; what remains must resolve (symbolic links included) inside `root`.
    public func lookup(_ path: String) -> Lookup {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard path.hasPrefix("/"),
              segments.allSatisfy({ $0 != "." && $0 != ".." && !$0.contains("\\") && !$0.contains("\0") })
        else { return .notFound }
        var url = root
        for segment in segments { url.appendPathComponent(String(segment)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") else { return .redirect(path + "/") }
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return .notFound
            }
        }
        let base = root.resolvingSymlinksInPath().path
        guard url.resolvingSymlinksInPath().path.hasPrefix(base + "/") else { return .notFound }
        return .file(url)
    }

    /// Extension → `Content-Type`; text types say UTF-8, which is what the site is written in.
    /// Markdown is served as plain text so that browsers show it rather than download it.
    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "rss": "application/rss+xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "md": "text/plain; charset=utf-8",
        "markdown": "text/plain; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
    ]

    public static func contentType(of url: URL) -> String {
        contentTypes[url.pathExtension.lowercased()] ?? "application/octet-stream"
    }

    public static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }
}
