import ChronicleTime

/// Everything the lexicon knows about one lower-cased word, merged from the word tables.
///
/// A word may belong to several tables ("may" is a month, "second" an ordinal and a unit,
/// "fall" a season); rules ask for the reading they need.
struct WordInfo: Sendable {
    /// The word itself, kept inline (up to 32 bytes) so that a `WordInfo` holds no reference: the
    /// rules copy one at nearly every token, and copying a string would retain and release it.
    private var spellingBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var spellingCount: UInt8 = 0

    var spelling: String {
        withUnsafeBytes(of: spellingBytes) { String(decoding: $0.prefix(Int(spellingCount)), as: UTF8.self) }
    }

    init(spelling: String) {
        let utf8 = Array(spelling.utf8)
        precondition(utf8.count <= 32, "lexicon words have at most 32 bytes: \(spelling)")
        withUnsafeMutableBytes(of: &spellingBytes) { $0.copyBytes(from: utf8) }
        spellingCount = UInt8(utf8.count)
    }

    var month: Int = 0
    /// The month spelling is an abbreviation that may carry a full stop ("Sept.").
    var monthAbbreviation = false
    var weekday: Weekday?
    var weekdayPlural = false
    var number: Int?
    var ordinal: Int?
    var unit: TimeUnit?
    var unitPlural = false
    var partOfDay: PartOfDayWord?
    var season: Season?
    var keyword: Keyword?
    /// The first word of a holiday's name ("Easter", "Bonfire").
    var isHolidayHead = false
    var reference: ReferenceWord?
    var frequency: FrequencyWord?
    /// Days from the publication date ("yesterday" = -1).
    var dayOffset: Int?
    /// The tens digit of a decade word ("nineties" = 9).
    var decade: Int?
    /// The word can start an expression (all but the tense vocabulary).
    var trigger = false
    /// Tense vocabulary (`TenseWords`): the tense a verb or adverb signals, and flags.
    var tense: Tense?
    var tenseFlags: TenseFlags = []
}

/// The merged word tables: one hash lookup per word token (open addressing on the FNV-1a hash
/// the tokenizer computes while scanning, so no string is built).
struct Lexicon: Sendable {
    private(set) var entries: [WordInfo] = []
    private var index: [UInt64: Int32] = [:]
    private var slots: [UInt64] = []
    private var slotValues: [Int32] = []
    private var mask = 0

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func mix(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func hash(_ word: String) -> UInt64 {
        var h = hashSeed
        for b in word.utf8 {
            h = mix(h, (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
        }
        return h
    }

    /// Whether `word` is a modal or planning verb that counts only weakly as a tense cue.
    func isWeakModal(_ word: String) -> Bool {
        let id = lookup(Lexicon.hash(word))
        return id >= 0 && entries[Int(id)].tenseFlags.contains(.weakModal)
    }

    /// Whether `word` reports a commitment already made ("agreed", "promised").
    func isPastCommitment(_ word: String) -> Bool {
        let id = lookup(Lexicon.hash(word))
        return id >= 0 && entries[Int(id)].tenseFlags.contains(.pastCommitment)
    }

    @inline(__always) func lookup(_ hash: UInt64) -> Int32 {
        var k = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let key = slots[k]
            if key == hash { return slotValues[k] }
            if key == 0 { return -1 }
            k = (k + 1) & mask
        }
    }

    /// Builds the open-addressing table once all words are in.
    private mutating func seal() {
        var capacity = 64
        while capacity < entries.count * 4 { capacity *= 2 }
        mask = capacity - 1
        slots = [UInt64](repeating: 0, count: capacity)
        slotValues = [Int32](repeating: -1, count: capacity)
        for (hash, id) in index {
            var k = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[k] != 0 { k = (k + 1) & mask }
            slots[k] = hash
            slotValues[k] = id
        }
    }

    func info(_ word: String) -> WordInfo? {
        guard let i = index[Lexicon.hash(word)] else { return nil }
        return entries[Int(i)]
    }

    /// Adds a word or updates its entry; `trigger` words can start an expression.
    mutating func add(_ word: String, trigger: Bool = true, _ update: (inout WordInfo) -> Void) {
        let h = Lexicon.hash(word)
        if let i = index[h] {
            precondition(entries[Int(i)].spelling == word, "lexicon hash collision: \(word) / \(entries[Int(i)].spelling)")
            update(&entries[Int(i)])
            if trigger { entries[Int(i)].trigger = true }
        } else {
            var info = WordInfo(spelling: word)
            update(&info)
            info.trigger = trigger
            index[h] = Int32(entries.count)
            entries.append(info)
        }
    }

    /// The lexicon built from every word table, once per process.
    static let shared: Lexicon = {
        var lex = Lexicon()
        for (word, m, abbreviation) in MonthWords.table {
            lex.add(word) { $0.month = m; $0.monthAbbreviation = abbreviation }
        }
        for (word, day, plural) in WeekdayWords.table {
            lex.add(word) { $0.weekday = day; $0.weekdayPlural = plural }
        }
        for (word, n) in NumberWords.cardinals { lex.add(word) { $0.number = n } }
        for (word, n) in NumberWords.ordinals { lex.add(word) { $0.ordinal = n } }
        for (word, unit, plural) in TimeUnit.table {
            lex.add(word) { $0.unit = unit; $0.unitPlural = plural }
        }
        for (word, part) in PartOfDayWord.table { lex.add(word) { $0.partOfDay = part } }
        for (word, season) in SeasonWords.table { lex.add(word) { $0.season = season } }
        for k in Keyword.allCases { lex.add(k.rawValue) { $0.keyword = k } }
        for (word, k) in KeywordSynonyms.table { lex.add(word) { $0.keyword = k } }
        for word in Holiday.headWords { lex.add(word) { $0.isHolidayHead = true } }
        for r in ReferenceWord.allCases { lex.add(r.rawValue) { $0.reference = r } }
        for f in FrequencyWord.allCases { lex.add(f.rawValue) { $0.frequency = f } }
        for (word, offset, _) in RelativeDayWord.table { lex.add(word) { $0.dayOffset = offset } }
        // ordinal suffixes are read by the rules; the letters of quarter, half and fiscal-year codes ("Q3", "H1",
        // "FY2025") start them
        for word in NumberWords.ordinalSuffixes { lex.add(word, trigger: false) { _ in } }
        for word in ["q", "h", "fy"] { lex.add(word) { _ in } }
        for (word, tens) in NumberWords.decades { lex.add(word) { $0.decade = tens } }
        // read by the decade rule after "the" ("the swinging sixties"): in the lexicon, so that only they wake it there
        for word in NumberWords.decadeEpithets { lex.add(word, trigger: false) { _ in } }
        for (word, tense) in TenseWords.cues { lex.add(word, trigger: false) { $0.tense = tense } }
        for (words, flag) in TenseWords.flags {
            for word in words { lex.add(word, trigger: false) { $0.tenseFlags.insert(flag) } }
        }
        lex.seal()
        return lex
    }()
}
