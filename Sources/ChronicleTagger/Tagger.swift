import ChronicleTime

/// What relative expressions are anchored to: the document creation (publication) time,
/// and the narrative reference time of the account being told, when there is one.
public struct AnchorContext: Sendable {
    /// The publication time in the article's own zone; nil when the article has no date.
    public var documentTime: PublicationTime?
    /// The date the surrounding account is about ("two days later" counts from it).
    public var narrativeReference: TimexValue?

    public init(documentTime: PublicationTime?, narrativeReference: TimexValue? = nil) {
        self.documentTime = documentTime
        self.narrativeReference = narrativeReference
    }
}

/// What a resolved value was anchored to.
public enum AnchorKind: String, Codable, Sendable {
    /// The text stated the whole value ("15 March 2025").
    case absolute
    /// Resolved against the publication date ("on Friday", "last week").
    case documentTime
    /// Resolved against the narrative reference time ("two days later").
    case narrative
    /// A relative expression with nothing to anchor it to (no publication date).
    case unresolved
}

/// One temporal expression found in a text, with its normalised TIMEX3 value.
public struct Timex: Codable, Sendable {
    /// UTF-8 byte offsets of the expression in the tagged text, end exclusive.
    public var utf8Range: Range<Int>
    public var text: String
    public var type: TimexType
    public var value: TimexValue
    public var mod: TimexMod?
    /// Name of the rule that matched (e.g. `weekday`, `absolute-date`).
    public var rule: String
    public var anchor: AnchorKind
    /// One line for readers: "'on Friday' in a past-tense sentence of an article published Sat 15 Mar 2025 → Fri 14 Mar 2025".
    public var explanation: String
    /// Each step of extraction and anchoring, for `--explain`.
    public var trace: [String]
    /// The tense of the clause around the expression (its nearest verb cue): whether the happening
    /// it dates lies behind or ahead ("would meet … on Thursday" → future).
    public var tense: Tense?
    /// The preposition right before the expression, lower-cased ("on", "since", "until"), if any:
    /// "since March 2008" or "until 30 September" name a reference point, not the event's date.
    public var preposition: String?
    /// A SET's quantifier ("every Tuesday": `EVERY`, "each month": `EACH`), as TimeML's `quant`.
    public var quant: SetQuantifier?
    /// How many times a SET recurs in its period ("twice a week": 2, written `2X`), as TimeML's `freq`.
    public var freq: Int?

    /// True for "since …", "until …", "by …", "before …", "after …": a bound, not the date of the event.
    public var isReferencePoint: Bool {
        guard let preposition else { return false }
        return ["since", "until", "till", "by", "before", "after", "from", "through", "to"].contains(preposition)
    }

    /// "since …": a bound the story looks back to.
    var isSince: Bool { preposition == "since" }

    public init(utf8Range: Range<Int>, text: String, type: TimexType, value: TimexValue, mod: TimexMod? = nil,
                rule: String, anchor: AnchorKind, explanation: String, trace: [String] = [], tense: Tense? = nil) {
        self.utf8Range = utf8Range
        self.text = text
        self.type = type
        self.value = value
        self.mod = mod
        self.rule = rule
        self.anchor = anchor
        self.explanation = explanation
        self.trace = trace
        self.tense = tense
    }
}

/// TimeML's `quant` of a SET.
public enum SetQuantifier: String, Codable, Sendable {
    case every = "EVERY", each = "EACH"
}

/// Finds temporal expressions in text and resolves them (extract, then anchor).
///
/// The pipeline, in order: `Tokenizer` (UTF-8 bytes → tokens with lexicon entries),
/// `Extractor` (every rule family proposes candidates), `Refiner` (overlaps, modifiers),
/// `TenseClassifier` + `Anchorer` (values against the publication date and narrative time).
public struct Tagger: Sendable {
    let lexicon: Lexicon
    /// Whether each `Timex` gets its step-by-step `trace` (the explanation line is always made).
    public var recordsTrace: Bool

