import ChronicleMarkdown
import ChronicleTagger
import ChronicleTime
import Foundation

/// Builds the timeline of a site folder: the pipeline's steps, in order, in one place.
///
///   1. config     read `chronicle.yml`
///   2. discover   list the article files under the content folder
///   3. read       hash every file; parse front matter and body of new or changed ones
///   4. analyse    boilerplate, sentences, time expressions, sentence dates (new or changed articles)
///   5. merge      group mentions into events, period by period (only periods whose mentions changed)
///
/// With a `BuildCache`, an article whose bytes, boilerplate verdicts and slug are unchanged is
/// not read past its hash, and a period none of whose articles changed is not re-merged. The
/// result is the same as a build from scratch: the cache only skips work whose outcome it holds.
/// Articles are analysed on all cores, each dropped once its mentions are taken (its page is
/// rendered from a second reading).
public struct TimelineBuilder: Sendable {
    public var siteDirectory: URL
    public var contentDirectory: URL
    public var includeDrafts: Bool
    /// Where results are kept between builds; nil keeps analysed articles in memory.
    public var cache: BuildCache?
    /// False ignores what the cache holds (and replaces it), as `chronicle build --clean` does.
    public var readsCache = true
    /// Called (from any thread) with each article analysed in this build, its record, its
    /// mentions and the build's cache, before the article is dropped: the site renders its body then.
    public var analysed: (@Sendable (Article, ArticleRecord, [EventMerger.Candidate], BuildCache?) -> Void)?
    /// Called (from any thread) with each period merged in this build, its events, the content
    /// hash of every article by slug and the build's cache, before the events are dropped: the site
    /// digests the period then, so that a large build need not read its events back for that.
    public var merged: (@Sendable (PeriodResult, [Event], [String: UInt64], BuildCache?) -> Void)?
    /// Called with the build's cache (refined with the settings) once the last build's manifest is
    /// decoded (at once when none is read), before the articles are read: the site starts reading its
    /// own state then, on another core, while the articles are read (mostly on one core) rather than
    /// beside the manifest's decoding, which the build waits for.
    public var configured: (@Sendable (BuildCache?) -> Void)?
    /// Write the manifest on another thread while the caller goes on (`TimelineBuild.finishCacheWrites`
    /// waits for it); false writes it before `run` returns.
    public var writesManifestInBackground = false

    public init(siteDirectory: URL, contentDirectory: URL? = nil, includeDrafts: Bool = false, cache: BuildCache? = nil) {
        self.siteDirectory = siteDirectory
        self.contentDirectory = contentDirectory ?? siteDirectory.appendingPathComponent("content", isDirectory: true)
        self.includeDrafts = includeDrafts
        self.cache = cache
    }

    /// Counts reported after each step.
    public struct Statistics: Sendable {
        public var files = 0
        public var articles = 0
        public var skipped = 0
        public var drafts = 0
        /// Articles analysed in this build (the others came from the cache).
        public var analysed = 0
        public var sentences = 0
        public var boilerplateBlocks = 0
        public var expressions = 0
        public var mentions = 0
        public var events = 0
        public var periods = 0
        /// Periods merged in this build (the others were unchanged).
        public var mergedPeriods = 0
        /// The last build's records that left the site or were analysed again (what the cache
        /// keeps of them by their text and verdicts may be left over); nil when no last build was read.
        public var replaced: Int?
    }

    /// The whole timeline in memory, for `chronicle explain` and tests.
    public struct Result: Sendable {
        public var timeline: Timeline
        public var diagnostics: [Diagnostic]
        public var statistics: Statistics
        /// True when some input could not be used (the build should exit non-zero).
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Runs the steps without a cache and returns every analysed article and event.
    public func build(progress: (String) -> Void = { _ in }) throws(Diagnostic) -> Result {
        var builder = self
        builder.cache = nil
        let run = try withoutActuallyEscaping(progress) { step throws(Diagnostic) in try builder.run(progress: BuildProgress(step: step)) }
        do {
            let articles = try run.articles.map { try run.article($0) }
            let events = try run.periods.flatMap { try run.events($0.period) }
            return Result(timeline: Timeline(config: run.config, articles: articles, events: events,
                                             entities: run.names.entities(Self.eventIDs(byName: events))),
                          diagnostics: run.diagnostics, statistics: run.statistics)
        } catch {
            throw FileErrorText.diagnostic(error, otherwise: contentDirectory.path)
        }
    }

    /// The ids of the events naming each actor, in the order of `events`.
    public static func eventIDs(byName events: [Event]) -> [String: [String]] {
        var ids: [String: [String]] = [:]
        for event in events { for name in event.entities { ids[name, default: []].append(event.id) } }
        return ids
    }

    /// Runs the steps. When the cache turns out to be inconsistent (a file it names is gone),
    /// the build starts over without it.
    public func run(progress: BuildProgress = BuildProgress()) throws(Diagnostic) -> TimelineBuild {
        do {
            return try attempt(progress: progress, readsCache: readsCache)
        } catch BuildFailure.cacheInconsistent {
            progress.step("the cache is incomplete: rebuilding from scratch")
        } catch BuildFailure.input(let d) {
            throw d
        } catch {
            throw FileErrorText.diagnostic(error, otherwise: contentDirectory.path)
        }
        do {
            return try attempt(progress: progress, readsCache: false)
        } catch BuildFailure.input(let d) {
            throw d
        } catch {
            throw FileErrorText.diagnostic(error, otherwise: contentDirectory.path)
        }
    }

