import ChronicleMarkdown
import ChronicleModel
import ChronicleTagger
import ChronicleTime
import Foundation

/// `articles/<slug>.html`: the article body with every recognised expression marked up, the
/// sentences that made events anchored, boilerplate de-emphasised, and links to its events.
enum ArticlePage {
    /// The events an article reports and, for each of its sentences that is a mention, whether
    /// that mention's event is key: gathered from the shares of the periods it mentions.
    struct Events {
        var listed: [PeriodShares.Brief] = []
        var keyOfSentence: [MentionKey: Bool] = [:]
        /// Each listed event's place in its period's list, when every part gave it: the key of its
        /// line in `ArticleEventLines` (an event is listed on the page of each of its sources).
        var lineKeys: [ArticleEventLines.Key]?

        init(slug: String, shares: [PeriodShares]) {
            self.init(parts: shares.compactMap { $0.part(of: slug) })
        }

        /// From the article's part of each of its periods, in order.
        init(parts: [Part]) {
            listed.reserveCapacity(parts.reduce(0) { $0 + $1.events.count })
            keyOfSentence.reserveCapacity(parts.reduce(0) { $0 + $1.sentences.count })
            var keys: [ArticleEventLines.Key]? = []
            keys?.reserveCapacity(listed.capacity)
            for part in parts {
                listed += part.events
                for (key, isKey) in part.sentences { keyOfSentence[key] = isKey }
                if let period = part.period, part.positions.count == part.events.count {
                    keys? += part.positions.map { ArticleEventLines.Key(period: period, position: $0) }
                } else {
                    keys = nil
                }
            }
            lineKeys = keys
        }
    }

    /// An article's part of one period: its events there in brief, and its sentences that are
    /// mentions with whether their event is key.
    struct Part {
        var events: [PeriodShares.Brief]
        var sentences: [(MentionKey, Bool)]
        /// The period, and where each of `events` is in its list (`PeriodShares.events`), when known.
        var period: Period? = nil
        var positions: [Int] = []
    }

    /// What the page says about the article's analysis.
    struct Counts {
        var sentences: Int
        var expressions: Int
        var boilerplateBlocks: Int

