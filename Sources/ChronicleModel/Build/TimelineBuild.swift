import ChronicleTime
import Foundation

/// What a build reports as it goes: one line per step (on the calling thread), and how far a
/// long step has got (from any thread; a terminal shows it as a progress bar).
public struct BuildProgress {
    public var step: (String) -> Void
    public var items: @Sendable (_ task: String, _ done: Int, _ total: Int) -> Void

    public init(step: @escaping (String) -> Void = { _ in },
                items: @escaping @Sendable (_ task: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }) {
        self.step = step
        self.items = items
    }

    /// Counts finished items of one task from any thread.
    public func counter(_ task: String, total: Int) -> ProgressCounter { ProgressCounter(task, total: total, report: items) }
}

/// A thread-safe count of finished items that reports each one.
public final class ProgressCounter: @unchecked Sendable {
    private let task: String
    private let total: Int
    private let report: @Sendable (String, Int, Int) -> Void
    private var done = 0
    private let lock = NSLock()

    init(_ task: String, total: Int, report: @escaping @Sendable (String, Int, Int) -> Void) {
        self.task = task
        self.total = total
        self.report = report
    }

    public func advance() {
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        report(task, now, total)
    }

    /// The items not finished yet.
    public var left: Int {
        lock.lock()
        defer { lock.unlock() }
        return total - done
    }
}

/// One period of a build: its counts, a hash of what decides its events, and whether it was
/// merged in this build (else it is as the previous build left it).
public struct PeriodResult: Sendable {
    public var period: Period
    /// Changes whenever its events, or anything shown about their articles, may have changed.
    public var hash: UInt64
    /// Of its cached mentions and grouping alone (`hash` adds how the site-wide pass resolves its open names).
    public var fileHash: UInt64
    public var mentionCount: Int
    public var eventCount: Int
    public var changed: Bool
    /// For a period re-merged from its last grouping: which of its events are as that build made them.
    public var unchanged: UnchangedEvents? = nil
}

/// The events of a re-merged period that are the same as the last build made them: their groups
/// hold the same mentions, kept as they were, and every name in the period resolves as it did
/// when `previousHash` is the hash the period had in the last build (what the site layer's state
/// records with whatever it kept of those events).
public struct UnchangedEvents: Sendable {
    /// The ids of the events made from unchanged groups.
    public var ids: Set<String>
    /// The hash the period's previous state has under this build's names (`PeriodResult.hash` of it).
    public var previousHash: UInt64
}

/// The outcome of `TimelineBuilder.run`: the articles (without their text) and the events by
/// period; events and analysed articles not in memory are read back from the cache on request.
public final class TimelineBuild: @unchecked Sendable {
    public let config: SiteConfig
    /// The articles on the timeline, in timeline order (undated first, then by day and slug).
    public let articles: [ArticleRecord]
    public let periods: [PeriodResult]
    public let diagnostics: [Diagnostic]
    public let statistics: TimelineBuilder.Statistics
    public let cache: BuildCache?
    /// The site-wide pass over names, applied to every event's mentions.
    public let names: SiteNames
    let store: ArticleStore
    let contentDirectory: URL
    private var loaded: [Period: [Event]]
    /// With a cache, the periods whose events were read back last, oldest first: only these few
    /// are kept, so a large site's events are never all in memory at once.
    private var recent: [Period] = []
    static let recentLimit = 4
    /// How many mentions a clean build keeps the events of, from the merge to the pages (the
    /// others are read back from their period files): reading a period back costs about as much
    /// as merging it did, and each mention kept about 370 bytes (10,000 articles, 450,000
    /// mentions: keeping them all saved about 1.9 s of CPU and added 170 MB to the peak).
    static let keptMentionLimit = 150_000
    private let lock = NSLock()
    private let cacheWrites: CacheWrites

    init(config: SiteConfig, articles: [ArticleRecord], periods: [PeriodResult], loaded: [Period: [Event]], store: ArticleStore,
         cache: BuildCache?, names: SiteNames, diagnostics: [Diagnostic], statistics: TimelineBuilder.Statistics, contentDirectory: URL,
         cacheWrites: CacheWrites = CacheWrites()) {
        self.cacheWrites = cacheWrites
        self.names = names
        self.config = config
        self.articles = articles
        self.periods = periods
        self.loaded = loaded
        self.store = store
        self.cache = cache
        self.diagnostics = diagnostics
        self.statistics = statistics
        self.contentDirectory = contentDirectory
    }

