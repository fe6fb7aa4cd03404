import Foundation

/// A compact binary form of any `Codable` value, for the build cache: synthesized conformances
/// work unchanged (a new stored field needs no code here), and decoding is several times faster
/// than JSON. Not an interchange format: only this program reads it back, and only after the
/// file's checksum matched (`CacheFile`). Corrupt input throws, it never traps.
///
/// Layout: every value sits in a slot `[u32 length][bytes]`. A keyed container is a run of
/// `[varint key length + 1][key][slot]` ended by a 0; an unkeyed one is a run of
/// `[1][slot]` (or `[0]` for nil) ended by a 2; a single value is `[0]` (nil) or `[1][value]`.
/// Integers are (zig-zag) varints, doubles their 8 bytes, strings a varint length and UTF-8.
public enum BinaryCoder {
    /// - Parameter capacity: about the bytes it takes, when known (`CacheWriter.init(capacity:)`).
    public static func encode<T: Encodable>(_ value: T, capacity: Int = 0) throws -> [UInt8] {
        if let value = value as? any CacheCodable {
            var out = CacheWriter(capacity: capacity)
            out.append([0, 0, 0, 0])
            value.write(to: &out)
            var bytes = out.take()  // the bytes' only owner now: patched in place, not copied
            let length = UInt32(bytes.count - 4)
            for i in 0..<4 { bytes[i] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(i))) }
            return bytes
        }
        let writer = BinaryWriter()
        try writer.slot { if !BulkNumbers.write(value, to: writer) { try value.encode(to: BinaryEncoding(writer)) } }
        return writer.bytes
    }

    /// Decodes the value encoded at `offset` of `bytes` (the rest of `bytes` is its encoding).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], at offset: Int = 0) throws -> T {
        let reader = BinaryReader(bytes)
        let slot = try reader.slot(at: offset)
        guard slot.upperBound == bytes.count else { throw reader.corrupt("trailing bytes") }
        if let type = T.self as? any CacheCodable.Type {
            var input = CacheReader(bytes, from: slot.lowerBound, to: slot.upperBound)
            let value = try type.init(from: &input)
            guard input.isAtEnd else { throw reader.corrupt("trailing bytes") }
            return value as! T
        }
        return try BinaryDecoding.value(T.self, reader, slot)
    }

    /// Decodes what `encode` wrote for a `CacheCodable` value at `offset` of `bytes` with `read`,
    /// which must read it to its end: for a reading that needs more than the bytes (what to keep of them).
    public static func decode<T>(from bytes: [UInt8], at offset: Int, _ read: (inout CacheReader) throws -> T) throws -> T {
        let reader = BinaryReader(bytes)
        let slot = try reader.slot(at: offset)
        guard slot.upperBound == bytes.count else { throw reader.corrupt("trailing bytes") }
        var input = CacheReader(bytes, from: slot.lowerBound, to: slot.upperBound)
        let value = try read(&input)
        guard input.isAtEnd else { throw reader.corrupt("trailing bytes") }
        return value
    }
}

// MARK: - Lists of numbers

/// Arrays of integers and booleans (hashes, indices, verdicts) go as one run of varints rather
/// than one element at a time: the Codable machinery costs far more per element than the bytes.
enum BulkNumbers {
    static func write<T>(_ value: T, to writer: BinaryWriter) -> Bool {
        func run<I: FixedWidthInteger>(_ items: [I]) {
            writer.varint(UInt64(items.count))
            for i in items { writer.put(i) }
        }
        // By the static type: a cast would take an empty array of anything for a list of numbers.
        switch T.self {
        case is [UInt64].Type: run(value as! [UInt64])
        case is [Int].Type: run(value as! [Int])
        case is [Int32].Type: run(value as! [Int32])
        case is [UInt8].Type: run(value as! [UInt8])
        case is [Bool].Type: run((value as! [Bool]).map { $0 ? UInt8(1) : 0 })
        default: return false
        }
        return true
    }

