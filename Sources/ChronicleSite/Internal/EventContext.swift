import ChronicleMarkdown
import ChronicleModel
import ChronicleTime

/// The variables of one event, shared by the index, period pages, timeline.md and the feed.
/// An event many outlets report lists its first `shownSources` sources and `shownMentions`
/// sentences, and counts the rest (`events.json` lists them all): a page stays readable and its
/// size grows with the number of events, not with how often each was reported.
struct EventView {
    static let shownSources = 20
    static let shownMentions = 10

    struct Source {
        var slug: String
        var title: String
        var name: String
        var source: String?
        var publication: PublicationTime?
        /// The sentence of the article the link goes to, if any.
        var sentence: (block: Int, sentence: Int)?

        /// Written only for the templates that show them (the compiled partial writes the link itself).
        var published: String? { publication?.description }
        var href: String { ArticleLink(slug: slug, sentence: sentence).text }
    }

    struct MentionView {
        var article: String
        var articleTitle: String
        var source: String
        var mention: Mention

        var link: ArticleLink { ArticleLink(slug: article, sentence: (mention.blockOrdinal, mention.sentenceIndex)) }
        var href: String { link.text }
    }

    /// A link from the site root to an article page, or to one of its sentences there.
    struct ArticleLink {
        var slug: String
        var sentence: (block: Int, sentence: Int)?

        var text: String { Paths.articleHref(slug) + (sentence.map { "#" + Paths.sentenceAnchor(block: $0.block, sentence: $0.sentence) } ?? "") }

        /// `text`, written as `PageText.escaped` would write it (it has nothing to escape).
        func write(into out: inout PageText) {
            out.add("articles/")
            out.escaped(Paths.encode(slug))
            out.add(".html")
            Self.write(sentence: sentence, into: &out)
        }

        /// What `text` adds to the article's link for the sentence: `#s<block>-<sentence>`, or nothing.
        static func write(sentence: (block: Int, sentence: Int)?, into out: inout PageText) {
            guard let (block, sentence) = sentence else { return }
            out.add("#"); out.add(Paths.sentenceAnchorPrefix)
            out.add(block)
            out.add(Paths.sentenceAnchorSeparator)
            out.add(sentence)
        }
    }

    /// One date some sources give, with those sources.
    struct Claim {
        var label: String
        var datetime: String
        var sources: [Source]
    }

    var event: Event
    var anchor: String
    var href: String
    var datetime: String
    var label: String
    var minor: Bool
    var textHTML: String
    var sources: [Source]
    var mentions: [MentionView]
    /// The first `EntityPages.actorsPerEvent` actors it names.
    var actors: [Entity]
    var claims: [Claim]
    var salience: String
    /// Set by the day group the event is shown in.
    var dateInHeading = false
    var noMeta = false

    var expected: Bool { event.status == .expected }
    var moreSources: Int? { event.sources.count > Self.shownSources ? event.sources.count - Self.shownSources : nil }
    var moreMentions: Int? { event.mentions.count > Self.shownMentions ? event.mentions.count - Self.shownMentions : nil }

    init(_ event: Event, index: SiteIndex) {
        self.event = event
        // Each source's outlet counted, the shown sources' articles kept (an event may have hundreds).
        let shown = event.sources.prefix(Self.shownSources)
        var outletCounts: [String: Int] = [:]
        var shownArticles: [ArticleInfo?] = []
        shownArticles.reserveCapacity(shown.count)
        for (i, slug) in event.sources.enumerated() {
            let article = index.article(slug)
            if i < shown.count { shownArticles.append(article) }
            if let outlet = article?.source { outletCounts[outlet, default: 0] += 1 }
        }
        // The sentence each shown source is first mentioned in (the event's mentions are many).
        var firstMention: [String: (block: Int, sentence: Int)] = Dictionary(minimumCapacity: shown.count)
        for m in event.mentions where firstMention.count < shown.count && firstMention[m.article] == nil && shown.contains(m.article) {
            firstMention[m.article] = (m.blockOrdinal, m.sentenceIndex)
        }
        sources = zip(shown, shownArticles).map { slug, article in
            let outlet = article?.source
            let repeated = outlet.map { (outletCounts[$0] ?? 0) > 1 } ?? false
            return Source(slug: slug, title: article?.title ?? slug,
                          name: Self.sourceName(outlet: outlet, title: article?.title ?? slug, repeated: repeated),
                          source: outlet, publication: article?.published, sentence: firstMention[slug])
        }
        mentions = event.mentions.prefix(Self.shownMentions).map { m in
            let article = index.article(m.article)
            return MentionView(article: m.article, articleTitle: article?.title ?? m.article,
                               source: article?.source ?? article?.title ?? m.article, mention: m)
        }
        actors = event.entities.prefix(EntityPages.actorsPerEvent).compactMap { index.entities[$0] }
        claims = event.disagreement.map { claim in
            Claim(label: DisplayFormat.value(claim.value), datetime: Self.htmlDatetime(claim.value), sources: claim.articles.map { slug in
                let article = index.article(slug)
                return Source(slug: slug, title: article?.title ?? slug, name: article?.source ?? article?.title ?? slug,
                              source: article?.source, publication: nil, sentence: nil)
            })
        }
        salience = Self.salience(event)
        anchor = Paths.eventAnchor(event.id)
        href = Paths.eventHref(event, paged: index.paged)
        datetime = Self.htmlDatetime(event.value)
        label = DisplayFormat.value(event.value)
        minor = !event.isKey && index.hasKeyEvents
        textHTML = Self.highlighted(event.representative)
    }