    /// True when some input could not be used (the build should exit non-zero).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Waits for the cache files written in the background (`TimelineBuilder.writesManifestInBackground`).
    public func finishCacheWrites() throws { try cacheWrites.finish() }

    /// Why something the build should hold could not be produced.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// A period's events in timeline order.
    public func events(_ period: Period) throws -> [Event] {
        lock.lock()
        let known = loaded[period]
        lock.unlock()
        if let known { return known }
        guard let result = periods.first(where: { $0.period == period }) else { return [] }
        guard var file = cache?.read(PeriodFile.self, at: CacheManifest.PeriodEntry.path(result)) else {
            throw Missing(description: "the cache holds no events for \(period): run `chronicle build --clean`")
        }
        var groupOf: [Int] = []
        let events = file.takeEvents(merger: EventMerger(), names: names, groupOf: &groupOf)
        lock.lock()
        if loaded[period] == nil {
            loaded[period] = events
            recent.append(period)
            if recent.count > Self.recentLimit { loaded[recent.removeFirst()] = nil }
        }
        lock.unlock()
        return events
    }

    /// The analysed article (its slug the one it has on the site): kept from this build, or read
    /// and analysed again with the boilerplate verdicts of the build.
    public func article(_ record: ArticleRecord) throws -> Article {
        if var article = store.get(record) {
            article.slug = record.slug
            return article
        }
        guard let data = FileManager.default.contents(atPath: contentDirectory.appendingPathComponent(record.sourcePath).path),
              ContentHash.xxh64(data) == record.contentHash else {
            throw Missing(description: "\(record.sourcePath) changed during the build: build again")
        }
        var article = try ArticleReader(config: config).read(bytes: [UInt8](data), path: record.sourcePath).0
        article.sourcePath = record.sourcePath
        ArticleAnalyzer(boilerplate: BoilerplateDetector(evidence: [])).analyse(&article, boilerplate: record.verdicts)
        article.slug = record.slug
        return article
    }
}

/// Analysed articles kept for rendering when there is no cache (`chronicle explain`, tests).
/// With a cache nothing is kept: an article whose page must be rendered again is read and
/// analysed again, which costs about what decoding a stored analysis does (both ≈ 0.5 ms),
/// without the cost of encoding every analysis in the first place or a cache the size of
/// the site (measured at 10,000 articles: 9 % of a clean build's CPU time, 620 MB on disk).
final class ArticleStore: @unchecked Sendable {
    private let keeps: Bool
    private var memory: [String: Article] = [:]
    private let lock = NSLock()

    init(keeps: Bool) { self.keeps = keeps }

    func put(_ article: Article, for record: ArticleRecord) {
        guard keeps else { return }
        lock.lock()
        memory[record.sourcePath] = article
        lock.unlock()
    }

    func get(_ record: ArticleRecord) -> Article? {
        lock.lock()
        defer { lock.unlock() }
        return memory[record.sourcePath]
    }
}

/// `manifest.bin`: the records of the last build's articles, its periods and its site-wide counts.
struct CacheManifest: Codable {
    static let fileName = "manifest.bin"

    /// When the build that wrote it started reading articles (`BuildCache.markReadStart`): the
    /// stamps of its records are settled when older.
    var readStart: Int64?
    var records: [ArticleRecord]
    var periods: [PeriodEntry]
    /// Each record's bytes as read (or to write as they are, for a record that has not changed):
    /// a rebuild after a small change writes most of its records as the last build did.
    var encoded: [ArraySlice<UInt8>?] = []
    /// The site-wide counts over the records, which the next build updates by what changed.
    var boilerplate = BoilerplateTally()
    var names = NameTally()

    /// Coded by hand (`CacheCodable`); the `Codable` form leaves out the bytes and the counts.
    private enum CodingKeys: String, CodingKey { case readStart, records, periods }

    init(readStart: Int64? = nil, records: [ArticleRecord], periods: [PeriodEntry], encoded: [ArraySlice<UInt8>?] = [],
         boilerplate: BoilerplateTally = BoilerplateTally(), names: NameTally = NameTally()) {
        self.readStart = readStart
        self.records = records
        self.periods = periods
        self.encoded = encoded
        self.boilerplate = boilerplate
        self.names = names
    }

