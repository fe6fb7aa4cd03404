/// One lexical piece of an HTML page.
enum HTMLToken: Equatable {
    case startTag(name: String, attributes: [String: String], selfClosing: Bool)
    case endTag(name: String)
    case text(String)
}

/// A forgiving HTML tokenizer: never fails, whatever the page looks like.
///
/// Unclosed quotes, stray `<`, missing end tags and unknown entities all come out as text or
/// tags the way a browser would roughly read them. Comments, doctypes and processing
/// instructions are dropped. `script` and `style` bodies are kept raw (JSON-LD needs them),
/// `title` and `textarea` bodies are text with entities decoded.
enum HTMLTokenizer {
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"]
    static let escapableRawTextElements: Set<String> = ["title", "textarea"]

    static func tokenize(_ html: String) -> [HTMLToken] {
        var scanner = Scanner(bytes: Array(html.utf8))
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var tokens: [HTMLToken] = []
        var textStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> [HTMLToken] {
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else { i += 1; continue }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    flushText(upTo: i)
                    skipMarkup()
                } else if next == UInt8(ascii: "/"), i + 2 < bytes.count, isLetter(bytes[i + 2]) {
                    flushText(upTo: i)
                    i += 2
                    let name = readName()
                    skipPast(UInt8(ascii: ">"))
                    tokens.append(.endTag(name: name))
                    textStart = i
                } else if isLetter(next) {
                    flushText(upTo: i)
                    i += 1
                    let (name, attributes, selfClosing) = readTag()
                    tokens.append(.startTag(name: name, attributes: attributes, selfClosing: selfClosing))
                    textStart = i
                    if !selfClosing, Self.rawTextElementsAll.contains(name) { readRawText(of: name) }
                } else {
                    i += 1
                }
            }
            flushText(upTo: bytes.count)
            return tokens
        }

        static let rawTextElementsAll = HTMLTokenizer.rawTextElements.union(HTMLTokenizer.escapableRawTextElements)

        mutating func flushText(upTo end: Int) {
            if end > textStart {
                tokens.append(.text(HTMLEntities.decode(String(decoding: bytes[textStart..<end], as: UTF8.self))))
            }
            textStart = end
        }

        /// `<!-- … -->`, `<!DOCTYPE …>`, `<![CDATA[ … ]]>`, `<? … >`.
        mutating func skipMarkup() {
            if starts(with: "<!--") {
                i += 4
                while i < bytes.count, !starts(with: "-->") { i += 1 }
                i = min(i + 3, bytes.count)
            } else if starts(with: "<![CDATA[") {
                let start = i + 9
                var end = start
                while end < bytes.count, !starts(with: "]]>", at: end) { end += 1 }
                tokens.append(.text(String(decoding: bytes[start..<end], as: UTF8.self)))
                i = min(end + 3, bytes.count)
            } else {
                skipPast(UInt8(ascii: ">"))
            }
            textStart = i
        }

        mutating func readTag() -> (String, [String: String], Bool) {
            let name = readName()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while i < bytes.count {
                skipSpace()
                guard i < bytes.count else { break }
                let b = bytes[i]
                if b == UInt8(ascii: ">") { i += 1; break }
                if b == UInt8(ascii: "/") {
                    i += 1
                    if i < bytes.count, bytes[i] == UInt8(ascii: ">") { selfClosing = true; i += 1; break }
                    continue
                }
                let start = i
                while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                      !(bytes[i] == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
                if i == start { i += 1; continue }
                let key = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
                skipSpace()
                var value = ""
                if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    skipSpace()
                    value = readAttributeValue()
                }
                if attributes[key] == nil { attributes[key] = HTMLEntities.decode(value) }
            }
            return (name, attributes, selfClosing)
        }

        mutating func readAttributeValue() -> String {
            guard i < bytes.count else { return "" }
            let quote = bytes[i]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let start = i + 1
                var end = start
                while end < bytes.count, bytes[end] != quote { end += 1 }
                i = min(end + 1, bytes.count)
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            let start = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        /// Everything up to `</name`, as one text token (decoded only for title and textarea).
        mutating func readRawText(of name: String) {
            let closing = Array("</\(name)".utf8)
            var end = i
            while end < bytes.count {
                if bytes[end] == UInt8(ascii: "<"), end + closing.count <= bytes.count,
                   zip(bytes[end..<end + closing.count], closing).allSatisfy({ lower($0) == $1 }) {
                    break
                }
                end += 1
            }
            let raw = String(decoding: bytes[i..<end], as: UTF8.self)
            if !raw.isEmpty {
                tokens.append(.text(HTMLTokenizer.escapableRawTextElements.contains(name) ? HTMLEntities.decode(raw) : raw))
            }
            i = end
            if i < bytes.count {
                i += closing.count
                skipPast(UInt8(ascii: ">"))
                tokens.append(.endTag(name: name))
            }
            textStart = i
        }

        mutating func readName() -> String {
            let start = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
        }

        mutating func skipPast(_ byte: UInt8) {
            while i < bytes.count, bytes[i] != byte { i += 1 }
            i = min(i + 1, bytes.count)
        }

        mutating func skipSpace() { while i < bytes.count, isSpace(bytes[i]) { i += 1 } }

        func starts(with s: StaticString, at position: Int? = nil) -> Bool {
            let p = position ?? i
            let n = s.utf8CodeUnitCount
            guard p + n <= bytes.count else { return false }
            return s.withUTF8Buffer { buffer in
                (0..<n).allSatisfy { lower(bytes[p + $0]) == lower(buffer[$0]) }
            }
        }

        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    }
}
