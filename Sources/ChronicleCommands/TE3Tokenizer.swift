/// Tokenization of the official TempEval-3 scorer: TreeTagger's tokenize.pl (-e, English
/// abbreviations) followed by TimeML-Normalizer's split of single-hyphen tokens. Ported from
/// te3_emul.py so that `chronicle eval` pairs timexes exactly as the official tool does.
enum TE3Tokenizer {
    /// TreeTagger's English abbreviation list as shipped with TimeML-Normalizer.
    static let abbreviations: Set<String> = [
        "Adm.", "Ala.", "Ariz.", "Ark.", "Aug.", "Ave.", "Bancorp.", "Bhd.", "Brig.", "Bros.", "CO.", "CORP.",
        "COS.", "Ca.", "Calif.", "Canada-U.S.", "Canadian-U.S.", "Capt.", "Cia.", "Cie.", "Co.", "Col.", "Colo.",
        "Conn.", "Corp.", "Cos.", "D-Mass.", "Dec.", "Del.", "Dept.", "Dr.", "Drs.", "Etc.", "Feb.", "Fla.", "Ft.",
        "Ga.", "Gen.", "Gov.", "Hon.", "INC.", "Ill.", "Inc.", "Ind.", "Jan.", "Japan-U.S.", "Jr.", "Kan.",
        "Korean-U.S.", "Ky.", "La.", "Lt.", "Ltd.", "Maj.", "Mass.", "Md.", "Messrs.", "Mfg.", "Mich.", "Minn.",
        "Miss.", "Mo.", "Mr.", "Mrs.", "Ms.", "Neb.", "Nev.", "No.", "Nos.", "Nov.", "Oct.", "Okla.", "Ont.", "Ore.",
        "Pa.", "Ph.", "Prof.", "Prop.", "Pty.", "Rep.", "Reps.", "Rev.", "S.p.A.", "Sen.", "Sens.", "Sept.", "Sgt.",
        "Sino-U.S.", "Sr.", "St.", "Ste.", "Tenn.", "Tex.", "U.S.-U.K.", "U.S.-U.S.S.R.", "Va.", "Vt.", "W.Va.",
        "Wash.", "Wis.", "Wyo.", "a.k.a.", "a.m.", "anti-U.S.", "cap.", "days.", "etc.", "ft.", "i.e.", "non-U.S.",
        "office\\/dept.", "p.m.", "president-U.S.", "s.r.l.", "v.", "v.B.", "v.w.", "vs.",
    ]

