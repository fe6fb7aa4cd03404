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
    ///
    /// Each word is lower-cased on its own: `String.lowercased()` maps scalar by scalar, and a
    /// letter's lower case is letters and marks, so this is what scanning the lower-cased text
    /// finds, without lower-casing the rest (the slow path for any text beyond ASCII).
    static func words(_ text: String) -> [Substring] { words(text[...]) }

    static func words(_ text: Substring) -> [Substring] {
        if let found = text.utf8.withContiguousStorageIfAvailable(words(utf8:)) { return found }
        var copy = String(text)
        return copy.withUTF8(words(utf8:))
    }

    private static func words(utf8 b: UnsafeBufferPointer<UInt8>) -> [Substring] {
        var out: [Substring] = []
        out.reserveCapacity(b.count / 4 + 1)  // one allocation for most texts (English averages 6 bytes a word)
        forEachWord(b) { range in
            out.append(Substring(WordBytes.lowercased(UnsafeBufferPointer(rebasing: b[range]))))
            return true
        }
        return out
    }

    /// Whether `text` has at least `n` words (`words(text).count >= n`, without building them).
    static func hasWords(_ text: String, atLeast n: Int) -> Bool {
        guard n > 0 else { return true }
        // A sentence's bytes read in place (a copy of the string would be retained and released).
        if case .some(.some(let found)) = text.utf8.withContiguousStorageIfAvailable({ hasWords(ascii: $0, atLeast: n) }) {
            return found
        }
        var copy = text
        return copy.withUTF8 { b in
            var count = 0
            forEachWord(b) { _ in
                count += 1
                return count < n
            }
            return count >= n
        }
    }

    /// `hasWords` read on the bytes while they are ASCII or punctuation of U+2000–U+203F (curly
    /// quotes, dashes: E2 80 xx, neither letters, digits nor marks), as most sentences are until they
    /// reach `n` words: there a word starts at each letter or digit after any other character. Nil
    /// when another byte beyond ASCII comes first (a letter or a combining mark may join the words around it).
    private static func hasWords(ascii b: UnsafeBufferPointer<UInt8>, atLeast n: Int) -> Bool? {
        var count = 0
        var inWord = false
        var i = 0
        while i < b.count {
            let c = b[i]
            if c >= 0x80 {
                guard c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 else { return nil }
                inWord = false
                i += 3
                continue
            }
            let isWord = WordBytes.isASCIIWordByte(c)
            if isWord && !inWord {
                count += 1
                if count >= n { return true }
            }
            inWord = isWord
            i += 1
        }
        return false
    }

    /// Calls `body` with the byte range of each word of `words(_:)`, in order, while it returns true.
    @inline(__always)
    private static func forEachWord(_ b: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var start = -1
        var i = 0
        while i <= b.count {
            let isWord: Bool
            var length = 1
            if i == b.count {
                isWord = false
            } else if b[i] < 0x80 {
                let c = b[i] | 0x20
                isWord = (c >= 0x61 && c <= 0x7A) || (b[i] >= 0x30 && b[i] <= 0x39)
            } else {
                let (s, n) = WordBytes.scalar(b, at: i)
                length = n
                // A combining mark continues its letter, as Character would have it.
                let p = s.properties
                isWord = p.isAlphabetic || p.numericType != nil || (start >= 0 && p.generalCategory == .nonspacingMark)
            }
            if isWord, start < 0 { start = i }
            if !isWord, start >= 0 {
                if !body(start..<i) { return }
                start = -1
            }
            i += length
        }
    }

    /// Whether some strong-future phrase occurs in `words` (lower-cased).
    static func hasStrongFuture(_ words: [Substring]) -> Bool {
        hasStrongFuture(cues: words.map { ReadingWords.table.index($0).map(Int32.init) ?? -1 })
    }

    /// Whether some strong-future phrase occurs in words given by their `ReadingWords.table`
    /// entries (-1 for a word not in it): every word of a phrase has an entry.
    static func hasStrongFuture(cues: [Int32]) -> Bool {
        for (i, cue) in cues.enumerated() where cue >= 0 {
            guard let phrases = strongFutureByFirstCue[cue] else { continue }
            for phrase in phrases where i + phrase.count <= cues.count {
                if (1..<phrase.count).allSatisfy({ cues[i + $0] == phrase[$0] }) { return true }
            }
        }
        return false
    }

    /// The strong-future phrases as `ReadingWords.table` entries, by their first word's.
    private static let strongFutureByFirstCue: [Int32: [[Int32]]] = Dictionary(
        grouping: strongFutureWords.map { phrase in phrase.map { Int32(ReadingWords.table.index($0)!) } }, by: { $0[0] })
}

