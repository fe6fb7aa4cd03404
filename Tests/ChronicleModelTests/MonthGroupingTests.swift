@testable import ChronicleModel
import ChronicleTime
import Testing

/// Regrouping a month from its last grouping (`MonthGrouping.Memory`) must give exactly what
/// grouping it from scratch gives, whatever changed: articles added, removed, edited or renamed.
@Suite struct MonthGroupingTests {
    /// A month of wire-style reporting: a few dozen happenings, each told by several articles in
    /// their own words (some word for word), on its day, its week or the month, with explicit and
    /// inferred dates, and sources that disagree by a day.
    static func article(_ number: Int, slug: String? = nil, happenings: Int = 12) -> [EventMerger.Candidate] {
        var seed = UInt64(number) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let actors = ["Brightwater Bank", "Aster Health", "The central bank", "Dunmere's mayor", "Regional governments", "The union"]
        let verbs = ["agreed to buy", "announced talks with", "sued", "met", "criticised", "signed a deal with"]
        let tails = ["for $25bn", "after weeks of speculation", "in Dunmere", "according to local media", "", "despite objections"]
        let values = ["2024-02-05", "2024-02-06", "2024-02-07", "2024-02-12", "2024-02-13", "2024-W06", "2024-02"]
        return (0..<8).map { position in
            let happening = next(happenings)
            let (subject, object) = (actors[happening % actors.count], actors[(happening / 2 + 1) % actors.count])
            var value = values[happening % values.count]
            if next(6) == 0, value.count == 10 {  // a source a day off
                let day = Int(value.suffix(2))! + 1
                value = String(value.dropLast(2)) + (day < 10 ? "0\(day)" : "\(day)")
            }
            let sentence = next(3) == 0
                ? "\(subject) \(verbs[happening % verbs.count]) \(object) \(tails[happening % tails.count]), officials said."
                : "Officials said \(subject) had \(verbs[(happening + next(2)) % verbs.count]) \(object) \(tails[next(tails.count)])."
            let names = [subject, object].filter { $0.first?.isUppercase == true && !$0.hasPrefix("The ") }
                .map { ArticleName(name: $0, surname: nil, initialWord: false) }
            let mention = Mention(article: slug ?? "a\(number)", blockOrdinal: position, sentenceIndex: 0, sentence: sentence,
                                  expression: "x", expressionRange: nil, value: TimexValue(timex3: value)!, resolution: "",
                                  entities: names.map(\.name), names: names)
            // Some articles were published before the days they tell of: what they expect is announced.
            let early = number % 4 == 0
            return EventMerger.Candidate(mention: mention, status: early && next(2) == 0 ? .expected : .happened,
                                         dateSource: next(4) == 0 ? .publication : .expression, position: position,
                                         published: CivilDate(year: 2024, month: 2, day: early ? 1 : 20)!,
                                         storyNames: [actors[number % actors.count], actors[(number / 3) % actors.count]])
        }
    }

