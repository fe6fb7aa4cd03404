import ArgumentParser
import ChronicleImport
import ChronicleModel
import Foundation

/// `chronicle add FILE|URL...`: articles from files, saved pages and URLs into content/.
public struct AddCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add articles to content/ from Markdown or text files, saved HTML pages or URLs.",
        discussion: """
            Writes content/<date>-<slug>.md (or .txt) for each input. A file with front matter \
            is validated and copied; plain text gets front matter from --title and --published \
            (and --source, --url, --timezone); an HTML page or a URL gives its title, date, \
            outlet and canonical URL from its metadata and its article text by main-content \
            extraction. An article already in content/ (same URL or same text) is skipped \
            unless --force. Exit status 1 when any input failed.
            """
    )

    @Argument(help: ArgumentHelp("Files (.md, .txt, .html) or http(s) URLs.", valueName: "FILE|URL"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("The site folder (holds chronicle.yml and content/).", valueName: "DIR"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("The content folder (default: SITE/content).", valueName: "DIR"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("The title (required for plain text; overrides a page's).", valueName: "T"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("Publication date or date-time with offset (required for plain text).", valueName: "DATE"))
    var published: String?

    @Option(name: .long, help: ArgumentHelp("The outlet.", valueName: "S"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("The article's original http(s) URL.", valueName: "U"))
    var url: String?

    @Option(name: .long, help: ArgumentHelp("The outlet's IANA time zone, written into the front matter.", valueName: "ZONE"))
    var timezone: String?

    @Flag(name: .long, help: "Add duplicates anyway, replacing the earlier copy.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Seconds allowed for downloading a URL.", valueName: "SECONDS"))
    var timeout: Double = 20

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest page downloaded, in bytes.", valueName: "BYTES"))
    var maxSize: Int = 5 * 1024 * 1024

    public init() {}

    public func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one file or URL to add") }
        if timeout <= 0 || maxSize <= 0 { throw ValidationError("--timeout and --max-size must be positive") }
    }

    public func run() throws {
        let siteURL = URL(fileURLWithPath: site, isDirectory: true)
        let contentURL = content.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? siteURL.appendingPathComponent("content", isDirectory: true)
        let config: SiteConfig
        do {
            config = try Self.readConfig(in: siteURL)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let options = ImportOptions(title: title, published: published, source: source, url: url, timezone: timezone, force: force)
        var importer = ArticleImporter(contentDirectory: contentURL, config: config, options: options,
                                       fetcher: PageFetcher(timeout: timeout, maximumBytes: maxSize), display: Self.display)
        var failed = false
        for input in inputs {
            let outcome = importer.add(input)
            for warning in importer.warnings { printError(warning.description) }
            if outcome.isFailure {
                printError(outcome.line)
                failed = true
            } else {
                print(outcome.line)
            }
        }
        if failed { throw ExitCode.failure }
    }

    static func readConfig(in site: URL) throws(Diagnostic) -> SiteConfig {
        let url = site.appendingPathComponent(SiteConfigReader.fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return SiteConfig() }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(.error, file: url.path, "the site config is not UTF-8")
        }
        return try SiteConfigReader.read(text, path: url.path).0
    }

    /// A path relative to the current folder when it is below it.
    static func display(_ url: URL) -> String {
        let full = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        return full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
    }
}
