import Foundation

/// The words that identify a happening, for deciding whether two sentences report the same one:
/// names, numbers and content words, with the synonyms news uses folded together.
struct EventSignature: Sendable {
    /// Token → weight.
    private(set) var weights: [String: Double] = [:]
    private(set) var total: Double = 0
    /// The numbers of the expression's clause ("12 million", "$39m"): two accounts that both give
    /// figures and share none tell different happenings ("28 million customers" is not "12 million").
    private(set) var numbers: Set<String> = []

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

    /// Words outside the clause of the dating expression count this much: the happening is told
    /// around its date ("Meanwhile, talks in Riyadh collapsed on Friday, officials said"), and the
    /// frame around it ("The story goes back years:", "officials said") is shared by unrelated events.
    static let outsideClauseWeight = 0.1

    /// - Parameters:
    ///   - focus: UTF-8 offsets of the dating expression; its clause weighs most.
    ///   - entities: the sentence's actors by site-wide name, so "Mr Putin" and "Vladimir Putin" match.
    init(_ text: String, focus: Range<Int>? = nil, entities: [String] = []) {
        let bytes = Array(text.utf8)
        let clause = focus.map { Self.clause(around: $0, in: bytes) }
        var previousEnded = true
        var i = 0
        while i < bytes.count {
            guard Self.isWordByte(bytes, i) else {
                let b = bytes[i]
                if b == 0x2E || b == 0x22 || b == 0x3A || (b == 0xE2 && i + 2 < bytes.count && bytes[i + 2] == 0x9C) { previousEnded = true }
                i += 1
                continue
            }
            let start = i
            while i < bytes.count && Self.isWordByte(bytes, i) { i += 1 }
            defer { previousEnded = false }
            // The date itself is compared as a date, not as words.
            if let focus, focus.contains(start) { continue }
            let first = bytes[start]
            let lower = String(decoding: bytes[start..<i].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
            if Self.stopwords.contains(lower) { continue }
            let isNumber = first >= 0x30 && first <= 0x39
            let isCapital = first >= 0x41 && first <= 0x5A
            var weight: Double = isNumber ? 2 : (isCapital && !previousEnded ? 2 : 1)
            if let clause, !clause.contains(start) {
                weight *= Self.outsideClauseWeight
            } else if isNumber {
                numbers.insert(lower)
            }
            add(Self.synonyms[lower] ?? Self.stem(lower), weight)
        }
        // An actor the sentence names by another form ("Mr Putin") counts under its site-wide name.
        for name in entities where !text.contains(name) { add("@" + name, 2) }
    }

    private mutating func add(_ key: String, _ weight: Double) {
        let old = weights[key] ?? 0
        if weight > old {
            total += weight - old
            weights[key] = weight
        }
    }

    /// The clause holding the expression: from the punctuation before it to the punctuation after
    /// it, the next clause included when the expression opens the sentence on its own ("On Friday, …").
    static func clause(around focus: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        func isBoundary(_ i: Int) -> Bool {
            let b = bytes[i]
            // "14,000" and "5.4" are numbers, not clause breaks.
            if b == 0x2C, i > 0, i + 1 < bytes.count, bytes[i - 1] >= 0x30 && bytes[i - 1] <= 0x39,
               bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 { return false }
            if b == 0x2C || b == 0x3B || b == 0x3A || b == 0x28 || b == 0x29 || b == 0x22 { return true }
            // — – “ ” (E2 80 94/93/9C/9D)
            return b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && [0x93, 0x94, 0x9C, 0x9D].contains(bytes[i + 2])
        }
        let lower = max(0, min(focus.lowerBound, bytes.count))
        let upper = max(lower, min(focus.upperBound, bytes.count))
        var start = lower
        while start > 0 && !isBoundary(start - 1) { start -= 1 }
        var end = upper
        while end < bytes.count && !isBoundary(end) { end += 1 }
        let before = bytes[start..<lower].filter { $0 == 0x20 }.count
        if before <= 1 && end < bytes.count {
            end += 1
            while end < bytes.count && !isBoundary(end) { end += 1 }
        }
        return start..<end
    }

    /// Letters, digits and non-ASCII bytes other than the E2 80 punctuation block (quotes, dashes).
    static func isWordByte(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        if b == 0xE2 { return !(i + 1 < bytes.count && bytes[i + 1] == 0x80) }
        if b >= 0x80 && b < 0xC0 {
            var k = i - 1
            while k >= 0 && bytes[k] >= 0x80 && bytes[k] < 0xC0 { k -= 1 }
            return k < 0 || !(bytes[k] == 0xE2 && k + 1 < bytes.count && bytes[k + 1] == 0x80)
        }
        return true
    }

    /// Crude English suffix folding: enough to match "sanctions"/"sanction", "talks"/"talk".
    static func stem(_ w: String) -> String {
        if w.count > 5, w.hasSuffix("ing") { return String(w.dropLast(3)) }
        if w.count > 4, w.hasSuffix("ed") { return String(w.dropLast(2)) }
        if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") { return String(w.dropLast()) }
        return w
    }

}

/// Event signatures as sorted token ids with weights scaled by rarity among all mentions
/// (inverse document frequency), so a phrase every article repeats ("officials said") says
/// little and a distinctive word says much. Integer ids keep pairing cheap at scale.
struct TokenVector: Sendable {
    var ids: [Int32] = []
    var weights: [Double] = []
    var total: Double = 0
    /// Ids of the clause's numbers, sorted.
    var numbers: [Int32] = []
    /// Similarity is scaled by this when both sides give numbers and share none.
    static let differentNumbers = 0.5

    static func vectors(for signatures: [EventSignature]) -> [TokenVector] {
        var vocabulary: [String: Int32] = [:]
        var frequency: [Int] = []
        let tokenIDs: [[(Int32, Double)]] = signatures.map { signature in
            signature.weights.map { token, weight in
                let id = vocabulary[token] ?? {
                    let new = Int32(vocabulary.count)
                    vocabulary[token] = new
                    frequency.append(0)
                    return new
                }()
                frequency[Int(id)] += 1
                return (id, weight)
            }
        }
        let documents = Double(signatures.count + 1)
        return zip(tokenIDs, signatures).map { pairs, signature in
            var v = TokenVector()
            for (id, weight) in pairs.sorted(by: { $0.0 < $1.0 }) {
                let w = weight * max(0.1, log(documents / Double(frequency[Int(id)])))
                v.ids.append(id)
                v.weights.append(w)
                v.total += w
            }
            v.numbers = signature.numbers.compactMap { vocabulary[$0] }.sorted()
            return v
        }
    }

    /// Dice coefficient over weighted tokens, 0…1.
    func similarity(_ other: TokenVector) -> Double {
        guard total > 0, other.total > 0 else { return 0 }
        var shared = 0.0
        var i = 0, j = 0
        while i < ids.count && j < other.ids.count {
            if ids[i] == other.ids[j] {
                shared += min(weights[i], other.weights[j])
                i += 1
                j += 1
            } else if ids[i] < other.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let dice = 2 * shared / (total + other.total)
        guard !numbers.isEmpty, !other.numbers.isEmpty else { return dice }
        var a = 0, b = 0
        while a < numbers.count && b < other.numbers.count {
            if numbers[a] == other.numbers[b] { return dice }
            if numbers[a] < other.numbers[b] { a += 1 } else { b += 1 }
        }
        return dice * Self.differentNumbers
    }
}
