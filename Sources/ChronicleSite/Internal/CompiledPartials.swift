import Foundation
import ChronicleMarkdown
import ChronicleModel
import ChronicleTime

/// The built-in `days` and `event` partials (every event of a period page) and `article-events`
/// (the events listed beside each article), `periods`, `article-list`, `article-list-md` and `entity-groups` written out in Swift: a big site has thousands of
/// each, and this writes them dozens of times faster than the Mustache library. `TemplateSet`
/// uses it only while those partials are the built-in ones (a site that overrides one gets the
/// Mustache rendering), and `CompiledPartialsTests` checks that it writes byte for byte what the
/// templates do.
enum CompiledPartials {
    /// Registered in place of the compiled partials: each writes the HTML computed for it.
    static let stubs = ["days": "{{{daysHTML}}}", "article-events": "{{{articleEventsHTML}}}", "periods": "{{{periodsHTML}}}",
                        "article-list": "{{{articleListHTML}}}", "article-list-md": "{{{articleListMarkdown}}}",
                        "entity-groups": "{{{entityGroupsHTML}}}"]

    /// `entity-groups`: every actor, group by group (`EntityPages.list`'s `groups`).
    static func entityGroups(_ index: SiteIndex, root: String) -> String {
        var out = PageText(capacity: index.entityList.count * 160)
        for kind in EntityKind.allCases {
            let members = index.entityList.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            out.add("<section class=\"entity-group\" id=\""); out.escaped(kind.rawValue); out.add("\">\n<h2>")
            out.escaped(EntityPages.groupLabel(kind)); out.add("</h2>\n<ul class=\"entity-list\">\n")
            for entity in members {
                out.add("<li><a class=\"actor actor-"); out.escaped(entity.kind.rawValue); out.add("\" href=\""); out.escaped(root)
                out.escaped(Paths.entityHref(entity.slug)); out.add("\">"); out.escaped(entity.name); out.add("</a> <span class=\"count\">")
                out.add(entity.events.count); out.add(" events</span></li>\n")
            }
            out.add("</ul>\n</section>\n")
        }
        return out.string
    }

    /// `article-list` and `article-list-md`: every article with its outlet and day (and event
    /// count, in HTML), a line each between an opening and a closing.
    enum ArticleList {
        case html(root: String)
        case markdown

        var opening: StaticString {
            switch self {
            case .html: "<ul class=\"article-list\">\n"
            case .markdown: ""
            }
        }

        var closing: StaticString {
            switch self {
            case .html: "</ul>\n"
            case .markdown: ""
            }
        }

        /// One article's line.
        func line(_ a: ArticleInfo, index: SiteIndex, dates: inout DateTexts, into out: inout PageText) {
            switch self {
            case .html(let root):
                out.add("<li><a href=\""); out.escaped(root); out.escaped(index.articleHref(a.slug)); out.add("\">")
                out.escaped(a.title); out.add("</a><span class=\"meta\">")
                if let source = a.source, !source.isEmpty { out.add(" · "); out.escaped(source) }
                if let published = a.published {
                    out.add(" · <time datetime=\""); dates.append(published, to: &out); out.add("\">")
                    out.escaped(dates.day(published.date)); out.add("</time>")
                }
                out.add(" · "); out.add(a.eventCount); out.add(" events</span></li>\n")
            case .markdown:
                out.add("- ["); out.markdown(a.title); out.add("]("); out.text(index.articleHref(a.slug)); out.add(")")
                if let source = a.source, !source.isEmpty { out.add(" — "); out.markdown(source) }
                if let published = a.published { out.add(", "); out.markdown(dates.day(published.date)) }
                out.add("\n")
            }
        }

        /// Of everything an article's line shows in either list (its link comes from its slug, its day
        /// from its date), hashed once per article for the lists to share (`Fingerprints.articleLines`).
        /// It holds the event count only the HTML line shows: a changed count re-renders the Markdown line too.
        static func articlePrint(_ a: UnsafePointer<ArticleInfo>) -> UInt64 {
            var h = Fingerprinter()
            h.add(a.pointee.slug)
            h.add(a.pointee.title)
            h.add(optional: a.pointee.source)
            if let p = a.pointee.published {
                h.add(p.date.dayNumber)
                h.add(p.hour ?? -1)
                h.add(p.minute ?? -1)
            } else {
                h.add(Int.min)
            }
            h.add(a.pointee.eventCount)
            return h.value
        }

