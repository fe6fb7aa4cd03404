/// Renders a `MarkdownDocument` to HTML in safe mode: text escaped, raw HTML dropped, unsafe
/// URLs emptied; text blocks can be decorated by ordinal (their index in `document.textBlocks`).
public struct HTMLRenderer: Sendable {
    /// Added to heading levels (capped at 6), so a body `#` can sit below the page's own `<h1>`.
    public var headingOffset: Int

    public init(headingOffset: Int = 0) {
        self.headingOffset = headingOffset
    }

    public func render(_ document: MarkdownDocument, decorations: [Int: BlockDecoration] = [:]) -> String {
        String(decoding: renderUTF8(document, decorations: DocumentDecorations(decorations)), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes, for writers that keep or write the HTML as bytes.
    public func renderUTF8(_ document: MarkdownDocument, decorations: [Int: BlockDecoration] = [:]) -> [UInt8] {
        renderUTF8(document, decorations: DocumentDecorations(decorations))
    }

    /// `render` as UTF-8 bytes, with decorations whose tags are written already.
    public func renderUTF8(_ document: MarkdownDocument, decorations: consuming DocumentDecorations) -> [UInt8] {
        var decorations = consume decorations
        decorations.finish()
        var state = State(decorations: decorations)
        blocks(document.blocks, tight: false, into: &state)
        return state.out.take()
    }

    private struct State {
        let decorations: DocumentDecorations
        var ordinal = 0
        /// The first decorated block not yet reached.
        var nextBlock = 0
        /// Writes the whole document: the text blocks' inlines, and the HTML around them (`out`).
        var writer: InlineWriter

        init(decorations: DocumentDecorations) {
            self.decorations = decorations
            writer = InlineWriter(tags: decorations.tags)
        }

        var out: HTMLBuffer {
            get { writer.out }
            _modify { yield &writer.out }
        }

        /// The next text block's decoration, if it has one; advancing keeps ordinals in step with `textBlocks`.
        mutating func nextDecoration() -> DocumentDecorations.Block? {
            defer { ordinal += 1 }
            let blocks = decorations.blocks
            while nextBlock < blocks.count && blocks[nextBlock].ordinal < ordinal { nextBlock += 1 }
            return nextBlock < blocks.count && blocks[nextBlock].ordinal == ordinal ? blocks[nextBlock] : nil
        }

        /// The attributes of a decorated block's element.
        mutating func writeAttributes(_ block: DocumentDecorations.Block?) {
            if let block { out.append(decorations.tags, block.attributes) }
        }

        mutating func inlines(_ inlines: [Inline], _ block: DocumentDecorations.Block?) {
            var spans: ArraySlice<DocumentDecorations.Span> = []
            if let block { spans = decorations.spans[block.spans] }
            writer.start(spans: spans, length: Inline.plainLength(inlines))
            writer.write(inlines)
            writer.finish()
        }
    }

    private func blocks(_ blocks: [Block], tight: Bool, into state: inout State) {
        for (i, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let inlines, _):
                let decoration = state.nextDecoration()
                if tight {
                    // cmark writes tight list paragraphs bare; a decorated one still needs an element.
                    if let decoration, !decoration.attributes.isEmpty {
                        state.out.append("<span")
                        state.writeAttributes(decoration)
                        state.out.append(">")
                        state.inlines(inlines, decoration)
                        state.out.append("</span>")
                    } else {
                        state.inlines(inlines, decoration)
                    }
                    if i + 1 < blocks.count { state.out.append("\n") }
                } else {
                    state.out.append("<p")
                    state.writeAttributes(decoration)
                    state.out.append(">")
                    state.inlines(inlines, decoration)
                    state.out.append("</p>\n")
                }
            case .heading(let level, let inlines, _):
                let decoration = state.nextDecoration()
                let h = "h\(min(6, max(1, level + headingOffset)))"
                state.out.append("<" + h)
                state.writeAttributes(decoration)
                state.out.append(">")
                state.inlines(inlines, decoration)
                state.out.append("</\(h)>\n")
            case .blockQuote(let inner):
                state.out.append("<blockquote>\n")
                self.blocks(inner, tight: false, into: &state)
                state.out.append("</blockquote>\n")
            case .list(let ordered, let start, let isTight, let items):
                if tight && state.out.last != 0x0A { state.out.append("\n") }
                state.out.append(ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n")
                for item in items {
                    state.out.append("<li>")
                    if !isTight, !item.isEmpty { state.out.append("\n") }
                    self.blocks(item, tight: isTight, into: &state)
                    state.out.append("</li>\n")
                }
                state.out.append(ordered ? "</ol>\n" : "</ul>\n")
            case .codeBlock(let info, let literal):
                if tight && state.out.last != 0x0A { state.out.append("\n") }
                let language = info.split(separator: " ").first.map { " class=\"language-\(HTMLEscape.attribute(String($0)))\"" } ?? ""
                state.out.append("<pre><code\(language)>\(HTMLEscape.text(literal))</code></pre>\n")
            case .html:
                break  // safe mode: raw HTML never reaches the page
            case .thematicBreak:
                if tight && state.out.last != 0x0A { state.out.append("\n") }
                state.out.append("<hr />\n")
            }
        }
    }

    /// Renders inlines with `spans` over their plain text.
    public static func inlines(_ inlines: [Inline], spans: [InlineSpan] = []) -> String {
        var decorations = DocumentDecorations([0: BlockDecoration(spans: spans)])
        decorations.finish()
        var writer = InlineWriter(tags: decorations.tags)
        writer.start(spans: decorations.spans[...], length: Inline.plainLength(inlines))
        writer.write(inlines)
        writer.finish()
        return writer.out.string
    }

    /// Renders plain text (no Markdown) with `spans` over it: the site uses it for event sentences.
    public static func text(_ text: String, spans: [InlineSpan] = []) -> String {
        inlines([.text(text)], spans: spans)
    }

    /// Element and attribute names come from code, but keep them to safe characters anyway.
    static func safeName(_ name: String) -> String {
        if !name.isEmpty, name.utf8.allSatisfy(isSafeNameByte) { return name }
        let kept = name.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        return kept.isEmpty ? "span" : String(String.UnicodeScalarView(kept))
    }

    @inline(__always)
    static func isSafeNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
    }
}
