import ChronicleTagger

/// How a sentence reads for dating: its words (and which of them are quoted speech), its
/// reporting verb, its main clause and the tense of that clause.
///
/// Quoted speech does not set the tense of the sentence that reports it: "Gates responded with a
/// statement: "I will miss Steve"" reports a past happening. A reporting verb decides the tense of
/// the sentence: "Apple Corps claims that the store violated an agreement" is present.
struct SentenceReading {
    /// One word: lower-cased, with its UTF-8 offsets in the sentence.
    struct Word {
        var text: Substring
        var utf8Range: Range<Int>
        /// Inside double quotation marks.
        var quoted: Bool
        /// Starts with an upper-case letter ("States" in "United States" is a name, not a verb).
        var capitalized: Bool
        /// A comma, colon or quotation mark comes right before it (", officials said").
        var afterPause: Bool
    }

    let text: String
    let words: [Word]
    /// Index into `words` of the reporting verb, if the sentence reports speech.
    let reportingVerb: Int?
    /// True when the sentence ends inside a quotation that the next sentence continues.
    let endsQuoted: Bool

    init(_ text: String, startsQuoted: Bool = false) {
        var copy = text
        let (words, quoted) = copy.withUTF8 { Self.scan($0, startsQuoted: startsQuoted) }
        self.text = text
        self.words = words
        self.endsQuoted = quoted
        self.reportingVerb = ReportingCues.firstVerb(in: words)
    }

    /// The words of a sentence's UTF-8 bytes, and whether it ends inside a quotation.
    private static func scan(_ b: UnsafeBufferPointer<UInt8>, startsQuoted: Bool) -> ([Word], Bool) {
        var words: [Word] = []
        words.reserveCapacity(b.count / 4 + 1)
        var quoted = startsQuoted
        var pause = startsQuoted
        var start = -1
        var capitalized = false
        var offset = 0
        while offset <= b.count {
            // The end of the text closes the last word like any other character that is not a letter.
            let scalar: Unicode.Scalar, length: Int
            let isWordScalar: Bool, isUpper: Bool
            if offset == b.count {
                (scalar, length) = (" ", 1)
                (isWordScalar, isUpper) = (false, false)
            } else if b[offset] < 0x80 {
                // ASCII without the Unicode property tables (most of any English text).
                let c = b[offset]
                (scalar, length) = (Unicode.Scalar(c), 1)
                isUpper = c >= 0x41 && c <= 0x5A
                isWordScalar = isUpper || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
            } else {
                (scalar, length) = WordBytes.scalar(b, at: offset)
                isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                isUpper = isWordScalar && scalar.properties.isUppercase
            }
            if isWordScalar {
                if start < 0 { start = offset; capitalized = isUpper }
            } else {
                if start >= 0 {
                    let range = start..<offset
                    words.append(Word(text: Substring(WordBytes.lowercased(UnsafeBufferPointer(rebasing: b[range]))), utf8Range: range,
                                      quoted: quoted, capitalized: capitalized, afterPause: pause))
                    pause = false
                    start = -1
                }
                switch scalar {
                case "\"": quoted.toggle(); pause = true
                case "\u{201C}", "\u{00AB}": quoted = true; pause = true
                case "\u{201D}", "\u{00BB}": quoted = false; pause = true
                case ",", ":", ";", "(", "\u{2014}": pause = true
                default: break
                }
            }
            offset += length
        }
        return (words, quoted)
    }

    /// Lower-cased words, all of them.
    var allWords: [Substring] { Self.texts(words[...], unquoted: false) }

    /// Lower-cased words outside quotations.
    var unquotedWords: [Substring] { Self.texts(words[...], unquoted: true) }

    /// The words outside quotations up to and including the reporting verb: the clause whose
    /// tense and mood say when the sentence's own happening is ("Jobs said that buyers will get
    /// a refund" is past).
    var mainClause: [Substring] {
        let end = reportingVerb.map { $0 + 1 } ?? words.count
        return Self.texts(words[..<end], unquoted: true)
    }

