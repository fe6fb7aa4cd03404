@testable import ChronicleModel
import ChronicleTestSupport
import Foundation
import Testing

/// The site-wide counts a rebuild updates by what changed are the counts a build from scratch
/// makes, and the verdicts they turn are worked out again for articles that did not change.
@Suite struct SiteTallyTests {
    static let footer = "The Courier is owned by the Lund Media Group and edited in Malmo by its own staff."

    static func article(_ n: Int, outlet: String, footer: Bool) -> String {
        """
        ---
        title: Report \(n)
        date: 2025-03-\(String(format: "%02d", 1 + n % 28))
        source: \(outlet)
        ---
        Minister Anna Lindqvist met union leaders in Malmo on Tuesday, report \(n) said. Lindqvist promised talks on Friday.

        Officials in Malmo said on Monday that talks would resume, according to item \(n).
        \(footer ? "\n" + Self.footer + "\n" : "")
        """
    }

    /// The manifest's counts equal counts made from its records, and its records equal a clean build's.
    static func expectExact(_ site: BuiltSite, _ build: TimelineBuild, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let manifest = try #require(build.cache?.read(CacheManifest.self, at: CacheManifest.fileName), sourceLocation: sourceLocation)
        #expect(manifest.boilerplate == BoilerplateTally(manifest.records.map(\.evidence)), "\(what)", sourceLocation: sourceLocation)
        #expect(try manifest.names == NameTally(manifest.records.map { try $0.names }), "\(what)", sourceLocation: sourceLocation)
        let incremental = manifest.records.map { "\($0.sourcePath) \($0.verdicts)" }
        // From scratch in another folder, so that the site's own cache goes on from its last build.
        let other = try TemporaryDirectory("chronicle-tally-clean")
        defer { other.remove() }
        try FileManager.default.copyItem(at: site.folder.url.appendingPathComponent("content"), to: other.url.appendingPathComponent("content"))
        let clean = try TimelineBuilder(siteDirectory: other.url).run()
        #expect(incremental == clean.articles.map { "\($0.sourcePath) \($0.verdicts)" }, "\(what)", sourceLocation: sourceLocation)
    }

    @Test func countsFollowAddsEditsAndDeletesExactly() throws {
        // Eight articles print the footer: in at least half the outlet's articles, it is furniture.
        var articles: [String: String] = [:]
        for n in 0..<8 { articles["c\(n).md"] = Self.article(n, outlet: "Courier", footer: true) }
        for n in 0..<3 { articles["w\(n).md"] = Self.article(10 + n, outlet: "Wire", footer: false) }
        let site = try BuiltSite("chronicle-tally", articles: articles)
        defer { site.folder.remove() }
        let (first, _) = try site.build(readsCache: true)
        #expect(first.articles.filter { $0.sourcePath.hasPrefix("c") }.allSatisfy { $0.verdicts.last == true })
        try Self.expectExact(site, first, "built")

        // Nine more of the outlet's articles without it: 8 of 17 is under half, so the unchanged
        // eight are analysed again with the footer as reporting.
        for n in 8..<17 { try site.folder.write("content/c\(n).md", Self.article(n, outlet: "Courier", footer: false)) }
        let (grown, _) = try site.build(readsCache: true)
        #expect(grown.statistics.analysed == 17)
        #expect(grown.articles.filter { $0.sourcePath.hasPrefix("c") }.allSatisfy { !$0.verdicts.contains(true) })
        try Self.expectExact(site, grown, "outlet grown")

        // One of them gone again: 8 of 16 is half, and the footer is furniture once more.
        try FileManager.default.removeItem(at: site.folder.url.appendingPathComponent("content/c16.md"))
        let (shrunk, _) = try site.build(readsCache: true)
        #expect(shrunk.statistics.analysed == 8)
        try Self.expectExact(site, shrunk, "one deleted")

        try site.folder.write("content/w1.md", Self.article(40, outlet: "Wire", footer: true))
        try FileManager.default.moveItem(at: site.folder.url.appendingPathComponent("content/w2.md"),
                                         to: site.folder.url.appendingPathComponent("content/w9.md"))
        let (moved, _) = try site.build(readsCache: true)
        try Self.expectExact(site, moved, "edited and renamed")
    }

    @Test func sortedCountsMergeChanges() throws {
        var counts = SortedCounts(counting: [5, 3, 5, 9])
        #expect(counts.keys == [3, 5, 9] && counts.counts == [1, 2, 1])
        try counts.apply([3: -1, 4: 2, 5: 1, 10: 1])
        #expect(counts.keys == [4, 5, 9, 10] && counts.counts == [2, 3, 1, 1])
        #expect(counts[5] == 3 && counts[3] == 0 && counts[11] == 0)
        #expect(throws: (any Error).self) { try SortedCounts(keys: [2, 1], counts: [1, 1]) }
        // Taking away more than was counted: the counts do not match, and stay as they were.
        #expect(throws: TallyMismatch.self) { try counts.apply([4: -3, 9: 1]) }
        #expect(counts.keys == [4, 5, 9, 10] && counts.counts == [2, 3, 1, 1])
    }

