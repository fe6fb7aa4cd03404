import ChronicleTime
import Foundation

/// Hand-written binary coding for the values the cache holds in bulk (article records, period
/// files, the site layer's state): each field written in declaration order as varints, strings
/// and bytes, with no keys and no `Codable` containers. At 10,000 articles the generic
/// `BinaryCoder` spent most of a one-article rebuild in `Codable` machinery; this form reads and
/// writes the same values many times faster. `BinaryCoder` uses it for any `CacheCodable` type.
///
/// A type's `write` and `init(from:)` list its fields in the same order; `CacheCodingTests`
/// round-trips the records and period files of a built fixture site and compares them field
/// by field (through their `Codable` form), so a stored field left out of either fails there.
public protocol CacheCodable {
    func write(to out: inout CacheWriter)
    init(from input: inout CacheReader) throws
}

public struct CacheWriter {
    /// What has been written.
    public var bytes: ArraySlice<UInt8> { storage[..<used] }
    /// How many bytes have been written.
    public var count: Int { used }
    // Visible to inlined code, as the reader's bytes are: the primitives below are `@inlinable`, so
    // the site layer writes a number without a call (a call per byte appended cost it dearly).
    // The array is kept longer than what was written (`used`; zeros after it), so that a write is a
    // capacity test and a copy, not `Array.append`'s generic path: a record is many short writes.
    // An array, so a copied writer (kept in a dictionary, say) shares nothing it can change.
    @usableFromInline var storage: [UInt8] = []
    @usableFromInline var used = 0

    public init() {}

    /// A writer with room for `capacity` bytes (`LargeBuffer`): a large value written at its final
    /// size, or more (room not written to is never touched), is never copied to grow.
    public init(capacity: Int) { storage = LargeBuffer.empty(capacity: capacity) }

    /// What was written, taken: the writer is empty afterwards (the bytes are not copied).
    public mutating func take() -> [UInt8] {
        var out = storage
        storage = []
        out.removeSubrange(used...)
        used = 0
        return out
    }

    /// Room for `n` more bytes after `used`.
    @inlinable
    mutating func reserve(_ n: Int) {
        if used + n > storage.count { makeRoom(n) }
    }

