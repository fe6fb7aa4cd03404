import ChronicleModel
import ChronicleTime
import Foundation

/// `site.bin` in the cache: what the output folder held after the last build, and what was
/// known about each period then. Each period's digest is a cache file of its own, named by the
/// period and its hash (`digestPath`), that `site.bin` names: a build writes only the digests of
/// the periods it merged, on another core, not every period's again at its end.
struct SiteState: Codable {
    static let fileName = "site.bin"
    /// The cache folder of the periods' digests.
    static let digestFolder = "digests"

    /// The output folder it describes.
    var output: String
    /// The digests of `digestKeys` (those read: one missing or damaged is left out, so worked out again).
    var digests: [PeriodDigest]
    var files: [String: OutputEntry]
    var eventsLayout: EventsLayout?
    /// The period and hash of each digest the state names, in order.
    var digestKeys: [(period: Period, hash: UInt64)] = []
    /// The entries of `files` found as the last build left them (`checkFiles`), when checked.
    var intact: [String: OutputEntry]?

    private enum CodingKeys: String, CodingKey { case output, digests, files, eventsLayout }

    init(output: String, digests: [PeriodDigest], files: [String: OutputEntry], eventsLayout: EventsLayout?) {
        self.output = output
        self.digests = digests
        self.files = files
        self.eventsLayout = eventsLayout
        digestKeys = digests.map { ($0.period, $0.hash) }
    }

    /// Where the digest of `period` at `hash` is kept in the cache.
    static func digestName(_ period: Period, _ hash: UInt64) -> String { BuildCache.periodFileName(period, hash: hash) }
    static func digestPath(_ period: Period, _ hash: UInt64) -> String { digestFolder + "/" + digestName(period, hash) }

    /// Reads the digests `digestKeys` names; one that is missing, damaged or not of its key is left out.
    mutating func readDigests(_ cache: BuildCache) {
        digests = digestKeys.compactMap { key in
            cache.read(PeriodDigest.self, at: Self.digestPath(key.period, key.hash))
                .flatMap { $0.period == key.period && $0.hash == key.hash ? $0 : nil }
        }
    }

    /// Whether `digests` are those the state names, each read.
    func hasDigests(_ digests: [PeriodDigest]) -> Bool {
        self.digests.count == digestKeys.count && digests.count == digestKeys.count
            && zip(digests, digestKeys).allSatisfy { $0.period == $1.period && $0.hash == $1.hash }
    }

    /// Finds which of `files` are still as the last build left them (by their stamps), when the
    /// state is of `output`: done ahead, while the timeline is built, so that the build then
    /// knows which pages it need not render without a file system call per page.
    mutating func checkFiles(in output: URL) {
        guard self.output == output.path else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let stamps = OutputStamps(output.path.hasSuffix("/") ? output.path : output.path + "/")
        // Most files are as they were: the entries are shared, those changed since taken out (no
        // dictionary of every file made again).
        var intact = files
        for (path, entry) in files where stamps.stamp(path) != entry.stamp { intact.removeValue(forKey: path) }
        self.intact = intact
    }

    /// Each event of a period's run of events in `events.json`, in order: its id (hashed), the
    /// length of its line and the fingerprint of its card, so that a rebuild that merges the
    /// period again copies the lines and cards of the events it makes as they were. Empty when
    /// not known.
    struct EventLines: Codable, Equatable {
        var ids: [UInt64] = []
        var lengths: [Int] = []
        var cards: [UInt64] = []

        static func id(_ id: String) -> UInt64 { ContentHash.xxh64(id) }
    }

    /// Where each period's run of events sits in `events.json`, so the next build can copy it.
    struct EventsLayout: Codable, Equatable {
        /// Of the head and the tail (site, articles, actors).
        var headHash: UInt64
        var runs: [Run]

        struct Run: Codable, Equatable {
            var period: Period
            var hash: UInt64
            var offset: Int
            var length: Int
            /// Its events' lines, when known.
            var lines = EventLines()
        }

        var hash: UInt64 { ContentHash.xxh64(runs.flatMap { withUnsafeBytes(of: $0.hash, Array.init) }, seed: headHash) }
    }
}

/// Renders and writes the site of one build: only the pages whose inputs changed (each page's
/// inputs are fingerprinted), `events.json` from the previous file's runs of unchanged periods,
/// and every file compared with what is there before it is written. Pages render on all cores
/// while `events.json` is written (read only once made; `progress.step` is called from the
/// calling thread alone).
struct SiteUpdate: @unchecked Sendable {
    let timeline: TimelineBuild
    let templates: TemplateSet
    let output: URL
    let pagedAbove: Int
    /// Read the previous `site.bin` (false for `--clean`).
    let readsState: Bool
    let progress: BuildProgress
    /// Digests and shares of the periods merged in this build, made while their events were at hand.
    var early: MergedDigests? = nil
    /// The previous `site.bin`, when it was read ahead (while the timeline was built).
    var previousState: Prefetched<SiteState?>? = nil
    /// Given the values the update made, to keep them past its end (`SiteBuild.freesMemoryAtEnd`).
    var keep: (@Sendable (Any) -> Void)? = nil

    struct Report {
        var files = 0
        var rendered = 0
        var written = 0
        var unchanged = 0
        var removed = 0
    }