        /// What every line of this list depends on besides its article: `site`, the fingerprint of
        /// what every page depends on (renderer, templates, config), and which list it is.
        func seed(site: UInt64) -> UInt64 {
            var h = Fingerprinter()
            h.add(site)
            switch self {
            case .html(let root):
                h.add(1)
                h.add(root)
            case .markdown:
                h.add(2)
            }
            return h.value
        }

        /// A line's fingerprint: the list's `seed` and its article's `articlePrint`.
        static func fingerprint(article: UInt64, seed: UInt64) -> UInt64 {
            var h = Fingerprinter()
            h.add(seed)
            h.add(article)
            return h.value
        }

        /// The whole list.
        func text(_ articles: [ArticleInfo], index: SiteIndex) -> String {
            var out = PageText(capacity: articles.count * 280)
            var dates = DateTexts()
            out.add(opening)
            for a in articles { line(a, index: index, dates: &dates, into: &out) }
            out.add(closing)
            return out.string
        }
    }

    /// `article-list`: every article with its outlet, day and event count.
    static func articleList(_ articles: [ArticleInfo], index: SiteIndex, root: String) -> String {
        ArticleList.html(root: root).text(articles, index: index)
    }

    /// `article-list-md`: every article as a Markdown list item, for `timeline.md`.
    static func articleListMarkdown(_ articles: [ArticleInfo], index: SiteIndex) -> String {
        ArticleList.markdown.text(articles, index: index)
    }

    static func articleEvents(_ events: [PeriodShares.Brief], root: String, paged: Bool) -> String {
        var out = PageText(capacity: events.count * 300)
        articleEvents(events, root: root, paged: paged, into: &out)
        return out.string
    }

    static func articleEvents(_ events: [PeriodShares.Brief], root: String, paged: Bool, into out: inout PageText) {
        guard !events.isEmpty else { return out.add("<p>Nothing from this article is on the timeline.</p>\n") }
        let openings = ArticleEventOpenings(root: root)
        for e in events { articleEvent(e, openings: openings, paged: paged, into: &out) }
    }

    /// The same, each line taken from `lines` when another page wrote it (`keys`: each event's
    /// place in its period's list), else written and kept there.
    static func articleEvents(_ events: [PeriodShares.Brief], keys: [ArticleEventLines.Key], lines: ArticleEventLines, root: String,
                              paged: Bool, into out: inout PageText) {
        guard !events.isEmpty, keys.count == events.count else { return articleEvents(events, root: root, paged: paged, into: &out) }
        let known = lines.lines(keys)
        var made: [(ArticleEventLines.Key, [UInt8])] = []
        var openings: ArticleEventOpenings?
        for i in events.indices {
            if let line = known[i] {
                out.add(line)
                continue
            }
            if openings == nil { openings = ArticleEventOpenings(root: root) }
            var line = PageText(capacity: 256 + events[i].text.utf8.count)
            articleEvent(events[i], openings: openings!, paged: paged, into: &line)
            let bytes = line.take()
            out.add(bytes)
            made.append((keys[i], bytes))
        }
        lines.add(made)
    }

    /// A line's markup up to its link's path, key or not, made once with the root escaped (an
    /// article lists dozens of events); the markup between the pieces of a line is written whole.
    struct ArticleEventOpenings {
        let key: [UInt8]
        let other: [UInt8]

        init(root: String) {
            func opening(_ start: StaticString) -> [UInt8] {
                var text = PageText(capacity: 64)
                text.add(start)
                text.escaped(root)
                return text.take()
            }
            (key, other) = (opening("<p class=\"article-event key\"><a href=\""), opening("<p class=\"article-event\"><a href=\""))
        }
    }

    /// One event's line of `article-events`.
    private static func articleEvent(_ e: PeriodShares.Brief, openings: ArticleEventOpenings, paged: Bool, into out: inout PageText) {
        out.add(e.isKey ? openings.key : openings.other)
        Paths.writeEventHref(id: e.id, value: e.value, period: e.period, paged: paged, into: &out)
        out.add("\"><time datetime=\""); out.datetime(e.value); out.add("\">"); out.label(e.value)
        out.add(e.status == .expected ? "</time></a> <span class=\"badge badge-expected\">expected</span> " : "</time></a> ")
        out.escaped(e.text); out.add("</p>\n")
    }

