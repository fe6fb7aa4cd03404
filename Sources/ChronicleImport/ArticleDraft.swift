import Foundation

/// An article about to be written: front matter fields and a body.
struct ArticleDraft {
    var title: String
    /// As given (`2025-03-15` or a date-time with offset).
    var published: String
    var source: String?
    var url: String?
    var author: String?
    var timezone: String?
    var body: String

    /// The file's text: YAML front matter, a blank line, the body, a final newline.
    var fileText: String {
        var lines = ["---", "title: \(Self.quoted(title))", "date: \(Self.plainOrQuoted(published))"]
        if let source { lines.append("source: \(Self.quoted(source))") }
        if let url { lines.append("url: \(Self.quoted(url))") }
        if let author { lines.append("author: \(Self.quoted(author))") }
        if let timezone { lines.append("timezone: \(Self.plainOrQuoted(timezone))") }
        lines.append("---")
        let trimmed = body.trimmingCharacters(in: .newlines)
        return lines.joined(separator: "\n") + "\n\n" + trimmed + (trimmed.isEmpty ? "" : "\n")
    }

    /// Dates and zone names as written (`2025-03-15T09:30:00+01:00`, `Europe/London`), anything else quoted.
    static func plainOrQuoted(_ value: String) -> String {
        let plain = !value.isEmpty && value.first != "-" && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-+:._/T".contains($0)) }
        return plain ? value : quoted(value)
    }

    /// A YAML double-quoted scalar: any text survives, including quotes, colons and `#`.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
