import Foundation
import ChronicleMarkdown
import Testing

/// Spans given as UTF-8 offsets into a block's plain text.
struct InlineSpanTests {
    func mark(_ range: Range<Int>) -> InlineSpan { InlineSpan(range: range, tag: "mark") }

    func html(_ markdown: String, _ spans: [InlineSpan]) -> String {
        HTMLRenderer().render(MarkdownParser.parse(markdown), decorations: [0: BlockDecoration(spans: spans)])
    }

    /// The UTF-8 range of `needle` in the block's plain text.
    func range(of needle: String, in markdown: String) -> Range<Int> {
        let text = MarkdownParser.parse(markdown).textBlocks[0].text
        let r = text.range(of: needle)!
        let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        return start..<(start + needle.utf8.count)
    }

    @Test func spanInPlainText() {
        #expect(html("met on Friday in Paris", [mark(7..<13)]) == "<p>met on <mark>Friday</mark> in Paris</p>\n")
    }

    @Test func attributesAreEscaped() {
        let span = InlineSpan(range: 0..<2, tag: "time", attributes: [("datetime", "2025"), ("title", "a \"b\" <c> & 'd'")])
        #expect(html("on it", [span]) == "<p><time datetime=\"2025\" title=\"a &quot;b&quot; &lt;c&gt; &amp; &#39;d&#39;\">on</time> it</p>\n")
    }

    @Test func spanContainingEmphasisWrapsIt() {
        let md = "said on *Fri*day night"
        #expect(html(md, [mark(range(of: "on Friday", in: md))]) == "<p>said <mark>on <em>Fri</em>day</mark> night</p>\n")
    }

    @Test func spanCrossingEmphasisIsWrappedPiecewise() {
        let md = "said *on Fri*day night"
        #expect(html(md, [mark(range(of: "Friday night", in: md))]) ==
            "<p>said <em>on <mark>Fri</mark></em><mark>day night</mark></p>\n")
    }

    @Test func spanStartingInsideEmphasis() {
        let md = "*the Friday* summit"
        #expect(html(md, [mark(range(of: "Friday summit", in: md))]) ==
            "<p><em>the <mark>Friday</mark></em><mark> summit</mark></p>\n")
    }

    @Test func spanCoveringWholeElementStaysOpen() {
        let md = "on **Friday** 14"
        #expect(html(md, [mark(range(of: "on Friday 14", in: md))]) ==
            "<p><mark>on <strong>Friday</strong> 14</mark></p>\n")
    }

    @Test func nestedSpansAndIdOnFirstPieceOnly() {
        let md = "He said *on Friday* it ended. Next."
        let sentence = InlineSpan(range: range(of: "He said on Friday it ended.", in: md), tag: "span",
                                  attributes: [("id", "s1"), ("class", "sentence")])
        let time = InlineSpan(range: range(of: "on Friday", in: md), tag: "time")
        #expect(html(md, [time, sentence]) ==
            "<p><span id=\"s1\" class=\"sentence\">He said <em><time>on Friday</time></em> it ended.</span> Next.</p>\n")
        let cross = InlineSpan(range: range(of: "said on", in: md), tag: "span", attributes: [("id", "x")])
        #expect(html(md, [cross]) == "<p>He <span id=\"x\">said </span><em><span>on</span> Friday</em> it ended. Next.</p>\n")
    }

    @Test func spanAcrossLinkAndCode() {
        let md = "see [the `15 March` talks](https://e.org) today"
        #expect(html(md, [mark(range(of: "15 March talks today", in: md))]) ==
            "<p>see <a href=\"https://e.org\">the <code><mark>15 March</mark></code><mark> talks</mark></a><mark> today</mark></p>\n")
    }

    @Test func multiByteTextKeepsOffsets() {
        let md = "Zelenskyy’s café — on 15 März"
        let html = self.html(md, [mark(range(of: "15 März", in: md)), mark(range(of: "café", in: md))])
        #expect(html == "<p>Zelenskyy’s <mark>café</mark> — on <mark>15 März</mark></p>\n")
    }

    @Test func offsetsInsideACharacterMoveToItsEnd() {
        // "é" is two bytes (3..<5); a span ending at 4 must not cut it.
        #expect(html("café!", [mark(0..<4)]) == "<p><mark>café</mark>!</p>\n")
    }

    @Test func softAndHardBreaksCountAsOneCharacter() {
        let md = "one\ntwo  \nthree"
        #expect(MarkdownParser.parse(md).textBlocks[0].text == "one two three")
        #expect(html(md, [mark(range(of: "two three", in: md))]) == "<p>one\n<mark>two<br />\nthree</mark></p>\n")
    }

    @Test func rawInlineHTMLDoesNotShiftOffsets() {
        let md = "a <b>bold</b> Friday"
        #expect(html(md, [mark(range(of: "Friday", in: md))]) == "<p>a bold <mark>Friday</mark></p>\n")
    }

    @Test func spanTextWithMarkupCharactersIsEscaped() {
        let md = "x &lt;script&gt; & y"
        #expect(html(md, [mark(range(of: "<script> &", in: md))]) == "<p>x <mark>&lt;script&gt; &amp;</mark> y</p>\n")
    }

    @Test func outOfRangeAndEmptySpansAreIgnoredOrClamped() {
        #expect(html("abc", [mark(1..<1), mark(2..<99)]) == "<p>ab<mark>c</mark></p>\n")
    }

    @Test func plainTextHelper() {
        #expect(HTMLRenderer.text("a <b> c", spans: [mark(2..<5)]) == "a <mark>&lt;b&gt;</mark> c")
    }
}
