extension MonthGrouping {
    /// A month's grouping as the next build needs it to regroup after a small change (see
    /// `MonthGrouping.init(_:merger:memory:origins:)`): the nodes end to end, as the grouping holds
    /// them, and the links it found. Kept in the cache beside the period's mentions.
    struct Memory: Codable, Sendable {
        /// How many candidates the grouping was made for (`members` index them).
        var candidateCount: Int
        /// Each node's first and last day numbers.
        var spans: [Int]
        var explicitDay: [Bool]
        var announced: [Bool]
        var reported: [Bool]
        /// Each node's candidates, ascending; node `n` owns `memberBounds[n]..<memberBounds[n + 1]`.
        var members: [Int]
        var memberBounds: [Int]
        var tokens: [UInt64]
        var weights: [Double]
        var isName: [Bool]
        var bounds: [Int]
        var numbers: [UInt64]
        var numberBounds: [Int]
        /// Each node's actors by hash, sorted, with how often its members give each.
        var actorNames: [UInt64]
        var actorCounts: [Double]
        var actorBounds: [Int]
        var links: [Link]
        var conflicts: [Link]
        var announcements: [Link]

        func span(_ n: Int) -> Span { Span(first: spans[2 * n], last: spans[2 * n + 1]) }

        /// Whether node `n` has this key.
        func has(_ key: NodeKey, at n: Int) -> Bool {
            span(n) == key.span && explicitDay[n] == key.explicitDay && announced[n] == key.announced && reported[n] == key.reported && tokens[bounds[n]..<bounds[n + 1]].elementsEqual(key.tokens)
                && weights[bounds[n]..<bounds[n + 1]].elementsEqual(key.weights)
                && numbers[numberBounds[n]..<numberBounds[n + 1]].elementsEqual(key.numbers)
        }

        /// Every bound and index within range, so reading it cannot trap.
        var isConsistent: Bool {
            let count = explicitDay.count
            func fits(_ bounds: [Int], _ total: Int) -> Bool {
                bounds.count == count + 1 && bounds.first == 0 && bounds.last == total && zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 }
            }
            return spans.count == 2 * count && announced.count == count && reported.count == count && fits(memberBounds, members.count)
                && fits(bounds, tokens.count) && weights.count == tokens.count && isName.count == tokens.count
                && fits(numberBounds, numbers.count) && fits(actorBounds, actorNames.count) && actorCounts.count == actorNames.count
                && members.allSatisfy { (0..<candidateCount).contains($0) }
                && (links + conflicts).allSatisfy { 0 <= $0.a && $0.a < $0.b && $0.b < count }
                && announcements.allSatisfy { (0..<count).contains($0.a) && (0..<count).contains($0.b) && $0.a != $0.b }
        }
    }
}

extension MonthGrouping.Memory: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.int(candidateCount)
        out.raw(spans)
        for flags in [explicitDay, announced, reported] { out.raw(flags.map { $0 ? UInt8(1) : 0 }) }
        out.raw(members.map(Int32.init))
        out.raw(memberBounds.map(Int32.init))
        out.raw(tokens)
        out.raw(weights)
        out.raw(isName.map { $0 ? UInt8(1) : 0 })
        out.raw(bounds.map(Int32.init))
        out.raw(numbers)
        out.raw(numberBounds.map(Int32.init))
        out.raw(actorNames)
        out.raw(actorCounts)
        out.raw(actorBounds.map(Int32.init))
        for list in [links, conflicts, announcements] {
            out.raw(list.map(\.similarity))
            var ends: [Int32] = []
            ends.reserveCapacity(2 * list.count)
            for link in list {
                ends.append(Int32(link.a))
                ends.append(Int32(link.b))
            }
            out.raw(ends)
        }
    }

    init(from input: inout CacheReader) throws {
        candidateCount = try input.int()
        spans = try input.raw()
        explicitDay = try input.raw(UInt8.self).map { $0 != 0 }
        announced = try input.raw(UInt8.self).map { $0 != 0 }
        reported = try input.raw(UInt8.self).map { $0 != 0 }
        members = try input.raw(Int32.self).map(Int.init)
        memberBounds = try input.raw(Int32.self).map(Int.init)
        tokens = try input.raw()
        weights = try input.raw()
        isName = try input.raw(UInt8.self).map { $0 != 0 }
        bounds = try input.raw(Int32.self).map(Int.init)
        numbers = try input.raw()
        numberBounds = try input.raw(Int32.self).map(Int.init)
        actorNames = try input.raw()
        actorCounts = try input.raw()
        actorBounds = try input.raw(Int32.self).map(Int.init)
        func list(_ input: inout CacheReader) throws -> [MonthGrouping.Link] {
            let similarities: [Double] = try input.raw()
            let ends: [Int32] = try input.raw()
            guard ends.count == 2 * similarities.count else { throw CacheReader.corrupt("link ends") }
            return similarities.indices.map { MonthGrouping.Link(similarity: similarities[$0], a: Int(ends[2 * $0]), b: Int(ends[2 * $0 + 1])) }
        }
        links = try list(&input)
        conflicts = try list(&input)
        announcements = try list(&input)
    }
}
