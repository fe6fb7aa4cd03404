import Foundation

/// Values a `CacheReader` has made, found again by the bytes they were read from: a value that
/// recurs through a file (an actor's name, an outlet, a resolution, a sentence's list of actors)
/// is made once and then shared, not made again (allocated, copied, its UTF-8 checked) wherever
/// it occurs. Each value is kept with where its bytes lie in the reader's buffer, so a lookup
/// hashes and compares bytes and makes nothing. Used with one buffer only, whose bytes never change.
public struct BytesTable<Value> {
    /// An open-addressing table, a power of two long and at most half full: each slot is 0 (empty)
    /// or a value's hash (high 32 bits) and its index in `values` plus one (low 32 bits).
    private var slots: [UInt64] = []
    private var values: [Value] = []
    /// Where the bytes of each of `values` lie in the buffer.
    private var places: [(start: Int, count: Int)] = []

    public init() {}

    /// Where a lookup ended: at the value kept for the bytes (`found`, its index, or -1), or at the
    /// empty slot for them.
    struct Lookup {
        var hash: UInt32
        var slot: Int
        var found: Int
    }

    subscript(found: Int) -> Value { values[found] }

    /// The value kept for `buffer[range]`, or where to `insert` one.
    mutating func find(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> Lookup {
        let base = buffer.baseAddress!
        let hash = Self.hash(base + range.lowerBound, range.count)
        if slots.isEmpty { slots = Array(repeating: 0, count: 64) }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(hash) & mask
            while slots[i] != 0 {
                if UInt32(truncatingIfNeeded: slots[i] >> 32) == hash {
                    let k = Int(truncatingIfNeeded: slots[i] & 0xFFFF_FFFF) - 1
                    if places[k].count == range.count, memcmp(base + places[k].start, base + range.lowerBound, range.count) == 0 {
                        return Lookup(hash: hash, slot: i, found: k)
                    }
                }
                i = (i + 1) & mask
            }
            return Lookup(hash: hash, slot: i, found: -1)
        }
    }

    /// Keeps `value` for the bytes at `range`, where `lookup` (the last call, nothing kept since) found none.
    mutating func insert(_ value: Value, for range: Range<Int>, at lookup: Lookup) {
        values.append(value)
        places.append((range.lowerBound, range.count))
        slots[lookup.slot] = UInt64(lookup.hash) << 32 | UInt64(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            var i = Int(slot >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    /// A quick hash of `count` bytes at `start`, eight at a time (a lookup hashes every value it is
    /// asked for, most of which it has made before: this is most of its cost). Collisions only cost
    /// a comparison of bytes.
    static func hash(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        let raw = UnsafeRawPointer(start), m: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var h = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* m
            h ^= h >> 29
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            if count >= 8 {
                // The last eight bytes (overlapping the words before): no loop over the tail.
                tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else {
                for j in 0..<count { tail |= UInt64(start[j]) << (8 * UInt64(j)) }
            }
            h = (h ^ tail) &* m
        }
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }
}
