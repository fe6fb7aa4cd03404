import ChronicleTime

/// Chooses among overlapping candidates (longest wins, then earliest), then widens the chosen
/// ones over the modifiers TimeML puts inside the span: "early", "late", "mid-", "the end of",
/// "about", "more than", "up to", "at least".
struct Refiner {
    func refine(_ s: TokenStream, _ candidates: [Candidate]) -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        let order = candidates.indices.sorted { a, b in
            let ca = candidates[a], cb = candidates[b]
            let la = ca.end - ca.first, lb = cb.end - cb.first
            if la != lb { return la > lb }
            if ca.first != cb.first { return ca.first < cb.first }
            return ca.type == .set && cb.type != .set
        }
        // token occupancy over the candidates' extent, so overlap checks stay linear
        let low = candidates.map(\.first).min()!, high = candidates.map(\.end).max()!
        var occupied = [Bool](repeating: false, count: high - low)
        var taken: [Candidate] = []
        for k in order {
            let c = candidates[k]
            if isCompoundHead(s, c.end) { continue }
            if occupied[(c.first - low)..<(c.end - low)].contains(true) { continue }
            for t in (c.first - low)..<(c.end - low) { occupied[t] = true }
            if isQuotedTitle(s, c) { continue }
            taken.append(c)
        }
        taken.sort { $0.first < $1.first }
        // "at 10:30 a.m. on Monday", "at 5 p.m., New York time, on June 27": a time of day takes the day named right after it
        for n in taken.indices.dropLast() {
            let on = s.isPunct(taken[n].end, 0x2C) ? taken[n].end + 1 : taken[n].end
            // ("at noon that Saturday": the account's weekday right after it)
            let thatDay = if case .weekday(_, .that) = taken[n + 1].value { taken[n + 1].first == taken[n].end } else { false }
            if case .clock(nil, let h, let m) = taken[n].value, thatDay || s.isKeyword(on, .on) && taken[n + 1].first == on + 1,
               isNamedDay(taken[n + 1].value) {
                taken[n].value = .clock(taken[n + 1].value, hour: h, minute: m)
            }
        }
        appose(s, &taken)
        var previousEnd = 0
        for n in taken.indices {
            widen(s, &taken[n], limit: previousEnd)
            previousEnd = taken[n].end
        }
        return taken
    }

    /// NBC's "Today", on "This Morning." in mid-sentence: a capitalised expression that is the whole of a quotation
    /// opened after a word is a title ("Today," he said: a quotation that opens the sentence is speech).
    private func isQuotedTitle(_ s: TokenStream, _ c: Candidate) -> Bool {
        guard s.isPunct(c.first - 1, 0x22), s.isWord(c.first - 2), s.capitalized(c.first) else { return false }
        return s.isPunct(c.end, 0x22) || (s.isPunct(c.end, 0x2E) || s.isPunct(c.end, 0x2C)) && s.isPunct(c.end + 1, 0x22)
    }

    /// "quarter-to-quarter", "year-to-year": the first half of an adjective of comparison, not a period.
    private func isCompoundHead(_ s: TokenStream, _ end: Int) -> Bool {
        s.isGluedPunct(end, 0x2D) && s.isSpelled(end + 1, "to") && s.glued(end + 1) && s.isGluedPunct(end + 2, 0x2D)
    }

    /// Takes in a modifier in front of the candidate, never past `limit` (the previous expression).
    private func widen(_ s: TokenStream, _ c: inout Candidate, limit: Int) {
        let i = c.first
        guard i - 1 >= limit else { return }
        if c.type == .duration {
            if let (mod, start) = quantityModifier(s, i), start >= limit, c.mod == nil || c.mod == .approx {
                c.mod = mod
                c.first = start
            } else if s.isKeyword(i - 1, .about, .around, .approximately, .roughly) {
                c.mod = .approx  // approximate, though TimeBank keeps the word outside the span
            }
            return
        }
        guard c.type == .date || c.type == .time else { return }
        // "nearly two weeks ago", "more than four decades ago"
        if case .offset = c.value, let (_, start) = quantityModifier(s, i), start >= limit {
            c.mod = .approx
            c.first = start
            return
        }
        // "nearly an hour later", "about two hours later" (kept when the resolver makes it a duration), "about an hour ago"
        if isClockAmount(c.value) {
            if let (mod, start) = quantityModifier(s, i), start >= limit {
                c.mod = mod
                c.first = start
            } else if s.isKeyword(i - 1, .about, .around, .approximately, .roughly) {
                c.mod = .approx
            }
            return
        }
        if case .stated(.reference) = c.value {
            return
        }
        // "around Nov. 1", "around 7:15 p.m.", "about two years ago", "circa 1665", "c. 1665": an approximate point
        // (TimeBank takes the word into the span, as it does not for an amount); "at about 10:35 a.m." keeps
        // "about" out. Not a verb's particle before a date that qualifies a noun ("get around Wednesday's ruling").
        var ago = false
        if case .offset = c.value { ago = true }
        if !s.isPossessive(c.end), let start = approximator(s, before: i, anyAbout: ago), start >= limit {
            c.mod = .approx
            if ago || !s.isKeyword(start, .about) { c.first = start }
            return
        }
        // "early 1990", "late Friday", "mid-November", "mid 1990s" (not "came two weeks late this year": the
        // adverb after an amount of time is the amount's)
        if s.isKeyword(i - 1, .early) || s.isKeyword(i - 1, .late), s.info(i - 2)?.unit == nil {
            c.mod = s.isKeyword(i - 1, .early) ? .start : .end
            c.first = i - 1
            if s.isKeyword(i - 2, .the), takesArticle(c.value) { /* "the early 1990s" */ c.first = i - 2 }
            return
        }
        // "end-March", "end-2024": business English for the end of a month or year
        if s.isGluedPunct(i - 1, 0x2D), s.isKeyword(i - 2, .mid, .early, .late, .end), i - 2 >= limit {
            c.mod = s.isKeyword(i - 2, .mid) ? .mid : s.isKeyword(i - 2, .early) ? .start : .end
            c.first = i - 2
            if s.isKeyword(i - 3, .the), i - 3 >= limit, takesArticle(c.value) { c.first = i - 3 }
            return
        }
        if s.isKeyword(i - 1, .mid) {
            c.mod = .mid
            c.first = i - 1
            return
        }
        // "the first half of April", "the latter half of March", "the last half of the '80s": the start or end of a
        // month or decade, as TimeBank writes the last (`198`, END); a year's half is `QuarterRule`'s (`2025-H2`)
        if let (mod, start) = halfOf(s, before: i), start >= limit, isMonthOrDecade(c.value) {
            c.mod = mod
            c.first = start
            return
        }
        // "the end of 1990", "the beginning of the year", "the middle of next week", "the start of March"
        if s.isKeyword(i - 1, .of), s.isKeyword(i - 2, .end, .beginning, .start, .middle), i - 2 >= limit {
            c.mod = s.isKeyword(i - 2, .end) ? .end : s.isKeyword(i - 2, .middle) ? .mid : .start
            c.first = s.isKeyword(i - 3, .the) && i - 3 >= limit ? i - 3 : i - 2
            return
        }
        // "the day before last Tuesday's hearing", "the day after Christmas": one day off a named day
        if s.isKeyword(i - 1, .before, .after), s.info(i - 2)?.unit == .day, s.info(i - 2)?.unitPlural == false,
           s.isKeyword(i - 3, .the), i - 3 >= limit, isNamedDay(c.value) {
            c.value = .movedBy(c.value, .day, s.isKeyword(i - 1, .before) ? -1 : 1)
            c.first = i - 3
            return
        }
        // "sometime next year"
        if s.isSpelled(i - 1, "sometime") { c.first = i - 1 }
        // "earlier yesterday", "later Sunday": a part of a named day
        if s.isKeyword(i - 1, .earlier, .later), isDay(c.value) {
            c.mod = s.isKeyword(i - 1, .earlier) ? .start : .end
            c.first = i - 1
        }
    }

    /// "Oct. 12, the day before the stock market plunge", "Monday, the first day of the trial", "Nov. 7, the eve of
    /// the vote": a day put beside a named day is that day. Adds "the day" (the head noun phrase, not the clause
    /// after it) with the value `.anaphor(.apposed)`; a count from the happening at the same place gives way to it.
    private func appose(_ s: TokenStream, _ taken: inout [Candidate]) {
        var n = 0
        while n < taken.count {
            let comma = taken[n].end
            n += 1
            guard s.isPunct(comma, 0x2C), s.isKeyword(comma + 1, .the), isNamedDay(taken[n - 1].value) || isDayOffset(taken[n - 1].value),
                  let end = apposedDay(s, comma + 1) else { continue }
            if n < taken.count, taken[n].first < end {
                guard case .anaphor(.happening) = taken[n].value, taken[n].first == comma + 1 else { continue }
                taken.remove(at: n)
            }
            taken.insert(Candidate(comma + 1, end, .anaphor(.apposed), rule: .narrative, note: "put beside the day before it"), at: n)
            n += 1
        }
    }

    /// The end of the day phrase an apposition opens at "the" (`j`): "the day" before "before", "after", "of",
    /// "when", "that" or a clause ("the day the market fell", "the day Kennedy died"); "the eve" before "of";
    /// "the first day" before "of".
    private func apposedDay(_ s: TokenStream, _ j: Int) -> Int? {
        if s.isSpelled(j + 1, "eve") { return s.isKeyword(j + 2, .of) ? j + 2 : nil }
        var head = j + 1
        if s.info(head)?.ordinal != nil || s.isKeyword(head, .last, .first, .final) { head += 1 }
        guard let info = s.info(head), info.unit == .day, !info.unitPlural, !s.glued(head), s.isWord(head + 1) else { return nil }
        if head > j + 1 { return s.isKeyword(head + 1, .of) ? head + 1 : nil }
        // "the day before yesterday" is a day of its own
        if s.info(head + 2)?.dayOffset != nil { return nil }
        if s.isKeyword(head + 1, .before, .after, .of, .when, .that, .the, .a, .an) { return head + 1 }
        // a clause whose subject is a name or a pronoun: "the day Kennedy died", "the day he resigned"
        if s.capitalized(head + 1), s.keyword(head + 1) == nil, s.info(head + 1) == nil { return head + 1 }
        return Refiner.clauseSubjects.contains(s.lowerWord(head + 1)) ? head + 1 : nil
    }

    /// Words that open the clause of "the day he resigned", "the day its shares fell".
    static let clauseSubjects = PronounWords.subjects.union(PronounWords.possessives)

    /// Whether "the" in front of "early", "late" or "mid-" belongs to the expression: "the early
    /// 1990s", "the mid-1990s", "the early summer" are whole noun phrases, but a month, a day or a
    /// year takes no article, so in "the mid-May deadline" or "the late-2023 talks" it is the
    /// following noun's.
    private func takesArticle(_ e: Extracted) -> Bool {
        switch e {
        case .month, .monthDay, .weekday, .dayOffset, .dayOfMonth: false
        case .stated(let v): ![.day, .month, .year].contains(v.grain)
        default: true
        }
    }

    /// "the first half of", "the second (latter, last) half of" ending at `i`: the modifier (START, END) and the
    /// token of "the".
    @inline(__always) private func halfOf(_ s: TokenStream, before i: Int) -> (TimexMod, Int)? {
        guard s.isKeyword(i - 1, .of), s.isKeyword(i - 2, .half), s.isKeyword(i - 4, .the) else { return nil }
        let o = i - 3
        if s.isKeyword(o, .first) || s.info(o)?.ordinal == 1 { return (.start, i - 4) }
        if s.isKeyword(o, .last, .final) || s.info(o)?.ordinal == 2 || s.isKeyword(o, .latter) { return (.end, i - 4) }
        return nil
    }

    /// A month or a decade: what a half is the start or end of ("the first half of April", "of next month", "of the '80s").
    private func isMonthOrDecade(_ e: Extracted) -> Bool {
        switch e {
        case .month, .decadeOfCentury, .shift(.month, _): true
        case .stated(let v): v.grain == .month || v.grain == .decade
        default: false
        }
    }

    /// A day named by a weekday, a date or a holiday (not "yesterday": "the day before yesterday" is a word of its own).
    private func isNamedDay(_ e: Extracted) -> Bool {
        switch e {
        case .weekday, .monthDay, .holiday: true
        case .stated(let v): v.grain == .day
        default: false
        }
    }

    /// Hours or minutes from the publication time or the account's ("an hour ago", "20 minutes later").
    private func isClockAmount(_ e: Extracted) -> Bool {
        switch e {
        case .narrative(let unit, _), .offset(let unit, _, _): unit == .hour || unit == .minute
        default: false
        }
    }

    /// "yesterday" or "tomorrow" as it is: not `isDay`, which takes "Monday night" too (a day put
    /// beside a part of a day would take the part's value).
    private func isDayOffset(_ e: Extracted) -> Bool {
        if case .dayOffset = e { return true }
        return false
    }

    private func isDay(_ e: Extracted) -> Bool {
        switch e {
        case .dayOffset, .weekday: true
        case .partOfDay(let inner, _): isDay(inner)
        default: false
        }
    }

    /// Whether "over" or "under" at `i` bounds the amount after it: the word before makes the amount a measure
    /// ("for over a year", "in under two hours", "took over an hour", "just over", "a little under"), where "prices
    /// rose 5% over two years" spans them.
    private func measured(_ s: TokenStream, before i: Int) -> Bool {
        if s.isKeyword(i - 1, .for, .in, .after, .within, .of, .just) { return true }
        return Refiner.measuringWords.contains(s.lowerWord(i - 1))
    }

    /// Words before "over"/"under" that make the amount after them a measure (`measured`).
    static let measuringWords: Set<String> = ["well", "little", "bit", "slightly", "only", "last", "lasts", "lasted",
                                              "lasting", "take", "takes", "took", "taking", "taken", "spent", "spend",
                                              "spends", "spending"]

    /// Where "around", "approximately", "roughly", "circa", "c." or "about" before `i` starts ("about" after a
    /// preposition, or before an amount ago (`anyAbout`): "worried about the future" is no approximation).
    private func approximator(_ s: TokenStream, before i: Int, anyAbout: Bool) -> Int? {
        if s.isKeyword(i - 1, .around, .approximately, .roughly) || s.isSpelled(i - 1, "circa") { return i - 1 }
        if s.isKeyword(i - 1, .about) {
            if anyAbout { return i - 1 }
            return s.isKeyword(i - 2, .in, .at, .by, .until, .since, .from, .to, .before, .after, .on) || s.sentenceBreak(before: i - 1)
                ? i - 1 : nil
        }
        if s.isGluedPunct(i - 1, 0x2E), s.isSpelled(i - 2, "c"), !s.capitalized(i - 2) {
            return i - 2
        }
        return nil
    }

    /// "nearly", "almost", "more than", "less than", "up to", "at least" before an amount. TimeBank leaves
    /// "about", "around" and "over" outside the span ("over the past year", "about two weeks", "rose 5% over two years"), but takes in
    /// "over" before a bare amount that it measures ("last over a week", "Just over an hour later"; `measured`).
    private func quantityModifier(_ s: TokenStream, _ i: Int) -> (TimexMod, Int)? {
        if s.isKeyword(i - 1, .over, .under), s.keyword(i) == nil || s.isKeyword(i, .a, .an), measured(s, before: i - 1) {
            return (s.isKeyword(i - 1, .over) ? .moreThan : .lessThan, i - 1)
        }
        if s.isKeyword(i - 1, .nearly, .almost) || s.isKeyword(i - 1, .some) && s.isNumber(i) {
            return (.approx, i - 1)
        }
        if s.isKeyword(i - 1, .than) {
            if s.isKeyword(i - 2, .more) { return (s.isKeyword(i - 3, .no) ? .equalOrLess : .moreThan, s.isKeyword(i - 3, .no) ? i - 3 : i - 2) }
            if s.isKeyword(i - 2, .less, .fewer) { return (s.isKeyword(i - 3, .no) ? .equalOrMore : .lessThan, s.isKeyword(i - 3, .no) ? i - 3 : i - 2) }
        }
        if s.isKeyword(i - 1, .to), s.isKeyword(i - 2, .up) { return (.equalOrLess, i - 2) }
        if s.isKeyword(i - 1, .least), s.isKeyword(i - 2, .at) { return (.equalOrMore, i - 2) }
        if s.isKeyword(i - 1, .most), s.isKeyword(i - 2, .at) { return (.equalOrLess, i - 2) }
        return nil
    }
}