    enum BuildFailure: Error {
        case input(Diagnostic)
        case cacheInconsistent
    }

    private func attempt(progress: BuildProgress, readsCache: Bool) throws -> TimelineBuild {
        var diagnostics: [Diagnostic] = []
        var stats = Statistics()
        let config: SiteConfig
        do {
            config = try readConfig(&diagnostics)
        } catch {
            throw BuildFailure.input(error)
        }
        let cache = self.cache?.refined(with: "timezone=\(config.timeZone.identifier)")
        // The last build's manifest needs only the cache: decoded (and its records indexed by path)
        // on another core while this one lists the content folder.
        let lastBuild = readsCache ? cache.map { cache in Prefetched { LastBuild(cache) } } : nil
        let paths: [String]
        do {
            paths = try discover()
        } catch {
            throw BuildFailure.input(error)
        }
        do {
            try cache?.prepareFolder()
        } catch {
            throw BuildFailure.input(error)
        }
        stats.files = paths.count
        progress.step("found \(paths.count) article file\(paths.count == 1 ? "" : "s") in \(contentDirectory.path)")

        // Paths joined as strings: a `URL` per file cost more than reading and hashing it.
        let folder = contentDirectory.path.hasSuffix("/") ? contentDirectory.path : contentDirectory.path + "/"
        // Before any article is looked at: the stamps of this build's records are settled when older.
        let readStart = cache?.markReadStart()
        // A rebuild stats every file on the other cores while the manifest is decoded; only files
        // whose settled stamp the manifest does not hold are read (and hashed) again.
        let manifestPath = cache?.url(CacheManifest.fileName).path
        let stamps: Prefetched<[FileStamp?]>? = readsCache && manifestPath.map { FileManager.default.fileExists(atPath: $0) } == true
            ? Prefetched { FileStamp.stamps(of: paths, in: folder) }
            : nil
        // Taken, not copied: the site-wide counts it holds are then updated in place.
        let last = lastBuild?.take()
        configured?(cache)
        var manifest = last?.manifest
        let settledBefore = manifest?.readStart
        let oldRecords = manifest?.records ?? []
        let previousIndex = last?.index ?? [:]

        // Read: hash every file, parse the new and changed ones.
        let reader = ArticleReader(config: config)
        let counter = progress.counter("read", total: paths.count)
        var records: [ArticleRecord] = []
        /// Beside each record: its index among the last build's records (each path looked up once),
        /// and whether its file was parsed now (new or changed bytes).
        var origins: [(old: Int?, isParsed: Bool)] = []
        records.reserveCapacity(paths.count)
        origins.reserveCapacity(paths.count)
        // Parsed articles wait here for their analysis, each released once analysed (memory stays bounded).
        let parsed = Handoff<String, Article>()
        let known = stamps?.value
        for (i, (outcome, old)) in concurrentMap(Array(paths.indices), { i in
            defer { counter.advance() }
            let k = previousIndex[paths[i]]
            let old = k.map { (contentHash: oldRecords[$0].contentHash, stamp: oldRecords[$0].stamp) }
            return (read(paths[i], in: folder, reader: reader, previous: old, stamp: known?[i] ?? nil, settledBefore: settledBefore), k)
        }).enumerated() {
            switch outcome {
            case .failed(let d):
                diagnostics.append(d)
                stats.skipped += 1
            case .cached(let stamp):
                // The one copy of the last build's record (made in place: a local copy appended
                // would be a second), its slug claimed anew.
                records.append(oldRecords[old!])
                let last = records.count - 1
                if records[last].slug != records[last].requestedSlug { records[last].slug = records[last].requestedSlug }
                if records[last].stamp != stamp { records[last].stamp = stamp }
                origins.append((old, false))
            case .parsed(let record, let article):
                records.append(record)
                origins.append((old, true))
                parsed.put(article, for: paths[i])
            }
        }
        for i in records.indices where records[i].included != (includeDrafts || !records[i].draft) {
            records[i].included.toggle()
        }
        stats.drafts = records.count { !$0.included }
        let (slugWarnings, slugTable) = assignSlugs(&records)
        diagnostics += slugWarnings
        // Sorted by keys worked out once, records moved, not copied (each copy retains its many fields).
        let includedIndices = records.indices.filter { records[$0].included }
        origins = includedIndices.map { origins[$0] }
        records.removeAll { !$0.included }
        let keys = records.map { $0.orderKey }
        let order = records.indices.sorted { keys[$0] < keys[$1] }
        records.permute(to: order)
        origins.permute(to: order)
        // Each slug's record in timeline order: the slugs' table as it is, each index replaced (no key hashed again).
        var placeOf = [Int](repeating: 0, count: includedIndices.count == 0 ? 0 : includedIndices.last! + 1)
        for (k, j) in order.enumerated() { placeOf[includedIndices[j]] = k }
        let rank = slugTable.mapValues { placeOf[$0] }
        stats.articles = records.count
        progress.step("read \(stats.articles) article\(stats.articles == 1 ? "" : "s")"
            + (stats.skipped > 0 ? ", skipped \(stats.skipped) with errors" : "")
            + (stats.drafts > 0 ? ", left out \(stats.drafts) draft\(stats.drafts == 1 ? "" : "s")" : ""))

        // Analyse what is new or changed, or whose boilerplate verdicts changed with the other articles.
        // A rebuild updates the last build's counts by the texts that changed, and works out again
        // only the verdicts that read a changed count.
        /// Whether each of the last build's records is still on the site, and with the same text.
        var stays = [Bool](repeating: false, count: oldRecords.count), present = stays
        for (old, isParsed) in origins {
            guard let old else { continue }
            present[old] = true
            stays[old] = !isParsed
        }
        /// The last build's records that left or whose text changed: their evidence is taken away.
        let replaced = oldRecords.indices.filter { !stays[$0] }
        var boilerplate: BoilerplateTally
        var change: BoilerplateTally.Change?
        if manifest != nil {
            // Moved out of the manifest, so that the update changes the counts in place.
            boilerplate = manifest!.boilerplate
            manifest!.boilerplate = BoilerplateTally()
            do {
                change = try boilerplate.update(removing: replaced.map { oldRecords[$0].evidence },
                                                adding: records.indices.filter { origins[$0].isParsed }.map { records[$0].evidence })
            } catch {
                throw BuildFailure.cacheInconsistent
            }
        } else {
            boilerplate = BoilerplateTally(records.map(\.evidence))
        }
        let detector = BoilerplateDetector(tally: boilerplate)
        let store = ArticleStore(keeps: cache == nil)
        var kinds: [ChangeKind] = []
        var toAnalyse: [Int] = []
        // Worked out on all cores (each article's alone); nil where the verdicts stay as they were.
        let newVerdicts: [[Bool]?] = {
            // Shared with `records` only while this runs (a record changed below is then not copied).
            let (current, parsedNow) = (records, origins.map(\.isParsed))
            return concurrentMap(Array(current.indices)) { [change] i in
                change.map { parsedNow[i] || $0.touches(current[i].storedEvidence) } == false ? nil : detector.verdicts(current[i].evidence)
            }
        }()
        for i in records.indices {
            let verdicts = newVerdicts[i] ?? records[i].verdicts
            let old = origins[i].old.flatMap { oldRecords[$0].included ? $0 : nil }
            let kind = ChangeKind(slug: records[i].slug, previousSlug: old.map { oldRecords[$0].slug },
                                  previousVerdicts: old.map { oldRecords[$0].verdicts }, verdicts: verdicts, isParsed: origins[i].isParsed)
            kinds.append(kind)
            if kind == .analysed {
                records[i].verdicts = verdicts
                toAnalyse.append(i)
            }
        }
        let analysisCounter = progress.counter("analyse", total: toAnalyse.count)
        let snapshot = toAnalyse.map { records[$0] }
        // Fresh mentions by period, in their cache encoding, handed to the merge of their period;
        // with a cache they wait in files, so memory does not grow with the site.
        let fresh = MentionSpill(folder: cache?.url(MentionSpill.folderName))
        for (k, result) in concurrentMap(Array(toAnalyse.indices), { k in
            defer { analysisCounter.advance() }
            return Swift.Result {
                let (record, candidates) = try analyse(snapshot[k], parsed: parsed.take(snapshot[k].sourcePath), reader: reader,
                                                       store: store, cache: cache)
                // Handed on here, not returned: the merge sorts each period's mentions by article and position.
                var byPeriod: [Period: CacheWriter] = [:]
                // Every candidate of the article has the article's story names: encoded once.
                var story = CacheWriter()
                if let first = candidates.first { story.strings(first.storyNames) }
                for c in candidates { c.write(to: &byPeriod[c.period!, default: CacheWriter()], storyNames: story.bytes) }
                for (period, out) in byPeriod { try fresh.append(out.bytes, to: period) }
                return record
            }
        }).enumerated() {
            records[toAnalyse[k]] = try result.get()
        }
        stats.analysed = toAnalyse.count
        if manifest != nil { stats.replaced = replaced.count + toAnalyse.count { !origins[$0].isParsed } }
        for i in records.indices {
            stats.sentences += records[i].counts.sentences
            stats.expressions += records[i].counts.expressions
            stats.boilerplateBlocks += records[i].counts.boilerplateBlocks
            if !records[i].warnings.isEmpty { diagnostics += records[i].warnings.map { displayed($0) } }
        }
        // Names across articles: the last build's sums, less the evidence of the articles that left or
        // were analysed again, plus that of the articles analysed now.
        var nameTally: NameTally
        do {
            if manifest != nil {
                // Moved out of the manifest, so that the sums change in place.
                nameTally = manifest!.names
                manifest!.names = NameTally()
                for k in replaced { try nameTally.remove(oldRecords[k].names) }
                for i in toAnalyse where !origins[i].isParsed { try nameTally.remove(oldRecords[origins[i].old!].names) }
                for i in toAnalyse { nameTally.add(try records[i].names) }
            } else {
                nameTally = NameTally(try records.map { try $0.names })
            }
        } catch {
            throw BuildFailure.cacheInconsistent
        }
        let names = SiteNames(tally: nameTally)
        progress.step("analysed \(stats.sentences) sentences: \(stats.expressions) time expressions, "
            + "\(stats.boilerplateBlocks) boilerplate paragraphs"
            + (cache != nil && readsCache && stats.analysed < stats.articles
                ? " (\(stats.analysed) article\(stats.analysed == 1 ? "" : "s") analysed, the rest unchanged)" : ""))

        // Merge the periods whose mentions changed.
        let oldPeriods = Dictionary(manifest?.periods.map { ($0.period, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        var dirty = Set<Period>()
        var renamed: [String: String] = [:]  // old slug → new slug, for articles only renamed
        for i in records.indices {
            switch kinds[i] {
            case .unchanged:
                break
            case .renamed:
                renamed[oldRecords[origins[i].old!].slug] = records[i].slug
                dirty.formUnion(records[i].periods)
            case .analysed:
                dirty.formUnion(records[i].periods)
                if let k = origins[i].old, oldRecords[k].included { dirty.formUnion(oldRecords[k].periods) }
            }
        }
        for k in oldRecords.indices where oldRecords[k].included && !present[k] {
            dirty.formUnion(oldRecords[k].periods)
        }
        // A period of an article that left changes too; so does one nothing points at any more.
        var periodSet = Self.periods(of: records)
        for period in oldPeriods.keys where !periodSet.contains(period) { dirty.insert(period) }
        periodSet.formUnion(dirty)

        // The largest periods (by their last mention count) first, so the last to finish is a small one.
        let dirtyList = dirty.sorted { a, b in
            let (x, y) = (oldPeriods[a]?.mentionCount ?? 0, oldPeriods[b]?.mentionCount ?? 0)
            return x != y ? x > y : a < b
        }
        // An old slug's mentions stay as they are when the article that has it now is unchanged (then
        // it had that slug before, and slugs are unique): found by the slugs' table, no set of its own.
        let (renamedSlugs, included, changeKinds) = (renamed, records, kinds)
        let mergeCounter = progress.counter("merge", total: dirtyList.count)
        let merger = EventMerger()
        // A clean build keeps the events of its first periods for their pages, up to a number of
        // mentions (`TimelineBuild.keptMentionLimit`); a rebuild that merges a few keeps them all.
        let keptEvents = Budget(dirtyList.count <= TimelineBuild.recentLimit ? .max : TimelineBuild.keptMentionLimit)
        let hook: (@Sendable (PeriodResult, [Event]) -> Void)? = self.merged.map { merged in
            // The slugs' table as it is, each index replaced by the article's hash: no key hashed again.
            let hashes = rank.mapValues { records[$0].contentHash }
            return { merged($0, $1, hashes, cache) }
        }
        // A core is free once fewer periods than cores are left: the last ones' parts are shared then.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let helpWhen: @Sendable () -> Bool = { mergeCounter.left < cores }
        let merged: [Swift.Result<MergedPeriod?, Error>] = concurrentMap(dirtyList) { period in
            defer { mergeCounter.advance() }
            return Swift.Result {
                // The candidates, each with its index among the period's previous candidates (nil
                // when new) and its bytes as they are written: a new one's as analysis wrote them, one
                // kept as it was as the previous period file holds them (nil for one renamed).
                var candidates: [EventMerger.Candidate] = []
                var origins: [Int?] = []
                var encoded: [ArraySlice<UInt8>?] = []
                if let bytes = try fresh.take(period) {
                    var input = CacheReader(bytes)
                    var decoder = CandidateDecoder()
                    while !input.isAtEnd {
                        let start = input.offset
                        candidates.append(try decoder.candidate(&input))
                        origins.append(nil)
                        encoded.append(try input.bytes(at: start..<input.offset))
                    }
                }
                var memory: MonthGrouping.Memory?
                var lastGroups: [[Int]]?
                if let entry = oldPeriods[period] {
                    // The last file's candidates of the articles that stay, each moved in as it is read.
                    let last = cache?.read(at: entry.path) { input -> (count: Int, groups: [[Int]]) in
                        let count = try input.length()
                        var decoder = CandidateDecoder()
                        // Sized once (a list grown by doubling touches twice its memory, all of it fresh).
                        candidates.reserveCapacity(candidates.count + count)
                        origins.reserveCapacity(origins.count + count)
                        encoded.reserveCapacity(encoded.count + count)
                        // An article's mentions are next to each other: each article is looked up once.
                        var article = "", isKept = false, renamedTo: String?
                        for i in 0..<count {
                            let start = input.offset
                            // Read into place (and taken back out when its article left): never copied.
                            candidates.append(try decoder.candidate(&input))
                            let last = candidates.count - 1
                            if candidates[last].mention.article != article {
                                article = candidates[last].mention.article
                                isKept = rank[article].map { changeKinds[$0] == .unchanged } ?? false
                                renamedTo = isKept ? nil : renamedSlugs[article]
                            }
                            if isKept {
                                encoded.append(try input.bytes(at: start..<input.offset))
                            } else if let slug = renamedTo {
                                candidates[last].mention.article = slug
                                encoded.append(nil)
                            } else {
                                candidates.removeLast()
                                continue
                            }
                            origins.append(i)
                        }
                        let groups = try input.array { try $0.ints() }
                        guard groups.allSatisfy({ $0.allSatisfy { (0..<count).contains($0) } }) else {
                            throw CacheReader.corrupt("group member out of range")
                        }
                        return (count, groups)
                    }
                    guard let last else { throw BuildFailure.cacheInconsistent }
                    lastGroups = last.groups
                    memory = cache?.read(MonthGrouping.Memory.self, at: entry.groupingPath).flatMap {
                        $0.candidateCount == last.count ? $0 : nil
                    }
                }
                guard !candidates.isEmpty else { return nil }
                // In timeline order: by article, then position (each article's rank looked up once).
                var order: [(Int, Int)] = []
                order.reserveCapacity(candidates.count)
                var lastArticle = "", lastRank = 0
                for i in candidates.indices {
                    if candidates[i].mention.article != lastArticle {
                        (lastArticle, lastRank) = (candidates[i].mention.article, rank[candidates[i].mention.article]!)
                    }
                    order.append((lastRank, candidates[i].position))
                }
                let sorted = candidates.indices.sorted { order[$0] < order[$1] }
                if sorted != Array(candidates.indices) {
                    // Moved into place, not copied (a copy retains each of a candidate's many fields).
                    candidates.permute(to: sorted)
                    origins.permute(to: sorted)
                    encoded.permute(to: sorted)
                }
                let keepsEvents = keptEvents.take(candidates.count)
                return try MergedPeriod(period, candidates: consume candidates, merger: merger, names: names, cache: cache,
                                        records: included, rank: rank, previous: (consume memory).map { ($0, origins) },
                                        keepsEvents: keepsEvents, encoded: encoded, helpWhen: helpWhen,
                                        merged: hook, last: lastGroups.map { groups in
                                            (groups, origins, oldPeriods[period]!.result(changed: false, names: names).hash)
                                        })
            }
        }
        fresh.finish()
        var periods: [PeriodResult] = []
        var loaded: [Period: [Event]] = [:]
        var entries: [CacheManifest.PeriodEntry] = []
        var mergedByPeriod: [Period: MergedPeriod] = [:]
        for (k, period) in dirtyList.enumerated() { if let m = try merged[k].get() { mergedByPeriod[period] = m } }
        for period in periodSet.sorted() {
            if let m = mergedByPeriod[period] {
                periods.append(m.result)
                entries.append(CacheManifest.PeriodEntry(m.result, openNames: m.openNames))
                if let events = m.events { loaded[period] = events }
            } else if !dirty.contains(period), let entry = oldPeriods[period] {
                periods.append(entry.result(changed: false, names: names))
                entries.append(entry)
            }
        }
        stats.periods = periods.count
        stats.mergedPeriods = mergedByPeriod.count
        stats.mentions = periods.reduce(0) { $0 + $1.mentionCount }
        stats.events = periods.reduce(0) { $0 + $1.eventCount }
        progress.step("merged \(stats.mentions) mentions into \(stats.events) events"
            + (cache != nil && readsCache && stats.mergedPeriods < stats.periods
                ? " (\(stats.mergedPeriods) of \(stats.periods) periods re-merged)" : ""))

        let cacheWrites = CacheWrites()
        if let cache {
            // A record unchanged since the last build is written as its bytes were read.
            let oldBytes = manifest?.encoded ?? []
            let encoded = records.indices.map { i in
                kinds[i] == .unchanged ? origins[i].old.flatMap { k in
                    k < oldBytes.count && oldRecords[k].stamp == records[i].stamp ? oldBytes[k] : nil
                } : nil
            }
            // A build that changed nothing leaves the manifest as it is (it would be written with the
            // same records and periods), when its records' stamps were all settled before the build
            // that wrote it started reading: its older read start then settles them as well.
            let lastPeriodCount = manifest?.periods.count
            let asRead = lastPeriodCount.map { lastPeriodCount in
                replaced.isEmpty && toAnalyse.isEmpty && dirty.isEmpty && entries.count == lastPeriodCount
                    && records.count == oldRecords.count && records.indices.allSatisfy { i in
                        kinds[i] == .unchanged && origins[i].old == i && encoded[i] != nil
                            && settledBefore.map { records[i].stamp?.isSettled(readStart: $0) == true } == true
                    }
            } ?? false
            let manifest = CacheManifest(readStart: readStart, records: records, periods: entries, encoded: encoded,
                                         boilerplate: boilerplate, names: nameTally)
            let kept = Set(periods.map { CacheManifest.PeriodEntry.name(period: $0.period, hash: $0.fileHash) })
            // Period files are all written: the manifest that names them comes next, then the old ones go.
            try cacheWrites.run(inBackground: writesManifestInBackground) {
                if !asRead { try cache.write(manifest, at: CacheManifest.fileName) }
                cache.removeFiles(in: "periods", keeping: kept)
                cache.removeFiles(in: "grouping", keeping: kept)
            }
        }
        return TimelineBuild(config: config, articles: records, periods: periods, loaded: loaded, store: store, cache: cache,
                             names: names, diagnostics: diagnostics, statistics: stats, contentDirectory: contentDirectory,
                             cacheWrites: cacheWrites)
    }

    /// The last build's manifest, with each record's index by its path (a record is costly to copy:
    /// each copy retains its many fields); nil fields when there is none to read.
    struct LastBuild {
        var manifest: CacheManifest?
        var index: [String: Int] = [:]

        init(_ cache: BuildCache) {
            manifest = cache.read(CacheManifest.self, at: CacheManifest.fileName)
            if let records = manifest?.records {
                index = Dictionary(records.indices.map { (records[$0].sourcePath, $0) }, uniquingKeysWith: { a, _ in a })
            }
        }
    }

    /// The periods the records' mentions fall in. Records in timeline order mostly repeat the periods
    /// just seen: each is hashed only when a small table of recent periods (by month) does not hold it.
    static func periods(of records: [ArticleRecord]) -> Set<Period> {
        var periods = Set<Period>()
        var recent = [Period?](repeating: nil, count: 64)
        for i in records.indices {
            for period in records[i].periods {
                let slot = (period.year &* 13 &+ (period.month ?? 0)) & 63
                if recent[slot] != period {
                    recent[slot] = period
                    periods.insert(period)
                }
            }
        }
        return periods
    }

    // MARK: Steps

    enum ReadOutcome: Sendable {
        /// The last build's record holds (same bytes); the file's stamp is now this.
        case cached(stamp: FileStamp?)
        case parsed(ArticleRecord, Article)
        case failed(Diagnostic)
    }

    /// How an article stands against the previous build.
    enum ChangeKind: Equatable {
        /// Same bytes, verdicts and slug: its mentions stay as they were.
        case unchanged
        /// Same bytes and verdicts, another slug (an article added before it took its slug).
        case renamed
        /// New, changed, newly included, or its boilerplate verdicts changed: analysed now.
        case analysed

        /// - Parameter previousSlug: the slug of the last build's record of the file, nil when there was none on the site.
        init(slug: String, previousSlug: String?, previousVerdicts: [Bool]?, verdicts: [Bool], isParsed: Bool) {
            guard !isParsed, let previousSlug, previousVerdicts == verdicts else { self = .analysed; return }
            self = previousSlug == slug ? .unchanged : .renamed
        }
    }

    /// - Parameters:
    ///   - folder: the content folder's path, ending in `/`.
    ///   - previous: what the last build's record of the file says about it, when it has one.
    ///   - stamp: the file's stamp as found a moment ago; the last build's record of the file is taken
    ///     without reading it when it has the same stamp, settled before `settledBefore` (`FileStamp`).
    func read(_ path: String, in folder: String, reader: ArticleReader, previous: (contentHash: UInt64, stamp: FileStamp?)?,
              stamp: FileStamp? = nil, settledBefore: Int64? = nil) -> ReadOutcome {
        if let stamp, let settledBefore, let previous, previous.stamp == stamp, stamp.isSettled(readStart: settledBefore) {
            return .cached(stamp: stamp)
        }
        var readStamp: FileStamp?
        guard let data = FileBytes.read(folder + path, stamp: &readStamp) else {
            return .failed(Diagnostic(.error, file: displayPath(path), "cannot read the file"))
        }
        let hash = ContentHash.xxh64(data)
        if previous?.contentHash == hash { return .cached(stamp: readStamp) }
        do {
            var (article, warnings) = try reader.read(bytes: data, path: path)
            article.sourcePath = path
            return .parsed(ArticleRecord(sourcePath: path, contentHash: hash, stamp: readStamp, article: article, warnings: warnings), article)
        } catch {
            return .failed(displayed(error))
        }
    }

    func analyse(_ input: ArticleRecord, parsed: Article?, reader: ArticleReader, store: ArticleStore,
                 cache: BuildCache?) throws -> (ArticleRecord, [EventMerger.Candidate]) {
        var record = input
        var article: Article
        if let parsed {
            article = parsed
        } else {
            // Cached, but its boilerplate verdicts changed: read it again.
            guard let data = FileManager.default.contents(atPath: contentDirectory.appendingPathComponent(record.sourcePath).path),
                  ContentHash.xxh64(data) == record.contentHash else { throw BuildFailure.cacheInconsistent }
            do { article = try reader.read(bytes: [UInt8](data), path: record.sourcePath).0 } catch { throw BuildFailure.input(error) }
            article.sourcePath = record.sourcePath
        }
        // Names in boilerplate count nowhere: the article's evidence, its story names and its mentions all skip it.
        ArticleAnalyzer(boilerplate: BoilerplateDetector(evidence: [])).analyse(&article, boilerplate: record.verdicts, recognisesNames: true)
        article.slug = record.slug
        let (names, evidence, storyNames) = ArticleNames.resolve(article)
        record.storedNames = .decoded(evidence)
        var candidates: [EventMerger.Candidate] = []
        var counts = ArticleRecord.Counts()
        var position = 0
        var unresolved = 0
        for (blockIndex, block) in article.blocks.enumerated() {
            counts.sentences += block.sentences.count
            if block.isBoilerplate { counts.boilerplateBlocks += 1 }
            // Each sentence read where it lies: a copy would retain each of its texts and arrays.
            let sentences = block.sentences
            for index in sentences.indices {
                defer { position += 1 }
                let timexes = sentences[index].timexes
                counts.expressions += timexes.count
                for t in timexes.indices where timexes[t].anchor == .unresolved { unresolved += 1 }
                guard !block.isBoilerplate, block.block.kind == .paragraph, let value = sentences[index].date,
                      value.interval != nil, TenseCues.hasWords(sentences[index].text, atLeast: 3) else { continue }
                let anchor = sentences[index].anchorTimex
                let mention = Mention(article: record.slug, blockOrdinal: block.block.ordinal, sentenceIndex: index,
                                      sentence: sentences[index].text, expression: anchor.map { timexes[$0].text },
                                      expressionRange: anchor.map { timexes[$0].utf8Range },
                                      value: value, resolution: sentences[index].explanation, names: names[blockIndex][index])
                candidates.append(.init(mention: mention, status: sentences[index].status, dateSource: sentences[index].dateSource,
                                        position: position, filedIn: Self.publicationMonth(of: value, published: record.published),
                                        published: record.published?.date, storyNames: storyNames))
            }
        }
        counts.mentions = candidates.count
        record.counts = counts
        record.periods = Array(Set(candidates.compactMap(\.period))).sorted()
        record.warnings.removeAll { $0.message.hasSuffix(ArticleRecord.unresolvedSuffix) }
        if unresolved > 0 {
            record.warnings.append(Diagnostic(.warning, file: record.sourcePath, line: nil,
                "\(unresolved) relative date expression\(unresolved == 1 ? "" : "s") \(ArticleRecord.unresolvedSuffix)"))
        }
        store.put(article, for: record)
        analysed?(article, record, candidates, cache)
        return (record, candidates)
    }

    /// The month an article was published in, for a value longer than a month that holds its
    /// publication day (`EventMerger.Candidate.filedIn`).
    static func publicationMonth(of value: TimexValue, published: PublicationTime?) -> Period? {
        guard let published, let period = Period(of: value), period.month == nil, let interval = value.interval,
              interval.start <= published.date, published.date <= interval.end else { return nil }
        return Period(year: published.date.year, month: published.date.month)
    }

    /// Unique slugs, first come (in path order) keeps the plain one; returns the warnings and the
    /// index of each slug's record.
    func assignSlugs(_ records: inout [ArticleRecord]) -> (warnings: [Diagnostic], records: [String: Int]) {
        var warnings: [Diagnostic] = []
        /// Each slug used: how many articles asked for it (for the next one's suffix), and whose it is.
        var used: [String: (count: Int, record: Int)] = .init(minimumCapacity: records.count)
        for i in records.indices where records[i].included {
            let base = records[i].requestedSlug
            if records[i].slug != base { records[i].slug = base }
            // One lookup for the common case, a slug not used yet (a used one gets its own back below).
            if let first = used.updateValue((1, i), forKey: base) {
                var k = first.count + 1
                while used["\(base)-\(k)"] != nil { k += 1 }
                used[base] = (k, first.record)
                records[i].slug = "\(base)-\(k)"
                used[records[i].slug] = (1, i)
                warnings.append(Diagnostic(.warning, file: displayPath(records[i].sourcePath),
                                           "slug `\(base)` is already used; this article is `\(records[i].slug)`"))
            }
        }
        return (warnings, used.mapValues { $0.record })
    }

    func readConfig(_ diagnostics: inout [Diagnostic]) throws(Diagnostic) -> SiteConfig {
        let url = siteDirectory.appendingPathComponent(SiteConfigReader.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfig() }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(.error, file: url.path, "cannot read the site config (not readable or not UTF-8)")
        }
        let (config, warnings) = try SiteConfigReader.read(text, path: url.path)
        diagnostics += warnings
        return config
    }

    /// Article files below the content folder, as sorted relative paths; hidden files and folders
    /// are skipped, and so are links that lead out of the folder. Lists folders with `readdir`
    /// (Foundation's enumerator took half a second for 10,000 files).
    func discover() throws(Diagnostic) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(.error, file: contentDirectory.path, "the content folder does not exist")
        }
        let base = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        var paths: [String] = []
        func walk(_ relative: String) {
            let dirPath = relative.isEmpty ? base : base + "/" + relative
            guard let dir = opendir(dirPath) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                // Looked at on bytes: a String is made only for a folder or an article.
                let (hidden, article) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    let name = raw.prefix { $0 != 0 }
                    return (name.first == UInt8(ascii: "."), Self.isArticle(name))
                }
                let type = Int32(entry.pointee.d_type)
                guard !hidden, article || type != Int32(DT_REG) else { continue }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch type {
                case Int32(DT_DIR):
                    walk(path)
                case Int32(DT_REG):
                    paths.append(path)
                default:
                    // A link (or a file system that does not say): an article if it is a regular file inside the folder.
                    var info = stat()
                    let full = base + "/" + path
                    guard article, stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                          URL(fileURLWithPath: full).resolvingSymlinksInPath().path.hasPrefix(base + "/") else { continue }
                    paths.append(path)
                }
            }
        }
        walk("")
        return paths.sorted()
    }

    /// Whether a file name (its UTF-8 bytes) ends in one of `ArticleReader.extensions`, in any case.
    static func isArticle<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return false }
        let suffix = name[name.index(after: dot)...]
        guard suffix.allSatisfy({ $0 < 0x80 }) else {
            return ArticleReader.extensions.contains(String(decoding: suffix, as: UTF8.self).lowercased())
        }
        return ArticleReader.extensions.contains(String(decoding: suffix.map { (65...90).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self))
    }

    /// A diagnostic about a content file, with the path shown relative to the current folder when it is below it.
    func displayed(_ d: Diagnostic) -> Diagnostic {
        var d = d
        if !d.file.hasPrefix("/") { d.file = displayPath(d.file) }
        return d
    }

    /// The path shown in messages: relative to the current folder when the content folder is below it.
    func displayPath(_ relative: String) -> String {
        let full = contentDirectory.appendingPathComponent(relative).standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        return full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
    }
}

