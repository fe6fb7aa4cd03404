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

        /// Every bound and index within range, so reading it cannot trap. (The links' ends are not
        /// looked at again: a memory is made by a grouping, or read, and reading checks them, see `readLinks`.)
        var isConsistent: Bool {
            let count = explicitDay.count
            func fits(_ bounds: [Int], _ total: Int) -> Bool {
                bounds.count == count + 1 && bounds.first == 0 && bounds.last == total && zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 }
            }
            return spans.count == 2 * count && announced.count == count && reported.count == count && fits(memberBounds, members.count)
                && fits(bounds, tokens.count) && weights.count == tokens.count && isName.count == tokens.count
                && fits(numberBounds, numbers.count) && fits(actorBounds, actorNames.count) && actorCounts.count == actorNames.count
                && members.allSatisfy { (0..<candidateCount).contains($0) }
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
        for flags in [explicitDay, announced, reported] { Self.write(flags, to: &out) }
        Self.writeNarrow(members, to: &out)
        Self.writeNarrow(memberBounds, to: &out)
        out.raw(tokens)
        Self.writeFew(weights, to: &out)
        Self.write(isName, to: &out)
        Self.writeNarrow(bounds, to: &out)
        out.raw(numbers)
        Self.writeNarrow(numberBounds, to: &out)
        out.raw(actorNames)
        Self.writeFew(actorCounts, to: &out)
        Self.writeNarrow(actorBounds, to: &out)
        for list in [links, conflicts, announcements] { Self.write(list, nodeCount: explicitDay.count, to: &out) }
    }

    init(from input: inout CacheReader) throws {
        candidateCount = try input.int()
        spans = try input.raw()
        explicitDay = try Self.readFlags(&input)
        announced = try Self.readFlags(&input)
        reported = try Self.readFlags(&input)
        members = try Self.readNarrow(&input)
        memberBounds = try Self.readNarrow(&input)
        tokens = try input.raw()
        weights = try Self.readFew(&input)
        isName = try Self.readFlags(&input)
        bounds = try Self.readNarrow(&input)
        numbers = try input.raw()
        numberBounds = try Self.readNarrow(&input)
        actorNames = try input.raw()
        actorCounts = try Self.readFew(&input)
        actorBounds = try Self.readNarrow(&input)
        links = try Self.readLinks(&input, nodeCount: explicitDay.count, ordered: true)
        conflicts = try Self.readLinks(&input, nodeCount: explicitDay.count, ordered: true)
        announcements = try Self.readLinks(&input, nodeCount: explicitDay.count, ordered: false)
    }

    /// Flags as a byte each. (The lists below are written and read in place, with no array made
    /// for their bytes on the way: a month's are large, and its memory is read and written whole.)
    private static func write(_ flags: [Bool], to out: inout CacheWriter) {
        flags.withUnsafeBufferPointer { flags in
            out.raw(UInt8.self, count: flags.count) { bytes in
                for (i, flag) in flags.enumerated() { bytes.storeBytes(of: flag ? 1 : 0, toByteOffset: i, as: UInt8.self) }
            }
        }
    }

    private static func readFlags(_ input: inout CacheReader) throws -> [Bool] {
        let (count, bytes) = try input.rawBytes(UInt8.self)
        return bytes.withUnsafeBufferPointer { bytes in
            [Bool](unsafeUninitializedCapacity: count) { flags, initialized in
                for i in 0..<count { flags[i] = bytes[i] != 0 }
                initialized = count
            }
        }
    }

    /// Indices and bounds as 32-bit numbers.
    private static func writeNarrow(_ values: [Int], to out: inout CacheWriter) {
        values.withUnsafeBufferPointer { values in
            out.raw(Int32.self, count: values.count) { bytes in
                for (i, value) in values.enumerated() { bytes.storeBytes(of: Int32(value), toByteOffset: 4 * i, as: Int32.self) }
            }
        }
    }

    private static func readNarrow(_ input: inout CacheReader) throws -> [Int] {
        let (count, bytes) = try input.rawBytes(Int32.self)
        return bytes.withUnsafeBytes { bytes in (0..<count).map { Int(bytes.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) } }
    }

    /// Doubles that take few values: the values, then each one's index among them as a byte; as
    /// they are when they take more than 256.
    static func writeFew(_ values: [Double], to out: inout CacheWriter) {
        var distinct: [UInt64] = []
        var codes = [UInt8](repeating: 0, count: values.count)
        // Each value's index found by its bits in a small open-addressed table (a quarter full at most).
        var slots = [Int16](repeating: -1, count: 1024)
        let few = values.withUnsafeBufferPointer { values in codes.withUnsafeMutableBufferPointer { codes in
            slots.withUnsafeMutableBufferPointer { slots in
                var last = (bits: UInt64?.none, code: UInt8(0))
                for i in values.indices {
                    let bits = values[i].bitPattern
                    if bits == last.bits {
                        codes[i] = last.code
                        continue
                    }
                    var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 54)
                    while slots[slot] >= 0 && distinct[Int(slots[slot])] != bits { slot = (slot + 1) & 1023 }
                    if slots[slot] < 0 {
                        guard distinct.count < 256 else { return false }
                        slots[slot] = Int16(distinct.count)
                        distinct.append(bits)
                    }
                    last = (bits, UInt8(slots[slot]))
                    codes[i] = last.code
                }
                return true
            }
        } }
        guard few else {
            out.bool(false)
            out.raw(values)
            return
        }
        out.bool(true)
        out.raw(distinct)
        out.raw(codes)
    }

    static func readFew(_ input: inout CacheReader) throws -> [Double] {
        guard try input.bool() else { return try input.raw() }
        let distinct = try input.raw(UInt64.self).map(Double.init(bitPattern:))
        let (count, codes) = try input.rawBytes(UInt8.self)
        guard distinct.count <= 256 else { throw CacheReader.corrupt("value code") }
        // Every code looked up among 256 (codes past the values are caught after).
        let table = distinct + [Double](repeating: 0, count: 256 - distinct.count)
        var highest: UInt8 = 0
        let values = table.withUnsafeBufferPointer { table in
            codes.withUnsafeBufferPointer { codes in
                [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for i in 0..<count {
                        highest = max(highest, codes[i])
                        buffer[i] = table[Int(codes[i])]
                    }
                    initialized = count
                }
            }
        }
        guard count == 0 || Int(highest) < distinct.count else { throw CacheReader.corrupt("value code") }
        return values
    }

    /// Links: each similarity and how many links in a row have it, then the ends.
    static func write(_ links: [MonthGrouping.Link], nodeCount: Int, to out: inout CacheWriter) {
        var values: [Double] = [], runs: [UInt32] = []
        let narrow = nodeCount <= Int(UInt16.max) + 1
        links.withUnsafeBufferPointer { links in
            var start = 0
            while start < links.count {
                let bits = links[start].similarity.bitPattern
                var end = start + 1
                while end < links.count && links[end].similarity.bitPattern == bits && end - start < Int(UInt32.max) { end += 1 }
                values.append(links[start].similarity)
                runs.append(UInt32(end - start))
                start = end
            }
            out.raw(values)
            out.raw(runs)
            out.bool(narrow)
            // Each link's two ends in turn, as `T`s.
            func ends<T: FixedWidthInteger & BitwiseCopyable>(_: T.Type) {
                let size = MemoryLayout<T>.stride
                out.raw(T.self, count: 2 * links.count) { bytes in
                    for (i, link) in links.enumerated() {
                        bytes.storeBytes(of: T(truncatingIfNeeded: link.a), toByteOffset: 2 * size * i, as: T.self)
                        bytes.storeBytes(of: T(truncatingIfNeeded: link.b), toByteOffset: 2 * size * i + size, as: T.self)
                    }
                }
            }
            if narrow { ends(UInt16.self) } else { ends(Int32.self) }
        }
    }

    /// Links whose ends are all nodes (the earlier first when `ordered`, else two different ones).
    static func readLinks(_ input: inout CacheReader, nodeCount: Int, ordered: Bool) throws -> [MonthGrouping.Link] {
        let values: [Double] = try input.raw()
        let runs: [UInt32] = try input.raw()
        guard values.count == runs.count else { throw CacheReader.corrupt("link runs") }
        var count = 0
        for run in runs {
            count += Int(run)
            guard count <= 1 << 40 else { throw CacheReader.corrupt("link runs") }
        }
        func links<T: FixedWidthInteger & BitwiseCopyable>(_: T.Type) throws -> [MonthGrouping.Link] {
            let (ends, bytes) = try input.rawBytes(T.self)
            guard ends == 2 * count else { throw CacheReader.corrupt("link ends") }
            let size = MemoryLayout<T>.stride
            var fits = true
            // Room for the links a regrouping finds again for the nodes that changed (it keeps the others here).
            let links = bytes.withUnsafeBytes { bytes in
                [MonthGrouping.Link](unsafeUninitializedCapacity: count + count / 32 + 64) { buffer, initialized in
                    var e = 0
                    for (value, run) in zip(values, runs) {
                        for _ in 0..<run {
                            let a = Int(bytes.loadUnaligned(fromByteOffset: e * size, as: T.self))
                            let b = Int(bytes.loadUnaligned(fromByteOffset: (e + 1) * size, as: T.self))
                            fits = fits && 0 <= a && a < nodeCount && 0 <= b && b < nodeCount && (ordered ? a < b : a != b)
                            buffer[e / 2] = MonthGrouping.Link(similarity: value, a: a, b: b)
                            e += 2
                        }
                    }
                    initialized = count
                }
            }
            guard fits else { throw CacheReader.corrupt("link ends") }
            return links
        }
        return try input.bool() ? links(UInt16.self) : links(Int32.self)
    }
}
