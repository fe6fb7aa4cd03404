extension MonthGrouping {
    /// The word sums of the groups as they form (`Forest`): many small sets of (word, value) in one
    /// hash table keyed by set and word, so a union takes the smaller set's words into the larger
    /// one without allocating a table per group, and a set absorbed is simply left behind.
    /// A set is named by a node (the node it was made for); each set's entries form a list.
    struct WordSums {
        struct Entry {
            var word: UInt64
            var value: Double
            var set: Int32
            /// The set's next entry, -1 after its last.
            var next: Int32
        }

        private(set) var entries: [Entry] = []
        /// Per set: its first entry (-1 for none), how many it has, and whether it still counts.
        private var first: [Int32]
        private(set) var counts: [Int]
        private var live: [Bool]
        /// Entry index + 1 per slot, 0 for a free one; a power of two long, at most half full.
        private var slots: [Int32] = []
        private var shift: UInt64 = 64
        /// How many entries the slots hold (those of live sets when they were last laid out, and every one since).
        private var slotted = 0

        /// Room for sets `0..<setCount` and about `capacity` entries before growing.
        init(setCount: Int, capacity: Int) {
            first = [Int32](repeating: -1, count: setCount)
            counts = [Int](repeating: 0, count: setCount)
            live = [Bool](repeating: false, count: setCount)
            entries.reserveCapacity(capacity)
            layOut(for: max(capacity, 8))
        }

        @inline(__always) private func home(_ word: UInt64, _ set: Int32) -> Int {
            Int(truncatingIfNeeded: ((word ^ UInt64(UInt32(bitPattern: set)) &* 0xFF51_AFD7_ED55_8CCD) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// The index in `entries` of `word` in `set`.
        @inline(__always) func index(of word: UInt64, in set: Int32) -> Int? {
            slots.withUnsafeBufferPointer { slots in
                entries.withUnsafeBufferPointer { entries in
                    let mask = slots.count - 1
                    var s = home(word, set)
                    while true {
                        let e = Int(slots[s])
                        if e == 0 { return nil }
                        if entries[e - 1].word == word && entries[e - 1].set == set { return e - 1 }
                        s = (s + 1) & mask
                    }
                }
            }
        }

        /// Adds `value` to `word` in `set` (zero when it is new there); `set` must not have been merged into another.
        mutating func add(_ word: UInt64, _ value: Double, to set: Int32) {
            if (slotted + 1) * 2 > slots.count { layOut(for: slotted + 1) }
            let mask = slots.count - 1
            var s = home(word, set)
            while true {
                let e = Int(slots[s])
                if e == 0 {
                    entries.append(Entry(word: word, value: 0 + value, set: set, next: first[Int(set)]))
                    first[Int(set)] = Int32(entries.count - 1)
                    counts[Int(set)] += 1
                    live[Int(set)] = true
                    slots[s] = Int32(entries.count)
                    slotted += 1
                    return
                }
                if entries[e - 1].word == word && entries[e - 1].set == set {
                    entries[e - 1].value += value
                    return
                }
                s = (s + 1) & mask
            }
        }

        /// Adds every value of set `small` to set `big`, then drops `small`.
        mutating func merge(_ small: Int32, into big: Int32) {
            var e = first[Int(small)]
            while e >= 0 {
                let entry = entries[Int(e)]
                add(entry.word, entry.value, to: big)
                e = entry.next
            }
            live[Int(small)] = false
            first[Int(small)] = -1
            counts[Int(small)] = 0
        }

        /// Calls `body` with the word and value of each entry of `set`.
        @inline(__always) func forEach(in set: Int32, _ body: (UInt64, Double) -> Void) {
            entries.withUnsafeBufferPointer { entries in
                var e = Int(first[Int(set)])
                while e >= 0 {
                    body(entries[e].word, entries[e].value)
                    e = Int(entries[e].next)
                }
            }
        }

        /// New slots for the entries of live sets and `count` in all, at most half full.
        private mutating func layOut(for count: Int) {
            var held = 0
            for entry in entries where live[Int(entry.set)] { held += 1 }
            var size = 8
            while size < 2 * max(count, 2 * held) { size *= 2 }
            slots = [Int32](repeating: 0, count: size)
            shift = UInt64(64 - size.trailingZeroBitCount)
            slotted = 0
            let mask = size - 1
            for (i, entry) in entries.enumerated() where live[Int(entry.set)] {
                var s = home(entry.word, entry.set)
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = Int32(i + 1)
                slotted += 1
            }
        }
    }
}
