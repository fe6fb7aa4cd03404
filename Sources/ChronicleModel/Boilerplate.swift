import ChronicleMarkdown
import ChronicleTime
import Foundation

/// Decides which paragraphs are outlet boilerplate rather than reporting: donation appeals,
/// navigation ("Read more", "Leave a Reply"), photo credits, and paragraphs an outlet
/// repeats across its articles: an appeal it repeats, or any paragraph it prints word for word
/// under most of its articles (a standards note, a footer).
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

    /// Outlet and normalised sentence (hashed) → how many of the outlet's articles contain it
    /// (repeated when more than one).
    private let sentenceCounts: SortedCounts
    /// Outlet and normalised paragraph (hashed) → how many of the outlet's articles contain it
    /// (furniture candidates from `furnitureMinimumArticles`).
    private let paragraphCounts: SortedCounts
    /// Outlet (hashed) → how many articles it has.
    private let articlesPerOutlet: [UInt64: Int]

    /// A paragraph an outlet prints word for word in at least this many of its articles, and in at
    /// least half of them, is page furniture whatever it says. A running story's background paragraph
    /// comes back in a few of an outlet's articles, mostly reworded; a footer comes back in all of them.
    /// The floor keeps a small site's few articles from outvoting each other.
    static let furnitureMinimumArticles = 8

    /// Builds the repetition table from every article's blocks, grouped by outlet.
    public init(articles: [(outlet: String, blocks: [TextBlock])]) {
        self.init(evidence: articles.map { BoilerplateEvidence(outlet: $0.outlet, blocks: $0.blocks) })
    }

    /// Builds the repetition table from each article's evidence (computed once per article, and cached with it).
    public init(evidence: [BoilerplateEvidence]) {
        self.init(tally: BoilerplateTally(evidence))
    }

    /// The table from the site-wide counts (kept between builds, `BoilerplateTally`).
    init(tally: BoilerplateTally) {
        sentenceCounts = tally.sentences
        paragraphCounts = tally.paragraphs
        articlesPerOutlet = tally.outlets
    }

    /// Whether the block is boilerplate for an article of `outlet`, with the reason.
    public func classify(_ text: String, outlet: String) -> String? {
        let salt = BoilerplateEvidence.salt(outlet)
        let scan = BlockScan(text, salt: salt)
        return verdict(BoilerplateEvidence.Block(text, scan: scan), paragraph: BoilerplateEvidence.paragraph(scan, salt: salt),
                       outlet: salt)
    }

    /// Which of an article's blocks are boilerplate, by ordinal.
    public func verdicts(_ evidence: BoilerplateEvidence) -> [Bool] {
        zip(evidence.blocks, evidence.paragraphs).map { verdict($0, paragraph: $1, outlet: evidence.outlet, reason: { _ in "" }) != nil }
    }

    /// Nil for reporting, else `reason` of what makes it boilerplate (built only when asked for).
    private func verdict(_ block: BoilerplateEvidence.Block, paragraph: UInt64, outlet: UInt64,
                         reason: (Verdict) -> String = Verdict.description) -> String? {
        let n = paragraphCounts[paragraph]
        if n >= Self.furnitureMinimumArticles, let total = articlesPerOutlet[outlet], n * 2 >= total {
            return reason(.printedWordForWord(n, of: total))
        }
        switch block {
        case .reporting: return nil
        case .furniture(let why): return why
        case .oneCue(let keys):
            var repeatedChars = 0, total = 0, maxArticles = 0
            for key in keys {
                total += key.length
                let n = sentenceCounts[key.hash]
                if n > 1 {
                    repeatedChars += key.length
                    maxArticles = max(maxArticles, n)
                }
            }
            // Repetition alone is not enough: outlets repeat background and quotes across a running story.
            return repeatedChars * 2 >= total ? reason(.repeated(across: maxArticles)) : nil
        }
    }

    /// Why a paragraph is boilerplate, for the reasons worked out from the whole site.
    enum Verdict {
        case printedWordForWord(Int, of: Int)
        case repeated(across: Int)

        static func description(_ v: Verdict) -> String {
            switch v {
            case .printedWordForWord(let n, let total): "printed word for word in \(n) of the outlet's \(total) articles"
            case .repeated(let n): "repeated across \(n) articles of the outlet"
            }
        }
    }

    /// How a credit line opens when it does not open with a bracket (compared lower-case).
    static let creditPrefixes = ["photo:", "image:", "credit:", "photograph:", "picture:", "photo credit"]
    /// The prefixes' first two bytes, as one number each (`pair`): a block opening with a letter is
    /// compared with the prefixes only when its own first two bytes, lower-cased, are one of these.
    private static let creditPrefixStarts = Set(creditPrefixes.map { prefix in
        let b = Array(prefix.utf8)
        return pair(b[0], b[1])
    })

    /// Two bytes as one number, ASCII capitals lower-cased (only letters are compared through it).
    private static func pair(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a | 0x20) << 8 | UInt16(b | 0x20) }

    /// "( AP)", "(UKRAINE’S … HANDOUT/EPA-EFE/REX/Shutterstock)", "Photo: Getty Images".
    static func isCredit(_ text: String) -> Bool {
        // Most blocks start with neither "(" nor a prefix's first two letters: decide those without Foundation.
        guard let first = firstNonSpace(text), first.isASCII else { return false }
        if first != "(" {
            let lead = UInt8(first.value)
            guard creditPrefixStarts.contains(where: { $0 >> 8 == UInt16(lead | 0x20) }) else { return false }
            // The second byte, when the block opens with the letter and goes on in ASCII.
            let utf8 = text.utf8
            if utf8.first == lead, let next = utf8.dropFirst().first, next < 0x80,
               !creditPrefixStarts.contains(pair(lead, next)) { return false }
        }
        let t = text.trimmingHorizontalWhitespace
        // Only the start is compared with the prefixes (all shorter than 16 characters).
        let lower = String(t.prefix(16)).lowercased()
        // The bracket tests first: counting the characters of a long paragraph is the costly one.
        if t.hasPrefix("("), t.hasSuffix(")"), t.count <= 160, !t.dropFirst().dropLast().contains("(") {
            let inner = normalise(String(t.dropFirst().dropLast()))
            let words = inner.split(separator: " ")
            if words.count <= 3 || t.contains("/") || creditWords.contains(where: { containsPhrase(inner, $0) }) { return true }
        }
        for prefix in creditPrefixes where lower.hasPrefix(prefix) {
            return t.count <= 200
        }
        return false
    }

    /// The first scalar that is neither a tab nor a space separator. Read as bytes while the
    /// text opens with ASCII: the only ASCII space separator is the space itself.
    private static func firstNonSpace(_ text: String) -> Unicode.Scalar? {
        for byte in text.utf8 where byte != 0x09 && byte != 0x20 {
            if byte < 0x80 { return Unicode.Scalar(byte) }
            break
        }
        return text.unicodeScalars.first(where: { $0 != "\t" && $0.properties.generalCategory != .spaceSeparator })
    }

    /// Lower-case letters and digits, single spaces.
    static func normalise(_ text: String) -> String {
        var out = Normaliser()
        for scalar in text.unicodeScalars { out.add(scalar) }
        return out.text
    }

    /// Cue phrases as word hashes, by their first word, so a paragraph is scanned once, word by word.
    static let cuesByFirstWord: [UInt64: [[UInt64]]] = {
        var table: [UInt64: [[UInt64]]] = [:]
        for phrase in cuePhrases {
            let words = phrase.split(separator: " ").map { EventSignature.hash($0.utf8) }
            table[words[0], default: []].append(words)
        }
        return table
    }()

    static let navigationLineHashes = Set(navigationLines.map { EventSignature.hash($0.utf8) })

    /// How many distinct cue phrases a normalised text contains.
    static func countCues(_ normalised: String) -> Int {
        countCues(words: normalised.split(separator: " ").map { EventSignature.hash($0.utf8) })
    }

    /// A Bloom filter of the cue phrases' first words (their hashes' low and high bits), so most
    /// words are not looked up.
    static let cueFirstWordBits: [UInt64] = {
        var bits = Array(repeating: UInt64(0), count: 64)
        for w in cuesByFirstWord.keys {
            bits[Int(w & 4095) >> 6] |= 1 << (w & 63)
            bits[Int((w >> 32) & 4095) >> 6] |= 1 << ((w >> 32) & 63)
        }
        return bits
    }()

    static func countCues(words: [UInt64]) -> Int {
        var found = Set<[UInt64]>()
        for (i, w) in words.enumerated() {
            guard cueFirstWordBits[Int(w & 4095) >> 6] & (1 << (w & 63)) != 0,
                  cueFirstWordBits[Int((w >> 32) & 4095) >> 6] & (1 << ((w >> 32) & 63)) != 0,
                  let phrases = cuesByFirstWord[w] else { continue }
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
}

/// What an article's blocks say about boilerplate, computed from its text alone: the repetition
/// table is built from every article's `sentences`, then each block gets its verdict. Cached with
/// the article's analysis, so a rebuild re-checks the verdicts without re-reading the text.
public struct BoilerplateEvidence: Codable, Hashable, Sendable {
    /// The outlet, hashed.
    public var outlet: UInt64
    /// The article's distinctive sentences (normalised, hashed with the outlet), each once.
    public var sentences: [UInt64]
    /// One per text block, in order.
    public var blocks: [Block]
    /// One per text block: its whole normalised text hashed with the outlet (0 for a block without words).
    public var paragraphs: [UInt64]

    /// A sentence of a block: its hash and its length in characters.
    public struct Key: Codable, Hashable, Sendable {
        public var hash: UInt64
        public var length: Int
    }

    public enum Block: Codable, Hashable, Sendable {
        /// Nothing in the block marks it as boilerplate.
        case reporting
        /// Navigation, a photo credit or an appeal: boilerplate whatever other articles say.
        case furniture(String)
        /// One appeal cue: boilerplate when most of its text repeats across the outlet's articles.
        case oneCue([Key])

        init(_ text: String, scan: BlockScan) {
            if scan.words.isEmpty { self = .reporting; return }
            if BoilerplateDetector.navigationLineHashes.contains(scan.hash) { self = .furniture("navigation line"); return }
            if BoilerplateDetector.isCredit(text) { self = .furniture("photo credit"); return }
            let cues = BoilerplateDetector.countCues(words: scan.words)
            if cues >= 2 { self = .furniture("appeal or page furniture (\(cues) cues)"); return }
            self = cues == 1 && !scan.keys.isEmpty ? .oneCue(scan.keys) : .reporting
        }
    }

    public init(outlet: String, blocks: [TextBlock]) {
        let salt = Self.salt(outlet)
        self.outlet = salt
        var sentences: [UInt64] = []
        var paragraphs: [UInt64] = []
        paragraphs.reserveCapacity(blocks.count)
        self.blocks = blocks.map { block in
            let scan = BlockScan(block.text, salt: salt)
            for key in scan.keys { sentences.append(key.hash) }
            paragraphs.append(Self.paragraph(scan, salt: salt))
            return Block(block.text, scan: scan)
        }
        // Sorted, each once (kept in place: each differs from the one kept before it).
        sentences.sort()
        var kept = 0
        for i in sentences.indices where kept == 0 || sentences[kept - 1] != sentences[i] {
            sentences[kept] = sentences[i]
            kept += 1
        }
        sentences.removeLast(sentences.count - kept)
        self.sentences = sentences
        self.paragraphs = paragraphs
    }

    static func salt(_ outlet: String) -> UInt64 { EventSignature.hash(Array(outlet.utf8) + [1]) }

    /// A block's whole normalised text hashed with the outlet; 0 when it has no words.
    static func paragraph(_ scan: BlockScan, salt: UInt64) -> UInt64 {
        scan.words.isEmpty ? 0 : (scan.hash ^ salt) &* 0x100_0000_01b3 | 1
    }
}

/// One pass over a block's text: its normalised form (lower-case letters and digits, single
/// spaces) as word hashes and a whole-text hash, and its sentences (split at . ! ?) long enough
/// to be distinctive, hashed with the outlet.
struct BlockScan {
    private(set) var words: [UInt64] = []
    private(set) var keys: [BoilerplateEvidence.Key] = []
    /// FNV-1a of the whole normalised text.
    private(set) var hash: UInt64 = BlockScan.basis

    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    init(_ text: String, salt: UInt64) {
        var copy = text
        self = copy.withUTF8 { BlockScan(utf8: $0, salt: salt) }
    }

    /// Scans UTF-8 bytes; ASCII without the Unicode property tables, a run of ASCII letters and
    /// digits (most of a text) in a loop of its own. The running hashes are plain locals (no
    /// helper closures capture them), so the loops keep them in registers.
    private init(utf8 b: UnsafeBufferPointer<UInt8>, salt: UInt64) {
        let basis = Self.basis, prime = Self.prime
        // Room for a word every four bytes (English averages six): one allocation for most blocks.
        var words: [UInt64] = []
        words.reserveCapacity(b.count / 4 + 1)
        var keys: [BoilerplateEvidence.Key] = []
        // A kept sentence has at least 12 characters; room for one every 48 bytes spares most blocks a regrowth.
        if b.count >= 12 { keys.reserveCapacity(b.count / 48 + 1) }
        var hash = basis
        var word = basis
        var inWord = false
        var sentence = salt
        var sentenceLength = 0
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            let isASCIILetterOrDigit: Bool
            if c < 0x80 {
                isASCIILetterOrDigit = (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10
            } else {
                isASCIILetterOrDigit = false
            }
            if !isASCIILetterOrDigit {
                var isSentenceEnd = false
                if c < 0x80 {
                    isSentenceEnd = c == 0x2E || c == 0x21 || c == 0x3F
                    i += 1
                } else {
                    let (scalar, length) = WordBytes.scalar(b, at: i)
                    let p = scalar.properties
                    if p.isAlphabetic || p.numericType != nil {
                        // A letter or digit beyond ASCII: its lower-case mapping is mixed in.
                        if !inWord {
                            if !words.isEmpty { (hash, sentence, sentenceLength) = Self.space(hash, sentence, sentenceLength) }
                            inWord = true
                        }
                        for byte in p.lowercaseMapping.utf8 {
                            hash = (hash ^ UInt64(byte)) &* prime
                            sentence = (sentence ^ UInt64(byte)) &* prime
                            word = (word ^ UInt64(byte)) &* prime
                        }
                        sentenceLength += 1
                        i += length
                        continue
                    }
                    i += length
                }
                // A character that is not a letter or digit ends the word it follows.
                if inWord {
                    words.append(word)
                    inWord = false
                    word = basis
                }
                // `.`, `!`, `?` close the sentence, kept when long enough to be distinctive.
                if isSentenceEnd {
                    if sentenceLength >= 12 { keys.append(.init(hash: sentence, length: sentenceLength)) }
                    sentence = salt
                    sentenceLength = 0
                }
                continue
            }
            // An ASCII letter or digit: the space before it when it starts a word after another.
            if !inWord {
                if !words.isEmpty { (hash, sentence, sentenceLength) = Self.space(hash, sentence, sentenceLength) }
                inWord = true
            }
            // This ASCII letter or digit and those that follow it, each one character, lower-cased.
            var j = i
            repeat {
                let c = b[j]
                let lower = c | 0x20
                let value: UInt8
                if lower &- 0x61 < 26 { value = lower } else if c &- 0x30 < 10 { value = c } else { break }
                hash = (hash ^ UInt64(value)) &* prime
                sentence = (sentence ^ UInt64(value)) &* prime
                word = (word ^ UInt64(value)) &* prime
                j += 1
            } while j < n
            sentenceLength += j - i
            i = j
        }
        // The end closes the last word and sentence.
        if inWord { words.append(word) }
        if sentenceLength >= 12 { keys.append(.init(hash: sentence, length: sentenceLength)) }
        (self.words, self.keys, self.hash) = (words, keys, hash)
    }

    /// The space between two words, mixed in when the second one starts; a sentence's own text
    /// starts at its first letter.
    /// (Values in and out, not `inout`: the scan's running hashes stay in registers.)
    @inline(__always)
    private static func space(_ hash: UInt64, _ sentence: UInt64, _ sentenceLength: Int) -> (UInt64, UInt64, Int) {
        let hash = (hash ^ 0x20) &* prime
        guard sentenceLength > 0 else { return (hash, sentence, sentenceLength) }
        return (hash, (sentence ^ 0x20) &* prime, sentenceLength + 1)
    }
}

/// Builds lower-case letters and digits separated by single spaces, one scalar at a time.
struct Normaliser {
    private(set) var bytes: [UInt8] = []
    /// Characters written (spaces included).
    private(set) var length = 0
    private var space = false

    mutating func add(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            var b = UInt8(scalar.value)
            let isDigit = b >= 0x30 && b <= 0x39
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            guard isDigit || (b >= 0x61 && b <= 0x7A) else { space = true; return }
            separate()
            bytes.append(b)
        } else {
            let p = scalar.properties
            guard p.isAlphabetic || p.numericType != nil else { space = true; return }
            separate()
            bytes.append(contentsOf: p.lowercaseMapping.utf8)
        }
        length += 1
    }

    private mutating func separate() {
        if space && !bytes.isEmpty {
            bytes.append(0x20)
            length += 1
        }
        space = false
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func hash(salt: UInt64) -> UInt64 {
        var h = salt
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}

extension BoilerplateEvidence {
    /// Stored as a few lists of numbers (one entry per block, then the keys of the one-cue
    /// blocks) rather than an enum per block: every rebuild reads the evidence of every article.
    private enum CodingKeys: String, CodingKey { case outlet, sentences, paragraphs, kinds, reasons, keyCounts, keyHashes, keyLengths }

    public func encode(to encoder: Encoder) throws {
        var kinds: [UInt8] = [], reasons: [String] = [], counts: [Int] = [], hashes: [UInt64] = [], lengths: [Int] = []
        for block in blocks {
            switch block {
            case .reporting: kinds.append(0)
            case .furniture(let reason):
                kinds.append(1)
                reasons.append(reason)
            case .oneCue(let keys):
                kinds.append(2)
                counts.append(keys.count)
                hashes += keys.map(\.hash)
                lengths += keys.map(\.length)
            }
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(sentences, forKey: .sentences)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(kinds, forKey: .kinds)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(counts, forKey: .keyCounts)
        try c.encode(hashes, forKey: .keyHashes)
        try c.encode(lengths, forKey: .keyLengths)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outlet = try c.decode(UInt64.self, forKey: .outlet)
        sentences = try c.decode([UInt64].self, forKey: .sentences)
        paragraphs = try c.decode([UInt64].self, forKey: .paragraphs)
        let kinds = try c.decode([UInt8].self, forKey: .kinds)
        var reasons = try c.decode([String].self, forKey: .reasons)[...]
        var counts = try c.decode([Int].self, forKey: .keyCounts)[...]
        let hashes = try c.decode([UInt64].self, forKey: .keyHashes)
        let lengths = try c.decode([Int].self, forKey: .keyLengths)
        guard hashes.count == lengths.count else {
            throw DecodingError.dataCorruptedError(forKey: .keyLengths, in: c, debugDescription: "keys and lengths differ")
        }
        var next = 0
        blocks = try kinds.map { kind in
            switch kind {
            case 0: return .reporting
            case 1:
                guard let reason = reasons.popFirst() else { break }
                return .furniture(reason)
            case 2:
                guard let n = counts.popFirst(), n >= 0, next + n <= hashes.count else { break }
                defer { next += n }
                return .oneCue((next..<(next + n)).map { Key(hash: hashes[$0], length: lengths[$0]) })
            default: break
            }
            throw DecodingError.dataCorruptedError(forKey: .kinds, in: c, debugDescription: "bad boilerplate evidence")
        }
        guard paragraphs.count == blocks.count else {
            throw DecodingError.dataCorruptedError(forKey: .paragraphs, in: c, debugDescription: "paragraphs and blocks differ")
        }
    }
}