    /// The `days` partial of these day groups (`TimelineGroups.dayGroups`).
    static func days(_ groups: [TimelineGroups.Group], index: SiteIndex, root: String) -> String {
        var out = PageText(capacity: groups.reduce(0) { $0 + $1.members.count } * 1500)
        var links = ArticleLinkTexts(index.articleList, root: root)
        for group in groups { write(group, index: index, links: &links, into: &out) }
        return out.string
    }

    /// One day group of the `days` partial, its events' cards written straight from the events
    /// (what `TimelineGroups.day` and `EventView` give the templates, with no list of them made:
    /// a period page has thousands of cards).
    static func write(_ group: TimelineGroups.Group, index: SiteIndex, links: inout ArticleLinkTexts, into out: inout PageText) {
        let byPosition = TimelineGroups.IndexGroup(key: group.key, label: group.label, datetime: group.datetime,
                                                   members: Array(group.members.indices))
        write(byPosition, of: group.members, index: index, into: &out) { e, dateInHeading, out in
            card(group.members[e], dateInHeading: dateInHeading, index: index, links: &links, into: &out)
        }
    }

    /// A day group of `events` by position, each card written by `card` (given the event's position
    /// and whether the day's heading shows its date): no event is copied to group it.
    static func write(_ group: TimelineGroups.IndexGroup, of events: [Event], index: SiteIndex, into out: inout PageText,
                      card: (Int, Bool, inout PageText) -> Void) {
        out.add("<section class=\"day")
        if index.hasKeyEvents && !group.members.contains(where: { events[$0].isKey }) { out.add(" minor") }
        out.add("\" id=\"d-"); out.escaped(group.key); out.add("\">\n")
        out.add("<h3 class=\"day-label\"><time datetime=\""); out.escaped(group.datetime); out.add("\">"); out.escaped(group.label)
        out.add("</time></h3>\n")
        for e in group.members { card(e, TimelineGroups.showsDate(of: events[e].value, key: group.key), &out) }
        out.add("</section>\n")
    }

