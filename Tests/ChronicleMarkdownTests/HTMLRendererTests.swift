import ChronicleMarkdown
import Testing

/// Block structure and safe mode.
struct HTMLRendererTests {
    func html(_ markdown: String, _ decorations: [Int: BlockDecoration] = [:]) -> String {
        HTMLRenderer().render(MarkdownParser.parse(markdown), decorations: decorations)
    }

    @Test func paragraphsAndHeadings() {
        #expect(html("# Title\n\nOne *two* **three** `four`.") ==
            "<h1>Title</h1>\n<p>One <em>two</em> <strong>three</strong> <code>four</code>.</p>\n")
    }

    @Test func headingOffsetCapsAtSix() {
        let doc = MarkdownParser.parse("# A\n\n###### B")
        #expect(HTMLRenderer(headingOffset: 1).render(doc) == "<h2>A</h2>\n<h6>B</h6>\n")
    }

    /// Text long enough to be read eight bytes at a time, with what must be escaped at every place
    /// in a word: escaped as one character at a time escapes it.
    @Test func escapingFindsEverySpecialByte() {
        for special in ["&", "<", ">", "\"", "'", "é", "’", "=", "?", "%", "\u{1E}"] {
            for at in 0..<17 {
                let text = String(repeating: "a", count: at) + special + String(repeating: "b", count: 17 - at) + special
                for quotes in [false, true] {
                    let expected = text.map { c -> String in
                        switch c {
                        case "&": "&amp;"
                        case "<": "&lt;"
                        case ">": "&gt;"
                        case "\"" where quotes: "&quot;"
                        case "'" where quotes: "&#39;"
                        default: String(c)
                        }
                    }.joined()
                    #expect((quotes ? HTMLEscape.attribute(text) : HTMLEscape.text(text)) == expected, "\(special) at \(at)")
                }
            }
        }
    }

    @Test func textIsEscaped() {
        #expect(html("Tom & Jerry say \"5 > 3\" <3") == "<p>Tom &amp; Jerry say \"5 &gt; 3\" &lt;3</p>\n")
    }

    @Test func rawHTMLIsDropped() {
        #expect(html("<script>alert(1)</script>\n\nHello <b onclick=\"x\">bold</b> world") ==
            "<p>Hello bold world</p>\n")
    }

    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "vbscript:msgbox", "file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD4=",
    ])
    func unsafeLinkSchemesAreEmptied(_ url: String) {
        let doc = MarkdownDocument(blocks: [.paragraph([.link(destination: url, title: "", [.text("x")])], line: 1)])
        #expect(HTMLRenderer().render(doc) == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func safeURLsAreKeptAndEscaped() {
        #expect(html("[a](https://example.org/?a=1&b=2 \"T'itle\")") ==
            "<p><a href=\"https://example.org/?a=1&amp;b=2\" title=\"T&#39;itle\">a</a></p>\n")
        let doc = MarkdownDocument(blocks: [.paragraph([.link(destination: "https://x.org/\"><script>", title: "", [.text("x")])], line: 1)])
        #expect(HTMLRenderer().render(doc) == "<p><a href=\"https://x.org/&quot;&gt;&lt;script&gt;\">x</a></p>\n")
    }

    @Test func imagesKeepOnlySafeDataURLs() {
        #expect(html("![a <b>](data:image/png;base64,AAAA)") == "<p><img src=\"data:image/png;base64,AAAA\" alt=\"a \" /></p>\n")
        #expect(html("![x](data:image/svg+xml;base64,AAAA)") == "<p><img src=\"\" alt=\"x\" /></p>\n")
    }

    @Test func codeBlocksAreEscapedAndLabelled() {
        #expect(html("```swift extra\nlet a = b < c && d\n```") ==
            "<pre><code class=\"language-swift\">let a = b &lt; c &amp;&amp; d\n</code></pre>\n")
    }

    /// Nesting beyond `maxDepth` is flattened in a loop: the recursion it replaced overflowed the
    /// stack (a segmentation fault of the whole build) at 30,000 `*` or `>`.
    @Test func deepNestingIsFlattenedWithoutExhaustingTheStack() {
        let emphasis = String(repeating: "*", count: 30_000) + "deep" + String(repeating: "*", count: 30_000)
        #expect(html(emphasis).contains("deep"))
        let quotes = html(String(repeating: "> ", count: 30_000) + "quoted\n\n" + String(repeating: "> ", count: 30_000) + "- item")
        #expect(quotes.contains("<p>quoted</p>") && quotes.contains("item"))
        let links = html(String(repeating: "[a ", count: 20_000) + "end" + String(repeating: "](x)", count: 20_000))
        #expect(links.contains("end"))
        // Up to the limit the structure is kept.
        #expect(html("> > *a **b***").hasPrefix("<blockquote>\n<blockquote>\n<p><em>a <strong>b</strong></em></p>"))
    }

    @Test func nestedListsAndQuotes() {
        let markdown = """
        > Quote *one*
        >
        > - item a
        >   - nested b
        > - item c

        1. first

        2. second

        ---
        """
        #expect(html(markdown) == """
        <blockquote>
        <p>Quote <em>one</em></p>
        <ul>
        <li>item a
        <ul>
        <li>nested b</li>
        </ul>
        </li>
        <li>item c</li>
        </ul>
        </blockquote>
        <ol>
        <li>
        <p>first</p>
        </li>
        <li>
        <p>second</p>
        </li>
        </ol>
        <hr />

        """)
    }

    @Test func orderedListStart() {
        #expect(html("3. three\n4. four") == "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n")
    }

    @Test func decorationsFollowTextBlockOrdinals() {
        let markdown = "# Head\n\n> quoted para\n\n- tight item\n\nlast"
        let doc = MarkdownParser.parse(markdown)
        #expect(doc.textBlocks.map(\.text) == ["Head", "quoted para", "tight item", "last"])
        let decorations: [Int: BlockDecoration] = [
            0: BlockDecoration(id: "b0"),
            1: BlockDecoration(classes: ["boilerplate"]),
            2: BlockDecoration(classes: ["boilerplate", "x\"y"]),
            3: BlockDecoration(classes: ["boilerplate"], id: "b3"),
        ]
        #expect(HTMLRenderer().render(doc, decorations: decorations) == """
        <h1 id="b0">Head</h1>
        <blockquote>
        <p class="boilerplate">quoted para</p>
        </blockquote>
        <ul>
        <li><span class="boilerplate x&quot;y">tight item</span></li>
        </ul>
        <p id="b3" class="boilerplate">last</p>

        """)
    }
}
