import ArgumentParser
import ChronicleTagger
import ChronicleTime
import Foundation

/// `chronicle eval`: TempEval-3 Task A timex metrics of the tagger on TimeML documents.
public struct EvalCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Tag TimeML documents (DCT + TEXT) and print TempEval-3 Task A timex metrics.",
        discussion: """
            By default gold and system TIMEX3s are paired as the official TempEval-3 scorer does \
            (TreeTagger tokens, strict = same text), like score.py; --match char pairs them by \
            character overlap (strict = same span), like score.py --match char.
            """
    )

    @Option(help: "Pairing: te3 (official, token level) or char (character overlap).")
    var match: String = "te3"

    @Argument(help: "Directories of .tml files (or .tml files).")
    var paths: [String]

    @Flag(help: "List every value error: docid, gold text, gold value, system value, system text.")
    var errors = false

    @Flag(help: "List gold timexes the tagger missed and system timexes with no gold.")
    var misses = false

    @Flag(help: "List relaxed matches whose spans differ (gold text, system text).")
    var spans = false

    public init() {}

    public func run() throws {
        let files = try Self.listTimeML(paths)
        guard !files.isEmpty else { throw EvalError.noDocuments(paths) }
        guard let matching = TimexScorer.Matching(rawValue: match) else { throw ValidationError("--match te3 or char") }
        var total = TimexScorer.Counts()
        var out = ""
        let tagger = Tagger(recordsTrace: false)
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { throw TagInputError("cannot read \(path)") }
            let docid = Self.docid(path)
            let doc = try TimeMLDocument(docid: docid, bytes: [UInt8](data))
            let documentTime = try doc.dct.flatMap { try TextInput.documentTime($0) }
            let found = tagger.tag(doc.text, context: AnchorContext(documentTime: documentTime))
            let ranges = TimexOutput.scalarRanges(found, in: doc.text)
            let system = zip(found, ranges).map { t, r in
                TimexScorer.Span(start: r.lowerBound, end: r.upperBound, type: t.type.rawValue, value: t.value.description,
                                 text: t.text)
            }
            let scalars = Array(doc.text.unicodeScalars)
            let gold = doc.timexes.map {
                TimexScorer.Span(start: $0.start, end: $0.end, type: $0.type, value: $0.value,
                                 text: String(String.UnicodeScalarView(scalars[$0.start..<$0.end])))
            }
            let (counts, valueErrors, pairs) = TimexScorer.score(gold: gold, system: system, events: doc.events,
                                                                 text: scalars, matching: matching)
            total += counts
            if errors {
                for e in valueErrors {
                    out += "\(docid)\t\(Self.oneLine(e.gold.text))\t\(e.gold.value)\t\(e.system.value)\t\(Self.oneLine(e.system.text))\n"
                }
            }
            if spans {
                for (g, s) in pairs where gold[g].start != system[s].start || gold[g].end != system[s].end {
                    out += "SPAN\t\(docid)\t\(Self.oneLine(gold[g].text))\t\(Self.oneLine(system[s].text))\n"
                }
            }
            if misses {
                let pg = Set(pairs.map(\.0)), ps = Set(pairs.map(\.1))
                for (n, g) in gold.enumerated() where !pg.contains(n) { out += "MISSED\t\(docid)\t\(Self.oneLine(g.text))\t\(g.type)\t\(g.value)\n" }
                for (n, s) in system.enumerated() where !ps.contains(n) { out += "SPURIOUS\t\(docid)\t\(Self.oneLine(s.text))\t\(s.type)\t\(s.value)\n" }
            }
        }
        out += Self.report(total, documents: files.count, matching: matching)
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func report(_ c: TimexScorer.Counts, documents: Int, matching: TimexScorer.Matching) -> String {
        let m = TimexScorer.Metrics(c)
        func pct(_ x: Double) -> String {
            let s = String(Int((x * 10000).rounded()))
            let padded = String(repeating: "0", count: max(0, 3 - s.count)) + s
            let v = "\(padded.dropLast(2)).\(padded.suffix(2))"
            return String(repeating: " ", count: max(0, 6 - v.count)) + v
        }
        func four(_ x: Double) -> String {
            let s = String(Int((x * 10000).rounded()))
            let padded = String(repeating: "0", count: max(0, 5 - s.count)) + s
            return "\(padded.dropLast(4)).\(padded.suffix(4))"
        }
        var out = "TIMEX3 evaluation (--match \(matching.rawValue)): \(documents) docs\n"
        out += "gold timexes \(c.gold), system timexes \(c.system), relaxed matches \(c.relaxed), strict matches \(c.strict)\n"
        out += "               P       R      F1\n"
        out += "strict    \(pct(m.strictP))  \(pct(m.strictR))  \(pct(m.strictF1))\n"
        out += "relaxed   \(pct(m.relaxedP))  \(pct(m.relaxedR))  \(pct(m.relaxedF1))\n"
        out += "value     \(pct(m.valueAccuracy * m.relaxedP))  \(pct(m.valueAccuracy * m.relaxedR))  \(pct(m.valueF1))   (accuracy over relaxed matches \(pct(m.valueAccuracy)))\n"
        out += "type      \(pct(m.typeAccuracy * m.relaxedP))  \(pct(m.typeAccuracy * m.relaxedR))  \(pct(m.typeF1))   (accuracy over relaxed matches \(pct(m.typeAccuracy)))\n"
        out += "value_f1=\(four(m.valueF1)) type_f1=\(four(m.typeF1)) strict_f1=\(four(m.strictF1)) relaxed_f1=\(four(m.relaxedF1))"
        out += " strict_p=\(four(m.strictP)) strict_r=\(four(m.strictR)) relaxed_p=\(four(m.relaxedP)) relaxed_r=\(four(m.relaxedR))"
        out += " value_acc=\(four(m.valueAccuracy)) type_acc=\(four(m.typeAccuracy)) n_gold=\(c.gold) n_sys=\(c.system)"
        out += " relaxed_match=\(c.relaxed) strict_match=\(c.strict) n_docs=\(documents)\n"
        return out
    }

    static func oneLine(_ s: String) -> String { s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") }

    static func docid(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        if name.hasSuffix(".tml") { name.removeLast(4) }
        return name
    }

    /// The .tml files of the given files and directories, sorted within each directory.
    static func listTimeML(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else { throw TagInputError("no such path \(p)") }
            if isDir.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: p).filter { $0.hasSuffix(".tml") }.sorted()
                out += names.map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out
    }
}
