import ChronicleMarkdown
import ChronicleTime

/// An article as a build keeps it between runs: what it says about itself, its boilerplate
/// evidence and how it was analysed, but not its text (the analysed article is a file of its own
/// in the cache, read back only to render its page).
public struct ArticleRecord: Codable, Sendable {
    /// Path relative to the content folder, with `/` separators.
    public var sourcePath: String
    /// XXH64 of the file's bytes.
    public var contentHash: UInt64
    /// The file's stamp when those bytes were read (nil when unknown): a rebuild that finds the
    /// same settled stamp takes this record without reading the file.
    public var stamp: FileStamp?
    /// The slug the article asked for (front matter or file name).
    public var requestedSlug: String
    /// The slug it has on the site (unique: a later article with the same slug gets `-2`, `-3` …).
    public var slug: String
    public var title: String
    public var source: String?
    public var url: String?
    public var author: String?
    public var published: PublicationTime?
    public var zone: Zone
    public var draft: Bool
    /// Whether the last build put it on the site (drafts are left out without `--drafts`).
    public var included: Bool
    /// Warnings about the file, with `file` relative to the content folder.
    public var warnings: [Diagnostic]
    public var evidence: BoilerplateEvidence {
        get { storedEvidence.value }
        set { storedEvidence = .decoded(newValue) }
    }
    /// A rebuild looks at the evidence of an unchanged article only to see whether a change of the
    /// site-wide counts touches it (`BoilerplateTally.Change.touches`), which its encoded hashes tell:
    /// it is decoded only for the few whose verdicts are worked out again.
    var storedEvidence: StoredEvidence
    /// Which text blocks its analysis took for boilerplate; a rebuild re-analyses it when they change.
    public var verdicts: [Bool]
    public var counts: Counts
    /// The periods its mentions fall in, sorted.
    public var periods: [Period]
    /// What it tells the site-wide pass over names (`SiteNames`); a rebuild reads it back from the
    /// cache only for the few articles whose evidence it adds or takes away (`NameTally`).
    var storedNames: StoredNames

    public var names: NameEvidence {
        get throws {
            switch storedNames {
            case .decoded(let names): return names
            case .encoded(let bytes):
                var input = CacheReader(Array(bytes))
                return try input.value()
            }
        }
    }

    enum StoredNames: Codable, Sendable {
        case decoded(NameEvidence)
        /// As the manifest holds it (`NameEvidence.write`).
        case encoded(ArraySlice<UInt8>)

        init(from decoder: Decoder) throws { self = .decoded(try NameEvidence(from: decoder)) }

        func encode(to encoder: Encoder) throws {
            switch self {
            case .decoded(let names): try names.encode(to: encoder)
            case .encoded(let bytes):
                var input = CacheReader(Array(bytes))
                try input.value(NameEvidence.self).encode(to: encoder)
            }
        }
    }

    enum StoredEvidence: Codable, Sendable {
        case decoded(BoilerplateEvidence)
        /// As the manifest holds it (`BoilerplateEvidence.write`), checked as it was read.
        case encoded(ArraySlice<UInt8>)

        var value: BoilerplateEvidence {
            switch self {
            case .decoded(let evidence): return evidence
            case .encoded(let bytes):
                // Checked when the manifest was read (`BoilerplateEvidence.skip`): it decodes.
                var input = CacheReader(Array(bytes))
                return try! input.value()
            }
        }

        init(from decoder: Decoder) throws { self = .decoded(try BoilerplateEvidence(from: decoder)) }

        func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
    }

    /// What the build reports about an article's analysis.
    public struct Counts: Codable, Sendable {
        public var sentences = 0
        public var expressions = 0
        public var boilerplateBlocks = 0
        public var mentions = 0
    }

    init(sourcePath: String, contentHash: UInt64, stamp: FileStamp? = nil, article: Article, warnings: [Diagnostic]) {
        self.sourcePath = sourcePath
        self.contentHash = contentHash
        self.stamp = stamp
        requestedSlug = article.slug
        slug = article.slug
        title = article.title
        source = article.source
        url = article.url
        author = article.author
        published = article.published
        zone = article.zone
        draft = article.draft
        included = false
        self.warnings = warnings
        storedEvidence = .decoded(BoilerplateEvidence(outlet: ArticleAnalyzer.outlet(of: article), blocks: article.document.textBlocks))
        verdicts = []
        counts = Counts()
        periods = []
        storedNames = .decoded(NameEvidence())
    }

    /// Timeline order of articles: undated first, then by publication day and slug.
    var orderKey: (Int, String) { (published?.date.dayNumber ?? .min, slug) }
}
