import Foundation
import ChronicleModel
import ChronicleSite
import Testing

/// A large site renders every page, and the feed stays short. (Speed is measured by
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
        #expect(files.count == 1006)
        let feed = try #require(files.first { $0.path == "feed.xml" }).text
        let entries = feed.components(separatedBy: "<entry>").count - 1
        #expect(events.filter(\.isKey).count > 50)
        #expect(entries == 50)
    }
}