    /// The `event` partial of one event (`EventView`'s variables).
    /// - Parameter links: the texts of the articles the page links to, and its root (kept by the page).
    static func card(_ event: Event, dateInHeading: Bool, index: SiteIndex, links: inout ArticleLinkTexts,
                     into out: inout PageText) {
        let expected = event.status == .expected
        out.add("<article class=\"event")
        if event.isKey { out.add(" key") }
        if !event.isKey && index.hasKeyEvents { out.add(" minor") }
        if expected { out.add(" expected") }
        out.add("\" id=\""); Paths.writeEventAnchor(event.id, into: &out); out.add("\">\n")
        let sources = event.sources
        if !(dateInHeading && !expected && sources.count < 2) {
            out.add("<p class=\"event-meta\">")
            if !dateInHeading {
                out.add("<time class=\"event-date\" datetime=\""); out.datetime(event.value); out.add("\">"); out.label(event.value)
                out.add("</time>")
            }
            if expected { out.add(" <span class=\"badge badge-expected\">expected</span>") }
            if sources.count > 1 { out.add(" <span class=\"badge badge-sources\">"); out.add(sources.count); out.add(" sources</span>") }
            out.add("</p>\n")
        }
        out.add("<p class=\"event-text\">"); EventView.writeHighlighted(event.representative, into: &out); out.add("</p>\n")
        // Each source's article by its place in the list (-1: none), looked up once for the
        // sources and for the sentences "Why this date?" links to (mostly the same articles).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: sources.count) { positions in
            for i in sources.indices { positions[i] = links.position(sources[i], in: index.positions) }
            cardRest(event, positions: UnsafeBufferPointer(positions), index: index, links: &links, into: &out)
        }
    }

    /// The rest of `card` from its sources on, given where each source is in the site's list (-1: not there).
    private static func cardRest(_ event: Event, positions: UnsafeBufferPointer<Int>, index: SiteIndex, links: inout ArticleLinkTexts,
                                 into out: inout PageText) {
        let sources = event.sources
        out.add("<p class=\"event-sources\">")
        writeSources(event, positions: positions, index: index, links: &links, into: &out)
        out.add("</p>\n")
        // The shown actors written as they are found (no list of them made).
        var actors = 0
        for id in event.entities.prefix(EntityPages.actorsPerEvent) {
            guard let a = index.entities[id] else { continue }
            out.add(actors == 0 ? "<p class=\"event-actors\">" : " · ")
            actors += 1
            out.add("<a class=\"actor actor-"); out.escaped(a.kind.rawValue); out.add("\" href=\""); links.root(into: &out)
            out.add("entities/"); out.escaped(Paths.encode(a.slug)); out.add(".html\">"); out.escaped(a.name); out.add("</a>")
        }
        if actors > 0 { out.add("</p>\n") }
        if !event.disagreement.isEmpty {
            out.add("<p class=\"disagree\"><span class=\"badge badge-disagree\">sources disagree</span> ")
            for claim in event.disagreement {
                out.add("<span class=\"claim\"><time datetime=\""); out.escaped(EventView.htmlDatetime(claim.value)); out.add("\">")
                out.escaped(DisplayFormat.value(claim.value)); out.add("</time>: ")
                for (i, slug) in claim.articles.enumerated() {
                    if i > 0 { out.add(", ") }
                    let article = index.article(slug)
                    out.add("<a href=\""); links.root(into: &out); EventView.ArticleLink(slug: slug, sentence: nil).write(into: &out)
                    out.add("\" title=\""); out.escaped(article?.title ?? slug); out.add("\">")
                    out.escaped(article?.source ?? article?.title ?? slug); out.add("</a>")
                }
                out.add("</span> ")
            }
            out.add("</p>\n")
        }
        if !event.representative.resolution.isEmpty {
            out.add("<details class=\"why\">\n<summary>Why this date?</summary>\n<ul>\n")
            let mentions = event.mentions
            for j in mentions.indices.prefix(EventView.shownMentions) {
                let slug = mentions[j].article
                out.add("<li><a href=\""); links.root(into: &out)
                let sentence = (mentions[j].blockOrdinal, mentions[j].sentenceIndex)
                if let p = position(slug, sources: sources, positions: positions, index: index) {
                    links.href(p, into: &out); EventView.ArticleLink.write(sentence: sentence, into: &out)
                    out.add("\">"); links.outletOrTitle(p, into: &out)
                } else {
                    EventView.ArticleLink(slug: slug, sentence: sentence).write(into: &out)
                    out.add("\">"); out.escaped(slug)
                }
                out.add("</a>: "); out.escaped(mentions[j].resolution); out.add("</li>\n")
            }
            if mentions.count > EventView.shownMentions {
                out.add("<li>and "); out.add(mentions.count - EventView.shownMentions); out.add(" more sentences (all are in events.json)</li>\n")
            }
            out.add("</ul>\n<p class=\"salience\">"); salience(event, into: &out); out.add("</p>\n</details>\n")
        }
        out.add("</article>\n")
    }

    /// Where the article `slug` is in the site's list: read from `positions` when it is one of the
    /// event's few `sources` (the same bytes: what `SlugPositions` tells apart), else looked up.
    private static func position(_ slug: String, sources: [String], positions: UnsafeBufferPointer<Int>, index: SiteIndex) -> Int? {
        if sources.count <= 16, let k = sources.indices.first(where: { sameBytes(sources[$0], slug) }) {
            return positions[k] >= 0 ? positions[k] : nil
        }
        return index.positions.position(slug)
    }

    /// Whether two texts are the same bytes (compared where they lie).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        return (same ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    /// `EventView.salience(event)`, escaped: only the score's text could need it.
    private static func salience(_ event: Event, into out: inout PageText) {
        out.add("salience "); out.escaped(JSONNumber.format(event.score)); out.add(": ")
        let count = event.sources.count
        if count == 1 { out.add("1 source") } else { out.add(count); out.add(" sources") }
        out.add(event.mentions.contains { $0.expression != nil } ? ", dated in the text" : ", dated by its context")
    }

    /// An event's shown sources, each linked to the sentence of it the event is first mentioned
    /// in, named by its outlet (with a short title when another source of the event has the same
    /// outlet), and how many more there are.
    /// - Parameter positions: each source's article by its place in the list (-1: none); its fields are read where they are, not copied.
    private static func writeSources(_ event: Event, positions: UnsafeBufferPointer<Int>, index: SiteIndex, links: inout ArticleLinkTexts,
                                     into out: inout PageText) {
        let sources = event.sources
        let shown = min(sources.count, EventView.shownSources)
        let articles = index.articleList
        func outlet(_ i: Int) -> String? { positions[i] >= 0 ? articles[positions[i]].source : nil }
        // Whether another source has the same outlet: compared pairwise when few, else counted.
        var outletCounts: [String: Int] = [:]
        if sources.count > EventView.shownSources {
            for i in sources.indices { if let o = outlet(i) { outletCounts[o, default: 0] += 1 } }
        }
        func repeated(_ i: Int, _ o: String) -> Bool {
            guard outletCounts.isEmpty else { return (outletCounts[o] ?? 0) > 1 }
            return sources.indices.contains { $0 != i && outlet($0) == o }
        }
        // The sentence each shown source is first mentioned in (the event's mentions are many).
        withUnsafeTemporaryAllocation(of: (block: Int, sentence: Int)?.self, capacity: shown) { first in
            first.initialize(repeating: nil)
            var found = 0, j = 0
            let mentions = event.mentions
            var previous: String?
            while found < shown && j < mentions.count {
                // A run of mentions from one article needs looking up once.
                let article = mentions[j].article
                if article != previous {
                    for k in 0..<shown where first[k] == nil && sources[k] == article {
                        first[k] = (mentions[j].blockOrdinal, mentions[j].sentenceIndex)
                        found += 1
                    }
                    previous = article
                }
                j += 1
            }
            for i in 0..<shown {
                if i > 0 { out.add(" · ") }
                out.add("<a href=\""); links.root(into: &out)
                if positions[i] >= 0 {
                    let p = positions[i]
                    links.href(p, into: &out); EventView.ArticleLink.write(sentence: first[i], into: &out)
                    out.add("\" title=\""); links.title(p, into: &out); out.add("\">")
                    links.sourceName(p, repeated: outlet(i).map { repeated(i, $0) } ?? false, into: &out)
                } else {
                    let slug = sources[i]
                    EventView.ArticleLink(slug: slug, sentence: first[i]).write(into: &out)
                    out.add("\" title=\""); out.escaped(slug); out.add("\">")
                    out.escaped(EventView.sourceName(outlet: nil, title: slug, repeated: false))
                }
                out.add("</a>")
            }
        }
        if sources.count > shown { out.add(" · and "); out.add(sources.count - shown); out.add(" more") }
    }

    /// The built-in `periods` partial for these periods' digests (what `TimelineGroups.PeriodLink`
    /// gives the template), written straight from them: an actor's page lists dozens of periods.
    static func periods(_ digests: [PeriodDigest], index: SiteIndex, root: String) -> String {
        var out = PageText(capacity: 200 + digests.count * 1200)
        periods(digests, index: index, root: root, into: &out)
        return out.string
    }

    /// The same, written into a page's text (an actor's page: no text made and checked as UTF-8 again).
    static func periods(_ digests: [PeriodDigest], index: SiteIndex, root: String, into out: inout PageText) {
        out.add("<div class=\"periods\">\n")
        for digest in digests {
            // The period's name (`Period.description`) written as digits, not made as a String each time.
            let period = digest.period
            // Where the period and its events are shown: its page, or the index.
            func page(_ out: inout PageText) {
                if index.paged { out.add("months/"); out.period(period); out.add(".html") } else { out.add("index.html") }
            }
            out.add("<section class=\"period\" id=\"m-"); out.period(period); out.add("\">\n")
            out.add("<h2 class=\"month-label\"><a href=\""); out.escaped(root)
            if index.paged { page(&out) } else { out.add("index.html#m-"); out.period(period) }
            out.add("\"><time datetime=\""); out.period(period); out.add("\">"); out.escaped(digest.period.label); out.add("</time></a>")
            out.add(" <span class=\"count\">"); out.add(digest.eventCount); out.add(" events, "); out.add(digest.keyCount)
            out.add(" key</span></h2>\n<ul class=\"highlights\">\n")
            for h in digest.highlights {
                out.add("<li class=\"highlight"); if h.isKey { out.add(" key") }; out.add("\"><a href=\""); out.escaped(root); page(&out)
                out.add("#"); Paths.writeEventAnchor(h.id, into: &out)
                out.add("\"><time datetime=\""); out.datetime(h.value); out.add("\">"); out.label(h.value)
                out.add("</time></a>")
                if h.status == .expected { out.add(" <span class=\"badge badge-expected\">expected</span>") }
                out.add(" "); out.escaped(h.text)
                if h.sourceCount > 1 { out.add(" <span class=\"badge badge-sources\">"); out.add(h.sourceCount); out.add(" sources</span>") }
                out.add("</li>\n")
            }
            out.add("</ul>\n</section>\n")
        }
        out.add("</div>\n")
    }
}

