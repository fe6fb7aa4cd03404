/// Escaping and URL filtering for HTML output, shared by the Markdown renderer and the site.
public enum HTMLEscape {
    /// Escapes text content: `&`, `<` and `>` (quotes are harmless between tags).
    public static func text(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// Escapes an attribute value meant to be written between double quotes; also escapes `'`
    /// so the value stays safe if a template author quotes it with single quotes.
    public static func attribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    private static func escape(_ s: String, quotes: Bool) -> String {
        // Fast path: most text needs nothing.
        if !s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27)) }) {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Returns `url` unchanged, or "" when its scheme could run code or read local files
    /// (`javascript:`, `vbscript:`, `file:`, `data:` other than PNG, GIF, JPEG and WebP images),
    /// the rule cmark applies in safe mode.
    public static func safeURL(_ url: String) -> String {
        // Browsers ignore leading whitespace and control characters and tabs/newlines inside
        // the scheme, so "java\tscript:" must be caught too.
        let scheme = String(url.unicodeScalars.filter { $0.value > 0x20 }.prefix(32)).lowercased()
        let dangerous = ["javascript:", "vbscript:", "file:", "data:"]
        guard dangerous.contains(where: { scheme.hasPrefix($0) }) else { return url }
        let allowedImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if allowedImages.contains(where: { scheme.hasPrefix($0) }) { return url }
        return ""
    }
}
