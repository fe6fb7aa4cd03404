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
        // On UTF-8 bytes: the escaped characters are ASCII, never part of a longer character.
        func isSpecial(_ b: UInt8) -> Bool { b == 0x26 || b == 0x3C || b == 0x3E || (quotes && (b == 0x22 || b == 0x27)) }
        var copy = s
        let escaped = copy.withUTF8 { bytes -> String? in
            // Fast path: most text needs nothing.
            guard let first = bytes.firstIndex(where: isSpecial) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for b in UnsafeBufferPointer(rebasing: bytes[first...]) {
                guard isSpecial(b) else { out.append(b); continue }
                switch b {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                default: out.append(contentsOf: "&#39;".utf8)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? s
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
