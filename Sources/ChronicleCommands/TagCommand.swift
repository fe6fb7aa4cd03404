import ArgumentParser
import ChronicleTagger
import ChronicleTime
import Foundation

/// `chronicle tag`: the time expressions of a text, as JSON, TimeML or readable lines.
public struct TagCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Find and normalise the time expressions of a text."
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case json, timeml, text
        /// The sentences the splitter finds, one per line (for checking the splitter).
        case sentences
    }

    @Option(help: "Document creation (publication) time: YYYY-MM-DD or an ISO 8601 date-time.")
    var dct: String?

    @Option(help: "Output format: json, timeml, text, or sentences (the sentence splitter's output).")
    var format: Format = .json

    @Flag(help: "Show the rule and each anchoring step of every expression.")
    var explain = false

    @Argument(help: "The text file to tag, or - for standard input.")
    var file: String = "-"

    public init() {}

    public func run() throws {
        let text = try TextInput.read(file)
        let context = AnchorContext(documentTime: try TextInput.documentTime(dct))
        let timexes = Tagger(recordsTrace: explain).tag(text, context: context)
        let stdout = FileHandle.standardOutput
        switch format {
        case .json: TimexOutput.json(timexes, in: text) { stdout.write(Data($0.utf8)) }
        case .timeml: stdout.write(Data(TimexOutput.timeml(timexes, in: text).utf8))
        case .text: stdout.write(Data(TimexOutput.lines(timexes, in: text, explain: explain).utf8))
        case .sentences:
            let lines = SentenceSplitter().split(text).map { text[$0].split(separator: "\n").joined(separator: " ") }
            stdout.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        if explain && format != .text {
            FileHandle.standardError.write(Data(TimexOutput.lines(timexes, in: text, explain: true).utf8))
        }
    }
}

/// Reading the input text and the publication time of the tag, eval and bench commands.
enum TextInput {
    static func read(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: path) else {
                throw TagInputError("cannot read \(path)")
            }
            data = d
        }
        // validate and copy in one step; the Data is released on return
        let text = data.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        guard let text else { throw TagInputError("\(path) is not valid UTF-8") }
        return text
    }

    static func documentTime(_ raw: String?) throws -> PublicationTime? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        do {
            return try PublicationTime.parse(raw.trimmingCharacters(in: .whitespacesAndNewlines), zone: nil)
        } catch {
            throw TagInputError(error.description)
        }
    }
}

/// An input the tag, eval or bench command cannot use (unreadable file, bad date): reported
/// as "Error: …" with a non-zero exit, without the usage text.
struct TagInputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