    struct PeriodEntry: Codable {
        var period: Period
        /// Of the period file.
        var hash: UInt64
        var mentionCount: Int
        var eventCount: Int
        /// The open names of its mentions (`ArticleName.surname`, or the word itself), sorted.
        var openNames: [String]

        init(period: Period, hash: UInt64, mentionCount: Int, eventCount: Int, openNames: [String]) {
            self.period = period
            self.hash = hash
            self.mentionCount = mentionCount
            self.eventCount = eventCount
            self.openNames = openNames
        }

        init(_ result: PeriodResult, openNames: [String]) {
            period = result.period
            hash = result.fileHash
            mentionCount = result.mentionCount
            eventCount = result.eventCount
            self.openNames = openNames
        }

        var path: String { Self.path(period: period, hash: hash) }
        /// Where the period's `MonthGrouping.Memory` is kept.
        var groupingPath: String { "grouping/" + Self.name(period: period, hash: hash) }

        static func name(period: Period, hash: UInt64) -> String { BuildCache.periodFileName(period, hash: hash) }
        static func path(period: Period, hash: UInt64) -> String { "periods/" + name(period: period, hash: hash) }
        static func path(_ result: PeriodResult) -> String { path(period: result.period, hash: result.fileHash) }

        func result(changed: Bool, names: SiteNames) -> PeriodResult {
            PeriodResult(period: period, hash: Self.hash(hash, openNames: openNames, names: names), fileHash: hash,
                         mentionCount: mentionCount, eventCount: eventCount, changed: changed)
        }

        /// A period's hash as pages see it: its file's, and how its open names resolve now.
        static func hash(_ fileHash: UInt64, openNames: [String], names: SiteNames) -> UInt64 {
            openNames.isEmpty ? fileHash : ContentHash.xxh64(names.fingerprint(of: openNames), seed: fileHash)
        }
    }
}

/// `periods/<period>-<hash>.bin`: a period's mentions in timeline order and how they group.
struct PeriodFile: Codable {
    var candidates: [EventMerger.Candidate]
    var groups: [[Int]]
    /// Each candidate's bytes as read (or to write as they are, for a mention kept unchanged).
    var encoded: [ArraySlice<UInt8>?] = []

    private enum CodingKeys: String, CodingKey { case candidates, groups }

    init(candidates: [EventMerger.Candidate], groups: [[Int]], encoded: [ArraySlice<UInt8>?] = []) {
        self.candidates = candidates
        self.groups = groups
        self.encoded = encoded
    }

    func events(merger: EventMerger, names: SiteNames) -> [Event] {
        var file = self
        var groupOf: [Int] = []
        return file.takeEvents(merger: merger, names: names, groupOf: &groupOf)
    }

    /// The events in timeline order, and in `groupOf` the group each was made from. Each mention is
    /// moved into its event: the candidates are left with blank mentions (`EventMerger.takeEvents`).
    /// - Parameter prepared: `EventMerger.Prepared` of the candidates, when worked out already.
    /// - Parameter helpWhen: for a large period, when other threads may make some of its events (`sharedPerform`).
    mutating func takeEvents(merger: EventMerger, names: SiteNames, groupOf: inout [Int], prepared: EventMerger.Prepared? = nil,
                             helpWhen: (@Sendable () -> Bool)? = nil) -> [Event] {
        let prepared = prepared ?? EventMerger.Prepared(candidates)
        var events = merger.takeEvents(&candidates, groups: groups, names: names, prepared: prepared, helpWhen: helpWhen)
        // Sorted by keys worked out once per event (`Event.timelineOrder` works out each event's days
        // per comparison), and moved into place, not copied.
        // The keys are compared where they lie (a key copied out of the array retains its id).
        let keys = events.map(Event.TimelineKey.init)
        groupOf = keys.withUnsafeBufferPointer { keys in events.indices.sorted { keys[$0] < keys[$1] } }
        events.permute(to: groupOf)
        return events
    }

    /// About the bytes it is written in, or more: its candidates' (`CacheWriter.room(for:reusing:)`), and
    /// up to three bytes for each member of a group and each group's count.
    var room: Int {
        CacheWriter.room(for: candidates.count, reusing: encoded) + 3 * groups.reduce(groups.count + 2) { $0 + $1.count }
    }

