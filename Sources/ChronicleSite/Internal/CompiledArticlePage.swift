import ChronicleModel
import ChronicleTime

/// The built-in `article.html` written out in Swift, as `CompiledPartials` writes partials: a site
/// has a page per article, and the Mustache library spent more on each than everything else the
/// page needs. Used while `article.html` and `article-events` are the built-in ones; the page's
/// `head`, `header` and `foot` (built in or the site's own) are rendered by the library once per
/// build (`PageShell`). `CompiledPartialsTests` checks that it writes byte for byte what the templates do.
struct CompiledArticlePage: Sendable {
    private let shell: PageShell

    /// Nil when the templates are not the ones it writes (`PageShell`).
    init?(templates: TemplateSet, index: SiteIndex) {
        guard templates.compiled.contains("article.html"), templates.compiled.contains("article-events"),
              let shell = PageShell(templates: templates, index: index, bodyClass: "page-article",
                                    opening: "<main>\n<article class=\"article\">\n<header class=\"article-header\">\n<h1>",
                                    closing: "</aside>\n</main>\n") else { return nil }
        self.shell = shell
    }

    /// The page of `info`; `body` as `ArticlePage.body` rendered it (mention classes pending or not).
    /// - Parameter lines: the events' lines other pages wrote (`ArticleEventLines`), when the events' places are known.
    func write(_ info: ArticleInfo, body: [UInt8], events: ArticlePage.Events, index: SiteIndex, lines: ArticleEventLines? = nil,
               into out: inout PageText) {
        let title = "\(info.title) · \(index.config.title)"
        shell.opening.write(title: title, into: &out)
        out.escaped(info.title)
        out.add("</h1>\n<p class=\"meta\">")
        if let source = info.source, !source.isEmpty { out.add("<span class=\"outlet\">"); out.escaped(source); out.add("</span>") }
        if let author = info.author, !author.isEmpty { out.add(" · <span class=\"author\">"); out.escaped(author); out.add("</span>") }
        if let published = info.published {
            out.add(" · <time datetime=\""); out.escaped(published.description); out.add("\">"); out.escaped(DisplayFormat.day(published.date))
            out.add("</time>")
        }
        out.add("</p>\n")
        if let url = info.url, CommonContext.isWebURL(url) {
            out.add("<p class=\"original\"><a href=\""); out.escaped(url); out.add("\" rel=\"noopener noreferrer\">Original article</a></p>\n")
        }
        out.add("</header>\n<div class=\"article-body\">\n")
        let start = out.count
        ArticlePage.resolve(body, keyOfSentence: events.keyOfSentence, into: &out)
        // The template owns the layout: the body's last line feed is left out ("\r\n" is one character, not one).
        if out.count > start, out[out.count - 1] == 0x0A, out.count - start < 2 || out[out.count - 2] != 0x0D {
            out.removeLast()
        }
        out.add("\n</div>\n<p class=\"legend\">Underlined: dates Chronicle recognised (hover for how each was resolved). Highlighted: sentences behind key events. Faded: outlet boilerplate, left off the timeline.</p>\n</article>\n<aside class=\"article-events\">\n<h2>On the timeline</h2>\n")
        if let lines, let keys = events.lineKeys {
            CompiledPartials.articleEvents(events.listed, keys: keys, lines: lines, root: "../", paged: index.paged, into: &out)
        } else {
            CompiledPartials.articleEvents(events.listed, root: "../", paged: index.paged, into: &out)
        }
        shell.closing.write(title: title, into: &out)
    }
}

/// The built-in `entity.html` of a paged site written out in Swift (an actor's page lists its
/// periods through the compiled `periods` partial), as `CompiledArticlePage` writes article pages.
struct CompiledEntityPage: Sendable {
    private let shell: PageShell

    init?(templates: TemplateSet, index: SiteIndex) {
        guard index.paged, templates.compiled.contains("entity.html"), templates.compiled.contains("periods"),
              let shell = PageShell(templates: templates, index: index, bodyClass: "page-entity",
                                    opening: "<main>\n<section class=\"intro\">\n<p class=\"kicker\">", closing: "</main>\n") else { return nil }
        self.shell = shell
    }