/// The lines of `article-events` the article pages of one build have written, by the event's place
/// in its period's list: an event is listed on the page of each of its sources, with the same line
/// (the pages share their root and the site its paging). Safe to use from several threads; a page
/// takes its known lines, and adds those it wrote, under one lock each.
final class ArticleEventLines: @unchecked Sendable {
    struct Key {
        var period: Period
        var position: Int
    }

    /// Each period's slot in `lines`; by slot, each event's line by its place in the period's list.
    private var slots: [Period: Int] = [:]
    private var lines: [[[UInt8]?]] = []
    private let lock = NSLock()

    /// The line of each key, when written already (a page's keys come period by period: each
    /// period's slot is looked up once per run of its keys).
    func lines(_ keys: [Key]) -> [[UInt8]?] {
        var found: [[UInt8]?] = []
        found.reserveCapacity(keys.count)
        var period: Period?, slot = -1
        lock.lock()
        for key in keys {
            if key.period != period { (period, slot) = (key.period, slots[key.period] ?? -1) }
            found.append(slot >= 0 && key.position < lines[slot].count ? lines[slot][key.position] : nil)
        }
        lock.unlock()
        return found
    }

    func add(_ made: [(Key, [UInt8])]) {
        guard !made.isEmpty else { return }
        var period: Period?, slot = -1
        lock.lock()
        for (key, line) in made {
            if key.period != period {
                period = key.period
                if let known = slots[key.period] {
                    slot = known
                } else {
                    slot = lines.count
                    slots[key.period] = slot
                    lines.append([])
                }
            }
            if key.position >= lines[slot].count { lines[slot] += repeatElement(nil, count: key.position + 1 - lines[slot].count) }
            lines[slot][key.position] = line
        }
        lock.unlock()
    }
}

