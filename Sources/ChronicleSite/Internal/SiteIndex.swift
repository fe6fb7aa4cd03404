import ChronicleModel
import ChronicleTime

/// Lookups every page needs, computed once per render.
struct SiteIndex {
    let timeline: Timeline
    let articles: [String: Article]
    /// Events each article contributes to, in timeline order.
    let eventsByArticle: [String: [Event]]
    /// The event a sentence is a mention of, keyed by article slug, block ordinal and sentence index.
    let eventByMention: [MentionKey: Event]
    /// The actors by name.
    let entities: [String: Entity]
    /// Where each event's id is in `timeline.events`.
    let eventPosition: [String: Int]
    /// The month page of each event when the timeline is split into month pages (`months/<key>.html`).
    var eventPage: [String: String] = [:]
    /// Whether any event is key; if none is, every event is shown by default.
    let hasKeyEvents: Bool
    /// The newest publication: the site's "updated" time (never the clock, so builds repeat exactly).
    let updated: PublicationTime?
    /// The variables every page shares (`CommonContext.make`), filled in once the lookups exist.
    var common: [String: Any] = [:]

    struct MentionKey: Hashable {
        var article: String
        var block: Int
        var sentence: Int
    }

    init(_ timeline: Timeline) {
        self.timeline = timeline
        articles = Dictionary(timeline.articles.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var byArticle: [String: [Event]] = [:]
        var byMention: [MentionKey: Event] = [:]
        for event in timeline.events {
            for slug in event.sources { byArticle[slug, default: []].append(event) }
            for m in event.mentions {
                byMention[MentionKey(article: m.article, block: m.blockOrdinal, sentence: m.sentenceIndex)] = event
            }
        }
        eventsByArticle = byArticle
        eventByMention = byMention
        entities = Dictionary(timeline.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        eventPosition = Dictionary(timeline.events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        hasKeyEvents = timeline.events.contains(where: \.isKey)
        updated = timeline.articles.compactMap(\.published).max { Self.sortKey($0) < Self.sortKey($1) }
    }

    /// Orders publication times by instant when known, else by day; ties broken by text so the choice is stable.
    static func sortKey(_ p: PublicationTime) -> (Int64, String) {
        (p.instant ?? Int64(p.date.dayNumber) * 86_400, p.rfc3339)
    }

    /// The events with these ids, in timeline order.
    func events(_ ids: [String]) -> [Event] {
        ids.compactMap { eventPosition[$0] }.sorted().map { timeline.events[$0] }
    }

    /// A link to an event from the site root: on its month page, or on the index.
    func eventHref(_ event: Event) -> String {
        (eventPage[event.id] ?? "index.html") + "#" + Paths.eventAnchor(event.id)
    }

    /// The first mention of `event` in article `slug`: where its source link points.
    func firstMention(of event: Event, in slug: String) -> Mention? {
        event.mentions.first { $0.article == slug }
    }
}
