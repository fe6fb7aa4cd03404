import ChronicleMarkdown
import ChronicleTagger
import ChronicleTime

/// The site-wide settings of `chronicle.yml`.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String
    /// Absolute URL the site is published at ("https://example.org/ukraine/"); enables the sitemap and absolute feed links.
    public var baseURL: String?
    /// Zone of articles that do not name one.
    public var timeZone: Zone
    public var language: String
    public var order: TimelineOrder

    public init(title: String = "Chronicle", description: String = "", baseURL: String? = nil,
                timeZone: Zone = .utc, language: String = "en", order: TimelineOrder = .oldestFirst) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.timeZone = timeZone
        self.language = language
        self.order = order
    }
}

/// Which end of the timeline comes first.
public enum TimelineOrder: String, Sendable, CaseIterable {
    case oldestFirst = "oldest-first"
    case newestFirst = "newest-first"
}

/// Whether an event has taken place or is scheduled, as the sentence reports it.
public enum EventStatus: String, Codable, Sendable {
    case happened
    case expected
}

/// One article read from `content/` and analysed.
public struct Article: Codable, Sendable {
    /// Path relative to the content folder, with `/` separators.
    public var sourcePath: String
    /// URL-safe name; the article page is `articles/<slug>.html`.
    public var slug: String
    public var title: String
    public var source: String?
    public var url: String?
    public var author: String?
    public var published: PublicationTime?
    public var zone: Zone
    public var draft: Bool
    public var document: MarkdownDocument
    /// One per `document.textBlocks`, same order.
    public var blocks: [AnalysedBlock]

    public init(sourcePath: String, slug: String, title: String, source: String? = nil, url: String? = nil,
                author: String? = nil, published: PublicationTime? = nil, zone: Zone = .utc, draft: Bool = false,
                document: MarkdownDocument, blocks: [AnalysedBlock] = []) {
        self.sourcePath = sourcePath
        self.slug = slug
        self.title = title
        self.source = source
        self.url = url
        self.author = author
        self.published = published
        self.zone = zone
        self.draft = draft
        self.document = document
        self.blocks = blocks
    }
}

/// A paragraph or heading with its sentences.
public struct AnalysedBlock: Codable, Sendable {
    public var block: TextBlock
    /// Outlet boilerplate (donation appeals, "Read more", photo credits): shown de-emphasised, never on the timeline.
    public var isBoilerplate: Bool
    public var sentences: [Sentence]

    public init(block: TextBlock, isBoilerplate: Bool, sentences: [Sentence]) {
        self.block = block
        self.isBoilerplate = isBoilerplate
        self.sentences = sentences
    }
}

/// Where a sentence's date came from.
public enum DateSource: String, Codable, Sendable {
    /// One of its own time expressions (`Sentence.anchorTimex`).
    case expression
    /// The narrative time carried over from the previous sentence of the account.
    case narrative
    /// The article's publication date.
    case publication
}

/// In a sentence that reports speech, which happening its date belongs to.
public enum DatedHappening: String, Codable, Sendable {
    /// The saying: "the ministry said on Thursday that it had signed the agreement".
    case saying
    /// What was said: "the ministry said the talks would resume on Monday".
    case reported
}

/// A sentence with its time expressions and its date.
public struct Sentence: Codable, Sendable {
    public var text: String
    /// UTF-8 offsets of the sentence in its block's text.
    public var utf8Range: Range<Int>
    /// Expressions with offsets relative to `text`.
    public var timexes: [Timex]
    /// The sentence's date; nil when nothing dates it (no expression and no publication date).
    public var date: TimexValue?
    public var dateSource: DateSource
    /// Index into `timexes` of the expression that dates the sentence, when `dateSource == .expression`.
    public var anchorTimex: Int?
    /// One line: why this date.
    public var explanation: String
    public var status: EventStatus
    /// When the sentence reports speech: whether its date is the saying's or the reported happening's.
    public var datedHappening: DatedHappening?
    /// Why a calendar date among `timexes` (by index) does not date the sentence ("a reference point, …").
    public var setAside: [Int: String]
    /// Names of people, organisations and places as the sentence writes them.
    public var entities: [EntityMention]

    public init(text: String, utf8Range: Range<Int>, timexes: [Timex], date: TimexValue?, dateSource: DateSource,
                anchorTimex: Int?, explanation: String, status: EventStatus, datedHappening: DatedHappening? = nil,
                setAside: [Int: String] = [:], entities: [EntityMention] = []) {
        self.text = text
        self.utf8Range = utf8Range
        self.timexes = timexes
        self.date = date
        self.dateSource = dateSource
        self.anchorTimex = anchorTimex
        self.explanation = explanation
        self.status = status
        self.datedHappening = datedHappening
        self.setAside = setAside
        self.entities = entities
    }
}

/// One sentence of one article that reports an event.
public struct Mention: Codable, Sendable {
    /// The article's slug.
    public var article: String
    public var blockOrdinal: Int
    public var sentenceIndex: Int
    /// Exact plain text of the sentence.
    public var sentence: String
    /// The expression that dated it, or nil for narrative time or publication date.
    public var expression: String?
    /// UTF-8 offsets of `expression` in `sentence`.
    public var expressionRange: Range<Int>?
    public var value: TimexValue
    /// One line: how the value was resolved.
    public var resolution: String
    /// The actors the sentence names, by their site-wide names (`Entity.name`), in order of appearance.
    /// Filled from `names` when events are assembled (the site-wide pass of `SiteNames`).
    public var entities: [String]
    /// The actors as its article alone resolves them: what merging compares, and what the site-wide
    /// pass turns into `entities`.
    public var names: [ArticleName]

