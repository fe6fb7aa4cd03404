import ChronicleTime

/// The day the story gave each kind of happening ("was shot to death last Oct. 23"). A clock time told of later
/// in the past tense beside the same kind of happening ("was shot to death at 10 p.m.", "spotted the car at 6 a.m.
/// ten days before the shooting", "10 days before the murder") is on that day, or counted from it, not on the
/// publication day nor the day the account last named.
struct EventDays: Sendable {
    private var days: [Int: CivilDate] = [:]

    /// Records `day`, stated in full before publication in a past-tense sentence, for the happening it qualifies
    /// ("the Oct. 23 killing") or else the one named nearest before it in that sentence ("shot to death last
    /// Oct. 23"; "arrested on May 3 in the killing" dates the arrest).
    mutating func record(_ s: TokenStream, first: Int, end: Int, day: CivilDate) {
        if !s.capitalized(end), let k = EventWords.kind(s, end) {
            days[k] = day
            return
        }
        var j = first - 1
        while j >= 0, !s.sentenceBreak(before: j + 1) {
            if let k = EventWords.kind(s, j) {
                days[k] = day
                return
            }
            j -= 1
        }
    }

    /// The day of a clock time without a day at `first..<end`, when its sentence names a dated happening:
    /// "<N> days before/after the <happening>" counts from that happening's day, a plain mention is on it.
    func clockDay(_ s: TokenStream, first: Int, end: Int) -> (day: CivilDate, why: String)? {
        guard !days.isEmpty else { return nil }
        var start = first
        while start > 0, !s.sentenceBreak(before: start) { start -= 1 }
        var stop = end
        while stop < s.count, !s.sentenceBreak(before: stop) { stop += 1 }
        var plain: (CivilDate, String)?
        for j in start..<stop where j < first || j >= end {
            guard let k = EventWords.kind(s, j), let day = days[k] else { continue }
            // "ten days before the shooting", "10 days before his murder"
            let head = s.isKeyword(j - 1, .the) || s.isWord(j - 1) && PronounWords.possessives.contains(s.lowerWord(j - 1)) ? j - 1 : j
            if s.isKeyword(head - 1, .before, .after), let unit = s.info(head - 2)?.unit, unit == .day || unit == .week,
               let q = Quantity.read(s, head - 3, allowVague: false), q.end == head - 2, let n = q.amount, n == n.rounded(), j >= end {
                let shift = Int(n) * (unit == .week ? 7 : 1) * (s.isKeyword(head - 1, .before) ? -1 : 1)
                return (day.adding(days: shift), "\(day), the day of the '\(s.lowerWord(j))', moved \(shift) day(s)")
            }
            if plain == nil { plain = (day, "\(day), the day of the '\(s.lowerWord(j))'") }
        }
        return plain.map { (day: $0.0, why: $0.1) }
    }

    /// The day the story gave the kind of happening the word at `j` names ("his death" after "the Oct. 23 killing").
    func day(_ s: TokenStream, _ j: Int) -> CivilDate? {
        EventWords.kind(s, j).flatMap { days[$0] }
    }

    /// Whether an extracted value states a day in full or by month and day ("Oct. 23", "the night of Oct. 23"):
    /// a day the story gives a happening, not one counted ("two days later") or named by weekday.
    static func statesDay(_ e: Extracted) -> Bool {
        switch e {
        case .monthDay: return true
        case .stated(let v): return v.grain == .day
        case .partOfDay(let inner, _), .clock(let inner?, _, _): return statesDay(inner)
        default: return false
        }
    }
}
