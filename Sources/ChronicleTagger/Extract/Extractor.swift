/// Runs every rule family at every token that can start one of its expressions, collecting candidates.
///
/// The rule families are listed once, in `RuleFamily`; order does not matter because the refiner
/// chooses among overlapping candidates by length.
struct Extractor {
    func extract(_ s: TokenStream, into out: inout [Candidate]) {
        out.removeAll(keepingCapacity: true)
        let starts = RuleStarts.shared
        for i in 0..<s.count {
            let families = starts.families(at: s.tokens[i])
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
    case decade, holiday, set, partOfDay

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
        }
    }

    var bit: UInt16 { 1 << UInt16(rawValue) }
}

/// For each kind of first token, the bit set of rule families that can start there: built once from
/// the families' `FirstToken` declarations and the lexicon.
struct RuleStarts: Sendable {
    /// Per lexicon entry; zero for words that start nothing (the tense vocabulary, ordinal suffixes).
    let words: [UInt16]
    let digits: UInt16
    let apostrophe: UInt16

    init(lexicon: Lexicon) {
        var digits: UInt16 = 0, apostrophe: UInt16 = 0
        var words = [UInt16](repeating: 0, count: lexicon.entries.count)
        for family in RuleFamily.allCases {
            let first = family.firstToken
            if first.digits { digits |= family.bit }
            if first.apostrophe { apostrophe |= family.bit }
            for (k, info) in lexicon.entries.enumerated() where info.trigger && first.admits(info) {
                words[k] |= family.bit
            }
        }
        self.words = words
        self.digits = digits
        self.apostrophe = apostrophe
    }

    /// The families that can start at token `t` (of a text tokenized with this table's lexicon).
    @inline(__always) func families(at t: Token) -> UInt16 {
        switch t.kind {
        case .number: digits
        case .word: t.word < 0 ? 0 : words[Int(t.word)]
        case .punct: t.value == 0x27 ? apostrophe : 0
        }
    }

    /// The table of the shared lexicon, the one every `Tagger` reads.
    static let shared = RuleStarts(lexicon: .shared)
}
