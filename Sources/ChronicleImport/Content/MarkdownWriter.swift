import Foundation

/// Writes cleaned HTML content as Markdown: paragraphs, headings, lists, block quotes,
/// code, emphasis and http(s) links; everything else becomes its text.
struct MarkdownWriter {
    /// Relative links are resolved against it; links that are not http(s) become plain text.
    var baseURL: String?

    func write(_ elements: [HTMLElement]) -> String {
        var blocks: [String] = []
        for e in elements { appendBlocks(of: e, to: &blocks) }
        return blocks.joined(separator: "\n\n")
    }

    /// The Markdown of an element's children, as if it were a plain container.
    func writeChildren(of e: HTMLElement) -> String {
        var blocks: [String] = []
        appendContainer(e, to: &blocks)
        return blocks.joined(separator: "\n\n")
    }

    static let tableCellLength = 80
    static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    /// Block-level Markdown for `e`.
    private func appendBlocks(of e: HTMLElement, to blocks: inout [String]) {
        if let level = Self.headingLevels[e.name] {
            let text = paragraphs(inline(e.children)).joined(separator: " ")
            if !text.isEmpty { blocks.append(String(repeating: "#", count: level) + " " + text) }
            return
        }
        switch e.name {
        case "ul", "ol":
            let list = listItems(e, ordered: e.name == "ol")
            if !list.isEmpty { blocks.append(list) }
        case "blockquote":
            let inner = writeChildren(of: e)
            if !inner.isEmpty { blocks.append(inner.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")) }
        case "pre":
            let code = e.rawText.trimmingCharacters(in: .newlines)
            if !code.isEmpty {
                let fence = code.contains("```") ? "~~~~" : "```"
                blocks.append("\(fence)\n\(code)\n\(fence)")
            }
        case "hr":
            return
        case "tr":
            // A data row reads as "a | b"; a layout row (one cell, or long text) as its cells' content.
            let cells = e.elements.filter { !$0.text.isEmpty }
            if cells.count > 1, cells.allSatisfy({ $0.text.count <= Self.tableCellLength }) {
                blocks.append(cells.map { paragraphs(inline($0.children)).joined(separator: " ") }.joined(separator: " | "))
            } else {
                for cell in cells { appendContainer(cell, to: &blocks) }
            }
        default:
            appendContainer(e, to: &blocks)
        }
    }

    /// A container: inline runs between its block children become paragraphs.
    private func appendContainer(_ e: HTMLElement, to blocks: inout [String]) {
        var run: [HTMLElement.Child] = []
        func flush() {
            blocks += paragraphs(inline(run))
            run = []
        }
        for child in e.children {
            if case .element(let c) = child, HTMLTree.blockNames.contains(c.name) || c.name == "tr" {
                flush()
                appendBlocks(of: c, to: &blocks)
            } else {
                run.append(child)
            }
        }
        flush()
    }

    private func listItems(_ list: HTMLElement, ordered: Bool) -> String {
        var items: [String] = []
        var number = Int(list["start"] ?? "") ?? 1
        for item in list.elements {
            let body = writeChildren(of: item)
            guard !body.isEmpty else { continue }
            let marker = ordered ? "\(number). " : "- "
            number += 1
            let indent = String(repeating: " ", count: marker.count)
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            items.append(marker + lines[0] + lines.dropFirst().map { "\n" + ($0.isEmpty ? "" : indent + $0) }.joined())
        }
        return items.joined(separator: "\n")
    }

    /// Inline Markdown with `\u{1}` where a `<br>` was; runs of whitespace collapsed.
    private func inline(_ children: [HTMLElement.Child]) -> String {
        var out = ""
        for child in children {
            switch child {
            case .text(let t): out += Self.escape(Self.collapse(t))
            case .element(let e): out += inline(e)
            }
        }
        return out
    }

    private func inline(_ e: HTMLElement) -> String {
        switch e.name {
        case "br": return "\u{1}"
        case "em", "i", "cite", "dfn": return wrap(inline(e.children), in: "*")
        case "strong", "b": return wrap(inline(e.children), in: "**")
        case "code", "kbd", "samp", "tt":
            let code = Self.collapse(e.rawText)
            guard !code.trimmingCharacters(in: .whitespaces).isEmpty else { return code }
            let fence = code.contains("`") ? "``" : "`"
            return "\(fence)\(code.trimmingCharacters(in: .whitespaces))\(fence)"
        case "a":
            let text = inline(e.children)
            guard let href = e["href"], let url = WebURL.resolve(href, against: baseURL),
                  !text.trimmingCharacters(in: .whitespaces).isEmpty else { return text }
            return wrap(text, in: "[", "](\(Self.linkDestination(url)))")
        default:
            if HTMLTree.blockNames.contains(e.name) { return " " + inline(e.children) + " " }
            return inline(e.children)
        }
    }

    /// `*x*` around the text, with surrounding spaces kept outside the markers.
    private func wrap(_ text: String, in open: String, _ close: String? = nil) -> String {
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty, !core.contains("\u{1}") else { return text }
        let lead = text.hasPrefix(" ") ? " " : "", trail = text.hasSuffix(" ") ? " " : ""
        return lead + open + core + (close ?? open) + trail
    }

    /// Paragraphs from inline Markdown: two line breaks in a row split paragraphs, one stays a line break.
    private func paragraphs(_ inline: String) -> [String] {
        let normalised = inline.replacingOccurrences(of: "\u{1} ", with: "\u{1}").replacingOccurrences(of: " \u{1}", with: "\u{1}")
        return normalised.components(separatedBy: "\u{1}\u{1}").compactMap { part in
            let lines = part.split(separator: "\u{1}").map { Self.escapeLineStart(Self.collapse(String($0)).trimmingCharacters(in: .whitespaces)) }
                .filter { !$0.isEmpty }
            return lines.isEmpty ? nil : lines.joined(separator: "\n")
        }
    }

    static func collapse(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for ch in text {
            if ch.isWhitespace && ch != "\u{1}" {
                space = true
            } else {
                if space { out.append(" ") }
                space = false
                out.append(ch)
            }
        }
        if space { out.append(" ") }
        return out
    }

    /// Backslash-escapes the characters that would otherwise start Markdown syntax inside a line.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var chars = text[...]
        while let ch = chars.popFirst() {
            switch ch {
            case "\\", "*", "_", "`", "[", "]", "<": out.append("\\"); out.append(ch)
            case "&" where chars.prefix(while: { $0.isLetter || $0.isNumber || $0 == "#" }).count > 0
                && chars.drop(while: { $0.isLetter || $0.isNumber || $0 == "#" }).first == ";":
                out.append("\\&")
            default: out.append(ch)
            }
        }
        return out
    }

    /// Escapes a line that would read as a heading, quote, list item or rule.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>+-=".contains(first) { return "\\" + line }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first.map({ $0 == " " }) ?? true {
                return digits + "\\" + rest
            }
        }
        return line
    }

    static func linkDestination(_ url: String) -> String {
        url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
            .replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
    }
}

extension HTMLElement {
    /// The text exactly as written (for `<pre>` and `<code>`).
    var rawText: String {
        children.map { child in
            switch child {
            case .text(let t): t
            case .element(let e): e.name == "br" ? "\n" : e.rawText
            }
        }.joined()
    }
}
