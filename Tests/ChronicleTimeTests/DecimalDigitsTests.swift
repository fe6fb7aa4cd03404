import ChronicleTime
import Testing

@Suite struct DecimalDigitsTests {
    static let numbers = [0, 1, 7, 9, 10, 42, 99, 100, 305, 1999, 2025, 10_000, 123_456_789, Int.max, -1, -42, -2025, Int.min]

    @Test func appendWritesWhatStringWrites() {
        for n in Self.numbers {
            var bytes: [UInt8] = [0x41]
            DecimalDigits.append(n, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "A" + String(n), "\(n)")
        }
    }

    @Test func appendTwoWritesWhatTimexFormatWrites() {
        for n in [0, 5, 9, 10, 59, 99, 100, 123, -3] {
            var bytes: [UInt8] = []
            DecimalDigits.appendTwo(n, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == TimexFormat.two(n), "\(n)")
        }
    }

    @Test func writePadsToItsWidth() {
        var out = [UInt8](repeating: 0x2E, count: 8)
        out.withUnsafeMutableBufferPointer { DecimalDigits.write(7, width: 4, endingAt: 6, into: $0) }
        #expect(String(decoding: out, as: UTF8.self) == "..0007..")
        #expect(DecimalDigits.count(0) == 1 && DecimalDigits.count(9) == 1 && DecimalDigits.count(10) == 2 && DecimalDigits.count(Int.max) == 19)
    }
}