    public init(recordsTrace: Bool = true) {
        self.lexicon = Lexicon.shared
        self.recordsTrace = recordsTrace
    }

    /// Tags `text` (a sentence or a whole document) against `context`. Within the text, each
    /// resolved date becomes the narrative reference for the expressions after it.
    public func tag(_ text: String, context: AnchorContext) -> [Timex] {
        var copy = text
        return copy.withUTF8 { bytes in tag(bytes: bytes, context: context) }
    }

    /// Tags `text` as `tag(_:context:)` does, starting from the narrative time in `narrative` (the
    /// context's is ignored) and leaving there the narrative time after the text: the last date an
    /// expression of the text resolved to that moves the account's time.
    public func tag(_ text: String, context: AnchorContext, narrative: inout TimexValue?) -> [Timex] {
        var scratch = Scratch()
        return tag(text, context: context, narrative: &narrative, scratch: &scratch)
    }

    /// `tag(_:context:narrative:)` with the working arrays of `scratch`: a caller that tags
    /// sentence after sentence passes the same scratch to each call and none allocates them afresh.
    public func tag(_ text: String, context: AnchorContext, narrative: inout TimexValue?, scratch: inout Scratch) -> [Timex] {
        var copy = text
        var state = Resolver.State(narrative: narrative)
        defer { narrative = state.narrative }
        return copy.withUTF8 { tag(bytes: $0, context: context, state: &state, scratch: &scratch) }
    }

    /// What an account carries from one sentence to the next besides its narrative time: the days
    /// it gave its happenings ("the Oct. 23 killing" for "the day after his death"), its reporting
    /// period and last quarter, and whether the sentence before set the narrative time ("Until then").
    /// A caller that dates sentence by sentence with its own narrative time keeps one per article.
    public struct Account: Sendable {
        var state = Resolver.State(narrative: nil)

        public init() { state.textIsSentence = true }

        /// The next sentence opens a paragraph: the story time of the paragraph before does not place its dates.
        public mutating func beginParagraph() { state.opensParagraph = true }
    }

    /// `tag(_:context:narrative:scratch:)` for one sentence of an account: what the sentences before
    /// gave (`account`) applies to this one, and this one's is kept there for the next.
    public func tag(_ text: String, context: AnchorContext, narrative: inout TimexValue?, account: inout Account,
                    scratch: inout Scratch) -> [Timex] {
        var copy = text
        // the caller's narrative time is not the one this account's last sentence left: "then" does not point to it
        if narrative != account.state.narrative { account.state.narrativeSetInLastText = false }
        account.state.narrative = narrative
        defer { narrative = account.state.narrative }
        return copy.withUTF8 { tag(bytes: $0, context: context, state: &account.state, scratch: &scratch) }
    }

    /// What outlives one call of `tag`: the token and candidate arrays (emptied, their capacity
    /// kept) and the publication day as explanations write it, made once for a document.
    public struct Scratch: Sendable {
        var tokens: [Token] = []
        var candidates: [Candidate] = []
        /// `tokens` are those of the whole text last tagged (a text of one chunk), not of its last chunk.
        var tokensAreWholeText = false
        private var publishedDay: (date: CivilDate, text: String)?

        public init() {}

        /// `DisplayFormat.shortDay(date)`, formatted only when the date changes.
        mutating func shortDay(_ date: CivilDate) -> String {
            if let publishedDay, publishedDay.date == date { return publishedDay.text }
            let text = DisplayFormat.shortDay(date)
            publishedDay = (date, text)
            return text
        }
    }

    /// Tags UTF-8 bytes; offsets in the result are byte offsets into `bytes`.
    ///
    /// Long texts are processed paragraph by paragraph (blank lines; a line break when a
    /// paragraph runs past 64 KB), so memory stays bounded; the narrative time carries over.
    public func tag(bytes: UnsafeBufferPointer<UInt8>, context: AnchorContext) -> [Timex] {
        var state = Resolver.State(narrative: context.narrativeReference)
        var scratch = Scratch()
        return tag(bytes: bytes, context: context, state: &state, scratch: &scratch)
    }

