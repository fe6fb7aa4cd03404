import ChronicleMarkdown
import ChronicleTime
import Foundation

/// Reads one content file into an `Article` (not yet analysed), validating its front matter.
public struct ArticleReader: Sendable {
    public static let extensions: Set<String> = ["md", "markdown", "txt"]
    static let knownKeys: Set<String> = ["title", "date", "source", "url", "author", "timezone", "slug", "draft",
                                         "published", "tags", "description", "summary", "lang", "language"]

    public let config: SiteConfig

    public init(config: SiteConfig) { self.config = config }

    /// The article, and warnings that did not stop it; throws a diagnostic naming file and line when it cannot build.
    public func read(bytes: [UInt8], path: String) throws(Diagnostic) -> (Article, [Diagnostic]) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(.error, file: path, line: Self.lineOfInvalidUTF8(bytes), "the file is not valid UTF-8")
        }
        let normalised = Self.containsCarriageReturn(bytes) ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        let parts = try FrontMatterSplitter.split(normalised, file: path)
        let fields = try parts.yaml.map { yaml throws(Diagnostic) in try YAMLFields.parse(yaml, file: path, firstLine: parts.yamlLine) }
            ?? YAMLFields()
        var warnings: [Diagnostic] = []
        for key in fields.keys where !Self.knownKeys.contains(key) {
            warnings.append(Diagnostic(.warning, file: path, line: fields[key]?.line, "unknown front matter key `\(key)` ignored"))
        }
        func scalar(_ key: String) throws(Diagnostic) -> String? {
            guard let f = fields[key] else { return nil }
            guard f.isScalar else { throw Diagnostic(.error, file: path, line: f.line, "`\(key)` must be a single value") }
            let v = f.value.trimmingHorizontalWhitespace
            return v.isEmpty ? nil : v
        }

        var zone = config.timeZone
        var explicitZone = false
        if let name = try scalar("timezone") {
            guard let z = Zone(identifier: name) else {
                throw Diagnostic(.error, file: path, line: fields["timezone"]?.line,
                                 "unknown time zone `\(name)`: use an IANA name such as Europe/London or America/New_York")
            }
            zone = z
            explicitZone = true
        }
        var published: PublicationTime?
        let dateKey = fields["date"] != nil ? "date" : "published"
        if let raw = try scalar(dateKey) {
            do {
                // The article's own calendar: its `timezone`, else the offset its date is written with
                // ("2024-04-06T23:55-07:00" was published on 6 April there), else the site's zone.
                let written = try PublicationTime.parse(raw, zone: nil)
                published = explicitZone || written.offsetSeconds == nil ? try PublicationTime.parse(raw, zone: zone) : written
            } catch {
                throw Diagnostic(.error, file: path, line: fields[dateKey]?.line, "`\(dateKey)`: \(error)")
            }
        } else {
            warnings.append(Diagnostic(.warning, file: path, line: parts.yaml == nil ? nil : 1,
                                       "no publication `date`: relative dates in this article cannot be resolved"))
        }
        var draft = false
        if let raw = try scalar("draft") {
            switch raw.lowercased() {
            case "true", "yes", "on": draft = true
            case "false", "no", "off": draft = false
            default: throw Diagnostic(.error, file: path, line: fields["draft"]?.line, "`draft` must be true or false, not `\(raw)`")
            }
        }
        var url = try scalar("url")
        if let u = url, !Self.isWebURL(u) {
            warnings.append(Diagnostic(.warning, file: path, line: fields["url"]?.line, "`url` is not an http(s) URL and is ignored"))
            url = nil
        }
        let fileStem = Self.stem(of: path)
        var slug = Slug.make(try scalar("slug") ?? "")
        if slug.isEmpty {
            if fields["slug"] != nil {
                warnings.append(Diagnostic(.warning, file: path, line: fields["slug"]?.line, "`slug` has no usable characters; using the file name"))
            }
            slug = Slug.make(fileStem)
        }
        if slug.isEmpty { slug = "article" }
        let title = try scalar("title") ?? {
            warnings.append(Diagnostic(.warning, file: path, line: nil, "no `title`; using the file name"))
            return fileStem
        }()

        let body = String(parts.body)
        let document = path.lowercased().hasSuffix(".txt")
            ? PlainTextReader.document(body, firstLine: parts.bodyLine)
            : MarkdownParser.parse(body, firstLine: parts.bodyLine)
        let article = Article(sourcePath: path, slug: slug, title: title, source: try scalar("source"), url: url,
                              author: try scalar("author"), published: published, zone: zone, draft: draft,
                              document: document)
        return (article, warnings)
    }

    /// Whether the bytes hold a carriage return (memchr: the byte loop of `contains` is far slower).
    static func containsCarriageReturn(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
    }

    static func isWebURL(_ s: String) -> Bool {
        // ASCII without a carriage return: each byte is a character.
        if let plain = s.utf8.withContiguousStorageIfAvailable({ b -> Bool? in
            guard b.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            func hasPrefix(_ p: StaticString) -> Bool {
                b.count >= p.utf8CodeUnitCount && (0..<p.utf8CodeUnitCount).allSatisfy { k in
                    (b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k]) == p.utf8Start[k]
                }
            }
            return (hasPrefix("https://") || hasPrefix("http://")) && !b.contains { $0 == 0x20 || $0 == 0x0A || $0 == 0x22 || $0 == 0x3C }
        }), let plain {
            return plain
        }
        return isWebURLByCharacters(s)
    }

    /// `isWebURL` for any text, character by character.
    static func isWebURLByCharacters(_ s: String) -> Bool {
        let lower = s.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !s.contains(where: { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "<" })
    }

    static func stem(of path: String) -> String {
        // ASCII without a carriage return: each byte is a character.
        if WordBytes.isPlainASCII(path) {
            let bytes = path.utf8
            let nameStart = bytes.lastIndex(of: 0x2F).map { bytes.index(after: $0) } ?? bytes.startIndex
            // "a/b/" has no last component after its slash: `split` drops the empty one.
            if nameStart == bytes.endIndex, nameStart != bytes.startIndex { return stem(ofSplit: path) }
            let name = path[nameStart...]
            guard let dot = name.utf8.lastIndex(of: 0x2E), dot != name.startIndex else { return String(name) }
            return String(name[..<dot])
        }
        return stem(ofSplit: path)
    }

    /// `stem(of:)` for any path, character by character.
    static func stem(ofSplit path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// 1-based line of the first byte that is not valid UTF-8.
    static func lineOfInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            if i + length > bytes.count { return line }
            var slice = bytes[i..<i + length].makeIterator()
            var decoder = UTF8()
            if case .scalarValue = decoder.decode(&slice) {} else { return line }
            if b == 0x0A { line += 1 }
            i += length
        }
        return line
    }
}

