import ChronicleModel
import Foundation

/// One build of a site, content to `public/`: what `chronicle build`, `serve` and `watch` all run.
///
/// Incremental: the site's `.chronicle/` cache keeps each article's analysis (keyed by its bytes,
/// the settings and the tool), each period's mentions and what the output folder holds, so a
/// rebuild analyses only new or changed articles, re-merges only the periods they touch, renders
/// only pages whose inputs changed and rewrites only files whose bytes changed. The output is
/// byte for byte what a build from scratch (`usesCache: false`, `chronicle build --clean`) makes.
///
/// The timeline's steps report through `progress`, then "rendered N files". A build that fails
/// before writing (bad config, template error) leaves the output folder as it was; the first
/// build, or one with `usesCache: false`, writes a fresh folder that replaces the old one in one
/// rename.
public struct SiteBuild: Sendable {
    public var siteDirectory: URL
    public var contentDirectory: URL?
    public var outputDirectory: URL
    public var includeDrafts: Bool
    /// When false, a build in which some article could not be used writes nothing: the preview
    /// keeps serving the last good site instead of one with the article missing.
    public var writesWithArticleErrors: Bool
    /// Reuse what `.chronicle/` holds; false ignores it and builds it anew (`--clean`).
    public var usesCache: Bool
    /// Written into every cache file; a cache made by another version or build of the tool is not
    /// used. The default names the running executable by size and modification time, so a
    /// rebuilt tool never trusts an older one's cache.
    public var toolIdentity: String
    /// A timeline with more events than this gets a page per month.
    public var pagedAbove = SiteRenderer.defaultPagedAbove
    /// False for a build in a process that exits right after it (`chronicle build`): the build's
    /// values (records, events, the site index, page entries: some hundred thousand allocations
    /// at 10,000 articles) are then left for the process's exit to free at once instead of one by
    /// one (as `clang -disable-free` does); about 0.1 s of a 10,000-article rebuild.
    public var freesMemoryAtEnd = true

    /// The cache folder inside a site.
    public static let cacheFolder = ".chronicle"

