import ChronicleTime

/// Word cues for an event's status: scheduled or expected happenings versus reported ones.
enum TenseCues {
    /// Phrases that put the main happening in the future on their own.
    static let strongFuture: [String] = [
        "will", "ll", "shall", "is expected to", "are expected to", "is due to", "are due to", "is set to", "are set to",
        "is scheduled to", "are scheduled to", "is scheduled for", "are scheduled for", "is to", "are to", "plans to",
        "plan to", "intends to", "is going to", "are going to", "is planned", "are planned", "will be held", "upcoming",
    ]

    static let strongFutureWords: [[Substring]] = strongFuture.map { $0.split(separator: " ") }

    /// Lower-cased words of a text (letters, digits, apostrophes split off).
    static func words(_ text: String) -> [Substring] {
        let lower = text.lowercased()
        var out: [Substring] = []
        let scalars = lower.unicodeScalars
        var start: String.Index?
        var i = scalars.startIndex
        while i != scalars.endIndex {
            let s = scalars[i]
            let isWord: Bool
            if s.isASCII {
                isWord = (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39)
            } else {
                // A combining mark continues its letter, as Character would have it.
                let p = s.properties
                isWord = p.isAlphabetic || p.numericType != nil || (start != nil && p.generalCategory == .nonspacingMark)
            }
            if isWord, start == nil { start = i }
            if !isWord, let first = start { out.append(lower[first..<i]); start = nil }
            i = scalars.index(after: i)
        }
        if let first = start { out.append(lower[first...]) }
        return out
    }

    static func contains(_ words: [Substring], phrase: String) -> Bool {
        contains(words, phrase: phrase.split(separator: " "))
    }

    static func contains(_ words: [Substring], phrase p: [Substring]) -> Bool {
        guard !p.isEmpty, words.count >= p.count else { return false }
        for i in 0...(words.count - p.count) where words[i] == p[0] {
            if (1..<p.count).allSatisfy({ words[i + $0] == p[$0] }) { return true }
        }
        return false
    }

    static func hasStrongFuture(_ words: [Substring]) -> Bool { strongFutureWords.contains { contains(words, phrase: $0) } }
}

/// Words before a date that make it a reference point, not the time of the sentence's happening
/// ("the highest level since March 2008", "given until 30 September to reply").
enum ReferencePointCues {
    static let preceding: Set<String> = ["since", "until", "till", "til", "through", "throughout", "as of", "ahead of",
                                         "before", "prior to", "run-up to", "up to"]
    /// Looks at the one or two words before the expression.
    /// The expression's preposition phrase: "since March 2008", "ahead of Mr Zelensky's visit to Washington on Monday".
    static func isReferencePoint(before prefix: Substring) -> Bool {
        let words = TenseCues.words(String(prefix.suffix(80)))
        guard let last = words.last else { return false }
        if preceding.contains(String(last)) { return true }
        if words.count >= 2 && preceding.contains("\(words[words.count - 2]) \(last)") { return true }
        // "ahead of X's visit to Washington on Monday": the date belongs to the noun phrase after the cue.
        let tail = words.suffix(10)
        for (i, w) in tail.enumerated() where i + 1 < tail.count {
            let next = tail[tail.index(tail.startIndex, offsetBy: i + 1)]
            if (w == "ahead" || w == "prior") && (next == "of" || next == "to") { return true }
        }
        return false
    }

    /// "since the start of this year", "since the beginning of the month": a period that still
    /// holds the publication day is the span of the happening (so far this year), not a bound.
    static func isPeriodToDate(before prefix: Substring, interval: DayInterval, published: PublicationTime?) -> Bool {
        guard let published, TenseCues.words(String(prefix.suffix(20))).last == "since" else { return false }
        return interval.dayCount > 1 && interval.contains(published.date)
    }
}

/// "has warned", "have cited": the present perfect reports a state of now, not the account's day.
enum PerfectCues {
    static let auxiliaries: Set<String> = ["has", "have", "hasn", "haven", "having"]

    static let irregularPast: Set<String> = [
        "said", "told", "made", "gave", "took", "went", "came", "saw", "began", "met", "held", "left", "spoke",
        "wrote", "sold", "bought", "brought", "thought", "found", "got", "put", "ran", "set", "led", "won", "lost",
        "paid", "sent", "built", "fell", "rose", "kept", "stood", "became", "chose", "flew", "grew", "knew", "hit",
        "cut", "struck", "threw", "was", "were", "did", "been", "done", "seen", "given", "taken", "spoken", "written",
    ]

    /// True when the sentence's first past form follows "has"/"have": "Experts have warned the
    /// summit has risked …" is perfect; "Jobs unveiled the products, saying the company has been
    /// inspired" is a past account whose quote happens to use the perfect.
    static func isPresentPerfect(_ words: [Substring]) -> Bool {
        guard let firstPast = words.firstIndex(where: { ($0.count > 3 && $0.hasSuffix("ed")) || irregularPast.contains(String($0)) || participles.contains(String($0)) })
        else { return false }
        let start = max(0, firstPast - 3)
        return words[start..<firstPast].contains { auxiliaries.contains(String($0)) }
    }

    /// Adverbs that may stand between an auxiliary and its participle ("has also been", "have not yet said").
    static let adverbs: Set<String> = ["also", "already", "not", "t", "yet", "just", "never", "now", "since", "recently",
                                       "previously", "long", "still", "finally", "reportedly", "apparently", "only"]

    /// True when a past participle follows the auxiliary at `index` ("has been", "have not yet said"):
    /// "has a new screen" is a present statement, not a perfect.
    static func participleFollows(_ words: [Substring], after index: Int) -> Bool {
        var i = index + 1
        while i < words.count, adverbs.contains(String(words[i])) { i += 1 }
        guard i < words.count else { return false }
        let w = words[i]
        return (w.count > 3 && w.hasSuffix("ed")) || irregularPast.contains(String(w)) || participles.contains(String(w))
    }

    static let participles: Set<String> = [
        "shown", "known", "grown", "driven", "chosen", "fallen", "broken", "risen", "beaten", "forgotten", "hidden",
        "stolen", "sworn", "drawn", "thrown", "flown", "begun", "won", "become", "come", "gone", "got", "gotten",
    ]
}
