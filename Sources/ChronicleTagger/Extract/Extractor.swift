/// Runs every rule family at every token that can start an expression, collecting candidates.
///
/// The rule families, in one place; order does not matter because the refiner chooses among
/// overlapping candidates by length.
struct Extractor {
    typealias Rule = @Sendable (TokenStream, Int, inout [Candidate]) -> Void

    static let rules: [Rule] = [
        AbsoluteDateRule.match, YearRule.match, WeekdayRule.match, RelativeDayRule.match, RelativeUnitRule.match,
        DurationRule.match, ClockTimeRule.match, ReferenceRule.match, QuarterRule.match, SeasonRule.match,
        DecadeRule.match, HolidayRule.match, SetRule.match, PartOfDayRule.match,
    ]

    func extract(_ s: TokenStream, into out: inout [Candidate]) {
        out.removeAll(keepingCapacity: true)
        let rules = Extractor.rules
        for i in 0..<s.count {
            let t = s.tokens[i]
            // only numbers, known words and apostrophes ("'90s") can start an expression
            if t.kind == .word && (t.word < 0 || !s.lexicon.triggers[Int(t.word)]) { continue }
            if t.kind == .punct && t.value != 0x27 { continue }
            for rule in rules { rule(s, i, &out) }
        }
    }
}
