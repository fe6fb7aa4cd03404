import ChronicleModel
@testable import ChronicleSite
import ChronicleTestSupport
import ChronicleTime
import Foundation
import Testing

/// The compiled `days`/`event` partials write exactly what the Mustache templates write.
@Suite struct CompiledPartialsTests {
    /// The built-in templates, but the compiled partials read from files (the same text), so the
    /// Mustache library renders them.
    static func mustacheOnly() throws -> (TemplateSet, TemporaryDirectory) {
        let dir = try TemporaryDirectory("chronicle-templates")
        for file in TemplateSet.defaultFiles where ["days.mustache", "event.mustache", "article-events.mustache", "periods.mustache", "article-list.mustache",
                                                               "article-list-md.mustache", "entity-groups.mustache", "article.html.mustache", "entity.html.mustache"].contains(file.name) {
            _ = try dir.write(file.name, file.contents)
        }
        return (try TemplateSet.load(overridesIn: dir.url), dir)
    }

    /// The fixture, plus an event reported by more articles than a page lists, with odd characters.
    static func crowdedTimeline(config: SiteConfig) -> Timeline {
        var timeline = FixtureTimeline.timeline(config: config)
        let base = timeline.articles[0]
        var crowd = timeline.events[0]
        var mentions: [Mention] = []
        for i in 0..<25 {
            var article = base
            article.slug = "copy-\(i)"
            article.title = "Copy \(i): \"quotes\" & <tags> ’"
            article.source = i % 3 == 0 ? nil : "Outlet \(i % 2)"
            timeline.articles.append(article)
            var m = crowd.representative
            m.article = article.slug
            mentions.append(m)
        }
        crowd.id = "crowd"
        crowd.mentions = mentions
        crowd.sources = mentions.map(\.article).sorted()
        crowd.status = .expected
        timeline.events.append(crowd)
        var lonely = base
        lonely.slug = "lonely"
        timeline.articles.append(lonely)  // on the timeline with no event of its own
        return timeline
    }

    @Test(arguments: [false, true], [false, true])
    func compiledPartialsWriteWhatTheTemplatesWrite(paged: Bool, newestFirst: Bool) throws {
        var config = FixtureTimeline.config
        if newestFirst { config.order = .newestFirst }
        let timeline = Self.crowdedTimeline(config: config)
        let compiled = try TemplateSet.builtIn()
        let (mustache, dir) = try Self.mustacheOnly()
        defer { dir.remove() }
        #expect(compiled.compiled == ["days", "article-events", "periods", "article-list", "article-list-md", "entity-groups", "article.html", "entity.html"]
                && mustache.compiled.isEmpty)
        let threshold = paged ? 1 : 1000
        let fast = try SiteRenderer(templates: compiled, pagedAbove: threshold).render(timeline)
        let slow = try SiteRenderer(templates: mustache, pagedAbove: threshold).render(timeline)
        #expect(fast.map(\.path) == slow.map(\.path))
        #expect(fast.contains { $0.path.hasPrefix("months/") } == paged)
        for (a, b) in zip(fast, slow) where a != b {
            Issue.record("\(a.path) differs:\n\(Golden.firstDifference(b.text, a.text))")
        }
        let pages = fast.filter { $0.path.hasSuffix(".html") }.map(\.text).joined()
        #expect(pages.contains(" · and 5 more</p>"), "the crowded event lists 20 of its 25 sources and counts the rest")
        #expect(pages.contains("<li>and 15 more sentences (all are in events.json)</li>"))
        #expect(pages.contains("<p>Nothing from this article is on the timeline.</p>"))
        // Actor pages (paged: their periods' highlights), actor links and the sources that disagree.
        #expect(fast.contains { $0.path == "entities/london.html" })
        #expect(pages.contains("<span class=\"badge badge-disagree\">sources disagree</span>"))
        #expect(pages.contains("class=\"actor actor-place\" href=\"../entities/london.html\""))
    }
}