extension ArticleRecord {
    static let unresolvedSuffix = "left unresolved: the article has no publication date"
}

/// `transform` applied on all cores; results keep the input order, so output is deterministic.
/// Each result is made in its place in the new array (each index by one iteration alone: no lock,
/// no optional per result, no copy into the array after).
public func concurrentMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    Array(unsafeUninitializedCapacity: items.count) { buffer, count in
        let results = Slots(base: buffer.baseAddress)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in (results.base! + i).initialize(to: transform(items[i])) }
        count = items.count
    }
}

/// `body` for each of `0..<iterations` on the calling thread, and, once `helpWhen` says a core is
/// free (asked before each iteration the calling thread takes), on the pool's threads as well: for
/// work inside `concurrentMap`, where a nested `concurrentPerform` runs on the calling thread alone
/// (libdispatch gives a nested apply the share of the cores its parent leaves, none when the parent
/// has as many iterations as cores), and where a helper while every core is busy only adds a thread.
/// The calling thread takes whatever iterations no other thread has taken, so none waits for a
/// thread to start; it returns once all are done. A helper that starts late finds nothing left.
func sharedPerform(iterations: Int, helpWhen: (@Sendable () -> Bool)?, _ body: @escaping @Sendable (Int) -> Void) {
    guard let helpWhen, iterations > 1 else {
        for i in 0..<iterations { body(i) }
        return
    }
    let shared = SharedIterations(count: iterations, body: body)
    var helped = false
    repeat {
        if !helped, helpWhen() {
            helped = true
            for _ in 0..<min(iterations, ProcessInfo.processInfo.activeProcessorCount) - 1 {
                DispatchQueue.global().async { shared.run(once: false) }
            }
        }
    } while shared.run(once: true)
    shared.wait()
}