    /// The month of `articles`, regrouped from `before` and grouped from scratch: the same groups and links.
    /// Returns the groups, each candidate's index among the old ones, and the old groups.
    @discardableResult
    func check(_ articles: [(slug: String, candidates: [EventMerger.Candidate])], after before: [(slug: String, candidates: [EventMerger.Candidate])],
               unchanged: Set<String>, renamed: [String: String] = [:]) throws -> (groups: [[Int]], origins: [Int?], last: [[Int]]) {
        let merger = EventMerger()
        let old = before.flatMap(\.candidates)
        // As the cache keeps it.
        let memory = try BinaryCoder.decode(MonthGrouping.Memory.self, from: BinaryCoder.encode(MonthGrouping(old, merger: merger).memory))
        // Each candidate of a kept article points at its place among the old ones.
        var oldIndex: [String: Int] = [:]
        for (i, c) in old.enumerated() { oldIndex["\(c.mention.article)|\(c.position)"] = i }
        let candidates = articles.flatMap(\.candidates)
        let origins: [Int?] = candidates.map { c in
            let oldSlug = renamed.first { $0.value == c.mention.article }?.key ?? c.mention.article
            return unchanged.contains(c.mention.article) ? oldIndex["\(oldSlug)|\(c.position)"] : nil
        }
        let scratch = MonthGrouping(candidates, merger: merger)
        let regrouped = try #require(MonthGrouping(candidates, merger: merger, memory: memory, origins: origins))
        #expect(regrouped.groups() == scratch.groups())
        #expect(regrouped.memory.links == scratch.memory.links)
        #expect(regrouped.memory.conflicts == scratch.memory.conflicts)
        #expect(regrouped.memory.announcements == scratch.memory.announcements)
        #expect(regrouped.memory.actorNames == scratch.memory.actorNames && regrouped.memory.isName == scratch.memory.isName)
        #expect(regrouped.memory.members == scratch.memory.members)
        #expect(scratch.groups().count > 5 && scratch.groups().count < candidates.count)  // the month is neither one event nor none
        #expect(!scratch.memory.announcements.isEmpty)  // and some of its days were announced, then reported
        return (regrouped.groups(), origins, MonthGrouping(old, merger: merger).groups())
    }

    static let month = (0..<60).map { (slug: "a\($0)", candidates: article($0)) }

    @Test func addingAnArticleAnywhere() throws {
        for place in [0, 17, 60] {
            var after = Self.month
            after.insert((slug: "new", candidates: Self.article(1000 + place, slug: "new")), at: place)
            try check(after, after: Self.month, unchanged: Set(Self.month.map(\.slug)))
        }
    }

    @Test func addingAnArticleThatRepeatsAnotherWordForWord() throws {
        var after = Self.month
        after.insert((slug: "copy", candidates: Self.article(30, slug: "copy")), at: 5)
        try check(after, after: Self.month, unchanged: Set(Self.month.map(\.slug)))
    }

    @Test func removingAnArticle() throws {
        for place in [0, 30, 59] {
            var after = Self.month
            let removed = after.remove(at: place)
            try check(after, after: Self.month, unchanged: Set(after.map(\.slug)).subtracting([removed.slug]))
        }
    }

    @Test func editingAnArticle() throws {
        var after = Self.month
        after[12] = (slug: "a12", candidates: Self.article(2000, slug: "a12"))
        after[40] = (slug: "a40", candidates: Array(Self.month[40].candidates.dropFirst(3)))
        try check(after, after: Self.month, unchanged: Set(after.map(\.slug)).subtracting(["a12", "a40"]))
    }

    @Test func renamingArticlesOutOfOrder() throws {
        var after = Self.month
        let moved = after.remove(at: 3)
        after.append((slug: "z3", candidates: moved.candidates.map { c in
            var c = c
            c.mention.article = "z3"
            return c
        }))
        try check(after, after: Self.month, unchanged: Set(after.map(\.slug)), renamed: ["a3": "z3"])
    }

    /// Every few articles removed in turn, and one added in their place: among them, changes that
    /// split a last group and changes that merge two (the link graph of a month is mostly one
    /// component, so every change reaches most groups' links).
    @Test func changesThatSplitOrMergeGroups() throws {
        // A month of more happenings than `month`, as a month of a large site holds.
        let month = (0..<60).map { (slug: "a\($0)", candidates: Self.article($0, happenings: 40)) }
        var (splits, merges) = (0, 0)
        for place in stride(from: 0, to: month.count, by: 5) {
            var removed = month
            removed.remove(at: place)
            var added = month
            added.insert((slug: "new", candidates: Self.article(3000 + place, slug: "new", happenings: 40)), at: place)
            for after in [removed, added] {
                let (groups, origins, last) = try check(after, after: month, unchanged: Set(month.map(\.slug)))
                // The last group of each kept candidate, the groups each last group's candidates are in now, and the other way round.
                var lastGroup: [Int: Int] = [:]
                for (g, members) in last.enumerated() { for i in members { lastGroup[i] = g } }
                var now: [Int: Set<Int>] = [:], before: [Int: Set<Int>] = [:]
                for (g, members) in groups.enumerated() {
                    for i in members {
                        guard let o = origins[i] else { continue }
                        now[lastGroup[o]!, default: []].insert(g)
                        before[g, default: []].insert(lastGroup[o]!)
                    }
                }
                if now.values.contains(where: { $0.count > 1 }) { splits += 1 }
                if before.values.contains(where: { $0.count > 1 }) { merges += 1 }
            }
        }
        #expect(splits > 0 && merges > 0)
    }

