import Foundation
import ChronicleModel
import ChronicleSite
import Testing

/// A large site renders every page, split by month, and the feed stays short. (Speed is measured by
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
        let files = try SiteRenderer(templates: TemplateSet.builtIn()).render(Timeline(config: base.config, articles: articles, events: events))
        // 1,000 article pages, two period pages (2022 and March 2025), the index, feed, sitemap,
        // stylesheet, timeline.md and events.json.
        #expect(files.count == 1008)
        #expect(files.contains { $0.path == "months/2025-03.html" } && files.contains { $0.path == "months/2022.html" })
        // The index keeps the highlights and links every month; links to events go to their month.
        let index = try #require(files.first { $0.path == "index.html" }).text
        #expect(index.contains("href=\"months/2025-03.html\""))
        #expect(index.components(separatedBy: "<article class=\"event").count - 1 == 40)
        let article = try #require(files.first { $0.path == "articles/bbc-leaders-meet-0.html" }).text
        #expect(article.contains("href=\"../months/2025-03.html#event-"))
        let march = try #require(files.first { $0.path == "months/2025-03.html" }).text
        #expect(march.contains("rel=\"prev\" href=\"../months/2022.html\""))
        let feed = try #require(files.first { $0.path == "feed.xml" }).text
        let entries = feed.components(separatedBy: "<entry>").count - 1
        #expect(events.filter(\.isKey).count > 50)
        #expect(entries == 50)
    }
}
