import ChronicleTagger
import ChronicleTime
import Foundation
import Testing

/// One line of a rule-family corpus: a sentence, its publication date, and the expression the
/// named rule must find with its type, value and modifier.
struct CorpusCase: CustomStringConvertible, Sendable {
    let file: String
    let line: Int
    let sentence: String
    let dct: String
    let text: String
    let type: String
    let value: String
    let rule: String
    let mod: String?

    var description: String { "\(file):\(line) '\(text)'" }
}

/// A negative case: a sentence in which `text` (or, with `-`, anything) must not be tagged.
struct NegativeCase: CustomStringConvertible, Sendable {
    let line: Int
    let sentence: String
    let dct: String
    let forbidden: String

    var description: String { "negative.tsv:\(line) '\(forbidden)'" }
}

enum Corpus {
    static var directory: URL { Bundle.module.url(forResource: "Corpus", withExtension: nil)! }

    /// Tab-separated rows of a corpus file, skipping blank lines and `#` comments.
    static func rows(_ name: String) -> [(Int, [String])] {
        let url = directory.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { n, line in
            if line.isEmpty || line.hasPrefix("#") { return nil }
            return (n + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        }
    }

    static var ruleFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".tsv") && $0 != "negative.tsv" && !$0.hasPrefix("sentences") }.sorted()
    }

    static var cases: [CorpusCase] {
        ruleFiles.flatMap { file in
            rows(file).map { line, f in
                CorpusCase(file: file, line: line, sentence: f[0], dct: f[1], text: f[2], type: f[3], value: f[4],
                           rule: f[5], mod: f.count > 6 && !f[6].isEmpty ? f[6] : nil)
            }
        }
    }

    static var negatives: [NegativeCase] {
        rows("negative.tsv").map { line, f in NegativeCase(line: line, sentence: f[0], dct: f[1], forbidden: f[2]) }
    }

    static func context(_ dct: String) -> AnchorContext {
        AnchorContext(documentTime: dct == "-" ? nil : try! PublicationTime.parse(dct, zone: nil))
    }

    static func dump(_ timexes: [Timex]) -> String {
        timexes.map { t in
            "  '\(t.text)' \(t.type.rawValue) \(t.value) \(t.mod?.rawValue ?? "") [\(t.rule)] \(t.explanation)\n"
                + t.trace.map { "      \($0)" }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

@Suite struct CorpusTests {
    @Test func everyRuleFamilyHasACorpus() {
        let rules = Set(Corpus.cases.map(\.rule))
        for rule in ["iso-date", "absolute-date", "month", "year", "weekday", "relative-day", "relative-unit", "ago",
                     "narrative", "duration", "clock-time", "part-of-day", "reference", "quarter", "season", "holiday",
                     "decade", "set", "range"] {
            #expect(rules.contains(rule), "no corpus case names rule \(rule)")
        }
    }

    @Test(arguments: Corpus.cases)
    func ruleFires(_ c: CorpusCase) {
        let found = Tagger().tag(c.sentence, context: Corpus.context(c.dct))
        let match = found.first { $0.text == c.text }
        #expect(match != nil, "'\(c.text)' not found in: \(c.sentence)\n\(Corpus.dump(found))")
        guard let t = match else { return }
        let ok = t.type.rawValue == c.type && t.value.description == c.value && t.rule == c.rule
            && t.mod?.rawValue == c.mod
        #expect(ok, "\(c): expected \(c.type) \(c.value) \(c.mod ?? "") [\(c.rule)]\n\(Corpus.dump(found))")
        #expect(String(c.sentence.utf8[c.sentence.utf8.index(c.sentence.utf8.startIndex, offsetBy: t.utf8Range.lowerBound)..<c.sentence.utf8.index(c.sentence.utf8.startIndex, offsetBy: t.utf8Range.upperBound)]) == t.text)
    }

    @Test(arguments: Corpus.negatives)
    func falseFriendIsNotTagged(_ c: NegativeCase) {
        let found = Tagger().tag(c.sentence, context: Corpus.context(c.dct))
        if c.forbidden == "-" {
            #expect(found.isEmpty, "\(c) in: \(c.sentence)\n\(Corpus.dump(found))")
        } else {
            let bad = found.filter { $0.text.contains(c.forbidden) && $0.type != .set }
            #expect(bad.isEmpty, "\(c) in: \(c.sentence)\n\(Corpus.dump(found))")
        }
    }
}
