import ChronicleTagger
import ChronicleTime

/// How a sentence reads for dating: its words (and which of them are quoted speech), its
/// reporting verb, its main clause and the tense of that clause.
///
/// Quoted speech does not set the tense of the sentence that reports it: "Gates responded with a
/// statement: "I will miss Steve"" reports a past happening. A reporting verb decides the tense of
/// the sentence: "Apple Corps claims that the store violated an agreement" is present.
struct SentenceReading {
    /// One word, with its UTF-8 offsets in the sentence.
    struct Word {
        var utf8Range: Range<Int>
        /// Where its lower-cased bytes lie in `lowered`.
        var lower: Range<Int>
        /// `WordHash` of those bytes, before `WordHash.finish` (other word tables look the word up by it).
        var hash: UInt64
        /// Its entry in `ReadingWords.table`, or -1.
        var cue: Int32
        /// What the word is to the reading (`ReadingWords.Flags`, with `pastForm` worked out from its spelling).
        var flags: ReadingWords.Flags
        /// Inside double quotation marks.
        var quoted: Bool
        /// Starts with an upper-case letter ("States" in "United States" is a name, not a verb).
        var capitalized: Bool
        /// A comma, colon or quotation mark comes right before it (", officials said").
        var afterPause: Bool
    }

    let text: String
    private(set) var words: [Word]
    /// The words' lower-cased bytes (`Word.lower`): the sentence's bytes with ASCII capitals
    /// lowered, where an ASCII word's lie at its own offsets, then those of each word beyond ASCII.
    private(set) var lowered: [UInt8]
    /// Index into `words` of the reporting verb, if the sentence reports speech.
    let reportingVerb: Int?
    /// True when the sentence ends inside a quotation that the next sentence continues.
    let endsQuoted: Bool
    /// Every byte beyond ASCII belongs to a mark of General Punctuation's first row (U+2000–U+203F:
    /// curly quotes, dashes), none of them a letter: then the words are the runs of ASCII letters and
    /// digits, as every byte scanner splits them (`EntityRecognizer` reads them instead of the bytes).
    let hasASCIIWords: Bool
    /// Index into `words` of the first word outside quotations that starts a strong-future phrase
    /// (noted as the words are scanned: most sentences have none, and need no second look).
    private let firstFutureStart: Int?
    /// The tagger's scratch after tagging this sentence, whose tokens `tense` reads instead of
    /// scanning the words it joins again (nil: it scans them).
    private let tagged: Tagger.Scratch?

    /// The arrays of a reading done with, for the next one to fill: a paragraph's sentences are
    /// read without allocating per sentence (`init(_:startsQuoted:buffers:)`, `release(into:)`).
    struct Buffers {
        fileprivate var words: [Word] = []
        fileprivate var lowered: [UInt8] = []
    }

    init(_ text: String, startsQuoted: Bool = false) {
        var buffers = Buffers()
        self.init(text, startsQuoted: startsQuoted, buffers: &buffers)
    }

    /// Reads `text` into the arrays of `buffers` (taken from it); `tagged` is the scratch the tagger
    /// has just tagged `text` with, if it has.
    init(_ text: String, startsQuoted: Bool = false, buffers: inout Buffers, tagged: Tagger.Scratch? = nil) {
        var copy = text
        var words: [Word] = []
        var lowered: [UInt8] = []
        swap(&words, &buffers.words)
        swap(&lowered, &buffers.lowered)
        let (quoted, future, asciiWords) = copy.withUTF8 { Self.scan($0, startsQuoted: startsQuoted, words: &words, lowered: &lowered) }
        self.text = text
        self.words = words
        self.lowered = lowered
        self.endsQuoted = quoted
        self.hasASCIIWords = asciiWords
        self.tagged = tagged
        self.firstFutureStart = future
        self.reportingVerb = ReportingCues.firstVerb(in: words)
    }