    static func read<T>(_ type: T.Type, from reader: BinaryReader, _ range: Range<Int>) throws -> T? {
        func run<I: FixedWidthInteger>(_: I.Type) throws -> [I] {
            var p = range.lowerBound
            let count = Int(try reader.varint(&p, in: range))
            guard count <= range.count else { throw reader.corrupt("list longer than its slot") }
            var out: [I] = []
            out.reserveCapacity(count)
            for _ in 0..<count { out.append(try reader.integer(I.self, &p, in: range)) }
            return out
        }
        if type == [UInt64].self { return try run(UInt64.self) as? T }
        if type == [Int].self { return try run(Int.self) as? T }
        if type == [Int32].self { return try run(Int32.self) as? T }
        if type == [UInt8].self { return try run(UInt8.self) as? T }
        if type == [Bool].self { return try run(UInt8.self).map { $0 != 0 } as? T }
        return nil
    }
}

// MARK: - Writing

final class BinaryWriter {
    var bytes: [UInt8] = []
    /// Containers still open, innermost last: a write to one closes those opened after it.
    private var open: [OpenContainer] = []
    private var nextID = 0

    /// A container's end mark, and the slot it fills when it is the value of an entry or element.
    struct OpenContainer {
        var id: Int
        var endMark: UInt8
        var slotAt: Int?
    }

    /// Writes `[u32 length]` then whatever `body` writes, closing the containers it opened.
    func slot(_ body: () throws -> Void) throws {
        let mark = open.count
        let lengthAt = beginSlot()
        try body()
        closeOpen(downTo: mark)
        endSlot(lengthAt)
    }

    /// Reserves a slot's length; `endSlot` fills it in.
    func beginSlot() -> Int {
        let at = bytes.count
        bytes.append(0)
        bytes.append(0)
        bytes.append(0)
        bytes.append(0)
        return at
    }

    func endSlot(_ lengthAt: Int) {
        let length = UInt32(bytes.count - lengthAt - 4)
        for i in 0..<4 { bytes[lengthAt + i] = UInt8(truncatingIfNeeded: length >> (8 * i)) }
    }

    /// Registers a container, closed (its end mark written, its slot filled in) when something
    /// opened before it writes again or the value holding it ends.
    func openContainer(endMark: UInt8, nested: Bool) -> Int {
        nextID += 1
        open.append(OpenContainer(id: nextID, endMark: endMark, slotAt: nested ? beginSlot() : nil))
        return nextID
    }

    /// Before container `id` writes again, everything opened after it is finished.
    func willWrite(to id: Int) {
        guard let i = open.lastIndex(where: { $0.id == id }) else { return }
        closeOpen(downTo: i + 1)
    }

    private func closeOpen(downTo count: Int) {
        while open.count > count {
            let container = open.removeLast()
            bytes.append(container.endMark)
            if let at = container.slotAt { endSlot(at) }
        }
    }

    func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    func int(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func double(_ value: Double) {
        let bits = value.bitPattern
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * i))) }
    }

    func put(_ value: Bool) { bytes.append(value ? 1 : 0) }
    func put(_ value: String) { string(value) }
    func put(_ value: Double) { double(value) }
    func put(_ value: Float) { double(Double(value)) }
    func put<I: FixedWidthInteger>(_ value: I) {
        if I.isSigned { int(Int64(value)) } else { varint(UInt64(value)) }
    }

    func key(_ key: CodingKey) {
        let name = key.stringValue
        varint(UInt64(name.utf8.count + 1))
        bytes.append(contentsOf: name.utf8)
    }
}

struct BinaryEncoding: Encoder {
    let writer: BinaryWriter
    /// Not tracked: only this program reads the data, and an error names no path.
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ writer: BinaryWriter) { self.writer = writer }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(writer))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedWriter(writer) }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleWriter(writer) }
}

struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: BinaryWriter
    /// Not tracked: only this program reads the data, and an error names no path.
    var codingPath: [CodingKey] { [] }
    private let id: Int

    init(_ writer: BinaryWriter, nested: Bool = false) {
        self.writer = writer
        id = writer.openContainer(endMark: 0, nested: nested)
    }

    private func entry(_ key: Key, _ body: () throws -> Void) throws {
        writer.willWrite(to: id)
        writer.key(key)
        try writer.slot(body)
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try entry(key) { [writer] in writer.put(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try entry(key) { if !BulkNumbers.write(value, to: writer) { try value.encode(to: BinaryEncoding(writer)) } }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.willWrite(to: id)
        writer.key(key)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer, nested: true))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        writer.willWrite(to: id)
        writer.key(key)
        return UnkeyedWriter(writer, nested: true)
    }

    mutating func superEncoder() -> Encoder { BinaryEncoding(writer) }
    mutating func superEncoder(forKey key: Key) -> Encoder { BinaryEncoding(writer) }
}

struct UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: BinaryWriter
    /// Not tracked: only this program reads the data, and an error names no path.
    var codingPath: [CodingKey] { [] }
    private(set) var count = 0
    private let id: Int

    init(_ writer: BinaryWriter, nested: Bool = false) {
        self.writer = writer
        id = writer.openContainer(endMark: 2, nested: nested)
    }

    private mutating func element(_ body: () throws -> Void) throws {
        writer.willWrite(to: id)
        count += 1
        writer.bytes.append(1)
        try writer.slot(body)
    }

    mutating func encodeNil() throws {
        writer.willWrite(to: id)
        count += 1
        writer.bytes.append(0)
    }

    mutating func encode(_ value: Bool) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: String) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: Double) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: Float) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int8) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int16) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int32) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: Int64) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt8) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt16) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt32) throws { try element { [writer] in writer.put(value) } }
    mutating func encode(_ value: UInt64) throws { try element { [writer] in writer.put(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let writer = self.writer
        try element { if !BulkNumbers.write(value, to: writer) { try value.encode(to: BinaryEncoding(writer)) } }
    }

    private mutating func nestedElement() {
        writer.willWrite(to: id)
        count += 1
        writer.bytes.append(1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nestedElement()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer, nested: true))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        nestedElement()
        return UnkeyedWriter(writer, nested: true)
    }

    mutating func superEncoder() -> Encoder { BinaryEncoding(writer) }
}

struct SingleWriter: SingleValueEncodingContainer {
    let writer: BinaryWriter
    /// Not tracked: only this program reads the data, and an error names no path.
    var codingPath: [CodingKey] { [] }

    init(_ writer: BinaryWriter) { self.writer = writer }

    private func value(_ body: () throws -> Void) rethrows {
        writer.bytes.append(1)
        try body()
    }

    mutating func encodeNil() throws { writer.bytes.append(0) }
    mutating func encode(_ v: Bool) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: String) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: Double) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: Float) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: Int) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: Int8) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: Int16) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: Int32) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: Int64) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: UInt) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: UInt8) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: UInt16) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: UInt32) throws { value { [writer] in writer.put(v) } }
    mutating func encode(_ v: UInt64) throws { value { [writer] in writer.put(v) } }
    mutating func encode<T: Encodable>(_ v: T) throws {
        let writer = self.writer
        try value { try writer.slot { if !BulkNumbers.write(v, to: writer) { try v.encode(to: BinaryEncoding(writer)) } } }
    }
}

// MARK: - Reading

