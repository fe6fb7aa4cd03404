/// Runs every rule family at every token that can start an expression, collecting candidates.
///
/// The rule families, in one place; order does not matter because the refiner chooses among
/// overlapping candidates by length.
struct Extractor {
    func extract(_ s: TokenStream, into out: inout [Candidate]) {
        out.removeAll(keepingCapacity: true)
        for i in 0..<s.count {
            let t = s.tokens[i]
            // only numbers, known words and apostrophes ("'90s") can start an expression
            if t.kind == .word && (t.word < 0 || !s.lexicon.triggers[Int(t.word)]) { continue }
            if t.kind == .punct && t.value != 0x27 { continue }
            Self.matchRules(s, i, &out)
        }
    }

    /// Every rule family at token `i`. Called directly, not through a table of closures: a closure
    /// is retained and released at each call, for every rule at every token that may start an expression.
    @inline(__always)
    static func matchRules(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        AbsoluteDateRule.match(s, i, &out)
        YearRule.match(s, i, &out)
        WeekdayRule.match(s, i, &out)
        RelativeDayRule.match(s, i, &out)
        RelativeUnitRule.match(s, i, &out)
        DurationRule.match(s, i, &out)
        ClockTimeRule.match(s, i, &out)
        ReferenceRule.match(s, i, &out)
        QuarterRule.match(s, i, &out)
        SeasonRule.match(s, i, &out)
        DecadeRule.match(s, i, &out)
        HolidayRule.match(s, i, &out)
        SetRule.match(s, i, &out)
        PartOfDayRule.match(s, i, &out)
    }
}