/// The compiled article and actor pages show a site's own `head`, `header` and `foot` as the library does.
@Suite struct CompiledArticlePageTests {
    static let sharedParts: [(name: String, text: String, compiles: Bool)] = [
        ("header", "<header>{{site.title}} | {{pageTitle}} | {{{pageTitle}}} | {{#pageTitle}}[{{.}}]{{/pageTitle}} | {{root}}</header>\n", true),
        ("foot", "{{counts.events}} events {{pageTitle}}\n</html>\n", true),
        ("foot", "{{#counts}}{{events}} events{{/counts}}\n</html>\n", false),  // a name of the section's own: not known to be shared
        ("header", "<header>{{article.title}}</header>\n", false),
        ("head", "<title>{{bodyHTML}}</title>\n", false),
    ]

    @Test(arguments: sharedParts.indices, [false, true])
    func sitePartsShowAsTheLibraryShowsThem(_ i: Int, paged: Bool) throws {
        let part = Self.sharedParts[i]
        let timeline = CompiledPartialsTests.crowdedTimeline(config: FixtureTimeline.config)
        let own = try TemporaryDirectory("chronicle-templates")
        defer { own.remove() }
        _ = try own.write("\(part.name).mustache", part.text)
        let compiled = try TemplateSet.load(overridesIn: own.url)
        for page in TemplateSet.defaultFiles where ["article.html.mustache", "entity.html.mustache"].contains(page.name) {
            _ = try own.write(page.name, page.contents)  // now the site's own: rendered by the library
        }
        let mustache = try TemplateSet.load(overridesIn: own.url)
        #expect(compiled.compiled.isSuperset(of: ["article.html", "entity.html"]) && mustache.compiled.isDisjoint(with: ["article.html", "entity.html"]))
        let index = SiteIndex(config: timeline.config, articles: timeline.articles.map { ArticleInfo($0, eventCount: 0) }, periods: [],
                              entities: [], pagedAbove: 1000)
        #expect((CompiledArticlePage(templates: compiled, index: Pages(templates: compiled, index: index).index) != nil) == part.compiles)
        let threshold = paged ? 1 : 1000
        let shown = { (file: OutputFile) in file.path.hasPrefix("articles/") || file.path.hasPrefix("entities/") }
        let fast = try SiteRenderer(templates: compiled, pagedAbove: threshold).render(timeline).filter(shown)
        let slow = try SiteRenderer(templates: mustache, pagedAbove: threshold).render(timeline).filter(shown)
        #expect(fast.count > timeline.articles.count && fast.map(\.path) == slow.map(\.path))
        for (a, b) in zip(fast, slow) where a != b {
            Issue.record("\(a.path) differs:\n\(Golden.firstDifference(b.text, a.text))")
        }
    }
}

/// An article body rendered before its events are known, its mention classes filled in later,
/// is the body rendered knowing them.
@Suite struct ArticleBodyTests {
    @Test func pendingMentionClassesResolveToTheKnownOnes() {
        let timeline = FixtureTimeline.timeline
        var byPeriod: [Period: [Event]] = [:]
        for e in timeline.events { byPeriod[Period(of: e.value)!, default: []].append(e) }
        let shares = byPeriod.keys.sorted().map { PeriodShares(events: byPeriod[$0]!) }
        for article in timeline.articles {
            let events = ArticlePage.Events(slug: article.slug, shares: shares)
            #expect(events.keyOfSentence.values.contains(true) && events.keyOfSentence.count > 1)
            let known = ArticlePage.body(article, keys: events.keyOfSentence.mapValues { $0 })
            let pending = ArticlePage.body(article, keys: events.keyOfSentence.mapValues { _ in nil })
            #expect(pending != known && pending.contains(ArticlePage.pending))
            #expect(ArticlePage.resolve(pending, keyOfSentence: events.keyOfSentence) == known)
        }
    }
}

