import ChronicleTagger
import ChronicleTime

/// Writes tagged expressions as the JSON contract, as TimeML, or as readable lines.
enum TimexOutput {
    /// Unicode scalar offsets for UTF-8 byte offsets (sorted ascending), in one pass over the text.
    static func scalarOffsets(_ text: String, _ byteOffsets: [Int]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        let wanted = byteOffsets.sorted()
        var k = 0
        var scalars = 0
        var byte = 0
        for b in text.utf8 {
            while k < wanted.count && wanted[k] == byte {
                result[byte] = scalars
                k += 1
            }
            if b & 0xC0 != 0x80 { scalars += 1 }
            byte += 1
        }
        while k < wanted.count {
            result[wanted[k]] = scalars
            k += 1
        }
        return result
    }

    static func json(_ timexes: [Timex], in text: String) -> String {
        let offsets = scalarOffsets(text, timexes.flatMap { [$0.utf8Range.lowerBound, $0.utf8Range.upperBound] })
        var out = "{\"timexes\":["
        for (n, t) in timexes.enumerated() {
            if n > 0 { out += "," }
            out += "\n {\"start\":\(offsets[t.utf8Range.lowerBound]!),\"end\":\(offsets[t.utf8Range.upperBound]!)"
            out += ",\"text\":\(quote(t.text)),\"type\":\"\(t.type.rawValue)\",\"value\":\(quote(t.value.timeMLValue))"
            if let mod = t.mod { out += ",\"mod\":\"\(mod.rawValue)\"" }
            out += "}"
        }
        out += timexes.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }

    static func timeml(_ timexes: [Timex], in text: String) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var last = 0
        for (n, t) in timexes.enumerated() {
            out += escape(String(decoding: bytes[last..<t.utf8Range.lowerBound], as: UTF8.self))
            out += "<TIMEX3 tid=\"t\(n + 1)\" type=\"\(t.type.rawValue)\" value=\"\(escape(t.value.timeMLValue))\""
            if let mod = t.mod { out += " mod=\"\(mod.rawValue)\"" }
            out += ">" + escape(t.text) + "</TIMEX3>"
            last = t.utf8Range.upperBound
        }
        out += escape(String(decoding: bytes[last...], as: UTF8.self))
        return out
    }

    static func lines(_ timexes: [Timex], in text: String, explain: Bool) -> String {
        let offsets = scalarOffsets(text, timexes.flatMap { [$0.utf8Range.lowerBound, $0.utf8Range.upperBound] })
        var out = ""
        for t in timexes {
            let span = "\(offsets[t.utf8Range.lowerBound]!)-\(offsets[t.utf8Range.upperBound]!)"
            let mod = t.mod.map { " mod=\($0.rawValue)" } ?? ""
            out += "\(span)\t\(t.text)\t\(t.type.rawValue)\t\(t.value)\(mod)\t[\(t.rule)]\t\(t.explanation)\n"
            if explain {
                for step in t.trace { out += "    · \(step)\n" }
            }
        }
        return out
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
