import Foundation

/// The parts of a content file that import needs without a full read: front matter, `url`, body.
enum ArticleFile {
    static let extensions: Set<String> = ["md", "markdown", "txt"]

    struct Parts {
        var frontMatter: String?
        var url: String?
        var body: String
    }

    static func hasFrontMatter(_ text: String) -> Bool {
        let start = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard let firstLine = start.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first else { return false }
        return firstLine.trimmingSuffix(while: { $0 == " " || $0 == "\t" || $0 == "\r" }) == "---"
    }

    static func split(_ text: String) -> Parts {
        guard hasFrontMatter(text) else { return Parts(frontMatter: nil, url: nil, body: text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for k in lines.indices.dropFirst() {
            let line = lines[k].trimmingSuffix(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard line == "---" || line == "..." else { continue }
            let yaml = lines[1..<k]
            let url = yaml.lazy.compactMap(urlValue).first
            return Parts(frontMatter: yaml.joined(separator: "\n"), url: url, body: lines[(k + 1)...].joined(separator: "\n"))
        }
        return Parts(frontMatter: nil, url: nil, body: text)
    }

    /// The value of a top-level `url:` line, without quotes.
    private static func urlValue(_ line: Substring) -> String? {
        guard line.hasPrefix("url:") else { return nil }
        var value = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
        if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
        if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
        return value.isEmpty ? nil : value
    }
}

extension Substring {
    func trimmingSuffix(while drop: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, drop(last) { s = s.dropLast() }
        return s
    }
}
