@testable import ChronicleModel
import ChronicleMarkdown
import ChronicleTestSupport
import ChronicleTime
import Foundation
import Testing

/// The build cache's binary coding and content hash.
@Suite struct CacheCodingTests {
    struct Sample: Codable, Equatable {
        enum Shape: Codable, Equatable {
            case point
            case circle(radius: Double)
            case label(String, size: Int?)
        }
        var name: String
        var count: Int
        var negative: Int64
        var flags: [Bool]
        var maybe: String?
        var missing: Int?
        var shapes: [Shape]
        var optionals: [Int?]
        var nested: [[UInt8]]
        var table: [String: Int]
        var range: Range<Int>
        var value: TimexValue
        var hashes: [UInt64]
        var nothing: [Shape]
        var noNumbers: [Int]
    }

    static let sample = Sample(
        name: "Zoë’s “café” — 東京", count: 300, negative: -70_000_000_000, flags: [true, false],
        maybe: "", missing: nil, shapes: [.point, .circle(radius: -1.5), .label("x", size: nil), .label("", size: 3)],
        optionals: [1, nil, -2], nested: [[], [0, 255]], table: ["": 1, "b": -2], range: 3..<9,
        value: TimexValue(timex3: "2025-W11")!, hashes: [0, .max, 1 << 40], nothing: [], noNumbers: [])

    @Test func roundTripsSynthesizedCodable() throws {
        let bytes = try BinaryCoder.encode(Self.sample)
        #expect(try BinaryCoder.decode(Sample.self, from: bytes) == Self.sample)
        #expect(try BinaryCoder.encode(Self.sample) == bytes, "encoding is deterministic")
    }

    /// A file written in place replaces a longer one whole (nothing of the old one is left after
    /// it), and one cut short, as a build stopped while writing it leaves it, reads as missing.
    @Test func aFileWrittenInPlaceIsWholeOrMissing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cache = BuildCache(directory: dir.url, identity: "test")
        try cache.write(["a long value", "and more"], at: "bodies/x.bin", inPlace: true)
        let file = try #require(FileStamp(path: cache.path("bodies/x.bin")))
        try cache.write(["short"], at: "bodies/x.bin", inPlace: true)
        #expect(cache.read([String].self, at: "bodies/x.bin") == ["short"])
        #expect(FileStamp(path: cache.path("bodies/x.bin"))?.inode == file.inode, "the same file, not a renamed one")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/bodies") == ["x.bin"], "no temporary file")
        let bytes = try Data(contentsOf: dir.url.appendingPathComponent("bodies/x.bin"))
        try bytes.dropLast().write(to: dir.url.appendingPathComponent("bodies/x.bin"))
        #expect(cache.read([String].self, at: "bodies/x.bin") == nil)
    }

    /// The writer keeps room after its bytes: a copy must still be a value of its own, and what it
    /// holds exactly what was written, whether the bytes went in short writes or long runs.
    @Test func aCopiedWriterSharesNothing() throws {
        var first = CacheWriter()
        first.string("shared")
        var second = first
        first.varint(300)
        second.string(String(repeating: "x", count: 5000))
        second.int(-2)
        let shared: [UInt8] = [6] + Array("shared".utf8)
        #expect(Array(first.bytes) == shared + [0xAC, 0x02])
        let long = shared + [0x88, 0x27] + Array(repeating: 0x78, count: 5000) + [3]
        #expect(Array(second.bytes) == long)
        #expect(second.take() == long)
        #expect(second.count == 0 && first.count == 9)
    }

    @Test func roundTripsAMentionsNames() throws {
        let names = [ArticleName(name: "Vladimir Putin"), ArticleName(name: "Putin", surname: "Putin"),
                     ArticleName(name: "Keir Starmer", surname: "Keir"), ArticleName(name: "Corvo", surname: "Corvo", initialWord: true)]
        let mention = Mention(article: "a", blockOrdinal: 2, sentenceIndex: 1, sentence: "Mr Putin met Sir Keir.", expression: nil,
                              expressionRange: nil, value: .year(2025), resolution: "why", names: names)
        let back = try BinaryCoder.decode(Mention.self, from: BinaryCoder.encode(mention))
        #expect(back.names == names)
        #expect(back.entities == names.map(\.name))
    }

    @Test func roundTripsAnAnalysedArticle() throws {
        let article = try (ArticleReader(config: SiteConfig()).read(bytes: Array("""
            ---
            title: Talks
            date: 2025-03-15T09:00:00+00:00
            ---
            Leaders met in *London* on Friday. They will meet again next week.

            > A quote on Saturday.
            """.utf8), path: "a.md")).0
        var analysed = article
        ArticleAnalyzer(boilerplate: BoilerplateDetector(articles: [])).analyse(&analysed)
        let decoded = try BinaryCoder.decode(Article.self, from: BinaryCoder.encode(analysed))
        #expect(decoded.document == analysed.document)
        #expect(decoded.blocks.flatMap(\.sentences).map(\.date) == analysed.blocks.flatMap(\.sentences).map(\.date))
        #expect(decoded.blocks.flatMap(\.sentences).flatMap(\.timexes).map(\.explanation)
            == analysed.blocks.flatMap(\.sentences).flatMap(\.timexes).map(\.explanation))
        #expect(decoded.published == analysed.published && decoded.zone == analysed.zone)
    }

    @Test func corruptInputThrowsInsteadOfTrapping() throws {
        let bytes = try BinaryCoder.encode(Self.sample)
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: (any Error).self) { try BinaryCoder.decode(Sample.self, from: Array(bytes[..<cut])) }
        }
        var flipped = bytes
        for i in stride(from: 5, to: flipped.count, by: 11) { flipped[i] ^= 0xFF }
        _ = try? BinaryCoder.decode(Sample.self, from: flipped)  // any outcome but a crash
    }

    @Test func xxh64MatchesTheReferenceVectors() {
        #expect(ContentHash.xxh64([UInt8]()) == 0xEF46_DB37_51D8_E999)
        #expect(ContentHash.xxh64("a") == 0xD24E_C4F1_A98C_6E5B)
        #expect(ContentHash.xxh64("abc") == 0x44BC_2CF5_AD77_0999)
        #expect(ContentHash.xxh64("Nobody inspects the spammish repetition") == 0xFBCE_A83C_8A37_8BF1)
        #expect(ContentHash.hex(0xAB) == "00000000000000ab")
    }
}


