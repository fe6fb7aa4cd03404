import ArgumentParser
import ChronicleSite
import Foundation

/// The site options `build`, `serve` and `watch` share.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (holds chronicle.yml, content/ and templates/).", valueName: "DIR"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("The content folder (default: SITE/content).", valueName: "DIR"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("The output folder (default: SITE/public).", valueName: "DIR"))
    var output: String?

    @Flag(name: .long, help: "Include articles marked `draft: true`.")
    var drafts = false

    /// One build of the site. The preview passes `writesWithArticleErrors: false`: a build with a
    /// broken article then writes nothing, and the last good site stays.
    func siteBuild(writesWithArticleErrors: Bool = true, usesCache: Bool = true) -> SiteBuild {
        SiteBuild(siteDirectory: URL(fileURLWithPath: site, isDirectory: true),
                  contentDirectory: content.map { URL(fileURLWithPath: $0, isDirectory: true) },
                  outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                  includeDrafts: drafts, writesWithArticleErrors: writesWithArticleErrors, usesCache: usesCache,
                  toolIdentity: ChronicleVersion.buildIdentity)
    }
}