    /// Zeros past the array's end, for `n` more bytes at least: up to its capacity (no copy), but a
    /// short run at a time (a long copy of zeros would cost about what the bytes written over it
    /// do), so that room reserved ahead (`init(capacity:)`) is touched only as it is reached; the
    /// array's own growth, when it is full, stays geometric.
    @usableFromInline
    mutating func makeRoom(_ n: Int) {
        var more = Swift.max(used + n - storage.count, Swift.min(Swift.max(storage.capacity - storage.count, 256), Self.zeros.count))
        Self.zeros.withUnsafeBufferPointer { zeros in
            while more > 0 {
                let k = Swift.min(more, zeros.count)
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: zeros[..<k]))
                more -= k
            }
        }
    }

    private static let zeros = [UInt8](repeating: 0, count: 2048)

    /// `bytes` after what was written.
    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if used + bytes.count > storage.count { return appendGrowing(bytes) }
        let at = used
        storage.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: at).update(from: source, count: bytes.count) }
        used += bytes.count
    }

    /// `bytes` appended to the array itself (cut to what was written): a long run is copied once,
    /// not over zeros (the next short write makes room after it).
    @usableFromInline
    mutating func appendGrowing(_ bytes: UnsafeBufferPointer<UInt8>) {
        storage.removeSubrange(used...)
        storage.append(contentsOf: bytes)
        used = storage.count
    }

    @inlinable
    public mutating func byte(_ value: UInt8) {
        reserve(1)
        storage[used] = value
        used += 1
    }

    @inlinable
    public mutating func varint(_ value: UInt64) {
        reserve(10)
        let at = used
        used = storage.withUnsafeMutableBufferPointer { Self.put(value, into: $0, at: at) }
    }

    /// Writes `value` as a varint at `at` of `bytes` (room for 10 bytes), returning where it ends.
    @inlinable
    static func put(_ value: UInt64, into bytes: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var v = value, i = at
        while v >= 0x80 {
            bytes[i] = UInt8(truncatingIfNeeded: v) | 0x80
            v >>= 7
            i += 1
        }
        bytes[i] = UInt8(v)
        return i + 1
    }

    /// Zig-zag, so small negative numbers stay short.
    @inlinable
    public mutating func int(_ value: Int) { varint(Self.zigzag(Int64(value))) }

    /// `value` zig-zagged (`CacheReader.unzigzag` undoes it).
    @inlinable @inline(__always)
    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

    @inlinable
    public mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

    /// Eight bytes as they are (hashes do not shrink as varints).
    @inlinable
    public mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { append($0.assumingMemoryBound(to: UInt8.self)) }
    }

    public mutating func double(_ value: Double) { fixed(value.bitPattern) }

    @inlinable
    public mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            // A short string, the most of them: its length and bytes in one write.
            guard utf8.count <= 256, let source = utf8.baseAddress else {
                varint(UInt64(utf8.count))
                return append(utf8)
            }
            reserve(10 + utf8.count)
            let at = used
            used = storage.withUnsafeMutableBufferPointer { b in
                let start = Self.put(UInt64(utf8.count), into: b, at: at)
                b.baseAddress!.advanced(by: start).update(from: source, count: utf8.count)
                return start + utf8.count
            }
        }
    }

    // Inlinable, as the reader's are: the site layer writes its state with these, and a call across
    // modules runs the generic code (metadata for every element copied) rather than a specialised copy.
    @inlinable
    public mutating func optional<T>(_ value: T?, _ body: (inout CacheWriter, T) -> Void) {
        guard let value else { bool(false); return }
        bool(true)
        body(&self, value)
    }

    @inlinable
    public mutating func array<T>(_ values: [T], _ body: (inout CacheWriter, T) -> Void) {
        varint(UInt64(values.count))
        for v in values { body(&self, v) }
    }

    public mutating func value<T: CacheCodable>(_ value: T) { value.write(to: &self) }

    /// `values`, each value that has its bytes in `encoded` (as the reader read them: the
    /// manifest's records, a period file's candidates) written as those bytes: a rebuild writes back what did not change.
    public mutating func values<T: CacheCodable>(_ values: [T], reusing encoded: [ArraySlice<UInt8>?]) {
        // Room for the reused bytes (and some for the others) at once: a large list does not
        // grow the buffer by doubling, each step a copy that holds twice the memory for a moment.
        let room = used + Self.room(for: values.count, reusing: encoded)
        if storage.capacity < room { storage.reserveCapacity(room) }
        varint(UInt64(values.count))
        append(values, values.indices, reusing: encoded)
    }

    /// `values(_:reusing:)` in `parts` runs of about as many values, each after its length in bytes
    /// (eight bytes), so that a reader finds where every run starts and decodes the runs on as many
    /// cores (`CacheReader.runs`).
    public mutating func values<T: CacheCodable>(_ values: [T], reusing encoded: [ArraySlice<UInt8>?], runs parts: Int) {
        let room = used + Self.room(for: values.count, reusing: encoded) + 8 * parts
        if storage.capacity < room { storage.reserveCapacity(room) }
        varint(UInt64(values.count))
        for run in Self.runs(of: values.count, parts: parts) {
            let at = used
            fixed(0)
            append(values, run, reusing: encoded)
            let length = UInt64(used - at - 8).littleEndian
            withUnsafeBytes(of: length) { length in
                storage.withUnsafeMutableBytes { $0.baseAddress!.advanced(by: at).copyMemory(from: length.baseAddress!, byteCount: 8) }
            }
        }
    }

    /// `values[range]`, each as its bytes in `encoded` when there, else encoded now.
    private mutating func append<T: CacheCodable>(_ values: [T], _ range: Range<Int>, reusing encoded: [ArraySlice<UInt8>?]) {
        for i in range {
            if i < encoded.count, let bytes = encoded[i] { append(bytes) } else { value(values[i]) }
        }
    }

    /// The indices of `count` values cut in `parts` runs in order (some a value longer when they do not divide evenly).
    static func runs(of count: Int, parts: Int) -> [Range<Int>] {
        (0..<parts).map { k in (k * count / parts)..<((k + 1) * count / parts) }
    }

    /// About the bytes `values(_:reusing:)` writes for `count` values (at most a few bytes short).
    public static func room(for count: Int, reusing encoded: [ArraySlice<UInt8>?]) -> Int {
        var room = 10
        for i in 0..<count { room += i < encoded.count ? encoded[i]?.count ?? 256 : 256 }
        return room
    }

    public mutating func values<T: CacheCodable>(_ values: [T]) { array(values) { $0.value($1) } }

    public mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    public mutating func ints(_ values: [Int]) { array(values) { $0.int($1) } }

    public mutating func optionalInt(_ value: Int?) { optional(value) { $0.int($1) } }

    public mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }

    public mutating func append(_ other: [UInt8]) { other.withUnsafeBufferPointer { append($0) } }

    public mutating func append(_ other: ArraySlice<UInt8>) { other.withUnsafeBufferPointer { append($0) } }

    /// A list of plain numbers as they lie in memory (little-endian wherever Swift runs): a count,
    /// then one copy of their bytes. For long lists read back whole (a month's links).
    public mutating func raw<T: BitwiseCopyable>(_ values: [T]) {
        varint(UInt64(values.count))
        // As typed bytes: appended as one copy (raw bytes go one by one).
        values.withUnsafeBytes { append($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// What `raw(_:)` writes for `count` values of type `T`, their bytes written in place by `fill`
    /// (given where they start, not aligned for `T`): no array of them is made first (a month's
    /// link ends are hundreds of thousands).
    public mutating func raw<T: BitwiseCopyable>(_: T.Type, count: Int, _ fill: (UnsafeMutableRawPointer) -> Void) {
        varint(UInt64(count))
        let size = count * MemoryLayout<T>.stride
        reserve(size)
        let at = used
        storage.withUnsafeMutableBytes { fill($0.baseAddress! + at) }
        used += size
    }
}

public struct CacheReader {
    // Visible to inlined code: the primitives below are `@inlinable`, so a decoder in another
    // module (the site layer's) reads a number without a call.
    @usableFromInline let bytes: [UInt8]
    @usableFromInline var position: Int
    @usableFromInline let end: Int
    /// Zones already looked up (a lookup in the system's database is slow, and records repeat a few zones).
    private var zones: [String: Zone] = [:]
    /// The last zone read and its name's bytes: most records give the same zone as the one before.
    private var lastZone: (name: [UInt8], zone: Zone)?
    /// Strings that recur (`interned()`), made once per reader.
    private var madeStrings = BytesTable<String>()
    /// The last two days read (by their numbers), the last first: a candidate gives the day of its
    /// value and then its article's publication day, and the candidates that follow often the same two.
    private var lastDays = (last: (number: 0, date: CivilDate(dayNumber: 0)), before: (number: 0, date: CivilDate(dayNumber: 0)))
    /// TIMEX3 values stored as their strings, parsed once per reader (they are few and recur).
    private var storedValues: [String: TimexValue] = [:]

    public init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        position = start
        self.end = end ?? bytes.count
    }

    public var isAtEnd: Bool { position == end }

    public static func corrupt(_ what: String) -> CacheCorruption { CacheCorruption(what: what) }

    @inlinable @inline(__always)
    public mutating func byte() throws -> UInt8 {
        guard position < end else { throw Self.corrupt("value past the end") }
        defer { position += 1 }
        return bytes[position]
    }

    /// Most numbers in the cache are below 128, one byte: read here without a loop or a call.
    @inlinable @inline(__always)
    public mutating func varint() throws -> UInt64 {
        if position < end {
            let b = bytes[position]
            if b < 0x80 {
                position += 1
                return UInt64(b)
            }
        }
        return try longVarint()
    }

    @usableFromInline
    mutating func longVarint() throws -> UInt64 {
        if end - position >= 10 {
            // Room for the longest: no check of the end per byte.
            var at = position
            guard let value = bytes.withUnsafeBufferPointer({ Self.varint(in: $0, at: &at) }) else { throw Self.corrupt("varint too long") }
            position = at
            return value
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Self.corrupt("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    @inlinable @inline(__always)
    public mutating func int() throws -> Int {
        guard let i = Int(exactly: Self.unzigzag(try varint())) else { throw Self.corrupt("integer out of range") }
        return i
    }

    /// What `CacheWriter.zigzag` made `value` from.
    @inlinable @inline(__always)
    static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))) }

    /// The varint at `at` in `buffer`, `at` moved past it; nil when it runs past ten bytes. No check
    /// of the end: `buffer` holds ten bytes from `at`, or a varint already checked to end in it.
    @inlinable @inline(__always)
    static func varint(in buffer: UnsafeBufferPointer<UInt8>, at: inout Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for _ in 0..<10 {
            let b = buffer[at]
            at += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    @inlinable @inline(__always)
    public mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Self.corrupt("not a boolean")
        }
    }

    @inlinable
    public mutating func fixed() throws -> UInt64 {
        guard end - position >= 8 else { throw Self.corrupt("value past the end") }
        let v = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }
        position += 8
        return v
    }

    @inlinable
    public mutating func double() throws -> Double { Double(bitPattern: try fixed()) }

    public mutating func string() throws -> String { text(try length()) }

    /// A string of a field whose values recur through the file (names, outlets, resolutions):
    /// made once per reader and shared (`BytesTable`).
    public mutating func interned() throws -> String {
        let count = try length(), range = position..<(position + count)
        let lookup = bytes.withUnsafeBufferPointer { madeStrings.find(range, in: $0) }
        position += count
        if lookup.found >= 0 { return madeStrings[lookup.found] }
        let made = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        madeStrings.insert(made, for: range, at: lookup)
        return made
    }

    /// The value encoded at `range` (bytes already passed over): the one `table` holds for the same
    /// bytes, or what `read` reads from there (which must end at the end of `range`), kept in `table`.
    /// For values that recur through a file, a few bytes each but costly to make (lists).
    mutating func shared<V>(_ range: Range<Int>, in table: inout BytesTable<V>, _ read: (inout CacheReader) throws -> V) throws -> V {
        guard range.upperBound <= position else { throw Self.corrupt("bytes past the end") }
        let lookup = bytes.withUnsafeBufferPointer { table.find(range, in: $0) }
        if lookup.found >= 0 { return table[lookup.found] }
        let resume = position
        position = range.lowerBound
        let made = try read(&self)
        guard position == range.upperBound else { throw Self.corrupt("value of another length") }
        position = resume
        table.insert(made, for: range, at: lookup)
        return made
    }

    /// The next `count` bytes (which `length` allowed) as a string.
    private mutating func text(_ count: Int) -> String {
        defer { position += count }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[position..<(position + count)]), as: UTF8.self) }
    }

    /// A string, or `previous` itself when its bytes are the same (no new copy, no new check of
    /// the UTF-8): values that repeat from one item to the next are made once.
    public mutating func string(reusing previous: String) throws -> String {
        let count = try length()
        var known = previous
        let same = known.withUTF8 { old in old.count == count && (count == 0 || matches(old, at: position)) }
        if same {
            position += count
            return previous
        }
        return text(count)
    }

    /// Whether the bytes at `offset` are `expected` (which must fit before the end).
    private func matches(_ expected: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + offset, expected.baseAddress!, expected.count) == 0 }
    }

    /// A raw-value enum stored as its raw string, matched against `cases` (with their raw values
    /// as bytes) byte for byte: no string is made.
    public mutating func rawCase<T>(_ cases: [(value: T, bytes: [UInt8])]) throws -> T {
        let count = try length(), start = position
        position += count
        let found = bytes.withUnsafeBufferPointer { input in
            // Bytes compared only for a case of the same length and first byte.
            cases.firstIndex { c in
                c.bytes.count == count && (count == 0 || c.bytes[0] == input[start] && c.bytes.withUnsafeBufferPointer {
                    memcmp($0.baseAddress!, input.baseAddress! + start, count) == 0
                })
            }
        }
        if let found { return cases[found].value }
        position = start
        throw Self.corrupt("unknown \(T.self) \(String(decoding: bytes[position..<(position + count)], as: UTF8.self))")
    }

    /// Where the next value starts.
    public var offset: Int { position }

    /// Passes over the next `count` bytes.
    public mutating func skip(bytes count: Int) throws {
        guard count <= end - position else { throw Self.corrupt("bytes past the end") }
        position += count
    }

    /// Passes over the next value when its bytes are those at `range` (of an earlier value of the
    /// same prefix-free encoding, so the same bytes are the same value); false, without moving, when not.
    public mutating func skip(sameAs range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= end - position,
              bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + position, $0.baseAddress! + range.lowerBound, range.count) == 0 })
        else { return false }
        position += range.count
        return true
    }

    /// A count of items that are at least a byte each: never more than the bytes left.
    @inlinable @inline(__always)
    public mutating func length() throws -> Int {
        let n = try varint()
        guard n <= UInt64(end - position) else { throw Self.corrupt("length past the end") }
        return Int(n)
    }

    @inlinable
    public mutating func optional<T>(_ body: (inout CacheReader) throws -> T) throws -> T? {
        try bool() ? try body(&self) : nil
    }

    @inlinable
    public mutating func array<T>(_ body: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try length()
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try body(&self)) }
        return out
    }

    @inlinable
    public mutating func value<T: CacheCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }

    @inlinable
    public mutating func values<T: CacheCodable>(_: T.Type = T.self) throws -> [T] { try array { try T(from: &$0) } }

    /// The runs `CacheWriter.values(_:reusing:runs:)` wrote, passed over: where each run's bytes are
    /// and how many values it holds (each run is then read by a reader of its own, `init(_:from:to:)`).
    public mutating func runs(_ parts: Int) throws -> [(bytes: Range<Int>, count: Int)] {
        let count = try length()
        return try CacheWriter.runs(of: count, parts: parts).map { run in
            let length = try fixed()
            guard length <= UInt64(end - position) else { throw Self.corrupt("run past the end") }
            let start = position
            position += Int(length)
            return (start..<position, run.count)
        }
    }

    public mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// `strings`, each `interned`.
    public mutating func internedStrings() throws -> [String] { try array { try $0.interned() } }

    /// A list of booleans as `CacheWriter.array` writes them with `bool`, read in one pass.
    public mutating func bools() throws -> [Bool] {
        let count = try length(), start = position
        let values = try bytes.withUnsafeBufferPointer { source in
            let run = UnsafeBufferPointer(rebasing: source[start..<(start + count)])
            // Checked all at once (a byte above 1 is not a boolean), then copied: a `Bool` is its byte, 0 or 1.
            guard run.reduce(0, |) <= 1 else { throw Self.corrupt("not a boolean") }
            return [Bool](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(run))
                initialized = count
            }
        }
        position += count
        return values
    }

    /// Bytes already passed over (`offset` gave their bounds), as they are.
    public func bytes(at range: Range<Int>) throws -> ArraySlice<UInt8> {
        guard range.upperBound <= position else { throw Self.corrupt("bytes past the end") }
        return bytes[range]
    }

    /// The next `count` bytes as they are.
    public mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count <= end - position else { throw Self.corrupt("bytes past the end") }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    /// A list written by `CacheWriter.raw`.
    public mutating func raw<T: BitwiseCopyable>(_: T.Type = T.self) throws -> [T] {
        let (n, source) = try rawBytes(T.self)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            source.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = n
        }
    }

    /// A list written by `CacheWriter.raw`: how many values it holds and their bytes, in place (for
    /// a list read once as it is turned into something else, not copied out first).
    public mutating func rawBytes<T: BitwiseCopyable>(_: T.Type) throws -> (count: Int, bytes: ArraySlice<UInt8>) {
        let size = MemoryLayout<T>.stride
        let count = try varint()
        guard count <= UInt64((end - position) / size) else { throw Self.corrupt("list past the end") }
        return (Int(count), try bytes(Int(count) * size))
    }

    public mutating func ints() throws -> [Int] { try array { try $0.int() } }

    @inlinable
    public mutating func optionalInt() throws -> Int? { try optional { try $0.int() } }

    public mutating func optionalString() throws -> String? { try optional { try $0.string() } }

    /// `optionalString`, `interned`.
    public mutating func optionalInterned() throws -> String? { try optional { try $0.interned() } }

    /// A raw-value enum stored as its raw string.
    public mutating func raw<T: RawRepresentable>(_: T.Type = T.self) throws -> T where T.RawValue == String {
        let text = try string()
        guard let v = T(rawValue: text) else { throw Self.corrupt("unknown \(T.self) \(text)") }
        return v
    }

    /// A TIMEX3 value written as its string (`CacheWriter.timex`'s last resort): parsed once per reader.
    mutating func storedValue() throws -> TimexValue {
        let text = try string()
        if let known = storedValues[text] { return known }
        guard let v = TimexValue(stored: text) else { throw Self.corrupt("not a stored TIMEX3 value: \(text)") }
        storedValues[text] = v
        return v
    }

    public mutating func zone() throws -> Zone {
        let count = try length()
        if let last = lastZone, last.name.count == count, count > 0, last.name.withUnsafeBufferPointer({ matches($0, at: position) }) {
            position += count
            return last.zone
        }
        let name = text(count)
        let zone: Zone
        if let z = zones[name] {
            zone = z
        } else {
            guard let z = Zone(identifier: name) else { throw Self.corrupt("unknown time zone \(name)") }
            zones[name] = z
            zone = z
        }
        lastZone = (Array(name.utf8), zone)
        return zone
    }
}

