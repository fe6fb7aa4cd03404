import ChronicleTagger
import ChronicleTime
import Testing

/// TimeML's `quant` and `freq` on SETs: "every Tuesday" is EVERY, "each month" EACH, "daily" 1X, and a
/// count before "a week" ("twice a week", "three times a day") is the frequency, inside the span.
@Suite struct SetAttributeTests {
    static let context = AnchorContext(documentTime: try! PublicationTime.parse("2025-03-19", zone: nil))

    struct Case: Sendable, CustomStringConvertible {
        let sentence: String, text: String, value: String, quant: SetQuantifier?, freq: Int?
        var description: String { text }
    }

    static let cases = [
        Case(sentence: "The council meets every Tuesday.", text: "every Tuesday", value: "XXXX-WXX-2", quant: .every, freq: nil),
        Case(sentence: "Rents are reviewed each month.", text: "each month", value: "P1M", quant: .each, freq: nil),
        Case(sentence: "The paper is published daily.", text: "daily", value: "P1D", quant: nil, freq: 1),
        Case(sentence: "Inspections happen twice a year.", text: "twice a year", value: "P1Y", quant: nil, freq: 2),
        Case(sentence: "He calls three times a day.", text: "three times a day", value: "P1D", quant: nil, freq: 3),
        Case(sentence: "Prices are checked 4 times a year.", text: "4 times a year", value: "P1Y", quant: nil, freq: 4),
        Case(sentence: "She pays $5 a month.", text: "a month", value: "P1M", quant: nil, freq: nil),
    ]

    @Test(arguments: cases) func setAttributes(_ c: Case) throws {
        let found = Tagger().tag(c.sentence, context: Self.context)
        let t = try #require(found.first { $0.type == .set }, "no SET in '\(c.sentence)'")
        #expect(t.text == c.text)
        #expect(t.value.description == c.value)
        #expect(t.quant == c.quant)
        #expect(t.freq == c.freq)
    }

    @Test func datesCarryNoSetAttributes() {
        let found = Tagger().tag("Talks resumed on Saturday and will end next month.", context: Self.context)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.quant == nil && $0.freq == nil })
    }
}
