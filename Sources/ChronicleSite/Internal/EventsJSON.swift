import ChronicleModel
import ChronicleTime

/// `events.json`: the contract other tools read. Key order and value forms are fixed here and
/// documented in the README; change them only with a version note.
enum EventsJSON {
    static func render(_ timeline: Timeline) -> String {
        let config = timeline.config
        let site: JSONValue = .object([
            ("title", .string(config.title)),
            ("description", .string(config.description)),
            ("baseURL", .string(config.baseURL)),
            ("language", .string(config.language)),
        ])
        let articles: [JSONValue] = timeline.articles.map { a in
            .object([
                ("slug", .string(a.slug)),
                ("title", .string(a.title)),
                ("source", .string(a.source)),
                ("url", .string(a.url)),
                ("published", .string(a.published?.description)),
            ])
        }
        let events: [JSONValue] = timeline.events.map { e in
            let interval = e.value.interval
            return .object([
                ("id", .string(e.id)),
                ("date", .string(e.value.description)),
                ("start", .string(interval?.start.description)),
                ("end", .string(interval?.end.description)),
                ("grain", .string(e.value.grain.description)),
                ("status", .string(e.status.rawValue)),
                ("text", .string(e.text)),
                ("score", .number(e.score)),
                ("key", .bool(e.isKey)),
                ("sources", .array(e.sources.map { .string($0) })),
                ("entities", .array(e.entities.map { .string($0) })),
                ("disagreement", .array(e.disagreement.map { claim in
                    .object([("date", .string(claim.value.description)), ("articles", .array(claim.articles.map { .string($0) }))])
                })),
                ("mentions", .array(e.mentions.map(mention))),
            ])
        }
        let entities: [JSONValue] = timeline.entities.map { entity in
            .object([
                ("name", .string(entity.name)),
                ("slug", .string(entity.slug)),
                ("kind", .string(entity.kind.rawValue)),
                ("mentions", .number(Double(entity.mentionCount))),
                ("events", .array(entity.events.map { .string($0) })),
            ])
        }
        return JSONWriter.write(.object([("site", site), ("articles", .array(articles)), ("events", .array(events)),
                                         ("entities", .array(entities))]))
    }

    private static func mention(_ m: Mention) -> JSONValue {
        .object([
            ("article", .string(m.article)),
            ("anchor", .string(Paths.sentenceAnchor(block: m.blockOrdinal, sentence: m.sentenceIndex))),
            ("sentence", .string(m.sentence)),
            ("expression", .string(m.expression)),
            ("value", .string(m.value.description)),
            ("resolution", .string(m.resolution)),
            ("entities", .array(m.entities.map { .string($0) })),
        ])
    }
}
