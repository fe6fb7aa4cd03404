/// A parsed Markdown document as plain Swift values: no C pointer outlives the parse.
public struct MarkdownDocument: Hashable, Codable, Sendable {
    public var blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }

    /// The document's text blocks (paragraphs and headings, including those inside quotes and
    /// lists) in reading order. Their `ordinal` is the position in this list; renderers and
    /// analysers use it to refer to a block.
    public var textBlocks: [TextBlock] {
        var out: [TextBlock] = []
        func walk(_ blocks: [Block], quoted: Bool) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines, let line):
                    out.append(TextBlock(ordinal: out.count, kind: .paragraph, text: Inline.plainText(inlines), line: line, quoted: quoted))
                case .heading(let level, let inlines, let line):
                    out.append(TextBlock(ordinal: out.count, kind: .heading(level), text: Inline.plainText(inlines), line: line, quoted: quoted))
                case .blockQuote(let inner):
                    walk(inner, quoted: true)
                case .list(_, _, _, let items):
                    for item in items { walk(item, quoted: quoted) }
                case .codeBlock, .html, .thematicBreak:
                    break
                }
            }
        }
        walk(blocks, quoted: false)
        return out
    }
}

/// A paragraph or heading's plain text, the unit Chronicle splits into sentences.
public struct TextBlock: Hashable, Codable, Sendable {
    public enum Kind: Hashable, Codable, Sendable {
        case paragraph
        case heading(Int)
    }

    public var ordinal: Int
    public var kind: Kind
    /// Inline text with soft and hard breaks as spaces and markup removed.
    public var text: String
    /// 1-based line of the block in the Markdown body.
    public var line: Int
    /// Inside a block quote.
    public var quoted: Bool

    public init(ordinal: Int, kind: Kind, text: String, line: Int, quoted: Bool) {
        self.ordinal = ordinal
        self.kind = kind
        self.text = text
        self.line = line
        self.quoted = quoted
    }
}

/// A Markdown block.
public indirect enum Block: Hashable, Codable, Sendable {
    case paragraph([Inline], line: Int)
    case heading(level: Int, [Inline], line: Int)
    case blockQuote([Block])
    case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
    case codeBlock(info: String, literal: String)
    /// Raw HTML: never rendered (safe mode).
    case html(String)
    case thematicBreak
}

/// A Markdown inline.
public indirect enum Inline: Hashable, Codable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    /// Raw HTML: never rendered (safe mode).
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, title: String, [Inline])
    case image(source: String, title: String, [Inline])

    /// The text a reader sees, breaks as single spaces.
    public static func plainText(_ inlines: [Inline]) -> String {
        var out = ""
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let s), .code(let s): out += s
                case .softBreak, .lineBreak: out += " "
                case .html: break
                case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): walk(c)
                }
            }
        }
        walk(inlines)
        return out
    }

    /// The UTF-8 length of `plainText(inlines)`, without building it.
    static func plainLength(_ inlines: [Inline]) -> Int {
        var length = 0
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): length += s.utf8.count
            case .softBreak, .lineBreak: length += 1
            case .html: break
            case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): length += plainLength(c)
            }
        }
        return length
    }
}
