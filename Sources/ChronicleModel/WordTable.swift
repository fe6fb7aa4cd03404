import Foundation

/// Lower-case ASCII words and what each means, looked up by the FNV-1a hash of a word's bytes,
/// which the byte scanners compute as they go, so no string is built per word. A hit is checked
/// byte for byte against the entry, so a lookup answers exactly what a `[String: Value]` would.
struct WordTable<Value: Sendable>: Sendable {
    /// The entries' values, in the order first given; `index` answers positions in it.
    private(set) var values: [Value] = []
    /// The entries' bytes, one after another, and where each one ends.
    private var spellings: [UInt8] = []
    private var ends: [Int] = [0]
    /// Open addressing: the hash in each slot (0 for none) and its entry.
    private var slots: [UInt64]
    private var slotEntries: [Int32]
    private let mask: Int

    /// The words (each once) and their values; every word must be lower-case ASCII.
    init(_ entries: [(String, Value)]) {
        var capacity = 16
        while capacity < entries.count * 4 { capacity *= 2 }
        mask = capacity - 1
        slots = Array(repeating: 0, count: capacity)
        slotEntries = Array(repeating: -1, count: capacity)
        for (word, value) in entries {
            let bytes = Array(word.utf8)
            precondition(bytes.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }, "not lower-case ASCII: \(word)")
            let h = WordHash.of(bytes)
            var k = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[k] != 0 {
                precondition(spelling(Int(slotEntries[k])) != bytes[...], "listed twice: \(word)")
                k = (k + 1) & mask
            }
            slots[k] = h
            slotEntries[k] = Int32(values.count)
            values.append(value)
            spellings += bytes
            ends.append(spellings.count)
        }
    }

    /// The entry of the word whose bytes are `bytes` and whose `hash` is `WordHash.of(bytes)`.
    @inline(__always)
    func index(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(hash, count: bytes.count) { from in
            guard let b = bytes.baseAddress, !bytes.isEmpty else { return true }
            return spellings.withUnsafeBufferPointer { memcmp($0.baseAddress! + from, b, bytes.count) == 0 }
        }
    }

    /// The entry of the ASCII `word` lower-cased; `hash` is that of its lower-cased bytes.
    @inline(__always)
    func index(lowerCasing word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        probe(hash, count: word.count) { from in
            spellings.withUnsafeBufferPointer { s in
                for k in 0..<word.count {
                    let c = word[k]
                    if s[from + k] != (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) { return false }
                }
                return true
            }
        }
    }

    /// The entry whose hash is `hash`, `count` bytes long, whose bytes (from the offset passed) `same` accepts.
    @inline(__always)
    private func probe(_ hash: UInt64, count: Int, same: (Int) -> Bool) -> Int? {
        var k = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let key = slots[k]
            if key == 0 { return nil }
            if key == hash {
                let e = Int(slotEntries[k])
                if ends[e + 1] - ends[e] == count, same(ends[e]) { return e }
            }
            k = (k + 1) & mask
        }
    }

    private func spelling(_ e: Int) -> ArraySlice<UInt8> { spellings[ends[e]..<ends[e + 1]] }

    /// The entry of `word` (compared as written: pass it lower-cased).
    func index<S: StringProtocol>(_ word: S) -> Int? {
        var copy = String(word)
        return copy.withUTF8 { index(hash: WordHash.of($0), bytes: $0) }
    }

    subscript<S: StringProtocol>(_ word: S) -> Value? { index(word).map { values[$0] } }
}

/// FNV-1a over a word's bytes, as `WordTable` looks words up: byte scanners mix each byte in as they go.
enum WordHash {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func mix(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The hash of what was mixed in (never 0, which marks an empty slot).
    @inline(__always) static func finish(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var h = basis
        for b in bytes { h = mix(h, b) }
        return finish(h)
    }
}
