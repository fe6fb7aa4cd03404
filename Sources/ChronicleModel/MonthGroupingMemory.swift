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
            func ordered(_ link: Link) -> Bool { 0 <= link.a && link.a < link.b && link.b < count }
            return spans.count == 2 * count && announced.count == count && reported.count == count && fits(memberBounds, members.count)
                && fits(bounds, tokens.count) && weights.count == tokens.count && isName.count == tokens.count
                && fits(numberBounds, numbers.count) && fits(actorBounds, actorNames.count) && actorCounts.count == actorNames.count
                && members.allSatisfy { (0..<candidateCount).contains($0) }
                && links.allSatisfy(ordered) && conflicts.allSatisfy(ordered)
                && announcements.allSatisfy { (0..<count).contains($0.a) && (0..<count).contains($0.b) && $0.a != $0.b }
        }
    }
}

/// Kept compact (a large month's grouping is hundreds of thousands of links, and a rebuild reads and
/// writes it whole): a word's weight and a name's count take a few values, so each is a byte naming
/// one of them; links come strongest first, so their similarities are runs of one value; their ends
/// are two bytes each while the month has no more than 65,536 nodes.
extension MonthGrouping.Memory: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.int(candidateCount)
        out.raw(spans)
        for flags in [explicitDay, announced, reported] { out.raw(flags.map { $0 ? UInt8(1) : 0 }) }
        out.raw(members.map(Int32.init))
        out.raw(memberBounds.map(Int32.init))
        out.raw(tokens)
        Self.writeFew(weights, to: &out)
        out.raw(isName.map { $0 ? UInt8(1) : 0 })
        out.raw(bounds.map(Int32.init))
        out.raw(numbers)
        out.raw(numberBounds.map(Int32.init))
        out.raw(actorNames)
        Self.writeFew(actorCounts, to: &out)
        out.raw(actorBounds.map(Int32.init))
        for list in [links, conflicts, announcements] { Self.write(list, nodeCount: explicitDay.count, to: &out) }
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
        weights = try Self.readFew(&input)
        isName = try input.raw(UInt8.self).map { $0 != 0 }
        bounds = try input.raw(Int32.self).map(Int.init)
        numbers = try input.raw()
        numberBounds = try input.raw(Int32.self).map(Int.init)
        actorNames = try input.raw()
        actorCounts = try Self.readFew(&input)
        actorBounds = try input.raw(Int32.self).map(Int.init)
        links = try Self.readLinks(&input)
        conflicts = try Self.readLinks(&input)
        announcements = try Self.readLinks(&input)
    }

    /// Doubles that take few values: the values, then each one's index among them as a byte; as
    /// they are when they take more than 256.
    static func writeFew(_ values: [Double], to out: inout CacheWriter) {
        var distinct: [UInt64] = []
        var codes: [UInt8] = []
        codes.reserveCapacity(values.count)
        var last = (bits: UInt64?.none, code: UInt8(0))
        for value in values {
            let bits = value.bitPattern
            if bits == last.bits {
                codes.append(last.code)
                continue
            }
            var k = 0
            while k < distinct.count && distinct[k] != bits { k += 1 }
            if k == distinct.count {
                guard k < 256 else {
                    out.bool(false)
                    out.raw(values)
                    return
                }
                distinct.append(bits)
            }
            last = (bits, UInt8(k))
            codes.append(UInt8(k))
        }
        out.bool(true)
        out.raw(distinct)
        out.raw(codes)
    }

    static func readFew(_ input: inout CacheReader) throws -> [Double] {
        guard try input.bool() else { return try input.raw() }
        let distinct = try input.raw(UInt64.self).map(Double.init(bitPattern:))
        let codes: [UInt8] = try input.raw()
        guard codes.allSatisfy({ Int($0) < distinct.count }) else { throw CacheReader.corrupt("value code") }
        return codes.map { distinct[Int($0)] }
    }

    /// Links: each similarity and how many links in a row have it, then the ends.
    static func write(_ links: [MonthGrouping.Link], nodeCount: Int, to out: inout CacheWriter) {
        var values: [Double] = [], runs: [UInt32] = []
        var start = 0
        for i in links.indices where i == links.count - 1 || links[i + 1].similarity.bitPattern != links[i].similarity.bitPattern
            || i + 1 - start == Int(UInt32.max) {
            values.append(links[i].similarity)
            runs.append(UInt32(i + 1 - start))
            start = i + 1
        }
        out.raw(values)
        out.raw(runs)
        func ends<T: FixedWidthInteger>(_: T.Type) -> [T] {
            [T](unsafeUninitializedCapacity: 2 * links.count) { buffer, count in
                for (i, link) in links.enumerated() {
                    buffer[2 * i] = T(link.a)
                    buffer[2 * i + 1] = T(link.b)
                }
                count = 2 * links.count
            }
        }
        let narrow = nodeCount <= Int(UInt16.max) + 1
        out.bool(narrow)
        if narrow { out.raw(ends(UInt16.self)) } else { out.raw(ends(Int32.self)) }
    }

    static func readLinks(_ input: inout CacheReader) throws -> [MonthGrouping.Link] {
        let values: [Double] = try input.raw()
        let runs: [UInt32] = try input.raw()
        guard values.count == runs.count else { throw CacheReader.corrupt("link runs") }
        var count = 0
        for run in runs {
            count += Int(run)
            guard count <= 1 << 40 else { throw CacheReader.corrupt("link runs") }
        }
        func links<T: FixedWidthInteger>(_ ends: [T]) throws -> [MonthGrouping.Link] {
            guard ends.count == 2 * count else { throw CacheReader.corrupt("link ends") }
            var out: [MonthGrouping.Link] = []
            // Room for the links a regrouping finds again for the nodes that changed (it keeps the others here).
            out.reserveCapacity(count + count / 32 + 64)
            var e = 0
            for (value, run) in zip(values, runs) {
                for _ in 0..<run {
                    out.append(MonthGrouping.Link(similarity: value, a: Int(ends[e]), b: Int(ends[e + 1])))
                    e += 2
                }
            }
            return out
        }
        return try input.bool() ? links(input.raw(UInt16.self)) : links(input.raw(Int32.self))
    }
}