/// Every kind of TIMEX3 value decodes to itself from the cache's short form.
@Suite struct StoredTimexTests {
    @Test(arguments: [
        "2025-03-15", "2025-03-15T14:30", "2025-03-15T14", "2025-03-15TAF", "2025-W11", "2025-W01-WE", "2025-03", "2025-SU",
        "2025-Q2", "2025-H1", "2025", "199X", "19XX", "PAST_REF", "P30D", "PT40M", "P1.5Y", "PXY", "P1Y2M", "XXXX-03-15",
    ])
    func roundTrips(_ text: String) throws {
        let value = try #require(TimexValue(timex3: text))
        let decoded = try BinaryCoder.decode(TimexValue.self, from: BinaryCoder.encode(value))
        #expect(decoded == value)
        #expect(decoded.description == value.description)
    }

    @Test func yearsOutsideFourDigitsRoundTrip() throws {
        for value in [TimexValue.year(-44), .year(12_000), .day(CivilDate(year: -500, month: 3, day: 15)!), .decade(-3)] {
            #expect(try BinaryCoder.decode(TimexValue.self, from: BinaryCoder.encode(value)) == value)
        }
    }
}

@Suite struct StoredEvidenceTests {
    @Test func boilerplateEvidenceRoundTrips() throws {
        let texts = ["Read more", "Leaders met on Saturday.", "Your support matters to us. Support our reporting today, please.",
                     "(AP)", "Subscribe to our newsletter and donate. It helps."]
        let blocks = texts.enumerated().map { TextBlock(ordinal: $0.offset, kind: .paragraph, text: $0.element, line: $0.offset + 1, quoted: false) }
        let evidence = BoilerplateEvidence(outlet: "the paper", blocks: blocks)
        #expect(evidence.blocks.contains { if case .oneCue = $0 { true } else { false } })
        #expect(evidence.blocks.contains { if case .furniture = $0 { true } else { false } })
        #expect(try BinaryCoder.decode(BoilerplateEvidence.self, from: BinaryCoder.encode(evidence)) == evidence)
    }
}