    /// The template variables (README: "Each event").
    var context: [String: Any] {
        let rep = event.representative
        let interval = event.value.interval
        let sources: [[String: Any]] = self.sources.map { s in
            ChronicleSite.context(["slug": s.slug, "title": s.title, "name": s.name, "source": s.source, "published": s.published,
                                   "href": s.href])
        }
        let mentions: [[String: Any]] = self.mentions.map { m in
            ChronicleSite.context([
                "article": m.article,
                "articleTitle": m.articleTitle,
                "source": m.source,
                "sentence": m.mention.sentence,
                "expression": m.mention.expression,
                "value": m.mention.value.description,
                "label": DisplayFormat.value(m.mention.value),
                "resolution": m.mention.resolution,
                "href": m.href,
            ])
        }
        let disagreement: [[String: Any]] = claims.map { claim in
            ChronicleSite.context(["label": claim.label, "datetime": claim.datetime, "sources": positioned(claim.sources.map { s in
                ChronicleSite.context(["name": s.name, "title": s.title, "href": s.href])
            })])
        }
        var out = ChronicleSite.context([
            "id": event.id,
            "anchor": anchor,
            "href": href,
            "date": event.value.description,
            "datetime": datetime,
            "label": label,
            "start": interval?.start.description,
            "end": interval?.end.description,
            "grain": event.value.grain.description,
            "status": event.status.rawValue,
            "expected": expected,
            "key": event.isKey,
            "minor": minor,
            "score": JSONNumber.format(event.score),
            "text": event.text,
            "textHTML": textHTML,
            "expression": rep.expression,
            "why": rep.resolution,
            "sources": positioned(sources),
            "sourceCount": event.sources.count,
            "multipleSources": event.sources.count > 1,
            "moreSources": moreSources,
            "mentions": positioned(mentions),
            "mentionCount": event.mentions.count,
            "moreMentions": moreMentions,
            "entities": positioned(actors.map(EntityPages.link)),
            "hasEntities": !actors.isEmpty,
            "disagreement": disagreement,
            "sourcesDisagree": !disagreement.isEmpty,
            "salience": salience,
        ])
        out["dateInHeading"] = dateInHeading
        out["noMeta"] = noMeta
        return out
    }

    /// "salience 8.9: 3 sources, dated in the text": the score and what it is made of.
    static func salience(_ event: Event) -> String {
        let sources = event.sources.count == 1 ? "1 source" : "\(event.sources.count) sources"
        let explicit = event.mentions.contains { $0.expression != nil } ? ", dated in the text" : ", dated by its context"
        return "salience \(JSONNumber.format(event.score)): \(sources)\(explicit)"
    }

    /// How a source link reads: the outlet; with a short title when the event has two articles from
    /// that outlet; a short title alone when the outlet is unknown.
    static func sourceName(outlet: String?, title: String, repeated: Bool) -> String {
        guard let outlet else { return FeedContext.shortened(title, to: 40) }
        return repeated ? outlet + ": " + FeedContext.shortened(title, to: 32) : outlet
    }

    /// The sentence, HTML-escaped, with its dating expression marked up:
    /// `<mark><time datetime="…" title="why">on Friday</time></mark>`.
    static func highlighted(_ m: Mention) -> String {
        guard let range = m.expressionRange, range.upperBound <= m.sentence.utf8.count else {
            return HTMLRenderer.text(m.sentence)
        }
        return HTMLRenderer.text(m.sentence, spans: [
            InlineSpan(range: range, tag: "mark"),
            InlineSpan(range: range, tag: "time", attributes: [("datetime", htmlDatetime(m.value)), ("title", m.resolution)]),
        ])
    }

    /// `highlighted(m)`, written: where the expression's bounds fall on characters of the sentence,
    /// its pieces are escaped straight into `out` (a period page has a sentence per event), else
    /// the renderer writes it.
    static func writeHighlighted(_ m: Mention, into out: inout PageText) {
        var sentence = m.sentence
        let done = sentence.withUTF8 { utf8 -> Bool in
            let count = utf8.count
            guard let range = m.expressionRange, range.upperBound <= count else {
                out.escapedText(utf8)
                return true
            }
            let (lo, hi) = (range.lowerBound, range.upperBound)
            guard lo >= 0 else { return false }
            guard lo < hi else {
                out.escapedText(utf8)  // an empty span is left out
                return true
            }
            // A bound inside a character is moved by the renderer: left to it.
            func starts(_ i: Int) -> Bool { i == count || utf8[i] & 0xC0 != 0x80 }
            guard starts(lo), starts(hi) else { return false }
            out.escapedText(UnsafeBufferPointer(rebasing: utf8[..<lo]))
            out.add("<mark><time datetime=\""); out.datetime(m.value); out.add("\" title=\""); out.escaped(m.resolution); out.add("\">")
            out.escapedText(UnsafeBufferPointer(rebasing: utf8[lo..<hi]))
            out.add("</time></mark>")
            out.escapedText(UnsafeBufferPointer(rebasing: utf8[hi...]))
            return true
        }
        if !done { out.text(highlighted(m)) }
    }

    /// A `datetime` attribute browsers understand: TIMEX3 already is one for days, weeks, months
    /// and years; a part of day falls back to its day, anything without a single extent to its start.
    static func htmlDatetime(_ v: TimexValue) -> String {
        switch v {
        case .day(let d), .partOfDay(let d, _): return d.description
        case .month, .year:
            // Digits and `-` (ValueBytes), without the general formatter (an article body has one per expression).
            var text = ""
            return ValueBytes.withText(v, { text = String(decoding: $0, as: UTF8.self) }) ? text : v.description
        case .time, .week: return v.description
        default: return v.interval?.start.description ?? v.description
        }
    }
}

/// One event's variables, for the pages that show a single event (the feed).
enum EventContext {
    static func make(_ event: Event, index: SiteIndex) -> [String: Any] { EventView(event, index: index).context }
}
