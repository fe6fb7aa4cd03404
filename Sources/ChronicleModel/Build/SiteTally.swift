/// Kept site-wide counts that do not match the articles they are updated by (a key or name taken
/// away more often than it was counted): the cache is not to be trusted, and the build starts over.
struct TallyMismatch: Error {}

/// How often each 64-bit key occurs, as two sorted lists: a site-wide count a build keeps for the
/// next one, which updates it by what changed (one merge) and looks up a few keys in it.
struct SortedCounts: Sendable, Equatable {
    private(set) var keys: [UInt64] = []
    private(set) var counts: [Int32] = []

    init() {}

    /// The counts of `all` (in any order, each occurrence counted).
    init(counting all: [UInt64]) {
        var sorted = all
        Self.radixSort(&sorted)
        for key in sorted {
            if keys.last == key { counts[counts.count - 1] += 1 } else { keys.append(key); counts.append(1) }
        }
    }

    /// Sorts `keys` ascending by their four 16-bit digits, least significant first (a clean build
    /// counts half a million sentence hashes on one core: `sort()` took about 0.06 s of it at
    /// 10,000 articles). The four digits' counts are taken in one pass; a digit all keys share moves nothing.
    static func radixSort(_ keys: inout [UInt64]) {
        guard keys.count > 4096 else { return keys.sort() }
        var counts = [Int](repeating: 0, count: 4 << 16)
        var spare = [UInt64](repeating: 0, count: keys.count)
        keys.withUnsafeMutableBufferPointer { keys in spare.withUnsafeMutableBufferPointer { spare in
            counts.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    for digit in 0..<4 { counts[digit << 16 | Int(truncatingIfNeeded: key >> UInt64(16 * digit)) & 0xFFFF] += 1 }
                }
                var (from, to) = (keys, spare)
                for digit in 0..<4 {
                    let base = digit << 16, shift = UInt64(16 * digit)
                    if counts[base | Int(truncatingIfNeeded: from[0] >> shift) & 0xFFFF] == from.count { continue }
                    var start = 0
                    for d in base..<base + (1 << 16) { (counts[d], start) = (start, start + counts[d]) }
                    for key in from {
                        let d = base | Int(truncatingIfNeeded: key >> shift) & 0xFFFF
                        to[counts[d]] = key
                        counts[d] += 1
                    }
                    swap(&from, &to)
                }
                if from.baseAddress != keys.baseAddress { _ = keys.update(fromContentsOf: from) }
            }
        } }
    }

    init(keys: [UInt64], counts: [Int32]) throws {
        guard keys.count == counts.count, counts.allSatisfy({ $0 > 0 }), zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw CacheReader.corrupt("sorted counts")
        }
        self.keys = keys
        self.counts = counts
    }

    /// How often `key` was counted (0 when never).
    subscript(key: UInt64) -> Int {
        let i = position(of: key)
        return i < keys.count && keys[i] == key ? Int(counts[i]) : 0
    }

    /// Where `key` is, or would go: the first index whose key is not below it.
    private func position(of key: UInt64) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Each changed key's count after `changes`, with where the key is (or would go) and whether it
    /// is there, sorted by key; throws when a count would go below 0 (the kept counts do not match
    /// the articles).
    func check(_ changes: [UInt64: Int]) throws(TallyMismatch) -> [(key: UInt64, index: Int, found: Bool, count: Int32)] {
        var checked: [(key: UInt64, index: Int, found: Bool, count: Int32)] = []
        checked.reserveCapacity(changes.count)
        for (key, change) in changes.sorted(by: { $0.key < $1.key }) {
            let index = position(of: key)
            let found = index < keys.count && keys[index] == key
            let count = Int32(change) + (found ? counts[index] : 0)
            guard count >= 0 else { throw TallyMismatch() }
            checked.append((key, index, found, count))
        }
        return checked
    }

    /// Adds each key's change to its count; a key counted 0 times leaves the lists. A count that
    /// would go below 0 (the kept counts do not match the articles) throws, the counts untouched.
    mutating func apply(_ changes: [UInt64: Int]) throws(TallyMismatch) {
        apply(checked: try check(changes))
    }

    /// `apply` with the changes checked (`check`). The lists change in place: a rebuild changes a
    /// few hundred of a large site's keys, and new lists would be as many fresh pages as the old.
    mutating func apply(checked: [(key: UInt64, index: Int, found: Bool, count: Int32)]) {
        var removes = false
        var added: [(key: UInt64, index: Int, count: Int32)] = []
        for c in checked {
            if c.found {
                counts[c.index] = c.count
                if c.count == 0 { removes = true }
            } else if c.count > 0 {
                added.append((c.key, c.index, c.count))
            }
        }
        if removes {
            // Every other count is above 0: the lists keep exactly those.
            let kept = counts.withUnsafeMutableBufferPointer { counts in
                keys.withUnsafeMutableBufferPointer { keys in
                    var w = counts.firstIndex(of: 0)!
                    for r in w..<counts.count where counts[r] != 0 {
                        (keys[w], counts[w]) = (keys[r], counts[r])
                        w += 1
                    }
                    return w
                }
            }
            keys.removeLast(keys.count - kept)
            counts.removeLast(counts.count - kept)
            // The places found before the removals moved back by the removals below them.
            if !added.isEmpty {
                for k in added.indices { added[k].index = position(of: added[k].key) }
            }
        }
        guard !added.isEmpty else { return }
        // Merged from the back: each old entry moves once, by the number of new keys below it.
        let oldCount = keys.count
        keys.append(contentsOf: repeatElement(0, count: added.count))
        counts.append(contentsOf: repeatElement(0, count: added.count))
        counts.withUnsafeMutableBufferPointer { counts in
            keys.withUnsafeMutableBufferPointer { keys in
                var end = oldCount
                for k in added.indices.reversed() {
                    let (key, index, count) = added[k]
                    // Old entries from `index` up to `end` move up by the k + 1 new keys at or below them.
                    let shift = k + 1
                    if index < end {
                        let n = end - index
                        (keys.baseAddress! + index + shift).update(from: keys.baseAddress! + index, count: n)
                        (counts.baseAddress! + index + shift).update(from: counts.baseAddress! + index, count: n)
                    }
                    keys[index + k] = key
                    counts[index + k] = count
                    end = index
                }
            }
        }
    }

    /// Lists read with room to grow (`apply` adds a build's new keys in place).
    init(keys: (count: Int, bytes: ArraySlice<UInt8>), counts: (count: Int, bytes: ArraySlice<UInt8>)) throws {
        try self.init(keys: Self.list(keys), counts: Self.list(counts))
    }

    private static func list<T: BitwiseCopyable>(_ raw: (count: Int, bytes: ArraySlice<UInt8>)) -> [T] {
        [T](unsafeUninitializedCapacity: raw.count + raw.count / 64 + 256) { buffer, initialized in
            raw.bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = raw.count
        }
    }
}

