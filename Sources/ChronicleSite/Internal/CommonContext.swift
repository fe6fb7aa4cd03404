import ChronicleModel
import ChronicleTime

/// The variables every template sees: `site`, `counts`, `articles`, `updated`, `root`, `pageTitle`.
enum CommonContext {
    /// The names above that depend on the whole timeline: a page using one changes whenever any article or event does.
    static let siteWide: Set<String> = ["counts", "articles", "updated", "updatedDisplay", "span", "articleListHTML", "articleListMarkdown"]

    /// The shared variables with the page's own `root` (the way back to the site root) and title.
    static func page(_ index: SiteIndex, root: String, title: String) -> [String: Any] {
        var out = index.common
        out["root"] = root  // kept even when empty: templates write {{root}} before every link
        out["pageTitle"] = title
        let (lists, articles) = (index.articleLists, index.articleList)
        if index.compiled.contains("article-list") {
            out["articleListHTML"] = LazyRenderable { lists.text("html \(root)") { CompiledPartials.articleList(articles, index: index, root: root) } }
        }
        if index.compiled.contains("article-list-md") {
            out["articleListMarkdown"] = LazyRenderable { lists.text("markdown") { CompiledPartials.articleListMarkdown(articles, index: index) } }
        }
        return out
    }

    /// Computed once per render: the article list alone is as long as the site (`articles` is
    /// left out when no template shows it: the built-in ones write their lists compiled).
    static func make(_ index: SiteIndex, articles: Bool = true) -> [String: Any] {
        let config = index.config
        let events = index.eventCount
        let keyCount = index.periods.reduce(0) { $0 + $1.keyCount }
        return context([
            "site": context([
                "title": config.title,
                "description": config.description,
                "baseURL": Paths.base(config),
                "language": config.language,
            ]),
            "counts": context([
                "articles": index.articleList.count,
                "events": events,
                "keyEvents": keyCount,
                "otherEvents": events - keyCount,
                "expectedEvents": index.periods.reduce(0) { $0 + $1.expectedCount },
            ]),
            "articles": articles ? positioned(index.articleList.map(article)) : nil,
            "articlesHref": index.paged ? "articles.html" : "index.html#articles",
            "updated": index.updated?.rfc3339,
            "updatedDisplay": index.updated.map { DisplayFormat.day($0.date) },
            "span": span(index.periods),
            "generator": "Chronicle",
        ])
    }

    /// One article as lists and pages show it.
    static func article(_ a: ArticleInfo) -> [String: Any] {
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
            "eventCount": a.eventCount,
            "hasEvents": a.eventCount > 0,
        ])
    }

    /// The original article link is shown only for http(s): anything else in front matter is not a web page.
    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// "15 March 2025 – 17 August 2025": the days the timeline covers.
    private static func span(_ periods: [PeriodDigest]) -> String? {
        guard let first = periods.compactMap(\.first).min(), let last = periods.compactMap(\.last).max() else { return nil }
        // A bound that is where a year filed as a whole begins or ends is that year ("2022 – 17 August
        // 2025"): its events say "in 2022", not "on 1 January 2022".
        let wholeYears = Set(periods.filter { $0.period.month == nil }.map(\.period.year))
        func label(_ d: CivilDate, yearEdge: Bool) -> String {
            yearEdge && wholeYears.contains(d.year) ? "\(d.year)" : "\(d.day) \(DisplayFormat.monthName(d.month)) \(d.year)"
        }
        let from = label(first, yearEdge: first.month == 1 && first.day == 1)
        let to = label(last, yearEdge: last.month == 12 && last.day == 31)
        return from == to ? from : "\(from) – \(to)"
    }
}
