import ChronicleModel
import ChronicleSite
import Testing

/// A large site renders in reasonable time (no work that grows with articles × articles).
struct ScaleTests {
    @Test func thousandArticlesRenderQuickly() throws {
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
        let clock = ContinuousClock()
        let start = clock.now
        let files = try SiteRenderer(templates: TemplateSet.builtIn()).render(Timeline(config: base.config, articles: articles, events: events))
        let elapsed = clock.now - start
        #expect(files.count == 1006)
        #expect(elapsed < .seconds(30), "rendering 1000 articles took \(elapsed)")
    }
}
