/// The time orientation of the clause around an expression, which decides whether a bare
/// weekday or month lies before or after the publication date.
public enum Tense: String, Codable, Sendable {
    case past, present, future, unknown
}

/// The verb or adverb that decided a clause's tense, and its token index.
struct TenseCue {
    var tense: Tense
    var word: String?
    var index: Int?
}

/// Finds the verb cue nearest to an expression within its sentence: "said on Friday" is past,
/// "will meet on Thursday" and "would meet in London on Thursday" are future.
struct TenseClassifier {
    /// The expression is a day without its year ("on Wednesday", "on June 6"): a past commitment
    /// before "to" dates itself. (A month may date either: the `Resolver` takes the nearer one, so
    /// "agreed to purchase the line in February", written in October, is the February ahead.)
    var yearlessDay = false

    /// How many tokens after the expression the cue is looked for in (the clause's own verb is near).
    static let rightSteps = 25
    /// How many tokens past the last of the `rightSteps` a classification from the start of a sentence
    /// may read: a cue reads at most two past its own token ("agreed to buy", "is also hosting"), plus one to spare.
    static let lookahead = 3

    /// The tense of the clause holding tokens `first..<end`, with the cue word that decided it.
    func classify(_ s: TokenStream, first: Int, end: Int) -> (Tense, String?) {
        let c = cue(s, first: first, end: end)
        return (c.tense, c.word)
    }

    /// The cue that decides the tense of the clause holding tokens `first..<end`, and where it stands.
    func cue(_ s: TokenStream, first: Int, end: Int) -> TenseCue {
        // left, nearest first, up to the sentence start
        var i = first - 1
        var steps = 0
        // a present-tense cue ("is") is weak: a past or future cue further left in the clause wins
        var present: TenseCue?
        // so is an obligation ("must leave on Friday"), but only against the past: "had ruled that he must
        // be returned … and set Friday as the deadline" reports an obligation of the past
        var obligation: TenseCue?
        while i >= 0 && steps < 40 && !s.sentenceBreak(before: i + 1) {
            if let (t, w) = cue(s, i) {
                var found = TenseCue(tense: t, word: w, index: i)
                if t == .past, let k = directedAct(s, verb: i, before: first) {
                    found = TenseCue(tense: .future, word: w + " … to " + s.lowerWord(k), index: k)
                }
                if t == .past, obligation != nil { return found }
                if t == .future, w == "must" {
                    obligation = obligation ?? found
                } else if t != .present {
                    return obligation ?? found
                } else {
                    present = present ?? found
                }
            }
            i -= 1
            steps += 1
        }
        if let obligation { return obligation }
        if let present { return present }
        // then right, up to the sentence end
        i = end
        steps = 0
        // "the mid-May deadline passed": a noun cue heading the expression's phrase yields to the clause's verb
        var headNoun: TenseCue?
        while i < s.count && steps < Self.rightSteps {
            if i > 0 && s.sentenceBreak(before: i) { break }
            // after the expression, a weak modal usually belongs to a subordinate clause
            // ("on April 8, investigators, wondering how he could have…, searched")
            // (and a third-person schedule dates only what follows it)
            if let (t, w) = cue(s, i), (s.info(i)?.tenseFlags ?? []).isDisjoint(with: [.weakModal, .leftOnly]) {
                // ("Monday's deadline passed": after a possessive as well)
                if i == end || s.isPossessive(end) && i == end + 2, headNoun == nil, s.info(i)?.tenseFlags.contains(.nounCue) ?? false {
                    headNoun = TenseCue(tense: t, word: w, index: i)
                } else {
                    return TenseCue(tense: t, word: w, index: i)
                }
            }
            i += 1
            steps += 1
        }
        return headNoun ?? infinitive(s, before: first) ?? TenseCue(tense: .unknown, word: nil, index: nil)
    }

