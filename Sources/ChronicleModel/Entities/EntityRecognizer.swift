import ChronicleTagger

/// What a named actor is.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case person
    case organisation
    case place
    /// A name of unknown kind ("Brexit", a single capitalised word).
    case other
}

/// One name as a sentence writes it, before names are matched across sentences and articles.
public struct EntityMention: Sendable, Hashable, Codable {
    /// As written, title included: "Prime Minister Keir Starmer", "Mr Putin", "the Prime Minister".
    public var text: String
    /// The name without title or possessive: "Keir Starmer", "Putin"; empty for a bare title.
    public var name: String
    /// UTF-8 offsets of `text` in the sentence.
    public var utf8Range: Range<Int>
    public var kind: EntityKind
    /// The title before the name, lower-case ("prime minister"), when there is one.
    public var title: String?
    /// The name opens the sentence, so its capital says nothing (a single word there may be any word).
    public var isSentenceInitial: Bool

    public init(text: String, name: String, utf8Range: Range<Int>, kind: EntityKind, title: String?, isSentenceInitial: Bool) {
        self.text = text
        self.name = name
        self.utf8Range = utf8Range
        self.kind = kind
        self.title = title
        self.isSentenceInitial = isSentenceInitial
    }
}

/// Finds names in a sentence: runs of capitalised words (with "of", "van", "bin"… inside),
/// the titles before them, and what kind of actor each is. Scans UTF-8 bytes; words outside
/// ASCII count as letters, so "Zelenskyy" and "Müller" are names like any other.
public struct EntityRecognizer: Sendable {
    public init() {}

    struct Word {
        var range: Range<Int>
        var isCapitalised: Bool
        var isAllCaps: Bool
        /// Only a single space (or nothing) lies between this word and the previous one.
        var joinsPrevious: Bool
        /// Capitalisation says nothing here: sentence start, or after a quote mark, colon or dash.
        var isInitial: Bool
        /// The separator before the word contains a dash ("KYIV — ...").
        var dashBefore: Bool
        /// Every byte is ASCII.
        var isASCII: Bool
        /// Ends in "'s" or "’s" (`EntityRecognizer.isPossessive`).
        var isPossessive: Bool
        /// Its entry in `EntityWords.table`, lower-cased, and that of it without its possessive; -1 for none.
        var entry: Int32
        var bareEntry: Int32
        /// The flags of those entries.
        var flags: EntityWords.Flags
        var bareFlags: EntityWords.Flags

        /// The fields above from `isASCII` on are filled in (`EntityRecognizer.lookUp`).
        var isLookedUp: Bool
        /// The `WordHash` of its lower-cased bytes when a reading worked it out (a word of ASCII
        /// letters and digits alone, without an apostrophe), so the look-up does not hash it again.
        var readingHash: UInt64?

        /// The lower-cased word is in a table of `flag`.
        @inline(__always) func has(_ flag: EntityWords.Flags) -> Bool { flags.contains(flag) }

        /// The lower-cased word without its possessive is in a table of `flag`.
        @inline(__always) func bareHas(_ flag: EntityWords.Flags) -> Bool { bareFlags.contains(flag) }
    }

    /// Names in `sentence`; words inside `excluded` ranges (time expressions) are never names.
    public func recognise(_ sentence: String, excluding excluded: [Range<Int>] = []) -> [EntityMention] {
        var words: [Word] = []
        return recognise(sentence, excluding: excluded, words: &words)
    }

    /// `recognise(_:excluding:)`, its words scanned into `words` (a buffer reused from sentence to sentence).
    private func recognise<Excluded: Collection>(_ sentence: String, excluding excluded: Excluded, words: inout [Word]) -> [EntityMention]
    where Excluded.Element == Range<Int> {
        var copy = sentence
        return copy.withUTF8 { recognise(bytes: $0, excluding: excluded, words: &words) }
    }

    /// `recognise(_:excluding:words:)` of the sentence `reading` has read, from its words when they are
    /// the ASCII ones (`SentenceReading.hasASCIIWords`: nearly every sentence of English news).
    func recognise<Excluded: Collection>(_ reading: SentenceReading, excluding excluded: Excluded, words: inout [Word]) -> [EntityMention]
    where Excluded.Element == Range<Int> {
        guard reading.hasASCIIWords else { return recognise(reading.text, excluding: excluded, words: &words) }
        var copy = reading.text
        return copy.withUTF8 { bytes in
            reading.words.withUnsafeBufferPointer { Self.scanWords(in: bytes, reading: $0, into: &words) }
            return recognise(bytes: bytes, excluding: excluded, scanned: &words)
        }
    }

