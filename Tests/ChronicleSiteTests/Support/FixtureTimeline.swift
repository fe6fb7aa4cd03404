import ChronicleMarkdown
import ChronicleModel
import ChronicleTagger
import ChronicleTime

/// A small timeline built in code, independent of the tagger and the event model: two articles,
/// key and minor events, an expected one, week- and month-grain ones, a boilerplate paragraph,
/// and text with `<script>`, `&` and quotes.
enum FixtureTimeline {
    /// An expression the fake analysis recognises, with its resolved value and explanation.
    struct Known {
        var text: String
        var value: TimexValue
        var explanation: String
    }

    static let bbcMarkdown = """
    # Leaders *meet* in London

    Sir Keir Starmer hosted the summit on Saturday. Military chiefs would meet in London on **Thursday**.

    The talks began on *Friday* evening, officials said & added "more" &lt;script&gt;alert(1)&lt;/script&gt;.

    > Support our journalism: donate today. [Donate](javascript:alert(1))

    <div onclick="x">raw html</div>
    """

    static let apMarkdown = """
    The ceasefire summit took place on Saturday in London. Talks continue the week of 10 March.

    - In March 2025 prices rose.
    - Prices fell, Zelenskyy’s office said.

    The war began in 2022.

    Read more
    """

    static var config: SiteConfig {
        SiteConfig(title: "Test <Chronicle> & Co", description: "Events & \"quotes\"", baseURL: "https://example.org/news",
                   timeZone: .utc, language: "en", order: .oldestFirst)
    }

    static var timeline: Timeline { timeline(config: config) }