    /// "Storms to continue Tuesday", "Trial of accused gunman to open in March": with no finite verb in the
    /// sentence, a subject's "to" + verb before the expression is the headline's future.
    private func infinitive(_ s: TokenStream, before first: Int) -> TenseCue? {
        var j = first - 2
        while j >= max(1, first - 8), !s.sentenceBreak(before: j + 1) {
            if s.isKeyword(j, .to), s.isWord(j + 1), !s.capitalized(j + 1), s.keyword(j + 1) == nil, !adjectiveSlot(s, j + 1),
               s.isWord(j - 1), s.keyword(j - 1) == nil, !verbBefore(s, j),
               !s.isSpelled(j - 1, "according"), !s.isSpelled(j - 1, "thanks") {
                return TenseCue(tense: .future, word: "to " + s.lowerWord(j + 1), index: j + 1)
            }
            j -= 1
        }
        return nil
    }

    /// A cue at `i`: its tense and the token index whose word names it (and a suffix for the trace).
    private func cue(_ s: TokenStream, _ i: Int) -> (Tense, String)? {
        guard s.isWord(i) else { return nil }
        let t = s.tokens[i]
        let n = Int(t.end - t.start)
        guard n >= 2 else { return nil }
        let info = s.info(i)
        let flags = info?.tenseFlags ?? []
        // "will last three days", "is expected to last until Tuesday": the verb, not the adverb of the past
        if flags.contains(.adverb), s.isSpelled(i, "last") {
            // ("was last seen on 3 January": the auxiliary before decides, not the adverb)
            if s.isSpelled(i - 1, "to") || s.isSpelled(i - 1, "was") || s.isSpelled(i - 1, "were") || s.isSpelled(i - 1, "had") {
                return nil
            }
            if s.info(i - 1)?.tenseFlags.contains(.modal) ?? false { return (.future, s.lowerWord(i - 1) + " last") }
        }
        // "had been due to expire", "had been scheduled": a plan now behind
        if flags.contains(.forwardBeforeTo) || flags.contains(.scheduledFor) || info?.tense == .future,
           s.isSpelled(i - 1, "had") || s.isSpelled(i - 1, "been") && s.isSpelled(i - 2, "had") {
            return (.past, "had " + s.lowerWord(i))
        }
        // "agreed to buy the bank on Wednesday" / "on June 6": news dates the agreement, not the
        // purchase, by a day; a scheduling verb after "to" keeps it ahead ("agreed to meet on Friday")
        if yearlessDay, flags.contains(.pastCommitment), s.isSpelled(i + 1, "to"), s.info(i + 2)?.tense != .future {
            return (.past, s.lowerWord(i))
        }
        // "sentencing was set for June 9", "the trial was listed for Monday", "set a date for Friday": the date a
        // schedule points to ("a warrant was issued for his arrest on Tuesday" is no schedule)
        if flags.contains(.scheduledFor), schedulesFor(s, after: i) { return (.future, s.lowerWord(i) + " for") }
        // "with a decision expected by June", "the ruling, expected in June," ("than expected in June" compares)
        if flags.contains(.scheduledFor), s.isSpelled(i, "expected"), s.isKeyword(i + 1, .in, .on, .by, .at),
           !s.isKeyword(i - 1, .than, .as) {
            return (.future, "expected " + s.lowerWord(i + 1))
        }
        // "plans to", "is expected to", "set to": forward
        if flags.contains(.forwardBeforeTo), s.isSpelled(i + 1, "to") { return (.future, s.lowerWord(i) + " to") }
        // "are planned for the weekend", "is scheduled for Friday", "is expected on Monday"
        if flags.contains(.forwardBeforeTo), s.isSpelled(i - 1, "is") || s.isSpelled(i - 1, "are") || s.isSpelled(i - 1, "be") {
            return (.future, s.lowerWord(i - 1) + " " + s.lowerWord(i))
        }
        // "failed to meet", "did not meet", "didn't meet": not the finite verb; the cue is further left
        // ("the start on Monday": a noun after a determiner)
        if flags.contains(.plainPresent),
           s.isSpelled(i - 1, "to") || s.isSpelled(i - 1, "not") || s.isSpelled(i - 1, "did") || s.isSpelled(i - 1, "t")
            || adjectiveSlot(s, i - 1) {
            return nil
        }
        // "the Baftas take place on Sunday": the plural of "takes place"
        if s.isSpelled(i, "take"), s.isSpelled(i + 1, "place"), !s.isSpelled(i - 1, "to"), !s.isSpelled(i - 1, "not"),
           !s.isSpelled(i - 1, "did"), !(s.info(i - 1)?.tenseFlags.contains(.modal) ?? false) {
            return (.future, "take place")
        }
        if flags.contains(.fixture), fixtureVerb(s, i) { return (.future, s.lowerWord(i)) }
        // "media reports on Friday said", "it appears that …": a noun, or no schedule of its own
        if flags.contains(.objectVerb), !objectFollows(s, i) { return nil }
        if flags.contains(.notBeforeClause), s.isSpelled(i + 1, "to") || s.isSpelled(i + 1, "that") { return nil }
        // "the show is released on Tuesday", "the results are published on Monday": a release ahead
        if flags.contains(.schedulePassive), presentPassive(s, i) { return (.future, s.lowerWord(i - 1) + " " + s.lowerWord(i)) }
        // "the album is out on Friday", "the film is out Friday": a release ahead, as "is released" ("is out of hospital" is no release)
        if n == 3, s.bytes[Int(t.start)] | 0x20 == 0x6F, s.isSpelled(i, "out"), presentPassive(s, i), s.isKeyword(i + 1, .on) || s.info(i + 1)?.weekday != nil {
            return (.future, s.lowerWord(i - 1) + " out")
        }
        if let info, let tense = info.tense {
            // "will be held", "to be signed": a modal in front points forward
            if tense == .past, modalBefore(s, i) { return (.future, info.spelling) }
            // "is expected to hit", "will hit": a past form that is also the plain form ("hit") is the plain
            // form after "to" (the verb before decides) or after a modal (which points forward)
            if tense == .past, !flags.contains(.adverb) {
                if s.isSpelled(i - 1, "to") { return nil }
                if s.info(i - 1)?.tenseFlags.contains(.modal) ?? false { return (.future, s.lowerWord(i - 1) + " " + info.spelling) }
            }
            // "when the case is heard in May": a passive in the present, no past
            if tense == .past, !flags.contains(.adverb), presentPassive(s, i) { return nil }
            // "will remain closed Monday", "Bush will meet allied leaders Sunday": an -ed adjective in a clause of "will"
            if tense == .past, endsInEd(s, t), futureClause(s, before: i) { return nil }
            // "the plays on Sunday", "its runs": a present form after a determiner is a noun ("a deal that runs
            // until June": after "that" or "this" an -s form is a verb, a plural noun would take "those", "these")
            if tense == .future, !flags.contains(.modal), !flags.contains(.adverb), adjectiveSlot(s, i - 1),
               !s.isSpelled(i - 1, "that"), !s.isSpelled(i - 1, "this"), s.bytes[Int(t.end) - 1] | 0x20 == 0x73 {
                return nil
            }
            // "is hosting talks on Saturday", "are meeting on Friday": the present progressive of a plan
            if tense == .present, let k = progressive(s, after: i) { return (.future, info.spelling + " " + s.lowerWord(k)) }

            if info.spelling == "may" && s.capitalized(i) { return nil }
            // "could not be reached Friday": an attempt that failed, not a possibility ahead
            if info.spelling == "could" && s.isSpelled(i + 1, "not") { return (.past, "could not") }
            // "as previously planned", "a newly scheduled": a participle used as an adjective
            if tense == .future, endsInEd(s, t), adjectiveSlot(s, i - 1) { return nil }
            // "would have met", "could have emerged": a past possibility
            if tense == .future, flags.contains(.weakModal),
               s.isSpelled(i + 1, "have") || s.isSpelled(i + 2, "have") && s.isSpelled(i + 1, "not") {
                return (.past, info.spelling + " have")
            }
            // "'ll" and "won't": only after an apostrophe / before n't
            if info.spelling == "ll" && !s.isPunct(i - 1, 0x27) { return nil }
            if info.spelling == "wo" && !s.isPunct(i + 1, 0x27) && !s.isSpelled(i + 1, "n") { return nil }
            return (tense, info.spelling)
        }
        // a regular past form: "-ed" after at least three letters
        guard n >= 5, !s.capitalized(i), endsInEd(s, t) else { return nil }
        if presentPassive(s, i) { return nil }
        // ("wanted to meet on Friday": the infinitive decides; "returned to Chinese rule", "rose to 5%": a past verb)
        if flags.contains(.notPastForm) || s.isSpelled(i + 1, "to") && !nounAfterTo(s, i + 2) || adjectiveSlot(s, i - 1) { return nil }
        // "Trial of accused gunman to open in March": a participle after "of" is an adjective
        if futureClause(s, before: i) || s.isKeyword(i - 1, .of) { return nil }
        if s.bytes[Int(t.end) - 3] | 0x20 == 0x65 && !flags.contains(.pastInEed) { return nil }  // "proceed", "need"
        return (modalBefore(s, i) ? .future : .past, s.lowerWord(i))
    }

