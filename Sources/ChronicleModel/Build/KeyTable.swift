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

    /// Room for `count` entries in all without growing again (growing geometrically: a group's sum
    /// takes in one small group after another).
    mutating func reserve(_ count: Int) {
        if count * 2 > slots.count { resize(for: count) }
        if keys.capacity < count {
            let room = Swift.max(count, 2 * keys.capacity)
            keys.reserveCapacity(room)
            values.reserveCapacity(room)
        }
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

extension KeyTable: Sendable where Value: Sendable {}

extension KeyTable where Value: AdditiveArithmetic {
    /// Adds `amount` to `key`'s value (zero when it is new): one probe for both.
    mutating func add(_ key: UInt64, _ amount: Value) {
        if (keys.count + 1) * 2 > slots.count { resize(for: keys.count + 1) }
        let mask = slots.count - 1
        var s = home(key)
        while true {
            let e = Int(slots[s])
            if e == 0 {
                keys.append(key)
                values.append(.zero + amount)
                slots[s] = Int32(keys.count)
                return
            }
            if keys[e - 1] == key {
                values[e - 1] += amount
                return
            }
            s = (s + 1) & mask
        }
    }
}

/// Strings numbered in the order they are first given, found again by a 64-bit hash of their
/// bytes (eight at a time) rather than `Dictionary`'s SipHash of every byte: for the slugs a
/// period's events name over and over. Two strings with the same hash are told apart.
public struct StringNumbers: Sendable {
    private var table = KeyTable<Int>()
    public private(set) var strings: [String] = []
    /// The strings whose hash another string took first (practically never any).
    private var collided: [String: Int] = [:]

    public init() {}

    /// The number of `text`, a new one (`strings.count`) when it is not there yet.
    @discardableResult
    public mutating func number(_ text: String) -> Int {
        let hash = Self.hash(text)
        if let i = table.index(of: hash) {
            let n = table.values[i]
            if strings[n] == text { return n }
            if let n = collided[text] { return n }
            collided[text] = strings.count
        } else {
            table.append(hash, strings.count)
        }
        strings.append(text)
        return strings.count - 1
    }

    /// The number of `text`, nil when it was never given.
    public func number(of text: String) -> Int? {
        guard let i = table.index(of: Self.hash(text)) else { return nil }
        let n = table.values[i]
        return strings[n] == text ? n : collided[text]
    }

    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var h = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
            var i = 0
            while i + 8 <= bytes.count {
                h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            var last: UInt64 = 0
            while i < bytes.count {
                last = last << 8 | UInt64(bytes[i])
                i += 1
            }
            h = (h ^ last) &* 0xC4CE_B9FE_1A85_EC53
            return h ^ h >> 29
        }
    }
}