    /// Gives the reading's arrays back to `buffers` for the next sentence; the reading is empty after it.
    mutating func release(into buffers: inout Buffers) {
        swap(&words, &buffers.words)
        swap(&lowered, &buffers.lowered)
    }

    /// The words of a sentence's UTF-8 bytes (into `words`), whether it ends inside a quotation, the
    /// first word outside quotations that starts a strong-future phrase (`firstFutureStart`), and
    /// `hasASCIIWords`.
    private static func scan(_ b: UnsafeBufferPointer<UInt8>, startsQuoted: Bool, words: inout [Word],
                             lowered: inout [UInt8]) -> (endsQuoted: Bool, firstFutureStart: Int?, hasASCIIWords: Bool) {
        words.removeAll(keepingCapacity: true)
        words.reserveCapacity(b.count / 4 + 1)
        lowered.removeAll(keepingCapacity: true)
        lowered.append(contentsOf: b)
        lowered.withUnsafeMutableBufferPointer { out in
            for k in 0..<out.count { out[k] |= out[k] &- 0x41 < 26 ? 0x20 : 0 }
        }
        var quoted = startsQuoted
        var pause = startsQuoted
        var firstFutureStart: Int?
        var start = -1
        var capitalized = false
        var ascii = true
        var asciiWords = true
        var offset = 0
        // Read once for the sentence, not once per word (each read of a static checks that it is made).
        let table = ReadingWords.table
        while offset <= b.count {
            if offset < b.count, WordBytes.isASCIIWordByte(b[offset]) {
                // A run of ASCII letters and digits (most of any English text) in one tight loop.
                if start < 0 { start = offset; capitalized = b[offset] &- 0x41 < 26; ascii = true }
                offset += 1
                while offset < b.count && WordBytes.isASCIIWordByte(b[offset]) { offset += 1 }
                continue
            }
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
                if b[offset] != 0xE2 || b[offset + 1] != 0x80 { asciiWords = false }
                isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                isUpper = isWordScalar && scalar.properties.isUppercase
            }
            if isWordScalar {
                if start < 0 { start = offset; capitalized = isUpper; ascii = true }
                if length > 1 { ascii = false }
            } else {
                if start >= 0 {
                    let w = word(UnsafeBufferPointer(rebasing: b[start..<offset]), at: start, ascii: ascii, table: table, lowered: &lowered,
                                 quoted: quoted, capitalized: capitalized, afterPause: pause)
                    if firstFutureStart == nil, !quoted, w.flags.contains(.futureStart) { firstFutureStart = words.count }
                    words.append(w)
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
        return (quoted, firstFutureStart, asciiWords)
    }

    /// A word of the sentence, looked up in `ReadingWords.table`: an ASCII word's lower-cased bytes
    /// are in `lowered` at its own offsets already, any other word's are appended to it.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, ascii: Bool, table: WordTable<ReadingWords.Cue>,
                             lowered: inout [UInt8],
                             quoted: Bool, capitalized: Bool, afterPause: Bool) -> Word {
        var hash = WordHash.basis
        // A lower-cased letter beyond ASCII may be ASCII ("K", the Kelvin sign, is "k"); the table's words are ASCII.
        var isASCII = true
        let lower: Range<Int>
        if ascii {
            for c in bytes { hash = WordHash.mix(hash, c | (c &- 0x41 < 26 ? 0x20 : 0)) }
            lower = start..<(start + bytes.count)
        } else {
            let from = lowered.count
            for l in String(decoding: bytes, as: UTF8.self).lowercased().utf8 {
                lowered.append(l)
                hash = WordHash.mix(hash, l)
                if l >= 0x80 { isASCII = false }
            }
            lower = from..<lowered.count
        }
        var cue: Int32 = -1
        var flags: ReadingWords.Flags = []
        let entry = ascii ? table.index(lowerCasing: bytes, hash: WordHash.finish(hash))
            : !isASCII ? nil : lowered.withUnsafeBufferPointer {
                table.index(hash: WordHash.finish(hash), bytes: UnsafeBufferPointer(rebasing: $0[lower]))
            }
        if let e = entry {
            cue = Int32(e)
            flags = table.values[e].flags
        }
        if ascii ? ReadingWords.isRegularPastForm(ascii: bytes)
            : lowered.withUnsafeBufferPointer({ ReadingWords.isRegularPastForm(UnsafeBufferPointer(rebasing: $0[lower]), ascii: false) }) {
            flags.insert(.pastForm)
        }
        return Word(utf8Range: start..<(start + bytes.count), lower: lower, hash: hash, cue: cue, flags: flags, quoted: quoted,
                    capitalized: capitalized, afterPause: afterPause)
    }

    /// The lower-cased text of a word.
    func text(_ word: Word) -> Substring { Substring(String(decoding: lowered[word.lower], as: UTF8.self)) }

    /// Indices of the words outside quotations, up to `end`.
    private func unquoted(upTo end: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(end)
        for i in 0..<end where !words[i].quoted { out.append(i) }
        return out
    }

    /// The words outside quotations up to and including the reporting verb: the clause whose
    /// tense and mood say when the sentence's own happening is ("Jobs said that buyers will get
    /// a refund" is past).
    var mainClause: [Int] { unquoted(upTo: reportingVerb.map { $0 + 1 } ?? words.count) }

    /// Whether a strong-future phrase ("will", "is expected to") occurs in the main clause.
    var mainClauseIsFuture: Bool {
        let end = reportingVerb.map { $0 + 1 } ?? words.count
        guard let first = firstFutureStart, first < end else { return false }
        return TenseCues.hasStrongFuture(cues: mainClause.map { words[$0].cue })
    }

    /// The reporting verb as written, lower-cased.
    var reportingWord: Substring? { reportingVerb.map { text(words[$0]) } }

    /// The tense of the main clause: the reporting verb's when there is one ("did not say" is
    /// past, "will announce" future, "claims" present), else the first tense cue outside
    /// quotations, where "has" or "have" before any cue and not followed by a participle is the
    /// present ("it also has a new screen, dubbed …").
    func tense(using tagger: Tagger) -> Tense {
        if let v = reportingVerb { return ReportingCues.tense(of: words, verb: v) }
        let unquoted = unquoted(upTo: words.count)
        if let h = unquoted.firstIndex(where: { words[$0].flags.contains(.perfectAuxiliary) }),
           !PerfectCues.participleFollows(unquoted.map { words[$0] }, after: h),
           tense(of: unquoted[..<h], using: tagger) == .unknown {
            return .present
        }
        return tense(of: unquoted[...], using: tagger)
    }

    /// The tagger's tense of the words (indices into `words`) joined by spaces, joined as bytes.
    private func tense<Indices: Collection<Int>>(of indices: Indices, using tagger: Tagger) -> Tense {
        let count = indices.reduce(0) { $0 + words[$1].lower.count + 1 }
        return lowered.withUnsafeBufferPointer { lowered in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { joined in
                var n = 0
                for i in indices {
                    if n > 0 { joined[n] = 0x20; n += 1 }
                    for b in lowered[words[i].lower] { joined[n] = b; n += 1 }
                }
                let text = UnsafeBufferPointer(rebasing: joined[..<n])
                // ASCII words: the sentence's tokens of them are those of the text joined.
                guard hasASCIIWords, let tagged else { return tagger.tense(ofUTF8: text) }
                return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: indices.count) { ranges in
                    for (k, i) in indices.enumerated() { ranges[k] = words[i].utf8Range }
                    return tagger.tense(ofUTF8: text, words: UnsafeBufferPointer(ranges), taggedIn: tagged)
                }
            }
        }
    }