    /// Changed in place (keys added among, before and after the others, some taken away), the
    /// lists are those counted from scratch, read with room to grow or not.
    @Test func sortedCountsChangedInPlaceMatchCountsFromScratch() throws {
        var all = (0..<400).map { UInt64($0 * 7 % 150) * 10 + 5 }
        var counts = SortedCounts(counting: all)
        var writer = CacheWriter()
        writer.raw(counts.keys)
        writer.raw(counts.counts)
        var input = CacheReader(Array(writer.bytes))
        var read = try SortedCounts(keys: input.rawBytes(UInt64.self), counts: input.rawBytes(Int32.self))
        #expect(read == counts)
        var generator = SplitMix(seed: 16)
        for _ in 0..<20 {
            var changes: [UInt64: Int] = [:]
            for _ in 0..<generator.next(below: 12) {
                let key = UInt64(generator.next(below: 1_600))
                let n = all.count { $0 == key }
                let change = n > 0 && generator.next(below: 2) == 0 ? -generator.next(below: n + 1) : generator.next(below: 3)
                changes[key] = (changes[key] ?? 0) + change
                if change < 0 { for _ in 0 ..< -change { all.remove(at: all.firstIndex(of: key)!) } }
                if change > 0 { all += repeatElement(key, count: change) }
            }
            try counts.apply(changes)
            try read.apply(changes)
            let scratch = SortedCounts(counting: all)
            #expect(counts == scratch && read == scratch)
        }
    }

    /// The radix sort behind `SortedCounts(counting:)` orders as `sort()` does: keys alike in some
    /// 16-bit digits (a digit all share is skipped), with repeats, and lists too short for it.
    @Test func radixSortOrdersKeysAsSortDoes() {
        var generator = SplitMix64(seed: 24)
        let random = (0..<20_000).map { _ in generator.next() }
        let lists: [[UInt64]] = [
            random, random.map { $0 & 0xFFFF_0000_FFFF }, random.map { $0 % 300 }, random.map { $0 | 0xFFFF_0000_0000_0000 },
            Array(random.prefix(100)), [], random.map { _ in 7 },
        ]
        for list in lists {
            var sorted = list
            SortedCounts.radixSort(&sorted)
            #expect(sorted == list.sorted())
        }
    }

    /// A small deterministic generator for the test above.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(below n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(n, 1)))
        }
    }

    /// The filter in front of a change's sets never turns away one of their keys, and turns away
    /// most others (keys alike in their low bits, as paragraph hashes are, included).
    @Test func hashFilterKeepsEveryKeyAndRulesOutMostOthers() {
        var generator = SplitMix64(seed: 0x5EED)  // the same keys every run
        let keys = (0..<200).map { _ in UInt64.random(in: .min ... .max, using: &generator) | 1 }
        let filter = HashFilter(keys)
        #expect(keys.allSatisfy(filter.mayContain))
        let others = (0..<10_000).map { _ in UInt64.random(in: .min ... .max, using: &generator) | 1 }
        #expect(others.count { filter.mayContain($0) } < 200)
        let change = BoilerplateTally.Change(sentences: Set(keys[..<100]), paragraphs: Set(keys[100...]))
        var evidence = BoilerplateEvidence(outlet: "The Courier", blocks: [])
        evidence.paragraphs = [others[0], keys[150]]
        #expect(change.touches(evidence))
        evidence.paragraphs = Array(others[..<20])
        #expect(change.touches(evidence) == others[..<20].contains { keys.contains($0) })
    }

    @Test func keptCountsThatDoNotMatchTheArticlesAreNotTrusted() throws {
        var articles: [String: String] = [:]
        for n in 0..<6 { articles["c\(n).md"] = Self.article(n, outlet: "Courier", footer: n < 4) }
        let site = try BuiltSite("chronicle-tally-mismatch", articles: articles)
        defer { site.folder.remove() }
        let (first, _) = try site.build(readsCache: true)
        // The manifest keeps counts of no article at all (as a bug or a stray write could leave it).
        let cache = try #require(first.cache)
        var manifest = try #require(cache.read(CacheManifest.self, at: CacheManifest.fileName))
        manifest.boilerplate = BoilerplateTally()
        manifest.names = NameTally()
        try cache.write(manifest, at: CacheManifest.fileName)
        try site.folder.write("content/c2.md", Self.article(30, outlet: "Courier", footer: false))
        // Taking away the edited article's evidence finds nothing to take: the build starts over
        // without the cache (every article analysed), and its counts are right again.
        let (rebuilt, _) = try site.build(readsCache: true)
        #expect(rebuilt.statistics.analysed == 6)
        try Self.expectExact(site, rebuilt, "rebuilt after a mismatch")
    }
}

/// A seeded generator (SplitMix64), so that tests drawing random keys draw the same ones every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
