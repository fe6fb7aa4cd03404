/// How often each 64-bit hash occurs, in an open-addressed table: the boilerplate pass counts
/// every sentence of the site on each build (half a million at 10,000 articles), and a
/// `Dictionary` hashes each key again before it probes. The keys are hashes already, so one
/// multiplication spreads them.
struct HashCounts: Sendable, CountLookup {
    private var keys: [UInt64]
    /// 0 marks an empty slot.
    private var counts: [Int32]
    private var shift: UInt64
    private var used = 0

    init(expected: Int = 0) {
        var bits: UInt64 = 4
        while 1 << bits < expected * 2 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        counts = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    private func slot(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while counts[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// Counts one more occurrence of `key`.
    mutating func add(_ key: UInt64) {
        if (used + 1) * 2 > keys.count { grow() }
        let i = slot(key)
        if counts[i] == 0 {
            keys[i] = key
            used += 1
        }
        counts[i] += 1
    }

    /// How often `key` was added (0 when never).
    subscript(key: UInt64) -> Int { Int(counts[slot(key)]) }

    private mutating func grow() {
        var bigger = HashCounts(expected: keys.count)
        for i in keys.indices where counts[i] != 0 {
            let j = bigger.slot(keys[i])
            bigger.keys[j] = keys[i]
            bigger.counts[j] = counts[i]
            bigger.used += 1
        }
        self = bigger
    }
}

/// How often a key was counted: what the boilerplate pass reads, from a table built for this
/// build (`HashCounts`) or kept from the last one (`SortedCounts`).
protocol CountLookup: Sendable {
    subscript(key: UInt64) -> Int { get }
}
