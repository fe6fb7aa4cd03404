@testable import ChronicleImport
import ChronicleModel
import ChronicleTestSupport
import ChronicleTime
import Foundation
import Testing

/// `chronicle add` on files: plain text with flags, front matter copies, saved pages, duplicates, path safety.
struct ArticleImporterTests {
    let site: TemporaryDirectory
    var content: URL { site.url.appendingPathComponent("content") }

    init() throws { site = try TemporaryDirectory("chronicle-import") }

    func importer(_ options: ImportOptions = ImportOptions(), zone: String = "Europe/London") -> ArticleImporter {
        ArticleImporter(contentDirectory: content, config: SiteConfig(timeZone: Zone(identifier: zone)!), options: options,
                        display: { [site] in String($0.path.dropFirst(site.path.count + 1)) })
    }

    func files() throws -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: content.path).sorted()) ?? []
    }

    static let plainBody = "Leaders met in London on Sunday to discuss a peace plan for Ukraine.\nThey will meet again next week.\n"

    // MARK: plain text

    @Test func plainTextGetsFrontMatterFromTheFlags() throws {
        defer { site.remove() }
        let input = try site.write("in/summit.txt", Self.plainBody)
        var importer = importer(ImportOptions(title: "Leaders meet: a \"coalition\"", published: "2025-03-14T23:30:00-04:00",
                                              source: "Example News", url: "https://example.org/a", timezone: "Europe/London"))
        let outcome = importer.add(input.path)
        #expect(outcome == .added(path: "content/2025-03-15-leaders-meet-a-coalition.txt", title: "Leaders meet: a \"coalition\"",
                                  source: "Example News", date: "2025-03-15", replaced: nil))
        #expect(outcome.line == "added content/2025-03-15-leaders-meet-a-coalition.txt (Leaders meet: a \"coalition\", Example News, 2025-03-15)")
        #expect(try site.read("content/2025-03-15-leaders-meet-a-coalition.txt") == """
            ---
            title: "Leaders meet: a \\"coalition\\""
            date: 2025-03-14T23:30:00-04:00
            source: "Example News"
            url: "https://example.org/a"
            timezone: Europe/London
            ---

            \(Self.plainBody)
            """)
    }

    @Test(arguments: [
        (ImportOptions(), "plain text without front matter needs --title and --published (and optionally --source, --url, --timezone)"),
        (ImportOptions(title: "T"), "plain text without front matter needs --published (and optionally --source, --url, --timezone)"),
        (ImportOptions(title: "T", published: "15/03/2025"), "--published: '15/03/2025' is not an ISO 8601 date (2025-03-15) or date-time with offset (2025-03-15T09:30:00+01:00)"),
        (ImportOptions(title: "T", published: "2025-03-15", url: "ftp://x"), "--url must be an http(s) URL, not `ftp://x`"),
        (ImportOptions(title: "T", published: "2025-03-15", timezone: "Mars/Base"), "unknown time zone `Mars/Base`: use an IANA name such as Europe/London"),
    ])
    func plainTextErrorsNameTheMissingFlags(_ options: ImportOptions, _ message: String) throws {
        defer { site.remove() }
        let input = try site.write("in/a.txt", Self.plainBody)
        var importer = importer(options)
        #expect(importer.add(input.path) == .failed(input: input.path, message: message))
        #expect(try files().isEmpty)
    }

    // MARK: front matter

    @Test func frontMatterFilesAreCopiedByteForByte() throws {
        defer { site.remove() }
        let text = "---\ntitle: Talks resume\ndate: 2025-03-11\nsource: Courier\n---\nDelegates met   in *Jeddah*.  \r\nMore text.\n"
        let input = try site.write("in/notes.markdown", text)
        var importer = importer()
        #expect(importer.add(input.path).line == "added content/2025-03-11-talks-resume.md (Talks resume, Courier, 2025-03-11)")
        #expect(try Data(contentsOf: content.appendingPathComponent("2025-03-11-talks-resume.md")) == Data(text.utf8))
        let txt = try site.write("in/other.txt", "---\ntitle: Other story\ndate: 2025-03-12\n---\nA plain text body that stays plain.\n")
        #expect(importer.add(txt.path).line == "added content/2025-03-12-other-story.txt (Other story, 2025-03-12)")
    }

    @Test func invalidFrontMatterIsReportedWithFileAndLine() throws {
        defer { site.remove() }
        let input = try site.write("in/bad.md", "---\ntitle: Bad\ndate: 2025-03-11\ntimezone: Mars/Base\n---\nBody.\n")
        var importer = importer()
        let outcome = importer.add(input.path)
        #expect(outcome.isFailure)
        #expect(outcome.line == "\(input.path):4: error: unknown time zone `Mars/Base`: use an IANA name such as Europe/London or America/New_York")
        let undated = try site.write("in/undated.md", "---\ntitle: No date\n---\nBody.\n")
        #expect(importer.add(undated.path) == .failed(input: undated.path,
                                                      message: "no publication date: add `date:` to the front matter or pass --published"))
        #expect(try files().isEmpty)
    }

    // MARK: HTML

    @Test func savedPagesAreExtracted() throws {
        defer { site.remove() }
        var importer = importer()
        let outcome = importer.add(Fixtures.url("graph-jsonld.html").path)
        // 23:40 in Alaska on 15 August is 16 August in London, the site's zone.
        #expect(outcome.line == "added content/2025-08-15-alaska-summit-ends-without-a-deal.md (Alaska summit ends without a deal, Wire Example, 2025-08-15)")
        let text = try site.read("content/2025-08-15-alaska-summit-ends-without-a-deal.md")
        #expect(text.hasPrefix("""
            ---
            title: "Alaska summit ends without a deal"
            date: 2025-08-15T23:40:00-08:00
            source: "Wire Example"
            url: "https://wire.example/2025/08/alaska-summit"
            author: "Sam Okafor"
            ---

            The two presidents met
            """))
        // Flags override what the page says.
        var flagged = self.importer(ImportOptions(title: "Own title", source: "Own source", force: true))
        #expect(flagged.add(Fixtures.url("og-only.html").path).line
            == "added content/2025-03-11-own-title.md (Own title, Own source, 2025-03-11)")
    }

    @Test func htmlIsRecognisedByItsContent() throws {
        defer { site.remove() }
        let saved = try site.write("in/page", try Fixtures.text("og-only.html"))
        var importer = importer()
        #expect(importer.add(saved.path).line.hasPrefix("added content/2025-03-11-ceasefire-talks-resume-in-jeddah.md"))
    }

    @Test func pagesWithoutADateAskForOne() throws {
        defer { site.remove() }
        let page = try site.write("in/p.html", "<html><head><title>Undated story here</title></head><body><p>Some text, long enough to be a paragraph of the article.</p></body></html>")
        var importer = importer()
        #expect(importer.add(page.path) == .failed(input: page.path, message: "no publication date found in the page: pass --published"))
        var dated = self.importer(ImportOptions(published: "2025-03-15"))
        #expect(dated.add(page.path).line == "added content/2025-03-15-undated-story-here.md (Undated story here, 2025-03-15)")
    }

    // MARK: duplicates

    @Test func sameURLIsADuplicate() throws {
        defer { site.remove() }
        try site.write("content/old.md", "---\ntitle: Earlier copy\ndate: 2025-03-02\nurl: 'https://www.ledger.example/world/leaders-back-plan/'\n---\nDifferent words entirely.\n")
        var importer = importer()
        let page = Fixtures.url("news-jsonld.html").path
        #expect(importer.add(page) == .skipped(input: page, duplicateOf: "content/old.md"))
        #expect(importer.add(page).line == "skipped \(page): duplicate of content/old.md")
        #expect(try files() == ["old.md"])
        // --force replaces the earlier copy.
        var forced = self.importer(ImportOptions(force: true))
        #expect(forced.add(page) == .added(path: "content/2025-03-02-leaders-back-peacekeeping-plan-at-london-summit.md",
                                           title: "Leaders back peacekeeping plan at London summit", source: "The Daily Ledger",
                                           date: "2025-03-02", replaced: "content/old.md"))
        #expect(try files() == ["2025-03-02-leaders-back-peacekeeping-plan-at-london-summit.md"])
    }

    @Test func sameTextIsADuplicate() throws {
        defer { site.remove() }
        let input = try site.write("in/a.txt", Self.plainBody)
        var first = importer(ImportOptions(title: "First", published: "2025-03-15"))
        #expect(first.add(input.path).line.hasPrefix("added content/2025-03-15-first.txt"))
        // The same words with other markup, case and wrapping, under another title and in a new run.
        let copy = try site.write("in/b.md", "---\ntitle: Second\ndate: 2025-03-16\n---\nLEADERS met in *London* on Sunday,\nto discuss a [peace plan](https://x.example/p) for Ukraine. They will meet again next week.\n")
        var second = importer()
        #expect(second.add(copy.path) == .skipped(input: copy.path, duplicateOf: "content/2025-03-15-first.txt"))
        // Within one run too.
        var third = importer(ImportOptions(title: "Third", published: "2025-03-17"))
        let other = try site.write("in/c.txt", "An unrelated story about the weather, long enough to compare.\n")
        #expect(third.add(other.path).line.hasPrefix("added"))
        #expect(third.add(other.path) == .skipped(input: other.path, duplicateOf: "content/2025-03-17-third.txt"))
    }

    @Test func differentArticlesWithOneNameGetANumber() throws {
        defer { site.remove() }
        var importer = importer(ImportOptions(title: "Update", published: "2025-03-15"))
        let a = try site.write("in/a.txt", "The first update of the day, with enough words to tell apart.\n")
        let b = try site.write("in/b.txt", "The second update of the day, with other words entirely here.\n")
        #expect(importer.add(a.path).line.hasPrefix("added content/2025-03-15-update.txt"))
        #expect(importer.add(b.path).line.hasPrefix("added content/2025-03-15-update-2.txt"))
    }

    // MARK: path safety

    @Test func titlesCannotLeaveTheContentFolder() throws {
        defer { site.remove() }
        let input = try site.write("in/a.txt", Self.plainBody)
        var importer = importer(ImportOptions(title: "../../etc/passwd", published: "2025-03-15"))
        #expect(importer.add(input.path).line.hasPrefix("added content/2025-03-15-etc-passwd.txt"))
        let other = try site.write("in/b.txt", "Another story, with words of its own to tell it apart.\n")
        var dots = self.importer(ImportOptions(title: "..", published: "2025-03-16"))
        #expect(dots.add(other.path).line.hasPrefix("added content/2025-03-16-article.txt"))
        #expect(try files() == ["2025-03-15-etc-passwd.txt", "2025-03-16-article.txt"])
    }

    @Test func symbolicLinksAreNotWrittenThrough() throws {
        defer { site.remove() }
        let outside = try site.write("outside.txt", "precious")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("2025-03-15-linked.txt"), withDestinationURL: outside)
        let input = try site.write("in/a.txt", Self.plainBody)
        var importer = importer(ImportOptions(title: "Linked", published: "2025-03-15", force: true))
        #expect(importer.add(input.path) == .failed(input: input.path,
            message: "2025-03-15-linked.txt in the content folder is a symbolic link; not writing through it"))
        #expect(try site.read("outside.txt") == "precious")
    }

    @Test func unsafeNamesAreRefused() {
        defer { site.remove() }
        let path = ContentPath(directory: content)
        for name in ["../x.md", "/etc/passwd", ".hidden.md", "a/b.md", "a\\b.md", ""] {
            #expect(throws: ImportError.self) { try path.checked(name) }
        }
    }

    @Test func missingInputsAreErrors() throws {
        defer { site.remove() }
        var importer = importer()
        #expect(importer.add(site.url.appendingPathComponent("nope.md").path).line.hasSuffix("nope.md: no such file"))
        #expect(importer.add("ftp://example.org/a") == .failed(input: "ftp://example.org/a", message: "only http and https URLs can be fetched"))
    }
}
