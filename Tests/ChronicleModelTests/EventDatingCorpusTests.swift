@testable import ChronicleModel
import ChronicleMarkdown
import ChronicleTime
import Foundation
import Testing

/// Runs `Corpus/event-dating.tsv`: each case is a short article, the sentence under test,
/// and the date, date source and status the event-dating rule named in the case must give.
@Suite struct EventDatingCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var published: String
        var text: String
        var sentence: String
        var date: String
        var source: String
        var status: String
        /// For a sentence that reports speech: `saying` or `reported`, the happening its date belongs to.
        var dates: String?
        var testDescription: String { "\(rule): \(sentence)" }
    }

    static let cases: [Case] = {
        let url = Bundle.module.url(forResource: "Corpus/event-dating", withExtension: "tsv")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.isEmpty { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(f.count == 7 || f.count == 8, "bad corpus line: \(line)")
            return Case(rule: f[0], published: f[1], text: f[2], sentence: f[3], date: f[4], source: f[5], status: f[6],
                        dates: f.count == 8 ? f[7] : nil)
        }
    }()

    @Test(arguments: cases)
    func rule(_ c: Case) throws {
        let body = c.text.replacingOccurrences(of: " ¶ ", with: "\n\n")
        // "2025-03-16T02:30:00Z America/New_York": a publication time and the article's own zone.
        let published = c.published.split(separator: " ")
        let zone = published.count > 1 ? Zone(identifier: String(published[1])) : nil
        var article = Article(sourcePath: "case.md", slug: "case", title: "Case",
                              published: try PublicationTime.parse(String(published[0]), zone: zone),
                              document: MarkdownParser.parse(body))
        ArticleAnalyzer(boilerplate: BoilerplateDetector(articles: [])).analyse(&article)
        let sentences = article.blocks.flatMap(\.sentences)
        let found = try #require(sentences.first { $0.text.hasPrefix(c.sentence) }, "no sentence starts with '\(c.sentence)'")
        let trace = "\(found.text)\n→ \(found.date?.description ?? "nil") \(found.dateSource) \(found.status) "
            + "\(found.datedHappening?.rawValue ?? "-"): \(found.explanation)\n"
            + found.timexes.map { "  '\($0.text)' \($0.value) [\($0.rule)]" }.joined(separator: "\n")
        #expect(found.date?.description == c.date, "\(trace)")
        #expect(found.dateSource.rawValue == c.source, "\(trace)")
        #expect(found.status.rawValue == c.status, "\(trace)")
        #expect(found.datedHappening?.rawValue == c.dates, "\(trace)")
    }
}
