import ChronicleModel
import ChronicleSite
import Foundation

/// The preview loop behind `chronicle serve` and `chronicle watch`: build, then rebuild after every
/// batch of changes to the content, the templates or the config, one build at a time, and tell the
/// open pages through the `ReloadHub`.
public final class PreviewSession: @unchecked Sendable {
    /// What the session reports, in order, on the thread that runs the build.
    public enum Event: Sendable {
        case building(changes: [String])
        case built(SiteBuild.Result, BuildStatus)
    }

    public let build: SiteBuild
    public let hub: ReloadHub
    private let report: @Sendable (Event) -> Void
    private let queue = DispatchQueue(label: "chronicle.preview.build")
    private let lock = NSLock()
    private var pending: [String] = []
    private var scheduled = false
    private var watcher: FileWatcher?

    /// `build` should have `writesWithArticleErrors` off, so that a broken article keeps the last good site.
    public init(build: SiteBuild, hub: ReloadHub = ReloadHub(), report: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.build = build
        self.hub = hub
        self.report = report
    }

    /// The content folder, `templates/` and `chronicle.yml`; never the output.
    public var watchList: WatchList {
        let content = build.contentDirectory ?? build.siteDirectory.appendingPathComponent("content", isDirectory: true)
        return WatchList(folders: [content, build.siteDirectory.appendingPathComponent("templates", isDirectory: true)],
                         files: [build.siteDirectory.appendingPathComponent(SiteConfigReader.fileName)],
                         ignoring: [build.outputDirectory])
    }

    /// Builds now and waits for it (after any build already running).
    @discardableResult
    public func buildNow(changes: [String] = []) -> SiteBuild.Result {
        queue.sync { runBuild(changes: changes) }
    }

    /// Starts watching; every batch of changes queues a rebuild.
    public func startWatching(quietPeriod: Duration = .milliseconds(100)) throws {
        let watcher = try FileWatcher(watchList, quietPeriod: quietPeriod) { [weak self] paths in
            self?.changed(paths)
        }
        lock.withLock { self.watcher = watcher }
        watcher.start()
    }

    /// Stops watching and waits for a build in progress to finish (so no half-written output is left).
    public func stop() {
        let watcher = lock.withLock { defer { self.watcher = nil }; return self.watcher }
        watcher?.stop()
        queue.sync {}
    }

    /// Changes that come while a build runs are gathered into the one build that follows it.
    func changed(_ paths: [String]) {
        let start = lock.withLock {
            pending += paths.filter { !pending.contains($0) }
            defer { scheduled = true }
            return !scheduled
        }
        if start { queue.async { self.drain() } }
    }

    private func drain() {
        while true {
            let changes: [String] = lock.withLock {
                defer { pending = [] }
                if pending.isEmpty { scheduled = false }
                return pending
            }
            if changes.isEmpty { return }
            runBuild(changes: changes)
        }
    }

    @discardableResult
    private func runBuild(changes: [String]) -> SiteBuild.Result {
        report(.building(changes: changes))
        let result = build.run()
        let status = hub.publish(errors: result.errorMessages)
        report(.built(result, status))
        return result
    }
}
