import ChronicleModel

/// Turns a `Timeline` into the files of the site. Pure: the same timeline and templates give
/// byte-identical files, in path order.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Why a timeline cannot be rendered.
    public enum RenderError: Error, CustomStringConvertible, Equatable {
        /// A slug that would not be a single safe file name (`..`, `/`, control characters).
        case unsafeSlug(slug: String, file: String)
        case duplicateSlug(slug: String, files: [String])

        public var description: String {
            switch self {
            case .unsafeSlug(let slug, let file): "\(file): error: slug '\(slug)' cannot be used as a file name"
            case .duplicateSlug(let slug, let files): "\(files.joined(separator: ", ")): error: the articles share the slug '\(slug)'"
            }
        }
    }

    /// Above this many events the timeline gets a page per month and the index shows highlights.
    public static let singlePageLimit = 400

    public func render(_ timeline: Timeline) throws -> [OutputFile] {
        try Self.checkSlugs(timeline.articles, entities: timeline.entities)
        var index = SiteIndex(timeline)
        index.common = CommonContext.make(index)
        var files: [OutputFile] = []
        func page(_ path: String, _ template: String, _ context: [String: Any]) {
            files.append(OutputFile(path: path, text: templates.render(template, context)))
        }
        // A long timeline is one page per month; the index keeps the highlights and the archive.
        let groups = TimelineGroups.monthGroups(timeline.events)
        let split = timeline.events.count > Self.singlePageLimit && groups.count > 1
        if split {
            for group in groups { for event in group.members { index.eventPage[event.id] = MonthPages.path(group) } }
        }
        var indexContext = CommonContext.page(index, root: "", title: timeline.config.title)
        let shown = split ? MonthPages.highlights(timeline.events) : timeline.events
        let cards = EventCards(templates: templates)
        let months = TimelineGroups.months(index, events: shown, cards: cards)
        indexContext["months"] = months
        indexContext["hasManyMonths"] = months.count > 1 && !split
        indexContext["hasMinor"] = index.hasKeyEvents && shown.contains { !$0.isKey }
        indexContext["timelineCounts"] = TimelineGroups.counts(shown)
        indexContext["topEntities"] = EntityPages.top(index)
        indexContext["hasTopEntities"] = !EntityPages.top(index).isEmpty
        indexContext["monthPages"] = split ? MonthPages.archive(groups, index: index) : []
        indexContext["isSplit"] = split
        page("index.html", "index.html", indexContext)
        if split {
            for (i, group) in groups.enumerated() {
                page(MonthPages.path(group), "month.html", MonthPages.page(groups, at: i, index: index, cards: cards))
            }
        }
        var markdownContext = indexContext
        markdownContext["months"] = TimelineGroups.months(index)
        page("timeline.md", "timeline.md", markdownContext)
        for article in timeline.articles {
            page(Paths.article(article.slug), "article.html", ArticlePage.make(article, index: index))
        }
        for entity in timeline.entities {
            page(Paths.entity(entity.slug), "entity.html", EntityPages.page(entity, index: index, cards: cards))
        }
        if !timeline.entities.isEmpty {
            page("entities/index.html", "entities.html", EntityPages.list(index))
        }
        page("feed.xml", "feed.xml", FeedContext.make(index))
        if let base = Paths.base(timeline.config) {
            page("sitemap.xml", "sitemap.xml", FeedContext.sitemap(index, base: base))
        }
        page("style.css", "style.css", CommonContext.page(index, root: "", title: timeline.config.title))
        files.append(OutputFile(path: "events.json", text: EventsJSON.render(timeline)))
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private static func checkSlugs(_ articles: [Article], entities: [Entity]) throws {
        for entity in entities where !Paths.isSafeSlug(entity.slug) || entity.slug == "index" {
            throw RenderError.unsafeSlug(slug: entity.slug, file: "entity '\(entity.name)'")
        }
        var seen: [String: String] = [:]
        for article in articles {
            guard Paths.isSafeSlug(article.slug) else { throw RenderError.unsafeSlug(slug: article.slug, file: article.sourcePath) }
            if let other = seen[article.slug] {
                throw RenderError.duplicateSlug(slug: article.slug, files: [other, article.sourcePath])
            }
            seen[article.slug] = article.sourcePath
        }
    }
}