    /// The names of its mentions that the site-wide pass may change, sorted.
    var openNames: [String] {
        var open = StringNumbers()
        for i in candidates.indices { for n in candidates[i].mention.names where n.isOpen { open.number(n.surname ?? n.name) } }
        return open.strings.sorted()
    }
}

/// A period merged in this build. With a cache its events are kept only when the build merged a
/// few periods (`keepsEvents`: a rebuild after a small change, whose pages need just those, or
/// the first periods of a clean build, up to `TimelineBuild.keptMentionLimit` mentions);
/// otherwise they are made only for the `merged` hook and then dropped, and read back from the
/// period's file when pages need them (a few periods at a time), so a large site's events never
/// all sit in memory.
struct MergedPeriod {
    var result: PeriodResult
    var events: [Event]?
    var openNames: [String]

    /// - Parameters:
    ///   - previous: the period's last grouping, and each candidate's index in it (nil when new).
    ///   - encoded: each candidate's bytes, when known already (as analysis wrote a new one, or as the
    ///     last period file holds one kept as it was; nil for one renamed).
    ///   - helpWhen: when other threads may take parts of a large period's merge (`sharedPerform`).
    ///   - last: the last period file's groups, each candidate's index among its candidates (nil when
    ///     new) and the hash the period had under this build's names: which events are unchanged is
    ///     worked out from them (`PeriodResult.unchanged`).
    init(_ period: Period, candidates: consuming [EventMerger.Candidate], merger: EventMerger, names: SiteNames, cache: BuildCache?,
         records: [ArticleRecord], rank: [String: Int], previous: consuming (MonthGrouping.Memory, [Int?])? = nil, keepsEvents: Bool = false,
         encoded: [ArraySlice<UInt8>?] = [], helpWhen: (@Sendable () -> Bool)? = nil,
         merged: (@Sendable (PeriodResult, [Event]) -> Void)? = nil,
         last: (groups: [[Int]], origins: [Int?], hash: UInt64)? = nil) throws {
        // The grouping (which holds the candidates too) is dropped once its groups and memory are
        // known, so that the file's candidates are the only ones and their mentions can be moved out.
        let groups: [[Int]], memory: MonthGrouping.Memory
        do {
            // (No closure captures `candidates`, and the grouping takes a copy: it is consumed below.)
            var grouping: MonthGrouping?
            // The memory is handed over (its links become the grouping's).
            if let previous = consume previous {
                grouping = MonthGrouping(copy candidates, merger: merger, memory: previous.0, origins: previous.1)
            }
            if grouping == nil { grouping = MonthGrouping(copy candidates, merger: merger) }
            (groups, memory) = (grouping!.groups(), grouping!.memory)
        }
        var file = PeriodFile(candidates: consume candidates, groups: groups, encoded: encoded)
        // A large period's file is encoded on a core that is free (when one is) while what making its
        // events needs is worked out: a rebuild merges a few periods of very unequal sizes.
        let parts = withUnsafePointer(to: &file) { file in
            let parts = FileParts(file)
            let together = helpWhen != nil && EventMerger.makesEventsInChunks(file.pointee.candidates.count)
            sharedPerform(iterations: together ? 2 : 1, helpWhen: helpWhen) { k in
                if k == 0 { parts.prepare() }
                if k == 1 || !together { parts.encode() }
            }
            return parts
        }
        let prepared = parts.prepared!
        openNames = parts.openNames
        // What the period shows depends on its mentions and on the articles they come from.
        let (payload, checksum) = try parts.encoding!.get()
        var articles: [UInt8] = []
        for slug in prepared.slugs {
            let r = rank[slug]!
            articles += withUnsafeBytes(of: records[r].contentHash, Array.init) + Array(records[r].sourcePath.utf8)
        }
        let fileHash = ContentHash.xxh64(articles, seed: checksum)
        result = PeriodResult(period: period, hash: CacheManifest.PeriodEntry.hash(fileHash, openNames: openNames, names: names),
                              fileHash: fileHash, mentionCount: file.candidates.count, eventCount: file.groups.count, changed: true)
        try cache?.write(encoded: payload, checksum: checksum, at: CacheManifest.PeriodEntry.path(result))
        // The grouping's memory is written on another thread while the events are made: a core that
        // finished its own periods takes it (the periods of a rebuild are few and very unequal).
        let memoryWrite = CacheWrites()
        if let cache {
            let path = CacheManifest.PeriodEntry(result, openNames: []).groupingPath
            try memoryWrite.run(inBackground: true) { try cache.write(memory, at: path, capacity: memory.room) }
        }
        // Last: making the events leaves the file's candidates blank.
        var groupOf: [Int] = []
        let made = cache == nil || merged != nil || keepsEvents
            ? file.takeEvents(merger: merger, names: names, groupOf: &groupOf, prepared: prepared, helpWhen: helpWhen) : nil
        events = cache == nil || keepsEvents ? made : nil
        if let last, let made {
            result.unchanged = UnchangedEvents(ids: Self.unchanged(made, groupOf: groupOf, groups: file.groups, last: last.groups,
                                                                   origins: last.origins, encoded: encoded),
                                               previousHash: last.hash)
        }
        if let merged, let made { merged(result, made) }
        try memoryWrite.finish()
    }
}

