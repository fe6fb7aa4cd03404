/// The time orientation of the clause around an expression, which decides whether a bare
/// weekday or month lies before or after the publication date.
public enum Tense: String, Sendable {
    case past, present, future, unknown
}

/// Finds the verb cue nearest to an expression within its sentence: "said on Friday" is past,
/// "will meet on Thursday" and "would meet in London on Thursday" are future.
struct TenseClassifier {
    /// Cue words and the tense they signal. One table drives matching and value.
    static let cues: [String: Tense] = {
        var t: [String: Tense] = [:]
        for w in ["will", "would", "shall", "should", "ll", "wo", "could", "might", "may", "upcoming", "tomorrow", "soon"] {
            t[w] = .future
        }
        for w in ["said", "was", "were", "had", "did", "told", "met", "went", "came", "took", "made", "gave", "began",
                  "saw", "left", "held", "won", "lost", "fell", "rose", "sold", "bought", "paid", "spent", "got",
                  "found", "became", "brought", "thought", "felt", "kept", "led", "ran", "struck", "spoke", "wrote",
                  "broke", "chose", "drove", "flew", "grew", "knew", "threw", "sent", "built", "meant", "stood",
                  "fought", "caught", "sought", "ago", "yesterday", "last", "earlier", "previously", "died", "killed",
                  "arrived", "announced", "reported", "agreed", "signed", "launched", "released", "ended", "closed",
                  "opened", "attacked", "visited", "revealed", "confirmed", "claimed", "added", "warned", "urged",
                  "called", "started", "hit", "says", "did", "wasn", "weren", "didn", "hadn", "since", "reached"] {
            t[w] = t[w] ?? .past
        }
        for w in ["is", "are", "am", "isn", "aren", "now", "today", "currently"] { t[w] = t[w] ?? .present }
        // scheduling verbs in the present point forward: "when parliament returns on Tuesday"
        for w in ["returns", "resumes", "reconvenes", "meets", "opens", "begins", "starts", "ends", "closes",
                  "arrives", "visits", "travels", "heads", "departs", "convenes", "votes", "launches", "kicks",
                  "hosts", "expires"] {
            t[w] = t[w] ?? .future
        }
        return t
    }()

    /// Words that point forward when "to" follows them ("plans to", "is expected to", "set to").
    static let forwardBeforeTo: Set<String> = ["scheduled", "expected", "planned", "slated", "set", "due", "plans", "plan",
                                               "expects", "intends", "aims", "hopes", "going", "wants", "seeks", "is",
                                               "are", "agreed", "promised", "vowed", "threatened", "pledged", "decided"]

    /// The tense of the clause holding tokens `first..<end`, with the cue word that decided it.
    func classify(_ s: TokenStream, first: Int, end: Int) -> (Tense, String?) {
        // left, nearest first, up to the sentence start
        var i = first - 1
        var steps = 0
        while i >= 0 && steps < 25 && !s.sentenceBreak(before: i + 1) {
            if let (t, w) = cue(s, i) { return (t, w) }
            i -= 1
            steps += 1
        }
        // then right, up to the sentence end
        i = end
        steps = 0
        while i < s.count && steps < 25 {
            if s.sentenceBreak(before: i) { break }
            // after the expression, a weak modal usually belongs to a subordinate clause
            // ("on April 8, investigators, wondering how he could have…, searched")
            if let (t, w) = cue(s, i), !TenseClassifier.weakModals.contains(w) { return (t, w) }
            i += 1
            steps += 1
        }
        return (.unknown, nil)
    }

    private func cue(_ s: TokenStream, _ i: Int) -> (Tense, String)? {
        guard s.isWord(i) else { return nil }
        let t = s.tokens[i]
        let n = Int(t.end - t.start)
        guard n >= 2 else { return nil }
        let word = s.lowerWord(i)
        // "plans to", "is expected to", "set to": forward
        if TenseClassifier.forwardBeforeTo.contains(word), s.isSpelled(i + 1, "to") { return (.future, word + " to") }
        if let tense = TenseClassifier.cues[word] {
            // "will be held", "to be signed": a modal in front points forward
            if tense == .past, modalBefore(s, i) { return (.future, word) }
            if word == "may" && s.capitalized(i) { return nil }
            // "would have met", "could have emerged": a past possibility
            if tense == .future, TenseClassifier.weakModals.contains(word), s.isSpelled(i + 1, "have") || s.isSpelled(i + 2, "have") && s.isSpelled(i + 1, "not") {
                return (.past, word + " have")
            }
            // "'ll" and "won't": only after an apostrophe / before n't
            if word == "ll" && !s.isPunct(i - 1, 0x27) { return nil }
            if word == "wo" && !s.isPunct(i + 1, 0x27) && !s.isSpelled(i + 1, "n") { return nil }
            return (tense, word)
        }
        // a regular past form: "-ed" after at least three letters
        if n >= 5, word.hasSuffix("ed"), !s.capitalized(i), !s.isSpelled(i + 1, "to"), !adjectiveSlot(s, i - 1),
           !TenseClassifier.notPastForms.contains(word), !word.hasSuffix("eed") || TenseClassifier.pastInEed.contains(word) {
            return (modalBefore(s, i) ? .future : .past, word)
        }
        return nil
    }

    /// Modals that only count before the expression.
    static let weakModals: Set<String> = ["would", "could", "might", "may", "should"]

    /// Words ending in -ed that are not past forms.
    static let notPastForms: Set<String> = ["hundred", "sacred", "naked", "wicked", "hatred", "kindred", "infrared",
                                            "embed", "shred", "sled", "bred"]
    /// Past forms among the words ending in -eed ("proceed", "succeed", "need" are not).
    static let pastInEed: Set<String> = ["agreed", "freed", "decreed", "guaranteed", "disagreed", "refereed"]

    /// Words after which an -ed form is an adjective ("a still unspecified date", "the revised plan").
    static let adjectiveMarkers: Set<String> = ["a", "an", "the", "this", "that", "its", "his", "her", "their", "our",
                                                "still", "very", "most", "more", "newly", "so", "too", "less", "well",
                                                "recently", "previously", "highly", "widely", "long"]

    private func adjectiveSlot(_ s: TokenStream, _ i: Int) -> Bool {
        s.isWord(i) && TenseClassifier.adjectiveMarkers.contains(s.lowerWord(i))
    }

    /// "will be held", "to be signed", "would still be held": a passive after a modal or "to".
    private func modalBefore(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.isSpelled(i - 1, "be") else { return false }
        for k in [i - 2, i - 3] {
            if s.isSpelled(k, "will") || s.isSpelled(k, "would") || s.isSpelled(k, "shall") || s.isSpelled(k, "to")
                || s.isSpelled(k, "could") || s.isSpelled(k, "might") || (s.isSpelled(k, "ll") && s.isPunct(k - 1, 0x27)) {
                return true
            }
        }
        return false
    }
}
