import Yams

/// The YAML header of an article or the site config, as raw strings with their line numbers.
///
/// Values are read as the text the user wrote (a YAML timestamp stays `2025-03-15`, never a
/// `Date` in the machine's zone); typing and validation happen in the readers that use it.
struct YAMLFields {
    struct Field {
        var value: String
        var line: Int
        /// True for a YAML sequence or mapping where a scalar was expected.
        var isScalar: Bool
    }

    private(set) var fields: [String: Field] = [:]
    /// Keys in the order written.
    private(set) var keys: [String] = []

    subscript(key: String) -> Field? { fields[key] }

    /// Parses a flat YAML mapping; `firstLine` is the file line the YAML starts on.
    static func parse(_ yaml: String, file: String, firstLine: Int) throws(Diagnostic) -> YAMLFields {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Diagnostic(.error, file: file, line: Self.line(of: error).map { $0 + firstLine - 1 } ?? firstLine,
                             "malformed YAML front matter: \(Self.problem(of: error))")
        } catch {
            throw Diagnostic(.error, file: file, line: firstLine, "malformed YAML front matter: \(error)")
        }
        var result = YAMLFields()
        guard let node else { return result }
        guard let mapping = node.mapping else {
            throw Diagnostic(.error, file: file, line: firstLine, "front matter must be a YAML mapping of `key: value` lines")
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            let line = (key.mark?.line ?? 1) + firstLine - 1
            if result.fields[name] == nil { result.keys.append(name) }
            result.fields[name] = Field(value: value.scalar?.string ?? "", line: line, isScalar: value.scalar != nil)
        }
        return result
    }

    /// Where the faulty construct started (an unclosed quote's line), else where the problem was found.
    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _), .composer(let context, _, let mark, _):
            return context?.mark.line ?? mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return context.map { "\($0.text): \(problem)" } ?? problem
        case .duplicatedKeysInMapping(let duplicates, _): return "duplicate keys \(duplicates.joined(separator: ", "))"
        default: return "\(error)"
        }
    }
}

/// Splits `---` front matter from a body.
enum FrontMatterSplitter {
    struct Parts {
        var yaml: String?
        /// 1-based line where the YAML starts (after the opening `---`).
        var yamlLine: Int
        var body: Substring
        /// 1-based line where the body starts.
        var bodyLine: Int
    }

    /// Returns nil yaml when the file has no front matter; throws when it opens one and never closes it.
    static func split(_ text: String, file: String) throws(Diagnostic) -> Parts {
        var rest = text[...]
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        guard rest.hasPrefix("---"), isDelimiter(lineAt: rest.startIndex, in: rest) else {
            return Parts(yaml: nil, yamlLine: 1, body: rest, bodyLine: 1)
        }
        var line = 1
        var cursor = rest.index(after: rest.firstIndex(of: "\n") ?? rest.endIndex, in: rest)
        let yamlStart = cursor
        line += 1
        while cursor < rest.endIndex {
            if isDelimiter(lineAt: cursor, in: rest) {
                let yaml = String(rest[yamlStart..<cursor])
                let after = rest.index(after: rest[cursor...].firstIndex(of: "\n") ?? rest.endIndex, in: rest)
                return Parts(yaml: yaml, yamlLine: 2, body: rest[after...], bodyLine: line + 1)
            }
            cursor = rest.index(after: rest[cursor...].firstIndex(of: "\n") ?? rest.endIndex, in: rest)
            line += 1
        }
        throw Diagnostic(.error, file: file, line: 1, "front matter opened with `---` is never closed by a `---` line")
    }

    private static func isDelimiter(lineAt start: Substring.Index, in text: Substring) -> Bool {
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        let line = text[start..<end].trimmingSuffix { $0 == " " || $0 == "\t" || $0 == "\r" }
        return line == "---" || (line == "..." && start != text.startIndex)
    }
}

extension Substring {
    func index(after i: Index, in text: Substring) -> Index { i == text.endIndex ? i : text.index(after: i) }

    func trimmingSuffix(while drop: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, drop(last) { s = s.dropLast() }
        return s
    }
}