    /// The words' texts, only those outside quotations when `unquoted`.
    private static func texts(_ words: ArraySlice<Word>, unquoted: Bool) -> [Substring] {
        var out: [Substring] = []
        out.reserveCapacity(words.count)
        for w in words where !(unquoted && w.quoted) { out.append(w.text) }
        return out
    }

    /// The reporting verb as written, lower-cased.
    var reportingWord: Substring? { reportingVerb.map { words[$0].text } }

    /// The tense of the main clause: the reporting verb's when there is one ("did not say" is
    /// past, "will announce" future, "claims" present), else the first tense cue outside
    /// quotations, where "has" or "have" before any cue and not followed by a participle is the
    /// present ("it also has a new screen, dubbed …").
    func tense(using tagger: Tagger) -> Tense {
        if let v = reportingVerb { return ReportingCues.tense(of: words, verb: v) }
        let unquoted = unquotedWords
        if let h = unquoted.firstIndex(where: { PerfectCues.auxiliaryFilter.mayContain($0) && PerfectCues.auxiliaries.contains(String($0)) }),
           !PerfectCues.participleFollows(unquoted, after: h),
           Self.tense(of: unquoted[..<h], using: tagger) == .unknown {
            return .present
        }
        return Self.tense(of: unquoted[...], using: tagger)
    }

    /// The tagger's tense of the words joined by spaces (joined as bytes, not as a string).
    private static func tense(of words: ArraySlice<Substring>, using tagger: Tagger) -> Tense {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.reduce(0) { $0 + $1.utf8.count + 1 })
        for (k, word) in words.enumerated() {
            if k > 0 { bytes.append(0x20) }
            bytes.append(contentsOf: word.utf8)
        }
        return bytes.withUnsafeBufferPointer { tagger.tense(ofUTF8: $0) }
    }

    /// Which happening an expression at `utf8Range` dates in a sentence that reports speech: the
    /// saying when it opens the sentence or stands right after the verb with no clause of its own
    /// in between ("On Thursday, the ministry said …", "announced Monday it has settled", "said in a
    /// statement on Thursday that …"); what was said when it lies in the reported clause ("said
    /// the talks would resume on Monday", "The deal was signed on Friday, the ministry said").
    /// Nil when the sentence reports no speech or the date belongs to another verb ("The suit,
    /// filed in September 2003, claims …").
    func happening(dated utf8Range: Range<Int>, using tagger: Tagger) -> DatedHappening? {
        guard let v = reportingVerb else { return nil }
        if utf8Range.lowerBound < words[v].utf8Range.lowerBound {
            if isTag(v) { return .reported }
            // The expression's own phrase, back to the pause before it: does a verb of its own lead it?
            let before = words.prefix { $0.utf8Range.upperBound <= utf8Range.lowerBound }
            let phrase = before.suffix(from: before.lastIndex(where: \.afterPause) ?? before.startIndex)
            return tagger.tense(of: phrase.map(\.text).joined(separator: " ")) == .unknown ? .saying : nil
        }
        let between = words[(v + 1)...].prefix { $0.utf8Range.upperBound <= utf8Range.lowerBound }.map(\.text)
        if between.contains("that") || between.count > 6 { return .reported }
        if between.contains(where: { ReportingCues.auxiliaries[String($0)] != nil || ["is", "are", "be"].contains($0) }) { return .reported }
        return tagger.tense(of: between.joined(separator: " ")) == .unknown ? .saying : .reported
    }

    /// A reporting clause set off after what was said: ", the ministry said.", "," said Jobs, "".
    func isTag(_ v: Int) -> Bool {
        let start = max(0, v - 4)
        guard words[start...v].contains(where: \.afterPause) || v == 0 else { return false }
        let after = words[(v + 1)...].prefix { !$0.afterPause }
        return after.count <= 4 && !after.contains { $0.text == "that" }
    }
}

