import ChronicleModel
import ChronicleTime

/// What pages show about an article besides its own page: enough for lists, source links and
/// the feed, without its text.
public struct ArticleInfo: Codable, Hashable, Sendable {
    public var slug: String
    public var title: String
    public var source: String?
    public var url: String?
    public var author: String?
    public var published: PublicationTime?
    /// How many events it reports.
    public var eventCount: Int

    public init(slug: String, title: String, source: String? = nil, url: String? = nil, author: String? = nil,
                published: PublicationTime? = nil, eventCount: Int = 0) {
        self.slug = slug
        self.title = title
        self.source = source
        self.url = url
        self.author = author
        self.published = published
        self.eventCount = eventCount
    }

    public init(_ article: Article, eventCount: Int) {
        self.init(slug: article.slug, title: article.title, source: article.source, url: article.url, author: article.author,
                  published: article.published, eventCount: eventCount)
    }

    public init(_ record: ArticleRecord, eventCount: Int) {
        self.init(slug: record.slug, title: record.title, source: record.source, url: record.url, author: record.author,
                  published: record.published, eventCount: eventCount)
    }
}