/// The boilerplate pass's site-wide counts (`BoilerplateDetector`): kept with the manifest, so a
/// rebuild updates them by the articles that changed instead of counting every article again,
/// and works out whose verdicts can have changed (`Change`).
struct BoilerplateTally: Sendable, Equatable {
    /// Outlet-salted sentence hash → how many articles contain it.
    var sentences = SortedCounts()
    /// Outlet-salted paragraph hash → how many articles contain it.
    var paragraphs = SortedCounts()
    /// Outlet hash → how many articles it has.
    var outlets: [UInt64: Int] = [:]
    /// The paragraphs counted in `BoilerplateDetector.furnitureMinimumArticles` articles or more,
    /// with their outlet: the only ones whose verdict a change of the outlet's count can turn.
    var frequent: [UInt64: UInt64] = [:]

    init() {}

    init(_ evidence: [BoilerplateEvidence]) {
        var all: [UInt64] = []
        all.reserveCapacity(evidence.reduce(0) { $0 + $1.sentences.count })
        for e in evidence {
            all += e.sentences
            outlets[e.outlet, default: 0] += 1
        }
        sentences = SortedCounts(counting: all)
        let distinct = evidence.map(\.distinctParagraphs)
        paragraphs = SortedCounts(counting: distinct.flatMap { $0 })
        // The few frequent paragraphs in a filter first: most of the site's paragraphs are passed
        // over on one bit instead of a search of the sorted counts each.
        let counted = paragraphs
        let often = HashFilter(counted.keys.indices.lazy.filter { counted.counts[$0] >= BoilerplateDetector.furnitureMinimumArticles }
            .map { counted.keys[$0] })
        for (e, ps) in zip(evidence, distinct) {
            for p in ps where often.mayContain(p) && paragraphs[p] >= BoilerplateDetector.furnitureMinimumArticles { frequent[p] = e.outlet }
        }
    }

