import ChronicleMarkdown
import Foundation

/// Turns the body of a `.txt` article into paragraphs without Markdown interpretation.
///
/// Scraped text puts one paragraph on a line, or wraps paragraphs and separates them with
/// blank lines. A line break ends a paragraph when the line ends a sentence (or is followed
/// by a blank line); a line that opens a bracket it does not close ("(" before a photo
/// credit) runs on into the next.
enum PlainTextReader {
    static let sentenceEnders: Set<Character> = [".", "!", "?", "\"", "”", "’", "'", ":", ")", "]"]

    static func document(_ body: String, firstLine: Int) -> MarkdownDocument {
        var blocks: [Block] = []
        var current: [Substring] = []
        var currentLine = firstLine
        var depth = 0
        func flush() {
            let text = current.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { blocks.append(.paragraph([.text(text)], line: currentLine)) }
            current = []
            depth = 0
        }
        for (offset, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSuffix { $0 == " " || $0 == "\t" }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                continue
            }
            if current.isEmpty { currentLine = firstLine + offset }
            current.append(line.drop { $0 == " " || $0 == "\t" })
            for c in line {
                if c == "(" || c == "[" { depth += 1 } else if (c == ")" || c == "]") && depth > 0 { depth -= 1 }
            }
            if depth == 0, let last = line.last, sentenceEnders.contains(last) { flush() }
        }
        flush()
        return MarkdownDocument(blocks: blocks)
    }
}
