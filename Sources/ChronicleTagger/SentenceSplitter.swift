/// Splits a paragraph's plain text into sentences, scanning UTF-8 bytes.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes and brackets after it) that is
/// followed by whitespace and a capital, digit or opening quote, or at a blank line; a line
/// break before a capital also ends one. Not sentence ends: abbreviations ("Mr.", "Dr.",
/// "Jan.", "Sept.", "Inc."), initials ("J. K. Rowling"), dotted acronyms ("U.S.") unless a
/// typical sentence opener follows, decimals, ellipses, and anything inside a quotation, which
/// stays whole.
public struct SentenceSplitter: Sendable {
    public init() {}

    /// The sentences of `text`, as ranges, in order; whitespace between sentences is excluded.
    public func split(_ text: String) -> [Range<String.Index>] {
        var copy = text
        let ranges = copy.withUTF8 { splitUTF8($0) }
        var out: [Range<String.Index>] = []
        out.reserveCapacity(ranges.count)
        let utf8 = text.utf8
        var index = utf8.startIndex
        var offset = 0
        for r in ranges {
            let lower = utf8.index(index, offsetBy: r.lowerBound - offset)
            let upper = utf8.index(lower, offsetBy: r.count)
            out.append(lower..<upper)
            index = upper
            offset = r.upperBound
        }
        return out
    }

