import ChronicleModel
import Foundation
import Testing

/// A period merged again after a small change names the events whose groups it kept as they were
/// (`PeriodResult.unchanged`): each of them must be the event the last build made, and an event
/// the change touched must not be among them.
@Suite struct UnchangedEventsTests {
    static let articles = [
        "a.md": """
            ---
            title: Talks in Geneva
            source: The Paper
            date: 2025-03-15T09:30:00Z
            ---
            Negotiators met in Geneva on Friday for a first round of ceasefire talks, officials said.

            The port of Odessa reopened to grain ships on Monday, the harbour master said.
            """,
        "b.md": """
            ---
            title: Grain ships return
            source: Wire B
            date: 2025-03-18T09:30:00Z
            ---
            Grain ships sailed from the port of Odessa on Monday after the port reopened, the harbour master said.

            A new bridge over the Danube opened to traffic on Sunday 16 March, the ministry said.
            """,
    ]

    static let added = """
        ---
        title: Talks go on
        source: Wire C
        date: 2025-03-16T10:00:00Z
        ---
        Negotiators met in Geneva on Friday for ceasefire talks, the first round in months, officials said.
        """

    final class Made: @unchecked Sendable {
        private var values: [Period: (PeriodResult, [Event])] = [:]
        private let lock = NSLock()
        func put(_ result: PeriodResult, _ events: [Event]) { lock.lock(); values[result.period] = (result, events); lock.unlock() }
        var all: [Period: (PeriodResult, [Event])] { lock.lock(); defer { lock.unlock() }; return values }
    }

    func build(_ site: URL, readsCache: Bool) throws -> [Period: (PeriodResult, [Event])] {
        var builder = TimelineBuilder(siteDirectory: site, cache: BuildCache(directory: site.appendingPathComponent(".chronicle"), identity: "test"))
        builder.readsCache = readsCache
        let made = Made()
        builder.merged = { result, events, _, _ in made.put(result, events) }
        _ = try builder.run()
        return made.all
    }

    @Test func theEventsOfUnchangedGroupsAreTheLastBuildsEvents() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-unchanged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let content = site.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (name, text) in Self.articles { try text.write(to: content.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let first = try build(site, readsCache: false)
        #expect(first.values.allSatisfy { $0.0.unchanged == nil }, "a build from scratch has no last grouping")

        try Self.added.write(to: content.appendingPathComponent("c.md"), atomically: true, encoding: .utf8)
        let second = try build(site, readsCache: true)
        let json = JSONEncoder()
        json.outputFormatting = .sortedKeys
        var checked = 0
        for (period, (result, events)) in second {
            let unchanged = try #require(result.unchanged, "\(period) was merged from its last grouping")
            let (last, lastEvents) = try #require(first[period])
            #expect(unchanged.previousHash == last.hash, "the names resolve as they did")
            let before = Dictionary(lastEvents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for event in events where unchanged.ids.contains(event.id) {
                let old = try #require(before[event.id])
                #expect(try json.encode(event) == json.encode(old), "\(event.id)")
                checked += 1
            }
            // The talks event gained the new article's mention: it is not unchanged.
            for event in events where event.sources.contains("c") { #expect(!unchanged.ids.contains(event.id)) }
        }
        #expect(checked >= 2, "the grain ships and the bridge are as they were")
    }
}