/// Text written as UTF-8 bytes into one growing buffer (string interpolation and `+=` on a
/// `String` cost several times more per byte, and the article list is as long as the site).
/// `escaped` is what `{{name}}` writes: Mustache's HTML escaping (`&`, `<`, `>`, `"`, `'`).
///
/// The buffer is a `ByteText`, so that a piece is a capacity test and a copy: a period page is a
/// few hundred thousand short pieces, and an array checked its storage for uniqueness and bounds
/// on each of them. A finished page is written to its file from the buffer (`withBytes`); text
/// wanted as an array is copied once (`take`).
struct PageText: ~Copyable {
    private var buffer: ByteText

    /// The bytes written.
    var count: Int { buffer.count }

    /// - Parameter capacity: about how many bytes will be written.
    init(capacity: Int = 0) { buffer = ByteText(capacity: capacity) }

    /// The byte at `i` (of those written).
    subscript(i: Int) -> UInt8 { buffer[i] }

    /// What has been written, as an array (a copy).
    var array: [UInt8] { buffer.array }

    /// What has been written, as an array (a copy), the text left empty.
    mutating func take() -> [UInt8] { buffer.take() }

    var string: String { buffer.withBytes { String(decoding: $0, as: UTF8.self) } }

    /// What has been written, read where it lies.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withBytes { try body(UnsafeRawBufferPointer($0)) }
    }

    /// Drops the last `n` bytes written.
    mutating func removeLast(_ n: Int = 1) { buffer.removeLast(n) }

    /// Appends `n` bytes written by `write` at the start of the room it is given.
    @inline(__always) private mutating func append(_ n: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) {
        buffer.append(count: n, writing: write)
    }

    /// Appends the bytes of `range` (of those written) to `out`.
    func write(_ range: Range<Int>, into out: inout PageText) {
        precondition(range.upperBound <= count, "past the bytes written")
        buffer.withBytes { out.add(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Appends `part` of the `previous` file, when there is one and it lies within the file.
    mutating func copy(_ part: OutputEntry.Part?, of previous: [UInt8]?) -> Bool {
        guard let part, let previous, part.offset >= 0, part.length >= 0, part.offset <= previous.count - part.length else { return false }
        previous.withUnsafeBufferPointer { add(UnsafeBufferPointer(rebasing: $0[part.offset..<(part.offset + part.length)])) }
        return true
    }

    /// Bytes as they are (already escaped, or markup).
    @inline(__always) mutating func add(_ piece: UnsafeBufferPointer<UInt8>) { buffer.append(piece) }

    mutating func add(_ piece: [UInt8]) { piece.withUnsafeBufferPointer { add($0) } }

    mutating func add(_ piece: ArraySlice<UInt8>) { piece.withUnsafeBufferPointer { add($0) } }

    @inline(__always) mutating func add(byte: UInt8) { buffer.append(byte) }

    /// Literal markup (a static string needs no checks to be read as bytes). Inlined, so that the
    /// copy of a literal of known length is a few moves, not a call (a page is many short literals).
    @inline(__always) mutating func add(_ literal: StaticString) { buffer.append(literal) }

    /// Text as it is (already escaped, or markup).
    mutating func text(_ text: String) {
        // Native strings are read where they lie (`withUTF8` needs a copy of its own to make them contiguous).
        if text.utf8.withContiguousStorageIfAvailable({ add($0) }) != nil { return }
        var text = text
        text.withUTF8 { add($0) }
    }

    /// `String(n)`.
    mutating func add(_ n: Int) { buffer.appendDecimal(n) }

    mutating func escaped(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ escaped($0, quotes: true) }) != nil { return }
        var text = text
        text.withUTF8 { escaped($0, quotes: true) }
    }

    /// Text content escaped as `HTMLEscape.text` escapes it (quotes left as they are).
    mutating func escapedText(_ utf8: UnsafeBufferPointer<UInt8>) { escaped(utf8, quotes: false) }

    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        HTMLEscape.pieces(of: utf8, quotes: quotes) { add($0) }
    }

    /// `text` as `MarkdownEscape.text` escapes it: byte by byte for ASCII text, where each byte
    /// is a character but "\r\n" (one character, left as it is).
    mutating func markdown(_ text: String) {
        var text = text
        let done = text.withUTF8 { utf8 -> Bool in
            guard utf8.contains(where: { MarkdownEscape.changes($0) }) else {
                add(utf8)
                return true
            }
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                i += 1
                if b == 0x0D && i < utf8.count && utf8[i] == 0x0A {
                    // One character, neither "\r" nor "\n": kept as it is.
                    add(byte: 0x0D)
                    add(byte: 0x0A)
                    i += 1
                    continue
                }
                if b == 0x0A || b == 0x0D {
                    add(byte: 0x20)  // one event, one list item
                    continue
                }
                if MarkdownEscape.changes(b) { add(byte: 0x5C) }
                add(byte: b)
            }
            return true
        }
        if !done { self.text(MarkdownEscape.text(text)) }
    }
}