/// Words before a date that make it a reference point, not the time of the sentence's happening
/// ("the highest level since March 2008", "given until 30 September to reply").
enum ReferencePointCues {
    static let preceding: Set<String> = ["since", "until", "till", "til", "through", "throughout", "as of", "ahead of",
                                         "before", "prior to", "run-up to", "up to"]
    /// `preceding` for lookups on bytes, and the length of its longest entry.
    private static let precedingTable = WordTable(preceding.sorted().map { ($0, ()) })
    private static let precedingLongest = preceding.map(\.utf8.count).max()!

    /// Looks at the one or two words before the expression.
    /// The expression's preposition phrase: "since March 2008", "ahead of Mr Zelensky's visit to Washington on Monday".
    static func isReferencePoint(before prefix: Substring) -> Bool {
        let window = prefix.lastCharacters(80)
        if case .some(.some(let answer)) = window.utf8.withContiguousStorageIfAvailable(isReferencePoint(ascii:)) { return answer }
        return isReferencePoint(words: TenseCues.words(window))
    }

    /// `isReferencePoint` of the words before the expression (lower-cased).
    static func isReferencePoint(words: [Substring]) -> Bool {
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

    /// "has been fighting cancer since 2004", "had been in talks since March": "since" after a perfect
    /// of an activity or a state still under way ("been" and an -ing form, or "been" in/with/on/at), whose
    /// start the expression dates, unlike the point of comparison of "the highest level since March 2008".
    static func startsOngoingState(before prefix: Substring) -> Bool {
        let words = TenseCues.words(prefix.lastCharacters(80))
        guard words.count >= 3, words[words.count - 1] == "since" else { return false }
        for k in max(0, words.count - 10)..<(words.count - 2) where words[k] == "been" {
            let next = words[k + 1]
            if next.count > 4 && next.hasSuffix("ing") || ["in", "with", "on", "at"].contains(next) { return true }
        }
        return false
    }

    /// `isReferencePoint` of ASCII text, on its bytes, reading only its last ten words (nil for any
    /// other text). The words of ASCII text are its runs of letters and digits.
    private static func isReferencePoint(ascii b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
        // The last ten words, last first, on the stack (no array for each expression).
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 10) { storage in
            var count = 0
            var end = b.count
            while count < 10 {
                while end > 0 && !WordBytes.isASCIIWordByte(b[end - 1]) { end -= 1 }
                guard end > 0 else { break }
                var start = end
                while start > 0 && WordBytes.isASCIIWordByte(b[start - 1]) { start -= 1 }
                storage.initializeElement(at: count, to: start..<end)
                count += 1
                end = start
            }
            return isReferencePoint(ascii: b, tail: UnsafeBufferPointer(rebasing: storage[..<count]))
        }
    }

