import ChronicleMarkdown
import ChronicleModel
import ChronicleTime

/// The variables of one event, shared by the index, period pages, timeline.md and the feed.
/// An event many outlets report lists its first `shownSources` sources and `shownMentions`
/// sentences, and counts the rest (`events.json` lists them all): a page stays readable and its
/// size grows with the number of events, not with how often each was reported.
enum EventContext {
    static let shownSources = 20
    static let shownMentions = 10

    static func make(_ event: Event, index: SiteIndex) -> [String: Any] {
        let rep = event.representative
        let interval = event.value.interval
        let shownSlugs = Array(event.sources.prefix(shownSources))
        var outletCounts: [String: Int] = [:]
        for slug in event.sources { if let outlet = index.articles[slug]?.source { outletCounts[outlet, default: 0] += 1 } }
        var firstMention: [String: Mention] = [:]
        for m in event.mentions where firstMention[m.article] == nil { firstMention[m.article] = m }
        let sources: [[String: Any]] = shownSlugs.map { slug in
            let article = index.articles[slug]
            let outlet = article?.source
            let repeated = outlet.map { (outletCounts[$0] ?? 0) > 1 } ?? false
            let anchor = firstMention[slug].map { "#" + Paths.sentenceAnchor(block: $0.blockOrdinal, sentence: $0.sentenceIndex) }
            return context([
                "slug": slug,
                "title": article?.title ?? slug,
                "name": sourceName(outlet: outlet, title: article?.title ?? slug, repeated: repeated),
                "source": outlet,
                "published": article?.published?.description,
                "href": Paths.articleHref(slug) + (anchor ?? ""),
            ])
        }
        let mentions: [[String: Any]] = event.mentions.prefix(shownMentions).map { m in
            let article = index.articles[m.article]
            return context([
                "article": m.article,
                "articleTitle": article?.title ?? m.article,
                "source": article?.source ?? article?.title ?? m.article,
                "sentence": m.sentence,
                "expression": m.expression,
                "value": m.value.description,
                "label": DisplayFormat.value(m.value),
                "resolution": m.resolution,
                "href": Paths.articleHref(m.article) + "#" + Paths.sentenceAnchor(block: m.blockOrdinal, sentence: m.sentenceIndex),
            ])
        }
        let minor = !event.isKey && index.hasKeyEvents
        return context([
            "id": event.id,
            "anchor": Paths.eventAnchor(event.id),
            "href": Paths.eventHref(event, paged: index.paged),
            "date": event.value.description,
            "datetime": htmlDatetime(event.value),
            "label": DisplayFormat.value(event.value),
            "start": interval?.start.description,
            "end": interval?.end.description,
            "grain": event.value.grain.description,
            "status": event.status.rawValue,
            "expected": event.status == .expected,
            "key": event.isKey,
            "minor": minor,
            "score": JSONNumber.format(event.score),
            "text": event.text,
            "textHTML": highlighted(rep),
            "expression": rep.expression,
            "why": rep.resolution,
            "sources": positioned(sources),
            "sourceCount": event.sources.count,
            "multipleSources": event.sources.count > 1,
            "moreSources": event.sources.count > shownSources ? event.sources.count - shownSources : nil,
            "mentions": positioned(mentions),
            "mentionCount": event.mentions.count,
            "moreMentions": event.mentions.count > shownMentions ? event.mentions.count - shownMentions : nil,
        ])
    }

    /// How a source link reads: the outlet; with a short title when the event has two articles from
    /// that outlet; a short title alone when the outlet is unknown.
    static func sourceName(outlet: String?, title: String, repeated: Bool) -> String {
        guard let outlet else { return FeedContext.shortened(title, to: 40) }
        return repeated ? "\(outlet): \(FeedContext.shortened(title, to: 32))" : outlet
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

    /// A `datetime` attribute browsers understand: TIMEX3 already is one for days, weeks, months
    /// and years; a part of day falls back to its day, anything without a single extent to its start.
    static func htmlDatetime(_ v: TimexValue) -> String {
        switch v {
        case .day(let d), .partOfDay(let d, _): return d.description
        case .time, .week, .month, .year: return v.description
        default: return v.interval?.start.description ?? v.description
        }
    }
}
