import ChronicleModel
import ChronicleTime

/// Template variables handed to pages rendered on other threads: read only once made.
struct SendableContext: @unchecked Sendable {
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }
}

/// The site's pages, each rendered on its own from the site index and the events it shows, so a
/// build renders only the pages it needs. Read-only once made, so pages render concurrently.
struct Pages: @unchecked Sendable {
    let templates: TemplateSet
    let index: SiteIndex
    /// Article pages written without the Mustache library, while the templates allow it.
    private let compiledArticle: CompiledArticlePage?
    private let compiledEntity: CompiledEntityPage?
    /// The events' lines the article pages of this build have written.
    private let articleEventLines = ArticleEventLines()

    init(templates: TemplateSet, index: SiteIndex) {
        self.templates = templates
        var index = index
        index.common = CommonContext.make(index, articles: templates.anyUses("articles"))
        index.compiled = templates.compiled
        index.articleTemplateNames = templates.names(usedBy: "article.html")
        self.index = index
        compiledArticle = CompiledArticlePage(templates: templates, index: index)
        compiledEntity = CompiledEntityPage(templates: templates, index: index)
    }

    private func page(_ path: String, _ template: String, _ context: [String: Any]) -> OutputFile {
        OutputFile(path: path, text: templates.render(template, context))
    }

    private func ordered<T>(_ items: [T]) -> [T] { index.config.order == .newestFirst ? items.reversed() : items }

    /// What the page templates use of a period's events: the `days[]` variables only when a
    /// template names them; the compiled partial's HTML when `days` is compiled.
    private func needs(_ templates: [String], root: String) -> TimelineGroups.Needs {
        let names = templates.reduce(into: Set<String>()) { $0.formUnion(self.templates.names(usedBy: $1)) }
        return TimelineGroups.Needs(days: names.contains("days"), daysHTML: self.templates.compiledDays && names.contains("daysHTML"),
                                    root: root)
    }

    /// `index.html` and `timeline.md`, and `articles.html` on a paged site. A small site shows
    /// every event (`events` must hold every period); a paged one lists its periods and highlights.
    func front(events: [Period: [Event]]) throws -> [OutputFile] {
        try frontPages(events: events).map { page in
            var file = OutputFile(path: page.path, data: [])
            try page.render(nil) { path, bytes, _ in file = OutputFile(path: path, data: Array(bytes)) }
            return file
        }
    }

    /// What a finished page is handed to: its path, its bytes (read where they were written and
    /// valid during the call, not copied into an array) and its parts.
    typealias Finish = (_ path: String, _ bytes: UnsafeRawBufferPointer, _ parts: [OutputEntry.Part]) throws -> Void

    /// A page of `front`, rendered when asked (so they can be rendered concurrently) and handed
    /// to `finish`; given the page as the last build wrote it and its parts, one that lists every
    /// article copies the lines that show what they showed (`listed`).
    struct FrontPage: Sendable {
        var path: String
        var render: @Sendable (_ previous: (bytes: [UInt8], parts: [OutputEntry.Part])?, _ finish: Finish) throws -> Void
    }

    /// The pages of `front`; `lines`, when given, holds each article's
    /// `CompiledPartials.ArticleList.articlePrint` by its position in the site index.
    func frontPages(events: [Period: [Event]], site: UInt64 = 0, lines: [UInt64]? = nil) -> [FrontPage] {
        var values = CommonContext.page(index, root: "", title: index.config.title)
        let needs = needs(["index.html", "timeline.md"], root: "")
        let months = ordered(index.periods).map {
            TimelineGroups.period($0, events: index.paged ? nil : events[$0.period] ?? [], index: index, needs: needs)
        }
        let keyCount = index.periods.reduce(0) { $0 + $1.keyCount }
        values["months"] = months
        values["paged"] = index.paged
        values["hasManyMonths"] = months.count > 1
        values["hasMinor"] = !index.paged && index.hasKeyEvents && keyCount < index.eventCount
        values["timelineCounts"] = Self.counts(events: index.eventCount, key: keyCount)
        values["periodsHTML"] = periodsHTML(index.periods, root: "")
        let top = EntityPages.top(index)
        values["topEntities"] = top
        values["hasTopEntities"] = !top.isEmpty
        let shared = SendableContext(values)
        var files = [
            FrontPage(path: "index.html") {
                try listed("index.html", "index.html", shared.values, .html(root: ""), site: site, lines: lines, previous: $0, finish: $1)
            },
            FrontPage(path: "timeline.md") {
                try listed("timeline.md", "timeline.md", shared.values, .markdown, site: site, lines: lines, previous: $0, finish: $1)
            },
        ]
        if index.paged {
            let title = "Articles · \(index.config.title)"
            files.append(FrontPage(path: "articles.html") { previous, finish in
                try listed("articles.html", "articles.html", CommonContext.page(index, root: "", title: title), .html(root: ""), site: site,
                           lines: lines, previous: previous, finish: finish)
            })
        }
        if !index.entityList.isEmpty {
            files.append(FrontPage(path: "entities/index.html") { _, finish in
                try Self.handOver(page("entities/index.html", "entities.html", EntityPages.list(index)), finish)
            })
        }
        return files
    }