    private func recognise<Excluded: Collection>(bytes: UnsafeBufferPointer<UInt8>, excluding excluded: Excluded,
                                                 words: inout [Word]) -> [EntityMention] where Excluded.Element == Range<Int> {
        Self.scanWords(in: bytes, into: &words)
        return recognise(bytes: bytes, excluding: excluded, scanned: &words)
    }

    /// The names of the sentence's words, once scanned into `words`.
    private func recognise<Excluded: Collection>(bytes: UnsafeBufferPointer<UInt8>, excluding excluded: Excluded,
                                                 scanned words: inout [Word]) -> [EntityMention] where Excluded.Element == Range<Int> {
        // The words and the excluded spans are walked together, each once: checking every span for
        // every word took minutes on a one-sentence 5 MB article (words × time expressions).
        // A word overlaps a span iff some span starting before the word ends, ends after it starts.
        if !excluded.isEmpty {
            let spans = excluded.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
            var next = 0
            var furthestEnd = Int.min
            for k in words.indices {
                let range = words[k].range
                while next < spans.count, spans[next].lowerBound < range.upperBound {
                    furthestEnd = max(furthestEnd, spans[next].upperBound)
                    next += 1
                }
                if words[k].isCapitalised, !range.isEmpty, furthestEnd > range.lowerBound { words[k].isCapitalised = false }
            }
        }
        // The words read in place: each name's run of words is a view of them, not a copy.
        return words.withUnsafeBufferPointer { names(in: $0, bytes: bytes) }
    }

    /// The names of a sentence's words.
    private func names(in words: UnsafeBufferPointer<Word>, bytes: UnsafeBufferPointer<UInt8>) -> [EntityMention] {
        var found: [EntityMention] = []
        var i = 0
        while i < words.count {
            guard words[i].isCapitalised else { i += 1; continue }
            var j = i
            // "Veterans of World War II": a sentence's first word joins a name over "of" only when it
            // is a word names are made of ("Bank of England", "Republic of Ireland").
            let mayConnect = !words[i].isInitial || words[i].has(.organisationWord) || words[i].has(.placeWord)
            while j + 1 < words.count, words[j + 1].joinsPrevious, !words[j].isPossessive {
                if words[j + 1].isCapitalised && !words[j + 1].isInitial {
                    j += 1
                } else if j > i || mayConnect, words[j + 1].has(.connector), j + 2 < words.count, words[j + 2].joinsPrevious,
                          words[j + 2].isCapitalised {
                    j += 2
                } else if j > i || mayConnect, words[j + 1].has(.connector), j + 3 < words.count, words[j + 2].has(.the),
                          words[j + 2].joinsPrevious, words[j + 3].joinsPrevious, words[j + 3].isCapitalised {
                    j += 3
                } else {
                    break
                }
            }
            if let mention = entity(UnsafeBufferPointer(rebasing: words[i...j]), before: i > 0 ? words[i - 1] : nil,
                                    after: j + 1 < words.count ? words[j + 1] : nil, bytes: bytes, isDateline: i == 0) {
                found.append(mention)
            }
            i = j + 1
        }
        return found
    }

