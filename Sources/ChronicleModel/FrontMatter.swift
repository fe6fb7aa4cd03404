import Foundation
import Yams

/// The YAML header of an article or the site config, as raw strings with their line numbers.
///
/// Values are read as the text the user wrote (a YAML timestamp stays `2025-03-15`, never a
/// `Date` in the machine's zone); typing and validation happen in the readers that use it.
struct YAMLFields: Equatable {
    struct Field: Equatable {
        var value: String
        var line: Int
        /// True for a YAML sequence or mapping where a scalar was expected.
        var isScalar: Bool
    }

    private(set) var fields: [String: Field] = [:]
    /// Keys in the order written.
    private(set) var keys: [String] = []

    subscript(key: String) -> Field? { fields[key] }

    /// What the YAML is, as messages name it.
    enum Source: String {
        case frontMatter = "front matter"
        case siteConfig = "site config"
    }

    /// Parses a flat YAML mapping; `firstLine` is the file line the YAML starts on.
    static func parse(_ yaml: String, file: String, firstLine: Int, source: Source = .frontMatter) throws(Diagnostic) -> YAMLFields {
        if let flat = parseFlat(yaml, firstLine: firstLine) { return flat }
        return try parseWithYams(yaml, file: file, firstLine: firstLine, source: source)
    }

