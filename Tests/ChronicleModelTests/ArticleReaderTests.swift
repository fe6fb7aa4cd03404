@testable import ChronicleModel
import ChronicleMarkdown
import ChronicleTime
import Testing

@Suite struct ArticleReaderTests {
    let reader = ArticleReader(config: SiteConfig(timeZone: Zone(identifier: "Europe/London")!))

    func read(_ text: String, path: String = "content/a.md") throws(Diagnostic) -> (Article, [Diagnostic]) {
        try reader.read(bytes: Array(text.utf8), path: path)
    }

    @Test func readsEveryField() throws {
        let (a, warnings) = try read("""
            ---
            title: "Talks resume"
            date: 2025-03-14T23:30:00-04:00
            source: Example News
            url: https://example.org/a
            author: A. Reporter
            slug: Talks Resume!
            draft: false
            ---
            Leaders met on Friday.
            """)
        #expect(warnings.isEmpty)
        #expect(a.title == "Talks resume")
        #expect(a.source == "Example News")
        #expect(a.url == "https://example.org/a")
        #expect(a.author == "A. Reporter")
        #expect(a.slug == "talks-resume")
        // The article's own calendar: written at 23:30 in New York, it was published on the 14th
        // there, whatever the site's zone (a `timezone` field would convert it).
        #expect(a.published?.date.description == "2025-03-14")
        #expect(a.published?.rfc3339 == "2025-03-14T23:30:00-04:00")
        #expect(a.document.textBlocks.map(\.text) == ["Leaders met on Friday."])
        #expect(a.document.textBlocks.first?.line == 10)
    }

    @Test func yamlDatesStayCalendarDays() throws {
        // Yams would turn a bare timestamp into a Date in some zone; the reader keeps the text.
        let (a, _) = try read("---\ntitle: T\ndate: 2025-03-15\ntimezone: Pacific/Kiritimati\n---\nBody.\n")
        #expect(a.published?.date.description == "2025-03-15")
        #expect(a.zone.identifier == "Pacific/Kiritimati")
    }

    /// The byte paths for ASCII text answer as the character paths do.
    /// Which files the content folder's walk takes for articles: the extension in any case, and not a dot file's name alone.
    @Test func articleFileNames() {
        for name in ["a.md", "b.MD", "c.Markdown", "2025-03-15-talks.txt", "d.e.md", "é.md", "f.mD"] {
            #expect(TimelineBuilder.isArticle(name.utf8), "\(name)")
        }
        for name in ["a.mdx", "b.html", "notes", ".md", "c.md.bak", "d.", "é.txté"] {
            #expect(!TimelineBuilder.isArticle(name.utf8), "\(name)")
        }
    }

    @Test func asciiPathsMatchCharacterPaths() {
        let texts = ["Hello, World!", "  Leading and trailing  ", "a--b__c", "2024-03-15 Budget: 12.5% cut", "", "/", "a/b/",
                     "content/2024/story.md", "content/.hidden", "story.tar.gz", "no-extension", "a//b.txt",
                     "HTTPS://Example.com/x", "http://a b", "http://x\"y", "ftp://x", "https://ok/<", "http://\nx",
                     String(repeating: "word ", count: 30)]
        for text in texts {
            // A no-break space folds to nothing and sends `Slug.make` down its Unicode path.
            #expect(Slug.make(text) == Slug.make(text + "\u{00A0}"), "\(text)")
            #expect(ArticleReader.stem(of: text) == ArticleReader.stem(ofSplit: text), "\(text)")
            #expect(ArticleReader.isWebURL(text) == ArticleReader.isWebURLByCharacters(text), "\(text)")
        }
    }

    @Test func slugFallsBackToTheFileName() throws {
        let (a, _) = try read("---\ntitle: T\ndate: 2025-03-15\n---\nBody.\n", path: "content/2025/Über Café.md")
        #expect(a.slug == "uber-cafe")
    }

    @Test func slugCannotEscapeTheOutput() throws {
        let (a, _) = try read("---\ntitle: T\ndate: 2025-03-15\nslug: ../../etc/passwd\n---\nBody.\n")
        #expect(a.slug == "etc-passwd")
    }

    @Test func missingDateIsAWarningNotAnError() throws {
        let (a, warnings) = try read("---\ntitle: T\n---\nBody.\n")
        #expect(a.published == nil)
        #expect(warnings.contains { $0.message.contains("no publication `date`") })
    }

