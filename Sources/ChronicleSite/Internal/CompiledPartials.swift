import ChronicleMarkdown
import ChronicleTime

/// The built-in `days` and `event` partials (every event of a period page) and `article-events`
/// (the events listed beside each article), `periods`, `article-list` and `article-list-md` written out in Swift: a big site has thousands of
/// each, and this writes them dozens of times faster than the Mustache library. `TemplateSet`
/// uses it only while those partials are the built-in ones (a site that overrides one gets the
/// Mustache rendering), and `CompiledPartialsTests` checks that it writes byte for byte what the
/// templates do.
enum CompiledPartials {
    /// Registered in place of the compiled partials: each writes the HTML computed for it.
    static let stubs = ["days": "{{{daysHTML}}}", "article-events": "{{{articleEventsHTML}}}", "periods": "{{{periodsHTML}}}",
                        "article-list": "{{{articleListHTML}}}", "article-list-md": "{{{articleListMarkdown}}}"]

    /// `article-list`: every article with its outlet, day and event count.
    static func articleList(_ articles: [ArticleInfo], index: SiteIndex, root: String) -> String {
        var out = "<ul class=\"article-list\">\n"
        for a in articles {
            out += "<li><a href=\"\(e(root))\(e(index.articleHref(a.slug)))\">\(e(a.title))</a><span class=\"meta\">"
            if let source = a.source, !source.isEmpty { out += " · \(e(source))" }
            if let published = a.published {
                out += " · <time datetime=\"\(e(published.description))\">\(e(DisplayFormat.day(published.date)))</time>"
            }
            out += " · \(a.eventCount) events</span></li>\n"
        }
        return out + "</ul>\n"
    }

    /// `article-list-md`: every article as a Markdown list item, for `timeline.md`.
    static func articleListMarkdown(_ articles: [ArticleInfo], index: SiteIndex) -> String {
        var out = ""
        for a in articles {
            out += "- [\(MarkdownEscape.text(a.title))](\(index.articleHref(a.slug)))"
            if let source = a.source, !source.isEmpty { out += " — \(MarkdownEscape.text(source))" }
            if let published = a.published { out += ", \(MarkdownEscape.text(DisplayFormat.day(published.date)))" }
            out += "\n"
        }
        return out
    }

    static func articleEvents(_ events: [PeriodShares.Brief], root: String, paged: Bool) -> String {
        guard !events.isEmpty else { return "<p>Nothing from this article is on the timeline.</p>\n" }
        var out = ""
        for e in events {
            let href = Paths.eventHref(id: e.id, value: e.value, period: e.period, paged: paged)
            out += "<p class=\"article-event\(e.isKey ? " key" : "")\"><a href=\"\(self.e(root))\(self.e(href))\">"
            out += "<time datetime=\"\(self.e(EventView.htmlDatetime(e.value)))\">\(self.e(DisplayFormat.value(e.value)))</time></a>"
            if e.status == .expected { out += " <span class=\"badge badge-expected\">expected</span>" }
            out += " \(self.e(e.text))</p>\n"
        }
        return out
    }

    static func days(_ days: [TimelineGroups.Day], root: String) -> String {
        var out = ""
        for day in days {
            out += "<section class=\"day\(day.minor ? " minor" : "")\" id=\"\(e(day.id))\">\n"
            out += "<h3 class=\"day-label\"><time datetime=\"\(e(day.datetime))\">\(e(day.label))</time></h3>\n"
            for event in day.events { self.event(event, root: root, into: &out) }
            out += "</section>\n"
        }
        return out
    }

    static func event(_ v: EventView, root: String, into out: inout String) {
        out += "<article class=\"event\(v.event.isKey ? " key" : "")\(v.minor ? " minor" : "")\(v.expected ? " expected" : "")\" id=\"\(e(v.anchor))\">\n"
        if !v.noMeta {
            out += "<p class=\"event-meta\">"
            if !v.dateInHeading { out += "<time class=\"event-date\" datetime=\"\(e(v.datetime))\">\(e(v.label))</time>" }
            if v.expected { out += " <span class=\"badge badge-expected\">expected</span>" }
            if v.event.sources.count > 1 { out += " <span class=\"badge badge-sources\">\(v.event.sources.count) sources</span>" }
            out += "</p>\n"
        }
        out += "<p class=\"event-text\">\(v.textHTML)</p>\n"
        out += "<p class=\"event-sources\">"
        for (i, s) in v.sources.enumerated() {
            if i > 0 { out += " · " }
            out += "<a href=\"\(e(root))\(e(s.href))\" title=\"\(e(s.title))\">\(e(s.name))</a>"
        }
        if let more = v.moreSources { out += " · and \(more) more" }
        out += "</p>\n"
        if !v.actors.isEmpty {
            out += "<p class=\"event-actors\">"
            for (i, a) in v.actors.enumerated() {
                if i > 0 { out += " · " }
                out += "<a class=\"actor actor-\(e(a.kind.rawValue))\" href=\"\(e(root))\(e(Paths.entityHref(a.slug)))\">\(e(a.name))</a>"
            }
            out += "</p>\n"
        }
        if !v.claims.isEmpty {
            out += "<p class=\"disagree\"><span class=\"badge badge-disagree\">sources disagree</span> "
            for claim in v.claims {
                out += "<span class=\"claim\"><time datetime=\"\(e(claim.datetime))\">\(e(claim.label))</time>: "
                for (i, s) in claim.sources.enumerated() {
                    if i > 0 { out += ", " }
                    out += "<a href=\"\(e(root))\(e(s.href))\" title=\"\(e(s.title))\">\(e(s.name))</a>"
                }
                out += "</span> "
            }
            out += "</p>\n"
        }
        if !v.event.representative.resolution.isEmpty {
            out += "<details class=\"why\">\n<summary>Why this date?</summary>\n<ul>\n"
            for m in v.mentions {
                out += "<li><a href=\"\(e(root))\(e(m.href))\">\(e(m.source))</a>: \(e(m.mention.resolution))</li>\n"
            }
            if let more = v.moreMentions { out += "<li>and \(more) more sentences (all are in events.json)</li>\n" }
            out += "</ul>\n<p class=\"salience\">\(e(v.salience))</p>\n</details>\n"
        }
        out += "</article>\n"
    }

    /// The built-in `periods` partial: a paged site's periods with their highlights.
    static func periods(_ periods: [TimelineGroups.PeriodLink], root: String) -> String {
        var out = "<div class=\"periods\">\n"
        for p in periods {
            out += "<section class=\"period\" id=\"\(e(p.id))\">\n"
            out += "<h2 class=\"month-label\"><a href=\"\(e(root))\(e(p.href))\"><time datetime=\"\(e(p.datetime))\">\(e(p.label))</time></a>"
            out += " <span class=\"count\">\(p.eventCount) events, \(p.keyCount) key</span></h2>\n<ul class=\"highlights\">\n"
            for h in p.highlights {
                out += "<li class=\"highlight\(h.isKey ? " key" : "")\"><a href=\"\(e(root))\(e(h.href))\"><time datetime=\"\(e(h.datetime))\">"
                out += "\(e(h.label))</time></a>"
                if h.expected { out += " <span class=\"badge badge-expected\">expected</span>" }
                out += " \(e(h.text))"
                if h.sourceCount > 1 { out += " <span class=\"badge badge-sources\">\(h.sourceCount) sources</span>" }
                out += "</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        return out + "</div>\n"
    }

    /// What `{{name}}` writes: Mustache's HTML escaping (`&`, `<`, `>`, `"`, `'`).
    private static func e(_ s: String) -> String { HTMLEscape.attribute(s) }
}