/// The iterations of a `sharedPerform`: each taken by one thread, counted when done.
private final class SharedIterations: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var done = 0
    private let count: Int
    private let body: @Sendable (Int) -> Void

    init(count: Int, body: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.body = body
    }

    /// Takes iterations and runs them until none is left, or one only (`once`); false when none was left.
    @discardableResult
    func run(once: Bool) -> Bool {
        while true {
            condition.lock()
            let i = next
            if i < count { next += 1 }
            condition.unlock()
            guard i < count else { return false }
            body(i)
            condition.lock()
            done += 1
            if done == count { condition.broadcast() }
            condition.unlock()
            if once { return true }
        }
    }

    func wait() {
        condition.lock()
        while done < count { condition.wait() }
        condition.unlock()
    }
}

/// The uninitialised storage `concurrentMap` fills, one element per iteration.
private struct Slots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>?
}

/// Cache files written on another thread, waited for (and their error rethrown) once.
final class CacheWrites: @unchecked Sendable {
    private let group = DispatchGroup()
    private var failure: Error?
    private let lock = NSLock()

    func run(inBackground: Bool, _ body: @escaping @Sendable () throws -> Void) throws {
        guard inBackground else { return try body() }
        DispatchQueue.global().async(group: group) { [self] in
            do { try body() } catch {
                lock.lock()
                failure = error
                lock.unlock()
            }
        }
    }

