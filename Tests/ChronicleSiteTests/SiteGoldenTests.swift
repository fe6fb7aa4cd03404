import ChronicleModel
import ChronicleSite
import Testing

/// The whole fixture site against golden files, plus determinism.
struct SiteGoldenTests {
    func render(_ timeline: Timeline = FixtureTimeline.timeline) throws -> [OutputFile] {
        try SiteRenderer(templates: TemplateSet.builtIn()).render(timeline)
    }

    @Test func fixtureSiteMatchesGoldenFiles() throws {
        // style.css is the default template verbatim (TemplateSetTests checks it); no second copy here.
        try Golden.check(try render().filter { $0.path != "style.css" }, against: "site")
    }

    @Test func stylesheetIsTheTemplateVerbatim() throws {
        let css = try #require(try render().first { $0.path == "style.css" })
        #expect(css.text == TemplateSet.defaultFiles.first { $0.name == "style.css.mustache" }?.contents)
    }

    @Test func newestFirstWithoutBaseURL() throws {
        var config = FixtureTimeline.config
        config.order = .newestFirst
        config.baseURL = nil
        let files = try render(FixtureTimeline.timeline(config: config))
        #expect(!files.map(\.path).contains("sitemap.xml"))
        try Golden.check(files.filter { ["index.html", "feed.xml", "timeline.md"].contains($0.path) }, against: "newest-first")
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let first = try render()
        let second = try render()
        #expect(first == second)
        #expect(first.map(\.path) == first.map(\.path).sorted())
    }

    @Test func emptySiteStillBuilds() throws {
        let files = try render(Timeline(config: SiteConfig(), articles: [], events: []))
        #expect(files.map(\.path) == ["events.json", "feed.xml", "index.html", "style.css", "timeline.md"])
        let index = try #require(files.first { $0.path == "index.html" }).text
        #expect(index.contains("No dated events yet"))
        #expect(!index.contains("show-all"))
        #expect(files.first { $0.path == "events.json" }?.text == """
        {"site":{"title":"Chronicle","description":"","baseURL":null,"language":"en"},
        "articles":[
        ],
        "events":[
        ],
        "entities":[]}

        """)
    }

    @Test func withoutKeyEventsEverythingIsShown() throws {
        var timeline = FixtureTimeline.timeline
        for i in timeline.events.indices { timeline.events[i].isKey = false }
        let index = try #require(try render(timeline).first { $0.path == "index.html" }).text
        #expect(!index.contains("minor"))
        #expect(!index.contains("show-all"))
    }

    @Test func entityPageListsOnlyItsEvents() throws {
        let files = try render()
        let london = try #require(files.first { $0.path == "entities/london.html" }).text
        #expect(london.contains("Military chiefs") && london.contains("hosted the summit"))
        #expect(!london.contains("prices rose"))
        #expect(london.contains("href=\"../articles/bbc-leaders-meet.html"))
        let index = try #require(files.first { $0.path == "index.html" }).text
        #expect(index.contains("href=\"entities/keir-starmer.html\""))
        #expect(index.contains("sources disagree"))
    }

    @Test func expectedFiles() throws {
        #expect(try render().map(\.path) == [
            "articles/ap-ceasefire.html", "articles/bbc-leaders-meet.html", "entities/index.html",
            "entities/keir-starmer.html", "entities/london.html", "events.json", "feed.xml",
            "index.html", "sitemap.xml", "style.css", "timeline.md",
        ])
    }
}
