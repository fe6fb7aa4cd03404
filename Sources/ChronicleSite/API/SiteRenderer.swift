import ChronicleModel

/// Turns a `Timeline` into the files of the site. Pure: the same timeline and templates give
/// byte-identical files, in path order. (`SiteBuild` renders the same pages a few at a time,
/// skipping those whose inputs did not change.)
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    /// A timeline with more events than this gets a page per month (`months/2025-03.html`), and
    /// its index lists the months with their key events instead of every event.
    public var pagedAbove: Int

    public static let defaultPagedAbove = 1000

    public init(templates: TemplateSet, pagedAbove: Int = SiteRenderer.defaultPagedAbove) {
        self.templates = templates
        self.pagedAbove = pagedAbove
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

    public func render(_ timeline: Timeline) throws -> [OutputFile] {
        try Self.checkSlugs(timeline.articles.map { ($0.slug, $0.sourcePath) }, entities: timeline.entities)
        var byPeriod: [Period: [Event]] = [:]
        for event in timeline.events { if let p = event.filedPeriod { byPeriod[p, default: []].append(event) } }
        for p in byPeriod.keys { byPeriod[p]!.sort(by: Event.timelineOrder) }
        let digests = byPeriod.keys.sorted().map { PeriodDigest(period: $0, hash: 0, events: byPeriod[$0]!) }
        let articles = timeline.articles.map { a in
            ArticleInfo(a, eventCount: digests.reduce(0) { $0 + ($1.articles[a.slug]?.eventCount ?? 0) })
        }
        let entities = EntityIndex(digests: digests, entities: timeline.entities)
        let pages = Pages(templates: templates, index: SiteIndex(config: timeline.config, articles: articles, periods: digests,
                                                                  entities: timeline.entities, pagedAbove: pagedAbove))
        let ordered = digests.map { byPeriod[$0.period]! }
        var files = try pages.front(events: byPeriod)
        if pages.index.paged {
            for (i, events) in ordered.enumerated() { files.append(pages.period(at: i, events: events)) }
        }
        let shares = ordered.map { PeriodShares(events: $0) }
        for article in timeline.articles {
            let events = ArticlePage.Events(slug: article.slug, shares: shares)
            let body = Array(ArticlePage.body(article, keys: events.keyOfSentence.mapValues { $0 }).utf8)
            files.append(pages.article(ArticleInfo(article, eventCount: 0), counts: ArticlePage.Counts(article), body: body, events: events))
        }
        for entity in timeline.entities {
            files.append(Self.entityPage(entity, pages: pages, entities: entities, digests: digests, events: { ordered[$0] }))
        }
        files.append(pages.feed(newest: ordered.joined().filter(\.isKey).reversed()))
        if let sitemap = pages.sitemap() { files.append(sitemap) }
        files.append(pages.style())
        files.append(OutputFile(path: "events.json", data: EventsJSON.render(config: timeline.config, articles: articles, periods: ordered,
                                                                           entities: timeline.entities)))
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// An actor's page: on a paged site from the digests alone (its highlights, period by period),
    /// else with every event it names (`events(i)` gives the events of the i-th digest's period).
    static func entityPage(_ entity: Entity, pages: Pages, entities: EntityIndex, digests: [PeriodDigest],
                           events: (Int) throws -> [Event]) rethrows -> OutputFile {
        let related = entities.related(to: entity, index: pages.index)
        if pages.index.paged {
            return pages.entity(entity, related: related, periods: entities.periodSections(of: entity, digests: digests))
        }
        return pages.entity(entity, related: related, sections: try entities.sections(of: entity, digests: digests).map { section in
            let ids = Set(section.events.map(\.id))
            return (digests[section.period].period, try events(section.period).filter { ids.contains($0.id) })
        })
    }

    /// Every slug must be a safe file name, and unique. Returns the slugs numbered in the order
    /// given: each article's number is its position (`SlugPositions(unique:)`).
    @discardableResult
    static func checkSlugs(_ articles: [(slug: String, file: String)], entities: [Entity]) throws -> StringNumbers {
        for entity in entities where !Paths.isSafeSlug(entity.slug) || entity.slug == "index" {
            throw RenderError.unsafeSlug(slug: entity.slug, file: "entity '\(entity.name)'")
        }
        // Numbered by a cheaper hash than a set's: a slug seen before gets a number already given.
        var seen = StringNumbers()
        for (slug, file) in articles {
            guard Paths.isSafeSlug(slug) else { throw RenderError.unsafeSlug(slug: slug, file: file) }
            let given = seen.strings.count
            if seen.number(slug) < given {
                throw RenderError.duplicateSlug(slug: slug, files: [articles.first { $0.slug == slug }!.file, file])
            }
        }
        return seen
    }
}
