/// A pair of tags wrapped around a UTF-8 range of a text block's plain text (`TextBlock.text`).
public struct InlineSpan: Hashable, Sendable {
    /// UTF-8 offsets into the block's plain text, end exclusive.
    public var range: Range<Int>
    /// Lower-case element name, e.g. `time`, `mark`, `span`.
    public var tag: String
    /// Attributes in output order; values are escaped when written.
    public var attributes: [(name: String, value: String)]

    public init(range: Range<Int>, tag: String, attributes: [(name: String, value: String)] = []) {
        self.range = range
        self.tag = tag
        self.attributes = attributes
    }

    public static func == (a: InlineSpan, b: InlineSpan) -> Bool {
        a.range == b.range && a.tag == b.tag && a.attributes.elementsEqual(b.attributes) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(tag)
        for a in attributes {
            hasher.combine(a.name)
            hasher.combine(a.value)
        }
    }

    /// The opening tag; when a span is split around inline markup, later pieces drop `id`
    /// so the page never has two elements with the same id.
    func writeOpenTag(first: Bool, to out: inout HTMLBuffer) {
        out.append(byte: 0x3C)  // <
        out.appendName(tag)
        for a in attributes where first || a.name != "id" {
            out.append(byte: 0x20)
            out.appendName(a.name)
            out.append("=\"" as StaticString)
            out.appendEscaped(a.value, quotes: true)
            out.append(byte: 0x22)
        }
        out.append(byte: 0x3E)  // >
    }

    func writeCloseTag(to out: inout HTMLBuffer) {
        out.append("</" as StaticString)
        out.appendName(tag)
        out.append(byte: 0x3E)  // >
    }
}

/// Extra markup for one text block: classes and an id on its element, and inline spans.
public struct BlockDecoration: Hashable, Sendable {
    public var classes: [String]
    public var id: String?
    public var spans: [InlineSpan]

    public init(classes: [String] = [], id: String? = nil, spans: [InlineSpan] = []) {
        self.classes = classes
        self.id = id
        self.spans = spans
    }

    var hasAttributes: Bool { id != nil || !classes.isEmpty }

    func writeAttributes(to out: inout HTMLBuffer) {
        if let id {
            out.append(" id=\"")
            out.appendEscaped(id, quotes: true)
            out.append("\"")
        }
        if !classes.isEmpty {
            out.append(" class=\"")
            out.appendEscaped(classes.joined(separator: " "), quotes: true)
            out.append("\"")
        }
    }
}
