/// Decimal numbers written as ASCII digits straight into bytes, without a String each: the one
/// digit writer behind the formats that build their strings in place (`TimexFormat.date`,
/// `DisplayFormat.day`) and the site's byte writers (pages, events.json, anchors).
public enum DecimalDigits {
    /// How many digits `n` (≥ 0) has.
    @inlinable public static func count(_ n: Int) -> Int {
        var digits = 1
        var rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return digits
    }

    /// Writes `n` (≥ 0) as `width` digits, zero-padded, ending just before `end`.
    @inlinable public static func write(_ n: Int, width: Int, endingAt end: Int, into out: UnsafeMutableBufferPointer<UInt8>) {
        var rest = n
        for i in stride(from: end - 1, through: end - width, by: -1) {
            out[i] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    /// Room enough for what `writePair` writes with these texts (each number at most 19 digits).
    @inlinable public static func pairCapacity(_ prefix: StaticString, _ separator: StaticString, _ suffix: StaticString) -> Int {
        prefix.utf8CodeUnitCount + separator.utf8CodeUnitCount + suffix.utf8CodeUnitCount + 2 * 19
    }

    /// Writes `prefix`, `a`, `separator`, `b` and `suffix` (`a`, `b` ≥ 0) from `at` of `out` (room
    /// for `pairCapacity` bytes), returning where they end: a sentence's anchor (`s3-12`) and the
    /// like, with no string for each.
    @inlinable public static func writePair(_ prefix: StaticString, _ a: Int, _ separator: StaticString, _ b: Int,
                                            _ suffix: StaticString, at: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var i = at
        func put(_ s: StaticString) {
            for k in 0..<s.utf8CodeUnitCount { out[i + k] = s.utf8Start[k] }
            i += s.utf8CodeUnitCount
        }
        func put(_ n: Int) {
            let width = count(n)
            write(n, width: width, endingAt: i + width, into: out)
            i += width
        }
        put(prefix); put(a); put(separator); put(b); put(suffix)
        return i
    }

    /// Appends `String(n)`.
    public static func append(_ n: Int, to bytes: inout [UInt8]) {
        if n >= 0 && n < 10 { bytes.append(0x30 + UInt8(n)); return }
        guard n > 0 else { bytes += String(n).utf8; return }
        let width = count(n)
        let end = bytes.count + width
        bytes.append(contentsOf: repeatElement(0x30, count: width))
        bytes.withUnsafeMutableBufferPointer { write(n, width: width, endingAt: end, into: $0) }
    }

    /// Appends `TimexFormat.two(n)`: two digits for 0–99.
    public static func appendTwo(_ n: Int, to bytes: inout [UInt8]) {
        guard n >= 0 && n < 100 else { bytes += TimexFormat.two(n).utf8; return }
        bytes.append(0x30 + UInt8(n / 10))
        bytes.append(0x30 + UInt8(n % 10))
    }
}
