import Mustache

/// `{{% CONTENT_TYPE: MARKDOWN }}`: `{{name}}` escapes Markdown punctuation instead of HTML, so
/// article text shows on GitHub exactly as written; `{{{name}}}` stays raw (for URLs).
struct MarkdownContentType: MustacheContentType {
    static func register() {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
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

    static func text(_ text: String) -> String {
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
