@testable import ChronicleModel
import ChronicleTime
import Testing

/// The fast reader of flat front matter answers as Yams does, and leaves the rest to Yams.
@Suite struct FrontMatterTests {
    /// Headers the fast reader must read itself (what articles nearly always have).
    static let flat: [String] = [
        "title: \"Eastmark reported 8 new cases\"\ndate: 2023-06-01T22:59:59-04:00\nsource: \"Capitol Courier\"\nurl: \"https://capitolcourier.example/article/a-40cd09\"\n",
        "title: Talks resume\ndate: 2025-03-14\n",
        "title: 'Single quoted'\nslug: Talks Resume!\ndraft: false\n",
        "title: He said \"no\" twice\nauthor: A. Reporter\n",
        "url: javascript:alert(1)\ntitle: C# & F#, [draft] {x} 100% @home *now* !x |y >z\n",
        "title: Über Café – “quoted” ‘single’\nsource: Le Monde\u{00A0}\n",
        "title:\ndate: 2025-03-15\n",
        "title:    \ndate:2025\n".replacingOccurrences(of: "date:2025", with: "date: 2025"),
        "title: \"  padded  \"   \ndate: 2025-03-15   \n",
        "\ntitle: T\n\n  \ndate: 2025-03-15\n",
        "title: a: b\n".replacingOccurrences(of: "a: b", with: "a:b"),
        "my-key_2: value\nTitle: other\n",
        "title: \"\"\n",
        "title: ''\n",
        "title: \"Halvik's army withdrew\"\nsource: \"The Gulf Post\"\n",
        "title: 'The \"deal\" is off'\n",
        "title: \"It's a 'deal'\"\n",
        "title: 'back\\slash'\n",
        "title: 3 pm ET\ndate: 2025-03-15T15:00:00Z\n",
        "",
        "\n\n",
    ]

    /// Headers the fast reader must hand to Yams (they mean something else, or may).
    static let other: [String] = [
        "# a comment\ntitle: T\n",
        "title: T # a comment\n",
        "title: T\n  continued\n",
        "title: \"escaped \\\" quote\"\n",
        "title: 'It''s'\n",
        "title: \"unclosed\n",
        "title: [unclosed\n",
        "tags: [a, b]\n",
        "tags:\n  - a\n  - b\n",
        "title: |\n  block\n",
        "title: >\n  folded\n",
        "title: &a anchor\nother: *a\n",
        "title: !tag value\n",
        "title: T\ntitle: again\n",
        "title: a: b\n",
        "title: ends with:\n",
        "title:\tT\n",
        "title: T\u{0085}next\n",
        "title: T\u{2028}next\n",
        "title: T\u{FEFF}\n",
        "title: T\u{0007}\n",
        " title: T\n",
        "title : T\n",
        "- a\n- b\n",
        "%YAML 1.1\n",
        "title: ~\n",
        "title: -5\n",
        "title: ?x\n",
        "\"quoted key\": v\n",
    ]

    @Test(arguments: flat)
    func flatHeadersAreReadWithoutYams(yaml: String) throws {
        let fast = try #require(YAMLFields.parseFlat(yaml, firstLine: 2))
        #expect(fast == (try YAMLFields.parseWithYams(yaml, file: "a.md", firstLine: 2)))
    }

    @Test(arguments: other)
    func otherHeadersGoToYams(yaml: String) {
        #expect(YAMLFields.parseFlat(yaml, firstLine: 2) == nil)
    }

    @Test func fieldsKeepTheirOrderAndLines() throws {
        let fields = try #require(YAMLFields.parseFlat("title: T\n\ndate: 2025-03-15\nsource: \"S\"\n", firstLine: 2))
        #expect(fields.keys == ["title", "date", "source"])
        #expect(fields["date"] == YAMLFields.Field(value: "2025-03-15", line: 4, isScalar: true))
        #expect(fields["source"]?.value == "S")
    }

    @Test func trimmingMatchesFoundationWhitespace() {
        #expect(" \t\u{00A0}\u{200B}x y\u{3000}\u{202F} ".trimmingHorizontalWhitespace == "x y")
        #expect("\u{0085}x\u{2028}".trimmingHorizontalWhitespace == "\u{0085}x\u{2028}")
        #expect("   ".trimmingHorizontalWhitespace == "")
        #expect("plain".trimmingHorizontalWhitespace == "plain")
    }

    @Test(arguments: [
        ("---\ntitle: T\n---\nBody\n", "title: T\n", "Body\n", 4),
        ("\u{FEFF}---  \ntitle: T\n--- \t\nBody", "title: T\n", "Body", 4),
        ("---\na: 1\nb: 2\n...\nBody", "a: 1\nb: 2\n", "Body", 5),
        ("---\ntitle: T\n---", "title: T\n", "", 4),
        ("---\ntitle: ---\n----\n---\u{301}\n---\nBody", "title: ---\n----\n---\u{301}\n", "Body", 6),
    ])
    func splitsAtDelimiterLines(text: String, yaml: String, body: String, bodyLine: Int) throws {
        let parts = try FrontMatterSplitter.split(text, file: "a.md")
        #expect(parts.yaml == yaml)
        #expect(String(parts.body) == body)
        #expect(parts.bodyLine == bodyLine)
    }

    @Test func noFrontMatterWithoutAnOpeningLine() throws {
        for text in ["Body\n---\n", "--- x\ntitle: T\n---\n", "...\ntitle: T\n---\n"] {
            let parts = try FrontMatterSplitter.split(text, file: "a.md")
            #expect(parts.yaml == nil)
            #expect(String(parts.body) == text)
        }
    }
}
