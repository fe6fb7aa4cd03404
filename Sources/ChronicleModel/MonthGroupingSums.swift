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

        /// The entries, `used` of them in use (room for more laid out ahead, so a union writes in place).
        private(set) var entries: [Entry] = []
        private var used = 0
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
            entries = [Entry](repeating: Entry(word: 0, value: 0, set: -1, next: -1), count: max(capacity, 8))
            layOut(for: max(capacity, 8))
        }

        @inline(__always) private static func home(_ word: UInt64, _ set: Int32, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: ((word ^ UInt64(UInt32(bitPattern: set)) &* 0xFF51_AFD7_ED55_8CCD) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// The index in `entries` of `word` in `set`.
        @inline(__always) func index(of word: UInt64, in set: Int32) -> Int? {
            slots.withUnsafeBufferPointer { slots in
                entries.withUnsafeBufferPointer { entries in
                    let mask = slots.count - 1
                    var s = Self.home(word, set, shift: shift)
                    while true {
                        let e = Int(slots[s])
                        if e == 0 { return nil }
                        if entries[e - 1].word == word && entries[e - 1].set == set { return e - 1 }
                        s = (s + 1) & mask
                    }
                }
            }
        }

        /// Adds `count` values to `set` (each word's value to what the set holds for it, zero when it
        /// is new there): `item(i)` gives the `i`th word and value. `set` must not have been merged into another.
        @inline(__always)
        mutating func add(_ count: Int, to set: Int32, _ item: (Int) -> (word: UInt64, value: Double)) {
            makeRoom(for: count)
            var head = first[Int(set)], used = used
            let shift = shift
            slots.withUnsafeMutableBufferPointer { slots in
                entries.withUnsafeMutableBufferPointer { entries in
                    let mask = slots.count - 1
                    for i in 0..<count {
                        let (word, value) = item(i)
                        var s = Self.home(word, set, shift: shift)
                        while true {
                            let e = Int(slots[s])
                            if e == 0 {
                                // Added to zero, as a new word's sum always was (a -0.0 becomes 0.0): the same bits.
                                entries[used] = Entry(word: word, value: 0 + value, set: set, next: head)
                                head = Int32(used)
                                used += 1
                                slots[s] = Int32(used)
                                break
                            }
                            if entries[e - 1].word == word && entries[e - 1].set == set {
                                entries[e - 1].value += value
                                break
                            }
                            s = (s + 1) & mask
                        }
                    }
                }
            }
            first[Int(set)] = head
            counts[Int(set)] += used - self.used
            live[Int(set)] = true
            slotted += used - self.used
            self.used = used
        }

        /// Adds every value of set `small` to set `big`, then drops `small`.
        mutating func merge(_ small: Int32, into big: Int32) {
            var taken: [(word: UInt64, value: Double)] = []
            taken.reserveCapacity(counts[Int(small)])
            forEach(in: small) { taken.append(($0, $1)) }
            add(taken.count, to: big) { taken[$0] }
            live[Int(small)] = false
            first[Int(small)] = -1
            counts[Int(small)] = 0
        }

        /// Room for `count` more entries, in `entries` and in the slots.
        private mutating func makeRoom(for count: Int) {
            if used + count > entries.count {
                entries += repeatElement(Entry(word: 0, value: 0, set: -1, next: -1), count: max(count, entries.count))
            }
            if (slotted + count) * 2 > slots.count { layOut(for: slotted + count) }
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
            for entry in entries[..<used] where live[Int(entry.set)] { held += 1 }
            var size = 8
            while size < 2 * max(count, 2 * held) { size *= 2 }
            slots = [Int32](repeating: 0, count: size)
            shift = UInt64(64 - size.trailingZeroBitCount)
            slotted = 0
            let mask = size - 1
            for (i, entry) in entries[..<used].enumerated() where live[Int(entry.set)] {
                var s = Self.home(entry.word, entry.set, shift: shift)
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = Int32(i + 1)
                slotted += 1
            }
        }
    }
}
