@testable import ChronicleModel
import ChronicleTestSupport
import Foundation

/// A site folder of articles built with `TimelineBuilder`, and what its merge handed over.
struct BuiltSite {
    let folder: TemporaryDirectory

    /// A site whose `content/` holds `articles` (file name → text).
    init(_ label: String, articles: [String: String]) throws {
        folder = try TemporaryDirectory(label)
        for (name, text) in articles { try folder.write("content/" + name, text) }
    }

    /// Builds the site with its cache in `.chronicle/`: the build, and the events the merge made
    /// in memory by period, with the period's result (with a cache the build keeps none).
    func build(readsCache: Bool) throws -> (build: TimelineBuild, made: [Period: (result: PeriodResult, events: [Event])]) {
        var builder = TimelineBuilder(siteDirectory: folder.url,
                                      cache: BuildCache(directory: folder.url.appendingPathComponent(".chronicle"), identity: "test"))
        builder.readsCache = readsCache
        let made = Made()
        builder.merged = { result, events, _, _ in made.put(result, events) }
        let build = try builder.run()
        return (build, made.all)
    }

    /// What `TimelineBuilder.merged` hands over, from any thread.
    private final class Made: @unchecked Sendable {
        private var values: [Period: (result: PeriodResult, events: [Event])] = [:]
        private let lock = NSLock()
        func put(_ result: PeriodResult, _ events: [Event]) { lock.lock(); values[result.period] = (result, events); lock.unlock() }
        var all: [Period: (result: PeriodResult, events: [Event])] { lock.lock(); defer { lock.unlock() }; return values }
    }
}