final class BinaryReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func corrupt(_ what: String, _ path: [CodingKey] = []) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: "corrupt cache data: \(what)"))
    }

    /// The bytes of the slot starting at `offset` (after its length).
    func slot(at offset: Int) throws -> Range<Int> {
        guard offset >= 0, offset + 4 <= bytes.count else { throw corrupt("slot past the end") }
        var length = 0
        for i in 0..<4 { length |= Int(bytes[offset + i]) << (8 * i) }
        let start = offset + 4
        guard start + length <= bytes.count else { throw corrupt("slot longer than the data") }
        return start..<(start + length)
    }

    func byte(_ position: inout Int, in range: Range<Int>) throws -> UInt8 {
        guard position < range.upperBound else { throw corrupt("value past its slot") }
        defer { position += 1 }
        return bytes[position]
    }

    func varint(_ position: inout Int, in range: Range<Int>) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte(&position, in: range)
            guard shift < 64 else { throw corrupt("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    func int(_ position: inout Int, in range: Range<Int>) throws -> Int64 {
        let v = try varint(&position, in: range)
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    func string(_ position: inout Int, in range: Range<Int>) throws -> String {
        let length = Int(try varint(&position, in: range))
        guard length <= range.upperBound - position else { throw corrupt("string past its slot") }
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }

    func bool(_ position: inout Int, in range: Range<Int>) throws -> Bool {
        switch try byte(&position, in: range) {
        case 0: return false
        case 1: return true
        default: throw corrupt("not a boolean")
        }
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, _ position: inout Int, in range: Range<Int>) throws -> I {
        let value: I? = I.isSigned ? I(exactly: try int(&position, in: range)) : I(exactly: try varint(&position, in: range))
        guard let value else { throw corrupt("integer out of range") }
        return value
    }

    func double(_ position: inout Int, in range: Range<Int>) throws -> Double {
        guard position + 8 <= range.upperBound else { throw corrupt("double past its slot") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return Double(bitPattern: bits)
    }
}

struct BinaryDecoding: Decoder {
    let reader: BinaryReader
    let range: Range<Int>
    /// Not tracked: only this program reads the data, and an error names no path.
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ reader: BinaryReader, _ range: Range<Int>) {
        self.reader = reader
        self.range = range
    }

    /// A value of type `T` in the slot `range`.
    static func value<T: Decodable>(_ type: T.Type, _ reader: BinaryReader, _ range: Range<Int>) throws -> T {
        if let bulk = try BulkNumbers.read(type, from: reader, range) { return bulk }
        return try T(from: BinaryDecoding(reader, range))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedReader<Key>(reader, range))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer { UnkeyedReader(reader, range) }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleReader(reader, range) }
}

