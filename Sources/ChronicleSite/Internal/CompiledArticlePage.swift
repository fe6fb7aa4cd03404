import ChronicleModel
import ChronicleTime

/// The built-in `article.html` written out in Swift, as `CompiledPartials` writes partials: a site
/// has a page per article, and the Mustache library spent more on each than everything else the
/// page needs. Used while `article.html` and `article-events` are the built-in ones; the page's
/// `head`, `header` and `foot` (built in or the site's own) are rendered by the library once per
/// build, since they show only what every article page shares and the page's title.
/// `CompiledPartialsTests` checks that it writes byte for byte what the templates do.
struct CompiledArticlePage: Sendable {
    /// `{{> head}}` to the page's own header, with the title's places in it.
    private let opening: TitledText
    /// `{{> foot}}` and what comes before it.
    private let closing: TitledText

    /// Nil when the templates are not the ones it writes, or the shared parts show more than what
    /// every article page shares.
    init?(templates: TemplateSet, index: SiteIndex) {
        guard templates.compiled.contains("article.html"), templates.compiled.contains("article-events") else { return nil }
        // The shared parts may show only what every article page has alike (`{{.}}` aside, a
        // section's own value), and the title: each is rendered with a mark for the title, which
        // each place that shows it is found by, escaped (`{{pageTitle}}`) or not (`{{{pageTitle}}}`).
        let values = CommonContext.page(index, root: "../", title: TitledText.mark)
        let shown = ["head", "header", "foot"].reduce(into: Set<String>()) { $0.formUnion(templates.names(usedBy: $1)) }
        guard shown.subtracting([""]).isSubset(of: values.keys),
              let opening = TitledText(templates.render("head", values) + "<body class=\"page-article\">\n" + templates.render("header", values)
                                       + "<main>\n<article class=\"article\">\n<header class=\"article-header\">\n<h1>"),
              let closing = TitledText("</aside>\n</main>\n" + templates.render("foot", values)) else { return nil }
        self.opening = opening
        self.closing = closing
    }

    /// The page of `info`; `body` as `ArticlePage.body` rendered it (mention classes pending or not).
    func write(_ info: ArticleInfo, body: [UInt8], events: ArticlePage.Events, index: SiteIndex, into out: inout PageText) {
        let title = "\(info.title) · \(index.config.title)"
        opening.write(title: title, into: &out)
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
        let start = out.bytes.count
        ArticlePage.resolve(body, keyOfSentence: events.keyOfSentence, into: &out.bytes)
        // The template owns the layout: the body's last line feed is left out ("\r\n" is one character, not one).
        if out.bytes.count > start, out.bytes[out.bytes.count - 1] == 0x0A, out.bytes.count - start < 2 || out.bytes[out.bytes.count - 2] != 0x0D {
            out.bytes.removeLast()
        }
        out.add("\n</div>\n<p class=\"legend\">Underlined: dates Chronicle recognised (hover for how each was resolved). Highlighted: sentences behind key events. Faded: outlet boilerplate, left off the timeline.</p>\n</article>\n<aside class=\"article-events\">\n<h2>On the timeline</h2>\n")
        CompiledPartials.articleEvents(events.listed, root: "../", paged: index.paged, into: &out)
        closing.write(title: title, into: &out)
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
            out.bytes += piece
            if i < places.count {
                if places[i] { out.escaped(title) } else { out.text(title) }
            }
        }
    }
}
