import ArgumentParser
import ChronicleMarkdown
import ChronicleModel
import ChronicleTagger
import ChronicleTime
import Foundation

/// `chronicle explain ARTICLE`: every sentence of one article with its date and why.
public struct ExplainCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print every sentence of one article with its date, the rule and the evidence."
    )

    @Argument(help: ArgumentHelp("The article: its slug, or its path under the content folder.", valueName: "ARTICLE"))
    var article: String

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "DIR"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("The content folder (default: SITE/content).", valueName: "DIR"))
    var content: String?

    public init() {}

    public func run() throws {
        let builder = TimelineBuilder(siteDirectory: URL(fileURLWithPath: site, isDirectory: true),
                                      contentDirectory: content.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                      includeDrafts: true)
        let result: TimelineBuilder.Result
        do {
            result = try builder.build()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let wanted = article.hasPrefix("content/") ? String(article.dropFirst("content/".count)) : article
        guard let found = result.timeline.articles.first(where: { $0.slug == wanted || $0.sourcePath == wanted || $0.sourcePath.hasSuffix("/" + wanted) }) else {
            for d in result.diagnostics where d.file.hasSuffix(wanted) { printError(d.description) }
            throw ValidationError("no article `\(article)`: give its slug or its path under the content folder")
        }
        print(ExplainReport.render(found, events: result.timeline.events))
    }
}

/// The text `chronicle explain` prints: for each sentence its date, the rule that chose it and
/// the evidence (the explanation, each time expression and why the unused ones were set aside).
enum ExplainReport {
    static func render(_ article: Article, events: [Event]) -> String {
        var eventOf: [String: Event] = [:]
        for e in events { for m in e.mentions where m.article == article.slug { eventOf["\(m.blockOrdinal).\(m.sentenceIndex)"] = e } }
        var out = "\(article.title)\n\(article.sourcePath) · published "
        out += article.published.map { "\(DisplayFormat.day($0.date)) (\(article.zone.identifier))" } ?? "(no date)"
        out += "\n"
        for block in article.blocks {
            out += "\n¶ line \(block.block.line)" + (block.isBoilerplate ? " · boilerplate, not on the timeline" : "") + "\n"
            for (i, s) in block.sentences.enumerated() {
                out += "  [\(i + 1)] \(s.text)\n"
                out += "      date:  " + (s.date.map { "\($0) (\(DisplayFormat.value($0)))" } ?? "undated") + " · \(s.status.rawValue)"
                if let dated = s.datedHappening { out += " · dates \(dated == .saying ? "the saying" : "what was reported")" }
                out += "\n      rule:  \(ruleName(s.dateSource)): \(s.explanation)\n"
                for (k, t) in s.timexes.enumerated() {
                    let marker = k == s.anchorTimex ? "*" : "-"
                    out += "      \(marker) '\(t.text)' \(t.type.rawValue) \(t.value) [\(t.rule), \(t.anchor.rawValue)]"
                    out += (t.mod.map { " mod=\($0.rawValue)" } ?? "") + (s.setAside[k].map { ": not used, \($0)" } ?? "") + "\n"
                }
                if let e = eventOf["\(block.block.ordinal).\(i)"] {
                    out += "      event \(e.id): \(e.value), \(e.sources.count) source\(e.sources.count == 1 ? "" : "s")\(e.isKey ? ", key" : "")\n"
                }
            }
        }
        return out
    }

    static func ruleName(_ source: DateSource) -> String {
        switch source {
        case .expression: "own expression"
        case .narrative: "narrative time"
        case .publication: "publication date"
        }
    }
}
