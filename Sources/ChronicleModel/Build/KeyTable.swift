/// A hash table from 64-bit keys to values, for the merge's hot loops (a group's word sums, its
/// actors, pairs of groups): a key is spread by one multiplication, with no per-process seed, so a
/// lookup costs a fraction of `Dictionary`'s (SipHash of every key). Word hashes are uniform
/// already, and node indices need no more than that. Entries stay in the order they were added.
struct KeyTable<Value> {
    private(set) var keys: [UInt64] = []
    private(set) var values: [Value] = []
    /// Entry index + 1 per slot, 0 for a free one; a power of two long, at most half full.
    private var slots: [Int32] = []
    private var shift: UInt64 = 64

    init(capacity: Int = 0) {
        if capacity > 0 { resize(for: capacity) }
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    /// Fibonacci hashing: the top bits of the key times 2^64/φ.
    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The index of `key`'s entry in `keys` and `values`.
    func index(of key: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                let mask = slots.count - 1
                var s = home(key)
                while true {
                    let e = Int(slots[s])
                    if e == 0 { return nil }
                    if keys[e - 1] == key { return e - 1 }
                    s = (s + 1) & mask
                }
            }
        }
    }

    subscript(key: UInt64) -> Value? { index(of: key).map { values[$0] } }

    /// Adds `value` under `key`, which must not be in the table yet.
    mutating func append(_ key: UInt64, _ value: Value) {
        if (keys.count + 1) * 2 > slots.count { resize(for: keys.count + 1) }
        keys.append(key)
        values.append(value)
        place(key, entry: keys.count)
    }

    /// The index of `key`'s entry, added with `value` when it is not there.
    @discardableResult
    mutating func find(_ key: UInt64, orAdd value: @autoclosure () -> Value) -> Int {
        if let i = index(of: key) { return i }
        append(key, value())
        return keys.count - 1
    }

    /// The value at entry `i` (`index(of:)`), changed in place.
    mutating func update(at i: Int, _ body: (inout Value) -> Void) { body(&values[i]) }

    private mutating func place(_ key: UInt64, entry: Int) {
        let mask = slots.count - 1
        var s = home(key)
        slots.withUnsafeMutableBufferPointer { slots in
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(entry)
        }
    }

    private mutating func resize(for count: Int) {
        var size = 8
        while size < count * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for (i, key) in keys.enumerated() { place(key, entry: i + 1) }
    }
}

extension KeyTable where Value: AdditiveArithmetic {
    /// Adds `amount` to `key`'s value (zero when it is new).
    mutating func add(_ key: UInt64, _ amount: Value) {
        let i = find(key, orAdd: .zero)
        values[i] += amount
    }
}