public struct CacheCorruption: Error, CustomStringConvertible {
    public var what: String
    public var description: String { "corrupt cache data: \(what)" }
}

// MARK: - Values from the lower layers

extension CacheWriter {
    public mutating func date(_ d: CivilDate) { int(d.dayNumber) }

    public mutating func zone(_ z: Zone) { string(z.identifier) }

    public mutating func publication(_ p: PublicationTime) {
        date(p.date)
        optionalInt(p.hour)
        optionalInt(p.minute)
        optional(p.instant) { $0.int(Int($1)) }
        optionalInt(p.offsetSeconds)
    }

    /// A tag and its numbers for the common values; the stored string for the rest.
    public mutating func timex(_ v: TimexValue) {
        switch v {
        case .day(let d): byte(1); date(d)
        case .time(let d, let h, let m): byte(2); date(d); int(h); optionalInt(m)
        case .week(let w): byte(3); int(w.year); int(w.week)
        case .weekend(let w): byte(4); int(w.year); int(w.week)
        case .month(let y, let m): byte(5); int(y); int(m)
        case .year(let y): byte(6); int(y)
        default: byte(0); string(v.stored)
        }
    }
}

extension CacheReader {
    public mutating func date() throws -> CivilDate {
        let day = try int()
        if day != lastDays.last.number {
            let made = day == lastDays.before.number ? lastDays.before.date : CivilDate(dayNumber: day)
            lastDays = ((day, made), lastDays.last)
        }
        return lastDays.last.date
    }

