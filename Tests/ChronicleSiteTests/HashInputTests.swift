import ChronicleModel
@testable import ChronicleSite
import ChronicleTime
import Testing

/// `HashInput`'s hash must be that of the bytes appended one by one (each number as eight
/// little-endian bytes, each string as its length, then its UTF-8; a value as its `description`),
/// whatever mix of lengths leaves the words unaligned: fingerprints are kept in the cache.
@Suite struct HashInputTests {
    enum Value {
        case number(Int)
        case text(String)
        case value(TimexValue)
    }

    /// Values written without their `description` (days, months, years) and others.
    static let values: [TimexValue] = [
        .day(CivilDate(year: 2024, month: 2, day: 9)!), .day(CivilDate(year: 987, month: 12, day: 31)!),
        .day(CivilDate(year: 12024, month: 1, day: 1)!), .month(year: 2025, month: 3), .month(year: 45, month: 11),
        .year(2024), .year(7), .year(-44), .year(10000), .week(ISOWeek(year: 2025, week: 3)), .quarter(year: 2025, quarter: 2),
        .time(CivilDate(year: 2025, month: 8, day: 17)!, hour: 14, minute: 5), .decade(199), .century(19),
        .underspecified("XXXX-03-15"),
    ]

    static func bytes(_ values: [Value]) -> [UInt8] {
        var out: [UInt8] = []
        func number(_ n: Int) { withUnsafeBytes(of: UInt64(bitPattern: Int64(n)).littleEndian) { out += $0 } }
        for value in values {
            switch value {
            case .number(let n): number(n)
            case .text(let s):
                number(s.utf8.count)
                out += Array(s.utf8)
            case .value(let v):
                number(v.description.utf8.count)
                out += Array(v.description.utf8)
            }
        }
        return out
    }

    @Test func hashesTheBytesOneByOneWouldGive() {
        let texts = ["", "a", "seven c", "eight ch", "nine char", "a sentence of some length, with “quotes” and é",
                     "2024-02-28-deccan-brightwater-bank-agreed-to-buy-its-10000"]
        var seed: UInt64 = 7
        for round in 0..<200 {
            var values: [Value] = []
            for _ in 0..<(round % 13) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                switch seed % 4 {
                case 0: values.append(.number(Int(truncatingIfNeeded: seed >> 7) - Int(seed % 1000)))
                case 1: values.append(.value(Self.values[Int(seed >> 40) % Self.values.count]))
                default: values.append(.text(texts[Int(seed >> 40) % texts.count]))
                }
            }
            var input = HashInput()
            for value in values {
                switch value {
                case .number(let n): input.add(n)
                case .text(let s): input.add(s)
                case .value(let v): input.add(v)
                }
            }
            #expect(input.hash == ContentHash.xxh64(Self.bytes(values)))
        }
    }
}