    /// A schedule's "for" after the participle at `i`, at most two plain words between ("set sentencing for",
    /// "set a date for"), followed by what can start a time expression ("for June 9", "for Friday", "for 9 June").
    private func schedulesFor(_ s: TokenStream, after i: Int) -> Bool {
        var k = i + 1
        while k <= i + 3, !s.isKeyword(k, .for) {
            guard s.isWord(k), !s.capitalized(k), s.info(k)?.tense == nil, s.info(k)?.trigger != true || s.isKeyword(k, .a, .the)
            else { return false }
            k += 1
        }
        guard s.isKeyword(k, .for) else { return false }
        // "for June 9", "for Friday", "for 9 June", "for next week", "for the week commencing 9 June", "for the 5th"
        if s.isNumber(k + 1) || s.isWord(k + 1) && s.info(k + 1)?.trigger == true && s.keyword(k + 1) == nil { return true }
        if s.isKeyword(k + 1, .next, .this, .later) || s.isKeyword(k + 1, .early, .late, .mid) { return true }
        if s.isKeyword(k + 1, .the), let w = s.info(k + 2) { return w.unit != nil || w.ordinal != nil }
        return s.isKeyword(k + 1, .the) && s.isNumber(k + 2)
    }

    /// A verb before the "to" at `j` ("failed to meet", "tried to", "wants to"): the infinitive is its object, not
    /// a headline's future.
    private func verbBefore(_ s: TokenStream, _ j: Int) -> Bool {
        let t = s.tokens[j - 1]
        if let info = s.info(j - 1), info.tense != nil || !info.tenseFlags.isEmpty { return true }
        return t.end - t.start >= 4 && endsInEd(s, t)
    }