    public mutating func publication() throws -> PublicationTime {
        let date = try date()
        let hour = try optionalInt(), minute = try optionalInt()
        let instant = try optional { Int64(try $0.int()) }
        return PublicationTime(date: date, hour: hour, minute: minute, instant: instant, offsetSeconds: try optionalInt())
    }

    public mutating func timex() throws -> TimexValue {
        switch try byte() {
        case 1: return .day(try date())
        case 2:
            let d = try date(), h = try int()
            return .time(d, hour: h, minute: try optionalInt())
        case 3:
            let y = try int()
            return .week(ISOWeek(year: y, week: try int()))
        case 4:
            let y = try int()
            return .weekend(ISOWeek(year: y, week: try int()))
        case 5:
            let y = try int()
            return .month(year: y, month: try int())
        case 6: return .year(try int())
        case 0: return try storedValue()
        default: throw Self.corrupt("unknown TIMEX3 tag")
        }
    }
}

// MARK: - This layer's values

extension Period: CacheCodable {
    public func write(to out: inout CacheWriter) {
        out.int(year)
        out.optionalInt(month)
    }

    public init(from input: inout CacheReader) throws {
        let year = try input.int()
        self.init(year: year, month: try input.optionalInt())
    }
}

extension Diagnostic: CacheCodable {
    public func write(to out: inout CacheWriter) {
        out.string(severity.rawValue)
        out.string(file)
        out.optionalInt(line)
        out.string(message)
    }