/// The compiled partials' byte writer escapes exactly as the template escapes do.
@Suite struct PageTextTests {
    /// A card's sentence written into the page is the renderer's highlighted sentence, whatever
    /// the expression's range: inside the text, at either end, empty, cutting a character,
    /// beyond the text, or none.
    @Test(arguments: [0..<5, 4..<9, 10..<16, 0..<16, 3..<3, 12..<13, 11..<14, 13..<16, 18..<20, 17..<23, 20..<26, 2..<40, -1..<3] as [Range<Int>?] + [nil])
    func highlightedSentencesAreWrittenAsRendered(range: Range<Int>?) {
        let sentence = "On <b>Friday</b> “naïve” & 'so' \"on\""
        for value in [TimexValue.day(CivilDate(year: 2025, month: 3, day: 14)!), .month(year: 2025, month: 3)] {
            let m = Mention(article: "a", blockOrdinal: 0, sentenceIndex: 0, sentence: sentence, expression: "x", expressionRange: range,
                            value: value, resolution: "why: \"quoted\" & <odd> 'single'")
            var out = PageText()
            EventView.writeHighlighted(m, into: &out)
            #expect(out.string == EventView.highlighted(m))
        }
    }

    /// Bytes written piece by piece, past the room the writer keeps ahead, and changed in place
    /// between pieces, are the pieces' bytes in order.
    @Test func piecesAndChangesInPlaceKeepTheirOrder() {
        var out = PageText(capacity: 10)
        var expected: [UInt8] = []
        for i in 0..<3000 {
            out.add("ab")
            out.add(i)
            expected += Array("ab\(i)".utf8)
            if i % 500 == 0 {
                out.add(byte: 0x7C)
                out.add(byte: 0x7C)
                out.removeLast()
                expected.append(0x7C)
            }
            if i % 700 == 0 {
                out.add(Array(repeating: 0x78, count: 5000))
                expected += Array(repeating: 0x78, count: 5000)
            }
        }
        #expect(out.count == expected.count)
        #expect(out.array == expected)
        #expect(out[out.count - 1] == expected[expected.count - 1])
        #expect(out.string == String(decoding: expected, as: UTF8.self))
        #expect(out.take() == expected)
        #expect(out.count == 0)
    }

    static let samples = [
        "plain title", "Leaders meet <script>alert(1)</script> & \"friends\" 'quoted'", "# heading? *bold* _under_ [link](x) `code`",
        "line\nbreak", "carriage\rreturn", "windows\r\nline", "ends with \r", "\r\n", "naïve café — “quotes” & <b>", "#\u{20E3} keycap",
        "e\u{301}\r\nx|y~z!{}", "", "&&&", "日本語のタイトル",
    ]

    @Test(arguments: samples)
    func markdownIsMarkdownEscape(_ text: String) {
        var out = PageText()
        out.markdown(text)
        #expect(out.string == MarkdownEscape.text(text))
    }

    @Test(arguments: samples)
    func escapedIsHTMLEscape(_ text: String) {
        var out = PageText()
        out.escaped(text)
        #expect(out.string == HTMLContentType().escapeText(text))
    }

    @Test(arguments: samples + ["A rather long title, with: commas; and colons that goes on", "x,,,, ;; ::  y long enough to cut it",
                                "Nospacesatallinthisverylongtitlewhichkeepsgoing", "windows\r\nline break in a long title here ok"])
    func shortenedCutsAtTheSameCharacter(_ text: String) {
        for limit in [5, 12, 32, 40] {
            #expect(FeedContext.shortened(text, to: limit) == FeedContext.shortenedByCharacters(text, to: limit))
        }
    }

    @Test(arguments: ["abc-123_x", "2025-03-15.é~x", "a b/c", "ünï", ""])
    func eventAnchorsMapEachCharacter(_ id: String) {
        let expected = "event-" + String(String.UnicodeScalarView(id.unicodeScalars.map {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")) ? $0 : "-"
        }))
        #expect(Paths.eventAnchor(id) == expected)
    }
}