extension MergedPeriod {
    /// The two parts of a period's merge between its grouping and its events, which only read its
    /// file: what making the events needs, and the file's bytes. Each part sets its own fields.
    private final class FileParts: @unchecked Sendable {
        private let file: UnsafePointer<PeriodFile>
        private(set) var prepared: EventMerger.Prepared?
        private(set) var openNames: [String] = []
        private(set) var encoding: Swift.Result<(payload: [UInt8], checksum: UInt64), Error>?

        init(_ file: UnsafePointer<PeriodFile>) { self.file = file }

        func prepare() {
            prepared = EventMerger.Prepared(file.pointee.candidates)
            openNames = file.pointee.openNames
        }

        func encode() {
            encoding = Swift.Result { try BinaryCoder.encode(file.pointee, capacity: file.pointee.room) }.map { ($0, ContentHash.xxh64($0)) }
        }
    }

    /// The ids of the events whose group is one of the last grouping's, member for member, every
    /// member kept as it was (in the last grouping, with its bytes: not renamed).
    /// - Parameters:
    ///   - groupOf: the group each event of `events` was made from.
    ///   - last: the last grouping's groups, as indices into its candidates (`origins` map to them).
    static func unchanged(_ events: [Event], groupOf: [Int], groups: [[Int]], last: [[Int]], origins: [Int?],
                          encoded: [ArraySlice<UInt8>?]) -> Set<String> {
        // The last group each last candidate was in.
        var lastGroup: [Int: Int] = [:]
        for (g, members) in last.enumerated() { if let first = members.first { lastGroup[first] = g } }
        var ids = Set<String>()
        for (e, g) in zip(events.indices, groupOf) {
            let members = groups[g]
            guard let first = origins[members[0]], let old = lastGroup[first], last[old].count == members.count,
                  zip(members, last[old]).allSatisfy({ i, o in origins[i] == o && i < encoded.count && encoded[i] != nil })
            else { continue }
            ids.insert(events[e].id)
        }
        return ids
    }
}

extension Event {
    /// Oldest first: by first day, finer grain first, higher score first, then id.
    public static func timelineOrder(_ a: Event, _ b: Event) -> Bool { TimelineKey(a) < TimelineKey(b) }

    /// What `timelineOrder` compares, worked out once per event.
    struct TimelineKey: Comparable {
        var start: CivilDate
        var grain: Grain
        var score: Double
        var id: String

        init(_ e: Event) {
            start = e.value.interval!.start
            grain = e.value.grain
            score = e.score
            id = e.id
        }

        static func < (a: TimelineKey, b: TimelineKey) -> Bool {
            if a.start != b.start { return a.start < b.start }
            if a.grain != b.grain { return a.grain < b.grain }
            if a.score != b.score { return a.score > b.score }
            return a.id < b.id
        }
    }
}

extension MonthGrouping.Memory {
    /// More than the bytes it is written in (room never written to is never touched): every number
    /// at eight bytes, every link at twelve, whatever `write(to:)` makes of them.
    var room: Int {
        let values = spans.count + 3 * explicitDay.count + members.count + memberBounds.count + tokens.count + weights.count
            + isName.count + bounds.count + numbers.count + numberBounds.count + actorNames.count + actorCounts.count + actorBounds.count
        return 8 * values + 12 * (links.count + conflicts.count + announcements.count) + 256
    }
}
