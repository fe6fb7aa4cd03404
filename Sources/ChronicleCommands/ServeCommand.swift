import ArgumentParser
import ChronicleServe
import ChronicleSite
import Foundation

/// `chronicle serve`: build, serve `public/` on 127.0.0.1, rebuild and reload on every change.
public struct ServeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1, and rebuild and reload it on every change.",
        discussion: """
            Builds the site, then serves the output folder on http://127.0.0.1:PORT/ and watches \
            the content folder, templates/ and chronicle.yml (inotify). Every saved change rebuilds \
            the site and reloads the open pages. A failed build prints its errors and shows them \
            over the page, and the last good site keeps being served. The live-reload script is \
            added to pages as they are served, never to the files in the output folder. \
            Ctrl-C stops.
            """
    )

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The port on 127.0.0.1 (0 picks a free one).", valueName: "N"))
    var port: UInt16 = 8080

    public init() {}

    public func run() throws {
        let build = options.siteBuild(writesWithArticleErrors: false)
        let reporter = PreviewReporter()
        let session = PreviewSession(build: build, report: reporter.report)
        let stop = StopSignal()
        let server: PreviewServer
        do {
            server = try PreviewServer(root: build.outputDirectory, hub: session.hub, port: port)
        } catch {
            printError("error: cannot serve on 127.0.0.1:\(port): \(PreviewServer.describe(error))")
            throw ExitCode.failure
        }
        let serverError = LockedValue<(any Error)?>(nil)
        let serving = Task {
            do { try await server.run() } catch {
                serverError.set(error)
                stop.fire()
            }
        }
        let listening: UInt16
        do {
            listening = try blockingAwait { try await server.port() }
        } catch {
            printError("error: cannot serve on 127.0.0.1:\(port): \(PreviewServer.describe(serverError.get() ?? error))")
            throw ExitCode.failure
        }
        session.buildNow()
        let watching = try startWatching(session)
        say("serving \(PreviewReporter.display(build.outputDirectory.path)) at http://127.0.0.1:\(listening)/")
        say(watching)
        stop.wait()
        // Read before cancelling: the cancelled server ends with an error of its own.
        let failure = serverError.get()
        session.stop()
        serving.cancel()
        if let failure {
            printError("error: the server stopped: \(PreviewServer.describe(failure))")
            throw ExitCode.failure
        }
    }
}
