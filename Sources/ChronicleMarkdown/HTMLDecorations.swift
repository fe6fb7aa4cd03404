import ChronicleTime

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
}

/// The decorations of a document's text blocks (what `BlockDecoration`s say), kept as the HTML
/// they write: each block's attributes and each span's tags are written out once, into one
/// buffer, as they are added. A body has a span per sentence and per time expression; as
/// `InlineSpan`s each was a list of strings, escaped and written again at every piece of text.
public struct DocumentDecorations: Sendable {
    /// A span over a block's plain text, and where its tags are in `tags`.
    struct Span {
        var range: Range<Int>
        /// The opening tag; the one that reopens the span after markup cut it (without `id`, so
        /// the page never has two elements with the same id); the closing tag.
        var open: Range<Int>
        var reopen: Range<Int>
        var close: Range<Int>
    }

    /// A decorated text block: the attributes of its element (` id="…" class="…"`) in `tags`,
    /// and its spans in `spans`.
    struct Block {
        var ordinal: Int
        var attributes: Range<Int>
        var spans: Range<Int>
    }

    private(set) var tags = HTMLBuffer()
    private(set) var spans: [Span] = []
    /// The blocks; the last one's `spans` is complete once the next block is added or at `finish`.
    private(set) var blocks: [Block] = []
    /// Whether the span added last is still being added (its opening tag lacks its `>`); its
    /// range, where its opening tag and its tag name are, and where its `id` attributes are (the
    /// first, then any others), in `tags`. It joins `spans` once its tags are written.
    private var spanIsOpen = false
    private var spanRange = 0..<0
    private var spanStart = 0
    private var spanName = 0..<0
    private var spanID: Range<Int>?
    private var moreSpanIDs: [Range<Int>] = []

    public init() {}

    /// The same decorations, from `BlockDecoration`s by text block ordinal.
    public init(_ decorations: [Int: BlockDecoration]) {
        for ordinal in decorations.keys.sorted() {
            let decoration = decorations[ordinal]!
            addBlock(ordinal, classes: decoration.classes, id: decoration.id)
            for span in decoration.spans {
                startSpan(span.range) { $0.appendName(span.tag) }
                for a in span.attributes {
                    attribute(isID: a.name == "id", opening: { tags in
                        tags.append(byte: 0x20)
                        tags.appendName(a.name)
                        tags.append("=\"" as StaticString)
                    }, value: { $0.appendEscaped(a.value, quotes: true) })
                }
            }
        }
    }

    /// Starts the decorations of text block `ordinal` (`MarkdownDocument.textBlocks`), with `id`
    /// and `classes` on its element. Blocks are added in increasing order.
    public mutating func addBlock(_ ordinal: Int, classes: [String] = [], id: String? = nil) {
        finishSpan()
        closeBlock()
        precondition(blocks.last.map { $0.ordinal < ordinal } ?? true, "text blocks are decorated in order")
        let start = tags.count
        if let id {
            tags.append(" id=\"" as StaticString)
            tags.appendEscaped(id, quotes: true)
            tags.append(byte: 0x22)
        }
        if !classes.isEmpty {
            tags.append(" class=\"" as StaticString)
            for (i, c) in classes.enumerated() {
                if i > 0 { tags.append(byte: 0x20) }
                tags.appendEscaped(c, quotes: true)
            }
            tags.append(byte: 0x22)
        }
        blocks.append(Block(ordinal: ordinal, attributes: start..<tags.count, spans: spans.count..<spans.count))
    }

    /// Adds a span of the last block added: `tag` around `range` of its plain text (UTF-8 offsets
    /// into `TextBlock.text`). Its attributes follow (`addAttribute`).
    public mutating func addSpan(_ range: Range<Int>, tag: StaticString) {
        startSpan(range) { tags in
            let start = tags.count
            var safe = true
            tags.write(atMost: tag.utf8CodeUnitCount) { safe = $0.putName(tag) }
            if !safe {
                tags.truncate(to: start)
                tags.appendName(tag)
            }
        }
    }

