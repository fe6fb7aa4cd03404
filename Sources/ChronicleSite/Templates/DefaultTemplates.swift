/// The templates compiled into the binary, so a site without `templates/` builds.
/// Each also lives in the repository's `templates/` folder, byte for byte.
enum DefaultTemplates {
    static let all: [(name: String, contents: String)] = [
        ("article-events", articleEvents),
        ("article-list", articleList),
        ("article-list-md", articleListMd),
        ("article.html", articleHtml),
        ("articles.html", articlesHtml),
        ("days", days),
        ("entities.html", entitiesHtml),
        ("entity-groups", entityGroups),
        ("entity.html", entityHtml),
        ("event", event),
        ("feed.xml", feedXml),
        ("foot", foot),
        ("head", head),
        ("header", header),
        ("index.html", indexHtml),
        ("month.html", monthHtml),
        ("months", months),
        ("periods", periods),
        ("sitemap.xml", sitemapXml),
        ("style.css", styleCss),
        ("timeline.md", timelineMd),
    ]
}
