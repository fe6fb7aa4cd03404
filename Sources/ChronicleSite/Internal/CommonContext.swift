import ChronicleModel
import ChronicleTime

/// The variables every template sees: `site`, `counts`, `articles`, `updated`, `root`, `pageTitle`.
enum CommonContext {
    /// The shared variables with the page's own `root` (the way back to the site root) and title.
    static func page(_ index: SiteIndex, root: String, title: String) -> [String: Any] {
        var out = index.common
        out["root"] = root  // kept even when empty: templates write {{root}} before every link
        out["pageTitle"] = title
        return out
    }

    /// Computed once per render: the article list alone is as long as the site.
    static func make(_ index: SiteIndex) -> [String: Any] {
        let config = index.timeline.config
        let events = index.timeline.events
        let keyCount = events.filter(\.isKey).count
        return context([
            "site": context([
                "title": config.title,
                "description": config.description,
                "baseURL": Paths.base(config),
                "language": config.language,
            ]),
            "counts": context([
                "articles": index.timeline.articles.count,
                "events": events.count,
                "keyEvents": keyCount,
                "otherEvents": events.count - keyCount,
                "expectedEvents": events.filter { $0.status == .expected }.count,
            ]),
            "articles": positioned(index.timeline.articles.map { article($0, index: index) }),
            "updated": index.updated?.rfc3339,
            "updatedDisplay": index.updated.map { DisplayFormat.day($0.date) },
            "span": span(events),
            "generator": "Chronicle",
        ])
    }

    /// One article as lists and pages show it.
    static func article(_ a: Article, index: SiteIndex) -> [String: Any] {
        let events = index.eventsByArticle[a.slug] ?? []
        let safeURL = a.url.flatMap { url in isWebURL(url) ? url : nil }
        return context([
            "slug": a.slug,
            "title": a.title,
            "source": a.source,
            "author": a.author,
            "url": safeURL,
            "published": a.published?.description,
            "publishedRFC3339": a.published?.rfc3339,
            "publishedDisplay": a.published.map { DisplayFormat.day($0.date) },
            "href": Paths.articleHref(a.slug),
            "eventCount": events.count,
            "hasEvents": !events.isEmpty,
        ])
    }

    /// The original article link is shown only for http(s): anything else in front matter is not a web page.
    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// "15 March 2025 – 17 August 2025": the days the timeline covers.
    private static func span(_ events: [Event]) -> String? {
        let intervals = events.compactMap(\.value.interval)
        guard let first = intervals.map(\.start).min(), let last = intervals.map(\.end).max() else { return nil }
        func label(_ d: CivilDate) -> String { "\(d.day) \(DisplayFormat.monthName(d.month)) \(d.year)" }
        return first == last ? label(first) : "\(label(first)) – \(label(last))"
    }
}