    /// The keys whose counts, as verdicts read them, changed.
    struct Change {
        let sentences: Set<UInt64>
        let paragraphs: Set<UInt64>
        /// Both sets' keys: a rebuild asks about every article, and most share no key with the change.
        private let filter: HashFilter

        init(sentences: Set<UInt64> = [], paragraphs: Set<UInt64> = []) {
            (self.sentences, self.paragraphs) = (sentences, paragraphs)
            filter = HashFilter(sentences.union(paragraphs))
        }

        /// Whether an article's verdicts may read a changed count (else they are as they were).
        func touches(_ e: BoilerplateEvidence) -> Bool {
            touches(sentences: e.sentences, paragraphs: e.paragraphs) { e.blocks }
        }

        /// `touches` for a record's evidence as the manifest holds it: decoded only when its blocks must be looked at.
        func touches(_ stored: ArticleRecord.StoredEvidence) -> Bool {
            switch stored {
            case .decoded(let e): return touches(e)
            case .encoded(let bytes):
                return BoilerplateEvidence.withHashes(in: bytes) { s, p in touches(sentences: s, paragraphs: p) { stored.value.blocks } }
            }
        }

        private func touches<Hashes: Sequence<UInt64>>(sentences s: Hashes, paragraphs p: Hashes,
                                                       blocks: () -> [BoilerplateEvidence.Block]) -> Bool {
            guard !sentences.isEmpty || !paragraphs.isEmpty else { return false }
            if p.contains(where: { filter.mayContain($0) && paragraphs.contains($0) }) { return true }
            // A block's keys are among the article's sentences: look at the blocks only when one of those changed.
            guard s.contains(where: { filter.mayContain($0) && sentences.contains($0) }) else { return false }
            for case .oneCue(let keys) in blocks() where keys.contains(where: { sentences.contains($0.hash) }) { return true }
            return false
        }
    }

    /// Takes away the evidence of articles that left or changed, adds that of articles that came or
    /// changed, and returns what changed for the articles' verdicts.
    mutating func update(removing removed: [BoilerplateEvidence], adding added: [BoilerplateEvidence]) throws(TallyMismatch) -> Change {
        var sentenceDelta: [UInt64: Int] = [:], paragraphDelta: [UInt64: Int] = [:], outletDelta: [UInt64: Int] = [:]
        var outletOf: [UInt64: UInt64] = [:]
        for (list, sign) in [(removed, -1), (added, 1)] {
            for e in list {
                for s in e.sentences { sentenceDelta[s, default: 0] += sign }
                for p in e.distinctParagraphs {
                    paragraphDelta[p, default: 0] += sign
                    outletOf[p] = e.outlet
                }
                outletDelta[e.outlet, default: 0] += sign
            }
        }
        sentenceDelta = sentenceDelta.filter { $0.value != 0 }
        paragraphDelta = paragraphDelta.filter { $0.value != 0 }
        let before = outlets
        var updated = outlets
        for (outlet, d) in outletDelta where d != 0 {
            let total = (outlets[outlet] ?? 0) + d
            guard total >= 0 else { throw TallyMismatch() }
            updated[outlet] = total == 0 ? nil : total
        }
        // Both checked before either changes (in place: the lists are large).
        let (sentenceChanges, paragraphChanges) = (try sentences.check(sentenceDelta), try paragraphs.check(paragraphDelta))
        sentences.apply(checked: sentenceChanges)
        paragraphs.apply(checked: paragraphChanges)
        outlets = updated
        for p in paragraphDelta.keys { frequent[p] = paragraphs[p] >= BoilerplateDetector.furnitureMinimumArticles ? outletOf[p] : nil }

        // An outlet's count decides only whether its frequent paragraphs are printed in half its articles.
        var turned: [UInt64] = []
        for (p, outlet) in frequent where paragraphDelta[p] == nil && before[outlet] != outlets[outlet] {
            let n = paragraphs[p]
            if (n * 2 >= before[outlet] ?? 0) != (n * 2 >= outlets[outlet] ?? 0) { turned.append(p) }
        }
        return Change(sentences: Set(sentenceDelta.keys), paragraphs: Set(paragraphDelta.keys).union(turned))
    }
}