    /// "will remain closed", "will meet elected officials", "will hold talks with the combined allied command":
    /// "will" or "shall" at most six words before `i` with no comma or clause word between, so an -ed form at
    /// `i` is an adjective of its clause ("will say who attacked him on Sunday" has a clause of its own).
    private func futureClause(_ s: TokenStream, before i: Int) -> Bool {
        // only an adjective: before its noun ("closed session", "closed-door") or after "remain"/"stay" ("a case
        // filed on Tuesday" is a past event even in a clause of "will")
        let attributive = s.isWord(i + 1) && !s.capitalized(i + 1) && s.keyword(i + 1) == nil && s.info(i + 1)?.tense == nil
            || s.isPunct(i + 1, 0x2D)
        let predicative = s.isSpelled(i - 1, "remain") || s.isSpelled(i - 1, "stay") || s.isSpelled(i - 1, "keep")
        guard attributive || predicative else { return false }
        var j = i - 1
        while j >= max(0, i - 6), !s.sentenceBreak(before: j + 1), s.isWord(j) {
            if s.isSpelled(j, "will") || s.isSpelled(j, "shall") { return true }
            if s.isKeyword(j, .that, .when, .after, .before, .since, .as) || s.isKeyword(j, .while, .until) || s.isSpelled(j, "if")
                || s.isSpelled(j, "who") || s.isSpelled(j, "which") || s.isSpelled(j, "whether") || s.isSpelled(j, "how")
                || s.isSpelled(j, "where") || s.isSpelled(j, "because") || s.info(j)?.tense == .past {
                return false
            }
            j -= 1
        }
        return false
    }

