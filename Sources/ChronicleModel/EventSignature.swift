import Foundation

/// The words that identify a happening, for deciding whether two sentences report the same one:
/// names, numbers and content words, with the synonyms news uses folded together.
///
/// Tokens are 64-bit hashes of the folded words: the merger only compares them, so it never
/// builds a string per word (a 10,000-article timeline has millions of them).
struct EventSignature: Sendable {
    /// Token hash → weight (2 for names and numbers, 1 for other words; a tenth outside the
    /// expression's clause), sorted by hash.
    private(set) var tokens: [UInt64] = []
    private(set) var weights: [Double] = []
    /// Hashes of the numbers in the expression's clause ("12 million", "$39m"), sorted.
    private(set) var numbers: [UInt64] = []
    /// For each token, whether it is a name (a capitalised word inside a sentence, or an actor): who,
    /// not what happened.
    private(set) var names: [Bool] = []

    static let stopwords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "that", "this", "these", "those", "it", "its",
        "he", "she", "they", "them", "his", "her", "their", "we", "us", "our", "you", "your", "i", "me", "my", "who",
        "whom", "which", "what", "when", "where", "while", "than", "then", "there", "here", "so", "not", "no", "also",
        "said", "says", "say", "told", "added", "according", "mr", "mrs", "ms", "dr", "sir", "about", "after",
        "before", "over", "into", "out", "up", "down", "more", "most", "some", "any", "all", "such", "only", "just",
        "very", "other", "new", "one", "s", "t", "ll", "re", "ve", "d", "up", "because", "since", "until", "how",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tomorrow", "week", "month", "year", "day", "last", "next", "earlier", "later", "ago", "morning",
        "afternoon", "evening", "night",
        // Discourse markers link a sentence to its neighbours; they say nothing about the happening.
        "however", "meanwhile", "separately", "still", "moreover", "furthermore", "nevertheless", "nonetheless",
        "instead", "contrast", "addition", "yet", "though", "although",
    ]

    /// Synonym classes: every word of a class counts as the class name.
    static let synonyms: [String: String] = {
        let classes: [String: [String]] = [
            "#meeting": ["summit", "meeting", "meet", "met", "call", "talks", "talk", "conference", "gathering",
                         "videoconference", "video", "virtual", "convene", "convened", "convenes", "host", "hosted", "hosts"],
            "#ceasefire": ["ceasefire", "truce", "armistice", "cessation"],
            "#leader": ["leader", "leaders", "president", "prime", "minister", "chancellor", "pm"],
            "#country": ["country", "countries", "nations", "nation", "allies", "ally", "states"],
            "#attack": ["attack", "attacks", "strike", "strikes", "assault", "bombardment", "shelling"],
            "#agree": ["agree", "agreed", "agreement", "deal", "accord", "pact"],
            "#announce": ["announce", "announced", "unveil", "unveiled", "launch", "launched", "introduce", "introduced"],
        ]
        var map: [String: String] = [:]
        for (name, words) in classes { for w in words { map[w] = name } }
        return map
    }()

    /// The tables above by word hash, so a word is looked up without becoming a string: a stopword
    /// gives 0, a word of a synonym class the class name's hash.
    private static let folding: KeyTable<UInt64> = {
        var table = KeyTable<UInt64>(capacity: stopwords.count + synonyms.count)
        for word in stopwords { table.append(hash(word.utf8), 0) }
        for (word, name) in synonyms.sorted(by: { $0.key < $1.key }) where table.index(of: hash(word.utf8)) == nil {
            table.append(hash(word.utf8), hash(name.utf8))
        }
        return table
    }()

    /// Words outside the clause of the dating expression count this much: the happening is told
    /// around its date ("Meanwhile, talks in Riyadh collapsed on Friday, officials said"), and the
    /// frame around it ("The story goes back years:", "officials said") is shared by unrelated events.
    static let outsideClauseWeight = 0.1

    /// - Parameters:
    ///   - focus: UTF-8 offsets of the dating expression; its clause weighs most, its own words not at all.
    ///   - entities: the sentence's actors by name, so "Mr Putin" and "Vladimir Putin" match.
    init(_ text: String, focus: Range<Int>? = nil, entities: [String] = []) {
        var reader = Reader()
        reader.read(text, focus: focus, entities: entities)
        tokens = Array(reader.tokens)
        weights = Array(reader.weights)
        names = Array(reader.names)
        numbers = reader.numbers
    }

    /// Reads one signature after another into the same buffers, so a month of mentions is read
    /// without allocating per mention; after `read`, its lists are that text's signature.
    struct Reader {
        var tokens: ArraySlice<UInt64> { tokenBuffer[..<count] }
        var weights: ArraySlice<Double> { weightBuffer[..<count] }
        var names: ArraySlice<Bool> { nameBuffer[..<count] }
        private(set) var numbers: [UInt64] = []
        /// The lists above are the first `count` values of these, written in place (each read would
        /// otherwise empty and refill three arrays, a check of their storage per word).
        private var tokenBuffer: [UInt64] = [], weightBuffer: [Double] = [], nameBuffer: [Bool] = []
        private var count = 0
        /// Each word as found: its token, weight and whether it is a name (a token found twice keeps
        /// its largest weight, and is a name when either is).
        private var found: [(token: UInt64, weight: Double, isName: Bool)] = []

        mutating func read<Entities: Sequence<String>>(_ text: String, focus: Range<Int>?, entities: Entities) {
            found.removeAll(keepingCapacity: true)
            numbers.removeAll(keepingCapacity: true)
            var text = text
            let plainASCII = text.withUTF8 { scan($0, focus: focus) }
            // An actor the sentence names by another form ("Mr Putin") counts under its full name.
            // (Plain ASCII text is plain for `WordBytes.contains`: known from the scan, not read again.)
            var textIsPlain: Bool? = plainASCII ? true : nil
            for name in entities where !WordBytes.contains(text, name, textIsPlain: &textIsPlain) {
                var h = EventSignature.hash(CollectionOfOne(0x40))
                for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
                found.append((h, 2, true))
            }
            found.sort { $0.token < $1.token }
            if tokenBuffer.count < found.count {
                let more = found.count - tokenBuffer.count
                tokenBuffer += repeatElement(0, count: more)
                weightBuffer += repeatElement(0, count: more)
                nameBuffer += repeatElement(false, count: more)
            }
            count = found.withUnsafeBufferPointer { found in
                tokenBuffer.withUnsafeMutableBufferPointer { tokens in
                    weightBuffer.withUnsafeMutableBufferPointer { weights in
                        nameBuffer.withUnsafeMutableBufferPointer { names in
                            var count = 0
                            for f in found {
                                if count > 0 && tokens[count - 1] == f.token {
                                    weights[count - 1] = max(weights[count - 1], f.weight)
                                    if f.isName { names[count - 1] = true }
                                } else {
                                    (tokens[count], weights[count], names[count]) = (f.token, f.weight, f.isName)
                                    count += 1
                                }
                            }
                            return count
                        }
                    }
                }
            }
            if numbers.count > 1 {
                numbers.sort()
                var kept = 1
                for k in 1..<numbers.count where numbers[k] != numbers[kept - 1] {
                    numbers[kept] = numbers[k]
                    kept += 1
                }
                numbers.removeLast(numbers.count - kept)
            }
        }

        /// Reads the words of `bytes`; whether they are all ASCII without a carriage return.
        private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, focus: Range<Int>?) -> Bool {
            let clause = focus.map { EventSignature.clause(around: $0, in: bytes) }
            // Read once for the text, not once per word (each read of a static checks that it is made).
            let folding = EventSignature.folding
            return EventSignature.asciiBytes.withUnsafeBufferPointer { ascii in
                @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
                // Byte `i` lower-cased when it belongs to a word, else its kind (`asciiBytes`; `beyondASCII`
                // for a byte beyond ASCII outside words): one load for nearly every byte.
                @inline(__always) func wordByte(_ i: Int) -> UInt8 {
                    let b = bytes[i]
                    if b < 0x80 { return ascii[Int(b)] }
                    return WordBytes.isWordByte(bytes, i) ? b : EventSignature.beyondASCII
                }
                var previousEnded = true
                // Every word byte or'ed together, and whether a byte outside words is beyond ASCII or a carriage return.
                var allBytes: UInt8 = 0, carriageReturn = false
                var i = 0
                while i < bytes.count {
                    var c = wordByte(i)
                    guard c >= EventSignature.firstWordByte else {
                        if c == EventSignature.sentenceMark {
                            previousEnded = true
                        } else if c == EventSignature.carriageReturn {
                            carriageReturn = true
                        } else if c == EventSignature.beyondASCII {
                            allBytes |= 0x80
                            if bytes[i] == 0xE2 && i + 2 < bytes.count && bytes[i + 2] == 0x9C { previousEnded = true }
                        }
                        i += 1
                        continue
                    }
                    let start = i
                    // The word lower-cased (ASCII letters) and hashed as it is read, every byte or'ed
                    // together (below 0x80 when it is ASCII).
                    var whole: UInt64 = 0xcbf2_9ce4_8422_2325
                    var high: UInt8 = 0
                    while true {
                        whole = (whole ^ UInt64(c)) &* 0x100_0000_01b3
                        high |= c
                        i += 1
                        if i < bytes.count {
                            c = wordByte(i)
                            if c >= EventSignature.firstWordByte { continue }
                        }
                        // A number is one word across its decimal point and thousands separators ("10.4%",
                        // "14,000"): "10.4%" shares nothing with "a 10-year bond".
                        guard EventSignature.isDigit(bytes, start), i + 1 < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x2C,
                              EventSignature.isDigit(bytes, i + 1) else { break }
                        c = bytes[i]
                    }
                    allBytes |= high
                    defer { previousEnded = false }
                    // The date itself is compared as a date, not as words.
                    if let focus, focus.contains(start) { continue }
                    var letters = i - start
                    if high >= 0x80 {
                        letters = 0
                        for k in start..<i where bytes[k] & 0xC0 != 0x80 { letters += 1 }
                    }
                    // The last three bytes lower-cased (0 before the word's start), for the suffixes below.
                    let last = lower(bytes[i - 1])
                    let second = i - start >= 2 ? lower(bytes[i - 2]) : 0
                    let third = i - start >= 3 ? lower(bytes[i - 3]) : 0
                    // Crude English suffix folding: enough to match "sanctions"/"sanction", "talks"/"talk".
                    // The stem's hash is the whole word's with the suffix's bytes taken back off.
                    @inline(__always) func unhash(_ h: UInt64, _ b: UInt8) -> UInt64 { (h &* EventSignature.inverseFNVPrime) ^ UInt64(b) }
                    var stem = whole
                    if letters > 5, third == 0x69, second == 0x6E, last == 0x67 {  // "ing"
                        stem = unhash(unhash(unhash(whole, last), second), third)
                    } else if letters > 4, second == 0x65, last == 0x64 {  // "ed"
                        stem = unhash(unhash(whole, last), second)
                    } else if letters > 3, last == 0x73, second != 0x73 {  // "s", not "ss"
                        stem = unhash(whole, last)
                    }
                    let folded = folding.index(of: whole).map { folding.values[$0] }
                    if folded == 0 { continue }
                    let first = bytes[start]
                    let isNumber = first >= 0x30 && first <= 0x39
                    let isCapital = first >= 0x41 && first <= 0x5A
                    var weight: Double = isNumber ? 2 : (isCapital && !previousEnded ? 2 : 1)
                    if let clause, !clause.contains(start) {
                        weight *= EventSignature.outsideClauseWeight
                    } else if isNumber {
                        numbers.append(whole)
                    }
                    found.append((folded ?? stem, weight, isCapital && !previousEnded))
                }
                return allBytes < 0x80 && !carriageReturn
            }
        }
    }

    /// What `Reader.scan` reads of each ASCII byte: a word byte (`WordBytes.isASCIIWordByte`)
    /// lower-cased, else its kind, below every word byte: a mark that ends a sentence or opens or
    /// closes a quote or a list (. " :), a carriage return, any other.
    private static let asciiBytes: [UInt8] = (0..<128).map { (b: UInt8) in
        if WordBytes.isASCIIWordByte(b) { return b >= 0x41 && b <= 0x5A ? b + 32 : b }
        if b == 0x2E || b == 0x22 || b == 0x3A { return EventSignature.sentenceMark }
        return b == 0x0D ? EventSignature.carriageReturn : 0
    }
    private static let sentenceMark: UInt8 = 1, carriageReturn: UInt8 = 2, beyondASCII: UInt8 = 3
    /// The least word byte ("0").
    private static let firstWordByte: UInt8 = 0x30
    /// The inverse of the FNV prime modulo 2^64: a byte hashed last is taken back off.
    static let inverseFNVPrime: UInt64 = 0xce96_5057_aff6_957b

    /// The clause holding the expression: from the punctuation before it to the punctuation after
    /// it, the next clause included when the expression opens the sentence on its own ("On Friday, …").
    static func clause(around focus: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isBoundary(_ i: Int) -> Bool {
            let b = bytes[i]
            // "14,000" and "5.4" are numbers, not clause breaks.
            if b == 0x2C, i > 0, i + 1 < bytes.count, bytes[i - 1] >= 0x30 && bytes[i - 1] <= 0x39,
               bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 { return false }
            if b == 0x2C || b == 0x3B || b == 0x3A || b == 0x28 || b == 0x29 || b == 0x22 { return true }
            // — – “ ” (E2 80 94/93/9C/9D)
            guard b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 else { return false }
            let c = bytes[i + 2]
            return c == 0x93 || c == 0x94 || c == 0x9C || c == 0x9D
        }
        let lower = max(0, min(focus.lowerBound, bytes.count))
        let upper = max(lower, min(focus.upperBound, bytes.count))
        var start = lower
        while start > 0 && !isBoundary(start - 1) { start -= 1 }
        var end = upper
        while end < bytes.count && !isBoundary(end) { end += 1 }
        var before = 0
        for k in start..<lower where bytes[k] == 0x20 { before += 1 }
        if before <= 1 && end < bytes.count {
            end += 1
            while end < bytes.count && !isBoundary(end) { end += 1 }
        }
        return start..<end
    }

    static func isDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { bytes[i] >= 0x30 && bytes[i] <= 0x39 }

    /// Similarity is scaled by this when both sentences give numbers in their clause and share none:
    /// "28 million customers" is not "12 million".
    static let differentNumbers = 0.5

    /// Similarity of an announcement and a report is scaled by this when their clauses share names
    /// but no other word: the same actors doing something else ("Starmer met Macron" is not
    /// "Starmer announced sanctions"); the announcement rule chooses among that day's reports.
    static let onlyWhoShared = 0.5

    /// Whether two sorted lists of number hashes, both non-empty, share none.
    static func numbersDiffer(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { return false }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return true
    }

    /// FNV-1a, 64 bits: words are short, and a collision only makes two words count as one.
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// `hash(text.utf8)`, read from the string's bytes in place (a fraction of the cost of walking its UTF-8 view).
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0) }
    }
}