/// Dates written as bytes, the way the templates show them (a period page and an article's events
/// list show thousands; the strings for them cost more than the rest of each line).
extension PageText {
    /// `EventView.htmlDatetime(v)`, escaped.
    mutating func datetime(_ v: TimexValue) {
        switch v {
        case .day(let d), .partOfDay(let d, _): date(d)
        default: escaped(EventView.htmlDatetime(v))
        }
    }

    /// `DisplayFormat.value(v)`, escaped.
    mutating func label(_ v: TimexValue) {
        guard case .day(let d) = v else { return escaped(DisplayFormat.value(v)) }
        // DisplayFormat.day: "Sat 15 March 2025" (names and digits: nothing to escape), written
        // straight into the page when its numbers are of the usual sizes and its names are short.
        let names = DateNames.shared
        let (weekday, month) = (names.shortWeekday(d.weekday.rawValue - 1), names.month(d.month - 1))
        guard (1...99).contains(d.day), (1000...9999).contains(d.year), let weekday, let month else {
            add(names.shortWeekdays[d.weekday.rawValue - 1])
            add(byte: 0x20); add(d.day); add(byte: 0x20)
            add(names.months[d.month - 1])
            add(byte: 0x20); add(d.year)
            return
        }
        let dayWidth = d.day < 10 ? 1 : 2
        append(weekday.count + dayWidth + month.count + 7) { text in
            var n = 0
            func put(_ name: UnsafeBufferPointer<UInt8>) {
                (text + n).update(from: name.baseAddress!, count: name.count)
                n += name.count
            }
            func put(_ number: Int, width: Int) {
                DecimalDigits.write(number, width: width, endingAt: n + width, into: UnsafeMutableBufferPointer(start: text, count: n + width))
                n += width
            }
            put(weekday); text[n] = 0x20; n += 1
            put(d.day, width: dayWidth); text[n] = 0x20; n += 1
            put(month); text[n] = 0x20; n += 1
            put(d.year, width: 4)
        }
    }

