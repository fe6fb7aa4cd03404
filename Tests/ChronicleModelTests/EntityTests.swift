@testable import ChronicleModel
import ChronicleMarkdown
import ChronicleTagger
import ChronicleTime
import Foundation
import Testing

/// Runs `Corpus/entities.tsv` (names, kinds and the false friends that are not names) and
/// checks how names are matched across sentences and articles.
@Suite struct EntityTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var sentence: String
        var expected: [String]
        var testDescription: String { "\(rule): \(sentence)" }
    }

    static let cases: [Case] = {
        let url = Bundle.module.url(forResource: "Corpus/entities", withExtension: "tsv")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.isEmpty { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(f.count == 3, "bad corpus line: \(line)")
            return Case(rule: f[0], sentence: f[1], expected: f[2] == "-" ? [] : f[2].components(separatedBy: "; "))
        }
    }()

    @Test(arguments: cases)
    func recognise(_ c: Case) {
        let timexes = Tagger().tag(c.sentence, context: AnchorContext(documentTime: nil, narrativeReference: nil))
        // A single word opening the sentence is left to the resolver (it is a name only if it is one elsewhere).
        let found = EntityRecognizer().recognise(c.sentence, excluding: timexes.map(\.utf8Range)).filter { !$0.isSentenceInitial }.map { m in
            (m.name.isEmpty ? "[\(m.title ?? "")]" : m.name) + "|" + m.kind.rawValue
        }
        #expect(found == c.expected)
    }

    /// Spans to exclude, unsorted and overlapping: a capitalised word inside any of them is no name.
    @Test func excludedSpansInAnyOrderHideTheWordsTheyOverlap() {
        let sentence = "Anna Berg met Carl Dahl on Friday in Paris and Rome."
        func range(_ text: String) -> Range<Int> {
            let r = sentence.range(of: text)!
            return sentence.utf8.distance(from: sentence.startIndex, to: r.lowerBound)..<sentence.utf8.distance(from: sentence.startIndex, to: r.upperBound)
        }
        let spans = [range("Paris and"), range("met Carl Dahl on Friday"), range("Dahl"), 3..<3]
        let names = EntityRecognizer().recognise(sentence, excluding: spans).map(\.text)
        #expect(names == ["Anna Berg", "Rome"], "\(names)")
    }

    /// Every capitalised word was checked against every excluded span: a 5 MB article of one
    /// sentence took more than ten minutes to build.
    @Test func aLongSentenceWithManyTimeExpressionsIsReadInLinearTime() {
        let words = (0..<60_000).map { $0 % 6 == 0 ? "Friday" : "Word\($0 % 7)" }
        let sentence = words.joined(separator: " ")
        var spans: [Range<Int>] = []
        var offset = 0
        for word in words {
            if word == "Friday" { spans.append(offset..<(offset + word.utf8.count)) }
            offset += word.utf8.count + 1
        }
        let clock = ContinuousClock()
        let start = clock.now
        let names = EntityRecognizer().recognise(sentence, excluding: spans)
        #expect(clock.now - start < .seconds(5))
        #expect(!names.contains { $0.text.contains("Friday") })
    }

    @Test func rangesPointAtTheText() {
        let sentence = "On Friday, Prime Minister Keir Starmer’s office called NATO."
        let mentions = EntityRecognizer().recognise(sentence)
        #expect(mentions.map(\.name) == ["Keir Starmer", "NATO"])
        for m in mentions {
            let bytes = Array(sentence.utf8)[m.utf8Range]
            #expect(String(decoding: bytes, as: UTF8.self) == m.text)
        }
    }

    func article(_ slug: String, _ text: String) -> Article {
        var article = Article(sourcePath: "\(slug).md", slug: slug, title: slug,
                              published: try! PublicationTime.parse("2025-03-15", zone: nil),
                              document: MarkdownParser.parse(text))
        ArticleAnalyzer(boilerplate: BoilerplateDetector(articles: [])).analyse(&article)
        EntityRecognizer().recogniseNames(in: &article)
        return article
    }

    func names(_ resolver: EntityResolver, article: Int) -> [String] {
        resolver.names[article].flatMap { $0.flatMap { $0 } }
    }

    @Test func surnameAndTitleFindTheFullNameInTheArticle() {
        let a = article("a", "Prime Minister Keir Starmer met Vladimir Putin's envoy.\n\nMr Putin said nothing. Sir Keir left. The Prime Minister said talks would go on.")
        let resolver = EntityResolver([a])
        #expect(names(resolver, article: 0) == ["Keir Starmer", "Vladimir Putin", "Vladimir Putin", "Keir Starmer", "Keir Starmer"])
        #expect(resolver.kind(of: "Vladimir Putin") == .person)
    }

    @Test func surnameFindsTheFullNameOtherArticlesUse() {
        let a = article("a", "Vladimir Putin met envoys in Moscow.")
        let b = article("b", "Talks went well, Mr Putin said.")
        let resolver = EntityResolver([a, b])
        #expect(names(resolver, article: 1) == ["Vladimir Putin"])
    }

    @Test func anAmbiguousSurnameStaysAsWritten() {
        let a = article("a", "Boris Johnson spoke.")
        let b = article("b", "Dustin Johnson won.")
        let c = article("c", "Then Mr Johnson left.")
        #expect(names(EntityResolver([a, b, c]), article: 2) == ["Johnson"])
    }

    @Test func anArticleNamingItsOwnOutletIsNotAnActor() {
        var a = article("a", "Officials told The Gulf Post that Oman would host the talks.")
        a.source = "The Gulf Post"
        #expect(names(EntityResolver([a]), article: 0) == ["Oman"])
    }

    @Test func aBareTitleWithoutItsHolderIsDropped() {
        let a = article("a", "The Prime Minister said talks would go on.")
        #expect(names(EntityResolver([a]), article: 0).isEmpty)
    }

    @Test func aWordOpeningSentencesCountsOnlyWhenItIsANameElsewhere() {
        let a = article("a", "Hamas said the talks failed. Officials blamed Hamas.\n\nDespite this, talks go on.")
        #expect(names(EntityResolver([a]), article: 0) == ["Hamas", "Hamas"])
    }

    @Test func aKindAThirdOfTheMentionsGiveBeatsNoClue() {
        // One mention in three gives a place ("in Eastmark"); the others give no clue.
        let a = article("a", "Officials in Eastmark met. Rates rose, the bank of Eastmark said. The response of Eastmark came late.")
        #expect(EntityResolver([a]).kind(of: "Eastmark") == .place)
        // One in five does not outweigh four without a clue.
        let b = article("b", "Analysts said Eastmark would wait, and Eastmark did. The bank of Eastmark agreed. Officials in Eastmark met.")
        #expect(EntityResolver([b, article("c", "Critics said Eastmark lied.")]).kind(of: "Eastmark") == .other)
    }

    @Test func aCommonNounOpeningSentencesIsNoActor() {
        let a = article("a", "HESSLE — Union leaders called a strike. Union members agreed. Police said the strike began.")
        #expect(names(EntityResolver([a]), article: 0) == ["Hessle"])
    }
}