    public init(from input: inout CacheReader) throws {
        let severity = try input.raw(Severity.self), file = try input.string(), line = try input.optionalInt()
        self.init(severity, file: file, line: line, try input.string())
    }
}

extension ArticleName: CacheCodable {
    public func write(to out: inout CacheWriter) {
        out.string(name)
        out.optionalString(surname)
        out.bool(initialWord)
    }

    public init(from input: inout CacheReader) throws {
        // Actors recur through a file: each name made once.
        let name = try input.interned(), surname = try input.optionalInterned()
        self.init(name: name, surname: surname, initialWord: try input.bool())
    }

    /// Passes over a list of names as `CacheWriter.values` writes it, making nothing.
    static func skipList(_ input: inout CacheReader) throws {
        for _ in 0..<(try input.length()) {
            try input.skip(bytes: input.length())
            if try input.bool() { try input.skip(bytes: input.length()) }
            _ = try input.bool()
        }
    }
}

extension NameEvidence: CacheCodable {
    public func write(to out: inout CacheWriter) {
        let full = fullNames.sorted { $0.key < $1.key }
        out.array(full) { $0.string($1.key); $0.int($1.value) }
        out.strings(nameWords)
        out.array(tally) { out, t in
            out.value(t.name)
            out.string(t.kind.rawValue)
            out.int(t.count)
        }
    }

    public init(from input: inout CacheReader) throws {
        self.init()
        for (name, count) in try input.array({ (try $0.string(), try $0.int()) }) { fullNames[name] = count }
        nameWords = try input.strings()
        tally = try input.array { input in
            let name = try input.value(ArticleName.self), kind = try input.raw(EntityKind.self)
            return Tally(name: name, kind: kind, count: try input.int())
        }
    }
}

extension BoilerplateEvidence: CacheCodable {
    public func write(to out: inout CacheWriter) {
        out.fixed(outlet)
        out.raw(sentences)
        out.raw(paragraphs)
        out.array(blocks) { out, block in
            switch block {
            case .reporting: out.bool(false)
            case .furniture(let reason): out.append([2]); out.string(reason)
            case .oneCue(let keys): out.append([3]); out.array(keys) { $0.fixed($1.hash); $0.int($1.length) }
            }
        }
    }

    public init(from input: inout CacheReader) throws {
        let outlet = try input.fixed()
        let sentences: [UInt64] = try input.raw()
        let paragraphs: [UInt64] = try input.raw()
        let blocks: [Block] = try input.array { input in
            switch try input.byte() {
            case 0: return .reporting
            case 2: return .furniture(try input.interned())
            case 3: return .oneCue(try input.array { Key(hash: try $0.fixed(), length: try $0.int()) })
            default: throw CacheReader.corrupt("unknown boilerplate block")
            }
        }
        guard paragraphs.count == blocks.count else { throw CacheReader.corrupt("a paragraph hash per block") }
        self.outlet = outlet
        self.sentences = sentences
        self.blocks = blocks
        self.paragraphs = paragraphs
    }

