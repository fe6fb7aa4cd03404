import Foundation
import ChronicleModel
import ChronicleSite
import Testing

/// A large site renders every page, one per period, a short index, and the feed stays short. (Speed is measured by
/// benchmarks, not asserted here.)
struct ScaleTests {
    @Test func thousandArticlesRender() throws {
        let base = FixtureTimeline.timeline
        var articles: [Article] = []
        var events: [Event] = []
        for i in 0..<500 {
            for var article in base.articles {
                let slug = "\(article.slug)-\(i)"
                article.slug = slug
                articles.append(article)
            }
            for var event in base.events {
                event.id = "\(event.id)-\(i)"
                event.sources = event.sources.map { "\($0)-\(i)" }
                event.mentions = event.mentions.map { var m = $0; m.article = "\(m.article)-\(i)"; return m }
                event.representative.article = "\(event.representative.article)-\(i)"
                events.append(event)
            }
        }
        let london = Entity(name: "London", slug: "london", kind: .place, mentionCount: 1500,
                            events: events.filter { $0.entities.contains("London") }.map(\.id))
        let files = try SiteRenderer(templates: TemplateSet.builtIn()).render(Timeline(config: base.config, articles: articles, events: events,
                                                                                       entities: [london]))
        let paths = files.map(\.path)
        #expect(paths.filter { $0.hasPrefix("articles/") }.count == 1000)
        // More than a thousand events: a page per period, and an index of periods and highlights.
        let periodPages = files.filter { $0.path.hasPrefix("months/") }
        #expect(periodPages.map(\.path) == ["months/2022.html", "months/2025-03.html"])
        #expect(paths.contains("articles.html"))
        let shown = periodPages.reduce(0) { $0 + $1.text.components(separatedBy: "<article class=\"event").count - 1 }
        #expect(shown == events.count)
        let index = try #require(files.first { $0.path == "index.html" }).text
        #expect(!index.contains("<article class=\"event"))
        #expect(index.contains("href=\"months/2025-03.html\""))
        #expect(index.utf8.count < 20_000, "the index stays small: \(index.utf8.count) bytes")
        // Every event links the actor's page; like the index, the page lists the actor's periods
        // with their highlights, linked to the period pages, and stays small.
        let londonPage = try #require(files.first { $0.path == "entities/london.html" }).text
        #expect(londonPage.contains("1000 events, 1000 key"))
        #expect(londonPage.contains("href=\"../months/2025-03.html#event-"))
        #expect(!londonPage.contains("<article class=\"event"))
        #expect(londonPage.utf8.count < 20_000, "the actor's page stays small: \(londonPage.utf8.count) bytes")
        let march = try #require(files.first { $0.path == "months/2025-03.html" }).text
        #expect(march.components(separatedBy: "href=\"../entities/london.html\"").count - 1 == london.events.count)
        let feed = try #require(files.first { $0.path == "feed.xml" }).text
        let entries = feed.components(separatedBy: "<entry>").count - 1
        #expect(events.filter(\.isKey).count > 50)
        #expect(entries == 50)
    }
}
