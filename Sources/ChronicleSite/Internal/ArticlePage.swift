import ChronicleMarkdown
import ChronicleModel
import ChronicleTime

/// `articles/<slug>.html`: the article body with every recognised expression marked up, the
/// sentences that made events anchored, boilerplate de-emphasised, and links to its events.
enum ArticlePage {
    /// `events`: the events the article reports, in timeline order.
    static func make(_ article: Article, events: [Event], index: SiteIndex) -> [String: Any] {
        var out = CommonContext.page(index, root: "../", title: "\(article.title) · \(index.config.title)")
        var eventByMention: [MentionKey: Event] = [:]
        for event in events {
            for m in event.mentions where m.article == article.slug {
                eventByMention[MentionKey(block: m.blockOrdinal, sentence: m.sentenceIndex)] = event
            }
        }
        let body = HTMLRenderer(headingOffset: 1).render(article.document, decorations: decorations(article, eventByMention))
        let listed = events.filter { $0.sources.contains(article.slug) }
        out["article"] = CommonContext.article(ArticleInfo(article, eventCount: listed.count))
        out["bodyHTML"] = body.hasSuffix("\n") ? String(body.dropLast()) : body  // the template owns the layout
        out["events"] = listed.map { event in
            context([
                "id": event.id,
                "anchor": Paths.eventAnchor(event.id),
                "label": DisplayFormat.value(event.value),
                "datetime": EventView.htmlDatetime(event.value),
                "text": event.text,
                "key": event.isKey,
                "expected": event.status == .expected,
                "href": Paths.eventHref(event, paged: index.paged),
                "sourceCount": event.sources.count,
                "multipleSources": event.sources.count > 1,
            ])
        }
        out["sentenceCount"] = article.blocks.reduce(0) { $0 + $1.sentences.count }
        out["expressionCount"] = article.blocks.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.timexes.count } }
        out["boilerplateCount"] = article.blocks.filter(\.isBoilerplate).count
        return out
    }

    struct MentionKey: Hashable {
        var block: Int
        var sentence: Int
    }

    static func decorations(_ article: Article, _ eventByMention: [MentionKey: Event]) -> [Int: BlockDecoration] {
        var out: [Int: BlockDecoration] = [:]
        for block in article.blocks {
            let ordinal = block.block.ordinal
            var spans: [InlineSpan] = []
            for (s, sentence) in block.sentences.enumerated() {
                let base = sentence.utf8Range.lowerBound
                if let event = eventByMention[MentionKey(block: ordinal, sentence: s)] {
                    spans.append(InlineSpan(range: sentence.utf8Range, tag: "span", attributes: [
                        ("id", Paths.sentenceAnchor(block: ordinal, sentence: s)),
                        ("class", event.isKey ? "mention key" : "mention"),
                    ]))
                }
                for (t, timex) in sentence.timexes.enumerated() {
                    let anchor = sentence.dateSource == .expression && sentence.anchorTimex == t
                    var attributes: [(name: String, value: String)] = [
                        ("datetime", EventView.htmlDatetime(timex.value)),
                        ("title", timex.explanation),
                    ]
                    if anchor { attributes.append(("class", "anchor")) }
                    spans.append(InlineSpan(range: (base + timex.utf8Range.lowerBound)..<(base + timex.utf8Range.upperBound),
                                            tag: "time", attributes: attributes))
                }
            }
            let classes = block.isBoilerplate ? ["boilerplate"] : []
            if !classes.isEmpty || !spans.isEmpty {
                out[ordinal] = BlockDecoration(classes: classes, spans: spans)
            }
        }
        return out
    }
}
