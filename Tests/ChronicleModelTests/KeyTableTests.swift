@testable import ChronicleModel
import Testing

/// The merge's hash tables must find exactly what a `Dictionary` finds, through growth and
/// whatever keys (word hashes, small node indices, packed pairs).
@Suite struct KeyTableTests {
    @Test func findsWhatADictionaryFinds() {
        var table = KeyTable<Double>()
        var reference: [UInt64: Double] = [:]
        var seed: UInt64 = 1
        for step in 0..<5_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Small integers, packed pairs and full-width hashes, some of them again.
            let key: UInt64 = [seed % 300, (seed >> 40) << 32 | (seed & 0xFF), seed][step % 3]
            table.add(key, 1.5)
            reference[key, default: 0] += 1.5
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        for key: UInt64 in [0xDEAD_BEEF_0000_0001, 1 << 63, 301] where reference[key] == nil { #expect(table[key] == nil) }
        // Entries in the order they were first added.
        var seen = Set<UInt64>()
        #expect(table.keys.allSatisfy { seen.insert($0).inserted })
    }

    @Test func numbersStringsInTheOrderFirstGiven() {
        var numbers = StringNumbers()
        let slugs = (0..<2_000).map { "2024-02-\($0 % 28 + 1)-deccan-some-story-\($0)" }
        for slug in slugs { #expect(numbers.number(slug) == numbers.strings.count - 1) }
        // The same text from another string is the same number.
        for (i, slug) in slugs.enumerated() { #expect(numbers.number(String(slug.utf8.map { Character(UnicodeScalar($0)) })) == i) }
        #expect(numbers.number("") == slugs.count)
        #expect(numbers.number("") == slugs.count)
        #expect(numbers.strings.count == slugs.count + 1)
    }
}
