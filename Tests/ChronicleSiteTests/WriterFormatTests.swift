@testable import ChronicleSite
import Testing

/// The JSON writer and the Markdown escaper behind events.json and timeline.md.
struct WriterFormatTests {
    @Test func jsonWritesOneEventPerLineInAFixedKeyOrder() throws {
        let events = FixtureTimeline.timeline.events.prefix(2)
        let text = String(decoding: EventsJSON.events(Array(events)), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"id\":\"") })
        #expect(lines[0].hasSuffix("},"))
        for key in ["\"date\"", "\"start\"", "\"end\"", "\"grain\"", "\"status\"", "\"text\"", "\"score\"", "\"key\"", "\"sources\"", "\"mentions\""] {
            #expect(text.contains(key + ":"))
        }
    }

    @Test func jsonEscapesOnlyWhatItMust() {
        var out = JSONBytes()
        out.string("a\"b\\c/d\ne\tf\u{01}g é “h” \u{2028}")
        out.raw(",")
        out.string(nil)
        #expect(String(decoding: out.bytes, as: UTF8.self) == #""a\"b\\c/d\ne\tf\u0001g é “h” \u2028",null"#)
    }

    /// Strings of every length up to three words, with what must be escaped (and what must not) at
    /// every place: the last bytes of a string are read in the word that ends it, less those read before.
    @Test func jsonEscapesAtEveryPlaceOfEveryLength() {
        let specials = ["\"": #"\""#, "\u{01}": #"\u0001"#, "\u{2028}": #"\u2028"#, "’": "’", " ": " "]
        for (special, escaped) in specials {
            for length in 0..<24 {
                for at in 0...length {
                    // After a tab, escaped before the word that ends the string is read.
                    let (head, tail) = (String(repeating: "a", count: at), String(repeating: "b", count: length - at))
                    var out = JSONBytes()
                    out.string("\t" + head + special + tail)
                    #expect(String(decoding: out.bytes, as: UTF8.self) == #""\t"# + head + escaped + tail + "\"", "\(special) at \(at) of \(length)")
                }
            }
        }
    }

    /// Strings long enough to be read eight bytes at a time, with what must be escaped (and what
    /// must not) at every place in a word.
    @Test func jsonEscapesAtEveryPlaceInAWord() {
        let specials = ["\"": #"\""#, "\\": #"\\"#, "\n": #"\n"#, "\u{01}": #"\u0001"#, "\u{1F}": #"\u001f"#, "\u{2028}": #"\u2028"#,
                        "\u{2029}": #"\u2029"#, "’": "’", "é": "é", "\t": #"\t"#, "\u{2027}": "\u{2027}"]
        for (special, escaped) in specials {
            for at in 0..<17 {
                let (head, tail) = (String(repeating: "a", count: at), String(repeating: "b", count: 17 - at))
                var out = JSONBytes()
                out.string(head + special + tail + special)
                #expect(String(decoding: out.bytes, as: UTF8.self) == "\"" + head + escaped + tail + escaped + "\"", "\(special) at \(at)")
            }
        }
    }

    @Test(arguments: [(2.0, "2"), (0.5, "0.5"), (-3.0, "-3"), (1.25, "1.25"), (Double.nan, "null"), (0.1 + 0.2, "0.30000000000000004")])
    func jsonNumbers(_ n: Double, _ text: String) {
        #expect(JSONNumber.format(n) == text)
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
        #expect(EventView.sourceName(outlet: "AP", title: title, repeated: false) == "AP")
        #expect(EventView.sourceName(outlet: "AP", title: title, repeated: true) == "AP: Starmer tells Putin to stop…")
        #expect(EventView.sourceName(outlet: nil, title: title, repeated: false) == "Starmer tells Putin to stop playing…")
    }

    @Test func eventAnchorsAreSafeIds() {
        #expect(Paths.eventAnchor("2025-03-15/a b\"c") == "event-2025-03-15-a-b-c")
    }
}