    /// `CivilDate.description`: `YYYY-MM-DD`.
    mutating func date(_ d: CivilDate) {
        guard d.year >= 1000 && d.year < 10000, ValueBytes.withText(d, { add($0.assumingMemoryBound(to: UInt8.self)) }) else { return escaped(d.description) }
    }

    /// `Period.description`: `YYYY-MM`, or `YYYY`.
    mutating func period(_ p: Period) {
        guard p.year >= 1000 && p.year < 10000 else { return escaped(p.description) }
        add(p.year)
        if let month = p.month { add(byte: 0x2D); two(month) }
    }

    /// `TimexFormat.two`.
    mutating func two(_ n: Int) {
        guard n >= 0 && n < 100 else { return text(TimexFormat.two(n)) }
        append(2) { DecimalDigits.write(n, width: 2, endingAt: 2, into: UnsafeMutableBufferPointer(start: $0, count: 2)) }
    }
}

/// `DisplayFormat`'s names as UTF-8, and the short ones also where they can be read in place
/// (a label copies them without retaining an array for each).
private final class DateNames: @unchecked Sendable {
    static let shared = DateNames()
    let shortWeekdays = DisplayFormat.weekdayNames.map { Array($0.prefix(3).utf8) }
    let months = DisplayFormat.monthNames.map { Array($0.utf8) }
    /// The weekdays' then the months' names, each in a slot of `slot` bytes: its length, then its bytes.
    /// Never freed (the names last as long as the program).
    private let slots: UnsafeMutablePointer<UInt8>
    private static let slot = 32

    private init() {
        let names = shortWeekdays + months
        slots = .allocate(capacity: names.count * Self.slot)
        slots.initialize(repeating: 0, count: names.count * Self.slot)
        for (i, name) in names.enumerated() where name.count < Self.slot {
            slots[i * Self.slot] = UInt8(name.count)
            for (k, b) in name.enumerated() { slots[i * Self.slot + 1 + k] = b }
        }
    }

    /// The short name of weekday `i` (from 0), nil when empty or too long for its slot.
    func shortWeekday(_ i: Int) -> UnsafeBufferPointer<UInt8>? { name(i) }

    /// The name of month `i` (from 0), nil when empty or too long for its slot.
    func month(_ i: Int) -> UnsafeBufferPointer<UInt8>? { name(shortWeekdays.count + i) }

    private func name(_ i: Int) -> UnsafeBufferPointer<UInt8>? {
        let count = Int(slots[i * Self.slot])
        return count == 0 ? nil : UnsafeBufferPointer(start: slots + i * Self.slot + 1, count: count)
    }
}

/// The texts of publication days, each made once per list (many articles share a day).
struct DateTexts {
    private var days: [Int: String] = [:]
    private var dates: [Int: [UInt8]] = [:]

    mutating func day(_ date: CivilDate) -> String {
        if let known = days[date.dayNumber] { return known }
        let text = DisplayFormat.day(date)
        days[date.dayNumber] = text
        return text
    }

    /// `PublicationTime.description` (the day, and the local time when known) as UTF-8: digits,
    /// `-`, `T` and `:`, which neither HTML nor JSON escapes.
    mutating func append(_ p: PublicationTime, to bytes: inout [UInt8]) {
        bytes += date(p.date)
        guard let hour = p.hour, let minute = p.minute else { return }
        bytes.append(0x54)
        DecimalDigits.appendTwo(hour, to: &bytes)
        bytes.append(0x3A)
        DecimalDigits.appendTwo(minute, to: &bytes)
    }

    /// The same, written into a page.
    mutating func append(_ p: PublicationTime, to out: inout PageText) {
        out.add(date(p.date))
        guard let hour = p.hour, let minute = p.minute else { return }
        out.add(byte: 0x54)
        out.two(hour)
        out.add(byte: 0x3A)
        out.two(minute)
    }

    /// `CivilDate.description` as UTF-8.
    private mutating func date(_ d: CivilDate) -> [UInt8] {
        if let known = dates[d.dayNumber] { return known }
        let text = Array(d.description.utf8)
        dates[d.dayNumber] = text
        return text
    }
}