extension BoilerplateEvidence {
    /// Its non-empty paragraphs, each once (in order), as the counts take them.
    var distinctParagraphs: [UInt64] {
        paragraphs.enumerated().compactMap { i, p in p != 0 && !paragraphs[..<i].contains(p) ? p : nil }
    }
}

/// The site-wide pass over names, summed over articles (`SiteNames`): kept with the manifest, so a
/// rebuild adds and takes away the evidence of the articles it analyses or drops instead of
/// reading every article's again.
struct NameTally: Sendable, Equatable {
    /// Full name → sentences using it, over all articles.
    var fullNames: [String: Int] = [:]
    /// Single name → articles using it where a capital means a name.
    var nameWords: [String: Int] = [:]
    /// (name, kind) → sentences, over all articles.
    var tallies: [Key: Int] = [:]

    struct Key: Hashable, Sendable, Comparable {
        var name: ArticleName
        var kind: EntityKind

        /// The order they are written in.
        static func < (a: Key, b: Key) -> Bool {
            (a.name.name, a.name.surname ?? "", a.name.initialWord ? 1 : 0, a.kind.rawValue)
                < (b.name.name, b.name.surname ?? "", b.name.initialWord ? 1 : 0, b.kind.rawValue)
        }
    }

    init() {}

    init(_ evidence: [NameEvidence]) {
        for e in evidence { add(e) }
    }

    /// Adds one article's evidence (sums only grow: nothing to throw).
    mutating func add(_ e: NameEvidence) { try? update(e, sign: 1) }

    /// Takes away one article's evidence. A sum that would go below 0 (the kept sums do not match
    /// the articles) throws; the tally is then not to be used.
    mutating func remove(_ e: NameEvidence) throws(TallyMismatch) { try update(e, sign: -1) }

    private mutating func update(_ e: NameEvidence, sign: Int) throws(TallyMismatch) {
        func change<K>(_ table: inout [K: Int], _ key: K, by n: Int) throws(TallyMismatch) {
            // A sum that grows is found once (a clean build adds every article's names on one core).
            if n > 0 { return table[key, default: 0] += n }
            let total = table[key, default: 0] + n
            guard total >= 0 else { throw TallyMismatch() }
            table[key] = total == 0 ? nil : total
        }
        for (full, n) in e.fullNames { try change(&fullNames, full, by: sign * n) }
        for word in e.nameWords { try change(&nameWords, word, by: sign) }
        for t in e.tally { try change(&tallies, Key(name: t.name, kind: t.kind), by: sign * t.count) }
    }
}

/// A bit for each of 65,536 slices of the hash space (by a hash's top 16 bits): a key whose bit is
/// clear is not in the set, found without hashing it again; a set bit still needs the exact lookup.
struct HashFilter: Sendable {
    private var words = [UInt64](repeating: 0, count: 1 << 10)

    init<Keys: Sequence<UInt64>>(_ keys: Keys) {
        for key in keys { words[Self.word(key)] |= Self.bit(key) }
    }

    func mayContain(_ key: UInt64) -> Bool { words[Self.word(key)] & Self.bit(key) != 0 }

    private static func word(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> 54) }
    private static func bit(_ key: UInt64) -> UInt64 { 1 << ((key >> 48) & 63) }
}