    static func timeline(config: SiteConfig) -> Timeline {
        let bbcPublished = PublicationTime(date: day(2025, 3, 15), hour: 9, minute: 30, instant: 1_742_031_000, offsetSeconds: 0)
        let apPublished = PublicationTime(date: day(2025, 3, 16))
        let bbc = article(
            slug: "bbc-leaders-meet", title: "Leaders meet in London <script>alert(1)</script> & \"friends\"",
            source: "BBC News", url: "https://www.bbc.co.uk/news/x?a=1&b=2", author: "Jane O'Neil", published: bbcPublished,
            markdown: bbcMarkdown, boilerplate: ["Support our journalism"],
            known: [
                Known(text: "on Saturday", value: .day(day(2025, 3, 15)), explanation: "'on Saturday', article published Sat 15 Mar 2025 → Sat 15 Mar 2025"),
                Known(text: "on Thursday", value: .day(day(2025, 3, 20)), explanation: "'on Thursday' in a future sentence → Thu 20 Mar 2025"),
                Known(text: "on Friday evening", value: .partOfDay(day(2025, 3, 14), .evening), explanation: "'on Friday evening' → Fri 14 Mar 2025, evening"),
            ])
        let ap = article(
            slug: "ap-ceasefire", title: "Ceasefire summit", source: "AP", url: "javascript:alert(1)", author: nil,
            published: apPublished, markdown: apMarkdown, boilerplate: ["Read more"],
            known: [
                Known(text: "on Saturday", value: .day(day(2025, 3, 15)), explanation: "'on Saturday' in a past-tense sentence → Sat 15 Mar 2025"),
                Known(text: "the week of 10 March", value: .week(ISOWeek(year: 2025, week: 11)), explanation: "'the week of 10 March' → week 11 of 2025"),
                Known(text: "March 2025", value: .month(year: 2025, month: 3), explanation: "'March 2025' → March 2025"),
                Known(text: "in 2022", value: .year(2022), explanation: "'in 2022' → 2022"),
            ])
        var summit = event(id: "2025-03-15-summit", [mention(bbc, "hosted the summit"), mention(ap, "ceasefire summit")],
                           isKey: true, score: 2.5)
        summit.entities = ["Keir Starmer", "London"]
        summit.disagreement = [DateClaim(value: .day(day(2025, 3, 14)), articles: ["ap-ceasefire"]),
                               DateClaim(value: .day(day(2025, 3, 15)), articles: ["bbc-leaders-meet"])]
        var chiefs = event(id: "2025-03-20-chiefs", [mention(bbc, "Military chiefs")], status: .expected, isKey: true, score: 1.25)
        chiefs.entities = ["London"]
        let talks = event(id: "2025-03-14-talks", [mention(bbc, "talks began")], isKey: false, score: 0.5)
        let week = event(id: "2025-W11-talks", [mention(ap, "Talks continue")], isKey: false, score: 0.4)
        let month = event(id: "2025-03-prices", [mention(ap, "prices rose")], isKey: true, score: 1)
        let fell = event(id: "2025-03-16-prices", [mention(ap, "Prices fell")], isKey: false, score: 0.2)
        let war = event(id: "2022-war", [mention(ap, "war began")], isKey: false, score: 0.3)
        // Timeline order: by start day, then grain, then id.
        let entities = [
            Entity(name: "Keir Starmer", slug: "keir-starmer", kind: .person, mentionCount: 2, events: [summit.id]),
            Entity(name: "London", slug: "london", kind: .place, mentionCount: 3, events: [summit.id, chiefs.id]),
        ]
        return Timeline(config: config, articles: [bbc, ap], events: [war, month, week, talks, summit, fell, chiefs],
                        entities: entities)
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    /// Parses the body, splits blocks into sentences at ". " and tags the known expressions.
    static func article(slug: String, title: String, source: String?, url: String?, author: String?, published: PublicationTime?,
                        markdown: String, boilerplate: [String], known: [Known]) -> Article {
        let document = MarkdownParser.parse(markdown)
        let blocks = document.textBlocks.map { block in
            AnalysedBlock(block: block, isBoilerplate: boilerplate.contains { block.text.hasPrefix($0) },
                          sentences: sentences(of: block.text, known: known, published: published))
        }
        return Article(sourcePath: "\(slug).md", slug: slug, title: title, source: source, url: url, author: author,
                       published: published, document: document, blocks: blocks)
    }

    static func sentences(of text: String, known: [Known], published: PublicationTime?) -> [Sentence] {
        let bytes = Array(text.utf8)
        var out: [Sentence] = []
        var start = 0
        var i = 0
        while i <= bytes.count {
            let atEnd = i == bytes.count
            if atEnd || (bytes[i] == UInt8(ascii: ".") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: " ")) {
                let end = atEnd ? i : i + 1
                let sentenceText = String(decoding: bytes[start..<end], as: UTF8.self)
                let timexes = known.compactMap { k -> Timex? in
                    guard let r = utf8Range(of: k.text, in: sentenceText) else { return nil }
                    return Timex(utf8Range: r, text: k.text, type: .date, value: k.value, rule: "fixture", anchor: .documentTime,
                                 explanation: k.explanation)
                }
                let date = timexes.first?.value ?? published.map { .day($0.date) }
                out.append(Sentence(text: sentenceText, utf8Range: start..<end, timexes: timexes, date: date,
                                    dateSource: timexes.isEmpty ? .publication : .expression, anchorTimex: timexes.isEmpty ? nil : 0,
                                    explanation: timexes.first?.explanation ?? "publication date",
                                    status: sentenceText.contains("would") ? .expected : .happened))
                start = end + 1
                i = end + 1
                continue
            }
            i += 1
        }
        return out
    }

    static func utf8Range(of needle: String, in haystack: String) -> Range<Int>? {
        let h = Array(haystack.utf8), n = Array(needle.utf8)
        guard n.count <= h.count else { return nil }
        for i in 0...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n {
            return i..<(i + n.count)
        }
        return nil
    }

    /// The mention of the first sentence of `article` containing `needle`.
    static func mention(_ article: Article, _ needle: String) -> Mention {
        for block in article.blocks {
            for (s, sentence) in block.sentences.enumerated() where sentence.text.contains(needle) {
                let timex = sentence.anchorTimex.map { sentence.timexes[$0] }
                return Mention(article: article.slug, blockOrdinal: block.block.ordinal, sentenceIndex: s, sentence: sentence.text,
                               expression: timex?.text, expressionRange: timex?.utf8Range, value: sentence.date!,
                               resolution: sentence.explanation)
            }
        }
        fatalError("no sentence containing \(needle) in \(article.slug)")
    }

    static func event(id: String, _ mentions: [Mention], status: EventStatus = .happened, isKey: Bool, score: Double) -> Event {
        Event(id: id, value: mentions[0].value, status: status, representative: mentions[0], mentions: mentions,
              sources: Array(Set(mentions.map(\.article))).sorted(), isKey: isKey, score: score)
    }
}
