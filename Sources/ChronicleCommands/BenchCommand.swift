import ArgumentParser
import ChronicleTagger
import ChronicleTime
import Foundation

/// `chronicle bench`: tagging throughput on one core, in whitespace tokens and megabytes per second.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure tagging throughput (tokens/s, MB/s) and peak memory on a text file.",
        discussion: "The file is tagged paragraph by paragraph (blank-line separated), as chronicle build does."
    )

    @Argument(help: "A UTF-8 text file, e.g. the TBAQ texts or gen_corpus.py articles concatenated.")
    var file: String

    @Option(help: "Publication date used as the anchor.")
    var dct: String = "2025-03-15"

    @Option(help: "Number of timed passes; the best and the median are reported.")
    var passes: Int = 3

    public init() {}

    public func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw TagInputError("cannot read \(file)") }
        let context = AnchorContext(documentTime: try TextInput.documentTime(dct))
        let tagger = Tagger(recordsTrace: false)
        let (paragraphs, words) = data.withUnsafeBytes { raw in Self.paragraphs(raw.bindMemory(to: UInt8.self)) }
        var seconds: [Double] = []
        var found = 0
        let clock = ContinuousClock()
        for _ in 0..<max(1, passes) {
            found = 0
            let elapsed = clock.measure {
                data.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    for p in paragraphs {
                        found += tagger.tag(bytes: UnsafeBufferPointer(rebasing: bytes[p]), context: context).count
                    }
                }
            }
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        seconds.sort()
        let best = seconds[0], median = seconds[seconds.count / 2]
        let mb = Double(data.count) / 1_000_000
        var out = "file: \(file)\n"
        out += "size: \(String(format: "%.1f", mb)) MB, \(words) whitespace tokens, \(paragraphs.count) paragraphs, \(found) expressions\n"
        out += "best:   \(String(format: "%.3f", best)) s  \(Self.rate(Double(words) / best)) tokens/s  \(String(format: "%.1f", mb / best)) MB/s\n"
        out += "median: \(String(format: "%.3f", median)) s  \(Self.rate(Double(words) / median)) tokens/s  \(String(format: "%.1f", mb / median)) MB/s\n"
        out += "peak memory (VmHWM): \(Self.peakMemory())\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// Blank-line separated paragraphs as byte ranges, and the number of whitespace-separated tokens.
    static func paragraphs(_ b: UnsafeBufferPointer<UInt8>) -> ([Range<Int>], Int) {
        var out: [Range<Int>] = []
        var words = 0
        var inWord = false
        var start = 0
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            let space = c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
            if !space && !inWord { words += 1 }
            inWord = !space
            if c == 0x0A && i + 1 < n && b[i + 1] == 0x0A {
                if i > start { out.append(start..<i) }
                start = i + 2
                i += 2
                inWord = false
                continue
            }
            i += 1
        }
        if n > start { out.append(start..<n) }
        return (out, words)
    }

    static func rate(_ x: Double) -> String {
        let n = Int(x.rounded())
        var s = String(n)
        var k = s.count - 3
        while k > 0 {
            s.insert(",", at: s.index(s.startIndex, offsetBy: k))
            k -= 3
        }
        return s
    }

    static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "unknown" }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.dropFirst(6).trimmingCharacters(in: .whitespaces)
        }
        return "unknown"
    }
}
