import ChronicleTime

/// Everything the lexicon knows about one lower-cased word, merged from the word tables.
///
/// A word may belong to several tables ("may" is a month, "second" an ordinal and a unit,
/// "fall" a season); rules ask for the reading they need.
struct WordInfo: Sendable {
    var spelling: String
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
    var holiday: Holiday?
    var reference: ReferenceWord?
    var frequency: FrequencyWord?
    /// Days from the publication date ("yesterday" = -1).
    var dayOffset: Int?
    /// The tens digit of a decade word ("nineties" = 9).
    var decade: Int?
}

/// The merged word tables: one hash lookup per word token.
struct Lexicon: Sendable {
    private(set) var entries: [WordInfo] = []
    private var index: [UInt64: Int32] = [:]

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

    @inline(__always) func lookup(_ hash: UInt64) -> Int32 { index[hash] ?? -1 }

    func info(_ word: String) -> WordInfo? {
        guard let i = index[Lexicon.hash(word)] else { return nil }
        return entries[Int(i)]
    }

    mutating func add(_ word: String, _ update: (inout WordInfo) -> Void) {
        let h = Lexicon.hash(word)
        if let i = index[h] {
            precondition(entries[Int(i)].spelling == word, "lexicon hash collision: \(word) / \(entries[Int(i)].spelling)")
            update(&entries[Int(i)])
        } else {
            var info = WordInfo(spelling: word)
            update(&info)
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
        for h in Holiday.allCases { lex.add(h.headWord) { $0.holiday = h } }
        for r in ReferenceWord.allCases { lex.add(r.rawValue) { $0.reference = r } }
        for f in FrequencyWord.allCases { lex.add(f.rawValue) { $0.frequency = f } }
        for (word, offset, _) in RelativeDayWord.table { lex.add(word) { $0.dayOffset = offset } }
        // ordinal suffixes and the letters of quarter and half codes ("Q3", "H1") start rules too
        for word in NumberWords.ordinalSuffixes.union(["q", "h"]) { lex.add(word) { _ in } }
        for (word, tens) in NumberWords.decades { lex.add(word) { $0.decade = tens } }
        return lex
    }()
}