    /// `isReferencePoint(ascii:)` of the text's last words (`tail`, last first).
    private static func isReferencePoint(ascii b: UnsafeBufferPointer<UInt8>, tail: UnsafeBufferPointer<Range<Int>>) -> Bool {
        guard let last = tail.first else { return false }
        func spells(_ r: Range<Int>, _ word: StaticString) -> Bool {
            r.count == word.utf8CodeUnitCount && r.indices.allSatisfy { b[$0] | 0x20 == word.utf8Start[$0 - r.lowerBound] }
        }
        // `preceding` looked up on the bytes (its entries are lower-case ASCII): the last word, then
        // the last two joined by a space.
        let table = precedingTable
        var hash = WordHash.basis
        for k in last { hash = WordHash.mix(hash, b[k] | (b[k] &- 0x41 < 26 ? 0x20 : 0)) }
        if table.index(lowerCasing: UnsafeBufferPointer(rebasing: b[last]), hash: WordHash.finish(hash)) != nil { return true }
        if tail.count >= 2, tail[1].count + 1 + last.count <= precedingLongest {
            let joined = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: precedingLongest) { out -> Bool in
                var n = 0
                for k in tail[1] { out[n] = b[k]; n += 1 }
                out[n] = 0x20
                n += 1
                for k in last { out[n] = b[k]; n += 1 }
                let word = UnsafeBufferPointer(rebasing: out[..<n])
                var h = WordHash.basis
                for c in word { h = WordHash.mix(h, c | (c &- 0x41 < 26 ? 0x20 : 0)) }
                return table.index(lowerCasing: word, hash: WordHash.finish(h)) != nil
            }
            if joined { return true }
        }
        // "ahead of X's visit to Washington on Monday": the date belongs to the noun phrase after the cue.
        for i in tail.indices.dropFirst() where (spells(tail[i], "ahead") || spells(tail[i], "prior"))
            && (spells(tail[i - 1], "of") || spells(tail[i - 1], "to")) {
            return true
        }
        return false
    }

    /// "since the start of this year", "since the beginning of the month": a period that still
    /// holds the publication day is the span of the happening (so far this year), not a bound.
    static func isPeriodToDate(before prefix: Substring, interval: DayInterval, published: PublicationTime?) -> Bool {
        guard let published, TenseCues.words(prefix.lastCharacters(20)).last == "since" else { return false }
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
    static func isPresentPerfect(_ words: [SentenceReading.Word]) -> Bool {
        guard let firstPast = words.firstIndex(where: { $0.flags.contains(.pastForm) }) else { return false }
        let start = max(0, firstPast - 3)
        return words[start..<firstPast].contains { $0.flags.contains(.perfectAuxiliary) }
    }

    /// Adverbs that may stand between an auxiliary and its participle ("has also been", "have not yet said").
    static let adverbs: Set<String> = ["also", "already", "not", "t", "yet", "just", "never", "now", "since", "recently",
                                       "previously", "long", "still", "finally", "reportedly", "apparently", "only"]

    /// True when a past participle follows the auxiliary at `index` ("has been", "have not yet said"):
    /// "has a new screen" is a present statement, not a perfect.
    static func participleFollows(_ words: [SentenceReading.Word], after index: Int) -> Bool {
        var i = index + 1
        while i < words.count, words[i].flags.contains(.adverb) { i += 1 }
        guard i < words.count else { return false }
        return words[i].flags.contains(.pastForm)
    }

    /// Participles that are past forms too, like `irregularPast` and "-ed" forms (`ReadingWords.Flags.pastForm`).
    static let participles: Set<String> = [
        "shown", "known", "grown", "driven", "chosen", "fallen", "broken", "risen", "beaten", "forgotten", "hidden",
        "stolen", "sworn", "drawn", "thrown", "flown", "begun", "won", "become", "come", "gone", "got", "gotten",
    ]
}

extension Substring {
    /// `suffix(n)`, counted on bytes when the last `n + 1` are ASCII without a "\r\n" (then each
    /// byte is a character, and the one before them does not join the first).
    func lastCharacters(_ n: Int) -> Substring {
        let bytes = utf8
        guard bytes.count > n else { return self }
        var i = bytes.index(bytes.endIndex, offsetBy: -(n + 1))
        let cut = bytes.index(after: i)
        var previous: UInt8 = 0
        while i < bytes.endIndex {
            let b = bytes[i]
            if b >= 0x80 || (previous == 0x0D && b == 0x0A) { return suffix(n) }
            previous = b
            bytes.formIndex(after: &i)
        }
        return self[cut...]
    }
}
