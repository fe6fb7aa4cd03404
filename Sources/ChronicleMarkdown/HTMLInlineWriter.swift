/// Writes inlines as HTML while wrapping spans given as offsets into their plain text.
///
/// HTML elements must nest, so a span that crosses inline markup (`on *Fri*day`) is closed before
/// the markup and reopened inside and after it; a span that covers a whole element stays open
/// around it. `stack` holds the spans open in the output, in nesting order.
///
/// One writer writes a whole document, text block after text block (`start`), and the HTML
/// between them (`out`): a body has dozens of blocks, and a writer for each, with its lists
/// handed on to the next, cost more than the text of a short paragraph.
struct InlineWriter {
    /// The block's spans, sorted outer first (by start, then longer first); indices are the slice's.
    private var spans: ArraySlice<DocumentDecorations.Span> = []
    /// Where the spans' tags are written.
    private let tags: HTMLBuffer
    var out: HTMLBuffer
    /// UTF-8 offset in the plain text of the next character written.
    private var offset = 0
    private var stack: [Int] = []
    /// By span (from the first): opened at least once (later pieces use the reopening tag).
    private var opened: [Bool] = []
    /// The spans that have started at the position last looked at and not ended there, in
    /// index order: the spans covering it (positions only grow, so a span that ended never
    /// covers a later one).
    private var live: [Int] = []
    /// The first span that has not started at that position (spans are sorted by start).
    private var next = 0
    /// Where `text` cuts its bytes (kept to reuse its storage).
    private var cuts: [Int] = []
    /// Stack depth at entry to each enclosing element; spans below it stay open around the element.
    private var bases: [Int] = []

    /// Writes after what `out` already holds, spans' tags taken from `tags`.
    init(tags: HTMLBuffer, out: HTMLBuffer = HTMLBuffer()) {
        self.tags = tags
        self.out = out
    }

