import ChronicleMarkdown
import Foundation

/// Decides which paragraphs are outlet boilerplate rather than reporting: donation appeals,
/// navigation ("Read more", "Leave a Reply"), photo credits, and paragraphs an outlet
/// repeats across its articles.
public struct BoilerplateDetector: Sendable {
    /// Phrases of appeals and page furniture (normalised: lower case, apostrophes as spaces);
    /// two distinct ones make a paragraph boilerplate, one suffices for a paragraph the outlet repeats.
    static let cuePhrases: [String] = [
        "your support", "support now", "support us", "donation", "donate", "subscribe", "subscription", "newsletter",
        "sign up", "paywall", "read more", "leave a reply", "quality journalism", "independent journalism",
        "advertisement", "cookie", "all rights reserved", "click here", "follow us", "share this", "log in",
        "most read", "related articles", "comments", "contribution", "reader funded", "become a member",
        "free articles", "you ve read", "contributed to this report", "reporting by", "editing by",
        "this article was amended", "this story has been updated", "copyright", "inbox", "podcast",
        "download the app", "terms of use", "privacy policy", "journalism", "sign in", "register",
    ]
    /// A whole paragraph that is only one of these is navigation.
    static let navigationLines: Set<String> = [
        "read more", "leave a reply", "advertisement", "support now", "share", "related", "comments",
        "sign up", "subscribe", "continue reading", "most read", "related articles", "more on this story",
    ]
    static let creditWords: [String] = [
        "shutterstock", "getty", "reuters", "afp", "epa", "ap", "pa", "alamy", "bloomberg", "photo", "image",
        "handout", "press service", "credit", "rex", "via",
    ]

    /// Normalised sentence → outlets' articles containing it.
    private var repeatedSentences: [String: Int] = [:]

    /// Builds the repetition table from every article's blocks, grouped by outlet.
    public init(articles: [(outlet: String, blocks: [TextBlock])]) {
        var seen: [String: Set<Int>] = [:]
        for (index, article) in articles.enumerated() {
            for block in article.blocks {
                for key in Self.sentenceKeys(block.text) {
                    seen[article.outlet + "\u{1}" + key, default: []].insert(index)
                }
            }
        }
        for (key, articlesWithIt) in seen where articlesWithIt.count > 1 {
            repeatedSentences[key] = articlesWithIt.count
        }
    }

    /// Whether the block is boilerplate for an article of `outlet`, with the reason.
    public func classify(_ text: String, outlet: String) -> String? {
        let norm = Self.normalise(text)
        if norm.isEmpty { return nil }
        if Self.navigationLines.contains(norm) { return "navigation line" }
        if Self.isCredit(text) { return "photo credit" }
        let cues = Self.countCues(norm)
        if cues >= 2 { return "appeal or page furniture (\(cues) cues)" }
        let keys = Self.sentenceKeys(text)
        guard !keys.isEmpty else { return nil }
        var repeatedChars = 0, total = 0, maxArticles = 0
        for key in keys {
            total += key.count
            if let n = repeatedSentences[outlet + "\u{1}" + key] {
                repeatedChars += key.count
                maxArticles = max(maxArticles, n)
            }
        }
        // Repetition alone is not enough: outlets repeat background and quotes across a running story.
        if repeatedChars * 2 >= total && cues >= 1 {
            return "repeated across \(maxArticles) articles of the outlet"
        }
        return nil
    }

    /// "( AP)", "(UKRAINE’S … HANDOUT/EPA-EFE/REX/Shutterstock)", "Photo: Getty Images".
    static func isCredit(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        let lower = t.lowercased()
        if t.count <= 160, t.hasPrefix("("), t.hasSuffix(")"), !t.dropFirst().dropLast().contains("(") {
            let inner = normalise(String(t.dropFirst().dropLast()))
            let words = inner.split(separator: " ")
            if words.count <= 3 || t.contains("/") || creditWords.contains(where: { containsPhrase(inner, $0) }) { return true }
        }
        for prefix in ["photo:", "image:", "credit:", "photograph:", "picture:", "photo credit"] where lower.hasPrefix(prefix) {
            return t.count <= 200
        }
        return false
    }

    /// Lower-case letters and digits, single spaces.
    static func normalise(_ text: String) -> String {
        var out = ""
        var space = false
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(c)
            } else {
                space = true
            }
        }
        return out
    }

    /// Cue phrases by their first word, so a paragraph is scanned once, word by word.
    static let cuesByFirstWord: [Substring: [[Substring]]] = {
        var table: [Substring: [[Substring]]] = [:]
        for phrase in cuePhrases {
            let words = phrase.split(separator: " ")
            table[words[0], default: []].append(words)
        }
        return table
    }()

    /// How many distinct cue phrases a normalised text contains.
    static func countCues(_ normalised: String) -> Int {
        let words = normalised.split(separator: " ")
        var found = Set<[Substring]>()
        for (i, w) in words.enumerated() {
            guard let phrases = cuesByFirstWord[w] else { continue }
            for phrase in phrases where i + phrase.count <= words.count {
                if zip(phrase, words[i..<(i + phrase.count)]).allSatisfy({ $0 == $1 }) { found.insert(phrase) }
            }
        }
        return found.count
    }

    static func containsPhrase(_ normalised: String, _ phrase: String) -> Bool {
        var searchRange = normalised.startIndex..<normalised.endIndex
        while let r = normalised.range(of: phrase, range: searchRange) {
            let beforeOK = r.lowerBound == normalised.startIndex || normalised[normalised.index(before: r.lowerBound)] == " "
            let afterOK = r.upperBound == normalised.endIndex || normalised[r.upperBound] == " "
            if beforeOK && afterOK { return true }
            searchRange = r.upperBound..<normalised.endIndex
        }
        return false
    }

    /// Normalised sentences (split at . ! ? and at capitalised cue boundaries), long enough to be distinctive.
    static func sentenceKeys(_ text: String) -> [String] {
        var keys: [String] = []
        var current = ""
        for c in text {
            current.append(c)
            if c == "." || c == "!" || c == "?" {
                let n = normalise(current)
                if n.count >= 12 { keys.append(n) }
                current = ""
            }
        }
        let n = normalise(current)
        if n.count >= 12 { keys.append(n) }
        return keys
    }
}
