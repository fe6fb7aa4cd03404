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

    @Test func theEventsOfUnchangedGroupsAreTheLastBuildsEvents() throws {
        let site = try BuiltSite("chronicle-unchanged", articles: Self.articles)
        defer { site.folder.remove() }
        let first = try site.build(readsCache: false).made
        #expect(first.values.allSatisfy { $0.result.unchanged == nil }, "a build from scratch has no last grouping")

        try site.folder.write("content/c.md", Self.added)
        let second = try site.build(readsCache: true).made
        let json = JSONEncoder()
        json.outputFormatting = .sortedKeys
        var checked = 0, gained = 0
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
            for event in events where event.sources.contains("c") {
                #expect(!unchanged.ids.contains(event.id))
                gained += 1
            }
        }
        #expect(checked >= 2, "the grain ships and the bridge are as they were")
        #expect(gained >= 1, "the new article's mention is in an event")
    }
}
