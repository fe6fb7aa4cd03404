import ChronicleTime

/// The texts of timeline values (`TimexValue.description`, `CivilDate.description`) and numbers
/// written straight into UTF-8 bytes, without a String each: events.json and card fingerprints
/// write several per mention. Only digits and `-` are written this way (nothing JSON escapes);
/// other values are left to their `description`.
enum ValueBytes {
    /// Appends the value's `description` when it is a day, month or year of years 0–9999 (most
    /// values), and tells whether it did; otherwise appends nothing.
    static func append(_ value: TimexValue, to bytes: inout [UInt8]) -> Bool {
        switch value {
        case .day(let d): return append(d, to: &bytes)
        case .month(let y, let m):
            guard (0..<10000).contains(y), (0..<100).contains(m) else { return false }
            year(y, to: &bytes)
            bytes.append(0x2D)
            two(m, to: &bytes)
            return true
        case .year(let y):
            guard (0..<10000).contains(y) else { return false }
            year(y, to: &bytes)
            return true
        default: return false
        }
    }

    /// Appends the day's `description` (`TimexFormat.date`) when its year is 0–9999, and tells whether it did.
    static func append(_ d: CivilDate, to bytes: inout [UInt8]) -> Bool {
        guard (0..<10000).contains(d.year), (0..<100).contains(d.month), (0..<100).contains(d.day) else { return false }
        year(d.year, to: &bytes)
        bytes.append(0x2D)
        two(d.month, to: &bytes)
        bytes.append(0x2D)
        two(d.day, to: &bytes)
        return true
    }

    /// `String(n)`.
    static func decimal(_ n: Int, to bytes: inout [UInt8]) {
        guard n >= 0 else { bytes += String(n).utf8; return }
        if n < 10 { bytes.append(0x30 + UInt8(n)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// `TimexFormat.year` for 0–9999: four digits.
    private static func year(_ y: Int, to bytes: inout [UInt8]) {
        bytes.append(0x30 + UInt8(y / 1000))
        bytes.append(0x30 + UInt8(y / 100 % 10))
        bytes.append(0x30 + UInt8(y / 10 % 10))
        bytes.append(0x30 + UInt8(y % 10))
    }

    /// `TimexFormat.two` for 0–99.
    private static func two(_ n: Int, to bytes: inout [UInt8]) {
        bytes.append(0x30 + UInt8(n / 10))
        bytes.append(0x30 + UInt8(n % 10))
    }
}