/// The hand-written coding (`CacheCodable`) of what a build caches, compared field by field
/// through the values' `Codable` form (which lists every stored field): a built site's records
/// read back equal to the records the build made, and a mention whose every field is set (checked
/// by reflection, so a field added later must be set here too) reads back equal to itself. A
/// field left out of `write` or `init(from:)` fails here. (Mentions always pass through the coding
/// on their way to the merge, so the built site's events cannot serve as the reference for them.)
@Suite struct CacheRecordCodingTests {
    static let articles = [
        "a.md": """
            ---
            title: Talks in Geneva
            source: The Paper
            author: A. Writer
            url: https://paper.example/a
            date: 2025-03-15T09:30:00+01:00
            timezone: Europe/Paris
            ---
            President Vladimir Putin met Sir Keir Starmer in Geneva on Friday, officials said.

            Mr Putin will travel to Berlin next week, and the summit is due in April 2025.

            Subscribe to our newsletter and support our journalism today.
            """,
        "b.md": """
            ---
            title: Talks again
            source: Other Outlet
            date: 2025-03-16
            ---
            Putin and Starmer met in Geneva on Friday, the Kremlin said. Talks lasted 40 minutes at 2pm on 14 March.

            In 2022 the war began; the 1990s were calmer, and the spring of 2024 wetter.
            """,
        "c.md": """
            ---
            title: Undated
            ---
            Someone said something on Monday.
            """,
    ]

    @Test func aBuiltSitesRecordsAndPeriodsReadBackUnchanged() throws {
        let site = try BuiltSite("chronicle-cache-coding", articles: Self.articles)
        defer { site.folder.remove() }
        let (build, made) = try site.build(readsCache: false)
        let cache = try #require(build.cache)
        let json = JSONEncoder()
        json.outputFormatting = .sortedKeys

        let manifest = try #require(cache.read(CacheManifest.self, at: CacheManifest.fileName))
        #expect(manifest.records.count == 3)
        #expect(try manifest.records.contains { try !$0.names.tally.isEmpty && !$0.names.fullNames.isEmpty && $0.published?.instant != nil })
        #expect(manifest.records.contains { !$0.warnings.isEmpty }, "the undated article's warning is kept")
        #expect(try json.encode(manifest.records) == json.encode(build.articles))
        #expect(manifest.periods.map(\.period) == build.periods.map(\.period))

        var values = Set<String>()
        var positions: [[Int]] = []
        for result in build.periods {
            let file = try #require(cache.read(PeriodFile.self, at: CacheManifest.PeriodEntry.path(result)))
            let fromFile = file.events(merger: EventMerger(), names: build.names)
            let inMemory = try #require(made[result.period]?.events)
            #expect(!inMemory.isEmpty)
            #expect(try json.encode(fromFile) == json.encode(inMemory))
            for c in file.candidates { values.insert(c.mention.value.description) }
            positions += file.candidates.map { [$0.mention.blockOrdinal, $0.mention.sentenceIndex, $0.position] }
        }
        #expect(positions.contains { $0[1] > 0 } && positions.contains { $0[0] > 0 }, "\(positions)")
        // Days, times, weeks and years take tagged forms (every kind: `everyValueKindRoundTripsInAMention`).
        #expect(values.isSuperset(of: ["2025-03-14", "2025-03-14T14:00", "2025-W12", "2022"]), "\(values.sorted())")
    }

    @Test(arguments: ["2025-03-15", "2025-03-15T14:30", "2025-03-15T14", "2025-03-15TAF", "2025-W11", "2025-W01-WE", "2025-03",
                      "2025-SU", "2025-Q2", "2025", "199X", "PAST_REF", "P30D", "XXXX-03-15", "-0044"])
    func everyValueKindRoundTripsInAMention(_ text: String) throws {
        let value = try #require(TimexValue(timex3: text))
        let mention = Mention(article: "a", blockOrdinal: 0, sentenceIndex: 0, sentence: "s", expression: "e", expressionRange: 0..<1,
                              value: value, resolution: "r")
        let back = try BinaryCoder.decode(Mention.self, from: BinaryCoder.encode(mention))
        #expect(back.value == value)
        #expect(back.expressionRange == 0..<1)
    }

