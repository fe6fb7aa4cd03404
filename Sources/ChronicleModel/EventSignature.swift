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

    /// The same tokens with each weight scaled by how rare the token is among all mentions
    /// (inverse document frequency), so a phrase every article repeats ("officials said",
    /// "the story goes back years") says little, and a distinctive word says much.
    func weighted(by documentFrequency: [String: Int], documents: Int) -> EventSignature {
        var copy = self
        copy.total = 0
        for (k, w) in weights {
            let df = Double(documentFrequency[k] ?? 1)
            let idf = max(0.1, log(Double(documents + 1) / df))
            copy.weights[k] = w * idf
            copy.total += w * idf
        }
        return copy
    }

    /// Dice coefficient over weighted tokens, 0…1.
    func similarity(_ other: EventSignature) -> Double {
        guard total > 0, other.total > 0 else { return 0 }
        var shared = 0.0
        let (small, large) = weights.count <= other.weights.count ? (weights, other.weights) : (other.weights, weights)
        for (k, w) in small { if let v = large[k] { shared += min(w, v) } }
        return 2 * shared / (total + other.total)
    }

    var tokens: Dictionary<String, Double>.Keys { weights.keys }
}