        init(_ article: Article) {
            sentences = article.blocks.reduce(0) { $0 + $1.sentences.count }
            expressions = article.blocks.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.timexes.count } }
            boilerplateBlocks = article.blocks.filter(\.isBoilerplate).count
        }

        init(_ counts: ArticleRecord.Counts) {
            sentences = counts.sentences
            expressions = counts.expressions
            boilerplateBlocks = counts.boilerplateBlocks
        }
    }

    /// `body`: from `body(_:keys:)`, mention classes filled in (`resolve`).
    static func make(_ info: ArticleInfo, counts: Counts, body: String, events: Events, index: SiteIndex) -> [String: Any] {
        var out = CommonContext.page(index, root: "../", title: "\(info.title) · \(index.config.title)")
        out["article"] = CommonContext.article(ArticleInfo(slug: info.slug, title: info.title, source: info.source, url: info.url,
                                                           author: info.author, published: info.published,
                                                           eventCount: events.listed.count))
        out["bodyHTML"] = withoutFinalNewline(body)  // the template owns the layout
        if index.compiled.contains("article-events") {
            out["articleEventsHTML"] = CompiledPartials.articleEvents(events.listed, root: "../", paged: index.paged)
        }
        guard index.articleTemplateNames.contains("events") else { return finish(out, counts) }
        out["events"] = events.listed.map { event in
            context([
                "id": event.id,
                "anchor": Paths.eventAnchor(event.id),
                "label": DisplayFormat.value(event.value),
                "datetime": EventView.htmlDatetime(event.value),
                "text": event.text,
                "key": event.isKey,
                "expected": event.status == .expected,
                "href": Paths.eventHref(id: event.id, value: event.value, period: event.period, paged: index.paged),
                "sourceCount": event.sourceCount,
                "multipleSources": event.sourceCount > 1,
            ])
        }
        return finish(out, counts)
    }

    /// `body` without its last character when that is a line feed (on bytes: a body is long).
    static func withoutFinalNewline(_ body: String) -> String {
        let utf8 = body.utf8
        guard let last = utf8.last, last == 0x0A else { return body }
        // "\r\n" is one character, not a line feed: left as it is.
        if utf8.count >= 2, utf8[utf8.index(utf8.endIndex, offsetBy: -2)] == 0x0D { return body }
        return String(Substring(utf8.dropLast()))
    }

    private static func finish(_ context: [String: Any], _ counts: Counts) -> [String: Any] {
        var out = context
        out["sentenceCount"] = counts.sentences
        out["expressionCount"] = counts.expressions
        out["boilerplateCount"] = counts.boilerplateBlocks
        return out
    }

    /// Marks the class of a mention whose event is not known yet: `class="mention␀3.1␀"`. Text
    /// cannot contain it, since a quote in text is written `&quot;`.
    static let pending = "\(pendingPrefix)"
    private static let pendingPrefix: StaticString = "mention\u{0}"

    /// The article's body as HTML: every time expression marked up, boilerplate classed, each
    /// sentence in `keys` wrapped as a mention, its class `mention key` or `mention` when `keys`
    /// says whether its event is key, else left pending (the body is rendered when the article is
    /// analysed, its events are known after merging).
    static func body(_ article: Article, keys: [MentionKey: Bool?]) -> String {
        String(decoding: bodyUTF8(article, mentions: Mentions(keys)), as: UTF8.self)
    }

    /// `body` as UTF-8 bytes (bodies are cached and written as bytes).
    static func bodyUTF8(_ article: Article, mentions: Mentions) -> [UInt8] {
        HTMLRenderer(headingOffset: 1).renderUTF8(article.document, decorations: decorations(article, mentions))
    }

    /// The sentences of a body that are mentions, each with whether its event is key (nil: not
    /// known yet), in the order of the body: its sentences are decorated in that order, so each
    /// is matched by walking the list once, not looked up.
    struct Mentions {
        fileprivate var sorted: [(key: MentionKey, isKey: Bool?)]

        init(_ keys: [MentionKey: Bool?]) {
            sorted = keys.map { ($0.key, $0.value) }.sorted { $0.key < $1.key }
        }

        /// Sentences whose events are not known yet (a sentence may be given more than once).
        init(pending keys: [MentionKey]) {
            sorted = []
            sorted.reserveCapacity(keys.count)
            for key in keys.sorted() where sorted.last?.key != key { sorted.append((key, nil)) }
        }
    }

    /// Fills in the pending mention classes of a body (on UTF-8 bytes: it runs for every page).
    static func resolve(_ body: String, keyOfSentence: [MentionKey: Bool]) -> String {
        var out = PageText(capacity: body.utf8.count + 64)
        resolve(Array(body.utf8), keyOfSentence: keyOfSentence, into: &out)
        return out.string
    }

    /// `body` with its pending mention classes filled in, appended to `out`.
    static func resolve(_ body: [UInt8], keyOfSentence: [MentionKey: Bool], into out: inout PageText) {
        let marker = Array(("class=\"" + pending).utf8)
        body.withUnsafeBufferPointer { html in
            guard let base = html.baseAddress else { return }
            // A marker ends with the only NUL byte in it, and text has none (cmark replaces them):
            // markers are found by their NUL (memchr), not byte by byte.
            func nul(from start: Int) -> Int {
                guard start < html.count, let found = memchr(base + start, 0, html.count - start) else { return html.count }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var i = 0, copied = 0
            while true {
                let z = nul(from: i + marker.count - 1)
                guard z < html.count else { break }
                guard memcmp(base + z + 1 - marker.count, marker, marker.count) == 0 else { i = z + 1 - (marker.count - 1); continue }
                i = z + 1 - marker.count
                let end = nul(from: z + 1)
                guard end < html.count else { break }
                let key = Self.key(UnsafeBufferPointer(rebasing: html[(i + marker.count)..<end]))
                out.add(UnsafeBufferPointer(rebasing: html[copied..<i]))
                out.add(key.flatMap { keyOfSentence[$0] } == true ? "class=\"mention key" : "class=\"mention")
                i = end + 1
                copied = i
            }
            out.add(UnsafeBufferPointer(rebasing: html[copied...]))
        }
    }

    /// The `block.sentence` of a pending mention class, as two decimal numbers.
    private static func key(_ text: UnsafeBufferPointer<UInt8>) -> MentionKey? {
        guard let dot = text.firstIndex(of: 0x2E), let block = number(text[..<dot]), let sentence = number(text[(dot + 1)...]) else { return nil }
        return MentionKey(block: block, sentence: sentence)
    }

    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count < 18 else { return nil }
        var n = 0
        for d in digits {
            guard d >= 0x30 && d <= 0x39 else { return nil }
            n = n * 10 + Int(d - 0x30)
        }
        return n
    }

    struct MentionKey: Hashable, Comparable, Sendable {
        var block: Int
        var sentence: Int

        static func < (a: MentionKey, b: MentionKey) -> Bool { (a.block, a.sentence) < (b.block, b.sentence) }
    }

    static func decorations(_ article: Article, _ mentions: Mentions) -> DocumentDecorations {
        var out = DocumentDecorations()
        out.reserveCapacity(blocks: article.blocks.count,
                            spans: article.blocks.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + 1 + $1.timexes.count } })
        let mentions = mentions.sorted
        var m = 0  // the first mention not behind the sentence at hand
        for block in article.blocks {
            let ordinal = block.block.ordinal
            out.addBlock(ordinal, classes: block.isBoilerplate ? ["boilerplate"] : [])
            // By index, reading fields in place: no copy of each sentence and time expression.
            for s in block.sentences.indices {
                let range = block.sentences[s].utf8Range
                let key = MentionKey(block: ordinal, sentence: s)
                while m < mentions.count && mentions[m].key < key { m += 1 }
                if m < mentions.count && mentions[m].key == key {
                    out.addSpan(range, tag: "span")
                    // `Paths.sentenceAnchor`, and the pending class as `resolve` reads it, written in place.
                    out.addAttribute("id", Paths.sentenceAnchorPrefix, ordinal, Paths.sentenceAnchorSeparator, s)
                    if let isKey = mentions[m].isKey {
                        out.addAttribute("class", isKey ? "mention key" : "mention")
                    } else {
                        out.addAttribute("class", pendingPrefix, ordinal, ".", s, "\u{0}")
                    }
                }
                let anchorTimex = block.sentences[s].dateSource == .expression ? block.sentences[s].anchorTimex : nil
                for t in block.sentences[s].timexes.indices {
                    let timex = block.sentences[s].timexes[t].utf8Range
                    out.addSpan((range.lowerBound + timex.lowerBound)..<(range.lowerBound + timex.upperBound), tag: "time")
                    // `EventView.htmlDatetime`: a day's, month's or year's text written from its digits.
                    let value = block.sentences[s].timexes[t].value
                    if !ValueBytes.withText(value, { out.addAttribute("datetime", utf8: $0) }) {
                        out.addAttribute("datetime", EventView.htmlDatetime(value))
                    }
                    out.addAttribute("title", block.sentences[s].timexes[t].explanation)
                    if anchorTimex == t { out.addAttribute("class", "anchor") }
                }
            }
        }
        return out
    }
}