    /// Sentence byte ranges of UTF-8 text.
    public func splitUTF8(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let n = b.count
        // A sentence is rarely shorter than 64 bytes: one allocation for most paragraphs.
        out.reserveCapacity(n / 64 + 1)
        var start = -1
        var inQuote = false
        var i = 0
        func close(_ end: Int) {
            if start >= 0 {
                var e = end
                while e > start, SentenceSplitter.isSpace(b, e - 1) { e -= 1 }
                if e > start { out.append(start..<e) }
            }
            start = -1
            inQuote = false
        }
        while i < n {
            let c = b[i]
            if c == 0x0A {
                // blank line: always a break; one line break: a break before a capital or a quote
                var j = i + 1
                while j < n, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D { j += 1 }
                if j >= n || b[j] == 0x0A || SentenceSplitter.startsSentence(b, j) {
                    close(i)
                }
                i += 1
                continue
            }
            if start < 0 {
                if SentenceSplitter.isSpace(b, i) { i += 1; continue }
                start = i
            } else if !SentenceSplitter.isMarker(c) {
                // Inside a sentence only line breaks, quotation marks and terminators matter: skip the rest in a tight loop.
                i += 1
                while i < n && !SentenceSplitter.isMarker(b[i]) { i += 1 }
                continue
            }
            // quotation marks: straight " toggles, curly “ opens, ” closes
            if c == 0x22 {
                inQuote.toggle()
            } else if c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0x9C || b[i + 2] == 0x9D) {
                inQuote = b[i + 2] == 0x9C
                i += 3
                continue
            }
            guard c == 0x2E || c == 0x21 || c == 0x3F else { i += 1; continue }
            // the whole run of terminators ("?!", "...")
            var j = i
            while j < n, b[j] == 0x2E || b[j] == 0x21 || b[j] == 0x3F { j += 1 }
            let ellipsis = c == 0x2E && j - i >= 2
            // closing quotes and brackets belong to the sentence
            var closesQuote = false
            while j < n {
                if b[j] == 0x22 || b[j] == 0x27 || b[j] == 0x29 || b[j] == 0x5D {
                    if b[j] == 0x22 { closesQuote = true }
                    j += 1
                } else if b[j] == 0xE2 && j + 2 < n && b[j + 1] == 0x80 && (b[j + 2] == 0x9D || b[j + 2] == 0x99) {
                    if b[j + 2] == 0x9D { closesQuote = true }
                    j += 3
                } else {
                    break
                }
            }
            let quoteOpen = inQuote && !closesQuote
            if closesQuote { inQuote = false }
            // needs whitespace then a sentence start (or the end of the text)
            var k = j
            while k < n, b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0D { k += 1 }
            let atEnd = k >= n || b[k] == 0x0A
            let spaced = k > j || atEnd
            if !ellipsis, !quoteOpen, spaced, atEnd || SentenceSplitter.startsSentence(b, k),
               c != 0x2E || !isAbbreviation(b, dot: i, next: k) {
                close(j)
                i = k
                continue
            }
            i = j
        }
        close(n)
        return out
    }

    /// Titles and abbreviations that never end a sentence ("Mr. Smith").
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep",
                                      "col", "lt", "sgt", "capt", "cmdr", "adm", "rev", "hon", "maj", "brig", "pres",
                                      "supt", "insp", "det", "mt", "ft", "no", "nos", "fig", "vs", "v", "cf", "approx",
                                      "messrs", "mme", "mlle", "gens", "reps", "sens", "govs", "op", "vol", "pp", "ed"]
    /// Abbreviations that may end a sentence when a typical opener follows ("… Apple Inc. The company").
    static let softAbbreviations: Set<String> = ["inc", "corp", "ltd", "co", "bros", "plc", "llc", "etc", "ave", "blvd",
                                                 "rd", "e.g", "i.e", "a.m", "p.m"]
    /// Month abbreviations: inside a sentence only when a day number follows ("Jan. 15").
    static let monthAbbreviations: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                                  "nov", "dec"]
    /// Words that typically open a sentence.
    static let openers: Set<String> = ["the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "but", "and",
                                       "this", "that", "there", "his", "her", "its", "their", "our", "some", "many",
                                       "at", "after", "before", "when", "while", "if", "as", "for", "both", "one"]

    /// The word before the full stop at `dot` is an abbreviation, an initial, or a dotted acronym
    /// not followed by a sentence opener.
    func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, dot: Int, next: Int) -> Bool {
        var s = dot
        while s > 0, SentenceSplitter.isWordByte(b[s - 1]) || (b[s - 1] == 0x2E && s - 2 >= 0 && SentenceSplitter.isWordByte(b[s - 2])) {
            s -= 1
        }
        guard s < dot else { return false }
        // The word is ASCII (word bytes and full stops): its bytes are its characters.
        let kinds = SentenceSplitter.packed(b, s..<dot).map(SentenceSplitter.knownWords.kinds) ?? []
        if kinds.contains(.title) { return true }
        let opener = SentenceSplitter.openerFollows(b, next)
        if kinds.contains(.soft) { return !opener }
        if kinds.contains(.month) { return next < b.count && b[next] >= 0x30 && b[next] <= 0x39 }
        // an initial ("J. K. Rowling") or a dotted acronym ("U.S.", "U.N.")
        let upperInitial = dot - s == 1 && b[s] >= 0x41 && b[s] <= 0x5A
        if upperInitial { return !opener }
        if dot - s <= 6 && b[s..<dot].contains(0x2E) { return !opener }
        return false
    }

    static func openerFollows(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        var e = k
        while e < b.count, (b[e] >= 0x41 && b[e] <= 0x5A) || (b[e] >= 0x61 && b[e] <= 0x7A) { e += 1 }
        return packed(b, k..<max(k, e)).map { knownWords.kinds($0).contains(.opener) } ?? false
    }

    /// The tables above in one lookup table, each word with the tables it is in.
    static let knownWords = KnownWords([(titles, .title), (softAbbreviations, .soft), (monthAbbreviations, .month),
                                        (openers, .opener)])

    /// Which of the splitter's word tables a word is in.
    struct WordKinds: OptionSet {
        let rawValue: UInt8
        static let title = WordKinds(rawValue: 1)
        static let soft = WordKinds(rawValue: 2)
        static let month = WordKinds(rawValue: 4)
        static let opener = WordKinds(rawValue: 8)
    }

    /// Words as `packed` keys in an open-addressed table with a multiplicative hash: a lookup
    /// builds no string and hashes with one multiplication.
    struct KnownWords {
        /// 256 slots for the ~110 words of the tables: probes stay short.
        private static let bits = 8
        /// The packed key in each slot; 0 (no word packs to it) marks an empty one.
        private var keys: [UInt64]
        private var kinds: [WordKinds]

        init(_ tables: [(Set<String>, WordKinds)]) {
            keys = Array(repeating: 0, count: 1 << Self.bits)
            kinds = Array(repeating: [], count: 1 << Self.bits)
            // at most half full, so that a probe ends at an empty slot soon
            precondition(tables.reduce(0) { $0 + $1.0.count } <= keys.count / 2, "the splitter's word tables outgrew KnownWords")
            for (words, kind) in tables {
                for word in words {
                    let key = SentenceSplitter.packed(word)
                    var slot = Self.slot(key)
                    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
                    keys[slot] = key
                    kinds[slot].insert(kind)
                }
            }
        }

        /// The tables the word with `key` is in (none for 0, the empty word).
        @inline(__always)
        func kinds(_ key: UInt64) -> WordKinds {
            var slot = Self.slot(key)
            while keys[slot] != 0 {
                if keys[slot] == key { return kinds[slot] }
                slot = (slot + 1) & (keys.count - 1)
            }
            return []
        }

        @inline(__always)
        private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - UInt64(bits))) }
    }

    /// A byte that matters inside a sentence: a line break, a quotation mark, a terminator, or
    /// the lead byte of a curly quotation mark.
    @inline(__always)
    static func isMarker(_ c: UInt8) -> Bool {
        // bits 0x0A, 0x21 "!", 0x22 ", 0x2E ".", 0x3F "?"
        let markers: UInt64 = 1 << 0x0A | 1 << 0x21 | 1 << 0x22 | 1 << 0x2E | 1 << 0x3F
        return c < 0x40 ? markers >> UInt64(c) & 1 != 0 : c == 0xE2
    }

    /// ASCII bytes of at most 8, lower-cased, packed into an integer (nil when longer): every word of
    /// the tables above fits, so a longer one is in none of them.
    @inline(__always)
    static func packed(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        guard range.count <= 8 else { return nil }
        var key: UInt64 = 0
        for i in range {
            let c = b[i]
            key = key << 8 | UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
        return key
    }

    fileprivate static func packed(_ word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { packed($0, 0..<$0.count)! }
    }

    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
    }

    @inline(__always) static func isSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || (c == 0xA0 && i > 0 && b[i - 1] == 0xC2)
            || (c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0)
    }

    /// A capital letter, a digit, an opening quote or bracket, or a non-ASCII letter at `k`.
    static func startsSentence(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        guard k < b.count else { return true }
        let c = b[k]
        if (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B {
            return true
        }
        if c == 0xE2 && k + 2 < b.count && b[k + 1] == 0x80 && (b[k + 2] == 0x9C || b[k + 2] == 0x98) { return true }
        return c >= 0xC3 && c < 0xE2
    }
}
