@testable import ChronicleImport
import Testing

/// The tokenizer and tree builder forgive broken HTML; entities decode the way browsers do.
struct HTMLParsingTests {
    @Test(arguments: [
        ("caf&eacute; &amp; bar", "café & bar"),
        ("&#8220;quoted&#x201D;", "“quoted”"),
        ("&#150; dash", "– dash"),
        ("AT&T &unknown; &#0;", "AT&T &unknown; \u{FFFD}"),
        ("fish &amp chips", "fish & chips"),
        ("&nbsp;&hellip;&mdash;&yuml;", "\u{A0}…—ÿ"),
    ])
    func entities(_ raw: String, _ decoded: String) {
        #expect(HTMLEntities.decode(raw) == decoded)
    }

    @Test func latin1TableIsComplete() {
        #expect(HTMLEntities.named["nbsp"] == "\u{A0}")
        #expect(HTMLEntities.named["yuml"] == "\u{FF}")
        #expect(HTMLEntities.named["divide"] == "\u{F7}")
    }

    @Test func brokenMarkupStillParses() {
        let root = HTMLTree.parse("<div class=a><p>One <b>bold<p>Two</i> <a href=x>three</div></span><p>Four & <5")
        let paragraphs = root.descendants { $0.name == "p" }.map(\.text)
        #expect(paragraphs == ["One bold", "Two three", "Four & <5"])
    }

    @Test func rawTextElementsAreNotParsed() {
        let root = HTMLTree.parse("<script>if (a < b) { x = '</p>'; }</script><style>p>a{}</style><title>A &amp; B</title>")
        #expect(root.descendants { $0.name == "p" }.isEmpty)
        #expect(root.descendants { $0.name == "title" }.first?.text == "A & B")
    }

    @Test func listItemsAndParagraphsCloseImplicitly() {
        let root = HTMLTree.parse("<ul><li>one<li>two<ul><li>two.a</ul><li>three</ul><p>a<div>b</div>")
        let top = root.descendants { $0.name == "ul" }.first!
        #expect(top.elements.map(\.name) == ["li", "li", "li"])
        #expect(root.elements.map(\.name) == ["ul", "p", "div"])
    }

    @Test func markdownEscapesAndLinks() {
        let root = HTMLTree.parse("""
            <p>1. Not a list *really* [x] and <a href="https://e.example/a b(c)">a link</a> <a href="/rel">relative</a> <a href="mailto:x@y">mail</a></p>
            <p># not a heading &amp;copy; <code>a*b</code></p><ol start="3"><li>three</li><li><p>four</p><p>more</p></li></ol>
            """)
        let markdown = MarkdownWriter(baseURL: "https://e.example/dir/page").write([root])
        #expect(markdown == """
            1\\. Not a list \\*really\\* \\[x\\] and [a link](https://e.example/a%20b%28c%29) [relative](https://e.example/rel) mail

            \\# not a heading \\&copy; `a*b`

            3. three
            4. four

               more
            """)
    }

    @Test func outletSuffixesLeaveTheHeadline() {
        let root = HTMLTree.parse(#"<meta property="og:title" content="Talks resume | Courier"><meta property="og:site_name" content="Courier">"#)
        #expect(MetadataExtractor.extract(from: root).title == "Talks resume")
        #expect(TitleSplitter.split("Ukraine: what we know - day 3 of the talks", knownOutlet: nil) == ("Ukraine: what we know - day 3 of the talks", nil))
        #expect(TitleSplitter.split("Talks resume in Jeddah – Gulf Courier", knownOutlet: nil) == ("Talks resume in Jeddah", "Gulf Courier"))
    }

    @Test(arguments: [
        ("Sat, 15 Mar 2025 09:30:00 GMT", "2025-03-15T09:30:00Z"),
        ("15 March 2025 09:30 +0100", "2025-03-15T09:30:00+01:00"),
        ("March 15, 2025", "2025-03-15"),
        ("2025/03/15", "2025-03-15"),
    ])
    func looseDates(_ raw: String, _ iso: String) {
        #expect(LooseDate.iso(raw) == iso)
    }

    @Test(arguments: ["yesterday", "32 March 2025", "2025"])
    func looseDatesRejectNonsense(_ raw: String) {
        #expect(LooseDate.iso(raw) == nil)
    }
}

/// Pages that are not UTF-8 are read in the charset they declare, else as Windows-1252.
struct PageDecoderTests {
    @Test func latin1AndWindows1252() {
        let bytes: [UInt8] = Array("<meta charset=\"iso-8859-1\"><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        #expect(PageDecoder.decode(bytes).hasSuffix("<p>café</p>"))
        let quotes: [UInt8] = [0x93] + Array("quoted".utf8) + [0x94]
        #expect(PageDecoder.decode(quotes) == "“quoted”")
        #expect(PageDecoder.decode(Array("naïve".utf8)) == "naïve")
    }
}
