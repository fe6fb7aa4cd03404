import Foundation

/// Small helpers for http(s) URLs: which strings are web URLs, resolving relative links, comparing articles.
public enum WebURL {
    public static func isWeb(_ s: String) -> Bool {
        let lower = s.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && lower.count > 8
            && !s.contains(where: { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    /// `href` made absolute against `base`; nil unless the result is http(s).
    static func resolve(_ href: String, against base: String?) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if isWeb(trimmed) { return trimmed }
        guard let base, let baseURL = URL(string: base), let url = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL.absoluteString,
              isWeb(url) else { return nil }
        return url
    }

    /// The URL without `utm_…`, `fbclid` and `gclid` query parameters (what a share link adds).
    static func withoutTracking(_ s: String) -> String {
        guard let q = s.firstIndex(of: "?") else { return s }
        let end = s.firstIndex(of: "#") ?? s.endIndex
        guard q < end else { return s }
        let kept = s[s.index(after: q)..<end].split(separator: "&").filter { !isTracking($0) }
        return String(s[..<q]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + s[end...]
    }

    static func isTracking(_ parameter: Substring) -> Bool {
        parameter.hasPrefix("utm_") || parameter.hasPrefix("fbclid=") || parameter.hasPrefix("gclid=")
    }

    /// The form two URLs of one article share: no scheme, no `www.`, no fragment, no tracking parameters, no trailing slash.
    public static func normalised(_ s: String) -> String {
        var rest = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = rest.firstIndex(of: "#") { rest = String(rest[..<hash]) }
        if let range = rest.range(of: "://") { rest = String(rest[range.upperBound...]) }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = String(rest[hostEnd...])
        if let q = path.firstIndex(of: "?") {
            let kept = path[path.index(after: q)...].split(separator: "&").filter { !isTracking($0) }
            path = String(path[..<q]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        }
        while path.hasSuffix("/") { path.removeLast() }
        return host + path
    }
}
