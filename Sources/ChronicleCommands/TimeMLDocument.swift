import ChronicleTime

/// A TimeML document reduced to what Task A scoring needs: its DCT, the plain text of
/// `<TEXT>` (tags removed, entities unescaped, exactly as `tml_extract.py` writes it) and the
/// gold TIMEX3 spans in Unicode scalar offsets of that text.
struct TimeMLDocument {
    struct Span {
        var start: Int
        var end: Int
        var type: String
        var value: String
        var mod: String?
    }

    var docid: String
    var dct: String?
    var text: String
    var timexes: [Span]
    /// Gold EVENT spans (the official matcher keeps a gold timex open over them).
    var events: [(Int, Int)]

    /// Parses the bytes of a `.tml` file.
    init(docid: String, bytes: [UInt8]) throws {
        self.docid = docid
        self.dct = nil
        self.timexes = []
        self.events = []
        var scalars: [Unicode.Scalar] = []
        var stack: [(name: String, attributes: [String: String], start: Int)] = []
        var inText = false
        var i = 0
        let n = bytes.count
        var pending: [UInt8] = []
        func flush() {
            guard !pending.isEmpty else { return }
            if inText { scalars += String(decoding: pending, as: UTF8.self).unicodeScalars }
            pending.removeAll(keepingCapacity: true)
        }
        while i < n {
            let b = bytes[i]
            if b == 0x3C {  // <
                flush()
                if TimeMLDocument.hasPrefix(bytes, i, "<!--") {
                    i = TimeMLDocument.find(bytes, i + 4, "-->").map { $0 + 3 } ?? n
                    continue
                }
                if TimeMLDocument.hasPrefix(bytes, i, "<![CDATA[") {
                    let end = TimeMLDocument.find(bytes, i + 9, "]]>") ?? n
                    if inText { scalars += String(decoding: bytes[(i + 9)..<end], as: UTF8.self).unicodeScalars }
                    i = min(n, end + 3)
                    continue
                }
                guard let close = TimeMLDocument.find(bytes, i, ">") else { break }
                let tag = Tag(String(decoding: bytes[(i + 1)..<close], as: UTF8.self))
                i = close + 1
                if tag.name == "TEXT" {
                    inText = !tag.closing
                    continue
                }
                if tag.name == "TIMEX3", tag.attributes["functionInDocument"] == "CREATION_TIME", dct == nil {
                    dct = tag.attributes["value"].map { String($0.prefix(10)) }
                }
                guard inText else { continue }
                if tag.closing {
                    if let top = stack.popLast() {
                        if top.name == "TIMEX3" {
                            timexes.append(Span(start: top.start, end: scalars.count, type: top.attributes["type"] ?? "",
                                                value: top.attributes["value"] ?? "", mod: top.attributes["mod"]))
                        } else if top.name == "EVENT" {
                            events.append((top.start, scalars.count))
                        }
                    }
                } else if !tag.selfClosing {
                    stack.append((tag.name, tag.attributes, scalars.count))
                }
            } else if b == 0x26 && inText {  // &
                flush()
                let end = TimeMLDocument.find(bytes, i, ";") ?? i
                let name = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
                guard let scalar = TimeMLDocument.entity(name) else { throw EvalError.badEntity(docid, name) }
                scalars.append(scalar)
                i = end + 1
            } else {
                if inText { pending.append(b) }
                i += 1
            }
        }
        flush()
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        self.text = String(text)
        timexes.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
        events.sort { $0 < $1 }
    }

    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") { return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            return nil
        }
    }

    static func hasPrefix(_ bytes: [UInt8], _ i: Int, _ s: String) -> Bool {
        let p = Array(s.utf8)
        return i + p.count <= bytes.count && Array(bytes[i..<(i + p.count)]) == p
    }

    static func find(_ bytes: [UInt8], _ from: Int, _ s: String) -> Int? {
        let p = Array(s.utf8)
        var i = from
        while i + p.count <= bytes.count {
            if bytes[i] == p[0] && Array(bytes[i..<(i + p.count)]) == p { return i }
            i += 1
        }
        return nil
    }

    /// One XML tag: its name, whether it closes or self-closes, its attributes.
    struct Tag {
        var name: String
        var closing = false
        var selfClosing = false
        var attributes: [String: String] = [:]

        init(_ raw: String) {
            var body = Substring(raw)
            if body.hasPrefix("/") {
                closing = true
                body = body.dropFirst()
            }
            if body.hasSuffix("/") {
                selfClosing = true
                body = body.dropLast()
            }
            let nameEnd = body.firstIndex(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) ?? body.endIndex
            name = String(body[..<nameEnd])
            var rest = body[nameEnd...]
            while let eq = rest.firstIndex(of: "=") {
                let key = rest[..<eq].trimmingCharacters(in: " \n\t")
                var after = rest[rest.index(after: eq)...].drop { $0 == " " }
                guard let quote = after.first, quote == "\"" || quote == "'" else { break }
                after = after.dropFirst()
                guard let endQuote = after.firstIndex(of: quote) else { break }
                attributes[key] = String(after[..<endQuote])
                    .replacingEntities()
                rest = after[after.index(after: endQuote)...]
            }
        }
    }
}

enum EvalError: Error, CustomStringConvertible {
    case badEntity(String, String)
    case noDocuments([String])

    var description: String {
        switch self {
        case .badEntity(let doc, let name): "\(doc): unknown XML entity &\(name);"
        case .noDocuments(let dirs): "no .tml files in \(dirs.joined(separator: ", "))"
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension String {
    func replacingEntities() -> String {
        guard contains("&") else { return self }
        var out = ""
        var rest = Substring(self)
        while let amp = rest.firstIndex(of: "&"), let semi = rest[amp...].firstIndex(of: ";") {
            out += rest[..<amp]
            let name = String(rest[rest.index(after: amp)..<semi])
            if let s = TimeMLDocument.entity(name) { out.unicodeScalars.append(s) } else { out += rest[amp...semi] }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