extension DatedHappening {
    /// The note the explanation ends with: " (the date of the saying 'announced', not of what was announced)".
    func note(verb: Substring) -> String {
        switch self {
        case .saying: " (the date of the saying '\(verb)', not of what was reported)"
        case .reported: " (the date of what was reported, not of the saying '\(verb)')"
        }
    }
}

/// Reporting verbs: what follows them is what someone said, not the sentence's own happening.
/// One table gives both the words and their tense.
enum ReportingCues {
    static let table: [(String, Tense)] = [
        ("said", .past), ("says", .present), ("say", .present), ("announced", .past), ("announces", .present),
        ("claimed", .past), ("claims", .present), ("stated", .past), ("states", .present), ("told", .past),
        ("tells", .present), ("added", .past), ("adds", .present), ("noted", .past), ("notes", .present),
        ("reported", .past), ("reports", .present), ("warned", .past), ("warns", .present), ("explained", .past),
        ("explains", .present), ("revealed", .past), ("reveals", .present), ("confirmed", .past),
        ("confirms", .present), ("insisted", .past), ("insists", .present), ("argued", .past), ("argues", .present),
        ("believed", .past), ("believes", .present), ("thought", .past), ("thinks", .present), ("suggested", .past),
        ("suggests", .present), ("predicted", .past), ("predicts", .present),
    ]
    static let tenses: [String: Tense] = Dictionary(uniqueKeysWithValues: table)
    static let tenseFilter = WordFilter(tenses.keys)

    /// Forms that are also nouns ("earlier reports", "over claims of", "the thought of").
    static let alsoNouns: Set<String> = ["reports", "claims", "notes", "states", "thought", "says"]
    /// After a determiner any form is a noun or an adjective ("a claimed seven hours", "the reported deal").
    static let determiners: Set<String> = [
        "the", "a", "an", "these", "those", "this", "his", "her", "its", "their", "our", "my", "your", "such", "no",
        "some", "any", "every", "each", "many", "several",
    ]
    /// Subjects that make an ambiguous form a verb ("he thought", "it says").
    static let pronouns: Set<String> = ["he", "she", "it", "they", "we", "i", "you", "who", "which", "one"]

    /// Auxiliaries before the verb that give the clause its tense ("did not say", "will announce").
    static let auxiliaries: [String: Tense] = [
        "did": .past, "didn": .past, "had": .past, "was": .past, "were": .past, "has": .past, "have": .past,
        "will": .future, "would": .future, "shall": .future, "ll": .future, "wo": .future, "could": .future,
        "may": .future, "might": .future,
    ]

    /// The first reporting verb outside quotations. A form that is also a noun counts only with a
    /// subject before it or a clause after it: "Apple Corps claims that …", "…," says Jobs — not
    /// "a lawsuit over claims of hearing loss".
    static func firstVerb(in words: [SentenceReading.Word]) -> Int? {
        for (i, w) in words.enumerated() where !w.quoted && !w.capitalized && tenseFilter.mayContain(w.text) && tenses[String(w.text)] != nil {
            let before = i > 0 ? words[i - 1] : nil
            if let before, determiners.contains(String(before.text)) { continue }
            if alsoNouns.contains(String(w.text)) {
                let after = i + 1 < words.count ? words[i + 1] : nil
                let subject = before.map { $0.capitalized || pronouns.contains(String($0.text)) } ?? false
                let clause = after.map { $0.text == "that" || $0.afterPause } ?? true
                guard subject || w.afterPause || clause else { continue }
            }
            return i
        }
        return nil
    }

    /// The tense of the clause headed by the reporting verb at `verb`: an auxiliary among the
    /// three words before it decides ("has not yet said"), else the verb's own form.
    static func tense(of words: [SentenceReading.Word], verb: Int) -> Tense {
        for k in stride(from: verb - 1, through: max(0, verb - 3), by: -1) {
            if let t = auxiliaries[String(words[k].text)] { return t }
        }
        return tenses[String(words[verb].text)] ?? .past
    }
}
