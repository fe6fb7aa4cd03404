import ChronicleTagger
import ChronicleTime

/// Writes tagged expressions as the JSON contract, as TimeML, or as readable lines.
enum TimexOutput {
    /// Unicode scalar offsets of the timexes' UTF-8 ranges, in one pass (the timexes are in text order).
    static func scalarRanges(_ timexes: [Timex], in text: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(timexes.count)
        var byte = 0, scalars = 0
        var it = text.utf8.makeIterator()
        func advance(to target: Int) -> Int {
            while byte < target, let b = it.next() {
                if b & 0xC0 != 0x80 { scalars += 1 }
                byte += 1
            }
            return scalars
        }
        for t in timexes {
            let a = advance(to: t.utf8Range.lowerBound)
            let b = advance(to: t.utf8Range.upperBound)
            out.append(a..<b)
        }
        return out
    }

    /// The JSON contract, written piece by piece through `write` (large outputs never sit in one string).
    static func json(_ timexes: [Timex], in text: String, write: (String) -> Void) {
        let ranges = scalarRanges(timexes, in: text)
        var out = "{\"timexes\":["
        for (n, t) in timexes.enumerated() {
            if n > 0 { out += "," }
            out += "\n {\"start\":\(ranges[n].lowerBound),\"end\":\(ranges[n].upperBound)"
            out += ",\"text\":\(quote(t.text)),\"type\":\"\(t.type.rawValue)\",\"value\":\(quote(t.value.description))"
            if let mod = t.mod { out += ",\"mod\":\"\(mod.rawValue)\"" }
            if let quant = t.quant { out += ",\"quant\":\"\(quant.rawValue)\"" }
            if let freq = t.freq { out += ",\"freq\":\"\(freq)X\"" }
            out += "}"
            if out.utf8.count > 1 << 16 {
                write(out)
                out = ""
            }
        }
        out += timexes.isEmpty ? "]}\n" : "\n]}\n"
        write(out)
    }

    static func json(_ timexes: [Timex], in text: String) -> String {
        var all = ""
        json(timexes, in: text) { all += $0 }
        return all
    }

    static func timeml(_ timexes: [Timex], in text: String) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var last = 0
        for (n, t) in timexes.enumerated() {
            out += escape(String(decoding: bytes[last..<t.utf8Range.lowerBound], as: UTF8.self))
            out += "<TIMEX3 tid=\"t\(n + 1)\" type=\"\(t.type.rawValue)\" value=\"\(escape(t.value.description))\""
            if let mod = t.mod { out += " mod=\"\(mod.rawValue)\"" }
            if let quant = t.quant { out += " quant=\"\(quant.rawValue)\"" }
            if let freq = t.freq { out += " freq=\"\(freq)X\"" }
            out += ">" + escape(t.text) + "</TIMEX3>"
            last = t.utf8Range.upperBound
        }
        out += escape(String(decoding: bytes[last...], as: UTF8.self))
        return out
    }

    static func lines(_ timexes: [Timex], in text: String, explain: Bool) -> String {
        let ranges = scalarRanges(timexes, in: text)
        var out = ""
        for (n, t) in timexes.enumerated() {
            let span = "\(ranges[n].lowerBound)-\(ranges[n].upperBound)"
            let mod = t.mod.map { " mod=\($0.rawValue)" } ?? ""
            let set = (t.quant.map { " quant=\($0.rawValue)" } ?? "") + (t.freq.map { " freq=\($0)X" } ?? "")
            out += "\(span)\t\(t.text)\t\(t.type.rawValue)\t\(t.value)\(mod)\(set)\t[\(t.rule)]\t\(t.explanation)\n"
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