    static let prefixChars: Set<Unicode.Scalar> = Set("[{(\u{B4}`\"\u{BB}\u{AB}".unicodeScalars).union(c1)
    static let suffixChars: Set<Unicode.Scalar> = Set("]}'`\"),;:!?%\u{BB}\u{AB}".unicodeScalars).union(c1).union(["\u{85}", "\u{89}"])
    static let c1: Set<Unicode.Scalar> = Set([0x82, 0x84, 0x86, 0x87, 0x8B, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9B]
        .map { Unicode.Scalar(UInt8($0)) })
    static let perlSpace: Set<Unicode.Scalar> = {
        var s: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0C}", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2028}",
                                      "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}"]
        for v in 0x2000...0x200A { s.insert(Unicode.Scalar(UInt32(v))!) }
        return s
    }()
    static let stripSet: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0C}", "\u{0B}", "\u{85}", "\u{A0}"]
    static let clitics = ["'s", "'re", "'ve", "'d", "'m", "'em", "'ll", "n't"]

    typealias Chars = [Unicode.Scalar]

    /// Token strings as TimeML-Normalizer sees them.
    static func tokenStrings(_ text: String) -> [String] {
        var raw: [String] = []
        let all = Array(text.unicodeScalars)
        var lineStart = 0
        while lineStart < all.count {
            var end = lineStart
            while end < all.count && all[end] != "\n" { end += 1 }
            let lineEnd = end < all.count ? end + 1 : end
            let line = all[lineStart..<lineEnd].filter { $0 != "\r" }
            for seg in segments(Array(line)) { tokenizeSegment(seg, into: &raw) }
            lineStart = lineEnd
        }
        var out: [String] = []
        for piece in raw.flatMap({ $0.split(separator: "\n", omittingEmptySubsequences: false) }) {
            let t = String(String.UnicodeScalarView(piece.unicodeScalars.filter { !isPythonSpace($0) }))
                .replacingOccurrences("|", "-")
            if t.isEmpty { continue }
            let parts = t.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty {
                out += [String(parts[0]), "-", String(parts[1])]
            } else {
                out.append(t)
            }
        }
        return out
    }

    /// A line cut around markup (`<...>`, `&...;`), each markup its own segment.
    static func segments(_ line: Chars) -> [Chars] {
        var out: [Chars] = []
        var current: Chars = []
        var i = 0
        while i < line.count {
            var markupEnd: Int?
            if line[i] == "<" {
                var j = i + 1
                while j < line.count && line[j] != "<" && line[j] != ">" { j += 1 }
                if j < line.count && line[j] == ">" { markupEnd = j + 1 }
            } else if line[i] == "&" {
                var j = i + 1
                while j < line.count && ![";", " ", "\t", "\n", "\r"].contains(line[j]) { j += 1 }
                if j < line.count && line[j] == ";" { markupEnd = j + 1 }
            }
            if let e = markupEnd {
                if !current.isEmpty { out.append(current) }
                out.append(Array(line[i..<e]))
                current = []
                i = e
            } else {
                current.append(line[i])
                i += 1
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func tokenizeSegment(_ seg: Chars, into raw: inout [String]) {
        if seg.first == "<", let last = seg.last(where: { $0 != "\n" }), last == ">" {
            raw.append(String(String.UnicodeScalarView(seg)))
            return
        }
        var s: Chars = [" "] + seg + [" "]
        s = spaceEllipses(s)
        s = spaceAfter(s) { c, next in [";", "!", "?", "/"].contains(c) && next != " " }
        s = spaceAfter(s) { c, next in c == "," && !(next == " " || next == "." || ("0"..."9").contains(next)) }
        s = spaceBeforeCapital(s)
        var start = 0, end = s.count
        while start < end && stripSet.contains(s[start]) { start += 1 }
        while end > start && stripSet.contains(s[end - 1]) { end -= 1 }
        var word: Chars = []
        for c in s[start..<end] {
            if perlSpace.contains(c) {
                if !word.isEmpty { tokWord(word, &raw) }
                word = []
            } else {
                word.append(c)
            }
        }
        if !word.isEmpty { tokWord(word, &raw) }
    }

    static func spaceEllipses(_ s: Chars) -> Chars {
        var out: Chars = []
        var i = 0
        while i < s.count {
            if i + 2 < s.count && s[i] == "." && s[i + 1] == "." && s[i + 2] == "." {
                out += [" ", ".", ".", ".", " "]
                i += 3
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// `re.sub(r"(X)([^ ])", r"\1 \2")`: a space between a matching pair, pairs not overlapping.
    static func spaceAfter(_ s: Chars, _ matches: (Unicode.Scalar, Unicode.Scalar) -> Bool) -> Chars {
        var out: Chars = []
        var i = 0
        while i < s.count {
            if i + 1 < s.count && matches(s[i], s[i + 1]) {
                out += [s[i], " ", s[i + 1]]
                i += 2
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    static func isLatinLetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || (c.value >= 0xC0 && c.value <= 0xFF)
    }

    /// `([letter][letter][.:])([A-Z])` → a space before the capital.
    static func spaceBeforeCapital(_ s: Chars) -> Chars {
        var out: Chars = []
        var i = 0
        while i < s.count {
            if i + 3 < s.count, isLatinLetter(s[i]), isLatinLetter(s[i + 1]), s[i + 2] == "." || s[i + 2] == ":",
               ("A"..."Z").contains(s[i + 3]) || (s[i + 3].value >= 0xC0 && s[i + 3].value <= 0xDD) {
                out += [s[i], s[i + 1], s[i + 2], " ", s[i + 3]]
                i += 4
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    static func string(_ c: Chars) -> String { String(String.UnicodeScalarView(c)) }

    /// tokenize.pl's per-word loop: leading and trailing punctuation, abbreviations, clitics.
    static func tokWord(_ word: Chars, _ out: inout [String]) {
        var w = word
        var suffix: [String] = []
        while !abbreviations.contains(string(w)) {
            if w.count >= 2 && prefixChars.contains(w[0]) {
                out.append(string([w[0]]))
                w.removeFirst()
                continue
            }
            if w.count >= 2 && suffixChars.contains(w[w.count - 1]) {
                suffix.insert(string([w[w.count - 1]]), at: 0)
                w.removeLast()
                continue
            }
            if w.count >= 2 && w[w.count - 1] == "." && suffixChars.contains(w[w.count - 2]) {
                let c = w[w.count - 2]
                w.removeLast(2)
                suffix.insert(".", at: 0)
                if w.isEmpty { w = [c] } else { suffix.insert(string([c]), at: 0) }
                continue
            }
            break
        }
        if abbreviations.contains(string(w)) || isDottedAbbreviation(w) {
            out.append(string(w))
            out += suffix
            return
        }
        if w.count >= 2 && w.last == "." && string(w) != "..." {
            w.removeLast()
            suffix.insert(".", at: 0)
            if abbreviations.contains(string(w)) {
                out.append(string(w))
                out += suffix
                return
            }
        }
        var text = string(w)
        while let clitic = clitics.first(where: { text.hasSuffix($0) && text.unicodeScalars.count > $0.unicodeScalars.count }) {
            suffix.insert(clitic, at: 0)
            text = String(String.UnicodeScalarView(text.unicodeScalars.dropLast(clitic.unicodeScalars.count)))
        }
        out.append(text)
        out += suffix
    }

    /// `^([A-Za-z\u00c0-\u00ff]\.)+$`
    static func isDottedAbbreviation(_ w: Chars) -> Bool {
        guard !w.isEmpty, w.count % 2 == 0 else { return false }
        for k in stride(from: 0, to: w.count, by: 2) where !(isLatinLetter(w[k]) && w[k + 1] == ".") { return false }
        return true
    }

    /// Python's `\s` for str patterns.
    static func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x09 && c.value <= 0x0D) || (c.value >= 0x1C && c.value <= 0x20) || c.properties.isWhitespace
    }

    struct MismatchError: Error {}

    /// Each token with the text index of each of its characters, matched against the text
    /// skipping whitespace, as merge_tok_n_tml does.
    static func tokenize(_ text: [Unicode.Scalar]) throws -> [[Int]] {
        var out: [[Int]] = []
        var i = 0
        let n = text.count
        for t in tokenStrings(String(String.UnicodeScalarView(text))) {
            var pos: [Int] = []
            for ch in t.unicodeScalars {
                while i < n && !same(text[i], ch) && [" ", "\n", "\r", "\t"].contains(text[i]) { i += 1 }
                if i >= n || !same(text[i], ch) { throw MismatchError() }
                pos.append(i)
                i += 1
            }
            out.append(pos)
        }
        return out
    }

    static func same(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        a == b || String(a).lowercased() == String(b).lowercased()
    }
}

extension String {
    func replacingOccurrences(_ a: Character, _ b: Character) -> String { String(map { $0 == a ? b : $0 }) }
}