    /// The running executable, by its size and modification time.
    public static var executableIdentity: String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size) bytes, \(Int64(modified * 1000))"
    }

    public init(siteDirectory: URL, contentDirectory: URL? = nil, outputDirectory: URL? = nil,
                includeDrafts: Bool = false, writesWithArticleErrors: Bool = true, usesCache: Bool = true,
                toolIdentity: String = SiteBuild.executableIdentity) {
        self.siteDirectory = siteDirectory
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory ?? siteDirectory.appendingPathComponent("public", isDirectory: true)
        self.includeDrafts = includeDrafts
        self.writesWithArticleErrors = writesWithArticleErrors
        self.usesCache = usesCache
        self.toolIdentity = toolIdentity
    }

    /// Why a build wrote nothing.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The build could not start (an output folder that holds the site's sources), or the timeline
        /// could not be built at all (unreadable config, missing content folder).
        case timeline(Diagnostic)
        /// Templates could not be loaded or rendered, or the site could not be written.
        case site(String)
        /// A template that cannot be used: described as `templates/x.mustache:LINE:COL: error: …`.
        case template(TemplateError)
        /// Some articles could not be used and `writesWithArticleErrors` is off; they are in `diagnostics`.
        case articleErrors(Int)

        public var description: String {
            switch self {
            case .timeline(let d): d.description
            case .site(let message): "error: \(message)"
            case .template(let error): error.description
            case .articleErrors(let n): "error: \(n) article\(n == 1 ? "" : "s") could not be read; the site was not written"
            }
        }
    }

    public struct Result: Sendable {
        /// Warnings and errors about single articles, in the order found.
        public var diagnostics: [Diagnostic]
        /// Set when the output folder was left unchanged.
        public var failure: Failure?
        /// How many files the site has (0 when it was not rendered).
        public var fileCount: Int
        public var statistics: TimelineBuilder.Statistics?
        /// Pages rendered in this build (the others were unchanged).
        public var renderedCount = 0
        /// Files written, left as they were, and removed.
        public var writtenCount = 0
        public var unchangedCount = 0
        public var removedCount = 0

        public var wroteOutput: Bool { failure == nil }
        /// True when the build should exit non-zero.
        public var hasErrors: Bool { failure != nil || diagnostics.contains { $0.severity == .error } }
        /// Every error as `file:line: error: …`, for the terminal and the preview's overlay.
        public var errorMessages: [String] {
            diagnostics.filter { $0.severity == .error }.map(\.description) + (failure.map { [$0.description] } ?? [])
        }
    }

    public func run(progress: (String) -> Void = { _ in }) -> Result {
        withoutActuallyEscaping(progress) { run(progress: BuildProgress(step: $0)) }
    }

    public func run(progress: BuildProgress) -> Result {
        if let conflict = outputConflict() {
            return Result(diagnostics: [], failure: .timeline(conflict), fileCount: 0, statistics: nil)
        }
        do {
            return try attempt(progress: progress, usesCache: usesCache)
        } catch {
            // The cache lacked something it named (a damaged or deleted file): build from scratch.
            progress.step("the cache is incomplete: building everything again")
            return (try? attempt(progress: progress, usesCache: false))
                ?? Result(diagnostics: [], failure: .site(FileErrorText.describe(error)), fileCount: 0, statistics: nil)
        }
    }

    /// Why the output folder cannot be used, when it is or holds a folder the build reads (the site,
    /// its content, templates or cache: a first build replaces the output folder whole, and would
    /// delete them), or lies inside the content folder (its pages would be read as articles).
    /// Checked before anything is read or written.
    func outputConflict() -> Diagnostic? {
        let output = Self.resolved(outputDirectory)
        let content = Self.resolved(contentDirectory ?? siteDirectory.appendingPathComponent("content", isDirectory: true))
        let site = Self.resolved(siteDirectory)
        func within(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/") }
        let sources = [("the site folder", site), ("the content folder", content),
                       ("the templates folder", Self.resolved(siteDirectory.appendingPathComponent("templates", isDirectory: true))),
                       ("the build cache folder", Self.resolved(siteDirectory.appendingPathComponent(Self.cacheFolder, isDirectory: true)))]
        if let (name, path) = sources.first(where: { within($0.1, output) }) {
            let what = path == output ? "is \(name)" : "holds \(name) \(path)"
            return Diagnostic(.error, file: outputDirectory.standardizedFileURL.path,
                              "the output folder \(what), which a build would replace: choose a folder of its own, such as SITE/public")
        }
        if within(output, content) {
            return Diagnostic(.error, file: outputDirectory.standardizedFileURL.path,
                              "the output folder is inside the content folder \(content), where its pages would be read as articles")
        }
        return nil
    }

    /// A folder's absolute path with `.`, `..` and symbolic links resolved, as far as it exists
    /// (the output need not exist yet).
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL.path
        var rest: [String] = []
        while existing != "/", !FileManager.default.fileExists(atPath: existing) {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let real = realpath(existing, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? existing
        return rest.reduce(real) { ($0 as NSString).appendingPathComponent($1) }
    }

    /// One build; throws only when the cache turns out to miss what it promised.
    private func attempt(progress: BuildProgress, usesCache: Bool) throws(TimelineBuild.Missing) -> Result {
        let cache = BuildCache(directory: siteDirectory.appendingPathComponent(Self.cacheFolder, isDirectory: true),
                               identity: "\(toolIdentity)|schema \(BuildCache.schema)")
        var builder = TimelineBuilder(siteDirectory: siteDirectory, contentDirectory: contentDirectory, includeDrafts: includeDrafts,
                                      cache: cache)
        builder.readsCache = usesCache
        builder.analysed = { article, record, mentions, cache in
            if let cache { ArticleBodies.store(article, record, mentions: mentions, in: cache) }
        }
        let early = MergedDigests()
        builder.merged = { result, events, hashes, cache in early.digest(result, events: events, articleHashes: hashes, cache: cache) }
        // The templates are read and parsed on another core while the timeline is built.
        let templateFolder = siteDirectory.appendingPathComponent("templates", isDirectory: true)
        let templates = Prefetched { Swift.Result { try TemplateSet.load(overridesIn: templateFolder) } }
        // The site's own state is read on another core while the timeline is built (once its manifest
        // is decoded; and the output files it lists checked), and the timeline's manifest written while the site is.
        let state = StateSlot()
        let output = outputDirectory.standardizedFileURL
        if usesCache {
            builder.configured = { cache in
                state.prefetched = Prefetched { SiteUpdate.readState(cache, checkingFilesIn: output) }
            }
        }
        // A re-merged period copies the lines of its unchanged events from the last events.json.
        early.lastEvents = { [state] in
            guard let last = state.prefetched?.value, last.output == output.path, let layout = last.eventsLayout,
                  let entry = last.files["events.json"] else { return nil }
            return (layout, output.appendingPathComponent("events.json").path, entry.stamp)
        }
        builder.writesManifestInBackground = true
        let timeline: TimelineBuild
        do {
            timeline = try builder.run(progress: progress)
        } catch {
            return Result(diagnostics: [], failure: .timeline(error), fileCount: 0, statistics: nil)
        }
        if !freesMemoryAtEnd { ProcessLifetime.keep([timeline, early] as [Any]) }
        // Whatever the site does, the manifest is written before the build returns.
        let site = Swift.Result { () throws(TimelineBuild.Missing) -> Result in
            try self.site(timeline, templates: templates, progress: progress, usesCache: usesCache, early: early, state: state.prefetched)
        }
        do {
            try timeline.finishCacheWrites()
        } catch {
            return Result(diagnostics: timeline.diagnostics, failure: .site("could not write the cache: \(FileErrorText.describe(error))"), fileCount: 0,
                          statistics: timeline.statistics)
        }
        return try site.get()
    }

    /// The site of a built timeline, rendered and written.
    private func site(_ timeline: TimelineBuild, templates: Prefetched<Swift.Result<TemplateSet, Error>>, progress: BuildProgress,
                      usesCache: Bool, early: MergedDigests, state: Prefetched<SiteState?>?) throws(TimelineBuild.Missing) -> Result {
        var result = Result(diagnostics: timeline.diagnostics, failure: nil, fileCount: 0, statistics: timeline.statistics)
        if timeline.hasErrors && !writesWithArticleErrors {
            result.failure = .articleErrors(timeline.diagnostics.filter { $0.severity == .error }.count)
            return result
        }
        do {
            let templates = try templates.value.get()
            var update = SiteUpdate(timeline: timeline, templates: templates, output: outputDirectory.standardizedFileURL,
                                    pagedAbove: pagedAbove, readsState: usesCache, progress: progress, early: early)
            update.previousState = state
            if !freesMemoryAtEnd { update.keep = { ProcessLifetime.keep($0) } }
            let report = try update.run()
            result.fileCount = report.files
            result.renderedCount = report.rendered
            result.writtenCount = report.written
            result.unchangedCount = report.unchanged
            result.removedCount = report.removed
            progress.step("rendered \(report.files) files"
                + (usesCache && report.rendered < report.files ? " (\(report.rendered) rendered, the rest unchanged)" : ""))
        } catch let missing as TimelineBuild.Missing where usesCache {
            throw missing
        } catch let error as TemplateError {
            result.failure = .template(error)
        } catch {
            result.failure = .site(FileErrorText.describe(error))
        }
        return result
    }
}

/// Where the site's state read ahead is handed over (set from the timeline build's thread).
private final class StateSlot: @unchecked Sendable {
    var prefetched: Prefetched<SiteState?>?
}

/// Values kept until the process exits (`SiteBuild.freesMemoryAtEnd`).
enum ProcessLifetime {
    private static let kept = Kept()

    static func keep(_ value: Any) { kept.add(value) }

    private final class Kept: @unchecked Sendable {
        private var values: [Any] = []
        private let lock = NSLock()

        func add(_ value: Any) {
            lock.lock()
            values.append(value)
            lock.unlock()
        }
    }
}