    /// A page that may show the compiled article list `list` (`values` as `CommonContext.page`
    /// makes them), put together from the page around the list and the list's lines, each line a
    /// part: a line whose fingerprint is one of the `previous` page's parts is copied from it.
    /// A page that does not show the list once, as it is, is rendered whole and has no parts.
    /// `lines`: each article's `articlePrint`, when already worked out.
    private func listed(_ path: String, _ template: String, _ values: [String: Any], _ list: CompiledPartials.ArticleList,
                        site: UInt64, lines: [UInt64]?,
                        previous: (bytes: [UInt8], parts: [OutputEntry.Part])?, finish: Finish) rethrows {
        let key: String
        switch list {
        case .html: key = "articleListHTML"
        case .markdown: key = "articleListMarkdown"
        }
        guard values[key] != nil else { return try Self.handOver(page(path, template, values), finish) }
        // The page with a mark where the list goes: used when the mark is there once and came from
        // the one time the list was asked for (an escaped or transformed list has no such mark).
        let mark = "\u{0}<article list>\u{0}"
        let asked = Counter()
        var marked = values
        marked[key] = LazyRenderable { asked.count += 1; return mark }
        let shell = Array(templates.render(template, marked).utf8)
        let markBytes = Array(mark.utf8)
        let found = shell.indices.dropLast(markBytes.count - 1).filter { shell[$0] == 0 && shell[$0..<($0 + markBytes.count)].elementsEqual(markBytes) }
        // A page that never asked for the list is the page.
        if asked.count == 0 && found.isEmpty { return try Self.handOver(OutputFile(path: path, data: shell), finish) }
        guard asked.count == 1, found.count == 1, let at = found.first else { return try Self.handOver(page(path, template, values), finish) }
        var old = PreviousParts(previous?.parts ?? [])
        let seed = list.seed(site: site)
        var out = PageText(capacity: shell.count + (previous?.bytes.count ?? index.articleList.count * 280))
        out.add(shell[..<at])
        out.add(list.opening)
        var dates = DateTexts()
        var parts: [OutputEntry.Part] = []
        parts.reserveCapacity(index.articleList.count)
        // Each article read where it lies (a copy would retain each of its texts).
        index.articleList.withUnsafeBufferPointer { articles in
            for i in articles.indices {
                let article = lines?[i] ?? CompiledPartials.ArticleList.articlePrint(articles.baseAddress! + i)
                let print = CompiledPartials.ArticleList.fingerprint(article: article, seed: seed)
                let start = out.count
                if !out.copy(old.find(print), of: previous?.bytes) { list.line(articles[i], index: index, dates: &dates, into: &out) }
                parts.append(.init(fingerprint: print, offset: start, length: out.count - start))
            }
        }
        out.add(list.closing)
        out.add(shell[(at + markBytes.count)...])
        try out.withBytes { try finish(path, $0, parts) }
    }

    /// Hands a page rendered whole (it has no parts) to `finish`.
    private static func handOver(_ file: OutputFile, _ finish: Finish) rethrows {
        try file.data.withUnsafeBytes { try finish(file.path, $0, []) }
    }

    /// A list page's parts as the last build wrote them, found by fingerprint in the order of the
    /// new list: mostly the lines are as they were, in the same order, so each is looked for where
    /// the last found one was followed, or one further (a line removed). After two misses in a row
    /// (more than one line added or changed) the parts are looked up by fingerprint from then on.
    private struct PreviousParts {
        private let parts: [OutputEntry.Part]
        private var next = 0
        private var missed = 0
        /// The first part of each fingerprint, by fingerprint: made at the second miss in a row.
        private var byPrint: [UInt64: Int]?

        init(_ parts: [OutputEntry.Part]) { self.parts = parts }

        mutating func find(_ print: UInt64) -> OutputEntry.Part? {
            for k in next..<min(next + 2, parts.count) where parts[k].fingerprint == print {
                return found(k)
            }
            missed += 1
            guard missed > 1 || byPrint != nil else { return nil }
            if byPrint == nil {
                byPrint = Dictionary(parts.indices.map { (parts[$0].fingerprint, $0) }, uniquingKeysWith: { a, _ in a })
            }
            guard let k = byPrint?[print] else { return nil }
            return found(k)
        }

        private mutating func found(_ k: Int) -> OutputEntry.Part {
            next = k + 1
            missed = 0
            return parts[k]
        }
    }

