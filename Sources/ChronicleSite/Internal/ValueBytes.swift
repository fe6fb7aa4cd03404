import ChronicleTime

/// The texts of timeline values (`TimexValue.description`, `CivilDate.description`)
/// written straight into UTF-8 bytes, without a String each: events.json and card fingerprints
/// write several per mention. Only digits and `-` are written this way (nothing JSON escapes);
/// other values are left to their `description`.
enum ValueBytes {
    /// Appends the value's `description` when it is a day, month or year of years 0–9999 (most
    /// values), and tells whether it did; otherwise appends nothing.
    static func append(_ value: TimexValue, to bytes: inout [UInt8]) -> Bool {
        withText(value) { bytes.append(contentsOf: $0) }
    }

    /// Appends the day's `description` (`TimexFormat.date`) when its year is 0–9999, and tells whether it did.
    static func append(_ d: CivilDate, to bytes: inout [UInt8]) -> Bool {
        withText(d) { bytes.append(contentsOf: $0) }
    }

    /// Calls `body` with the value's `description` (in a buffer on the stack) when it is a day,
    /// month or year of years 0–9999, and tells whether it did.
    static func withText(_ value: TimexValue, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        switch value {
        case .day(let d): return withText(d, body)
        case .month(let y, let m):
            guard (0..<10000).contains(y), (0..<100).contains(m) else { return false }
            Text.make(body) { $0.year(y); $0.byte(0x2D); $0.two(m) }
            return true
        case .year(let y):
            guard (0..<10000).contains(y) else { return false }
            Text.make(body) { $0.year(y) }
            return true
        default: return false
        }
    }

    /// `withText` of a day (`CivilDate.description`).
    static func withText(_ d: CivilDate, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard (0..<10000).contains(d.year), (0..<100).contains(d.month), (0..<100).contains(d.day) else { return false }
        Text.make(body) { $0.year(d.year); $0.byte(0x2D); $0.two(d.month); $0.byte(0x2D); $0.two(d.day) }
        return true
    }

    /// Up to 16 bytes of text on the stack.
    private struct Text {
        private var words: (UInt64, UInt64) = (0, 0)
        private var count = 0

        static func make(_ body: (UnsafeRawBufferPointer) -> Void, _ write: (inout Text) -> Void) {
            var text = Text()
            write(&text)
            let count = text.count
            withUnsafeBytes(of: &text.words) { body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }

        mutating func byte(_ b: UInt8) {
            let at = count
            withUnsafeMutableBytes(of: &words) { $0[at] = b }
            count += 1
        }

        /// `TimexFormat.year` for 0–9999: four digits.
        mutating func year(_ y: Int) { digits(y, width: 4) }

        /// `TimexFormat.two` for 0–99.
        mutating func two(_ n: Int) { digits(n, width: 2) }

        private mutating func digits(_ n: Int, width: Int) {
            let end = count + width
            withUnsafeMutableBytes(of: &words) { DecimalDigits.write(n, width: width, endingAt: end, into: $0.bindMemory(to: UInt8.self)) }
            count = end
        }
    }
}