    /// Whether the sentence's first past form follows "has" or "have" (`PerfectCues.isPresentPerfect`).
    var isPresentPerfect: Bool { PerfectCues.isPresentPerfect(words) }

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
            let before = words.indices.prefix { words[$0].utf8Range.upperBound <= utf8Range.lowerBound }
            let phrase = before.suffix(from: before.lastIndex(where: { words[$0].afterPause }) ?? before.startIndex)
            return tense(of: phrase, using: tagger) == .unknown ? .saying : nil
        }
        let between = words.indices[(v + 1)...].prefix { words[$0].utf8Range.upperBound <= utf8Range.lowerBound }
        if between.contains(where: { words[$0].flags.contains(.that) }) || between.count > 6 { return .reported }
        if between.contains(where: { ReportingCues.auxiliary(words[$0]) != nil || words[$0].flags.contains(.copula) }) { return .reported }
        return tense(of: between, using: tagger) == .unknown ? .saying : .reported
    }

    /// A reporting clause set off after what was said: ", the ministry said.", "," said Jobs, "".
    func isTag(_ v: Int) -> Bool { ReportingCues.isTag(v, in: words) }
}

/// The words a sentence's reading looks for, from the tables of `ReportingCues`, `PerfectCues`
/// and `TenseCues`: one lookup per word when the sentence is scanned, and flags after that.
enum ReadingWords {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        /// `ReportingCues.alsoNouns`.
        static let alsoNoun = Flags(rawValue: 1 << 0)
        /// `ReportingCues.determiners`.
        static let determiner = Flags(rawValue: 1 << 1)
        /// `ReportingCues.pronouns`.
        static let pronoun = Flags(rawValue: 1 << 2)
        /// `PerfectCues.auxiliaries`.
        static let perfectAuxiliary = Flags(rawValue: 1 << 3)
        /// `PerfectCues.adverbs`.
        static let adverb = Flags(rawValue: 1 << 4)
        /// `PerfectCues.isPastForm`: an "-ed" form, an irregular past or a participle.
        static let pastForm = Flags(rawValue: 1 << 5)
        static let that = Flags(rawValue: 1 << 6)
        /// "is", "are", "be".
        static let copula = Flags(rawValue: 1 << 7)
        /// The first word of a strong-future phrase (`TenseCues.strongFuture`).
        static let futureStart = Flags(rawValue: 1 << 8)
        /// A reporting verb (`ReportingCues.table`).
        static let reporting = Flags(rawValue: 1 << 9)
        /// `ReportingCues.alsoTransitive`.
        static let alsoTransitive = Flags(rawValue: 1 << 10)
    }

    struct Cue: Sendable {
        /// A reporting verb's tense (`ReportingCues.table`).
        var reporting: Tense?
        /// An auxiliary's tense (`ReportingCues.auxiliaries`).
        var auxiliary: Tense?
        var flags: Flags = []
    }

    static let table: WordTable<Cue> = {
        var cues: [String: Cue] = [:]
        for (word, tense) in ReportingCues.table {
            cues[word, default: Cue()].reporting = tense
            cues[word, default: Cue()].flags.insert(.reporting)
        }
        for (word, tense) in ReportingCues.auxiliaries { cues[word, default: Cue()].auxiliary = tense }
        let sets: [(Set<String>, Flags)] = [
            (ReportingCues.alsoNouns, .alsoNoun), (ReportingCues.alsoTransitive, .alsoTransitive), (ReportingCues.determiners, .determiner), (ReportingCues.pronouns, .pronoun),
            (PerfectCues.auxiliaries, .perfectAuxiliary), (PerfectCues.adverbs, .adverb), (PerfectCues.irregularPast, .pastForm),
            (PerfectCues.participles, .pastForm), (["that"], .that), (["is", "are", "be"], .copula),
        ]
        for (words, flag) in sets { for word in words { cues[word, default: Cue()].flags.insert(flag) } }
        // Every word of a strong-future phrase, so phrases match by entry.
        for phrase in TenseCues.strongFutureWords {
            for (k, word) in phrase.enumerated() { cues[String(word), default: Cue()].flags.insert(k == 0 ? .futureStart : []) }
        }
        return WordTable(cues.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }()

    /// `isRegularPastForm` of an ASCII word as written (any case).
    @inline(__always)
    static func isRegularPastForm(ascii word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count > 3 && word[word.count - 1] | 0x20 == 0x64 && word[word.count - 2] | 0x20 == 0x65
    }

    /// An "-ed" past form: ends in "ed" and has more than three characters.
    static func isRegularPastForm(_ lower: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Bool {
        // A word ending in "d" ends in the byte "d" (checked first: counting characters is slower).
        guard lower.last == 0x64 else { return false }
        if ascii { return lower.count > 3 && lower[lower.count - 2] == 0x65 }
        let word = String(decoding: lower, as: UTF8.self)
        return word.count > 3 && word.hasSuffix("ed")
    }
}

extension DatedHappening {
    /// The note the explanation ends with: " (the date of the saying 'announced', not of what was announced)".
    /// `explanation` followed by the note, made in one allocation.
    func note(after explanation: String, verb: Substring) -> String {
        switch self {
        case .saying: String.concatenating(explanation[...], " (the date of the saying '", verb, "', not of what was reported)")
        case .reported: String.concatenating(explanation[...], " (the date of what was reported, not of the saying '", verb, "')")
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

    /// Forms that are also nouns ("earlier reports", "over claims of", "the thought of").
    static let alsoNouns: Set<String> = ["reports", "claims", "notes", "states", "thought", "says"]
    /// Forms that are as often a plain transitive verb, with an object and no clause: "Apple added
    /// audio recording to the Macintosh in the late 1980s", "the economy added 263,000 jobs in October".
    static let alsoTransitive: Set<String> = ["added", "adds"]
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
        // The flag first: most words are no reporting verb, and need no look into the table.
        for (i, w) in words.enumerated() where w.flags.contains(.reporting) && !w.quoted && !w.capitalized {
            let before = i > 0 ? words[i - 1] : nil
            if let before, before.flags.contains(.determiner) { continue }
            if w.flags.contains(.alsoNoun) {
                let after = i + 1 < words.count ? words[i + 1] : nil
                let subject = before.map { $0.capitalized || $0.flags.contains(.pronoun) } ?? false
                let clause = after.map { $0.flags.contains(.that) || $0.afterPause } ?? true
                guard subject || w.afterPause || clause else { continue }
            }
            // "added", "adds" say something only with a clause or a quotation after them ("added that …",
            // "added: "…"", "he added.") or set off after what was said (", he added").
            if w.flags.contains(.alsoTransitive), i + 1 < words.count, !words[i + 1].flags.contains(.that),
               !words[i + 1].afterPause, !words[i + 1].quoted, !isTag(i, in: words) { continue }
            return i
        }
        return nil
    }

    /// A reporting clause set off after what was said (`SentenceReading.isTag`).
    static func isTag(_ v: Int, in words: [SentenceReading.Word]) -> Bool {
        let start = max(0, v - 4)
        guard words[start...v].contains(where: \.afterPause) || v == 0 else { return false }
        let after = words[(v + 1)...].prefix { !$0.afterPause }
        return after.count <= 4 && !after.contains { $0.flags.contains(.that) }
    }

    /// The tense of the clause headed by the reporting verb at `verb`: an auxiliary among the
    /// three words before it decides ("has not yet said"), else the verb's own form.
    static func tense(of words: [SentenceReading.Word], verb: Int) -> Tense {
        for k in stride(from: verb - 1, through: max(0, verb - 3), by: -1) {
            if let t = auxiliary(words[k]) { return t }
        }
        return reporting(words[verb]) ?? .past
    }

    /// The word's tense as a reporting verb (`table`).
    static func reporting(_ w: SentenceReading.Word) -> Tense? { w.cue < 0 ? nil : ReadingWords.table.values[Int(w.cue)].reporting }

    /// The word's tense as an auxiliary (`auxiliaries`).
    static func auxiliary(_ w: SentenceReading.Word) -> Tense? { w.cue < 0 ? nil : ReadingWords.table.values[Int(w.cue)].auxiliary }
}
