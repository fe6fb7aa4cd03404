import ArgumentParser
import ChronicleModel
import ChronicleSite
import Foundation

/// `chronicle build`: content/ → dated events → the site in public/.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the timeline site from the articles in content/.",
        discussion: """
            Reads every .md, .markdown and .txt file under the content folder, dates every \
            happening the articles report, and writes the site (index.html, timeline.md, \
            events.json, feed.xml, one page per article) to the output folder. A bad article \
            is reported with its file and line and skipped; the exit code is then 1. \
            Builds are incremental: SITE/.chronicle keeps each article's analysis, and a rebuild \
            analyses only new or changed articles and rewrites only files whose bytes change; \
            --clean ignores that cache. A build that fails leaves the output folder as it was.
            """
    )

    @OptionGroup var options: SiteOptions

    @Flag(name: .long, help: "Ignore the cache in SITE/.chronicle and build everything anew (the cache is rewritten).")
    var clean = false

    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    public init() {}

    public func run() throws {
        var build = options.siteBuild(usesCache: !clean)
        // The process ends with the build: its values are freed with it, not one by one.
        build.freesMemoryAtEnd = false
        let outputURL = build.outputDirectory
        let clock = ContinuousClock()
        let started = clock.now
        var stepStarted = started
        var step = 0
        let totalSteps = 6
        // On a terminal, long steps show a progress bar on standard error; piped output gets the step lines alone.
        let bar = !quiet && ProgressBar.isTerminal ? ProgressBar() : nil
        func report(_ line: String) {
            step += 1
            let now = clock.now
            bar?.clear()
            if !quiet {
                print("[\(step)/\(totalSteps)] \(line) (\(Self.seconds(now - stepStarted)))")
            }
            stepStarted = now
        }
        let progress = BuildProgress(step: report, items: { task, done, total in bar?.update(task: task, done: done, total: total) })

        let result = build.run(progress: progress)
        bar?.clear()
        for d in result.diagnostics { printError(d.description) }
        switch result.failure {
        case .timeline(let d)?:
            printError(d.description)
            throw ExitCode.failure
        case let failure?:
            printError(failure.description)
            printError("error: the site was not written; \(outputURL.path) is unchanged")
            throw ExitCode.failure
        case nil:
            break
        }
        report("wrote \(outputURL.path): \(result.writtenCount) written, \(result.unchangedCount) unchanged"
            + (result.removedCount > 0 ? ", \(result.removedCount) removed" : "") + "; total \(Self.seconds(clock.now - started))")
        if result.hasErrors {
            let n = result.diagnostics.filter { $0.severity == .error }.count
            printError("build finished with \(n) error\(n == 1 ? "" : "s"): the articles above were skipped")
            throw ExitCode.failure
        }
    }
}

extension BuildCommand {
    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return String(format: "%.2f s", s)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