    /// Passes over the evidence `init(from:)` would read, with the same checks (so that those bytes
    /// decode), making nothing; returns its bytes.
    static func skip(_ input: inout CacheReader) throws -> ArraySlice<UInt8> {
        let start = input.offset
        try input.skip(bytes: 8)
        // Two lists written by `CacheWriter.raw`: a count, then 8 bytes each.
        try input.skip(bytes: input.length() * 8)
        let paragraphs = try input.length()
        try input.skip(bytes: paragraphs * 8)
        guard try input.length() == paragraphs else { throw CacheReader.corrupt("a paragraph hash per block") }
        for _ in 0..<paragraphs {
            switch try input.byte() {
            case 0: continue
            case 2: try input.skip(bytes: input.length())
            case 3: for _ in 0..<(try input.length()) { try input.skip(bytes: 8); _ = try input.int() }
            default: throw CacheReader.corrupt("unknown boilerplate block")
            }
        }
        return try input.bytes(at: start..<input.offset)
    }

    /// The sentence and paragraph hashes of evidence as `skip` passed over it, where they lie.
    static func withHashes<R>(in bytes: ArraySlice<UInt8>,
                              _ body: (_ sentences: UnalignedHashes, _ paragraphs: UnalignedHashes) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            // After the outlet, two lists written by `CacheWriter.raw` (their bounds checked by `skip`).
            var at = 8
            func list() -> UnalignedHashes {
                let count = Int(CacheReader.varint(in: buffer, at: &at)!)
                defer { at += count * 8 }
                return UnalignedHashes(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[at..<(at + count * 8)])))
            }
            let sentences = list()
            return body(sentences, list())
        }
    }
}

/// Hashes written by `CacheWriter.raw`, read where they lie (not aligned for `UInt64`).
struct UnalignedHashes: RandomAccessCollection {
    let bytes: UnsafeRawBufferPointer

    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count / 8 }

    subscript(i: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
}

extension ArticleRecord: CacheCodable {
    public func write(to out: inout CacheWriter) {
        out.string(sourcePath)
        out.fixed(contentHash)
        out.optional(stamp) { $0.stamp($1) }
        out.string(requestedSlug)
        out.string(slug)
        out.string(title)
        out.optionalString(source)
        out.optionalString(url)
        out.optionalString(author)
        out.optional(published) { $0.publication($1) }
        out.zone(zone)
        out.bool(draft)
        out.bool(included)
        out.values(warnings)
        switch storedEvidence {
        case .decoded(let evidence): out.value(evidence)
        case .encoded(let bytes): out.append(bytes)
        }
        out.array(verdicts) { $0.bool($1) }
        out.ints([counts.sentences, counts.expressions, counts.boilerplateBlocks, counts.mentions])
        out.values(periods)
        switch storedNames {
        case .decoded(let names):
            var bytes = CacheWriter()
            bytes.value(names)
            out.varint(UInt64(bytes.count))
            out.append(bytes.bytes)
        case .encoded(let bytes):
            out.varint(UInt64(bytes.count))
            out.append(bytes)
        }
    }

    public init(from input: inout CacheReader) throws {
        var shared = SharedValues()
        try self.init(from: &input, shared: &shared)
    }

    /// What the records of a manifest repeat, made once: lists of verdicts (an article's blocks are
    /// mostly not boilerplate, so articles of as many blocks mostly have the same) and of periods
    /// (articles of the same days have their mentions in the same months).
    struct SharedValues {
        var verdicts = BytesTable<[Bool]>()
        var periods = BytesTable<[Period]>()
    }

    init(from input: inout CacheReader, shared: inout SharedValues) throws {
        sourcePath = try input.string()
        contentHash = try input.fixed()
        stamp = try input.optional { try $0.stamp() }
        requestedSlug = try input.string()
        // Most articles have the slug they ask for: one string for both.
        slug = try input.string(reusing: requestedSlug)
        title = try input.string()
        source = try input.optionalInterned()
        url = try input.optionalString()
        author = try input.optionalInterned()
        published = try input.optional { try $0.publication() }
        zone = try input.zone()
        draft = try input.bool()
        included = try input.bool()
        warnings = try input.values()
        storedEvidence = .encoded(try BoilerplateEvidence.skip(&input))
        let verdictsStart = input.offset
        try input.skip(bytes: input.length())
        verdicts = try input.shared(verdictsStart..<input.offset, in: &shared.verdicts) { try $0.bools() }
        // Written as a list of four (`ints`), read without making one.
        guard try input.length() == 4 else { throw CacheReader.corrupt("article counts") }
        let sentences = try input.int(), expressions = try input.int(), boilerplateBlocks = try input.int()
        counts = Counts(sentences: sentences, expressions: expressions, boilerplateBlocks: boilerplateBlocks, mentions: try input.int())
        let periodsStart = input.offset
        for _ in 0..<(try input.length()) { _ = try input.value(Period.self) }
        periods = try input.shared(periodsStart..<input.offset, in: &shared.periods) { try $0.values() }
        storedNames = .encoded(try input.bytes(try input.length()))
    }
}

extension Mention: CacheCodable {
    public func write(to out: inout CacheWriter) {
        out.string(article)
        out.int(blockOrdinal)
        out.int(sentenceIndex)
        out.string(sentence)
        out.optionalString(expression)
        out.optional(expressionRange) { $0.int($1.lowerBound); $0.int($1.upperBound) }
        out.timex(value)
        out.string(resolution)
        out.values(names)
    }

    public init(from input: inout CacheReader) throws {
        var shared = SharedValues()
        try self.init(from: &input, shared: &shared)
    }

    /// What the mentions of a file share, made once: the slug of the article before (an article's
    /// mentions are next to each other), and lists of actors with their site-wide names
    /// (`CacheReader.shared`; the sentences of a story name the same actors across its articles).
    struct SharedValues {
        var slug: (bytes: Range<Int>, value: String) = (0..<0, "")
        var names = BytesTable<(names: [ArticleName], entities: [String])>()