    /// Reading checks the links' ends (`isConsistent` does not look at them again).
    @Test func aMemoryWhoseLinksMissTheirNodesIsNotRead() throws {
        let memory = MonthGrouping(Self.month.flatMap(\.candidates), merger: EventMerger()).memory
        let link = try #require(memory.links.first)
        #expect(throws: Never.self) { try BinaryCoder.decode(MonthGrouping.Memory.self, from: BinaryCoder.encode(memory)) }
        for wrong in [(link.a, memory.explicitDay.count), (link.b, link.a)] {
            var broken = memory
            broken.links[0] = MonthGrouping.Link(similarity: link.similarity, a: wrong.0, b: wrong.1)
            #expect(throws: CacheCorruption.self) { try BinaryCoder.decode(MonthGrouping.Memory.self, from: BinaryCoder.encode(broken)) }
        }
    }

    @Test func aMemoryThatDoesNotFitIsNotUsed() {
        let memory = MonthGrouping(Self.month.flatMap(\.candidates), merger: EventMerger()).memory
        let fewer = Array(Self.month.prefix(10)).flatMap(\.candidates)
        let origins: [Int?] = fewer.indices.map { $0 + memory.candidateCount }  // past the old candidates
        #expect(MonthGrouping(fewer, merger: EventMerger(), memory: memory, origins: origins) == nil)
    }
    /// A large period's events made in chunks on several threads (`takeEvents` with `helpWhen`, as a
    /// rebuild's re-merge does once a core is free) are the events made in one run, byte for byte.
    @Test func eventsMadeInChunksAreTheEventsMadeInOneRun() throws {
        let candidates = (0..<640).flatMap { Self.article($0, happenings: 40) }
        #expect(EventMerger.makesEventsInChunks(candidates.count))
        let merger = EventMerger()
        let groups = MonthGrouping(candidates, merger: merger).groups()
        let chunks = EventMerger.eventChunks(groups, candidateCount: candidates.count)
        #expect(chunks.count > 1 && chunks.count <= EventMerger.maximumEventChunks)
        #expect(chunks.first?.lowerBound == 0 && chunks.last?.upperBound == groups.count)
        #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
        var (alone, shared) = (candidates, candidates)
        let one = merger.takeEvents(&alone, groups: groups, names: nil, prepared: EventMerger.Prepared(candidates))
        let many = merger.takeEvents(&shared, groups: groups, names: nil, prepared: EventMerger.Prepared(candidates), helpWhen: { true })
        #expect(many.count == groups.count)
        #expect(try BinaryCoder.encode(many) == BinaryCoder.encode(one))
    }

    /// `sharedPerform` runs each iteration once, whether other threads help or not.
    @Test func sharedPerformRunsEachIterationOnce() {
        for helpWhen in [nil, { false }, { true }] as [(@Sendable () -> Bool)?] {
            let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 50)
            counts.initialize(repeating: 0)
            defer { counts.deallocate() }
            let slots = CountSlots(base: counts.baseAddress!)
            sharedPerform(iterations: 50, helpWhen: helpWhen) { slots.base[$0] += 1 }
            #expect(counts.allSatisfy { $0 == 1 })
        }
    }

    private struct CountSlots: @unchecked Sendable { let base: UnsafeMutablePointer<Int> }
}
