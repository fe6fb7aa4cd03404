import ChronicleModel
import ChronicleTime
import Foundation

/// Adds articles to a content folder: reads each input (file or URL), turns it into a
/// content file, skips duplicates and writes `<date>-<slug>.<ext>` inside the folder.
///
/// The steps for one input, in order:
///   1. load      read the file, or download the URL
///   2. prepare   front matter copied as is / plain text given front matter / HTML extracted
///   3. validate  read the result back with `ArticleReader`, as `chronicle build` will
///   4. dedupe    same canonical URL or same body text as an article already there
///   5. write     atomically, never outside the content folder
public struct ArticleImporter {
    public let contentDirectory: URL
    public let config: SiteConfig
    public let options: ImportOptions
    public let fetcher: PageFetcher
    /// How a written file is named in messages (`content/2025-03-15-x.md`).
    public let display: (URL) -> String
    private var index: ContentIndex

    public init(contentDirectory: URL, config: SiteConfig, options: ImportOptions, fetcher: PageFetcher = PageFetcher(),
                display: @escaping (URL) -> String = { $0.path }) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.config = config
        self.options = options
        self.fetcher = fetcher
        self.display = display
        self.index = ContentIndex(directory: contentDirectory)
    }

    /// Warnings from validating the last added article (unknown keys and the like).
    public private(set) var warnings: [Diagnostic] = []

    public mutating func add(_ input: String) -> ImportOutcome {
        warnings = []
        do throws(ImportError) {
            let loaded = try InputLoader(fetcher: fetcher).load(input)
            let prepared = try ArticlePreparer(options: options).prepare(loaded, path: input)
            let validated = try validate(prepared, input: input)
            return try write(validated, input: input)
        } catch {
            return error.diagnostic.map(ImportOutcome.invalid) ?? .failed(input: input, message: error.message)
        }
    }

    /// A prepared file read back as `chronicle build` will read it.
    struct Validated {
        var prepared: PreparedArticle
        var article: Article
        var date: CivilDate
        var fileName: String
    }

    private mutating func validate(_ prepared: PreparedArticle, input: String) throws(ImportError) -> Validated {
        let (article, warnings): (Article, [Diagnostic])
        do {
            (article, warnings) = try ArticleReader(config: config).read(bytes: prepared.bytes, path: prepared.diagnosticPath ?? input)
        } catch {
            guard prepared.diagnosticPath != nil else { throw ImportError("the generated front matter is invalid: \(error.message)") }
            // The file's own front matter: the diagnostic already names the file and the line.
            throw ImportError(diagnostic: error)
        }
        self.warnings = warnings.filter { !$0.message.hasPrefix("no publication `date`") }
        guard let published = article.published else {
            throw ImportError("no publication date: add `date:` to the front matter or pass --published")
        }
        var slug = Slug.make(article.title)
        if slug.isEmpty { slug = "article" }
        return Validated(prepared: prepared, article: article, date: published.date, fileName: "\(published.date)-\(slug)")
    }

    private mutating func write(_ v: Validated, input: String) throws(ImportError) -> ImportOutcome {
        let duplicate = index.duplicate(url: v.article.url, body: v.prepared.body)
        if let duplicate, !options.force {
            return .skipped(input: input, duplicateOf: display(contentDirectory.appendingPathComponent(duplicate)))
        }
        let target = try ContentPath(directory: contentDirectory)
            .available(base: v.fileName, extension: v.prepared.fileExtension, overwrite: options.force)
        do {
            try FileManager.default.createDirectory(at: contentDirectory, withIntermediateDirectories: true)
            try Data(v.prepared.bytes).write(to: target.url, options: .atomic)
        } catch {
            throw ImportError("cannot write \(display(target.url)): \(error.localizedDescription)")
        }
        var replaced: String?
        if let duplicate, duplicate != target.relativePath {
            let old = contentDirectory.appendingPathComponent(duplicate)
            try? FileManager.default.removeItem(at: old)
            replaced = display(old)
        }
        if let duplicate { index.remove(path: duplicate) }
        index.add(path: target.relativePath, url: v.article.url, body: v.prepared.body)
        return .added(path: display(target.url), title: v.article.title, source: v.article.source, date: v.date.description,
                      replaced: replaced)
    }
}

/// Why one input could not be imported, as shown after `error: INPUT:`.
struct ImportError: Error {
    var message: String
    /// Set when the error is about a line of the input's own front matter (`FILE:LINE: error: …`).
    var diagnostic: Diagnostic?
    init(_ message: String) { self.message = message }
    init(diagnostic: Diagnostic) {
        self.message = diagnostic.message
        self.diagnostic = diagnostic
    }
}
