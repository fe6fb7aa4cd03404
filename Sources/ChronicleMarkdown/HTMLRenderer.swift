/// Renders a `MarkdownDocument` to HTML in safe mode: text escaped, raw HTML dropped, unsafe
/// URLs emptied; text blocks can be decorated by ordinal (their index in `document.textBlocks`).
public struct HTMLRenderer: Sendable {
    /// Added to heading levels (capped at 6), so a body `#` can sit below the page's own `<h1>`.
    public var headingOffset: Int

    public init(headingOffset: Int = 0) {
        self.headingOffset = headingOffset
    }

    public func render(_ document: MarkdownDocument, decorations: [Int: BlockDecoration] = [:]) -> String {
        var state = State(decorations: decorations)
        blocks(document.blocks, tight: false, into: &state)
        return state.out
    }

    private struct State {
        let decorations: [Int: BlockDecoration]
        var ordinal = 0
        var out = ""

        /// The next text block's decoration; advancing keeps ordinals in step with `textBlocks`.
        mutating func nextDecoration() -> BlockDecoration {
            defer { ordinal += 1 }
            return decorations[ordinal] ?? BlockDecoration()
        }
    }

    private func blocks(_ blocks: [Block], tight: Bool, into state: inout State) {
        for (i, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let inlines, _):
                let decoration = state.nextDecoration()
                let body = Self.inlines(inlines, spans: decoration.spans)
                if tight {
                    // cmark writes tight list paragraphs bare; a decorated one still needs an element.
                    let attributes = decoration.attributes
                    state.out += attributes.isEmpty ? body : "<span\(attributes)>\(body)</span>"
                    if i + 1 < blocks.count { state.out += "\n" }
                } else {
                    state.out += "<p\(decoration.attributes)>\(body)</p>\n"
                }
            case .heading(let level, let inlines, _):
                let decoration = state.nextDecoration()
                let h = "h\(min(6, max(1, level + headingOffset)))"
                state.out += "<\(h)\(decoration.attributes)>\(Self.inlines(inlines, spans: decoration.spans))</\(h)>\n"
            case .blockQuote(let inner):
                state.out += "<blockquote>\n"
                self.blocks(inner, tight: false, into: &state)
                state.out += "</blockquote>\n"
            case .list(let ordered, let start, let isTight, let items):
                if tight && state.out.last != "\n" { state.out += "\n" }
                state.out += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
                for item in items {
                    state.out += "<li>"
                    if !isTight, !item.isEmpty { state.out += "\n" }
                    self.blocks(item, tight: isTight, into: &state)
                    state.out += "</li>\n"
                }
                state.out += ordered ? "</ol>\n" : "</ul>\n"
            case .codeBlock(let info, let literal):
                if tight && state.out.last != "\n" { state.out += "\n" }
                let language = info.split(separator: " ").first.map { " class=\"language-\(HTMLEscape.attribute(String($0)))\"" } ?? ""
                state.out += "<pre><code\(language)>\(HTMLEscape.text(literal))</code></pre>\n"
            case .html:
                break  // safe mode: raw HTML never reaches the page
            case .thematicBreak:
                if tight && state.out.last != "\n" { state.out += "\n" }
                state.out += "<hr />\n"
            }
        }
    }

    /// Renders inlines with `spans` over their plain text.
    public static func inlines(_ inlines: [Inline], spans: [InlineSpan] = []) -> String {
        var writer = InlineWriter(spans: spans, length: Inline.plainLength(inlines))
        writer.write(inlines)
        writer.finish()
        return writer.out
    }

    /// Renders plain text (no Markdown) with `spans` over it: the site uses it for event sentences.
    public static func text(_ text: String, spans: [InlineSpan] = []) -> String {
        inlines([.text(text)], spans: spans)
    }

    /// Element and attribute names come from code, but keep them to safe characters anyway.
    static func safeName(_ name: String) -> String {
        if !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
            return name
        }
        let kept = name.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        return kept.isEmpty ? "span" : String(String.UnicodeScalarView(kept))
    }
}