    @Test func aMentionWithEveryFieldSetReadsBackEqual() throws {
        let names = [ArticleName(name: "Vladimir Putin"), ArticleName(name: "Putin", surname: "Putin", initialWord: true)]
        let mention = Mention(article: "a-slug", blockOrdinal: 3, sentenceIndex: 2, sentence: "Mr Putin met him in Geneva on Friday.",
                              expression: "on Friday", expressionRange: 28..<37, value: .day(CivilDate(year: 2025, month: 3, day: 14)!),
                              resolution: "why", entities: names.map(\.name), names: names)
        let candidate = EventMerger.Candidate(mention: mention, status: .expected, dateSource: .narrative, position: 7,
                                              filedIn: Period(year: 2025, month: 3), published: CivilDate(year: 2025, month: 3, day: 12)!,
                                              storyNames: ["Vladimir Putin", "Geneva"])
        for child in Array(Mirror(reflecting: mention).children) + Array(Mirror(reflecting: candidate).children) {
            let value = child.value
            let unset = (value as? Int) == 0 || (value as? String)?.isEmpty == true || (value as? [Any])?.isEmpty == true
                || Mirror(reflecting: value).displayStyle == .optional && Mirror(reflecting: value).children.isEmpty
            #expect(!unset, "set \(child.label ?? "?") in the sample, so that its coding is checked")
        }
        let json = JSONEncoder()
        json.outputFormatting = .sortedKeys
        let back = try BinaryCoder.decode(EventMerger.Candidate.self, from: BinaryCoder.encode(candidate))
        #expect(try json.encode(back) == json.encode(candidate))
        #expect(back.mention.entities == names.map(\.name))
    }

    @Test func truncatedRecordsThrow() throws {
        var record = ArticleRecord(sourcePath: "a.md", contentHash: 7, article: Article(sourcePath: "a.md", slug: "a", title: "A", document: MarkdownDocument(blocks: [])), warnings: [])
        record.periods = [Period(year: 2025, month: 3), Period(year: 2025, month: nil)]
        let bytes = try BinaryCoder.encode(CacheManifest(records: [record], periods: []))
        #expect(try BinaryCoder.decode(CacheManifest.self, from: bytes).records[0].periods == record.periods)
        for cut in 0..<bytes.count {
            var truncated = Array(bytes[..<cut])
            if truncated.count >= 4 { truncated.replaceSubrange(0..<4, with: withUnsafeBytes(of: UInt32(cut - 4).littleEndian, Array.init)) }
            #expect(throws: (any Error).self) { try BinaryCoder.decode(CacheManifest.self, from: truncated) }
        }
    }

    /// Records of the tests of the manifest's runs (`CacheManifest.recordRuns`): more than runs, not a multiple of them.
    static func numberedRecords(_ count: Int) -> [ArticleRecord] {
        (0..<count).map { i in
            ArticleRecord(sourcePath: "\(i).md", contentHash: UInt64(i),
                          article: Article(sourcePath: "\(i).md", slug: "s\(i)", title: "T\(i)", document: MarkdownDocument(blocks: [])), warnings: [])
        }
    }

    @Test func aManifestsRecordsReadInRunsComeBackInOrderWithTheirBytes() throws {
        let records = Self.numberedRecords(9)
        let bytes = try BinaryCoder.encode(CacheManifest(records: records, periods: []))
        let manifest = try BinaryCoder.decode(CacheManifest.self, from: bytes)
        #expect(manifest.records.map(\.sourcePath) == records.map(\.sourcePath))
        #expect(manifest.encoded.allSatisfy { $0 != nil } && manifest.encoded.count == records.count)
        // Written again with the bytes each record was read from: the same file.
        #expect(try BinaryCoder.encode(manifest) == bytes)
    }

    @Test func aDamagedRunOfRecordsThrowsOnceTheOthersAreRead() throws {
        let bytes = try BinaryCoder.encode(CacheManifest(records: Self.numberedRecords(9), periods: []))
        // The last record's path said to be longer than what is left of its run (the last run: the
        // records before it, in its run and the others, are made first and then undone).
        let path = try #require(bytes.firstRange(of: [4] + Array("8.md".utf8)))
        var damaged = bytes
        damaged[path.lowerBound] = 0x7F
        #expect(throws: (any Error).self) { try BinaryCoder.decode(CacheManifest.self, from: damaged) }
    }
}
