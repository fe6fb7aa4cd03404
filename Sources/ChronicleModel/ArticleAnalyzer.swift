import ChronicleMarkdown
import ChronicleTagger
import ChronicleTime

/// Splits an article into sentences, tags their time expressions and dates each sentence:
/// by its own anchoring expression, else by the narrative time of the account it continues,
/// else by the publication date.
public struct ArticleAnalyzer: Sendable {
    /// Without the step-by-step trace: the analysis keeps each expression's explanation, and
    /// `chronicle tag --explain` shows the trace.
    let tagger = Tagger(recordsTrace: false)
    let splitter = SentenceSplitter()
    let boilerplate: BoilerplateDetector

    public init(boilerplate: BoilerplateDetector) { self.boilerplate = boilerplate }

    /// Fills `article.blocks`.
    public func analyse(_ article: inout Article) {
        let outlet = Self.outlet(of: article)
        analyse(&article, boilerplate: article.document.textBlocks.map { boilerplate.classify($0.text, outlet: outlet) != nil })
    }

    /// Fills `article.blocks`, given which text blocks are boilerplate (`BoilerplateDetector.verdicts`).
    /// With `recognisesNames`, also the `entities` of each sentence outside boilerplate, as
    /// `EntityRecognizer.recogniseNames(in:skipsBoilerplate:)` would, from the words each sentence's
    /// reading has scanned (its bytes are then not scanned into words twice).
    public func analyse(_ article: inout Article, boilerplate verdicts: [Bool], recognisesNames: Bool = false) {
        let published = article.published
        // The same for every sentence the article dates at publication: made once, shared by them.
        let atPublication = published.map { "no date of its own: dated at publication, \(DisplayFormat.day($0.date))" }
        var explanations = NarrativeExplanations()
        var narrativeReference: TimexValue?
        var account: AccountTime?
        var blocks: [AnalysedBlock] = []
        var buffers = SentenceReading.Buffers()
        var scratch = Tagger.Scratch()
        var taggerAccount = Tagger.Account()
        let recognizer = EntityRecognizer()
        var entityWords: [EntityRecognizer.Word] = []
        for block in article.document.textBlocks {
            let isBoilerplate = verdicts[block.ordinal]
            var sentences: [Sentence] = []
            var previous: PreviousSentence?
            var quoteOpen = false
            taggerAccount.beginParagraph()
            for range in splitter.split(block.text) {
                let text = String(block.text[range])
                let start = block.text.utf8.distance(from: block.text.startIndex, to: range.lowerBound)
                let utf8Range = start..<(start + text.utf8.count)
                var narrativeAfter = narrativeReference
                let timexes = tagger.tag(text, context: AnchorContext(documentTime: published), narrative: &narrativeAfter,
                                         account: &taggerAccount, scratch: &scratch)
                var reading = SentenceReading(text, startsQuoted: quoteOpen, buffers: &buffers, tagged: scratch)
                quoteOpen = reading.endsQuoted
                // (The expressions' ranges read in place: mapping the expressions would copy each one.)
                let entities = recognisesNames && !isBoilerplate
                    ? recognizer.recognise(reading, excluding: timexes.indices.lazy.map { timexes[$0].utf8Range }, words: &entityWords) : []
                var sentence = date(text, utf8Range: utf8Range, timexes: timexes, entities: entities, reading: reading,
                                    previous: previous, account: account, published: published, atPublication: atPublication,
                                    explanations: &explanations)
                reading.release(into: &buffers)
                if case .heading = block.kind { sentence.dateSource = .publication }
                if sentence.dateSource == .expression, let v = sentence.date {
                    // "in 1976, and in 1984 …. One year later": the account's time is the last date the
                    // sentence gave, not the one that dates its happening
                    narrativeReference = narrativeAfter ?? v
                    if !isBoilerplate, let recent = AccountTime(value: v, status: sentence.status, published: published) { account = recent }
                }
                previous = PreviousSentence(date: sentence.date, dateSource: sentence.dateSource, status: sentence.status)
                sentences.append(consume sentence)
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

    /// - Parameters:
    ///   - atPublication: the explanation of a sentence dated at publication, when the article has a date.
    ///   - explanations: the article's explanations of narrative dates made so far.
    func date(_ text: String, utf8Range: Range<Int>, timexes: [Timex], entities: [EntityMention], reading: SentenceReading,
              previous: PreviousSentence?, account: AccountTime?, published: PublicationTime?, atPublication: String?,
              explanations: inout NarrativeExplanations) -> Sentence {
        let future = reading.mainClauseIsFuture
        var tense = LazyTense()
        let (anchor, setAside) = Self.anchor(timexes: timexes, tense: &tense, reading: reading, tagger: tagger, published: published)
        var value: TimexValue?
        var source = DateSource.publication
        var explanation: String
        var happening: DatedHappening?
        if let anchor {
            value = timexes[anchor].value
            source = .expression
            explanation = timexes[anchor].explanation
            happening = reading.happening(dated: timexes[anchor].utf8Range, using: tagger)
        } else if let previous, previous.dateSource != .publication, let v = previous.date, v.grain <= .week,
                  continues(future: future, tense: &tense, reading: reading, previous: previous) {
            value = v
            source = .narrative
            explanation = explanations.continuing(v)
        } else if let account, tense.of(reading, using: tagger) == .past, !future, !reading.isPresentPerfect {
            value = account.value
            source = .narrative
            explanation = explanations.account(account.value)
        } else if let published, let atPublication {
            value = .day(published.date)
            explanation = atPublication
        } else {
            explanation = "no date of its own and the article has no publication date"
        }
        // Without a date of its own, a sentence that reports speech is dated as the saying.
        if source != .expression, value != nil, reading.reportingVerb != nil { happening = .saying }
        if let happening, let verb = reading.reportingWord { explanation = happening.note(after: explanation, verb: verb) }
        return Sentence(text: text, utf8Range: utf8Range, timexes: timexes, date: value, dateSource: source,
                        anchorTimex: anchor, explanation: explanation,
                        status: status(future: future, value: value, source: source, published: published, previous: previous),
                        datedHappening: happening, setAside: setAside, entities: entities)
    }

    /// The expression that dates the sentence's happening: the first calendar date that is not
    /// a reference point ("since March 2008"), one end of a span ("1955-2011") nor background to
    /// the main clause: a month or year inside what someone said ("said his company sold 13.7
    /// million Macs last year") or behind a present-tense statement ("claims that an agreement
    /// reached in 1991 …"). Also returns why each other calendar date does not date it.
    ///
    /// - Parameter tense: the main clause's tense (worked out only when a rule needs it).
    static func anchor(timexes: [Timex], tense: inout LazyTense, reading: SentenceReading, tagger: Tagger,
                       published: PublicationTime?) -> (index: Int?, setAside: [Int: String]) {
        let text = reading.text
        let bytes = text.utf8
        let reportedFrom = reading.reportingVerb.map { reading.words[$0].utf8Range.upperBound }
        var found: Int?
        var setAside: [Int: String] = [:]
        for (i, t) in timexes.enumerated() {
            guard t.type == .date || t.type == .time, let interval = t.value.interval else { continue }
            let prefixEnd = bytes.index(bytes.startIndex, offsetBy: t.utf8Range.lowerBound)
            let prefix = text[..<prefixEnd]
            let reported = reportedFrom.map { t.utf8Range.lowerBound >= $0 }
            if t.anchor == .unresolved {
                setAside[i] = "relative, and the article has no publication date"
            } else if t.value.grain > .year || interval.dayCount > 366 {
                setAside[i] = "longer than a year"
            } else if ReferencePointCues.isReferencePoint(before: prefix),
                      !ReferencePointCues.isPeriodToDate(before: prefix, interval: interval, published: published),
                      !ReferencePointCues.startsOngoingState(before: prefix) {
                setAside[i] = "a reference point, not the time of the happening"
            } else if t.value.grain > .week, Self.isRangeEnd(i, timexes: timexes, text: text) {
                setAside[i] = "one end of a span of time"
            } else if t.value.grain > .week, let published, reported == true, !interval.contains(published.date) {
                setAside[i] = "background inside what was reported ('\(reading.reportingWord ?? "")')"
            } else if t.value.grain > .week, let published, tense.of(reading, using: tagger) == .present, reported != false, interval.end < published.date {
                // "The suit, filed in September 2003, claims that …": the subject's own date still counts.
                setAside[i] = "background to a present-tense statement"
            } else if found != nil {
                setAside[i] = "a later date: the first one dates the sentence"
            } else {
                found = i
            }
        }
        return (found, setAside)
    }

    /// One end of a span of months or years ("Steve Jobs 1955-2011", "from 2004 to 2008", "between
    /// 1998 and 2001"): the span is a period, neither end the date of a happening.
    static func isRangeEnd(_ i: Int, timexes: [Timex], text: String) -> Bool {
        // The sentence's bytes read in place (a copy of them would be an allocation per expression).
        var text = text
        return text.withUTF8 { bytes in
            func isRange(_ a: Timex, _ b: Timex) -> Bool {
                guard a.value.grain > .week, b.value.grain > .week, a.utf8Range.upperBound <= b.utf8Range.lowerBound else { return false }
                let gap = String(decoding: bytes[a.utf8Range.upperBound..<b.utf8Range.lowerBound], as: UTF8.self).filter { $0 != " " }
                if ["-", "\u{2013}", "\u{2014}"].contains(gap) { return true }
                guard ["to", "and", "through"].contains(gap) else { return false }
                let before = TenseCues.words(String(decoding: bytes[..<a.utf8Range.lowerBound], as: UTF8.self)).last
                return before == "from" || before == "between"
            }
            return (i > 0 && isRange(timexes[i - 1], timexes[i])) || (i + 1 < timexes.count && isRange(timexes[i], timexes[i + 1]))
        }
    }

    /// A sentence without a date of its own continues the previous one's account (a day or a
    /// week: a year is background, not an account) unless its main clause switches to the
    /// present or the future (`future`: its main clause has a strong-future phrase), or the previous
    /// one was about the future and this one is not.
    func continues(future: Bool, tense: inout LazyTense, reading: SentenceReading, previous: PreviousSentence) -> Bool {
        switch previous.status {
        case .happened: return !future && tense.of(reading, using: tagger) != .present && !reading.isPresentPerfect
        case .expected: return future
        }
    }

    /// Scheduled or reported, as the main clause tells it: "Jobs announced today that Lion will
    /// include …" reports an announcement that happened. `future`: the main clause has a strong-future phrase.
    func status(future: Bool, value: TimexValue?, source: DateSource, published: PublicationTime?, previous: PreviousSentence?) -> EventStatus {
        if source == .narrative {
            // Continuing the paragraph's account keeps its status; the article's account is past.
            if let previous, previous.dateSource != .publication, previous.date == value { return previous.status }
            return .happened
        }
        let byTense: EventStatus = future ? .expected : .happened
        guard let published, let interval = value?.interval, source == .expression else { return byTense }
        if interval.start > published.date { return .expected }
        if interval.end < published.date { return .happened }
        return byTense
    }
}

/// The explanations of sentences dated by the account they continue, kept for the next sentence
/// of the article: a paragraph's sentences often continue one account, and share its explanation
/// instead of each formatting the same date into a string of its own.
struct NarrativeExplanations {
    private var continued: (value: TimexValue, text: String)?
    private var accountOf: (value: TimexValue, text: String)?

    /// "continues the account dated … in the previous sentence".
    mutating func continuing(_ v: TimexValue) -> String {
        Self.text(v, kept: &continued) { String.concatenating("continues the account dated ", $0, " in the previous sentence") }
    }

    /// "past tense, no date of its own: the article's account of …".
    mutating func account(_ v: TimexValue) -> String {
        Self.text(v, kept: &accountOf) { String.concatenating("past tense, no date of its own: the article's account of ", $0) }
    }

    /// The text `kept` holds for `v`, else the one `make` gives the date's display (then kept).
    private static func text(_ v: TimexValue, kept: inout (value: TimexValue, text: String)?,
                             _ make: (Substring) -> String) -> String {
        if let kept, kept.value == v { return kept.text }
        let text = make(DisplayFormat.value(v)[...])
        kept = (v, text)
        return text
    }
}

/// What the next sentence's dating reads of the one before it in its block: its date, where
/// that came from and its status (not the whole sentence, whose copy would retain its texts and arrays).
struct PreviousSentence {
    let date: TimexValue?
    let dateSource: DateSource
    let status: EventStatus
}

/// A sentence's main-clause tense (`SentenceReading.tense(using:)`), worked out when a rule first
/// asks: sentences dated at publication without an account before them never need it.
struct LazyTense {
    private var known: Tense?

    mutating func of(_ reading: SentenceReading, using tagger: Tagger) -> Tense {
        if let known { return known }
        let found = reading.tense(using: tagger)
        known = found
        return found
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
