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
public enum AnchorKind: String, Sendable {
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
public struct Timex: Sendable {
    /// UTF-8 byte offsets of the expression in the tagged text, end exclusive.
    public var utf8Range: Range<Int>
    public var text: String
    public var type: TimexType
    public var value: TimexValue
    public var mod: TimexMod?
    /// Name of the rule that matched (e.g. `weekday`, `absolute-date`).
    public var rule: String
    public var anchor: AnchorKind
    /// One line for readers: "'on Friday' in a past-tense sentence, published Sat 15 Mar 2025 → Fri 14 Mar 2025".
    public var explanation: String
    /// Each step of extraction and anchoring, for `--explain`.
    public var trace: [String]

    public init(utf8Range: Range<Int>, text: String, type: TimexType, value: TimexValue, mod: TimexMod? = nil,
                rule: String, anchor: AnchorKind, explanation: String, trace: [String] = []) {
        self.utf8Range = utf8Range
        self.text = text
        self.type = type
        self.value = value
        self.mod = mod
        self.rule = rule
        self.anchor = anchor
        self.explanation = explanation
        self.trace = trace
    }
}

/// Finds temporal expressions in text and resolves them (extract, then anchor).
public struct Tagger: Sendable {
    public init() {}

    /// Tags `text` (a sentence or a whole document) against `context`.
    public func tag(_ text: String, context: AnchorContext) -> [Timex] {
        // Placeholder until the rule engine lands: ISO dates only.
        var out: [Timex] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i + 10 <= bytes.count {
            if let s = String(bytes: bytes[i..<i + 10], encoding: .utf8), let d = CivilDate(iso: s) {
                out.append(Timex(utf8Range: i..<i + 10, text: s, type: .date, value: .day(d), rule: "iso-date",
                                 anchor: .absolute, explanation: "'\(s)' → \(DisplayFormat.day(d))"))
                i += 10
            } else {
                i += 1
            }
        }
        return out
    }
}
