import ChronicleTagger
import Foundation
import Testing

/// A paragraph and the sentences the splitter must return.
struct SplitCase: CustomStringConvertible, Sendable {
    let line: Int
    let paragraph: String
    let sentences: [String]
    var description: String { "sentences.txt:\(line)" }

    static var all: [SplitCase] {
        let url = Corpus.directory.appendingPathComponent("sentences.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").enumerated().compactMap { n, raw in
            guard !raw.hasPrefix("#") else { return nil }
            let line = raw.replacingOccurrences(of: "\\n", with: "\n")
            let parts = line.components(separatedBy: " || ")
            var sentences: [String] = []
            for part in parts {
                // a line break inside a part also separates sentences
                sentences += part.components(separatedBy: "\n")
            }
            return SplitCase(line: n + 1, paragraph: parts.joined(separator: " "), sentences: sentences)
        }
    }
}

@Suite struct SentenceSplitterTests {
    @Test(arguments: SplitCase.all)
    func splits(_ c: SplitCase) {
        let got = SentenceSplitter().split(c.paragraph).map { String(c.paragraph[$0]) }
        #expect(got == c.sentences, "\(c)")
    }

    @Test func emptyAndWhitespaceTextHasNoSentences() {
        #expect(SentenceSplitter().split("").isEmpty)
        #expect(SentenceSplitter().split("  \n\n ").isEmpty)
    }

    @Test func blankLinesSeparateParagraphs() {
        let text = "first line without stop\n\nsecond paragraph here"
        #expect(SentenceSplitter().split(text).map { String(text[$0]) } == ["first line without stop", "second paragraph here"])
    }
}