final class KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: BinaryReader
    /// Not tracked: only this program reads the data, and an error names no path.
    var codingPath: [CodingKey] { [] }
    /// (key bytes, value slot) of every entry, in written order.
    private let entries: [(key: Range<Int>, value: Range<Int>)]
    /// Where the next lookup starts: keys are read back in the order they were written.
    private var next = 0

    init(_ reader: BinaryReader, _ range: Range<Int>) throws {
        self.reader = reader
        var found: [(Range<Int>, Range<Int>)] = []
        found.reserveCapacity(8)
        var p = range.lowerBound
        while true {
            let length = Int(try reader.varint(&p, in: range))
            if length == 0 { break }
            guard length - 1 <= range.upperBound - p else { throw reader.corrupt("key past its container") }
            let key = p..<(p + length - 1)
            let value = try reader.slot(at: key.upperBound)
            guard value.upperBound <= range.upperBound else { throw reader.corrupt("entry past its container") }
            found.append((key, value))
            p = value.upperBound
        }
        entries = found
    }

    var allKeys: [Key] {
        entries.compactMap { Key(stringValue: String(decoding: reader.bytes[$0.key], as: UTF8.self)) }
    }

    private func slot(_ key: Key) -> Range<Int>? {
        var name = key.stringValue
        return name.withUTF8 { utf8 in
            reader.bytes.withUnsafeBufferPointer { bytes in
                func matches(_ i: Int) -> Bool {
                    let k = entries[i].key
                    return k.count == utf8.count && (k.isEmpty || memcmp(bytes.baseAddress! + k.lowerBound, utf8.baseAddress!, k.count) == 0)
                }
                for step in 0..<entries.count {
                    let i = (next + step) % entries.count
                    if matches(i) {
                        next = i + 1
                        return entries[i].value
                    }
                }
                return nil
            }
        }
    }

    private func value<T>(_ key: Key, _ read: (inout Int, Range<Int>) throws -> T) throws -> T {
        guard let r = slot(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no entry for \(key.stringValue)"))
        }
        var p = r.lowerBound
        return try read(&p, r)
    }

    func contains(_ key: Key) -> Bool { slot(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { slot(key) == nil }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key) { [reader] in try reader.bool(&$0, in: $1) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key) { [reader] in try reader.string(&$0, in: $1) } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key) { [reader] in try reader.double(&$0, in: $1) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try value(key) { [reader] in try reader.double(&$0, in: $1) }) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key) { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(key) { [reader] _, r in try BinaryDecoding.value(T.self, reader, r) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try value(key) { _, r in KeyedDecodingContainer(try KeyedReader<NestedKey>(reader, r)) }
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try value(key) { _, r in UnkeyedReader(reader, r) }
    }

    func superDecoder() throws -> Decoder { throw reader.corrupt("super decoders are not supported", codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { throw reader.corrupt("super decoders are not supported", codingPath) }
}

struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: BinaryReader
    /// Not tracked: only this program reads the data, and an error names no path.
    var codingPath: [CodingKey] { [] }
    let range: Range<Int>
    private var position: Int
    private(set) var currentIndex = 0

    init(_ reader: BinaryReader, _ range: Range<Int>) {
        self.reader = reader
        self.range = range
        position = range.lowerBound
    }

    var count: Int? { nil }
    var isAtEnd: Bool { position >= range.upperBound || reader.bytes[position] == 2 }

    private mutating func element<T>(_ read: (inout Int, Range<Int>) throws -> T) throws -> T {
        guard !isAtEnd else { throw reader.corrupt("read past the end of a list", codingPath) }
        guard try reader.byte(&position, in: range) == 1 else { throw reader.corrupt("nil where a value was expected", codingPath) }
        let r = try reader.slot(at: position)
        guard r.upperBound <= range.upperBound else { throw reader.corrupt("element past its list", codingPath) }
        position = r.upperBound
        currentIndex += 1
        var p = r.lowerBound
        return try read(&p, r)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, reader.bytes[position] == 0 else { return false }
        position += 1
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element { [reader] in try reader.bool(&$0, in: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try element { [reader] in try reader.string(&$0, in: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try element { [reader] in try reader.double(&$0, in: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try element { [reader] in try reader.double(&$0, in: $1) }) }
    mutating func decode(_ type: Int.Type) throws -> Int { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element { [reader] in try reader.integer(type, &$0, in: $1) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let reader = self.reader
        return try element { _, r in try BinaryDecoding.value(T.self, reader, r) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let reader = self.reader
        return try element { _, r in KeyedDecodingContainer(try KeyedReader<NestedKey>(reader, r)) }
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let reader = self.reader
        return try element { _, r in UnkeyedReader(reader, r) }
    }

    mutating func superDecoder() throws -> Decoder { throw reader.corrupt("super decoders are not supported", codingPath) }
}

struct SingleReader: SingleValueDecodingContainer {
    let reader: BinaryReader
    /// Not tracked: only this program reads the data, and an error names no path.
    var codingPath: [CodingKey] { [] }
    let range: Range<Int>

    init(_ reader: BinaryReader, _ range: Range<Int>) {
        self.reader = reader
        self.range = range
    }

    private func value<T>(_ read: (inout Int, Range<Int>) throws -> T) throws -> T {
        var p = range.lowerBound
        guard try reader.byte(&p, in: range) == 1 else { throw reader.corrupt("nil where a value was expected", codingPath) }
        return try read(&p, range)
    }

    func decodeNil() -> Bool { range.isEmpty || reader.bytes[range.lowerBound] == 0 }
    func decode(_ type: Bool.Type) throws -> Bool { try value { [reader] in try reader.bool(&$0, in: $1) } }
    func decode(_ type: String.Type) throws -> String { try value { [reader] in try reader.string(&$0, in: $1) } }
    func decode(_ type: Double.Type) throws -> Double { try value { [reader] in try reader.double(&$0, in: $1) } }
    func decode(_ type: Float.Type) throws -> Float { Float(try value { [reader] in try reader.double(&$0, in: $1) }) }
    func decode(_ type: Int.Type) throws -> Int { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: Int8.Type) throws -> Int8 { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: Int16.Type) throws -> Int16 { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: Int32.Type) throws -> Int32 { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: Int64.Type) throws -> Int64 { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt.Type) throws -> UInt { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value { [reader] in try reader.integer(type, &$0, in: $1) } }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try value { p, _ in
            let r = try reader.slot(at: p)
            guard r.upperBound <= range.upperBound else { throw reader.corrupt("value past its slot", codingPath) }
            return try BinaryDecoding.value(T.self, reader, r)
        }
    }
}
