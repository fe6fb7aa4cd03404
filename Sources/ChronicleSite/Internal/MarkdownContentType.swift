import ChronicleMarkdown
import Mustache

/// `{{% CONTENT_TYPE: MARKDOWN }}`: `{{name}}` escapes Markdown punctuation instead of HTML, so
/// article text shows on GitHub exactly as written; `{{{name}}}` stays raw (for URLs).
struct MarkdownContentType: MustacheContentType {
    static func register() {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
    }

    func escapeText(_ text: String) -> String {
        MarkdownEscape.text(text)
    }
}

/// Backslash-escapes the characters that could start Markdown or HTML markup inside a line.
enum MarkdownEscape {
    /// `#`, `+`, `-` and digits only matter at the start of a line, but escaping them everywhere is
    /// harmless and simpler; `&` stops entity references, `<` raw HTML, `|` table cells.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "#", "!", "{", "}"]
    /// The bytes `text` changes: the special characters, and line breaks.
    private static let specialBytes: [Bool] = (0..<256).map { b in
        b == 0x0A || b == 0x0D || special.contains { $0.asciiValue == UInt8(b) }
    }

    /// Whether `text` changes the byte: a special character or a line break.
    @inline(__always)
    static func changes(_ b: UInt8) -> Bool { specialBytes.withUnsafeBufferPointer { $0[Int(b)] } }

    static func text(_ text: String) -> String {
        // Every special character is ASCII: text without one (most titles) is its own escape.
        if !text.utf8.contains(where: changes) { return text }
        var out = ""
        for c in text {
            if c == "\n" || c == "\r" {
                out.append(" ")  // one event, one list item
            } else {
                if special.contains(c) { out.append("\\") }
                out.append(c)
            }
        }
        return out
    }
}

/// `{{% CONTENT_TYPE: HTML }}`: the library's own HTML escaping (`&`, `<`, `>`, `"`, `'`), done on
/// UTF-8 bytes instead of a dictionary lookup per character, which made escaping the largest
/// single cost of rendering a big site. The built-in templates declare it; a template without
/// the line gets the library's escaping, with the same result.
struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscape.attribute(text) }
}