        /// The next list of names, with the entities derived from it.
        mutating func read(_ input: inout CacheReader) throws -> (names: [ArticleName], entities: [String]) {
            let start = input.offset
            try ArticleName.skipList(&input)
            return try input.shared(start..<input.offset, in: &names) { input in
                let names = try input.values(ArticleName.self)
                // `entities` is not stored: it is derived from `names` (as the `Codable` form does).
                return (names, names.map { $0.name })
            }
        }
    }

    @inline(__always)
    init(from input: inout CacheReader, shared: inout SharedValues) throws {
        if input.skip(sameAs: shared.slug.bytes) {
            article = shared.slug.value
        } else {
            let start = input.offset
            article = try input.interned()
            shared.slug = (start..<input.offset, article)
        }
        blockOrdinal = try input.int()
        sentenceIndex = try input.int()
        sentence = try input.string()
        expression = try input.optionalInterned()
        expressionRange = try input.optional { input in
            let lower = try input.int(), upper = try input.int()
            guard lower <= upper else { throw CacheReader.corrupt("expression range") }
            return lower..<upper
        }
        value = try input.timex()
        // How a value was resolved recurs ("'in 2019' → 2019", "continues the account dated …").
        resolution = try input.interned()
        (names, entities) = try shared.read(&input)
    }
}

extension EventMerger.Candidate: CacheCodable {
    public func write(to out: inout CacheWriter) {
        writeFields(to: &out)
        out.strings(storyNames)
    }

    /// `write(to:)` with the story names already encoded (`CacheWriter.strings`): an article's
    /// candidates share one list, encoded once.
    func write(to out: inout CacheWriter, storyNames encoded: ArraySlice<UInt8>) {
        writeFields(to: &out)
        out.append(encoded)
    }

    /// Every field but the story names, which come last.
    private func writeFields(to out: inout CacheWriter) {
        out.value(mention)
        out.string(status.rawValue)
        out.string(dateSource.rawValue)
        out.int(position)
        out.optional(filedIn) { $0.value($1) }
        out.optional(published) { $0.date($1) }
    }

    public init(from input: inout CacheReader) throws {
        var decoder = CandidateDecoder()
        self = try decoder.candidate(&input)
    }
}

/// Reads candidates one after another as `EventMerger.Candidate.init(from:)` does, sharing what
/// candidates repeat (a month of a large site holds tens of thousands of mentions): the reader
/// makes each slug, name and resolution once, this each list of actors once, and an article's
/// candidates, next to each other, share one list of story names.
struct CandidateDecoder {
    private var shared = Mention.SharedValues()
    /// The last story names read and where their bytes are.
    private var story: (bytes: Range<Int>, names: [String]) = (0..<0, [])

    static let statuses: [(value: EventStatus, bytes: [UInt8])] = [EventStatus.happened, .expected].map { ($0, Array($0.rawValue.utf8)) }
    static let sources: [(value: DateSource, bytes: [UInt8])] = [DateSource.expression, .narrative, .publication].map {
        ($0, Array($0.rawValue.utf8))
    }

    mutating func candidate(_ input: inout CacheReader) throws -> EventMerger.Candidate {
        let mention = try Mention(from: &input, shared: &shared)
        let status = try input.rawCase(Self.statuses)
        let source = try input.rawCase(Self.sources), position = try input.int()
        let filedIn: Period? = try input.optional { try $0.value() }
        let published = try input.optional { try $0.date() }
        // The story's names: the last candidate's list when the bytes are the same.
        if !input.skip(sameAs: story.bytes) {
            let start = input.offset
            story.names = try input.internedStrings()
            story.bytes = start..<input.offset
        }
        return EventMerger.Candidate(mention: consume mention, status: status, dateSource: source, position: position, filedIn: filedIn,
                                     published: published, storyNames: story.names)
    }
}

extension CacheManifest: CacheCodable {
    /// The records are written in this many runs, decoded at once on the cores there are (with the
    /// rest of the file beside them): more runs than cores, so that a core busy with other work for
    /// a while (the files' stamps are taken meanwhile) leaves its share to the others.
    static let recordRuns = 4

    func write(to out: inout CacheWriter) {
        out.optional(readStart) { $0.int(Int($1)) }
        out.values(records, reusing: encoded, runs: Self.recordRuns)
        out.array(periods) { out, p in
            out.value(p.period)
            out.fixed(p.hash)
            out.int(p.mentionCount)
            out.int(p.eventCount)
            out.strings(p.openNames)
        }
        out.value(boilerplate)
        out.value(names)
    }

