import ArgumentParser
import ChronicleServe
import Foundation

/// `chronicle watch`: build, then rebuild on every change, without a server.
public struct WatchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build the site, then rebuild it on every change (no server).",
        discussion: """
            Like `chronicle serve` without the server: watches the content folder, templates/ and \
            chronicle.yml (inotify) and rebuilds the output folder after every saved change. A \
            failed build prints its errors and leaves the last good site in place. Ctrl-C stops.
            """
    )

    @OptionGroup var options: SiteOptions

    public init() {}

    public func run() throws {
        let session = PreviewSession(build: options.siteBuild(writesWithArticleErrors: false), report: PreviewReporter().report)
        let stop = StopSignal()
        session.buildNow()
        say(try startWatching(session))
        stop.wait()
        session.stop()
    }
}