    func finish() throws {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }
}

/// A value worked out on another thread, waited for when it is needed.
public final class Prefetched<T>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: T?

    public init(_ make: @escaping @Sendable () -> T) {
        DispatchQueue.global().async(group: group) { [self] in result = make() }
    }

    public var value: T {
        group.wait()
        return result!
    }

    /// The value, moved out (a later `value` or `take` fails): the caller holds its only copy.
    public func take() -> T {
        group.wait()
        defer { result = nil }
        return result!
    }
}

/// Values waiting for one consumer each, taken (and so released) from any thread.
final class Handoff<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    func put(_ value: Value, for key: Key) {
        lock.lock()
        values[key] = value
        lock.unlock()
    }

    func contains(_ key: Key) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return values[key] != nil
    }

    func take(_ key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values.removeValue(forKey: key)
    }
}

/// Encoded mentions by period, appended from any thread and taken once per period. Given a
/// folder, each period's bytes go to a file of their own once they pass `flushSize` (the folder
/// is emptied first, and removed by `finish`), so what waits for the merge is not held in memory.
final class MentionSpill: @unchecked Sendable {
    static let folderName = "spill"
    static let flushSize = 1 << 18
    private let folder: URL?
    private var pending: [Period: [UInt8]] = [:]
    private var spilled: Set<Period> = []
    private let lock = NSLock()

