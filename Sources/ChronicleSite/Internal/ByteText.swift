import ChronicleTime

/// UTF-8 text gathered in a buffer of its own. events.json appends a dozen small pieces per
/// mention (keys, quotes, strings, digits): an array's `append(contentsOf:)` checks that its
/// storage is unique and has room through a generic path on every call, which cost more than
/// copying the piece. Here a piece is a capacity test and a copy; the buffer doubles when full.
struct ByteText: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    /// - Parameter capacity: about how many bytes will be appended (room never written to is never touched).
    init(capacity: Int = 0) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Room for `n` more bytes.
    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(n) }
    }

    private mutating func grow(_ n: Int) {
        let grown = max(2 * capacity, count + n)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: start, count: count)
        start.deallocate()
        (start, capacity) = (moved, grown)
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    @inline(__always) mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(start + count).copyMemory(from: base, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    /// Appends `n` bytes written by `write` at the start of the room it is given.
    @inline(__always) mutating func append(count n: Int, writing write: (UnsafeMutablePointer<UInt8>) -> Void) {
        reserve(n)
        write(start + count)
        count += n
    }

    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    /// Literal text (a static string needs no checks to be read as bytes).
    @inline(__always) mutating func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// `String(n)`.
    mutating func appendDecimal(_ n: Int) {
        // One digit (most sentence numbers and counts): the byte itself.
        if n >= 0 && n < 10 { return append(0x30 + UInt8(truncatingIfNeeded: n)) }
        guard n >= 0 else { return append(Array(String(n).utf8)) }
        let width = DecimalDigits.count(n)
        append(count: width) { DecimalDigits.write(n, width: width, endingAt: width, into: UnsafeMutableBufferPointer(start: $0, count: width)) }
    }

    /// Drops the last `n` bytes.
    mutating func removeLast(_ n: Int = 1) {
        precondition(n <= count, "removing more than was appended")
        count -= n
    }

    /// The byte at `i` (of those appended).
    subscript(i: Int) -> UInt8 {
        precondition(i >= 0 && i < count, "past the bytes appended")
        return start[i]
    }

    /// The bytes so far.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// The bytes so far, as an array (a copy).
    var array: [UInt8] { withBytes { Array($0) } }

    /// The bytes so far, as an array (a copy), the text left empty (its room is kept).
    mutating func take() -> [UInt8] {
        defer { count = 0 }
        return array
    }
}