    /// Starts a text block of `length` bytes of plain text with `spans` over it (the last block's
    /// spans are closed: `finish`).
    mutating func start(spans: ArraySlice<DocumentDecorations.Span>, length: Int) {
        finish()
        offset = 0
        // The lists keep their storage from block to block (`finish` emptied the stack and `bases`).
        live.removeAll(keepingCapacity: true)
        opened.removeAll(keepingCapacity: true)
        // Outer spans first: earlier start, then longer, then given order. Spans usually come
        // inside the text and in that order already (then they are taken as they are).
        func before(_ a: Range<Int>, _ b: Range<Int>) -> Bool { (a.lowerBound, -a.upperBound) < (b.lowerBound, -b.upperBound) }
        let inside = spans.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= length && !$0.range.isEmpty }
        if inside, spans.indices.dropFirst().allSatisfy({ !before(spans[$0].range, spans[$0 - 1].range) }) {
            self.spans = spans
        } else {
            self.spans = ArraySlice(spans
                .map { span in
                    var clamped = span
                    clamped.range = span.range.clamped(to: 0..<length)
                    return clamped
                }
                .filter { !$0.range.isEmpty }
                .enumerated()
                .sorted { a, b in
                    before(a.element.range, b.element.range) || (a.element.range == b.element.range && a.offset < b.offset)
                }
                .map(\.element))
        }
        next = self.spans.startIndex
        opened.append(contentsOf: repeatElement(false, count: self.spans.count))
    }

    mutating func write(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let s):
                text(s)
            case .code(let s):
                element(open: "<code>", close: "</code>", length: s.utf8.count) { $0.text(s) }
            case .softBreak:
                sync(to: offset)
                out.append("\n")
                offset += 1
            case .lineBreak:
                sync(to: offset)
                out.append("<br />\n")
                offset += 1
            case .html:
                break  // safe mode; contributes nothing to the plain text either
            case .emphasis(let c):
                element(open: "<em>", close: "</em>", length: Self.length(c)) { $0.write(c) }
            case .strong(let c):
                element(open: "<strong>", close: "</strong>", length: Self.length(c)) { $0.write(c) }
            case .link(let destination, let title, let c):
                var open = "<a href=\"\(HTMLEscape.attribute(HTMLEscape.safeURL(destination)))\""
                if !title.isEmpty { open += " title=\"\(HTMLEscape.attribute(title))\"" }
                element(open: open + ">", close: "</a>", length: Self.length(c)) { $0.write(c) }
            case .image(let source, let title, let c):
                let alt = Inline.plainText(c)
                sync(to: offset)
                out.append("<img src=\"\(HTMLEscape.attribute(HTMLEscape.safeURL(source)))\" alt=\"\(HTMLEscape.attribute(alt))\"")
                if !title.isEmpty { out.append(" title=\"\(HTMLEscape.attribute(title))\"") }
                out.append(" />")
                offset += alt.utf8.count
            }
        }
    }

    /// Closes every span still open.
    mutating func finish() {
        close(downTo: 0)
    }

    private static func length(_ inlines: [Inline]) -> Int { Inline.plainLength(inlines) }

    private mutating func text(_ s: String) {
        var copy = s
        copy.withUTF8 { text(bytes: $0) }
    }

    private mutating func text(bytes: UnsafeBufferPointer<UInt8>) {
        let start = offset
        let end = start + bytes.count
        cuts.removeAll(keepingCapacity: true)
        // Each span bound strictly inside the text: the ends of the spans open at its start, and
        // both bounds of the spans that start inside it (by index: iterating would copy each span,
        // retaining its tag and attributes, for its range).
        func cut(at bound: Int) {
            guard bound > start && bound < end else { return }
            // Never split inside a multi-byte character: move to the next scalar boundary.
            var local = bound - start
            while local < bytes.count && bytes[local] & 0xC0 == 0x80 { local += 1 }
            if local < bytes.count { cuts.append(local) }
        }
        advance(to: start)
        for k in live { cut(at: spans[k].range.upperBound) }
        var k = next
        while k < spans.endIndex && spans[k].range.lowerBound < end {
            cut(at: spans[k].range.lowerBound)
            cut(at: spans[k].range.upperBound)
            k += 1
        }
        cuts.sort()
        cuts.append(bytes.count)
        var pieceStart = 0
        for cut in cuts where cut > pieceStart {
            sync(to: start + pieceStart)
            out.appendEscaped(UnsafeBufferPointer(rebasing: bytes[pieceStart..<cut]), quotes: false)
            pieceStart = cut
        }
        offset = end
    }

    private mutating func element(open: String, close closeTag: String, length: Int, body: (inout InlineWriter) -> Void) {
        let range = offset..<(offset + length)
        let base = bases.last ?? 0
        // Spans that cover the whole element can stay open around it; the first one that does
        // not, and everything opened after it, must close first.
        let keep = stack[base...].firstIndex { !Self.covers(spans[$0].range, range) } ?? stack.count
        close(downTo: keep)
        out.append(open)
        bases.append(stack.count)
        body(&self)
        close(downTo: bases.last!)
        bases.removeLast()
        out.append(closeTag)
    }

    private static func covers(_ span: Range<Int>, _ element: Range<Int>) -> Bool {
        span.lowerBound <= element.lowerBound && span.upperBound >= element.upperBound && span.upperBound > element.lowerBound
    }

    /// Makes the open spans exactly those covering `position`, without touching spans below the
    /// current element's base.
    private mutating func sync(to position: Int) {
        advance(to: position)
        var common = 0
        while common < stack.count, common < live.count, stack[common] == live[common] { common += 1 }
        // Most pieces of text are covered by exactly the spans open already: nothing to close or open.
        if common == stack.count && common == live.count { return }
        common = max(common, bases.last ?? 0)
        close(downTo: common)
        for j in live.indices where !stack.contains(live[j]) {
            let index = live[j]
            let first = !opened[index - spans.startIndex]
            out.append(tags, first ? spans[index].open : spans[index].reopen)
            opened[index - spans.startIndex] = true
            stack.append(index)
        }
    }

    /// Brings `live` and `next` to `position`, which is never before the last one: the spans
    /// starting by then join `live` (in index order, as they are sorted by start), and those
    /// ended by then leave it. Linear in the spans over a whole write, where testing every span
    /// at each piece of text was quadratic in a long paragraph's.
    private mutating func advance(to position: Int) {
        while next < spans.endIndex && spans[next].range.lowerBound <= position {
            live.append(next)
            next += 1
        }
        // Removed only when one has ended (mostly none has: no list rebuilt).
        var j = 0
        while j < live.count && spans[live[j]].range.upperBound > position { j += 1 }
        if j < live.count { live.removeAll { spans[$0].range.upperBound <= position } }
    }

    private mutating func close(downTo depth: Int) {
        while stack.count > depth {
            out.append(tags, spans[stack.removeLast()].close)
        }
    }
}
