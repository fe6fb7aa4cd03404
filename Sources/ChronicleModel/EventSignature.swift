import Foundation

/// The words that identify a happening, for deciding whether two sentences report the same one:
/// names, numbers and content words, with the synonyms news uses folded together.
///
/// Tokens are 64-bit hashes of the folded words: the merger only compares them, so it never
/// builds a string per word (a 10,000-article timeline has millions of them).
struct EventSignature: Sendable {
    /// Token hash → weight (2 for names and numbers, 1 for other words), sorted by hash.
    private(set) var tokens: [UInt64] = []
    private(set) var weights: [Double] = []

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

    /// The tables above by word hash, so a word is looked up without becoming a string.
    private static let stopwordHashes = Set(stopwords.map { hash(Array($0.utf8)) })
    private static let synonymHashes = Dictionary(uniqueKeysWithValues: synonyms.map { (hash(Array($0.key.utf8)), hash(Array($0.value.utf8))) })

    init(_ text: String) {
        var found: [UInt64: Double] = [:]
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var letters = 0
        var isCapital = false
        var isNumber = false
        var previousEnded = true
        func flush() {
            defer { word.removeAll(keepingCapacity: true); letters = 0 }
            guard !word.isEmpty else { return }
            let whole = Self.hash(word)
            if Self.stopwordHashes.contains(whole) { return }
            let key = Self.synonymHashes[whole] ?? Self.hash(Self.stem(word, letters: letters))
            let weight: Double = isNumber ? 2 : (isCapital && !previousEnded ? 2 : 1)
            if found[key].map({ $0 < weight }) ?? true { found[key] = weight }
        }
        for scalar in text.unicodeScalars {
            let letter: Bool, number: Bool
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                number = b >= 0x30 && b <= 0x39
                letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            } else {
                let p = scalar.properties
                number = p.numericType != nil
                letter = !number && p.isAlphabetic
            }
            if letter || number {
                if word.isEmpty {
                    isNumber = number
                    isCapital = scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
                }
                letters += 1
                if scalar.isASCII {
                    let b = UInt8(scalar.value)
                    word.append((0x41...0x5A).contains(b) ? b | 0x20 : b)
                } else {
                    word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            } else {
                if !word.isEmpty { flush(); previousEnded = false }
                if scalar == "." || scalar == "“" || scalar == "\"" || scalar == ":" { previousEnded = true }
            }
        }
        flush()
        for key in found.keys.sorted() {
            tokens.append(key)
            weights.append(found[key]!)
        }
    }

    /// Crude English suffix folding: enough to match "sanctions"/"sanction", "talks"/"talk".
    static func stem(_ w: [UInt8], letters: Int) -> ArraySlice<UInt8> {
        func ends(_ suffix: String) -> Bool { w.count >= suffix.utf8.count && w.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        if letters > 5, ends("ing") { return w.dropLast(3) }
        if letters > 4, ends("ed") { return w.dropLast(2) }
        if letters > 3, ends("s"), !ends("ss") { return w.dropLast() }
        return w[...]
    }

    /// FNV-1a, 64 bits: words are short, and a collision only makes two words count as one.
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