/// URL-safe names for article and entity pages: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
        if let ascii = makeASCII(text) { return ascii }
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded = Self.fold(scalar)
            for c in folded.unicodeScalars {
                if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                    if pendingHyphen && !out.isEmpty { out += "-" }
                    pendingHyphen = false
                    out.unicodeScalars.append(c)
                } else {
                    pendingHyphen = true
                }
            }
            if out.utf8.count >= 80 { break }
        }
        return out
    }

    /// `make` of ASCII text, byte by byte (nil for any other text).
    private static func makeASCII(_ text: String) -> String? {
        text.utf8.withContiguousStorageIfAvailable { b -> String? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(min(b.count, 96))
            var pendingHyphen = false
            for c in b {
                let l = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                if (l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) {
                    if pendingHyphen && !out.isEmpty { out.append(0x2D) }
                    pendingHyphen = false
                    out.append(l)
                } else {
                    pendingHyphen = true
                }
                if out.count >= 80 { break }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
    }

    private static func fold(_ s: Unicode.Scalar) -> String {
        if s.isASCII { return String(s).lowercased() }
        // Strip accents (é → e) without consulting the locale.
        let decomposed = String(s).decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.isASCII }
        return String(String.UnicodeScalarView(decomposed)).lowercased()
    }
}