    @Test func nonWebURLsAreDropped() throws {
        let (a, warnings) = try read("---\ntitle: T\ndate: 2025-03-15\nurl: javascript:alert(1)\n---\nBody.\n")
        #expect(a.url == nil)
        #expect(warnings.first?.line == 4)
    }

    @Test(arguments: [
        ("---\ntitle: T\ndate: 15/03/2025\n---\nBody.\n", 3, "`date`"),
        ("---\ntitle: T\ndate: 2025-03-15\ntimezone: Mars/Olympus\n---\nBody.\n", 4, "unknown time zone"),
        ("---\ntitle: [unclosed\ndate: 2025-03-15\n---\nBody.\n", 2, "malformed YAML"),
        ("---\ntitle: T\ndraft: maybe\n---\nBody.\n", 3, "`draft`"),
        ("---\ntitle: T\ndate: 2025-03-15\n", 1, "never closed"),
        ("---\n- a\n- b\n---\nBody.\n", 2, "mapping"),
        // Yams' own text for this spans three lines and quotes the NUL byte itself.
        ("---\ntitle: T\nsource: A\u{0}B\ndate: 2025-03-15\n---\nBody.\n", 3,
         "malformed YAML front matter: control characters are not allowed (U+0000)"),
    ])
    func badFrontMatterNamesTheLine(text: String, line: Int, message: String) {
        do {
            _ = try read(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "content/a.md")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Array("---\ntitle: T\n---\nfine\nbad ".utf8)
        bytes += [0xC3, 0x28]
        do {
            _ = try reader.read(bytes: bytes, path: "x.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 5)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test func noFrontMatterUsesTheFileName() throws {
        let (a, warnings) = try read("Just text.\n", path: "notes/plain.md")
        #expect(a.title == "plain")
        #expect(warnings.count == 2)
    }
}

@Suite struct PlainTextReaderTests {
    @Test func oneParagraphPerSentenceEndingLine() {
        let doc = PlainTextReader.document("First line.\nSecond line.\n\nThird\nwrapped line.\n", firstLine: 1)
        #expect(doc.textBlocks.map(\.text) == ["First line.", "Second line.", "Third wrapped line."])
        #expect(doc.textBlocks.map(\.line) == [1, 2, 4])
    }

    @Test func anOpenBracketRunsOn() {
        let doc = PlainTextReader.document("(\nAP)\nNext.\n", firstLine: 7)
        #expect(doc.textBlocks.map(\.text) == ["( AP)", "Next."])
        #expect(doc.textBlocks.first?.line == 7)
    }

    @Test func markdownSyntaxIsText() {
        let doc = PlainTextReader.document("# not a heading <b>x</b>.\n", firstLine: 1)
        #expect(doc.textBlocks.map(\.text) == ["# not a heading <b>x</b>."])
    }
}

@Suite struct SiteConfigReaderTests {
    @Test func readsSettings() throws {
        let (c, warnings) = try SiteConfigReader.read("""
            title: Ukraine talks
            description: Who met when
            base_url: https://example.org/ukraine
            timezone: Europe/Kyiv
            order: newest-first
            colour: blue
            """)
        #expect(c.title == "Ukraine talks")
        #expect(c.baseURL == "https://example.org/ukraine/")
        #expect(c.timeZone.identifier == "Europe/Kyiv")
        #expect(c.order == .newestFirst)
        #expect(warnings.map(\.line) == [6])
    }

    @Test func badValuesNameTheLine() {
        #expect(throws: Diagnostic(.error, file: "chronicle.yml", line: 2, "`order` must be oldest-first or newest-first, not `sideways`")) {
            try SiteConfigReader.read("title: x\norder: sideways\n")
        }
    }

    /// A list or mapping where a setting's value belongs was ignored without a word (`title: {a: 1}`
    /// gave the default title); the config's YAML errors spoke of "front matter".
    @Test(arguments: [
        ("title: x\nlanguage: [en]\n", 2, "`language` must be a single value"),
        ("# site\ntitle: {a: 1}\n", 2, "`title` must be a single value"),
        ("title: [unclosed\n", 1, "malformed YAML site config: "),
        ("- a\n- b\n", 1, "the site config must be a YAML mapping of `key: value` lines"),
    ])
    func wrongTypesAndBadYAMLNameTheConfig(text: String, line: Int, message: String) {
        do {
            _ = try SiteConfigReader.read(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "chronicle.yml" && error.line == line, "\(error)")
            #expect(error.message.hasPrefix(message), "\(error)")
        }
    }
}
