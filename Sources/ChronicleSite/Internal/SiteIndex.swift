import ChronicleModel
import ChronicleTime
import Foundation
import Mustache

/// What every page may need to know about the whole site, computed once per build: the
/// articles by slug, the periods' counts, and the site-wide values (`counts`, `span`, `updated`).
/// Read only once made, from every thread that renders pages.
struct SiteIndex: @unchecked Sendable {
    let config: SiteConfig
    /// In timeline order.
    let articleList: [ArticleInfo]
    /// Each article's place in `articleList` by slug (the first, should two share a slug).
    let positions: SlugPositions
    let periods: [PeriodDigest]
    /// Whether any event is key; if none is, every event is shown by default.
    let hasKeyEvents: Bool
    /// Big timelines get a page per period; the index then lists the periods and their highlights.
    let paged: Bool
    /// The actors events name, sorted by name, and by name.
    let entityList: [Entity]
    let entities: [String: Entity]
    /// The newest publication: the site's "updated" time (never the clock, so builds repeat exactly).
    let updated: PublicationTime?
    /// The variables every page shares (`CommonContext.make`), filled in once the lookups exist.
    var common: [String: Any] = [:]
    /// Partials written by `CompiledPartials` (set by `Pages`).
    var compiled: Set<String> = []
    /// The names `article.html` refers to (set by `Pages`): lists it does not use are not built.
    var articleTemplateNames: Set<String> = []
    /// The compiled article lists (`article-list` per root, `article-list-md`), each written the first time a page uses it.
    let articleLists = LazyTexts()

    /// - Parameter slugs: the articles' slugs numbered in their order, each once, when already done
    ///   (`SiteRenderer.checkSlugs`).
    init(config: SiteConfig, articles: [ArticleInfo], periods: [PeriodDigest], entities: [Entity], pagedAbove threshold: Int,
         slugs: StringNumbers? = nil) {
        self.config = config
        articleList = articles
        // The articles read where they lie, by index (a copy of each would retain its texts).
        var updated: PublicationTime?
        articles.withUnsafeBufferPointer { articles in
            for i in articles.indices {
                if let p = articles[i].published, updated.map({ Self.precedes($0, p) }) ?? true { updated = p }
            }
        }
        if let slugs, slugs.strings.count == articles.count {
            positions = SlugPositions(unique: slugs)
        } else {
            positions = SlugPositions(articles)
        }
        self.periods = periods
        entityList = entities
        self.entities = Dictionary(entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        hasKeyEvents = periods.contains { $0.keyCount > 0 }
        paged = periods.reduce(0) { $0 + $1.eventCount } > threshold
        self.updated = updated
    }

    /// Orders publication times by instant when known, else by day; ties broken by text so the
    /// choice is stable (the text is written only for a tie).
    static func precedes(_ a: PublicationTime, _ b: PublicationTime) -> Bool {
        let (x, y) = (a.instant ?? Int64(a.date.dayNumber) * 86_400, b.instant ?? Int64(b.date.dayNumber) * 86_400)
        return x != y ? x < y : a.rfc3339 < b.rfc3339
    }

    var eventCount: Int { periods.reduce(0) { $0 + $1.eventCount } }

    /// The article of this slug, when the site has it.
    func article(_ slug: String) -> ArticleInfo? { positions.position(slug).map { articleList[$0] } }

    /// An article's page from the site root, percent-encoded (made when asked: the lists that
    /// show every article copy most of their lines).
    func articleHref(_ slug: String) -> String { Paths.articleHref(slug) }
}

/// Text a template inserts unescaped, written the first time a page renders it and then reused
/// (the article lists are as long as the site, and only the pages that show them need them).
final class LazyTexts: @unchecked Sendable {
    private var made: [String: String] = [:]
    private let lock = NSLock()

    func text(_ key: String, _ make: () -> String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = made[key] { return known }
        let text = make()
        made[key] = text
        return text
    }
}

/// A value whose text is written only if a template renders it.
struct LazyRenderable: MustacheCustomRenderable {
    let make: () -> String
    var renderText: String { make() }
    var isNull: Bool { false }
}

/// A template value made the first time a template looks it up (a section or a variable), then
/// kept for the rest of the page: a list that only some templates show is not built for the others
/// (an actor page of a paged site shows its periods through the compiled partial, not `months`).
/// A page renders on one thread: not shared between pages.
final class LazyValue: MustacheCustomRepresentation {
    private var make: (() -> Any?)?
    private var made: Any?

    init(_ make: @escaping () -> Any?) { self.make = make }

    var representation: Any? {
        if let make {
            made = make()
            self.make = nil
        }
        return made
    }
}