    func tag(bytes: UnsafeBufferPointer<UInt8>, context: AnchorContext, state: inout Resolver.State,
             scratch: inout Scratch) -> [Timex] {
        var out: [Timex] = []
        // The scratch's arrays for this call, given back at its end.
        var tokens: [Token] = []
        var candidates: [Candidate] = []
        swap(&tokens, &scratch.tokens)
        swap(&candidates, &scratch.candidates)
        defer {
            swap(&tokens, &scratch.tokens)
            swap(&candidates, &scratch.candidates)
        }
        // About a token every four bytes: one allocation for most sentences.
        tokens.reserveCapacity(min(bytes.count, 4096) / 3 + 8)
        scratch.tokensAreWholeText = bytes.count <= 4096
        func tag(_ chunk: Range<Int>) {
            let slice = UnsafeBufferPointer(rebasing: bytes[chunk])
            Tokenizer(lexicon: lexicon).tokenize(slice, into: &tokens)
            tokens.withUnsafeBufferPointer { tokenBuffer in
                let stream = TokenStream(bytes: slice, tokens: tokenBuffer, lexicon: lexicon)
                Extractor().extract(stream, into: &candidates)
                guard !candidates.isEmpty else {
                    // a text without expressions sets no narrative time: "then" after it points back to none
                    state.narrativeSetInLastText = false
                    return
                }
                let chosen = Refiner().refine(stream, candidates)
                let publishedDay = context.documentTime.map { scratch.shortDay($0.date) }
                let found = Resolver(stream: stream, context: context, publishedDay: publishedDay, recordsTrace: recordsTrace)
                    .resolve(chosen, state: &state)
                // a sentence is the whole text: its offsets stand as they are, and the array is taken whole
                if chunk.lowerBound == 0 && out.isEmpty {
                    out = found
                    return
                }
                for var t in found {
                    t.utf8Range = (t.utf8Range.lowerBound + chunk.lowerBound)..<(t.utf8Range.upperBound + chunk.lowerBound)
                    out.append(t)
                }
            }
        }
        // A sentence is a single chunk: no array of chunks for it.
        if bytes.count <= 4096 {
            tag(0..<bytes.count)
        } else {
            for chunk in Tagger.chunks(bytes) { tag(chunk) }
        }
        return out
    }

    /// Paragraph-sized pieces of a long text: split at blank lines once 4 KB are gathered, or at
    /// any line break past 64 KB.
    static func chunks(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let n = b.count
        guard n > 4096 else { return [0..<n] }
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < n {
            if b[i] == 0x0A && i - start >= 4096 && (i + 1 < n && b[i + 1] == 0x0A || i - start >= 65536) {
                out.append(start..<(i + 1))
                start = i + 1
            }
            i += 1
        }
        if start < n { out.append(start..<n) }
        return out
    }

    /// The tense of a sentence's first verb cue ("said" → past, "will" → future), for callers
    /// that date sentences without an expression.
    public func tense(of sentence: String) -> Tense {
        var copy = sentence
        return copy.withUTF8 { tense(ofUTF8: $0) }
    }