    /// How many times a lazy value was asked for.
    private final class Counter {
        var count = 0
    }

    /// What the show-all toggle says: all events, key events, the others.
    static func counts(events: Int, key: Int) -> [String: Any] {
        ["events": events, "keyEvents": key, "otherEvents": events - key]
    }

    /// `entities/<slug>.html` on a small site: every event the actor's name is on, period by
    /// period (`sections` in timeline order).
    func entity(_ entity: Entity, related: [Entity], sections: [(period: Period, events: [Event])]) -> OutputFile {
        let needs = needs(["entity.html"], root: "../")
        let months = ordered(sections).map { section in
            TimelineGroups.period(PeriodDigest(section: section.period, events: section.events), events: section.events, index: index,
                                  needs: needs)
        }
        let keyCount = sections.reduce(0) { $0 + $1.events.filter(\.isKey).count }
        return self.entity(entity, related: related, months: months, keyCount: keyCount)
    }

    /// `entities/<slug>.html` on a paged site: like the index, the actor's periods (`periods`: its
    /// part of each) with their highlights, linked to the period pages.
    func entity(_ entity: Entity, related: [Entity], periods: [PeriodDigest]) -> OutputFile {
        // The built-in templates show the periods through the compiled partial alone: `months` is
        // made only for a template that looks it up.
        // (A compiled page exists only on a paged site whose `periods` partial is the compiled one.)
        if let compiledEntity {
            var out = PageText(capacity: 200 + periods.count * 1200 + 8192)
            compiledEntity.write(entity, related: related, periods: ordered(periods), index: index, into: &out)
            return OutputFile(path: Paths.entity(entity.slug), data: out.take())
        }
        let (index, shown) = (self.index, ordered(periods))
        let months = LazyValue { shown.map { TimelineGroups.period($0, events: nil, index: index) } }
        return self.entity(entity, related: related, months: months, keyCount: periods.reduce(0) { $0 + $1.keyCount },
                           periodsHTML: periodsHTML(periods, root: "../"))
    }

    /// The compiled `periods` partial's HTML, on a paged site while it is the built-in one.
    private func periodsHTML(_ periods: [PeriodDigest], root: String) -> String? {
        guard index.paged, templates.compiled.contains("periods") else { return nil }
        return CompiledPartials.periods(ordered(periods), index: index, root: root)
    }

    private func entity(_ entity: Entity, related: [Entity], months: Any, keyCount: Int, periodsHTML: String? = nil) -> OutputFile {
        var values = CommonContext.page(index, root: "../", title: "\(entity.name) · \(index.config.title)")
        values["periodsHTML"] = periodsHTML
        let count = entity.events.count
        values["entity"] = EntityPages.link(entity)
        values["months"] = months
        values["paged"] = index.paged
        values["hasMinor"] = !index.paged && index.hasKeyEvents && keyCount < count
        values["timelineCounts"] = Self.counts(events: count, key: keyCount)
        values["related"] = positioned(related.map(EntityPages.relatedLink))
        values["hasRelated"] = !related.isEmpty
        return page(Paths.entity(entity.slug), "entity.html", values)
    }

    /// `months/<period>.html`: one period's events, with links to the periods before and after it.
    func period(at position: Int, events: [Event]) -> OutputFile {
        page(Paths.period(index.periods[position].period), "month.html",
             periodValues(at: position, month: TimelineGroups.period(index.periods[position], events: events, index: index,
                                                                    needs: needs(["month.html"], root: "../"))))
    }

