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
                    out.add(" · <time datetime=\""); dates.append(published, to: &out.bytes); out.add("\">")
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

        /// Of everything an article's line shows (its link comes from its slug, its day from its date),
        /// given `site`, the fingerprint of what every page depends on (renderer, templates, config).
        func fingerprint(_ a: ArticleInfo, site: UInt64) -> UInt64 {
            var h = Fingerprinter()
            h.add(site)
            switch self {
            case .html(let root):
                h.add(1)
                h.add(root)
                h.add(a.eventCount)
            case .markdown:
                h.add(2)
            }
            h.add(a.slug)
            h.add(a.title)
            h.add(a.source ?? "")
            if let p = a.published {
                h.add(p.date.dayNumber)
                h.add(p.hour ?? -1)
                h.add(p.minute ?? -1)
            } else {
                h.add(Int.min)
            }
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
        for e in events {
            out.add("<p class=\"article-event"); if e.isKey { out.add(" key") }; out.add("\"><a href=\"")
            out.escaped(root); Paths.writeEventHref(id: e.id, value: e.value, period: e.period, paged: paged, into: &out)
            out.add("\"><time datetime=\""); out.escaped(EventView.htmlDatetime(e.value)); out.add("\">")
            out.escaped(DisplayFormat.value(e.value)); out.add("</time></a>")
            if e.status == .expected { out.add(" <span class=\"badge badge-expected\">expected</span>") }
            out.add(" "); out.escaped(e.text); out.add("</p>\n")
        }
    }

    static func days(_ days: [TimelineGroups.Day], root: String) -> String {
        var out = PageText(capacity: days.reduce(0) { $0 + $1.events.count } * 1500)
        write(days, root: root, into: &out)
        return out.string
    }

    static func write(_ days: [TimelineGroups.Day], root: String, into out: inout PageText) {
        for day in days {
            out.add("<section class=\"day"); if day.minor { out.add(" minor") }; out.add("\" id=\""); out.escaped(day.id); out.add("\">\n")
            out.add("<h3 class=\"day-label\"><time datetime=\""); out.escaped(day.datetime); out.add("\">"); out.escaped(day.label)
            out.add("</time></h3>\n")
            for event in day.events { self.event(event, root: root, into: &out) }
            out.add("</section>\n")
        }
    }

    static func event(_ v: EventView, root: String, into out: inout PageText) {
        out.add("<article class=\"event")
        if v.event.isKey { out.add(" key") }
        if v.minor { out.add(" minor") }
        if v.expected { out.add(" expected") }
        out.add("\" id=\""); out.escaped(v.anchor); out.add("\">\n")
        if !v.noMeta {
            out.add("<p class=\"event-meta\">")
            if !v.dateInHeading {
                out.add("<time class=\"event-date\" datetime=\""); out.escaped(v.datetime); out.add("\">"); out.escaped(v.label); out.add("</time>")
            }
            if v.expected { out.add(" <span class=\"badge badge-expected\">expected</span>") }
            if v.event.sources.count > 1 { out.add(" <span class=\"badge badge-sources\">"); out.add(v.event.sources.count); out.add(" sources</span>") }
            out.add("</p>\n")
        }
        out.add("<p class=\"event-text\">"); out.text(v.textHTML); out.add("</p>\n")
        out.add("<p class=\"event-sources\">")
        for (i, s) in v.sources.enumerated() {
            if i > 0 { out.add(" · ") }
            out.add("<a href=\""); out.escaped(root); EventView.ArticleLink(slug: s.slug, sentence: s.sentence).write(into: &out)
            out.add("\" title=\""); out.escaped(s.title); out.add("\">")
            out.escaped(s.name); out.add("</a>")
        }
        if let more = v.moreSources { out.add(" · and "); out.add(more); out.add(" more") }
        out.add("</p>\n")
        if !v.actors.isEmpty {
            out.add("<p class=\"event-actors\">")
            for (i, a) in v.actors.enumerated() {
                if i > 0 { out.add(" · ") }
                out.add("<a class=\"actor actor-"); out.escaped(a.kind.rawValue); out.add("\" href=\""); out.escaped(root)
                out.escaped(Paths.entityHref(a.slug)); out.add("\">"); out.escaped(a.name); out.add("</a>")
            }
            out.add("</p>\n")
        }
        if !v.claims.isEmpty {
            out.add("<p class=\"disagree\"><span class=\"badge badge-disagree\">sources disagree</span> ")
            for claim in v.claims {
                out.add("<span class=\"claim\"><time datetime=\""); out.escaped(claim.datetime); out.add("\">"); out.escaped(claim.label)
                out.add("</time>: ")
                for (i, s) in claim.sources.enumerated() {
                    if i > 0 { out.add(", ") }
                    out.add("<a href=\""); out.escaped(root); out.escaped(s.href); out.add("\" title=\""); out.escaped(s.title); out.add("\">")
                    out.escaped(s.name); out.add("</a>")
                }
                out.add("</span> ")
            }
            out.add("</p>\n")
        }
        if !v.event.representative.resolution.isEmpty {
            out.add("<details class=\"why\">\n<summary>Why this date?</summary>\n<ul>\n")
            for m in v.mentions {
                out.add("<li><a href=\""); out.escaped(root); m.link.write(into: &out); out.add("\">"); out.escaped(m.source); out.add("</a>: ")
                out.escaped(m.mention.resolution); out.add("</li>\n")
            }
            if let more = v.moreMentions { out.add("<li>and "); out.add(more); out.add(" more sentences (all are in events.json)</li>\n") }
            out.add("</ul>\n<p class=\"salience\">"); out.escaped(v.salience); out.add("</p>\n</details>\n")
        }
        out.add("</article>\n")
    }

    /// The built-in `periods` partial for these periods' digests (what `TimelineGroups.PeriodLink`
    /// gives the template), written straight from them: an actor's page lists dozens of periods.
    static func periods(_ digests: [PeriodDigest], index: SiteIndex, root: String) -> String {
        var out = PageText(capacity: 200 + digests.count * 1200)
        out.add("<div class=\"periods\">\n")
        for digest in digests {
            let period = digest.period.description
            // Where the period and its events are shown: its page, or the index.
            func page(_ out: inout PageText) {
                if index.paged { out.add("months/"); out.escaped(period); out.add(".html") } else { out.add("index.html") }
            }
            out.add("<section class=\"period\" id=\"m-"); out.escaped(period); out.add("\">\n")
            out.add("<h2 class=\"month-label\"><a href=\""); out.escaped(root)
            if index.paged { page(&out) } else { out.add("index.html#m-"); out.escaped(period) }
            out.add("\"><time datetime=\""); out.escaped(period); out.add("\">"); out.escaped(digest.period.label); out.add("</time></a>")
            out.add(" <span class=\"count\">"); out.add(digest.eventCount); out.add(" events, "); out.add(digest.keyCount)
            out.add(" key</span></h2>\n<ul class=\"highlights\">\n")
            for h in digest.highlights {
                out.add("<li class=\"highlight"); if h.isKey { out.add(" key") }; out.add("\"><a href=\""); out.escaped(root); page(&out)
                out.add("#"); out.escaped(Paths.eventAnchor(h.id))
                out.add("\"><time datetime=\""); out.escaped(EventView.htmlDatetime(h.value)); out.add("\">"); out.escaped(DisplayFormat.value(h.value))
                out.add("</time></a>")
                if h.status == .expected { out.add(" <span class=\"badge badge-expected\">expected</span>") }
                out.add(" "); out.escaped(h.text)
                if h.sourceCount > 1 { out.add(" <span class=\"badge badge-sources\">"); out.add(h.sourceCount); out.add(" sources</span>") }
                out.add("</li>\n")
            }
            out.add("</ul>\n</section>\n")
        }
        out.add("</div>\n")
        return out.string
    }
}