    /// `tense(of:)` of UTF-8 text.
    public func tense(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Tense {
        // The classifier reads the tokens from the start up to `rightSteps` and a few past those: the
        // rest of the sentence is not scanned.
        let limit = TenseClassifier.rightSteps + TenseClassifier.lookahead
        var tokens: [Token] = []
        tokens.reserveCapacity(limit)
        Tokenizer(lexicon: lexicon).tokenize(bytes, into: &tokens, limit: limit)
        return tokens.withUnsafeBufferPointer { tense(of: $0, in: bytes) }
    }

    /// `tense(ofUTF8: joined)`, where `joined` is words of the text last tagged with `scratch`
    /// lower-cased and joined by single spaces, and `words` are their UTF-8 ranges in that text, in
    /// order, each of ASCII letters and digits only: the text's own tokens of those words are what
    /// scanning `joined` would give (moved to its offsets, without capitals, glued only inside a
    /// word), so it is not scanned again. When the tokens do not cover the words exactly, `joined` is scanned.
    public func tense(ofUTF8 joined: UnsafeBufferPointer<UInt8>, words: UnsafeBufferPointer<Range<Int>>,
                      taggedIn scratch: Scratch) -> Tense {
        let limit = TenseClassifier.rightSteps + TenseClassifier.lookahead
        guard scratch.tokensAreWholeText else { return tense(ofUTF8: joined) }
        return scratch.tokens.withUnsafeBufferPointer { tokens in
            withUnsafeTemporaryAllocation(of: Token.self, capacity: limit) { out in
                guard let count = Self.joinedTokens(words, of: tokens, into: out) else { return tense(ofUTF8: joined) }
                return tense(of: UnsafeBufferPointer(rebasing: out[..<count]), in: joined)
            }
        }
    }

    /// Writes the first tokens of the words (`tense(ofUTF8:words:taggedIn:)`) from the text's `tokens`
    /// into `out`, up to its size, and returns how many; nil when a word is not made of whole word
    /// and number tokens.
    static func joinedTokens(_ words: UnsafeBufferPointer<Range<Int>>, of tokens: UnsafeBufferPointer<Token>,
                             into out: UnsafeMutableBufferPointer<Token>) -> Int? {
        var count = 0
        var k = 0
        // Where the word starts in the joined text.
        var offset: Int32 = 0
        for word in words {
            let lower = Int32(word.lowerBound), upper = Int32(word.upperBound)
            while k < tokens.count && tokens[k].start < lower { k += 1 }
            var at = lower
            while at < upper {
                guard k < tokens.count, tokens[k].start == at, tokens[k].end <= upper, tokens[k].kind != .punct else { return nil }
                var token = tokens[k]
                token.start += offset - lower
                token.end += offset - lower
                token.flags = at == lower ? 0 : TokenFlags.glued
                (out.baseAddress! + count).initialize(to: token)
                count += 1
                if count == out.count { return count }
                at = tokens[k].end
                k += 1
            }
            offset += upper - lower + 1
        }
        return count
    }

    /// The tense `TenseClassifier` reads from the start of `tokens`, the tokens of `bytes`.
    private func tense(of tokens: UnsafeBufferPointer<Token>, in bytes: UnsafeBufferPointer<UInt8>) -> Tense {
        TenseClassifier().classify(TokenStream(bytes: bytes, tokens: tokens, lexicon: lexicon), first: 0, end: 0).0
    }
}

/// Tags the sentences of one article in order, carrying the narrative time (the last date the
/// account gave) and the last reporting period from each sentence to the next.
///
///     var article = ArticleTagger(documentTime: published)
///     for sentence in sentences { let found = article.tag(sentence) … }
public struct ArticleTagger: Sendable {
    public let tagger: Tagger
    public let documentTime: PublicationTime?
    private var state: Resolver.State
    private var scratch = Tagger.Scratch()

    public init(documentTime: PublicationTime?, tagger: Tagger = Tagger()) {
        self.tagger = tagger
        self.documentTime = documentTime
        self.state = Resolver.State(narrative: nil)
        state.textIsSentence = true
    }

    /// The date of the account so far: the last date an expression resolved to.
    public var narrativeReference: TimexValue? { state.narrative }

    /// Starts a new account (a new paragraph that does not continue the previous one).
    public mutating func resetNarrative() {
        state = Resolver.State(narrative: nil)
        state.textIsSentence = true
    }

    /// The expressions of the next sentence (offsets are UTF-8 offsets into `sentence`).
    public mutating func tag(_ sentence: String) -> [Timex] {
        var copy = sentence
        let context = AnchorContext(documentTime: documentTime, narrativeReference: state.narrative)
        return copy.withUTF8 { tagger.tag(bytes: $0, context: context, state: &state, scratch: &scratch) }
    }
}