    private func entity(_ run: UnsafeBufferPointer<Word>, before: Word?, after: Word?, bytes: UnsafeBufferPointer<UInt8>, isDateline: Bool) -> EntityMention? {
        // A dateline: "KYIV — ..." names the place the report is filed from.
        if isDateline, run.allSatisfy({ $0.isAllCaps }), after?.dashBefore == true, run.contains(where: { $0.range.count > 2 }) {
            let name = run.map { Self.titleCased(Self.lower($0, bytes)) }.joined(separator: " ")
            return EntityMention(text: Self.text(bytes, run.first!.range.lowerBound..<run.last!.range.upperBound), name: name,
                                 utf8Range: run.first!.range.lowerBound..<run.last!.range.upperBound, kind: .place,
                                 title: nil, isSentenceInitial: false)
        }
        // "the PM's adviser": a title is looked up without its possessive (only a run's last word has one).
        func key(_ k: Int) -> Int32 { k == run.count - 1 ? run[k].bareEntry : run[k].entry }
        // The last title in the run: what follows it is the name, what precedes it qualifies it ("Russian President").
        var title: String?
        var titleStart: Int?
        var nameStart = 0
        var k = 0
        while k < run.count {
            if key(k) >= 0, let t = EntityWords.table.values[Int(key(k))].titles.first(where: { t in
                k + t.words.count <= run.count && t.words.indices.allSatisfy { key(k + $0) == t.words[$0] }
            }) {
                title = EntityWords.titleAliases[t.text] ?? t.text
                titleStart = titleStart ?? k
                nameStart = k + t.words.count
                k += t.words.count
            } else {
                k += 1
            }
        }
        if title == nil, !Self.isPlace(run, bytes: bytes, bare: false) {
            while nameStart < run.count, run[nameStart].has(.notName) {
                // "the Southern Cross Herald", "from New Castora": inside a sentence such a word begins the name that follows.
                if run[nameStart].has(.nameHead), !run[nameStart].isInitial, nameStart + 1 < run.count,
                   !run[nameStart + 1].has(.notName) { break }
                nameStart += 1
            }
        }
        let nameWords = UnsafeBufferPointer(rebasing: run[nameStart...])
        let start = (title != nil ? run[titleStart!] : run[min(nameStart, run.count - 1)]).range.lowerBound
        // "the Prime Minister": a bare title, an actor only if the article names its holder.
        if nameWords.isEmpty {
            guard let title, before?.has(.the) == true || before?.has(.its) == true || titleStart! > 0 else { return nil }
            let range = start..<run.last!.range.upperBound
            return EntityMention(text: Self.text(bytes, range), name: "", utf8Range: range, kind: .person, title: title,
                                 isSentenceInitial: false)
        }
        var end = nameWords.last!.range.upperBound
        end = Self.withoutPossessive(bytes, end)
        let nameRange = nameWords.first!.range.lowerBound..<end
        let range = start..<end
        let text = Self.text(bytes, range)
        // "[Donald] Trump": an editor's brackets are not part of the name; a name as written is often the whole mention.
        let written = bytes[nameRange].contains { $0 == 0x5B || $0 == 0x5D }
            ? String(decoding: bytes[nameRange].filter { $0 != 0x5B && $0 != 0x5D }, as: UTF8.self)
            : nameRange == range ? text : Self.text(bytes, nameRange)
        // One actor under several names ("US", "United States"): its usual full form.
        let alias = Self.alias(nameWords, bytes: bytes)
        let name = alias?.name ?? Self.transliterationFolded(written)
        if nameWords.count == 1 {
            let w = nameWords[0]
            if title == nil && (w.bareHas(.notName) || Self.isNationality(w, bytes: bytes)) { return nil }
            if w.isAllCaps && (w.range.count > 6 || w.has(.zoneAbbreviation)) { return nil }
        }
        let kind: EntityKind
        if title != nil {
            kind = .person
        } else if let alias {
            kind = alias.kind
        } else if nameWords.contains(where: { $0.has(.eventWord) }) {
            kind = .other
        } else if nameWords.count == 1, nameWords[0].isAllCaps, nameWords[0].range.count >= 2 {
            kind = EntityWords.placeAcronyms.contains(written) ? .place : .organisation
        } else if nameWords.contains(where: { $0.bareHas(.organisationWord) }) {
            kind = .organisation
        } else if Self.isPlace(nameWords, bytes: bytes, bare: true) || (nameWords.count > 1 && nameWords.contains { $0.has(.placeWord) }) {
            kind = .place
        } else if nameStart == 0, run[0].joinsPrevious, let before, before.has(.placePreposition) {
            kind = .place
        } else if nameWords.count >= 2 {
            kind = .person
        } else {
            kind = .other
        }
        // "Union leaders said": a common noun opening the sentence is capitalised like a name and may be none.
        let initial = title == nil && nameWords.count == 1 && nameWords[0].isInitial
            && (kind == .other || kind == .organisation && !nameWords[0].isAllCaps && nameWords[0].has(.organisationWord))
        return EntityMention(text: text, name: name, utf8Range: range, kind: kind, title: title, isSentenceInitial: initial)
    }

    /// The words lower-cased and joined by spaces, without the last one's possessive when `bare`.
    private static func joinedLower(_ words: UnsafeBufferPointer<Word>, bytes: UnsafeBufferPointer<UInt8>, bare: Bool) -> String {
        let joined = words.map { lower($0, bytes) }.joined(separator: " ")
        return bare ? withoutPossessive(joined) : joined
    }

