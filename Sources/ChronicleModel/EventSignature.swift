import Foundation

/// The words that identify a happening, for deciding whether two sentences report the same one:
/// names, numbers and content words, with the synonyms news uses folded together.
struct EventSignature: Sendable {
    /// Token → weight.
    private(set) var weights: [String: Double] = [:]
    private(set) var total: Double = 0

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

    init(_ text: String) {
        var index = 0
        var previousEnded = true
        var word = ""
        var isCapital = false
        func flush() {
            defer { word = ""; index += 1 }
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            if Self.stopwords.contains(lower) { return }
            let isNumber = word.first?.isNumber ?? false
            let key = Self.synonyms[lower] ?? Self.stem(lower)
            let weight: Double = isNumber ? 2 : (isCapital && !previousEnded ? 2 : 1)
            if weights[key] == nil || weights[key]! < weight {
                total += weight - (weights[key] ?? 0)
                weights[key] = weight
            }
        }
        for c in text {
            if c.isLetter || c.isNumber {
                if word.isEmpty { isCapital = c.isUppercase }
                word.append(c)
            } else {
                if !word.isEmpty { flush(); previousEnded = false }
                if c == "." || c == "“" || c == "\"" || c == ":" { previousEnded = true }
            }
        }
        flush()
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
        return tokenIDs.map { pairs in
            var v = TokenVector()
            for (id, weight) in pairs.sorted(by: { $0.0 < $1.0 }) {
                let w = weight * max(0.1, log(documents / Double(frequency[Int(id)])))
                v.ids.append(id)
                v.weights.append(w)
                v.total += w
            }
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
        return 2 * shared / (total + other.total)
    }
}
