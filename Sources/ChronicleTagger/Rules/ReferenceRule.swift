import ChronicleTime

/// Vague references: "now", "currently", "recently", "the past", "the future", "soon",
/// "recent years" (TimeML `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
enum ReferenceRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(readings: [.reference, .number], keywords: [.these, .this, .the, .a], spellings: ["present"])
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(
        readings: .reference, spellings: ["moment", "present"] + (termWords + pastOrFutureModifiers).map { $0.description })
    /// The words before "term" in "the near term", "the long term" (the future).
    static let termWords: [StaticString] = ["short", "long", "medium", "near"]
    /// The words between "the" and "past" or "future" ("the near future", "the recent past").
    static let pastOrFutureModifiers: [StaticString] = ["near", "distant", "foreseeable", "recent", "immediate"]

    /// Modals before "one day" that make it some time ahead ("will one day be", "could one day").
    static let somedayModals: Set<String> = ["will", "would", "could", "might", "may", "can", "should", "must", "shall"]

    /// "will one day be", "could one day", "hopes to one day become", "the hope he one day follow": "one day"
    /// after a modal, or between "to" or a subject pronoun and its verb, is some time ahead, not a day long.
    static func isSomeday(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.isSpelled(i, "one"), s.info(i + 1)?.unit == .day, !(s.info(i + 1)?.unitPlural ?? true), s.isWord(i - 1) else {
            return false
        }
        // "to one day become": a plain word after it, the verb ("cut to one day a week" is an amount)
        let verbAfter = s.isWord(i + 2) && !s.glued(i + 2) && !s.capitalized(i + 2) && s.keyword(i + 2) == nil && s.info(i + 2) == nil
        if s.isKeyword(i - 1, .to) { return verbAfter }
        let before = s.lowerWord(i - 1)
        if somedayModals.contains(before) { return true }
        // "he one day walked in": a past verb tells of a day gone by, left as it was
        return verbAfter && PronounWords.subjects.contains(before) && !s.lowerWord(i + 2).hasSuffix("ed")
    }

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        // "in a year or two", "in a week or two": some time ahead, not a stretch of a year
        if s.isKeyword(i, .a) || s.isSpelled(i, "one"), s.isKeyword(i - 1, .in), let unit = s.info(i + 1)?.unit, unit.grain >= .day,
           !(s.info(i + 1)?.unitPlural ?? true), s.isKeyword(i + 2, .or), s.isSpelled(i + 3, "two") {
            out.append(Candidate(i, i + 4, .stated(.reference(.future)), rule: .reference, note: "in a unit or two: the future"))
            return
        }
        // "at a later date", "to a future date": some time ahead (the only other match that starts at "a")
        if s.isKeyword(i, .a) {
            if s.isKeyword(i + 1, .later) || s.info(i + 1)?.reference == .future, s.isSpelled(i + 2, "date") {
                out.append(Candidate(i, i + 3, .stated(.reference(.future)), rule: .reference, note: "a later date: the future"))
            }
            return
        }
        if isSomeday(s, i) {
            out.append(Candidate(i, i + 2, .stated(.reference(.future)), rule: .reference, note: "'one day' after a modal"))
            return
        }
        guard let info = s.info(i) else { return }
        // "these days": the present, not a stretch of days
        if s.isKeyword(i, .these), s.info(i + 1)?.unit == .day, s.info(i + 1)?.unitPlural == true {
            out.append(Candidate(i, i + 2, .stated(.reference(.present)), rule: .reference))
            return
        }
        // "this crucial moment", "at this moment": the present
        if s.isKeyword(i, .this) {
            let j = s.isSpelled(i + 1, "moment") ? i + 1 : s.isSpelled(i + 2, "moment") && s.isWord(i + 1) && s.keyword(i + 1) == nil ? i + 2 : nil
            if let j, !s.isKeyword(j + 1, .of) {
                out.append(Candidate(i, j + 1, .stated(.reference(.present)), rule: .reference))
            }
            return
        }
        // "At the moment, …", "songs cost 79p at the moment.": the present (not "at the moment the bomb
        // went off", a point the clause after it names)
        if s.isKeyword(i, .the), s.isSpelled(i + 1, "moment"), s.isKeyword(i - 1, .at),
           !s.isWord(i + 2) && !s.isNumber(i + 2) || s.sentenceBreak(before: i - 1) && !s.isKeyword(i + 2, .of, .when) {
            out.append(Candidate(i, i + 2, .stated(.reference(.present)), rule: .reference))
            return
        }
        if s.isKeyword(i, .the) {
            // "the past", "the future", "the near future", "the present"
            var j = i + 1
            if s.isSpelled(j + 1, "term"), termWords.contains(where: { s.isSpelled(j, $0) }) {
                // "in the near term", "over the long term"
                out.append(Candidate(i, j + 2, .stated(.reference(.future)), rule: .reference))
                return
            }
            if pastOrFutureModifiers.contains(where: { s.isSpelled(j, $0) }) { j += 1 }
            if let r = s.info(j)?.reference, r == .past || r == .future {
                guard Quantity.read(s, j + 1) == nil, s.info(j + 1)?.unit == nil else { return }
                out.append(Candidate(i, j + 1, .stated(.reference(r == .past ? .past : .future)), rule: .reference))
            } else if s.isSpelled(j, "present"), !s.isWord(j + 1) || s.info(j + 1)?.keyword != nil {
                out.append(Candidate(i, j + 1, .stated(.reference(.present)), rule: .reference))
            }
            return
        }
        guard let r = info.reference else {
            if s.isSpelled(i, "present"), s.isKeyword(i - 1, .at) {
                out.append(Candidate(i, i + 1, .stated(.reference(.present)), rule: .reference))
            }
            return
        }
        let value: TemporalReference
        var end = i + 1
        switch r {
        case .now:
            // "now that he is in a confrontation": still the present (both TimeBank and AQUAINT mark it)
            // "Now, he says, …": set off by a comma at the head of a sentence, a discourse marker that
            // turns to the next point, not a reference to the present (TimeBank leaves it untagged)
            if s.capitalized(i), !s.tokens[i].allCaps, s.isPunct(i + 1, 0x2C) { return }
            // "Now for today's quiz", "Now for the weather": turning to the next item
            if s.capitalized(i), s.sentenceBreak(before: i), s.isKeyword(i + 1, .for) { return }
            // "Support Now", "Apocalypse Now": capitalised after a word inside a sentence, a title or a button
            if s.capitalized(i), !s.tokens[i].allCaps, s.isWord(i - 1), !s.sentenceBreak(before: i) { return }
            value = .present
        case .currently, .nowadays, .presently: value = .present
        case .current:
            // "the then current price", "the then-current owner": the present of a past account
            let then = s.isKeyword(i - 1, .then) ? i - 1 : s.isPunct(i - 1, 0x2D) && s.isKeyword(i - 2, .then) ? i - 2 : nil
            if let then {
                out.append(Candidate(then, i + 1, .stated(.reference(.past)), rule: .reference, note: "'then current': a past present"))
                return
            }
            if s.isWord(i + 1) && !s.glued(i + 1) && s.info(i + 1)?.unit == nil && s.info(i + 1)?.keyword == nil {
                // "current account", "current prices": an adjective of the present
                if s.capitalized(i) { return }
            }
            value = .present
        case .recently, .lately: value = .past
        case .recent:
            // "recent years" is the vague past; "recent weeks" a stretch of unknown length; the bare
            // adjective ("recent talks") is left alone
            guard let u = s.info(i + 1)?.unit, s.info(i + 1)?.unitPlural == true, u != .second else { return }
            if u != .year && u != .decade {
                // "recent weeks and months": one stretch
                let end = DurationRule.coordinatedEnd(s, i + 2)
                out.append(Candidate(i, end, .stated(.duration(TimexDuration(nil, u.vagueDurationUnit))), .duration,
                                     rule: .duration, note: "recent + plural unit: an unknown stretch"))
                return
            }
            end = i + 2
            value = .past
        case .past, .once, .hitherto, .meanwhile, .soon, .future, .previously, .formerly:
            // too often not a time expression in news ("future plans", "previously unknown")
            return
        }
        out.append(Candidate(i, end, .stated(.reference(value)), rule: .reference))
    }
}