    /// "Spurs host Villa", "England play Australia", "voters head to the polls": a fixture word as the
    /// finite verb, after a subject (no determiner, preposition, modal, "to", "not" or "did" in front) and
    /// before its object (a name, "the", "their") or "to"; "the host nation", "a state visit on Friday",
    /// "to face the music" are no such verb.
    private func fixtureVerb(_ s: TokenStream, _ i: Int) -> Bool {
        guard !s.capitalized(i), s.isWord(i - 1), s.keyword(i - 1) == nil else { return false }
        let before = s.info(i - 1)?.tenseFlags ?? []
        if !before.isDisjoint(with: [.adjectiveMarker, .modal]) || s.info(i - 1)?.tense != nil { return false }
        if s.isSpelled(i - 1, "to") || s.isSpelled(i - 1, "not") || s.isSpelled(i - 1, "did") || s.isSpelled(i - 1, "t") { return false }
        // ("sources close to the talks": an adjective)
        if s.isSpelled(i, "close") && s.isSpelled(i + 1, "to") { return false }
        if s.isWord(i + 1) && s.capitalized(i + 1) || s.isSpelled(i + 1, "to") || s.isSpelled(i + 1, "their") || s.isSpelled(i + 1, "the") {
            return true
        }
        // "Canadians vote on Monday", "the polls open at 7 a.m.": with a named or plural subject the verb may take
        // its date at once ("a postal vote on Monday", "an open day on Friday" may not)
        return (s.capitalized(i - 1) || pluralNoun(s, i - 1)) && s.isKeyword(i + 1, .on, .in, .at, .next, .until)
    }

    /// "ordered both sides to appear at a hearing on Saturday", "remanded in custody to appear before magistrates
    /// on Monday", "told to return to court on Tuesday": a directing verb at `verb`, then within six words before
    /// the expression and with no comma between, "to" and a schedule verb; returns the schedule verb's index
    /// ("ordered to pay £500 on Monday" dates the order).
    private func directedAct(_ s: TokenStream, verb: Int, before first: Int) -> Int? {
        guard s.info(verb)?.tenseFlags.contains(.directive) ?? false else { return nil }
        var j = verb + 1
        while j < min(first - 1, verb + 7), !s.isPunct(j, 0x2C) {
            if s.isSpelled(j, "to"), s.isWord(j + 1), !s.capitalized(j + 1) {
                let info = s.info(j + 1)
                return info?.tense == .future || info?.tenseFlags.contains(.fixture) ?? false ? j + 1 : nil
            }
            j += 1
        }
        return nil
    }

    /// The verb at `i` has its object after it: a plain lower-case word or an article ("reports earnings",
    /// "holds its next meeting", "releases the figures"), not a preposition or a time ("reports on Friday").
    private func objectFollows(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.isWord(i + 1), !s.capitalized(i + 1) else { return false }
        return s.keyword(i + 1) == nil || s.isKeyword(i + 1, .the, .a, .an)
    }

    /// A lower-case plural noun ending in "-s" ("polls", "schools", "markets"): not "-ss" or "-us" ("boss",
    /// "campus"), and of four letters or more ("its", "has" are shorter).
    private func pluralNoun(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.isWord(i), !s.capitalized(i) else { return false }
        let t = s.tokens[i], e = Int(t.end)
        guard e - Int(t.start) >= 4, s.bytes[e - 1] == 0x73 else { return false }
        let before = s.bytes[e - 2]
        return before != 0x73 && before != 0x75 && !s.isSpelled(i, "does")
    }

