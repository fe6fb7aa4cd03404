import ChronicleMarkdown
import ChronicleTagger
import ChronicleTime

/// Splits an article into sentences, tags their time expressions and dates each sentence:
/// by its own anchoring expression, else by the narrative time of the account it continues,
/// else by the publication date.
public struct ArticleAnalyzer: Sendable {
    let tagger = Tagger()
    let splitter = SentenceSplitter()
    let boilerplate: BoilerplateDetector

    public init(boilerplate: BoilerplateDetector) { self.boilerplate = boilerplate }

    /// Fills `article.blocks`.
    public func analyse(_ article: inout Article) {
        let outlet = Self.outlet(of: article)
        analyse(&article, boilerplate: article.document.textBlocks.map { boilerplate.classify($0.text, outlet: outlet) != nil })
    }

    /// Fills `article.blocks`, given which text blocks are boilerplate (`BoilerplateDetector.verdicts`).
    public func analyse(_ article: inout Article, boilerplate verdicts: [Bool]) {
        let published = article.published
        var narrativeReference: TimexValue?
        var account: AccountTime?
        var blocks: [AnalysedBlock] = []
        for block in article.document.textBlocks {
            let isBoilerplate = verdicts[block.ordinal]
            var sentences: [Sentence] = []
            var previous: Sentence?
            for range in splitter.split(block.text) {
                let text = String(block.text[range])
                let start = block.text.utf8.distance(from: block.text.startIndex, to: range.lowerBound)
                let utf8Range = start..<(start + text.utf8.count)
                let timexes = tagger.tag(text, context: AnchorContext(documentTime: published, narrativeReference: narrativeReference))
                var sentence = date(text, utf8Range: utf8Range, timexes: timexes, previous: previous, account: account,
                                    published: published)
                if case .heading = block.kind { sentence.dateSource = .publication }
                if sentence.dateSource == .expression, let v = sentence.date {
                    narrativeReference = v
                    if !isBoilerplate, let recent = AccountTime(value: v, status: sentence.status, published: published) { account = recent }
                }
                sentences.append(sentence)
                previous = sentence
            }
            blocks.append(AnalysedBlock(block: block, isBoilerplate: isBoilerplate, sentences: sentences))
        }
        article.blocks = blocks
    }

    /// The outlet boilerplate is grouped by: the source name, else the URL's host, else the folder.
    public static func outlet(of article: Article) -> String {
        if let s = article.source { return s.lowercased() }
        if let u = article.url, let host = u.split(separator: "/").dropFirst().first { return String(host) }
        return article.sourcePath.split(separator: "/").dropLast().joined(separator: "/")
    }

    func date(_ text: String, utf8Range: Range<Int>, timexes: [Timex], previous: Sentence?, account: AccountTime?,
              published: PublicationTime?) -> Sentence {
        let words = TenseCues.words(text)
        let main = ReportingCues.mainClause(words)
        let tense = tagger.tense(of: text)
        let anchor = Self.anchorIndex(in: text, timexes: timexes, tense: tense, published: published)
        var value: TimexValue?
        var source = DateSource.publication
        var explanation: String
        if let anchor {
            value = timexes[anchor].value
            source = .expression
            explanation = timexes[anchor].explanation
        } else if let previous, previous.dateSource != .publication, let v = previous.date, v.grain <= .week,
                  continues(main: main, tense: tense, previous: previous) {
            value = v
            source = .narrative
            explanation = "continues the account dated \(DisplayFormat.value(v)) in the previous sentence"
        } else if let account, tense == .past, !TenseCues.hasStrongFuture(main), !PerfectCues.isPresentPerfect(words) {
            value = account.value
            source = .narrative
            explanation = "past tense, no date of its own: the article's account of \(DisplayFormat.value(account.value))"
        } else if let published {
            value = .day(published.date)
            explanation = "no date of its own: dated at publication, \(DisplayFormat.day(published.date))"
        } else {
            explanation = "no date of its own and the article has no publication date"
        }
        return Sentence(text: text, utf8Range: utf8Range, timexes: timexes, date: value, dateSource: source,
                        anchorTimex: anchor, explanation: explanation,
                        status: status(words: words, value: value, source: source, published: published, previous: previous))
    }

    /// The expression that dates the sentence's happening: the first calendar date that is not
    /// a reference point ("since March 2008") nor background to the main clause: a month or
    /// year inside what someone said ("said his company sold 13.7 million Macs last year") or
    /// behind a present-tense statement ("claims that an agreement reached in 1991 …").
    static func anchorIndex(in text: String, timexes: [Timex], tense: Tense, published: PublicationTime?) -> Int? {
        let bytes = text.utf8
        for (i, t) in timexes.enumerated() {
            guard t.type == .date || t.type == .time, let interval = t.value.interval, t.anchor != .unresolved else { continue }
            guard t.value.grain <= .year, interval.dayCount <= 366 else { continue }
            let prefixEnd = bytes.index(bytes.startIndex, offsetBy: t.utf8Range.lowerBound)
            let prefix = text[..<prefixEnd]
            if ReferencePointCues.isReferencePoint(before: prefix) { continue }
            if t.value.grain > .week, let published {
                if ReportingCues.reportedClause(before: prefix), !interval.contains(published.date) { continue }
                if tense == .present, interval.end < published.date { continue }
            }
            return i
        }
        return nil
    }

    /// A sentence without a date of its own continues the previous one's account (a day or a
    /// week: a year is background, not an account) unless its main clause switches to the
    /// present or the future, or the previous one was about the future and this one is not.
    func continues(main: [Substring], tense: Tense, previous: Sentence) -> Bool {
        let future = TenseCues.hasStrongFuture(main)
        switch previous.status {
        case .happened: return !future && tense != .present
        case .expected: return future
        }
    }

    func status(words: [Substring], value: TimexValue?, source: DateSource, published: PublicationTime?, previous: Sentence?) -> EventStatus {
        if source == .narrative {
            // Continuing the paragraph's account keeps its status; the article's account is past.
            if let previous, previous.dateSource != .publication, previous.date == value { return previous.status }
            return .happened
        }
        guard let published else { return TenseCues.hasStrongFuture(words) ? .expected : .happened }
        if let interval = value?.interval, source == .expression {
            if interval.start > published.date { return .expected }
            if interval.end < published.date { return .happened }
            return TenseCues.hasStrongFuture(words) ? .expected : .happened
        }
        return TenseCues.hasStrongFuture(words) ? .expected : .happened
    }
}

/// The day the article's account is about: the latest day-precise date it stated for a past
/// happening close to publication. Past-tense sentences without a date of their own belong to it.
struct AccountTime {
    static let maximumAge = 14
    let value: TimexValue

    init?(value: TimexValue, status: EventStatus, published: PublicationTime?) {
        guard status == .happened, value.grain <= .day, let day = value.day else { return nil }
        if let published {
            let age = day.days(until: published.date)
            guard age >= 0 && age <= Self.maximumAge else { return nil }
        }
        self.value = value
    }
}