    /// Whether `EntityWords.places` holds the words (lower-cased, joined; without the possessive when
    /// `bare`): a single word's entry says; longer names are joined only when their first word begins a place.
    private static func isPlace(_ words: UnsafeBufferPointer<Word>, bytes: UnsafeBufferPointer<UInt8>, bare: Bool) -> Bool {
        if words.count == 1 { return bare ? words[0].bareHas(.place) : words[0].has(.place) }
        guard words[0].has(.placeHead) else { return false }
        return EntityWords.places.contains(joinedLower(words, bytes: bytes, bare: bare))
    }

    /// `EntityWords.aliases` of the name's words (lower-cased, joined, without the possessive), read like `isPlace`.
    private static func alias(_ words: UnsafeBufferPointer<Word>, bytes: UnsafeBufferPointer<UInt8>) -> (name: String, kind: EntityKind)? {
        if words.count == 1 ? !words[0].bareHas(.alias) : !words[0].has(.aliasHead) { return nil }
        return EntityWords.aliases[joinedLower(words, bytes: bytes, bare: true)]
    }

    /// Fills `entities` of every sentence of an analysed article; time expressions are not names.
    /// With `skipsBoilerplate`, sentences of boilerplate blocks are left without names (for callers
    /// that read names only outside boilerplate, as `ArticleNames` does).
    public func recogniseNames(in article: inout Article, skipsBoilerplate: Bool = false) {
        var words: [Word] = []
        for b in article.blocks.indices where !(skipsBoilerplate && article.blocks[b].isBoilerplate) {
            for s in article.blocks[b].sentences.indices {
                // Fields read in place: a copy of the sentence would retain each of its texts and arrays.
                let entities = recognise(article.blocks[b].sentences[s].text,
                                         excluding: article.blocks[b].sentences[s].timexes.lazy.map(\.utf8Range), words: &words)
                article.blocks[b].sentences[s].entities = entities
            }
        }
    }

    // MARK: - Words

    /// The words of a sentence's bytes, into `words` (emptied first).
    private static func scanWords(in bytes: UnsafeBufferPointer<UInt8>, into words: inout [Word]) {
        scanWords(in: bytes, into: &words) { start -> (Int, UInt64?)? in
            guard WordBytes.isWordByte(bytes, start) else { return nil }
            var i = start + 1
            while i < bytes.count {
                if WordBytes.isWordByte(bytes, i) { i += 1; continue }
                // Inner apostrophe or hyphen: "O'Brien", "Putin's", "Al-Assad".
                let joiner = joinerLength(bytes, i)
                if joiner > 0, i + joiner < bytes.count, WordBytes.isWordByte(bytes, i + joiner) {
                    i += joiner
                    continue
                }
                break
            }
            return (i, nil)
        }
    }

    /// The words of a sentence a reading has split into ASCII words (`SentenceReading.hasASCIIWords`),
    /// into `words`: the same as scanning its bytes, where a word is a reading's word or several joined
    /// by an apostrophe or a hyphen, without reading each byte of the words again.
    private static func scanWords(in bytes: UnsafeBufferPointer<UInt8>, reading: UnsafeBufferPointer<SentenceReading.Word>,
                                  into words: inout [Word]) {
        var next = 0
        scanWords(in: bytes, into: &words) { start -> (Int, UInt64?)? in
            guard next < reading.count, reading[next].utf8Range.lowerBound == start else { return nil }
            let first = next
            var end = reading[next].utf8Range.upperBound
            next += 1
            while next < reading.count, end < bytes.count, case let joiner = joinerLength(bytes, end), joiner > 0,
                  reading[next].utf8Range.lowerBound == end + joiner {
                end = reading[next].utf8Range.upperBound
                next += 1
            }
            return (end, next == first + 1 ? reading[first].hash : nil)
        }
    }