    func run() throws -> Report {
        defer { early?.removeRuns() }
        let cache = timeline.cache
        let state = readsState ? (previousState?.value ?? Self.readState(cache)).flatMap { $0.output == output.path ? $0 : nil } : nil
        let periods = PeriodData(timeline)
        let articleHashes = Self.articleHashes(timeline)
        let digests = try digestsOfPeriods(state: state, periods: periods, articleHashes: articleHashes)
        // The digests not read from the cache are written to it on another core.
        let digestWrites = DispatchGroup()
        defer { digestWrites.wait() }
        if let cache {
            let read = Set(state?.digests.map { SiteState.digestName($0.period, $0.hash) } ?? [])
            let made = digests.filter { !read.contains(SiteState.digestName($0.period, $0.hash)) }
            DispatchQueue.global().async(group: digestWrites) {
                for digest in made { try? cache.write(digest, at: SiteState.digestPath(digest.period, digest.hash)) }
            }
        }
        let byPeriod = Dictionary(uniqueKeysWithValues: digests.map { ($0.period, $0) })
        // The actors are found on another core while the articles are listed.
        let names = timeline.names
        let entityIndex = Prefetched { EntityIndex(digests: digests, names: names) }
        // Each article's share of each of its periods, looked up once (its count and its page's fingerprint need them).
        let shares = RecordsInPlace.with(timeline.articles) { records in
            concurrentMap(Array(0..<records.count)) { i in
                let (record, hash) = (records[i], ContentHash.xxh64(records[i].pointee.slug))
                return record.pointee.periods.map { byPeriod[$0]?.articles[record.pointee.slug, hash: hash] }
            }
        }
        let infos = RecordsInPlace.with(timeline.articles) { records in
            (0..<records.count).map { i in
                let record = records[i]
                return ArticleInfo(slug: record.pointee.slug, title: record.pointee.title, source: record.pointee.source, url: record.pointee.url,
                                   author: record.pointee.author, published: record.pointee.published,
                                   eventCount: shares[i].reduce(0) { $0 + ($1?.eventCount ?? 0) })
            }
        }
        let entities = entityIndex.value
        let slugs = try SiteRenderer.checkSlugs(RecordsInPlace.with(timeline.articles) { records in
            (0..<records.count).map { (records[$0].pointee.slug, records[$0].pointee.sourcePath) }
        }, entities: entities.entities)
        let session = try OutputSession(output: output, previous: state?.files, intact: state?.intact)
        var report = Report()
        let layout: SiteState.EventsLayout
        do {
            // events.json, the largest file (mostly copied from the last one), is written on a
            // thread of its own while the pages are worked out and rendered.
            let background = DispatchGroup()
            let eventsJSON = ResultSlots<Swift.Result<SiteState.EventsLayout, Error>>(count: 1)
            let site = self
            DispatchQueue.global().async(group: background) {
                eventsJSON.set(0, Swift.Result {
                    try site.writeEventsJSON(session: session, state: state, infos: infos, digests: digests, periods: periods,
                                             entities: entities.entities)
                })
            }
            defer { background.wait() }
            let index = SiteIndex(config: timeline.config, articles: infos, periods: digests, entities: entities.entities,
                                  pagedAbove: pagedAbove, slugs: slugs)
            let pages = Pages(templates: templates, index: index)
            let prints = Fingerprints(templates: templates, index: index, pagedAbove: pagedAbove, entities: entities)
            let results = Dictionary(uniqueKeysWithValues: timeline.periods.map { ($0.period, $0) })
            // The pages that list the whole site: always rendered, written if they changed.
            let front = index.paged ? [:] : Dictionary(uniqueKeysWithValues: try digests.map { ($0.period, try periods.events($0.period)) })
            var jobs: [@Sendable () throws -> Void] = [{ try session.write(pages.style()) }]
            for page in pages.frontPages(events: front, site: prints.site, lines: prints.articleLines) {
                jobs.append {
                    // A page that lists every article copies its lines that are as they were.
                    let previous = session.intact(page.path).flatMap { entry in
                        entry.parts.isEmpty ? nil : session.previousBytes(page.path).map { ($0, entry.parts) }
                    }
                    try page.render(previous) { path, bytes, parts in try session.write(path, bytes: bytes, parts: parts) }
                }
            }
            if Paths.base(index.config) != nil { jobs.append { if let sitemap = pages.sitemap() { try session.write(sitemap) } } }
            // Period pages and article pages: only those whose fingerprint changed.
            if index.paged {
                let periodPrints = concurrentMap(Array(digests.indices)) { prints.period(at: $0) }
                for (i, digest) in digests.enumerated() {
                    let print = periodPrints[i]
                    if let entry = session.intact(Paths.period(digest.period)), entry.fingerprint == print {
                        session.keep(Paths.period(digest.period), entry)
                    } else {
                        jobs.append {
                            // Days that show what they showed are copied from the page as it is.
                            let path = Paths.period(digest.period)
                            let previous = session.intact(path).flatMap { entry in
                                entry.parts.isEmpty ? nil : session.previousBytes(path).map { ($0, entry.parts) }
                            }
                            let cards = results[digest.period].flatMap { early?.cards($0) }
                            try pages.period(at: i, events: try periods.events(digest.period), cardPrint: { e, event, dateInHeading in
                                prints.card(event, dateInHeading: dateInHeading, articleHashes: articleHashes, known: cards?.card(e, of: event))
                            }, previous: previous) { path, bytes, parts in
                                try session.write(path, bytes: bytes, fingerprint: print, parts: parts)
                            }
                        }
                    }
                }
            }
            // Fingerprints (and whether each file is still as written) found on all cores.
            let articlePrints = RecordsInPlace.with(timeline.articles) { records in
                concurrentMap(Array(0..<records.count)) { i in
                    let (print, path) = (prints.article(records[i], shares: shares[i]), Paths.article(records[i].pointee.slug))
                    return (print, path, session.intact(path).flatMap { $0.fingerprint == print ? $0 : nil })
                }
            }
            for (i, (print, path, intact)) in articlePrints.enumerated() {
                if let intact {
                    session.keep(path, intact)
                } else {
                    let (record, info, bodies) = (timeline.articles[i], infos[i], ArticleBodies(timeline))
                    jobs.append {
                        let parts = try record.periods.compactMap { p in try results[p].flatMap { try periods.part(of: record.slug, in: $0) } }
                        let events = ArticlePage.Events(parts: parts)
                        try pages.article(info, counts: ArticlePage.Counts(record.counts), body: try bodies.body(record, events: events),
                                          events: events) { path, bytes, _ in
                            try session.write(path, bytes: bytes, fingerprint: print)
                        }
                    }
                }
            }
            // Actor pages: each lists its events from every period, fingerprinted from the digests.
            let entityPrints = concurrentMap(entities.entities) { entity in
                let print = prints.entity(entity, related: entities.related(to: entity, index: index), entities: entities, digests: digests)
                return (print, session.intact(Paths.entity(entity.slug)).flatMap { $0.fingerprint == print ? $0 : nil })
            }
            for (entity, (print, intact)) in zip(entities.entities, entityPrints) {
                if let intact {
                    session.keep(Paths.entity(entity.slug), intact)
                } else {
                    jobs.append {
                        try session.write(SiteRenderer.entityPage(entity, pages: pages, entities: entities, digests: digests,
                                                                  events: { try periods.events(digests[$0].period) }),
                                          fingerprint: print)
                    }
                }
            }
            let feedPrint = prints.feed(digests)
            if let entry = session.intact("feed.xml"), entry.fingerprint == feedPrint {
                session.keep("feed.xml", entry)
            } else {
                jobs.append { try session.write(pages.feed(newest: try Self.newestKeyEvents(digests, periods)), fingerprint: feedPrint) }
            }
            let counter = progress.counter("render", total: jobs.count)
            let failures = ResultSlots<Error>(count: jobs.count)
            let work = jobs
            DispatchQueue.concurrentPerform(iterations: work.count) { i in
                do { try work[i]() } catch { failures.set(i, error) }
                counter.advance()
            }
            if let error = failures.filled.first { throw error }
            report.rendered += jobs.count
            background.wait()
            layout = try eventsJSON.values()[0].get()
            try session.finish()
            keep?([index, pages, prints] as [Any])
        } catch {
            session.abandon()
            throw error
        }
        report.files = session.entries.count
        report.written = session.written
        report.unchanged = session.unchanged
        report.removed = session.removed
        // Leftovers of earlier builds (and the output this one replaced) are removed on another
        // core while site.bin is written.
        let cleanup = DispatchGroup()
        DispatchQueue.global().async(group: cleanup) { session.removeReplaced() }
        if let cache {
            let (timeline, early) = (self.timeline, self.early)
            DispatchQueue.global().async(group: cleanup) {
                early?.removeRuns()
                cache.removeFiles(in: "shares", keeping: Set(timeline.periods.map(PeriodData.sharesName)))
                digestWrites.wait()
                cache.removeFiles(in: SiteState.digestFolder, keeping: Set(digests.map { SiteState.digestName($0.period, $0.hash) }))
                // A body is named by its article's path, text and verdicts: one is left over only
                // when an article of the last build left or was analysed again (or that build is not known).
                guard timeline.statistics.replaced != 0 else { return }
                cache.removeFiles(in: "bodies", keeping: RecordsInPlace.with(timeline.articles) { records in
                    Set((0..<records.count).map { ArticleBodies.name(records[$0]) })
                })
            }
        }
        defer { cleanup.wait() }
        // A build that changed nothing (every digest as read, the same files and layout) leaves
        // site.bin as it is: it would be written with the bytes it has.
        let asRead = state.map { state in
            state.hasDigests(digests) && state.eventsLayout == layout && state.files == session.entries
        } ?? false
        if !asRead {
            try cache?.write(SiteState(output: output.path, digests: digests, files: session.entries, eventsLayout: layout),
                             at: SiteState.fileName)
        }
        keep?([digests, entities, state as Any, session, periods] as [Any])
        return report
    }

