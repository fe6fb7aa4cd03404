import ArgumentParser
import ChronicleModel
import ChronicleSite
import ChronicleTime
import Foundation

/// `chronicle init DIR`: a new site with a config, the default templates and one example article.
public struct InitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: chronicle.yml, templates/, and content/ with one example article."
    )

    @Argument(help: ArgumentHelp("The folder to create (it may exist if it is empty).", valueName: "DIR"))
    var directory: String

    @Option(name: .long, help: "The site title.")
    var title: String = "My timeline"

    @Option(name: .long, help: ArgumentHelp("The IANA time zone of articles that do not name one.", valueName: "ZONE"))
    var timezone: String = "UTC"

    public init() {}

    public func validate() throws {
        // Else the site is made, and its first build fails on chronicle.yml's `timezone`.
        guard Zone(identifier: timezone) != nil else {
            throw ValidationError("unknown time zone `\(timezone)`: use an IANA name such as Europe/London")
        }
    }

    public func run() throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("\(root.path) is a file: choose a new folder")
        }
        if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            throw ValidationError("\(root.path) is not empty: choose a new folder")
        }
        var files: [(String, String)] = [
            ("chronicle.yml", Self.config(title: title, timezone: timezone)),
            ("content/\(Self.exampleName)", Self.exampleArticle),
            (".gitignore", "public/\n.chronicle/\n"),
        ]
        files += TemplateSet.defaultFiles.map { ("templates/\($0.name)", $0.contents) }
        do {
            for (path, contents) in files {
                let url = root.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
            }
        } catch {
            // Foundation's own text is an NSError dump that names neither file nor cause plainly.
            printError("error: \(FileErrorText.describe(error))")
            throw ExitCode.failure
        }
        print("created \(root.path): chronicle.yml, content/\(Self.exampleName), \(TemplateSet.defaultFiles.count) templates")
        print("next: cd \(directory) && chronicle build")
    }

    static func config(title: String, timezone: String) -> String {
        """
        # Chronicle site settings. Every key is optional.
        title: "\(title.replacingOccurrences(of: "\"", with: "\\\""))"
        description: "A dated timeline of the story, built from the articles in content/."
        # base_url: "https://example.org/timeline/"   # enables sitemap.xml and absolute feed links
        timezone: \(timezone)                       # zone of articles without their own `timezone`
        language: en
        order: oldest-first                         # or newest-first

        """
    }

    static let exampleName = "2025-03-15-example-article.md"

    static let exampleArticle = """
        ---
        title: "Leaders agree to meet again next week"
        date: 2025-03-15T18:30:00+00:00
        source: "Example News"
        url: "https://example.org/news/leaders-agree"
        author: "A. Reporter"
        timezone: Europe/London
        ---

        Leaders of 25 countries held a video call on Saturday to discuss a peacekeeping plan.

        The talks followed a week of diplomacy that began in Jeddah on Tuesday. Officials said
        the ceasefire proposal would last 30 days.

        Military chiefs will meet in London on Thursday to work on the details.

        """
}