    /// The page of `entity`, named with `related`, listing `periods` (its part of each, in the
    /// site's order) with the compiled `periods` partial.
    func write(_ entity: Entity, related: [Entity], periods: [PeriodDigest], index: SiteIndex, into out: inout PageText) {
        let title = "\(entity.name) · \(index.config.title)"
        shell.opening.write(title: title, into: &out)
        out.escaped(EntityPages.kindLabel(entity.kind)); out.add("</p>\n<h1>"); out.escaped(entity.name); out.add("</h1>\n<p class=\"stats\">")
        out.add(entity.events.count); out.add(" events name "); out.escaped(entity.name); out.add("; "); out.add(entity.mentionCount)
        out.add(" sentences in all.</p>\n</section>\n")
        if !related.isEmpty {
            out.add("<nav class=\"actor-nav\" aria-label=\"Named with\">\n<span class=\"nav-label\">Named with:</span>\n")
            for r in related {
                out.add("<a class=\"actor actor-"); out.escaped(r.kind.rawValue); out.add("\" href=\"../"); out.escaped(Paths.entityHref(r.slug))
                out.add("\">"); out.escaped(r.name); out.add("</a>\n")
            }
            out.add("</nav>\n")
        }
        CompiledPartials.periods(periods, index: index, root: "../", into: &out)
        shell.closing.write(title: title, into: &out)
    }
}

/// What a compiled page shares with every page of its kind: `{{> head}}`, the `<body>` tag,
/// `{{> header}}` and the page's own `opening`, then its `closing` and `{{> foot}}`, rendered by
/// the library once per build (built in or the site's own), with the title's places found by a mark.
struct PageShell: Sendable {
    let opening: TitledText
    let closing: TitledText

    /// Nil when a shared part shows more than what every page of the kind has alike (`{{.}}`
    /// aside, a section's own value) and the title.
    init?(templates: TemplateSet, index: SiteIndex, bodyClass: String, opening: String, closing: String) {
        let values = CommonContext.page(index, root: "../", title: TitledText.mark)
        let shown = ["head", "header", "foot"].reduce(into: Set<String>()) { $0.formUnion(templates.names(usedBy: $1)) }
        guard shown.subtracting([""]).isSubset(of: values.keys),
              let before = TitledText(templates.render("head", values) + "<body class=\"\(bodyClass)\">\n" + templates.render("header", values) + opening),
              let after = TitledText(closing + templates.render("foot", values)) else { return nil }
        self.opening = before
        self.closing = after
    }
}

/// Text rendered once with a mark where a page's title goes, kept as the pieces between the
/// marks: each place then gets the title as the template showed it there (escaped or not).
struct TitledText: Sendable {
    /// What the title is rendered as: NUL bytes no text has, and `<`, which escaping changes.
    static let mark = "\u{0}<title>\u{0}"
    private static let raw = Array(mark.utf8)
    private static let escaped = Array("\u{0}&lt;title&gt;\u{0}".utf8)

    private var pieces: [[UInt8]] = []
    /// For each place between two pieces, whether the title is escaped there.
    private var places: [Bool] = []

    /// Nil when a NUL byte is left that is not a whole mark (the title was changed or cut).
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var start = 0, i = 0
        while i < bytes.count {
            guard bytes[i] == 0 else { i += 1; continue }
            let rest = bytes[i...]
            let escaped: Bool
            if rest.starts(with: Self.escaped) { escaped = true } else if rest.starts(with: Self.raw) { escaped = false } else { return nil }
            pieces.append(Array(bytes[start..<i]))
            places.append(escaped)
            i += escaped ? Self.escaped.count : Self.raw.count
            start = i
        }
        pieces.append(Array(bytes[start...]))
    }

    func write(title: String, into out: inout PageText) {
        for (i, piece) in pieces.enumerated() {
            out.add(piece)
            if i < places.count {
                if places[i] { out.escaped(title) } else { out.text(title) }
            }
        }
    }
}