    /// The same page, and its events' cards as parts a later build may copy: each card whose
    /// fingerprint (`cardPrint`, given the event, its position in `events` and whether its day's heading shows its date) is one
    /// of the `previous` page's parts is copied from it, the others are written by the compiled
    /// `event` partial (a new article changes a few cards of a day, not all of them); the days'
    /// headings are written each time. Without the compiled `days` partial (or with a `month.html`
    /// that lists the `days` itself) the page is rendered whole and has no parts.
    /// The page is handed to `finish` (a period page is megabytes: not copied into an array).
    func period(at position: Int, events: [Event], cardPrint: (_ position: Int, Event, Bool) -> UInt64,
                previous: (bytes: [UInt8], parts: [OutputEntry.Part])?, finish: Finish) rethrows {
        let needs = needs(["month.html"], root: "../")
        guard needs.daysHTML, !needs.days else { return try Self.handOver(period(at: position, events: events), finish) }
        // The page around the days, with a mark where they go (found exactly once, or the page is rendered whole).
        let mark = "\u{0}days\u{0}"
        var month = TimelineGroups.period(index.periods[position], events: nil, index: index)
        month["daysHTML"] = mark
        let shell = Array(templates.render("month.html", periodValues(at: position, month: month)).utf8)
        let markBytes = Array(mark.utf8)
        let found = shell.indices.dropLast(markBytes.count - 1).filter { shell[$0] == 0 && shell[$0..<($0 + markBytes.count)].elementsEqual(markBytes) }
        guard found.count == 1, let at = found.first else { return try Self.handOver(period(at: position, events: events), finish) }
        // The page is put together in one buffer about the size of the last one: no copy of it per step.
        let old = Dictionary((previous?.parts ?? []).map { ($0.fingerprint, $0) }, uniquingKeysWith: { a, _ in a })
        // Room to spare costs nothing until written (a large buffer's pages are taken as they are
        // first touched); growing it copies what is there. A card is a few kilobytes.
        var out = PageText(capacity: shell.count + max(previous?.bytes.count ?? 0, events.count * 8192))
        out.add(shell[..<at])
        var parts: [OutputEntry.Part] = []
        parts.reserveCapacity(events.count)
        let index = self.index
        var links = ArticleLinkTexts(index.articleList, root: needs.root)
        for group in TimelineGroups.dayGroupIndices(events, index: index) {
            CompiledPartials.write(group, of: events, index: index, into: &out) { e, dateInHeading, out in
                let event = events[e]
                let print = cardPrint(e, event, dateInHeading)
                let start = out.count
                if !out.copy(old[print], of: previous?.bytes) {
                    CompiledPartials.card(event, dateInHeading: dateInHeading, index: index, links: &links, into: &out)
                }
                parts.append(.init(fingerprint: print, offset: start, length: out.count - start))
            }
        }
        out.add(shell[(at + markBytes.count)...])
        try out.withBytes { try finish(Paths.period(index.periods[position].period), $0, parts) }
    }

    /// What `month.html` is rendered with, given its `month` section.
    private func periodValues(at position: Int, month: [String: Any]) -> [String: Any] {
        let digest = index.periods[position]
        var values = CommonContext.page(index, root: "../", title: "\(digest.period.label) · \(index.config.title)")
        var month = month
        month["otherCount"] = digest.eventCount - digest.keyCount
        values["month"] = month
        values["hasMinor"] = index.hasKeyEvents && digest.keyCount < digest.eventCount
        func neighbour(_ i: Int) -> [String: Any]? {
            guard index.periods.indices.contains(i) else { return nil }
            let p = index.periods[i].period
            return context(["label": p.label, "href": Paths.period(p)])
        }
        values["previous"] = neighbour(position - 1)
        values["next"] = neighbour(position + 1)
        return values
    }

    /// `articles/<slug>.html`, from its body (`ArticlePage.body`, as UTF-8) and the events it reports.
    func article(_ info: ArticleInfo, counts: ArticlePage.Counts, body: [UInt8], events: ArticlePage.Events) -> OutputFile {
        guard compiledArticle != nil else { return renderedArticle(info, counts: counts, body: body, events: events) }
        var file = OutputFile(path: Paths.article(info.slug), data: [])
        article(info, counts: counts, body: body, events: events) { _, bytes, _ in file.data = Array(bytes) }
        return file
    }

    /// The same page handed to `finish` (with no parts).
    func article(_ info: ArticleInfo, counts: ArticlePage.Counts, body: [UInt8], events: ArticlePage.Events, finish: Finish) rethrows {
        guard let compiledArticle else { return try Self.handOver(renderedArticle(info, counts: counts, body: body, events: events), finish) }
        var out = PageText(capacity: body.count + 4096 + events.listed.count * 512)
        compiledArticle.write(info, body: body, events: events, index: index, lines: articleEventLines, into: &out)
        try out.withBytes { try finish(Paths.article(info.slug), $0, []) }
    }

    /// The article page rendered from `article.html` (no compiled page).
    private func renderedArticle(_ info: ArticleInfo, counts: ArticlePage.Counts, body: [UInt8], events: ArticlePage.Events) -> OutputFile {
        var html = PageText(capacity: body.count + 64)
        ArticlePage.resolve(body, keyOfSentence: events.keyOfSentence, into: &html)
        return page(Paths.article(info.slug), "article.html",
                    ArticlePage.make(info, counts: counts, body: html.string, events: events, index: index))
    }

    /// `feed.xml`; `newest` holds the site's last key events, newest first.
    func feed(newest: [Event]) -> OutputFile {
        page("feed.xml", "feed.xml", FeedContext.make(index, newest: newest))
    }

    /// `sitemap.xml`, when the site has a base URL.
    func sitemap() -> OutputFile? {
        Paths.base(index.config).map { page("sitemap.xml", "sitemap.xml", FeedContext.sitemap(index, base: $0)) }
    }

    func style() -> OutputFile {
        page("style.css", "style.css", CommonContext.page(index, root: "", title: index.config.title))
    }
}
