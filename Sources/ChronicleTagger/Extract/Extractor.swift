/// Runs every rule family at every token that can start one of its expressions, collecting candidates.
///
/// The rule families are listed once, in `RuleFamily`; order does not matter because the refiner
/// chooses among overlapping candidates by length.
struct Extractor {
    func extract(_ s: TokenStream, into out: inout [Candidate]) {
        out.removeAll(keepingCapacity: true)
        let starts = RuleStarts.shared
        for i in 0..<s.count {
            let families = starts.families(s, i)
            if families != 0 { Self.matchRules(s, i, families, &out) }
        }
    }

    /// The families of bit set `families` at token `i`, in `RuleFamily` order.
    @inline(__always)
    static func matchRules(_ s: TokenStream, _ i: Int, _ families: UInt16, _ out: inout [Candidate]) {
        var rest = families
        while rest != 0 {
            let family = RuleFamily(rawValue: UInt8(rest.trailingZeroBitCount))!
            rest &= rest - 1
            family.match(s, i, &out)
        }
    }
}

/// The rule families, each with its matcher and the declaration of its first token.
enum RuleFamily: UInt8, CaseIterable {
    case absoluteDate, year, weekday, relativeDay, relativeUnit, duration, clockTime, reference, quarter, season
    case decade, holiday, set, partOfDay, anaphora

    /// Called directly, not through a table of closures: a closure is retained and released at
    /// each call, for every rule at every token that may start an expression.
    @inline(__always)
    func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        switch self {
        case .absoluteDate: AbsoluteDateRule.match(s, i, &out)
        case .year: YearRule.match(s, i, &out)
        case .weekday: WeekdayRule.match(s, i, &out)
        case .relativeDay: RelativeDayRule.match(s, i, &out)
        case .relativeUnit: RelativeUnitRule.match(s, i, &out)
        case .duration: DurationRule.match(s, i, &out)
        case .clockTime: ClockTimeRule.match(s, i, &out)
        case .reference: ReferenceRule.match(s, i, &out)
        case .quarter: QuarterRule.match(s, i, &out)
        case .season: SeasonRule.match(s, i, &out)
        case .decade: DecadeRule.match(s, i, &out)
        case .holiday: HolidayRule.match(s, i, &out)
        case .set: SetRule.match(s, i, &out)
        case .partOfDay: PartOfDayRule.match(s, i, &out)
        case .anaphora: AnaphoraRule.match(s, i, &out)
        }
    }

    var firstToken: FirstToken {
        switch self {
        case .absoluteDate: AbsoluteDateRule.firstToken
        case .year: YearRule.firstToken
        case .weekday: WeekdayRule.firstToken
        case .relativeDay: RelativeDayRule.firstToken
        case .relativeUnit: RelativeUnitRule.firstToken
        case .duration: DurationRule.firstToken
        case .clockTime: ClockTimeRule.firstToken
        case .reference: ReferenceRule.firstToken
        case .quarter: QuarterRule.firstToken
        case .season: SeasonRule.firstToken
        case .decade: DecadeRule.firstToken
        case .holiday: HolidayRule.firstToken
        case .set: SetRule.firstToken
        case .partOfDay: PartOfDayRule.firstToken
        case .anaphora: AnaphoraRule.firstToken
        }
    }

    /// For families that can start at "the": what the word after it can be. Most "the" is followed by a
    /// noun no rule reads ("the government"), so this spares most families most of the time.
    var afterThe: FirstToken? {
        switch self {
        case .year: YearRule.afterThe
        case .weekday: WeekdayRule.afterThe
        case .relativeDay: RelativeDayRule.afterThe
        case .relativeUnit: RelativeUnitRule.afterThe
        case .duration: DurationRule.afterThe
        case .reference: ReferenceRule.afterThe
        case .quarter: QuarterRule.afterThe
        case .season: SeasonRule.afterThe
        case .decade: DecadeRule.afterThe
        case .partOfDay: PartOfDayRule.afterThe
        case .absoluteDate, .clockTime, .holiday, .set, .anaphora: nil
        }
    }

    var bit: UInt16 { 1 << UInt16(rawValue) }
}

/// For each kind of token, the bit set of rule families that can start there: built once from the
/// families' `FirstToken` declarations and the lexicon.
struct RuleStarts: Sendable {
    /// The families a token admits, by kind of token.
    struct Table: Sendable {
        /// Per lexicon entry.
        var words: [UInt16]
        var otherWords: UInt16 = 0
        var digits: UInt16 = 0
        var apostrophe: UInt16 = 0
        var hyphen: UInt16 = 0

        init(entries: Int) { words = [UInt16](repeating: 0, count: entries) }

        /// Adds `family` to the tokens `first` admits; `triggersOnly`: only words that can start an expression.
        mutating func add(_ family: RuleFamily, _ first: FirstToken, lexicon: Lexicon, triggersOnly: Bool) {
            if first.digits { digits |= family.bit }
            if first.apostrophe { apostrophe |= family.bit }
            if first.hyphen { hyphen |= family.bit }
            for (k, info) in lexicon.entries.enumerated() where (info.trigger || !triggersOnly) && first.admits(info) {
                words[k] |= family.bit
            }
            if !triggersOnly, first.spellings.contains(where: { lexicon.info($0) == nil }) { otherWords |= family.bit }
        }

        @inline(__always) func families(_ t: Token) -> UInt16 {
            switch t.kind {
            case .number: digits
            case .word: t.word < 0 ? otherWords : words[Int(t.word)]
            case .punct: t.value == 0x27 ? apostrophe : t.value == 0x2D ? hyphen : 0
            }
        }
    }

    /// At the first token; zero for words that start nothing (the tense vocabulary, ordinal suffixes).
    let first: Table
    /// At the token after "the", for the families with an `afterThe` declaration.
    let afterThe: Table
    /// The families with an `afterThe` declaration.
    let theFamilies: UInt16
    /// The lexicon entry of "the".
    let the: Int32

    init(lexicon: Lexicon) {
        var first = Table(entries: lexicon.entries.count), afterThe = Table(entries: lexicon.entries.count)
        var theFamilies: UInt16 = 0
        for family in RuleFamily.allCases {
            first.add(family, family.firstToken, lexicon: lexicon, triggersOnly: true)
            if let next = family.afterThe {
                afterThe.add(family, next, lexicon: lexicon, triggersOnly: false)
                theFamilies |= family.bit
            }
        }
        self.first = first
        self.afterThe = afterThe
        self.theFamilies = theFamilies
        self.the = lexicon.lookup(Lexicon.hash(Keyword.the.rawValue))
    }

    /// The families that can start at token `i` of `s` (a text tokenized with this table's lexicon).
    @inline(__always) func families(_ s: TokenStream, _ i: Int) -> UInt16 {
        let t = s.tokens[i]
        let families = first.families(t)
        guard t.word == the else { return families }
        // "the": only the families the next word can follow
        let next = i + 1 < s.count ? afterThe.families(s.tokens[i + 1]) : 0
        return families & ~theFamilies | families & next
    }

    /// The table of the shared lexicon, the one every `Tagger` reads.
    static let shared = RuleStarts(lexicon: .shared)
}