    /// The words of a sentence's bytes, into `words` (emptied first); `wordEnd` gives the end of the
    /// word that starts at an offset and its `Word.readingHash`, nil when none starts there (called at
    /// each byte between words).
    @inline(__always)
    private static func scanWords(in bytes: UnsafeBufferPointer<UInt8>, into words: inout [Word],
                                  wordEnd: (Int) -> (end: Int, hash: UInt64?)?) {
        // Read once for the sentence, not once per word (each read of a static checks that it is made).
        let table = EntityWords.table
        words.removeAll(keepingCapacity: true)
        words.reserveCapacity(bytes.count / 4 + 1)
        var i = 0
        var gapSimple = true
        var initial = true
        var dash = false
        var spaces = 0
        while i < bytes.count {
            let b = bytes[i]
            if let (end, hash) = wordEnd(i) {
                let start = i
                i = end
                let first = bytes[start]
                let isCap = (first >= 0x41 && first <= 0x5A) || (first == 0xC3 && start + 1 < bytes.count && bytes[start + 1] >= 0x80 && bytes[start + 1] <= 0x9E && bytes[start + 1] != 0x97)
                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let allCaps = isCap && !word.contains { $0 >= 0x61 && $0 <= 0x7A }
                words.append(Word(range: start..<i, isCapitalised: isCap, isAllCaps: allCaps && word.count > 1,
                                  joinsPrevious: gapSimple && spaces <= 1 && !words.isEmpty, isInitial: initial, dashBefore: dash,
                                  isASCII: true, isPossessive: false, entry: -1, bareEntry: -1, flags: [], bareFlags: [],
                                  isLookedUp: false, readingHash: hash))
                gapSimple = true
                initial = false
                dash = false
                spaces = 0
                continue
            }
            if b == 0x20 {
                spaces += 1
            } else if b == 0x5B || b == 0x5D {
                // "[Donald] Trump": an editor's insertion reads as part of the text around it.
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
                let c = bytes[i + 2]
                gapSimple = false
                if c == 0x94 || c == 0x93 { dash = true; initial = true }
                if c == 0x9C || c == 0x98 { initial = true } // “ ‘
                i += 3
                continue
            } else if b == 0x2E, !words.isEmpty, words[words.count - 1].range.upperBound == i,
                      Self.lookedUp(&words[words.count - 1], bytes, table).has(.abbreviation) {
                // "Mr. Putin", "Gen. Milley": the full stop of an abbreviation does not end anything.
            } else {
                gapSimple = false
                if b == 0x3A || b == 0x22 || b == 0x28 || b == 0x2E || b == 0x3F || b == 0x21 || b == 0x3B { initial = true }
                if b == 0x2D, i + 1 < bytes.count, bytes[i + 1] == 0x2D { dash = true; initial = true }
            }
            i += 1
        }
        // Only a name's words and the words around it are read by what they mean: a capitalised word,
        // the two after it ("of", "the" inside "Bank of the North") and the one before it ("the", "in").
        // Time expressions only take capitals away, so this covers every word `names` reads.
        // (The words read in place: each access to the array would check its bounds and uniqueness.)
        words.withUnsafeMutableBufferPointer { words in
            for k in words.indices where !words[k].isLookedUp {
                if words[k].isCapitalised || (k > 0 && words[k - 1].isCapitalised) || (k > 1 && words[k - 2].isCapitalised)
                    || (k + 1 < words.count && words[k + 1].isCapitalised) {
                    lookUp(&words[k], bytes, table)
                }
            }
        }
    }

    /// `w` looked up (`lookUp`) if it was not yet.
    @inline(__always)
    private static func lookedUp(_ w: inout Word, _ bytes: UnsafeBufferPointer<UInt8>, _ table: WordTable<EntityWords.Entry>) -> Word {
        if !w.isLookedUp { lookUp(&w, bytes, table) }
        return w
    }

