import ChronicleModel
import Foundation

/// One build of a site, content to `public/`: what `chronicle build`, `serve` and `watch` all run.
///
/// The timeline's steps report through `progress`, then "rendered N files"; the output folder is
/// replaced in one swap only when rendering and writing succeed, so a failed build leaves it as it was.
public struct SiteBuild: Sendable {
    public var siteDirectory: URL
    public var contentDirectory: URL?
    public var outputDirectory: URL
    public var includeDrafts: Bool
    /// When false, a build in which some article could not be used writes nothing: the preview
    /// keeps serving the last good site instead of one with the article missing.
    public var writesWithArticleErrors: Bool

    public init(siteDirectory: URL, contentDirectory: URL? = nil, outputDirectory: URL? = nil,
                includeDrafts: Bool = false, writesWithArticleErrors: Bool = true) {
        self.siteDirectory = siteDirectory
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory ?? siteDirectory.appendingPathComponent("public", isDirectory: true)
        self.includeDrafts = includeDrafts
        self.writesWithArticleErrors = writesWithArticleErrors
    }

    /// Why a build wrote nothing.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The timeline could not be built at all (unreadable config, missing content folder).
        case timeline(Diagnostic)
        /// Templates could not be loaded or rendered, or the site could not be written.
        case site(String)
        /// Some articles could not be used and `writesWithArticleErrors` is off; they are in `diagnostics`.
        case articleErrors(Int)

        public var description: String {
            switch self {
            case .timeline(let d): d.description
            case .site(let message): "error: \(message)"
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

        public var wroteOutput: Bool { failure == nil }
        /// True when the build should exit non-zero.
        public var hasErrors: Bool { failure != nil || diagnostics.contains { $0.severity == .error } }
        /// Every error as `file:line: error: …`, for the terminal and the preview's overlay.
        public var errorMessages: [String] {
            diagnostics.filter { $0.severity == .error }.map(\.description) + (failure.map { [$0.description] } ?? [])
        }
    }

    public func run(progress: (String) -> Void = { _ in }) -> Result {
        let timeline: TimelineBuilder.Result
        do {
            timeline = try TimelineBuilder(siteDirectory: siteDirectory, contentDirectory: contentDirectory,
                                           includeDrafts: includeDrafts).build(progress: progress)
        } catch {
            return Result(diagnostics: [], failure: .timeline(error), fileCount: 0, statistics: nil)
        }
        var result = Result(diagnostics: timeline.diagnostics, failure: nil, fileCount: 0, statistics: timeline.statistics)
        if timeline.hasErrors && !writesWithArticleErrors {
            result.failure = .articleErrors(timeline.diagnostics.filter { $0.severity == .error }.count)
            return result
        }
        do {
            let templates = try TemplateSet.load(overridesIn: siteDirectory.appendingPathComponent("templates", isDirectory: true))
            let files = try SiteRenderer(templates: templates).render(timeline.timeline)
            result.fileCount = files.count
            progress("rendered \(files.count) files")
            try SiteWriter.write(files, to: outputDirectory)
        } catch {
            result.failure = .site("\(error)")
        }
        return result
    }
}