    init(folder: URL?) {
        self.folder = folder
        if let folder {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    private func path(_ period: Period) -> String { folder!.appendingPathComponent("\(period).bin").path }

    func append(_ bytes: ArraySlice<UInt8>, to period: Period) throws {
        lock.lock()
        defer { lock.unlock() }
        pending[period, default: []] += bytes
        if folder != nil, pending[period]!.count >= Self.flushSize { try flush(period) }
    }

    /// Every byte appended for the period, in order; nil when there are none.
    func take(_ period: Period) throws -> [UInt8]? {
        lock.lock()
        let rest = pending.removeValue(forKey: period)
        let wasSpilled = spilled.contains(period)
        lock.unlock()
        guard wasSpilled else { return rest }
        guard var bytes = FileBytes.read(path(period)) else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path(period)]) }
        try? FileManager.default.removeItem(atPath: path(period))
        bytes += rest ?? []
        return bytes
    }

    func finish() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private func flush(_ period: Period) throws {
        guard let bytes = pending.removeValue(forKey: period) else { return }
        let fd = open(path(period), O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path(period)]) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path(period)]) }
            written += n
        }
        spilled.insert(period)
    }
}

/// A count that threads take from until it runs out.
final class Budget: @unchecked Sendable {
    private var left: Int
    private let lock = NSLock()

    init(_ total: Int) { left = total }

    /// Takes `amount` when that much is left.
    func take(_ amount: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard amount <= left else { return false }
        left -= amount
        return true
    }
}

/// Fixed slots filled concurrently, one writer per slot.
public final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    /// Every slot's value; each must have been set.
    public func values() -> [T] { slots.map { $0! } }

    /// The values set so far, in slot order.
    public var filled: [T] { slots.compactMap { $0 } }
}

extension Array {
    /// Puts the element at `order[k]` at `k` (`order` a permutation of the indices), by swaps:
    /// elements are moved, never copied.
    mutating func permute(to order: [Int]) {
        var placed = [Bool](repeating: false, count: count)
        // Swapped in the buffer: memory moves, where `Array.swapAt` copies (and retains) each element.
        withUnsafeMutableBufferPointer { elements in
            for start in elements.indices where !placed[start] {
                var j = start
                while order[j] != start {
                    elements.swapAt(j, order[j])
                    placed[j] = true
                    j = order[j]
                }
                placed[j] = true
            }
        }
    }
}