    /// - Parameter entities: site-wide names, taken as final (tests, and mentions made without a site).
    public init(article: String, blockOrdinal: Int, sentenceIndex: Int, sentence: String, expression: String?,
                expressionRange: Range<Int>?, value: TimexValue, resolution: String, entities: [String] = [],
                names: [ArticleName]? = nil) {
        self.article = article
        self.blockOrdinal = blockOrdinal
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.expression = expression
        self.expressionRange = expressionRange
        self.value = value
        self.resolution = resolution
        self.entities = entities
        self.names = names ?? entities.map { ArticleName(name: $0) }
    }

    /// A mention of nothing, left in the place of one moved elsewhere.
    static let blank = Mention(article: "", blockOrdinal: 0, sentenceIndex: 0, sentence: "", expression: nil, expressionRange: nil,
                               value: .day(CivilDate(dayNumber: 0)), resolution: "", names: [])

    /// `entities` is not stored: it is derived from `names` whenever events are assembled.
    private enum CodingKeys: String, CodingKey {
        case article, blockOrdinal, sentenceIndex, sentence, expression, expressionRange, value, resolution, names
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        article = try c.decode(String.self, forKey: .article)
        blockOrdinal = try c.decode(Int.self, forKey: .blockOrdinal)
        sentenceIndex = try c.decode(Int.self, forKey: .sentenceIndex)
        sentence = try c.decode(String.self, forKey: .sentence)
        expression = try c.decodeIfPresent(String.self, forKey: .expression)
        expressionRange = try c.decodeIfPresent(Range<Int>.self, forKey: .expressionRange)
        value = try c.decode(TimexValue.self, forKey: .value)
        resolution = try c.decode(String.self, forKey: .resolution)
        names = try c.decode([ArticleName].self, forKey: .names)
        entities = names.map(\.name)
    }
}

/// One happening on the timeline, with every sentence that reports it.
public struct Event: Codable, Sendable {
    /// Stable identifier derived from the date and the representative mention.
    public var id: String
    public var value: TimexValue
    /// The period it is filed (and paged) under; nil means its value's own (`Period(of: value)`).
    public var period: Period?
    public var status: EventStatus
    /// The representative mention (the best of its sentences).
    public var representative: Mention
    /// Every mention, in article then sentence order.
    public var mentions: [Mention]
    /// Slugs of the articles that report it, sorted, unique.
    public var sources: [String]
    /// Explicitly dated, or reported by several sources: shown by default.
    public var isKey: Bool
    /// Salience, higher is more important.
    public var score: Double
    /// The actors its mentions name, most often named first.
    public var entities: [String]
    /// Set when sources give different days for it: each distinct date and the articles giving it.
    public var disagreement: [DateClaim]

    public init(id: String, value: TimexValue, period: Period? = nil, status: EventStatus, representative: Mention, mentions: [Mention],
                sources: [String], isKey: Bool, score: Double, entities: [String] = [], disagreement: [DateClaim] = []) {
        self.id = id
        self.value = value
        self.period = period == Period(of: value) ? nil : period
        self.status = status
        self.representative = representative
        self.mentions = mentions
        self.sources = sources
        self.isKey = isKey
        self.score = score
        self.entities = entities
        self.disagreement = disagreement
    }

    /// The text shown for the event.
    public var text: String { representative.sentence }

    /// The period it is filed under.
    public var filedPeriod: Period? { period ?? Period(of: value) }
}

/// One date that some of an event's sources give for it.
public struct DateClaim: Codable, Sendable, Hashable {
    public var value: TimexValue
    /// Slugs of the articles that give this date, sorted.
    public var articles: [String]

    public init(value: TimexValue, articles: [String]) {
        self.value = value
        self.articles = articles
    }
}

/// A person, organisation or place named on the timeline, with the events that name it.
public struct Entity: Codable, Sendable, Hashable {
    /// The fullest form the articles use: "Vladimir Putin" for "Mr Putin", "Putin" and "President Vladimir Putin".
    public var name: String
    /// Its page is `entities/<slug>.html`.
    public var slug: String
    public var kind: EntityKind
    /// How many sentences name it.
    public var mentionCount: Int
    /// Ids of the events that name it, in timeline order.
    public var events: [String]

    public init(name: String, slug: String, kind: EntityKind, mentionCount: Int, events: [String]) {
        self.name = name
        self.slug = slug
        self.kind = kind
        self.mentionCount = mentionCount
        self.events = events
    }
}

/// A problem with one input file, named by path and line.
public struct Diagnostic: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable { case warning, error }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// `content/a.md:3: error: …`, the form compilers use so editors can jump to it.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)"
    }
}

/// Everything a site is rendered from: config, analysed articles and dated events.
public struct Timeline: Sendable {
    public var config: SiteConfig
    /// Sorted by publication date, then slug.
    public var articles: [Article]
    /// Sorted in timeline order (by start day, then grain, then id), oldest first.
    public var events: [Event]
    /// The actors named by events, sorted by name.
    public var entities: [Entity]

    public init(config: SiteConfig, articles: [Article], events: [Event], entities: [Entity] = []) {
        self.config = config
        self.articles = articles
        self.events = events
        self.entities = entities
    }
}