    /// The previous build's `site.bin`, when the cache holds a usable one; with `output`, its
    /// files checked there (`SiteState.checkFiles`).
    static func readState(_ cache: BuildCache?, checkingFilesIn output: URL? = nil) -> SiteState? {
        guard let cache, var state = cache.read(SiteState.self, at: SiteState.fileName) else { return nil }
        state.readDigests(cache)
        if let output { state.checkFiles(in: output) }
        return state
    }

    /// Each period's digest: the previous one when the period did not change, else computed from its events.
    private func digestsOfPeriods(state: SiteState?, periods: PeriodData, articleHashes: [String: UInt64]) throws -> [PeriodDigest] {
        let old = Dictionary(state?.digests.map { ($0.period, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        let (timeline, early) = (self.timeline, self.early)
        let results = ResultSlots<Error>(count: timeline.periods.count)
        let digests = ResultSlots<PeriodDigest>(count: timeline.periods.count)
        DispatchQueue.concurrentPerform(iterations: timeline.periods.count) { i in
            let p = timeline.periods[i]
            if let digest = old[p.period], digest.hash == p.hash {
                digests.set(i, digest)
            } else if let (digest, shares) = early?.made(p) {
                periods.keep(shares, for: p.period)
                digests.set(i, digest)
            } else {
                do {
                    let events = try periods.events(p.period)
                    digests.set(i, PeriodDigest(period: p.period, hash: p.hash, events: events, shares: try periods.shares(p, events: events),
                                                articleHashes: articleHashes))
                } catch {
                    results.set(i, error)
                }
            }
        }
        if let error = results.filled.first { throw error }
        return digests.values()
    }

    /// The content hash of each article by slug: an event's card shows its sources' titles and outlets.
    static func articleHashes(_ timeline: TimelineBuild) -> [String: UInt64] {
        RecordsInPlace.with(timeline.articles) { records in
            Dictionary((0..<records.count).lazy.map { (records[$0].pointee.slug, records[$0].pointee.contentHash) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The site's last key events, newest first, enough for the feed.
    private static func newestKeyEvents(_ digests: [PeriodDigest], _ periods: PeriodData) throws -> [Event] {
        var out: [Event] = []
        for digest in digests.reversed() where digest.keyCount > 0 {
            out += try periods.events(digest.period).filter(\.isKey).reversed()
            if out.count >= FeedContext.entryLimit { break }
        }
        return out
    }

    /// `events.json`: the head (site and articles), then each period's run of events, copied from
    /// the previous file when the period is unchanged and that file is still as written.
    private func writeEventsJSON(session: OutputSession, state: SiteState?, infos: [ArticleInfo], digests: [PeriodDigest],
                                 periods: PeriodData, entities: [Entity]) throws -> SiteState.EventsLayout {
        let head = EventsJSON.head(config: timeline.config, articles: infos)
        let hasEvents = digests.contains { $0.eventCount > 0 }
        let tail = EventsJSON.tail(hasEvents: hasEvents, entities: entities)
        var layout = SiteState.EventsLayout(headHash: ContentHash.xxh64(head, seed: ContentHash.xxh64(tail)), runs: [])
        let old = state?.eventsLayout
        let previous = session.intact("events.json").flatMap { entry in old.map { (entry, $0) } }
        if let (entry, old) = previous, old.headHash == layout.headHash,
           old.runs.map({ [$0.period.description, String($0.hash)] }) == digests.filter({ $0.eventCount > 0 }).map({ [$0.period.description, String($0.hash)] }) {
            session.keep("events.json", entry)
            return old
        }
        let oldRuns = Dictionary(previous?.1.runs.map { ($0.period, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        let oldFile = previous.flatMap { _ in FileHandle(forReadingAtPath: session.root.appendingPathComponent("events.json").path) }
        defer { try? oldFile?.close() }
        var runs: [SiteState.EventsLayout.Run] = []
        /// Writes the file to `out` and returns its length.
        func write(to out: FileHandle) throws -> Int {
            var offset = 0
            func emit(_ bytes: [UInt8]) throws {
                try out.write(contentsOf: bytes)
                offset += bytes.count
            }
            try emit(head)
            for digest in digests where digest.eventCount > 0 {
                if !runs.isEmpty { try emit(EventsJSON.separator) }
                if let run = oldRuns[digest.period], run.hash == digest.hash, let oldFile,
                   try Self.copy(run.length, from: oldFile, at: run.offset, to: out) {
                    runs.append(.init(period: digest.period, hash: digest.hash, offset: offset, length: run.length, lines: run.lines))
                    offset += run.length
                    continue
                }
                if let run = early?.run(digest.period, hash: digest.hash), try run.copy(to: out) {
                    runs.append(.init(period: digest.period, hash: digest.hash, offset: offset, length: run.pieces.length, lines: run.lines))
                    offset += run.pieces.length
                    continue
                }
                let run = try EventsJSON.events(periods.events(digest.period))
                runs.append(.init(period: digest.period, hash: digest.hash, offset: offset, length: run.count))
                try emit(run)
            }
            try emit(tail)
            guard ftruncate(out.fileDescriptor, off_t(offset)) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return offset
        }
        // Written over the file the build before last wrote, kept for it (its storage is reused
        // rather than 200 MB freed and taken again at 10,000 articles), else into a new file.
        if let spare = Self.spareEventsFile(timeline.cache, session: session) {
            do {
                _ = try write(to: spare.handle)
                try spare.handle.close()
            } catch {
                try? spare.handle.close()
                unlink(spare.url.path)
                throw error
            }
            try session.swapIn("events.json", from: spare.url, hash: 0, fingerprint: nil)
        } else {
            try session.write("events.json", hash: 0, fingerprint: nil) { url in
                guard FileManager.default.createFile(atPath: url.path, contents: nil), let out = FileHandle(forWritingAtPath: url.path) else {
                    throw CocoaError(.fileWriteUnknown)
                }
                defer { try? out.close() }
                let length = try write(to: out)
                if session.staged { Self.prepareSpareEventsFile(timeline.cache, session: session, size: length) }
            }
        }
        layout.runs = runs
        return layout
    }

    /// The cache's spare events.json (`OutputSession.swapIn` keeps there the file it replaces),
    /// opened to be written over from its start: when the output is updated in place.
    static func spareEventsFile(_ cache: BuildCache?, session: OutputSession) -> (url: URL, handle: FileHandle)? {
        guard let cache, !session.staged, let (url, fd, _) = openSpare(cache, session: session) else { return nil }
        return (url, FileHandle(fileDescriptor: fd, closeOnDealloc: true))
    }

    /// A first or clean build (a staged one) leaves the next build its spare events.json at the size
    /// of the one it wrote, its storage taken now: else the first rebuild after it takes that
    /// storage page by page as it writes (at 10,000 articles on tmpfs, 0.54-0.59 s against
    /// 0.47-0.51 s for the +1). Nothing when there is no cache, a spare that large is there, or
    /// the spare could not be used (`openSpare`).
    static func prepareSpareEventsFile(_ cache: BuildCache?, session: OutputSession, size: Int) {
        guard let cache, size > 0, let (_, fd, current) = openSpare(cache, session: session) else { return }
        defer { close(fd) }
        if current < size { _ = posix_fallocate(fd, 0, off_t(size)) }
    }

    /// The spare opened for writing (created when missing), with its size: only when the cache is on
    /// the output's file system (else the spare is removed) and the spare is a plain file with no
    /// other name. Never through a link: a symbolic one could point anywhere, and a file with a
    /// second name (the output's own file, or a copy of `public/` made with hard links) would be
    /// overwritten where that other name shows it; such a spare is removed.
    private static func openSpare(_ cache: BuildCache, session: OutputSession) -> (url: URL, fd: Int32, size: Int)? {
        let url = cache.url("events-spare.json")
        var folder = stat(), root = stat()
        guard stat(cache.directory.path, &folder) == 0, stat(session.root.path, &root) == 0, folder.st_dev == root.st_dev else {
            unlink(url.path)
            return nil
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            unlink(url.path)
            return nil
        }
        var spare = stat()
        if fstat(fd, &spare) != 0 || (spare.st_mode & S_IFMT) != S_IFREG || spare.st_nlink != 1 {
            close(fd)
            unlink(url.path)
            return nil
        }
        return (url, fd, Int(spare.st_size))
    }

    /// Appends `length` bytes of `file` from `offset` to `out`, in the kernel when it can
    /// (`sendfile`: an unchanged period's run of a large events.json never passes through this
    /// process); false when the old file is shorter than that.
    static func copy(_ length: Int, from file: FileHandle, at offset: Int, to out: FileHandle) throws -> Bool {
        var from = off_t(offset)
        var left = length
        while left > 0 {
            let n = sendfile(out.fileDescriptor, file.fileDescriptor, &from, left)
            if n > 0 { left -= n; continue }
            if n == 0 {
                if left == length { return false }
                throw CocoaError(.fileReadCorruptFile)
            }
            break  // not supported here: copy through memory
        }
        guard left > 0 else { return true }
        try file.seek(toOffset: UInt64(from))
        guard let rest = try file.read(upToCount: left), rest.count == left else {
            if left == length { return false }
            throw CocoaError(.fileReadCorruptFile)
        }
        try out.write(contentsOf: rest)
        return true
    }
}

/// The events of each period (from the build, or loaded once), and what article pages show of
/// them (`PeriodShares`: computed with the period's digest, else read from the cache).
final class PeriodData: @unchecked Sendable {
    private let timeline: TimelineBuild
    private var shares: [Period: PeriodShares] = [:]
    /// Shares read from the cache for article pages, each article's part read when asked for.
    private var indexes: [Period: SharesIndex] = [:]
    private let lock = NSLock()

    init(_ timeline: TimelineBuild) { self.timeline = timeline }

    func events(_ period: Period) throws -> [Event] { try timeline.events(period) }

    static func sharesName(_ result: PeriodResult) -> String { BuildCache.periodFileName(result.period, hash: result.hash) }
    /// Where the period's shares are kept in the cache.
    static func sharesPath(_ result: PeriodResult) -> String { "shares/" + sharesName(result) }

    func keep(_ found: PeriodShares, for period: Period) {
        lock.lock()
        shares[period] = found
        lock.unlock()
    }

    /// What the page of the article `slug` shows of the period (nil when it has no share of it):
    /// from the shares at hand, else from those in the cache (only the article's part read), else
    /// from the period's events.
    func part(of slug: String, in result: PeriodResult) throws -> ArticlePage.Part? {
        var part = try sharedPart(of: slug, in: result)
        part?.period = result.period
        return part
    }

    private func sharedPart(of slug: String, in result: PeriodResult) throws -> ArticlePage.Part? {
        lock.lock()
        let (known, index) = (shares[result.period], indexes[result.period])
        lock.unlock()
        if let known { return known.part(of: slug) }
        var found = index
        if found == nil, let read = timeline.cache?.read(SharesIndex.self, at: Self.sharesPath(result)) {
            lock.lock()
            indexes[result.period] = read
            lock.unlock()
            found = read
        }
        // A share that does not read (the file's checksum held, so never expected) is worked out again.
        if let found {
            do { return try found.part(of: slug) } catch {}
        }
        return try shares(result).part(of: slug)
    }

    /// The period's shares; `events` when they are at hand (they are computed from them and cached).
    func shares(_ result: PeriodResult, events: [Event]? = nil) throws -> PeriodShares {
        lock.lock()
        let known = shares[result.period]
        lock.unlock()
        if let known { return known }
        let path = Self.sharesPath(result)
        let found: PeriodShares
        if events == nil, let cached = timeline.cache?.read(PeriodShares.self, at: path) {
            found = cached
        } else {
            found = PeriodShares(events: try events ?? timeline.events(result.period))
            try? timeline.cache?.write(found, at: path)
        }
        lock.lock()
        shares[result.period] = found
        lock.unlock()
        return found
    }
}

/// The digest and shares of each period merged in a build, made by the merge's hook while the
/// period's events are at hand (a large build then reads each period's events back only for its
/// page and its part of events.json); the shares are written to the cache as `PeriodData` would.
final class MergedDigests: @unchecked Sendable {
    private var made: [Period: (hash: UInt64, digest: PeriodDigest, shares: PeriodShares, cards: CardPrints)] = [:]
    /// With a cache, the bytes of each period's part of events.json that the last events.json does
    /// not hold wait in `runs/` of the cache folder until events.json is written (the folder is
    /// emptied first and removed then).
    private var runs: URL?
    private var written: [Period: WrittenRun] = [:]
    private let lock = NSLock()
    /// The last build's events.json (its layout, path and stamp), when there is one to copy the
    /// unchanged events of a re-merged period from.
    var lastEvents: (@Sendable () -> (layout: SiteState.EventsLayout, path: String, stamp: FileStamp)?)?

    func digest(_ result: PeriodResult, events: [Event], articleHashes: [String: UInt64], cache: BuildCache?) {
        let shares = PeriodShares(events: events)
        try? cache?.write(shares, at: PeriodData.sharesPath(result))
        // The lines and cards of events made as the last build made them, from its events.json.
        let last = result.unchanged.flatMap { unchanged in
            unchanged.ids.isEmpty ? nil : lastRun(result.period, hash: unchanged.previousHash).map { (unchanged.ids, $0) }
        }
        var lastCards = [UInt64?](repeating: nil, count: events.count)
        var run: WrittenRun?
        var lengths: [Int] = []
        if let cache, let folder = runsFolder(cache) {
            var eventAt: [Int: Int] = [:]
            eventAt.reserveCapacity(events.count)
            var fresh = JSONBytes()
            let (pieces, runLengths) = EventsJSON.run(events, reusing: { i in
                guard let (ids, run) = last, ids.contains(events[i].id), let line = run.line(of: events[i].id) else { return nil }
                lastCards[i] = line.card
                eventAt[line.offset] = i
                return (line.offset, line.length)
            }, into: &fresh)
            lengths = runLengths
            let path = folder.appendingPathComponent(Self.runName(result.period)).path
            if Self.write(fresh, to: path) {
                // The id each piece of the last file starts with, to check the file there before copying.
                let starts = pieces.pieces.filter(\.old).map { piece in eventAt[piece.offset].map { events[$0].id } ?? "" }
                run = WrittenRun(hash: result.hash, fresh: path, pieces: pieces, last: last.map { ($0.1.path, $0.1.stamp, starts) })
            }
        }
        // Each event read where it lies (an array's element is copied when passed on, or gone through).
        let cards = events.withUnsafeBufferPointer { events in
            var sources = SourceHashes(articleHashes)
            var input = HashInput()
            return events.indices.map { i in
                lastCards[i] ?? PeriodDigest.fingerprint(events.baseAddress! + i, sourceHash: { sources.hash($0) }, in: &input)
            }
        }
        if var run {
            run.lines = SiteState.EventLines(ids: events.indices.map { SiteState.EventLines.id(events[$0].id) }, lengths: lengths, cards: cards)
            lock.lock()
            written[result.period] = run
            lock.unlock()
        }
        let digest = PeriodDigest(period: result.period, hash: result.hash, events: events, shares: shares, articleHashes: articleHashes,
                                  cards: cards)
        // Made before the lock is taken.
        let prints = CardPrints(ids: events.map(\.id), cards: cards)
        lock.lock()
        made[result.period] = (result.hash, digest, shares, prints)
        lock.unlock()
    }

    /// The card fingerprint of each event of the period, when worked out for this result.
    func cards(_ result: PeriodResult) -> CardPrints? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = made[result.period], entry.hash == result.hash else { return nil }
        return entry.cards
    }

    private static func runName(_ period: Period) -> String { "\(period).json" }

    /// Writes a run's bytes to a file of the runs folder (made for this build), without copying them into a `Data`.
    private static func write(_ run: borrowing JSONBytes, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return run.buffer.withBytes { WholeWrite.all(UnsafeRawBufferPointer($0), to: fd) }
    }

    private func runsFolder(_ cache: BuildCache) -> URL? {
        lock.lock()
        defer { lock.unlock() }
        if let runs { return runs }
        let folder = cache.url("runs")
        try? FileManager.default.removeItem(at: folder)
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        runs = folder
        return folder
    }

    /// The period's part of events.json as made at the merge; nil when it is not of this hash.
    func run(_ period: Period, hash: UInt64) -> WrittenRun? {
        lock.lock()
        defer { lock.unlock() }
        guard runs != nil, let entry = written[period], entry.hash == hash else { return nil }
        return entry
    }

    /// The period's run of events in the last build's events.json, when that run is of `hash` and
    /// the file is still as that build left it.
    private func lastRun(_ period: Period, hash: UInt64) -> LastRun? {
        guard let last = lastEvents?(), let run = last.layout.runs.first(where: { $0.period == period }), run.hash == hash,
              FileStamp(path: last.path) == last.stamp else { return nil }
        return LastRun(run, path: last.path, stamp: last.stamp)
    }

    func removeRuns() {
        lock.lock()
        defer { lock.unlock() }
        if let runs { try? FileManager.default.removeItem(at: runs) }
        runs = nil
        written = [:]
    }

    /// The digest and shares made for the period, when they are of this result.
    func made(_ result: PeriodResult) -> (PeriodDigest, PeriodShares)? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = made[result.period], entry.hash == result.hash else { return nil }
        return (entry.digest, entry.shares)
    }
}

/// The card fingerprint (`PeriodDigest.fingerprint`) of each event of a period as merged, by its
/// position in the period's events: a page reads its events back in that order, so each card's
/// is found by position (and its id checked), not looked up by id.
struct CardPrints {
    var ids: [String]
    var cards: [UInt64]

    /// The fingerprint of the event at `position` of the period's events, when it is `event`.
    func card(_ position: Int, of event: Event) -> UInt64? {
        guard position < ids.count, position < cards.count, ids[position] == event.id else { return nil }
        return cards[position]
    }
}

/// A period's part of events.json made at the merge: its pieces (`EventsJSON.run`), those not
/// from the last events.json written to a file of `runs/`.
struct WrittenRun {
    var hash: UInt64
    /// The file of the pieces that are not the last events.json's.
    var fresh: String
    var pieces: RunPieces
    /// The last events.json: its path, its stamp when the pieces were found in it, and the id of
    /// the event each of its pieces starts with.
    var last: (path: String, stamp: FileStamp, starts: [String])?
    var lines = SiteState.EventLines()

    /// Appends the run to `out`; false, with nothing written, when a file is missing or the last
    /// events.json is no longer as it was (or does not hold the events where its layout says).
    func copy(to out: FileHandle) throws -> Bool {
        guard let freshFile = FileHandle(forReadingAtPath: fresh) else { return false }
        defer { try? freshFile.close() }
        var lastFile: FileHandle?
        defer { try? lastFile?.close() }
        if let last, pieces.pieces.contains(where: \.old) {
            guard let file = FileHandle(forReadingAtPath: last.path) else { return false }
            lastFile = file
            guard FileStamp(path: last.path) == last.stamp else { return false }
            for (piece, id) in zip(pieces.pieces.filter(\.old), last.starts) {
                let head = Array("{\"id\":\"\(id)\"".utf8)
                let found = [UInt8](unsafeUninitializedCapacity: head.count) { buffer, count in
                    count = max(0, pread(file.fileDescriptor, buffer.baseAddress, head.count, off_t(piece.offset)))
                }
                guard found == head else { return false }
            }
        }
        for piece in pieces.pieces {
            guard let file = piece.old ? lastFile : freshFile else { throw CocoaError(.fileReadCorruptFile) }
            guard try SiteUpdate.copy(piece.length, from: file, at: piece.offset, to: out) else { throw CocoaError(.fileReadCorruptFile) }
        }
        return true
    }
}

/// A period's run of events as the last build wrote it in events.json: where each event's line is
/// in the file, and its card.
private final class LastRun {
    let path: String
    let stamp: FileStamp
    /// Each event's line (offset in the file and length) and card, by its id's hash.
    private let lines: [UInt64: (offset: Int, length: Int, card: UInt64)]

    /// Nil when the run's lines are not known or do not add up to the run.
    init?(_ run: SiteState.EventsLayout.Run, path: String, stamp: FileStamp) {
        let l = run.lines
        guard !l.ids.isEmpty, l.lengths.count == l.ids.count, l.cards.count == l.ids.count,
              l.lengths.reduce(0, +) + 2 * (l.ids.count - 1) == run.length else { return nil }
        (self.path, self.stamp) = (path, stamp)
        var lines: [UInt64: (Int, Int, UInt64)] = Dictionary(minimumCapacity: l.ids.count)
        var offset = run.offset
        for k in l.ids.indices {
            lines[l.ids[k]] = (offset, l.lengths[k], l.cards[k])
            offset += l.lengths[k] + 2
        }
        self.lines = lines
    }

    /// The place and card of the line of the event with this id, when the run has it.
    func line(of id: String) -> (offset: Int, length: Int, card: UInt64)? { lines[SiteState.EventLines.id(id)] }
}

/// Article bodies as HTML (`ArticlePage.body`), rendered when each article is analysed and kept
/// in the cache with their mention classes pending; a body that is not there is rendered from a
/// second analysis of the article.
struct ArticleBodies: Sendable {
    let timeline: TimelineBuild

    init(_ timeline: TimelineBuild) { self.timeline = timeline }

    static func name(_ record: ArticleRecord) -> String { name(verdicts: record.verdicts, sourcePath: record.sourcePath, contentHash: record.contentHash) }

    static func name(_ record: UnsafePointer<ArticleRecord>) -> String {
        name(verdicts: record.pointee.verdicts, sourcePath: record.pointee.sourcePath, contentHash: record.pointee.contentHash)
    }

    private static func name(verdicts: [Bool], sourcePath: String, contentHash: UInt64) -> String {
        // The verdicts as bytes, then the path's bytes, hashed from one buffer (every article's name
        // is worked out at the end of each build, to know which bodies to keep).
        var path = sourcePath
        let hash = path.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: verdicts.count + utf8.count) { key in
                for (i, verdict) in verdicts.enumerated() { key[i] = verdict ? 1 : 0 }
                for (i, b) in utf8.enumerated() { key[verdicts.count + i] = b }
                return ContentHash.xxh64(UnsafeRawBufferPointer(key), seed: contentHash)
            }
        }
        return String(unsafeUninitializedCapacity: 20) { out in
            for i in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: hash >> UInt64(60 - 4 * i)) & 0xF
                out[i] = digit < 10 ? 0x30 + digit : 0x57 + digit
            }
            for (i, b) in ".bin".utf8.enumerated() { out[16 + i] = b }
            return 20
        }
    }

    /// Renders and keeps the body of an article just analysed; `mentions` are its sentences that are mentions.
    static func store(_ article: Article, _ record: ArticleRecord, mentions: [EventMerger.Candidate], in cache: BuildCache) {
        let keys = ArticlePage.Mentions(pending: mentions.map { ArticlePage.MentionKey(block: $0.mention.blockOrdinal, sentence: $0.mention.sentenceIndex) })
        store(ArticlePage.bodyUTF8(article, mentions: keys), at: "bodies/" + name(record), in: cache)
    }

    private static func store(_ body: [UInt8], at path: String, in cache: BuildCache) {
        // Room for the body and its length: no file to look at for a size, no buffer regrown. Written
        // in place: a body cut short by a stopped build fails its checksum and is rendered again.
        try? cache.write(BodyBytes(utf8: body), at: path, capacity: body.count + 16, inPlace: true)
    }

    /// A body as the cache keeps it: its UTF-8 bytes, read back as they are (it was valid text
    /// when written, and the cache file's checksum holds), not checked byte by byte again.
    struct BodyBytes: Codable, CacheCodable {
        var utf8: [UInt8]

        init(utf8: [UInt8]) { self.utf8 = utf8 }

        func write(to out: inout CacheWriter) {
            out.varint(UInt64(utf8.count))
            out.append(utf8)
        }

        init(from input: inout CacheReader) throws { utf8 = Array(try input.bytes(try input.length())) }
    }

    /// The body of an article whose mentions' events are `events`, as UTF-8.
    func body(_ record: ArticleRecord, events: ArticlePage.Events) throws -> [UInt8] {
        let path = "bodies/" + Self.name(record)
        if let cached = timeline.cache?.read(BodyBytes.self, at: path) { return cached.utf8 }
        let article = try timeline.article(record)
        if let cache = timeline.cache {
            Self.store(ArticlePage.bodyUTF8(article, mentions: ArticlePage.Mentions(pending: Array(events.keyOfSentence.keys))), at: path, in: cache)
        }
        return ArticlePage.bodyUTF8(article, mentions: ArticlePage.Mentions(events.keyOfSentence.mapValues { $0 }))
    }
}

/// What each skippable page is rendered from, hashed: when a page's fingerprint and file are as
/// the last build left them, the page is not rendered again. Read only once made (pages are
/// fingerprinted on all cores).
struct Fingerprints: @unchecked Sendable {
    let site: UInt64
    let siteWide: UInt64
    let monthUsesSiteWide: Bool
    let articleUsesSiteWide: Bool
    let articleShowsSourceCounts: Bool
    let feedUsesSiteWide: Bool
    let entityUsesSiteWide: Bool
    let index: SiteIndex
    /// By position in `index.articleList`: what the article's lines in the article lists show,
    /// hashed (`CompiledPartials.ArticleList.articlePrint`).
    let articleLines: [UInt64]
    /// What a card shows of each actor it links (its page and kind), hashed, by name.
    let linkHashes: [String: UInt64]
    /// The actors' index of `index.periods`, and the link hash of each of its names by number.
    private let entities: EntityIndex
    private let linkOfName: [UInt64]

    /// Bump when a change to the renderer changes pages whose inputs did not change.
    static let rendererVersion = "pages-1"

    /// - Parameter entities: the actors' index of `index.periods` (period pages are fingerprinted from
    ///   the numbers of the names their events give).
    init(templates: TemplateSet, index: SiteIndex, pagedAbove: Int, entities: EntityIndex) {
        self.index = index
        let c = index.config
        site = Self.hash("\(Self.rendererVersion)|\(templates.fingerprint)|\(c.title)|\(c.description)|\(c.baseURL ?? "-")|\(c.language)|"
            + "\(c.order.rawValue)|\(c.timeZone.identifier)|\(index.paged)|\(index.hasKeyEvents)|\(pagedAbove)")
        var all = Fingerprinter()
        all.add(index.updated?.rfc3339 ?? "-")
        for p in index.periods {
            for n in [p.period.year, p.period.month ?? 0, p.eventCount, p.keyCount, p.expectedCount, p.first?.dayNumber ?? Int.min] { all.add(n) }
        }
        // Each article read where it lies (a copy would retain each of its texts); what its list
        // lines show is hashed once, for the site-wide value and the lists alike.
        var lines: [UInt64] = []
        lines.reserveCapacity(index.articleList.count)
        index.articleList.withUnsafeBufferPointer { articles in
            for i in articles.indices {
                let line = CompiledPartials.ArticleList.articlePrint(articles.baseAddress! + i)
                lines.append(line)
                all.add(line)
                all.add(optional: articles[i].url)
                all.add(optional: articles[i].author)
                if let p = articles[i].published {
                    all.add(p.offsetSeconds ?? Int.min)
                    all.add(p.instant.map { Int($0) } ?? Int.min)
                } else {
                    all.add(Int.min)
                }
            }
        }
        articleLines = lines
        siteWide = all.value
        func uses(_ template: String) -> Bool { !templates.names(usedBy: template).isDisjoint(with: CommonContext.siteWide) }
        monthUsesSiteWide = uses("month.html")
        articleUsesSiteWide = uses("article.html")
        articleShowsSourceCounts = !templates.names(usedBy: "article.html").isDisjoint(with: ["sourceCount", "multipleSources"])
        feedUsesSiteWide = uses("feed.xml")
        entityUsesSiteWide = uses("entity.html")
        let linkHashes = Dictionary(index.entityList.map { ($0.name, Self.hash("\($0.slug):\($0.kind.rawValue)")) },
                                    uniquingKeysWith: { a, _ in a })
        self.linkHashes = linkHashes
        self.entities = entities
        linkOfName = entities.nameList.map { linkHashes[$0] ?? 1 }
    }

    static func hash(_ text: String) -> UInt64 { ContentHash.xxh64(text) }

    func period(at i: Int) -> UInt64 {
        let p = index.periods
        let neighbours = "\(i > 0 ? p[i - 1].period.description : "-")|\(i + 1 < p.count ? p[i + 1].period.description : "-")"
        return Self.hash("\(site)|\(p[i].period)|\(p[i].hash)|\(neighbours)|\(monthUsesSiteWide ? siteWide : 0)|\(periodLinks(i))")
    }

    /// What the cards of the period at `i` show of the actors they link: `links` of each named
    /// event's names, folded in order, worked out from the names' numbers.
    func periodLinks(_ i: Int) -> UInt64 { entities.periodLinks(i, linkOfName: linkOfName) }

    /// What an event card shows of the actors it links: their pages and kinds.

    func links(_ names: [String]) -> UInt64 {
        var h: UInt64 = 0
        for name in names.prefix(EntityPages.actorsPerEvent) { h = h &* 1_000_003 &+ (linkHashes[name] ?? 1) }
        return h
    }

    /// An event's card on a period page, as the compiled `event` partial writes it: what the card
    /// shows of the event, the pages of the actors it links, whether its day's heading shows its date,
    /// and whether the site has key events (an event that is not one is minor).
    /// - Parameter known: the event's `PeriodDigest.fingerprint`, when worked out already.
    func card(_ event: Event, dateInHeading: Bool, articleHashes: [String: UInt64], known: UInt64? = nil) -> UInt64 {
        var h = Fingerprinter()
        h.add(site)
        h.add(index.hasKeyEvents ? 1 : 0)
        h.add(dateInHeading ? 1 : 0)
        h.add(known ?? PeriodDigest.fingerprint(event, articleHashes: articleHashes))
        h.add(links(event.entities))
        return h.value
    }

    /// An actor's page: the actor, the actors named with it, and what it shows of its events.
    func entity(_ entity: Entity, related: [Entity], entities: EntityIndex, digests: [PeriodDigest]) -> UInt64 {
        var h = Fingerprinter()
        h.add(site)
        h.add(entity.name)
        h.add(entity.slug)
        h.add(entity.kind.rawValue)
        h.add(entity.mentionCount)
        h.add(entity.events.count)
        h.add(entityUsesSiteWide ? siteWide : 0)
        h.add(related.count)
        for r in related {
            h.add(r.name)
            h.add(r.slug)
            h.add(r.kind.rawValue)
        }
        h.add(entities.sectionsPrint(of: entity, digests: digests, paged: index.paged, links: links))
        return h.value
    }

    /// - Parameter shares: the article's share of each of its periods (`record.periods`).
    func article(_ record: UnsafePointer<ArticleRecord>, shares: [PeriodDigest.Share?]) -> UInt64 {
        var h = Fingerprinter()
        h.add(site)
        h.add(record.pointee.contentHash)
        h.add(record.pointee.sourcePath)
        h.add(record.pointee.slug)
        h.add(record.pointee.verdicts)
        let periods = record.pointee.periods
        h.add(periods.count)
        for (p, share) in zip(periods, shares) {
            h.add(p.year)
            h.add(p.month ?? 0)
            h.add(share?.fingerprint ?? 0)
            h.add(articleShowsSourceCounts ? share?.sourceCounts ?? 0 : 0)
        }
        h.add(articleUsesSiteWide ? siteWide : 0)
        return h.value
    }

    /// The feed shows the last key events: it depends on the periods that hold them.
    func feed(_ digests: [PeriodDigest]) -> UInt64 {
        var text = "\(site)|\(index.updated?.rfc3339 ?? "-")|\(feedUsesSiteWide ? siteWide : 0)|"
        var keys = 0
        for digest in digests.reversed() where digest.keyCount > 0 {
            text += "\(digest.period):\(digest.hash)|"
            keys += digest.keyCount
            if keys >= FeedContext.entryLimit { break }
        }
        return Self.hash(text)
    }
}

/// Values mixed into a fingerprint one 64-bit word at a time, as XXH64 mixes the last words of
/// its input (a string counts as its length and its XXH64): no buffer of the values is built, and
/// no two lists of values are alike by construction but for a hash collision.
struct Fingerprinter {
    private var acc: UInt64 = 0x27D4_EB2F_1656_67C5
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F, p4: UInt64 = 0x85EB_CA77_C2B2_AE63

    mutating func add(_ value: UInt64) {
        var k = value &* Self.p2
        k = (k << 31 | k >> 33) &* Self.p1
        acc ^= k
        acc = (acc << 27 | acc >> 37) &* Self.p1 &+ Self.p4
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ text: String) {
        add(text.utf8.count)
        add(ContentHash.xxh64(text))
    }

    /// A text, or `Int.min` for none.
    mutating func add(optional text: String?) {
        if let text { add(text) } else { add(Int.min) }
    }

    /// Flags, 64 to a word, after their count.
    mutating func add(_ flags: [Bool]) {
        add(flags.count)
        var word: UInt64 = 0
        for (i, flag) in flags.enumerated() {
            if flag { word |= 1 << UInt64(i & 63) }
            if i & 63 == 63 { add(word); word = 0 }
        }
        add(word)
    }

    /// XXH64's final mix.
    var value: UInt64 {
        var h = acc
        h ^= h >> 33
        h = h &* Self.p2
        h ^= h >> 29
        h = h &* 0x1656_67B1_9E37_79F9
        h ^= h >> 32
        return h
    }
}

/// A build's article records read where they lie: a record passed or mapped is copied, a retain
/// and a release of each of its fields, on memory long since cold; these loops read only the
/// fields they need. Valid only within `with`.
struct RecordsInPlace: @unchecked Sendable {
    private let base: UnsafePointer<ArticleRecord>?
    let count: Int

    subscript(i: Int) -> UnsafePointer<ArticleRecord> { base! + i }

    static func with<T>(_ records: [ArticleRecord], _ body: (RecordsInPlace) throws -> T) rethrows -> T {
        try records.withUnsafeBufferPointer { try body(RecordsInPlace(base: $0.baseAddress, count: $0.count)) }
    }
}
