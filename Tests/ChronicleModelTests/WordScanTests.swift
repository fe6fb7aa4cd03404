@testable import ChronicleModel
import Foundation
import Testing

/// The byte scanners behind sentence reading find what the character-level definitions do.
@Suite struct WordScanTests {
    static let texts: [String] = [
        "Leaders met on Friday, officials said.",
        "KILNSEA — Eastmark reported 8 new cases; “The next few weeks will be critical.”",
        "İstanbul's mayor and Σίσυφος met the ǅ delegation in Ⅻ Ⓐ ẞtraße.",
        "The \u{212A}elvin sign, café and cafe\u{301}, the ﬁnal ﬂight.",
        "a\r\nb \u{0600}1 👩‍👩‍👧 🇫🇷🇩🇪 x\u{0308}y",
        "",
        "   ",
        "2024-03-15: 12,000 people (about 40%) left.",
        "\u{201C}Yes,\u{201D} she\u{2009}said \u{2014} \u{2018}no\u{2019}\u{2026} 5\u{2030} x\u{2070}\u{2071}",
    ]

    /// `TenseCues.words` as first written: lower-case the whole text, then scan its scalars.
    static func referenceWords(_ text: String) -> [String] {
        let lower = text.lowercased()
        var out: [String] = []
        var current = ""
        var inWord = false
        for s in lower.unicodeScalars {
            let p = s.properties
            let isWord = s.isASCII ? ((s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39))
                : (p.isAlphabetic || p.numericType != nil || (inWord && p.generalCategory == .nonspacingMark))
            if isWord { current.unicodeScalars.append(s); inWord = true } else if inWord { out.append(current); current = ""; inWord = false }
        }
        if inWord { out.append(current) }
        return out
    }

    @Test(arguments: texts)
    func wordsAreTheLowerCasedTextsWords(text: String) {
        #expect(TenseCues.words(text).map(String.init) == Self.referenceWords(text))
    }

    @Test(arguments: texts)
    func wordCountIsTheWords(text: String) {
        for n in 0...4 { #expect(TenseCues.hasWords(text, atLeast: n) == (TenseCues.words(text).count >= n)) }
    }

    @Test(arguments: texts + ["Keir Starmer", "  Keir  Starmer ", "Madonna", "Zoë Müller", "Jean-Luc Picard Jr"])
    func nameWordsAreTheSplitWords(text: String) {
        #expect(ArticleNames.firstWord(text) == text.split(separator: " ").first.map(String.init))
        #expect(EntityResolver.surname(text) == text.lastIndex(of: " ").map { String(text[text.index(after: $0)...]) })
    }

    @Test(arguments: texts)
    func sentenceWordsAreLowerCased(text: String) {
        let bytes = Array(text.utf8)
        let reading = SentenceReading(text)
        for word in reading.words {
            #expect(String(reading.text(word)) == String(decoding: bytes[word.utf8Range], as: UTF8.self).lowercased())
        }
    }

    @Test(arguments: texts)
    func lastCharactersAreTheSuffix(text: String) {
        let whole = text[...]
        for n in [0, 1, 2, 3, 5, 8, 13, 20, 80] {
            #expect(whole.lastCharacters(n) == whole.suffix(n))
            for cut in [1, 2, 3] where cut <= text.count {
                let prefix = whole.dropLast(cut)
                #expect(prefix.lastCharacters(n) == prefix.suffix(n))
            }
        }
        let crlf = "abc\r\nde"[...]
        #expect(crlf.lastCharacters(2) == "de")
        #expect(crlf.lastCharacters(3) == "\r\nde")
        let prepended = "x\u{0600}12"[...]
        #expect(prepended.lastCharacters(2) == "\u{0600}12")
    }

    @Test func filterAdmitsEveryEntryAndEveryWordBeyondASCII() {
        let table: Set<String> = ["has", "have", "having", "said"]
        let filter = WordFilter(table)
        for word in table { #expect(filter.mayContain(word[...])) }
        #expect(!filter.mayContain("the"))
        #expect(!filter.mayContain("h"))
        #expect(!filter.mayContain("havingness"))
        #expect(!filter.mayContain(""))
        #expect(filter.mayContain("h\u{00E4}s"))
        let mixed = WordFilter(["caf\u{00E9}", "tea"])
        #expect(mixed.mayContain("cafe\u{301}"))
    }

    @Test func referencePointsReadOnBytesAsOnWords() {
        let prefixes = ["the highest level since", "given until", "Talks went on AS OF", "ahead of Mr Zelensky's visit to Washington on",
                        "prior to the", "in the run-up to", "prices rose up to", "the meeting, held", "", "  ", "since 2008, and then on",
                        "a long sentence about nothing in particular that runs well past eighty characters before it stops, since"]
        for text in prefixes {
            let prefix = text[...]
            #expect(ReferencePointCues.isReferencePoint(before: prefix)
                == ReferencePointCues.isReferencePoint(words: TenseCues.words(prefix.lastCharacters(80))), "\(text)")
        }
        #expect(ReferencePointCues.isReferencePoint(before: "the highest level since"))
        #expect(ReferencePointCues.isReferencePoint(before: "ahead of Mr Zelensky's visit to Washington on"))
        #expect(!ReferencePointCues.isReferencePoint(before: "the meeting, held"))
    }

    @Test func strongFutureNeedsTheWholePhrase() {
        #expect(TenseCues.hasStrongFuture(["the", "talks", "are", "expected", "to", "resume"]))
        #expect(TenseCues.hasStrongFuture(["upcoming"]))
        #expect(!TenseCues.hasStrongFuture(["the", "talks", "are", "expected"]))
        #expect(!TenseCues.hasStrongFuture(["willing"]))
    }

    @Test func nameSearchMatchesFoundation() {
        let cases: [(String, String)] = [
            ("Vladimir Putin met Trump", "Vladimir Putin"), ("Mr Putin met Trump", "Vladimir Putin"), ("Putin", "Putin met"),
            ("a\r\nb", "b"), ("Zelenskyy in Kyiv", "Kyiv"), ("Müller said", "Müller"), ("Mu\u{308}ller said", "Müller"),
            ("x", ""), ("", "x"), ("“Müller’s” deal – signed", "Müller"), ("the Müller deal", "Mu\u{308}ller"),
            ("Café Zentral — Vienna", "Cafe"), ("Cafe\u{301} Zentral", "Cafe"), ("Kyiv’s mayor", "Kyiv’s"),
            ("Zelenskyy said", "Зеленський"), ("Зеленський сказав", "Зеленський"), ("a\u{200D}b", "a"),
        ]
        for (text, name) in cases { #expect(WordBytes.contains(text, name) == text.contains(name), "\(text) / \(name)") }
    }

    @Test(arguments: texts)
    func blockScanHashesTheNormalisedText(text: String) {
        var normaliser = Normaliser()
        for scalar in text.unicodeScalars { normaliser.add(scalar) }
        let scan = BlockScan(text, salt: 7)
        #expect(scan.hash == normaliser.hash(salt: BlockScan.basis))
        #expect(scan.words == normaliser.text.split(separator: " ").map { EventSignature.hash($0.utf8) })
    }
}