    /// Adds an attribute to the span added last; `value` is escaped.
    public mutating func addAttribute(_ name: StaticString, _ value: String) {
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ addAttribute(name, escaping: $0) }) { return done }
        var copy = value
        copy.withUTF8 { addAttribute(name, escaping: $0) }
    }

    /// Adds an attribute to the span added last whose value is UTF-8 `value`, escaped (a value
    /// written as bytes, with no string made for it).
    public mutating func addAttribute(_ name: StaticString, utf8 value: UnsafeRawBufferPointer) {
        addAttribute(name, escaping: value.assumingMemoryBound(to: UInt8.self))
    }

    /// Adds an attribute to the span added last whose value is `prefix`, `a`, `separator`, `b` and
    /// `suffix` (the texts escaped), the numbers written as decimal digits straight into the tags:
    /// a body has such an id per sentence, and a string for each cost more than writing it.
    public mutating func addAttribute(_ name: StaticString, _ prefix: StaticString, _ a: Int, _ separator: StaticString, _ b: Int,
                                      _ suffix: StaticString = "") {
        precondition(spanIsOpen, "an attribute belongs to a span")
        let start = tags.count
        var plain = a >= 0 && b >= 0
        if plain {
            // Written as if plain, checked as it is copied, taken back if not.
            let room = name.utf8CodeUnitCount + 4 + DecimalDigits.pairCapacity(prefix, separator, suffix)
            tags.write(atMost: room) { w in
                w.put(0x20)
                plain = w.putName(name)
                w.put("=\"" as StaticString)
                plain = w.putPlain(prefix) && plain
                w.putDecimal(a)
                plain = w.putPlain(separator) && plain
                w.putDecimal(b)
                plain = w.putPlain(suffix) && plain
                w.put(0x22)
            }
        }
        if !plain {
            tags.truncate(to: start)
            tags.appendAttributeStart(name)
            tags.appendNumberPair(prefix, a, separator, b, suffix)
            tags.append(byte: 0x22)
        }
        if Self.isID(name) { noteID(start..<tags.count) }
    }

    /// Room for `blocks` text blocks and `spans` spans in all (the lists then grow once, not from nothing).
    public mutating func reserveCapacity(blocks: Int, spans: Int) {
        self.blocks.reserveCapacity(blocks)
        self.spans.reserveCapacity(spans)
    }

    private static func isID(_ name: StaticString) -> Bool {
        name.utf8CodeUnitCount == 2 && name.utf8Start[0] == 0x69 && name.utf8Start[1] == 0x64
    }

    /// An attribute whose value is UTF-8 `value`, escaped, written in one access to the tags
    /// (room for six bytes per byte of the value: no entity is longer).
    private mutating func addAttribute(_ name: StaticString, escaping value: UnsafeBufferPointer<UInt8>) {
        precondition(spanIsOpen, "an attribute belongs to a span")
        let start = tags.count
        var safe = true
        tags.write(atMost: name.utf8CodeUnitCount + 4 + 6 * value.count) { w in
            w.put(0x20)
            safe = w.putName(name)
            w.put("=\"" as StaticString)
            w.putEscaped(value, quotes: true)
            w.put(0x22)
        }
        if !safe {
            tags.truncate(to: start)
            tags.appendAttributeStart(name)
            tags.appendEscaped(value, quotes: true)
            tags.append(byte: 0x22)
        }
        if Self.isID(name) { noteID(start..<tags.count) }
    }

    private mutating func noteID(_ range: Range<Int>) {
        if spanID == nil { spanID = range } else { moreSpanIDs.append(range) }
    }

    /// `name` writes `<` and the tag name.
    private mutating func startSpan(_ range: Range<Int>, name: (inout HTMLBuffer) -> Void) {
        finishSpan()
        precondition(!blocks.isEmpty, "a span belongs to a text block")
        let start = tags.count
        tags.append(byte: 0x3C)  // <
        name(&tags)
        spanIsOpen = true
        spanRange = range
        spanStart = start
        spanName = start + 1..<tags.count
    }

    /// An attribute: `opening` writes ` name="`, `value` the value escaped, then the closing quote.
    @inline(__always)
    private mutating func attribute(isID: Bool, opening: (inout HTMLBuffer) -> Void, value: (inout HTMLBuffer) -> Void) {
        precondition(spanIsOpen, "an attribute belongs to a span")
        let start = tags.count
        opening(&tags)
        value(&tags)
        tags.append(byte: 0x22)
        if isID { noteID(start..<tags.count) }
    }

    /// Closes the opening tag of the span added last and writes its other two tags (in one access
    /// to the tags), and adds the span.
    private mutating func finishSpan() {
        guard spanIsOpen else { return }
        spanIsOpen = false
        let start = spanStart, name = spanName, firstID = spanID
        let openEnd = tags.count + 1
        var reopenCount = 0
        var more: [Range<Int>] = []
        if let firstID {
            if !moreSpanIDs.isEmpty { more = moreSpanIDs }
            reopenCount = openEnd - start - more.reduce(firstID.count) { $0 + $1.count }
        }
        var reopen = start..<openEnd
        var close = 0..<0
        tags.write(atMost: 1 + reopenCount + 3 + name.count) { w in
            w.put(0x3E)  // >
            if let firstID {
                let reopenStart = w.at
                w.put(copyOf: start..<firstID.lowerBound)
                var from = firstID.upperBound
                for id in more {
                    w.put(copyOf: from..<id.lowerBound)
                    from = id.upperBound
                }
                w.put(copyOf: from..<openEnd)
                reopen = reopenStart..<w.at
            }
            let closeStart = w.at
            w.put("</" as StaticString)
            w.put(copyOf: name)
            w.put(0x3E)
            close = closeStart..<w.at
        }
        spans.append(Span(range: spanRange, open: start..<openEnd, reopen: reopen, close: close))
        if firstID != nil {
            spanID = nil
            if !moreSpanIDs.isEmpty { moreSpanIDs.removeAll(keepingCapacity: true) }
        }
    }

    /// Ends the spans of the block added last.
    private mutating func closeBlock() {
        guard let last = blocks.indices.last else { return }
        blocks[last].spans = blocks[last].spans.lowerBound..<spans.count
    }

    /// Ready to render: the last span's tags written, the last block's spans complete.
    mutating func finish() {
        finishSpan()
        closeBlock()
    }
}