    /// Fills in what `EntityWords.table` says of a word, looked up lower-cased (ASCII capitals
    /// lowered, every other byte kept) and without its possessive. A word with a byte beyond ASCII is
    /// in no table (the tables hold lower-case ASCII); its possessive is found as on a `String`,
    /// character by character.
    private static func lookUp(_ w: inout Word, _ bytes: UnsafeBufferPointer<UInt8>, _ table: WordTable<EntityWords.Entry>) {
        let word = UnsafeBufferPointer(rebasing: bytes[w.range])
        w.isLookedUp = true
        let n = word.count
        var hash = WordHash.basis
        var bareHash = hash
        if let known = w.readingHash {
            // ASCII, and without an apostrophe: no possessive, whose bare hash is read.
            hash = known
        } else {
            for k in 0..<n {
                let c = word[k]
                if c >= 0x80 { w.isASCII = false; break }
                if k == n - 2 { bareHash = hash }
                hash = WordHash.mix(hash, c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
        }
        if w.isASCII {
            w.entry = table.index(lowerCasing: word, hash: WordHash.finish(hash)).map(Int32.init) ?? -1
            w.isPossessive = n >= 2 && word[n - 1] == 0x73 && word[n - 2] == 0x27
            w.bareEntry = !w.isPossessive ? w.entry
                : table.index(lowerCasing: UnsafeBufferPointer(rebasing: word[..<(n - 2)]), hash: WordHash.finish(bareHash))
                    .map(Int32.init) ?? -1
        } else {
            let lower = lowerCased(word)
            w.isPossessive = isPossessive(lower)
            if w.isPossessive {
                var bare = withoutPossessive(lower)
                w.bareEntry = bare.withUTF8 { b in b.allSatisfy { $0 < 0x80 } ? table.index(hash: WordHash.of(b), bytes: b) : nil }
                    .map(Int32.init) ?? -1
            }
        }
        if w.entry >= 0 { w.flags = table.values[Int(w.entry)].flags }
        if w.bareEntry >= 0 { w.bareFlags = table.values[Int(w.bareEntry)].flags }
    }

    /// The word's bytes with ASCII capitals lowered, every other byte kept.
    static func lowerCased(_ word: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: word.count) { (out: UnsafeMutableBufferPointer<UInt8>) -> Int in
            for (k, c) in word.enumerated() { out[k] = c >= 0x41 && c <= 0x5A ? c + 32 : c }
            return word.count
        }
    }

    static func lower(_ w: Word, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        lowerCased(UnsafeBufferPointer(rebasing: bytes[w.range]))
    }

    /// Length of an apostrophe (' or ’) or hyphen at `i`, else 0.
    static func joinerLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if bytes[i] == 0x27 || bytes[i] == 0x2D { return 1 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// Slavic surnames that outlets spell differently in English ("Zelenskyy", "Zelenskiy",
    /// "Zelensky"; "Syrskyi", "Syrsky") written one way: "-skyy", "-skiy", "-skyi" and "-skii" are "-sky".
    static func transliterationFolded(_ name: String) -> String {
        guard name.utf8.count >= 6, WordBytes.someWord(of: name, endsIn: EntityWords.transliteratedEndingBytes) else { return name }
        var words = name.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for k in words.indices where words[k].utf8.count >= 6 {
            for ending in EntityWords.transliteratedEndings where words[k].hasSuffix(ending) {
                words[k] = String(words[k].dropLast(ending.count)) + "sky"
                changed = true
                break
            }
        }
        return changed ? words.joined(separator: " ") : name
    }

    static func withoutPossessive(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        if end >= 2, bytes[end - 1] == 0x73, bytes[end - 2] == 0x27 { return end - 2 }
        if end >= 4, bytes[end - 1] == 0x73, bytes[end - 2] == 0x99, bytes[end - 3] == 0x80, bytes[end - 4] == 0xE2 { return end - 4 }
        return end
    }

    static func isPossessive(_ lower: String) -> Bool {
        // Both end in the byte "s" (checked first: comparing characters is slower).
        lower.utf8.last == 0x73 && (lower.hasSuffix("'s") || lower.hasSuffix("’s"))
    }

    /// "Ukrainian", "Europeans", "French": a people or an adjective, not an actor.
    static func isNationality(_ w: Word, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard w.isASCII else { return isNationality(withoutPossessive(lower(w, bytes))) }
        if w.bareHas(.nationality) { return true }
        // ASCII: each byte a character, compared lower-cased.
        let end = w.isPossessive ? w.range.upperBound - 2 : w.range.upperBound
        guard end - w.range.lowerBound >= 5, !w.bareHas(.place) else { return false }
        let length = end - w.range.lowerBound
        return EntityWords.nationalitySuffixBytes.contains { suffix in
            suffix.count <= length && suffix.indices.allSatisfy { k in
                let c = bytes[end - suffix.count + k]
                return (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) == suffix[k]
            }
        }
    }

    static func isNationality(_ lower: String) -> Bool {
        EntityWords.nationalities.contains(lower)
            || (lower.count >= 5 && EntityWords.nationalitySuffixes.contains { Self.mayEnd(lower, with: $0) && lower.hasSuffix($0) }
                && !EntityWords.places.contains(lower))
    }

    /// False when `text` cannot end with `suffix`: the suffix ends in a lower-case ASCII letter
    /// (which no other character equals) and the text's last byte is another.
    static func mayEnd(_ text: String, with suffix: String) -> Bool {
        guard let last = suffix.utf8.last, last >= 0x61 && last <= 0x7A else { return true }
        return text.utf8.last == last
    }

    static func withoutPossessive(_ lower: String) -> String {
        guard lower.utf8.last == 0x73 else { return lower }
        if lower.hasSuffix("'s") { return String(lower.dropLast(2)) }
        if lower.hasSuffix("’s") { return String(lower.dropLast(2)) }
        return lower
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    static func titleCased(_ lower: String) -> String {
        lower.prefix(1).uppercased() + lower.dropFirst()
    }
}
