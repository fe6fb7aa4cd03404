import ChronicleMarkdown
import ChronicleModel
import ChronicleTime

/// The variables of one event, shared by the index, timeline.md and the feed.
enum EventContext {
    static func make(_ event: Event, index: SiteIndex) -> [String: Any] {
        let rep = event.representative
        let interval = event.value.interval
        let outlets = event.sources.compactMap { index.articles[$0]?.source }
        let sources: [[String: Any]] = event.sources.map { slug in
            let article = index.articles[slug]
            let outlet = article?.source
            let repeated = outlet.map { name in outlets.filter { $0 == name }.count > 1 } ?? false
            let anchor = index.firstMention(of: event, in: slug).map { "#" + Paths.sentenceAnchor(block: $0.blockOrdinal, sentence: $0.sentenceIndex) }
            return context([
                "slug": slug,
                "title": article?.title ?? slug,
                "name": sourceName(outlet: outlet, title: article?.title ?? slug, repeated: repeated),
                "source": article?.source,
                "published": article?.published?.description,
                "href": Paths.articleHref(slug) + (anchor ?? ""),
            ])
        }
        let mentions: [[String: Any]] = event.mentions.map { m in
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
        let actors: [[String: Any]] = event.entities.prefix(EntityPages.actorsPerEvent).compactMap { name in
            index.entities[name].map { EntityPages.link($0) }
        }
        let disagreement: [[String: Any]] = event.disagreement.map { claim in
            context([
                "label": DisplayFormat.value(claim.value),
                "datetime": htmlDatetime(claim.value),
                "sources": positioned(claim.articles.map { slug in
                    let article = index.articles[slug]
                    return context(["name": article?.source ?? article?.title ?? slug, "title": article?.title ?? slug,
                                    "href": Paths.articleHref(slug)])
                }),
            ])
        }
        return context([
            "id": event.id,
            "anchor": Paths.eventAnchor(event.id),
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
            "score": JSONWriter.number(event.score),
            "text": event.text,
            "textHTML": highlighted(rep),
            "expression": rep.expression,
            "why": rep.resolution,
            "sources": positioned(sources),
            "sourceCount": sources.count,
            "multipleSources": sources.count > 1,
            "mentions": positioned(mentions),
            "mentionCount": mentions.count,
            "entities": positioned(actors),
            "hasEntities": !actors.isEmpty,
            "disagreement": disagreement,
            "sourcesDisagree": !disagreement.isEmpty,
            "salience": salience(event),
        ])
    }

    /// "salience 8.9: 3 sources, dated in the text": the score and what it is made of.
    static func salience(_ event: Event) -> String {
        let sources = event.sources.count == 1 ? "1 source" : "\(event.sources.count) sources"
        let explicit = event.mentions.contains { $0.expression != nil } ? ", dated in the text" : ", dated by its context"
        return "salience \(JSONWriter.number(event.score)): \(sources)\(explicit)"
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
