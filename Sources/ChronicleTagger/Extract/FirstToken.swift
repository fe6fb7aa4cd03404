/// The readings of a lexicon word, one bit per word table (a word may have several: "may", "second").
struct WordReadings: OptionSet, Sendable {
    let rawValue: UInt16
    static let month = WordReadings(rawValue: 1 << 0)
    static let weekday = WordReadings(rawValue: 1 << 1)
    static let number = WordReadings(rawValue: 1 << 2)
    static let ordinal = WordReadings(rawValue: 1 << 3)
    static let unit = WordReadings(rawValue: 1 << 4)
    static let partOfDay = WordReadings(rawValue: 1 << 5)
    static let season = WordReadings(rawValue: 1 << 6)
    static let holiday = WordReadings(rawValue: 1 << 7)
    static let reference = WordReadings(rawValue: 1 << 8)
    static let frequency = WordReadings(rawValue: 1 << 9)
    static let dayOffset = WordReadings(rawValue: 1 << 10)
    static let decade = WordReadings(rawValue: 1 << 11)
}

extension WordInfo {
    /// The word tables this word belongs to.
    var readings: WordReadings {
        var r: WordReadings = []
        if month > 0 { r.insert(.month) }
        if weekday != nil { r.insert(.weekday) }
        if number != nil { r.insert(.number) }
        if ordinal != nil { r.insert(.ordinal) }
        if unit != nil { r.insert(.unit) }
        if partOfDay != nil { r.insert(.partOfDay) }
        if season != nil { r.insert(.season) }
        if isHolidayHead { r.insert(.holiday) }
        if reference != nil { r.insert(.reference) }
        if frequency != nil { r.insert(.frequency) }
        if dayOffset != nil { r.insert(.dayOffset) }
        if decade != nil { r.insert(.decade) }
        return r
    }
}

/// What the first token of a rule's match can be, declared by each rule from the word tables and
/// keywords it reads at that token: the extractor calls a rule only where its first token fits.
///
/// A declaration may admit more than the rule matches (it is a quick rejection), never less;
/// `FirstTokenTests` runs every rule at every token the declaration rejects and expects nothing.
struct FirstToken: Sendable {
    /// A digit run ("15", "2025", "1990s").
    var digits = false
    /// An apostrophe ("'90s", "'89").
    var apostrophe = false
    /// A hyphen ("the-quarter" after "the").
    var hyphen = false
    /// Words of these tables.
    var readings: WordReadings = []
    var keywords: [Keyword] = []
    /// Words the rule compares by spelling ("Q3", "FY2025"); after "the", also words outside the lexicon
    /// ("the moment").
    var spellings: [String] = []

    /// Whether a word with lexicon entry `info` can start the rule's match.
    func admits(_ info: WordInfo) -> Bool {
        if !readings.isDisjoint(with: info.readings) { return true }
        if let k = info.keyword, keywords.contains(k) { return true }
        return spellings.contains(info.spelling)
    }

    /// Either declaration's first tokens (a rule that tries two readers at its first token).
    func union(_ other: FirstToken) -> FirstToken {
        FirstToken(digits: digits || other.digits, apostrophe: apostrophe || other.apostrophe, hyphen: hyphen || other.hyphen,
                   readings: readings.union(other.readings), keywords: keywords + other.keywords,
                   spellings: spellings + other.spellings)
    }
}
