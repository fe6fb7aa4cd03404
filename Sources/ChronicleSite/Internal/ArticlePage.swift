import ChronicleMarkdown
import ChronicleModel
import ChronicleTime

/// `articles/<slug>.html`: the article body with every recognised expression marked up, the
/// sentences that made events anchored, boilerplate de-emphasised, and links to its events.
enum ArticlePage {
    /// The events an article reports and, for each of its sentences that is a mention, whether
    /// that mention's event is key: gathered from the shares of the periods it mentions.
    struct Events {
        var listed: [PeriodShares.Brief] = []
        var keyOfSentence: [MentionKey: Bool] = [:]

        init(slug: String, shares: [PeriodShares]) {
            for share in shares {
                guard let mine = share.byArticle[slug] else { continue }
                listed += mine.events.map { share.events[$0] }
                for ref in mine.sentences { keyOfSentence[MentionKey(block: ref.block, sentence: ref.sentence)] = share.events[ref.event].isKey }
            }
        }
    }

    static func make(_ article: Article, events: Events, index: SiteIndex) -> [String: Any] {
        var out = CommonContext.page(index, root: "../", title: "\(article.title) · \(index.config.title)")
        let body = HTMLRenderer(headingOffset: 1).render(article.document, decorations: decorations(article, events.keyOfSentence))
        out["article"] = CommonContext.article(ArticleInfo(article, eventCount: events.listed.count))
        out["bodyHTML"] = body.hasSuffix("\n") ? String(body.dropLast()) : body  // the template owns the layout
        out["events"] = events.listed.map { event in
            context([
                "id": event.id,
                "anchor": Paths.eventAnchor(event.id),
                "label": DisplayFormat.value(event.value),
                "datetime": EventView.htmlDatetime(event.value),
                "text": event.text,
                "key": event.isKey,
                "expected": event.status == .expected,
                "href": Paths.eventHref(id: event.id, value: event.value, paged: index.paged),
                "sourceCount": event.sourceCount,
                "multipleSources": event.sourceCount > 1,
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

    static func decorations(_ article: Article, _ keyOfSentence: [MentionKey: Bool]) -> [Int: BlockDecoration] {
        var out: [Int: BlockDecoration] = [:]
        for block in article.blocks {
            let ordinal = block.block.ordinal
            var spans: [InlineSpan] = []
            for (s, sentence) in block.sentences.enumerated() {
                let base = sentence.utf8Range.lowerBound
                if let isKey = keyOfSentence[MentionKey(block: ordinal, sentence: s)] {
                    spans.append(InlineSpan(range: sentence.utf8Range, tag: "span", attributes: [
                        ("id", Paths.sentenceAnchor(block: ordinal, sentence: s)),
                        ("class", isKey ? "mention key" : "mention"),
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
