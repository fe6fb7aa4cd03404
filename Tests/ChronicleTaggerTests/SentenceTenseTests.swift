@testable import ChronicleTagger
import Testing

/// `Tagger.tense(ofUTF8:)` scans only the first tokens of a sentence (as many as the classifier
/// reads from its start); over every corpus sentence it must agree with a classification of the whole.
@Suite struct SentenceTenseTests {
    /// Long sentences whose cue stands near the last token the classifier reads, and reads past it.
    static let longSentences: [String] = (18...30).flatMap { n in
        let words = Array(repeating: "big", count: n).joined(separator: " ")
        return ["\(words) agreed to buy the bank on Wednesday.", "\(words) is also hosting talks on Friday.",
                "\(words) would not have met on Monday.", "\(words) had been scheduled for May."]
    }

    @Test(arguments: FirstTokenTests.sentences + longSentences)
    func tenseFromTheFirstTokensEqualsTenseOfTheWholeSentence(_ sentence: String) {
        let tagger = Tagger()
        var copy = sentence
        let whole: Tense = copy.withUTF8 { bytes in
            var tokens: [Token] = []
            Tokenizer(lexicon: tagger.lexicon).tokenize(bytes, into: &tokens)
            return tokens.withUnsafeBufferPointer { tb in
                TenseClassifier().classify(TokenStream(bytes: bytes, tokens: tb, lexicon: tagger.lexicon), first: 0, end: 0).0
            }
        }
        #expect(tagger.tense(of: sentence) == whole, "\(sentence)")
    }
}
