import ChronicleTime
import Foundation

/// Builds a `Timeline` from a site folder: the pipeline's steps, in order, in one place.
///
///   1. config     read `chronicle.yml`
///   2. discover   list the article files under the content folder
///   3. read       parse front matter and bodies (a bad file is reported and skipped)
///   4. analyse    boilerplate, sentences, time expressions, sentence dates
///   5. merge      group mentions into events across articles
public struct TimelineBuilder: Sendable {
    public var siteDirectory: URL
    public var contentDirectory: URL
    public var includeDrafts: Bool

    public init(siteDirectory: URL, contentDirectory: URL? = nil, includeDrafts: Bool = false) {
        self.siteDirectory = siteDirectory
        self.contentDirectory = contentDirectory ?? siteDirectory.appendingPathComponent("content", isDirectory: true)
        self.includeDrafts = includeDrafts
    }

    /// Counts reported after each step.
    public struct Statistics: Sendable {
        public var files = 0
        public var articles = 0
        public var skipped = 0
        public var drafts = 0
        public var sentences = 0
        public var boilerplateBlocks = 0
        public var expressions = 0
        public var mentions = 0
        public var events = 0
    }

    public struct Result: Sendable {
        public var timeline: Timeline
        public var diagnostics: [Diagnostic]
        public var statistics: Statistics
        /// True when some input could not be used (the build should exit non-zero).
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Runs the steps; `progress` is called with a one-line summary after each.
    public func build(progress: (String) -> Void = { _ in }) throws(Diagnostic) -> Result {
        var diagnostics: [Diagnostic] = []
        var stats = Statistics()

        let config = try readConfig(&diagnostics)
        let files = try discover()
        stats.files = files.count
        progress("found \(files.count) article file\(files.count == 1 ? "" : "s") in \(contentDirectory.path)")

        var articles = readArticles(files, config: config, diagnostics: &diagnostics, stats: &stats)
        progress("read \(stats.articles) article\(stats.articles == 1 ? "" : "s")"
            + (stats.skipped > 0 ? ", skipped \(stats.skipped) with errors" : "")
            + (stats.drafts > 0 ? ", left out \(stats.drafts) draft\(stats.drafts == 1 ? "" : "s")" : ""))

        let evidence = Self.concurrentMap(articles) { BoilerplateEvidence(outlet: ArticleAnalyzer.outlet(of: $0), blocks: $0.document.textBlocks) }
        let detector = BoilerplateDetector(evidence: evidence)
        let analyzer = ArticleAnalyzer(boilerplate: detector)
        let read = articles
        articles = Self.concurrentMap(Array(articles.indices)) { i in
            var article = read[i]
            analyzer.analyse(&article, boilerplate: detector.verdicts(evidence[i]))
            return article
        }
        var candidates: [EventMerger.Candidate] = []
        for article in articles {
            var position = 0
            var unresolved = 0
            for block in article.blocks {
                stats.sentences += block.sentences.count
                stats.expressions += block.sentences.reduce(0) { $0 + $1.timexes.count }
                if block.isBoilerplate { stats.boilerplateBlocks += 1 }
                for (index, sentence) in block.sentences.enumerated() {
                    defer { position += 1 }
                    unresolved += sentence.timexes.filter { $0.anchor == .unresolved }.count
                    guard !block.isBoilerplate, block.block.kind == .paragraph, let value = sentence.date,
                          value.interval != nil, TenseCues.words(sentence.text).count >= 3 else { continue }
                    let timex = sentence.anchorTimex.map { sentence.timexes[$0] }
                    let mention = Mention(article: article.slug, blockOrdinal: block.block.ordinal, sentenceIndex: index,
                                          sentence: sentence.text, expression: timex?.text, expressionRange: timex?.utf8Range,
                                          value: value, resolution: sentence.explanation)
                    candidates.append(.init(mention: mention, status: sentence.status, dateSource: sentence.dateSource,
                                            position: position))
                }
            }
            if unresolved > 0 {
                diagnostics.append(Diagnostic(.warning, file: article.sourcePath, line: nil,
                    "\(unresolved) relative date expression\(unresolved == 1 ? "" : "s") left unresolved: the article has no publication date"))
            }
        }
        stats.mentions = candidates.count
        progress("analysed \(stats.sentences) sentences: \(stats.expressions) time expressions, \(stats.boilerplateBlocks) boilerplate paragraphs")

        var events = EventMerger().merge(candidates)
        events.sort(by: Self.timelineOrder)
        stats.events = events.count
        progress("merged \(stats.mentions) mentions into \(stats.events) events")

        return Result(timeline: Timeline(config: config, articles: articles, events: events),
                      diagnostics: diagnostics, statistics: stats)
    }

    /// `transform` applied on all cores; results keep the input order, so output is deterministic.
    static func concurrentMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in results.set(i, transform(items[i])) }
        return results.values()
    }

    /// Oldest first: by first day, finer grain first, higher score first, then id.
    static func timelineOrder(_ a: Event, _ b: Event) -> Bool {
        let x = a.value.interval!.start, y = b.value.interval!.start
        if x != y { return x < y }
        if a.value.grain != b.value.grain { return a.value.grain < b.value.grain }
        if a.score != b.score { return a.score > b.score }
        return a.id < b.id
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

    /// Article files below the content folder, as sorted relative paths; hidden files and folders are skipped.
    func discover() throws(Diagnostic) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(.error, file: contentDirectory.path, "the content folder does not exist")
        }
        guard let enumerator = FileManager.default.enumerator(at: contentDirectory, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard ArticleReader.extensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(base + "/") else { continue }
            paths.append(String(full.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }

    func readArticles(_ paths: [String], config: SiteConfig, diagnostics: inout [Diagnostic], stats: inout Statistics) -> [Article] {
        let reader = ArticleReader(config: config)
        var articles: [Article] = []
        for path in paths {
            let display = displayPath(path)
            guard let data = FileManager.default.contents(atPath: contentDirectory.appendingPathComponent(path).path) else {
                diagnostics.append(Diagnostic(.error, file: display, "cannot read the file"))
                stats.skipped += 1
                continue
            }
            do {
                var (article, warnings) = try reader.read(bytes: [UInt8](data), path: display)
                article.sourcePath = path
                diagnostics += warnings
                if article.draft && !includeDrafts {
                    stats.drafts += 1
                    continue
                }
                articles.append(article)
            } catch {
                diagnostics.append(error)
                stats.skipped += 1
            }
        }
        // Unique slugs, first come (in path order) keeps the plain one.
        var used: [String: Int] = [:]
        for i in articles.indices {
            let base = articles[i].slug
            if let n = used[base] {
                var k = n + 1
                while used["\(base)-\(k)"] != nil { k += 1 }
                used[base] = k
                articles[i].slug = "\(base)-\(k)"
                used[articles[i].slug] = 1
                diagnostics.append(Diagnostic(.warning, file: displayPath(articles[i].sourcePath),
                                              "slug `\(base)` is already used; this article is `\(articles[i].slug)`"))
            } else {
                used[base] = 1
            }
        }
        stats.articles = articles.count
        // Undated articles first, then by publication day and slug.
        articles.sort { ($0.published?.date.dayNumber ?? .min, $0.slug) < ($1.published?.date.dayNumber ?? .min, $1.slug) }
        return articles
    }

    /// The path shown in messages: relative to the current folder when the content folder is below it.
    func displayPath(_ relative: String) -> String {
        let full = contentDirectory.appendingPathComponent(relative).standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        return full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
    }
}

/// Fixed slots filled concurrently, one writer per slot.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    func values() -> [T] { slots.map { $0! } }
}
