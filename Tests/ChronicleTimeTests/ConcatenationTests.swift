import ChronicleTime
import Testing

@Suite struct ConcatenationTests {
    @Test func stringsJoinAsPlusDoes() {
        let parts = ["'", "on", " ", "Friday", "' → ", "Fri 14 Mar 2025 (", "día", ", ", "🇺🇦", ")", ""]
        #expect(String.concatenating("'", "on", " ", "Friday", "' → ", "Fri 14 Mar 2025 (", "día", ", ", "🇺🇦", ")", "")
                == parts.joined())
        #expect(String.concatenating("", "") == "")
    }

    @Test func substringsJoinAsPlusDoes() {
        let sentence = "Le président a annoncé « la trêve » vendredi."
        let word = sentence.split(separator: " ")[3]
        let joined = String.concatenating("the date of the saying '", word, "', not of ", sentence[...])
        #expect(joined == "the date of the saying 'annoncé', not of " + sentence)
    }
}