    init(from input: inout CacheReader) throws {
        readStart = try input.optional { Int64(try $0.int()) }
        // Each run of records, and what follows them, read on a core of its own (a reader each),
        // every record made in its place in the one array.
        let runs = try input.runs(Self.recordRuns)
        let (bytes, rest) = (input.bytes, input.offset..<input.end)
        let count = runs.reduce(0) { $0 + $1.count }
        let firsts = runs.indices.map { k in runs[..<k].reduce(0) { $0 + $1.count } }
        let made = ResultSlots<Int>(count: runs.count), failures = ResultSlots<Error>(count: runs.count + 1)
        let tail = ResultSlots<([PeriodEntry], BoilerplateTally, NameTally)>(count: 1)
        var encoded: [ArraySlice<UInt8>?] = []
        records = try Array(unsafeUninitializedCapacity: count) { recordSlots, recordCount in
            encoded = try Array(unsafeUninitializedCapacity: count) { encodedSlots, encodedCount in
                let places = RecordPlaces(records: recordSlots.baseAddress, encoded: encodedSlots.baseAddress)
                DispatchQueue.concurrentPerform(iterations: runs.count + 1) { k in
                    do {
                        if k == runs.count {
                            tail.set(0, try Self.rest(bytes, rest))
                        } else {
                            try Self.records(bytes, runs[k], into: places, at: firsts[k]) { made.set(k, $0) }
                        }
                    } catch {
                        failures.set(k, error)
                    }
                }
                guard let failure = failures.filled.first else {
                    (recordCount, encodedCount) = (count, count)
                    return
                }
                // Each run's records made before the failure, undone (the arrays then hold none).
                for (k, n) in made.values().enumerated() {
                    (places.records! + firsts[k]).deinitialize(count: n)
                    (places.encoded! + firsts[k]).deinitialize(count: n)
                }
                throw failure
            }
        }
        self.encoded = encoded
        (periods, boilerplate, names) = tail.values()[0]
        try input.skip(bytes: rest.count)
    }

    /// Where the records decoded on several cores go, each run's in its own range.
    private struct RecordPlaces: @unchecked Sendable {
        let records: UnsafeMutablePointer<ArticleRecord>?
        let encoded: UnsafeMutablePointer<ArraySlice<UInt8>?>?
    }

    /// Decodes a run of records (with the bytes each was read from) into `places` from `first` on;
    /// `made` is given how many it made, also when it throws.
    private static func records(_ bytes: [UInt8], _ run: (bytes: Range<Int>, count: Int), into places: RecordPlaces, at first: Int,
                                made: (Int) -> Void) throws {
        var input = CacheReader(bytes, from: run.bytes.lowerBound, to: run.bytes.upperBound)
        var shared = ArticleRecord.SharedValues()
        var n = 0
        defer { made(n) }
        while n < run.count {
            let start = input.offset
            (places.records! + first + n).initialize(to: try ArticleRecord(from: &input, shared: &shared))
            (places.encoded! + first + n).initialize(to: bytes[start..<input.offset])
            n += 1
        }
        guard input.isAtEnd else { throw CacheReader.corrupt("a run of records of another length") }
    }

    /// The periods and the site-wide counts after the records.
    private static func rest(_ bytes: [UInt8], _ range: Range<Int>) throws -> ([PeriodEntry], BoilerplateTally, NameTally) {
        var input = CacheReader(bytes, from: range.lowerBound, to: range.upperBound)
        let periods = try input.array { input in
            let period = try input.value(Period.self), hash = try input.fixed()
            let mentions = try input.int(), events = try input.int()
            return PeriodEntry(period: period, hash: hash, mentionCount: mentions, eventCount: events, openNames: try input.internedStrings())
        }
        let boilerplate: BoilerplateTally = try input.value(), names: NameTally = try input.value()
        guard input.isAtEnd else { throw CacheReader.corrupt("trailing bytes") }
        return (periods, boilerplate, names)
    }
}

extension PeriodFile: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.values(candidates, reusing: encoded)
        out.array(groups) { $0.ints($1) }
    }

    init(from input: inout CacheReader) throws {
        let count = try input.length()
        var decoder = CandidateDecoder()
        candidates = []
        encoded = []
        candidates.reserveCapacity(count)
        encoded.reserveCapacity(count)
        for _ in 0..<count {
            let start = input.offset
            candidates.append(try decoder.candidate(&input))
            encoded.append(try input.bytes(at: start..<input.offset))
        }
        groups = try input.array { try $0.ints() }
        guard groups.allSatisfy({ $0.allSatisfy { (0..<count).contains($0) } }) else { throw CacheReader.corrupt("group member out of range") }
    }
}

extension BoilerplateTally: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.raw(sentences.keys)
        out.raw(sentences.counts)
        out.raw(paragraphs.keys)
        out.raw(paragraphs.counts)
        out.array(outlets.sorted { $0.key < $1.key }) { $0.fixed($1.key); $0.int($1.value) }
        out.array(frequent.sorted { $0.key < $1.key }) { $0.fixed($1.key); $0.fixed($1.value) }
    }

    init(from input: inout CacheReader) throws {
        self.init()
        sentences = try SortedCounts(keys: input.rawBytes(UInt64.self), counts: input.rawBytes(Int32.self))
        paragraphs = try SortedCounts(keys: input.rawBytes(UInt64.self), counts: input.rawBytes(Int32.self))
        for (outlet, n) in try input.array({ (try $0.fixed(), try $0.int()) }) { outlets[outlet] = n }
        for (paragraph, outlet) in try input.array({ (try $0.fixed(), try $0.fixed()) }) { frequent[paragraph] = outlet }
    }
}

extension NameTally: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.array(fullNames.sorted { $0.key < $1.key }) { $0.string($1.key); $0.int($1.value) }
        out.array(nameWords.sorted { $0.key < $1.key }) { $0.string($1.key); $0.int($1.value) }
        out.array(tallies.sorted { $0.key < $1.key }) { out, t in
            out.value(t.key.name)
            out.string(t.key.kind.rawValue)
            out.int(t.value)
        }
    }

    init(from input: inout CacheReader) throws {
        self.init()
        for (name, n) in try input.array({ (try $0.string(), try $0.int()) }) { fullNames[name] = n }
        for (name, n) in try input.array({ (try $0.string(), try $0.int()) }) { nameWords[name] = n }
        for (key, n) in try input.array({ input in
            let name = try input.value(ArticleName.self), kind = try input.raw(EntityKind.self)
            return (Key(name: name, kind: kind), try input.int())
        }) { tallies[key] = n }
    }
}
