@testable import ChronicleSite
import Testing

/// The small JSON writer and the Markdown escaper behind events.json and timeline.md.
struct WriterFormatTests {
    @Test func jsonKeepsKeyOrderAndIndentsByTwo() {
        let value = JSONValue.object([("z", .number(1)), ("a", .array([.null, .bool(false)])), ("e", .array([])), ("o", .object([]))])
        #expect(JSONWriter.write(value) == """
        {
          "z": 1,
          "a": [
            null,
            false
          ],
          "e": [],
          "o": {}
        }

        """)
    }

    @Test func jsonEscapesOnlyWhatItMust() {
        let text = "a\"b\\c/d\ne\tf\u{01}g é “h” \u{2028}"
        #expect(JSONWriter.write(.string(text)) == #""a\"b\\c/d\ne\tf\u0001g é “h” \u2028""# + "\n")
    }

    @Test(arguments: [(2.0, "2"), (0.5, "0.5"), (-3.0, "-3"), (1.25, "1.25"), (Double.nan, "null"), (0.1 + 0.2, "0.30000000000000004")])
    func jsonNumbers(_ n: Double, _ text: String) {
        #expect(JSONWriter.number(n) == text)
    }

    @Test func markdownEscapesInlineMarkup() {
        #expect(MarkdownEscape.text("*a* _b_ `c` [d](e) <f> & g | h ~i~ #j\nk") ==
            ##"\*a\* \_b\_ \`c\` \[d\](e) \<f\> \& g \| h \~i\~ \#j k"##)
    }

    @Test func feedTitlesAreShortenedAtAWord() {
        #expect(FeedContext.shortened("short", to: 10) == "short")
        #expect(FeedContext.shortened("one two, three four", to: 12) == "one two…")
    }

    @Test func sourceNamesTellRepeatedOutletsApart() {
        let title = "Starmer tells Putin to stop playing games over a ceasefire"
        #expect(EventContext.sourceName(outlet: "AP", title: title, repeated: false) == "AP")
        #expect(EventContext.sourceName(outlet: "AP", title: title, repeated: true) == "AP: Starmer tells Putin to stop…")
        #expect(EventContext.sourceName(outlet: nil, title: title, repeated: false) == "Starmer tells Putin to stop playing…")
    }

    @Test func eventAnchorsAreSafeIds() {
        #expect(Paths.eventAnchor("2025-03-15/a b\"c") == "event-2025-03-15-a-b-c")
    }
}
