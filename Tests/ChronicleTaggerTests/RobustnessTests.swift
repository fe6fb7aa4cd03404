import ChronicleTagger
import ChronicleTime
import Testing

/// Word salads of temporal vocabulary and punctuation: the tagger must not trap, and every
/// expression must cover exactly its text, in order and without overlaps.
@Suite struct RobustnessTests {
    static let pieces = ("the a last next this that Friday Friday's March May 15 2025 1990s '90s - / , . : 's ’ “ ” "
        + "3pm 10:30 a.m. p.m. ago later earlier year years week weeks month quarter third-quarter Q3 H1 early late "
        + "mid mid- of in on at since until by and or so 5 1/2 hours day days tonight overnight Easter Christmas New "
        + "Year Eve 10th 24 0900 GMT UK time Sunday afternoon nineteen ninety-six two thousand fiscal 1989 year-ago "
        + "period decade century 20th é 日本 \n \n\n").split(separator: " ").map(String.init)

    @Test func wordSaladsKeepSpansConsistent() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let context = AnchorContext(documentTime: try! PublicationTime.parse("2025-03-15", zone: nil))
        for _ in 0..<300 {
            let text = (0..<(next() % 40 + 1)).map { _ in Self.pieces[next() % Self.pieces.count] }
                .joined(separator: next() % 3 == 0 ? "" : " ")
            let found = Tagger().tag(text, context: context)
            let bytes = Array(text.utf8)
            var last = 0
            for t in found {
                #expect(t.utf8Range.lowerBound >= last && t.utf8Range.upperBound <= bytes.count, "\(text)")
                #expect(String(decoding: bytes[t.utf8Range], as: UTF8.self) == t.text, "\(text)")
                last = t.utf8Range.upperBound
            }
        }
    }
}