/// Text written as UTF-8 bytes into one growing buffer (string interpolation and `+=` on a
/// `String` cost several times more per byte, and the article list is as long as the site).
/// `escaped` is what `{{name}}` writes: Mustache's HTML escaping (`&`, `<`, `>`, `"`, `'`).
struct PageText {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `part` of the `previous` file, when there is one and it lies within the file.
    mutating func copy(_ part: OutputEntry.Part?, of previous: [UInt8]?) -> Bool {
        guard let part, let previous, part.offset >= 0, part.length >= 0, part.offset <= previous.count - part.length else { return false }
        previous.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[part.offset..<(part.offset + part.length)])) }
        return true
    }

    /// Literal markup (a static string needs no checks to be read as bytes).
    mutating func add(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text as it is (already escaped, or markup).
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ n: Int) {
        if n >= 0 && n < 10 { bytes.append(0x30 + UInt8(n)); return }
        text(String(n))
    }

    mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { HTMLEscape.append($0, quotes: true, to: &bytes) }
    }

    /// `text` as `MarkdownEscape.text` escapes it: byte by byte for ASCII text, where each byte
    /// is a character but "\r\n" (one character, left as it is).
    mutating func markdown(_ text: String) {
        var text = text
        let done = text.withUTF8 { utf8 -> Bool in
            guard utf8.contains(where: { MarkdownEscape.changes($0) }) else {
                bytes.append(contentsOf: utf8)
                return true
            }
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                i += 1
                if b == 0x0D && i < utf8.count && utf8[i] == 0x0A {
                    // One character, neither "\r" nor "\n": kept as it is.
                    bytes.append(contentsOf: [0x0D, 0x0A])
                    i += 1
                    continue
                }
                if b == 0x0A || b == 0x0D {
                    bytes.append(0x20)  // one event, one list item
                    continue
                }
                if MarkdownEscape.changes(b) { bytes.append(0x5C) }
                bytes.append(b)
            }
            return true
        }
        if !done { self.text(MarkdownEscape.text(text)) }
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
        if let known = dates[p.date.dayNumber] { bytes += known } else {
            let text = Array(p.date.description.utf8)
            dates[p.date.dayNumber] = text
            bytes += text
        }
        guard let hour = p.hour, let minute = p.minute else { return }
        bytes.append(0x54)
        Self.two(hour, to: &bytes)
        bytes.append(0x3A)
        Self.two(minute, to: &bytes)
    }

    /// `TimexFormat.two`.
    private static func two(_ n: Int, to bytes: inout [UInt8]) {
        guard n >= 0 && n < 100 else { bytes += TimexFormat.two(n).utf8; return }
        bytes.append(0x30 + UInt8(n / 10))
        bytes.append(0x30 + UInt8(n % 10))
    }
}
