import ChronicleModel
@testable import ChronicleSite
import Testing

/// `HashInput` gathers its bytes a word at a time; its hash must be that of the bytes appended
/// one by one (each number as eight little-endian bytes, each string as its length, then its UTF-8),
/// whatever mix of lengths leaves the words unaligned.
@Suite struct HashInputTests {
    enum Value {
        case number(Int)
        case text(String)
    }

    static func bytes(_ values: [Value]) -> [UInt8] {
        var out: [UInt8] = []
        func number(_ n: Int) { withUnsafeBytes(of: UInt64(bitPattern: Int64(n)).littleEndian) { out += $0 } }
        for value in values {
            switch value {
            case .number(let n): number(n)
            case .text(let s):
                number(s.utf8.count)
                out += Array(s.utf8)
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
                values.append(seed % 3 == 0 ? .number(Int(truncatingIfNeeded: seed >> 7) - Int(seed % 1000))
                                            : .text(texts[Int(seed >> 40) % texts.count]))
            }
            var input = HashInput()
            for value in values {
                switch value {
                case .number(let n): input.add(n)
                case .text(let s): input.add(s)
                }
            }
            #expect(input.hash == ContentHash.xxh64(Self.bytes(values)))
        }
    }
}
