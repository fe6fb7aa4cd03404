@testable import ChronicleTagger
import Testing

/// The extractor calls a rule only at tokens its `FirstToken` declaration admits. These tests run
/// every rule at every token its declaration rejects, over every sentence of the corpus, and
/// expect no candidate: a declaration that left out a way a rule can start would fail here.
@Suite struct FirstTokenTests {
    /// Sentences that start expressions in the less common ways, beside the corpus files.
    static let extraSentences = [
        "Profits in fiscal '89 rose, as in the '90s and the 1980's; Q3 2025 and H1 results, FY2025 and FY 25.",
        "The financial year ended; the year-ago quarter and year-earlier profit, the year's end, year-end.",
        "At the moment, at present, these days, this crucial moment, the near future, one day he will.",
        "It will one day be done; at four in the afternoon, 10.30pm GMT, 0900 GMT, noon, midnight, twelve o'clock.",
        "Mid-afternoon yesterday, the early hours of Friday, the week of March 6, every other week, twice a week.",
        "The then-current owner, recent weeks and months, a week or so ago, in two weeks' time, a week from today.",
        "Nineteen ninety-six, two thousand and one, the twenty-first century, the nineteenth century, the 20th century.",
        "Last Thanksgiving, next Christmas, Easter 2024, Good Friday, New Year's Day, the nineties, decades-long.",
        "On weekends, per month, daily, the Daily Telegraph, weekly, the same period last year, the 1988 period.",
        "The corresponding period last year, the-quarter, the third-quarter results, the small hours of Sunday.",
        "The wee hours of Friday, in the near term, over the long term, the foreseeable future, the present, the past.",
        "The year before last, the week before last, the same day, the following week, the coming days, the weeks ahead.",
        "The nine months, the first half, the latest quarter, the previous Friday, the 1990s, the nineteen-nineties.",
        "Thursday, April 6; 15th of March; 3–5 March 2025; April 24 and 25; 2025-03-15T14:30; 3/15/2025; 2025-03.",
    ]

    static var sentences: [String] {
        var out = extraSentences
        for file in Corpus.ruleFiles + ["negative.tsv"] {
            out += Corpus.rows(file).map { $0.1[0] }
        }
        out += SplitCase.all.map(\.paragraph)
        return out
    }

    @Test func everyRuleFamilyDeclaresAFirstToken() {
        let starts = RuleStarts.shared
        for family in RuleFamily.allCases {
            let some = starts.first.words.contains { $0 & family.bit != 0 } || starts.first.digits & family.bit != 0
            #expect(some, "\(family) starts at no token")
        }
    }

    @Test(arguments: sentences)
    func ruleFindsNothingWhereItsFirstTokenIsRejected(_ sentence: String) {
        let lexicon = Lexicon.shared
        let starts = RuleStarts.shared
        var copy = sentence
        copy.withUTF8 { bytes in
            var tokens: [Token] = []
            Tokenizer(lexicon: lexicon).tokenize(bytes, into: &tokens)
            tokens.withUnsafeBufferPointer { tokenBuffer in
                let s = TokenStream(bytes: bytes, tokens: tokenBuffer, lexicon: lexicon)
                for i in 0..<s.count {
                    let admitted = starts.families(s, i)
                    for family in RuleFamily.allCases where admitted & family.bit == 0 {
                        var found: [Candidate] = []
                        family.match(s, i, &found)
                        #expect(found.isEmpty, "\(family) matched '\(s.text(i, i + 1))' (token \(i)) in: \(sentence)")
                    }
                }
            }
        }
    }
}