    static func parseWithYams(_ yaml: String, file: String, firstLine: Int, source: Source = .frontMatter) throws(Diagnostic) -> YAMLFields {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Diagnostic(.error, file: file, line: Self.line(of: error).map { $0 + firstLine - 1 } ?? firstLine,
                             "malformed YAML \(source.rawValue): \(Self.problem(of: error))")
        } catch {
            throw Diagnostic(.error, file: file, line: firstLine, "malformed YAML \(source.rawValue): \(error)")
        }
        var result = YAMLFields()
        guard let node else { return result }
        guard let mapping = node.mapping else {
            let subject = source == .frontMatter ? "front matter" : "the site config"
            throw Diagnostic(.error, file: file, line: firstLine, "\(subject) must be a YAML mapping of `key: value` lines")
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            let line = (key.mark?.line ?? 1) + firstLine - 1
            if result.fields[name] == nil { result.keys.append(name) }
            result.fields[name] = Field(value: value.scalar?.string ?? "", line: line, isScalar: value.scalar != nil)
        }
        return result
    }

    /// Reads the YAML that nearly every article has without Yams (which takes about 0.1 ms a
    /// header): `key: value` lines, each value on its line, plain, or in quotes without escapes;
    /// blank lines between them. Nil for anything else (comments, indented lines, lists, escapes,
    /// tabs, control characters, a repeated key…), which Yams reads; where it answers, it answers
    /// as Yams does (tested against it).
    static func parseFlat(_ yaml: String, firstLine: Int) -> YAMLFields? {
        var copy = yaml
        return copy.withUTF8 { bytes -> YAMLFields? in
            var result = YAMLFields()
            var line = firstLine - 1
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                line += 1
                var i = start
                while i < end && bytes[i] == 0x20 { i += 1 }
                if i == end { continue }  // a blank line
                guard i == start, let pair = flatPair(UnsafeBufferPointer(rebasing: bytes[start..<end])),
                      result.fields[pair.key] == nil else { return nil }
                result.keys.append(pair.key)
                result.fields[pair.key] = Field(value: pair.value, line: line, isScalar: true)
            }
            return result
        }
    }

    /// `key: value` on one line, the key a word of ASCII letters, digits, `_` and `-`.
    private static func flatPair(_ b: UnsafeBufferPointer<UInt8>) -> (key: String, value: String)? {
        func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        guard let first = b.first, isLetter(first) else { return nil }
        var colon = 1
        while colon < b.count, isLetter(b[colon]) || isDigit(b[colon]) || b[colon] == 0x5F || b[colon] == 0x2D { colon += 1 }
        guard colon < b.count, b[colon] == 0x3A, colon + 1 == b.count || b[colon + 1] == 0x20 else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: b[..<colon]), as: UTF8.self)
        var v = colon + 1
        while v < b.count && b[v] == 0x20 { v += 1 }
        var e = b.count
        while e > v && b[e - 1] == 0x20 { e -= 1 }
        let raw = UnsafeBufferPointer(rebasing: b[v..<e])
        guard let c = raw.first else { return (key, "") }
        guard isPlainText(raw) else { return nil }
        if c == 0x22 || c == 0x27 {
            // "…" or '…' closing at the line's end. Inside, nothing that would end or escape it: in
            // double quotes no `"` nor backslash, in single quotes no `'` (doubled, it is one). The
            // other quotation mark is a plain character ("Trump's visit", 'the "deal"').
            guard raw.count >= 2, raw.last == c,
                  !raw.dropFirst().dropLast().contains(where: { $0 == c || (c == 0x22 && $0 == 0x5C) })
            else { return nil }
            return (key, String(decoding: UnsafeBufferPointer(rebasing: raw[1..<(raw.count - 1)]), as: UTF8.self))
        }
        // A plain value starts with a letter, a digit or a character beyond ASCII (no indicator),
        // and holds no `: ` (a mapping), ` #` (a comment) nor a final `:`.
        guard isLetter(c) || isDigit(c) || c >= 0x80, raw.last != 0x3A else { return nil }
        for k in 1..<raw.count where (raw[k - 1] == 0x3A && raw[k] == 0x20) || (raw[k - 1] == 0x20 && raw[k] == 0x23) { return nil }
        return (key, String(decoding: raw, as: UTF8.self))
    }

    /// No tab or control character, and nothing YAML takes for a line break or a byte order mark
    /// (U+0085, U+2028, U+2029, U+FEFF) or refuses (U+FFFE, U+FFFF).
    private static func isPlainText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for (k, c) in b.enumerated() {
            if c < 0x20 || c == 0x7F { return false }
            if c == 0xC2, k + 1 < b.count, b[k + 1] < 0xA0 { return false }
            if c == 0xE2, k + 2 < b.count, b[k + 1] == 0x80, b[k + 2] == 0xA8 || b[k + 2] == 0xA9 { return false }
            if c == 0xEF, k + 2 < b.count, (b[k + 1] == 0xBB && b[k + 2] == 0xBF) || (b[k + 1] == 0xBF && b[k + 2] >= 0xBE) { return false }
        }
        return true
    }

    /// Where the faulty construct started (an unclosed quote's line), else where the problem was found.
    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _), .composer(let context, _, let mark, _):
            return context?.mark.line ?? mark.line
        case .reader(_, let offset?, _, let yaml):
            // The reader counts UTF-8 bytes.
            return yaml.utf8.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return context.map { "\($0.text): \(problem)" } ?? problem
        case .duplicatedKeysInMapping(let duplicates, _): return "duplicate keys \(duplicates.joined(separator: ", "))"
        case .reader(let problem, _, let value, _):
            // Yams' own description quotes the line, the character itself (a NUL byte) included, over three lines.
            return "\(problem) (U+\(String(format: "%04X", UInt32(bitPattern: value))))"
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
        var cursor = nextLine(after: rest.startIndex, in: rest)
        let yamlStart = cursor
        line += 1
        while cursor < rest.endIndex {
            if isDelimiter(lineAt: cursor, in: rest) {
                let yaml = String(rest[yamlStart..<cursor])
                return Parts(yaml: yaml, yamlLine: 2, body: rest[nextLine(after: cursor, in: rest)...], bodyLine: line + 1)
            }
            cursor = nextLine(after: cursor, in: rest)
            line += 1
        }
        throw Diagnostic(.error, file: file, line: 1, "front matter opened with `---` is never closed by a `---` line")
    }

    // Lines are found on UTF-8 bytes, as the characters would find them.

    /// The end of the line starting at `start`: its line feed (one on its own: "\r\n" is a single
    /// character, which is no line feed), or the end of the text.
    private static func lineEnd(from start: Substring.Index, in text: Substring) -> Substring.Index {
        let bytes = text.utf8
        // Native text: the line feed found by memchr, from the offset of `start`.
        let found = bytes.withContiguousStorageIfAvailable { b -> Int in
            let first = bytes.distance(from: bytes.startIndex, to: start)
            var k = first
            guard let base = b.baseAddress else { return b.count }
            while k < b.count, let p = memchr(base + k, 0x0A, b.count - k) {
                let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                if at == first || b[at - 1] != 0x0D { return at }
                k = at + 1
            }
            return b.count
        }
        if let found { return bytes.index(bytes.startIndex, offsetBy: found) }
        var i = start
        var previous: UInt8 = 0
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x0A && previous != 0x0D { return i }
            previous = b
            bytes.formIndex(after: &i)
        }
        return bytes.endIndex
    }

    /// Where the line after the one starting at `start` starts (the end of the text if none does).
    private static func nextLine(after start: Substring.Index, in text: Substring) -> Substring.Index {
        let end = lineEnd(from: start, in: text)
        return end == text.endIndex ? end : text.utf8.index(after: end)
    }

    /// "---" (or "..." closing), trailing spaces, tabs and carriage returns aside. A line with a
    /// character beyond ASCII is neither, so bytes decide.
    private static func isDelimiter(lineAt start: Substring.Index, in text: Substring) -> Bool {
        var line = text.utf8[start..<lineEnd(from: start, in: text)]
        while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line = line.dropLast() }
        return line.elementsEqual("---".utf8) || (line.elementsEqual("...".utf8) && start != text.startIndex)
    }
}

extension Substring {
    func trimmingSuffix(while drop: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, drop(last) { s = s.dropLast() }
        return s
    }
}
