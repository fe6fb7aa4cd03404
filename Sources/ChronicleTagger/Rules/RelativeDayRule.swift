import ChronicleTime

/// Days named from the publication date: "today", "yesterday", "tomorrow", "tonight",
/// "overnight", "this morning", "last night", "yesterday afternoon", "the day before yesterday".
enum RelativeDayRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(readings: .dayOffset, keywords: [.this, .last, .the])
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(readings: [.ordinal, .unit])

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        if let info = s.info(i), let offset = info.dayOffset {
            if isTitle(s, i) || isDayAfterTitle(s, i) { return }
            if offset == 0, isEra(s, i) { return }
            // "the people of tomorrow", "the cities of today", "tomorrow's world": the age to come (the present
            // one, the one gone), not a day; "today's world" is left untagged above, as TimeBank leaves it
            if eraOf(s, i) || offset == 1 && isEra(s, i) {
                let r: TemporalReference = offset > 0 ? .future : offset == 0 ? .present : .past
                out.append(Candidate(i, i + 1, .stated(.reference(r)), rule: .reference, note: "an age, not a day"))
                return
            }
            if info.spelling == "tonight" {
                out.append(Candidate(i, i + 1, .partOfDay(.dayOffset(0), .night), .time, rule: .relativeDay))
                return
            }
            if info.spelling == "overnight" {
                // "the overnight rate", "overnight lending", "overnight index swaps": money lent for a night, not a night
                if s.isWord(i + 1), !s.glued(i + 1), overnightMoneyNouns.contains(s.lowerWord(i + 1)) { return }
                // the night just gone ("overnight losses in New York", "strikes overnight")
                out.append(Candidate(i, i + 1, .overnight, .time, rule: .relativeDay, note: "overnight: the night just gone"))
                return
            }
            // "today's Britain" stays a date (only common nouns name an era); "yesterday morning" takes the part.
            if let part = s.info(i + 1)?.partOfDay, !s.glued(i + 1), part != .noon, part != .midnight {
                out.append(Candidate(i, i + 2, .partOfDay(.dayOffset(offset), part.part), .time, rule: .partOfDay))
                return
            }
            out.append(Candidate(i, i + 1, .dayOffset(offset), rule: .relativeDay))
            return
        }
        guard let k = s.keyword(i) else { return }
        switch k {
        case .this:
            // "this morning", "this afternoon", "this evening"
            if let part = s.info(i + 1)?.partOfDay, part != .noon, part != .midnight {
                out.append(Candidate(i, i + 2, .partOfDay(.dayOffset(0), part.part), .time, rule: .partOfDay))
            }
        case .last:
            // "last night", "last evening"
            if let part = s.info(i + 1)?.partOfDay, part == .night || part == .evening {
                out.append(Candidate(i, i + 2, .partOfDay(.dayOffset(-1), part.part), .time, rule: .partOfDay))
            }
        case .the:
            // "it's the second day of the offensive", "today is the eighth day": the publication day
            if let o = s.info(i + 1)?.ordinal, o >= 1, s.info(i + 2)?.unit == .day, !(s.info(i + 2)?.unitPlural ?? true),
               s.isSpelled(i - 1, "is") || s.isSpelled(i - 1, "s") && s.isPunct(i - 2, 0x27) {
                out.append(Candidate(i, i + 3, .dayOffset(0), rule: .relativeDay, note: "the nth day of something, today"))
                return
            }
            // "the day before yesterday", "the day after tomorrow" (not the film "The Day After Tomorrow")
            if s.info(i + 1)?.unit == .day, !(s.info(i + 1)?.unitPlural ?? true), !isDayAfterTitle(s, i + 3) {
                if s.isKeyword(i + 2, .before), s.info(i + 3)?.dayOffset == -1 {
                    out.append(Candidate(i, i + 4, .dayOffset(-2), rule: .relativeDay))
                } else if s.isKeyword(i + 2, .after), s.info(i + 3)?.dayOffset == 1 {
                    out.append(Candidate(i, i + 4, .dayOffset(2), rule: .relativeDay))
                }
            }
        default:
            break
        }
    }

    /// Money-market nouns after "overnight" that make it the term of a loan ("overnight rate", "overnight repo").
    static let overnightMoneyNouns: Set<String> = ["rate", "rates", "lending", "loan", "loans", "borrowing", "borrowings",
                                                   "index", "indexed", "repo", "repos", "repurchase", "funds", "deposit",
                                                   "deposits", "interbank", "money", "libor", "sofr", "swap", "swaps", "cash"]

    /// Nouns that make "today's" the present era rather than the publication day ("today's world",
    /// "today's young voters", "the cities of tomorrow"); "today's vote" stays a day.
    static let eraNouns: Set<String> = ["world", "youth", "young", "society", "generation", "generations", "children",
                                        "kids", "teenagers", "teens", "standards", "technology", "culture",
                                        "computers", "families", "parents", "students", "people", "cities", "city",
                                        "leaders", "workers", "workforce", "heroes", "consumers", "technologies",
                                        "architecture", "schools", "classrooms", "cars", "homes"]

    /// "today's world", "today's personal computers": the era, which TimeBank leaves untagged.
    static func isEra(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.isPossessive(i + 1) else { return false }
        for k in (i + 3)...(i + 4) where s.isWord(k) && !s.capitalized(k) {
            if eraNouns.contains(s.lowerWord(k)) { return true }
        }
        return false
    }

    /// "the people of tomorrow", "the leaders of today": an era noun right before "of" and the day word, which
    /// owns nothing after it ("the children of today's Britain" is the day's).
    static func eraOf(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.isKeyword(i - 1, .of), s.isWord(i - 2), !s.capitalized(i - 2), !s.isPossessive(i + 1) else { return false }
        return eraNouns.contains(s.lowerWord(i - 2))
    }

    /// "The Day After Tomorrow": "Day", "After" (or "Before") and the day word all capitalised inside a sentence, a title.
    static func isDayAfterTitle(_ s: TokenStream, _ i: Int) -> Bool {
        s.capitalized(i) && !s.tokens[i].allCaps && !s.sentenceBreak(before: i) && s.isKeyword(i - 1, .after, .before)
            && s.capitalized(i - 1) && s.info(i - 2)?.unit == .day && s.capitalized(i - 2)
    }

    /// "USA Today", "VOA Today", "The Tonight Show": a capitalised day word inside a sentence, right
    /// after another capitalised word that is not a time word, is part of a name.
    static func isTitle(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.capitalized(i), !s.tokens[i].allCaps, !s.sentenceBreak(before: i), s.isWord(i - 1), !s.glued(i) else { return false }
        // "Good Morning America and Today": a capitalised day word joined to a name is another name
        if s.isKeyword(i - 1, .and, .or), !s.capitalized(i - 1) { return isName(s, i - 2) }
        return isName(s, i - 1)
    }

    /// A capitalised word at `j` that is no keyword and no time word.
    private static func isName(_ s: TokenStream, _ j: Int) -> Bool {
        guard s.isWord(j), s.capitalized(j), s.keyword(j) == nil else { return false }
        guard let before = s.info(j) else { return true }
        return before.weekday == nil && before.month == 0 && before.unit == nil && before.dayOffset == nil
    }
}