    /// An adverb in "-ly" ("formally", "officially"), of more than four letters.
    private func isAdverb(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.isWord(i), !s.capitalized(i) else { return false }
        let t = s.tokens[i], e = Int(t.end)
        return e - Int(t.start) > 4 && s.bytes[e - 2] | 0x20 == 0x6C && s.bytes[e - 1] | 0x20 == 0x79
    }

    /// "is hosting", "are also meeting": a present progressive of a planned event after "is"/"are"/"am" at
    /// `i` ("is continuing to try" is an activity under way); returns the index of the -ing form.
    private func progressive(_ s: TokenStream, after i: Int) -> Int? {
        guard s.isSpelled(i, "is") || s.isSpelled(i, "are") || s.isSpelled(i, "am") else { return nil }
        var k = i + 1
        if s.isSpelled(k, "also") || s.isSpelled(k, "still") || s.isSpelled(k, "now") { k += 1 }
        guard s.isWord(k), !s.capitalized(k), s.info(k)?.tenseFlags.contains(.plannedProgressive) ?? false else { return nil }
        return k
    }

    /// "is heard", "are killed": a participle after a present form of "be".
    private func presentPassive(_ s: TokenStream, _ i: Int) -> Bool {
        s.isSpelled(i - 1, "is") || s.isSpelled(i - 1, "are") || s.isSpelled(i - 1, "am")
    }

    private func endsInEd(_ s: TokenStream, _ t: Token) -> Bool {
        let e = Int(t.end)
        return s.bytes[e - 2] | 0x20 == 0x65 && s.bytes[e - 1] | 0x20 == 0x64
    }

    /// What follows "to" at `k` starts a noun phrase, so the "to" is a preposition: a number, a name, a determiner.
    private func nounAfterTo(_ s: TokenStream, _ k: Int) -> Bool {
        s.isNumber(k) || s.isPunct(k, 0x24) || s.isWord(k) && (s.capitalized(k) || adjectiveSlot(s, k))
    }

    private func adjectiveSlot(_ s: TokenStream, _ i: Int) -> Bool {
        s.isWord(i) && (s.info(i)?.tenseFlags.contains(.adjectiveMarker) ?? false)
    }

    /// "Neither he nor …", "nobody": a negation a few words before `k` in the same clause.
    private func negatedBefore(_ s: TokenStream, _ k: Int) -> Bool {
        var j = k - 1
        while j >= max(0, k - 8) && !s.sentenceBreak(before: j + 1) {
            if s.isSpelled(j, "nor") || s.isSpelled(j, "neither") || s.isSpelled(j, "nobody") { return true }
            j -= 1
        }
        return false
    }

    /// "will be held", "to be signed", "would still be held": a passive after a modal or "to".
    private func modalBefore(_ s: TokenStream, _ i: Int) -> Bool {
        // "will be formally installed": an adverb between
        let be = s.isSpelled(i - 1, "be") ? i - 1 : s.isSpelled(i - 2, "be") && isAdverb(s, i - 1) ? i - 2 : -1
        guard be >= 0 else { return false }
        for k in [be - 1, be - 2] {
            // "could not be reached", "neither he nor his wife could be located": a failed attempt, in the past
            if s.isSpelled(k, "could") && (s.isSpelled(k + 1, "not") || negatedBefore(s, k)) { return false }
            if s.isSpelled(k, "will") || s.isSpelled(k, "would") || s.isSpelled(k, "shall") || s.isSpelled(k, "to")
                || s.isSpelled(k, "could") || s.isSpelled(k, "might") || s.isSpelled(k, "may") && !s.capitalized(k) || (s.isSpelled(k, "ll") && s.isPunct(k - 1, 0x27)) {
                return true
            }
        }
        return false
    }
}
