/// "Then" after a preposition of time: "until then", "by then", "before then" point back to the account's last
/// date. The span is "then" alone, as TimeBank marks it ("Until then"); the `Resolver` keeps it only when a date
/// was named in its sentence or the one before (bare "then", a discourse word, is never tagged). TimeBank leaves
/// "since then" untagged ("began in 1950. Since then, 427 fugitives …"): a start bound, not a date of its own.
enum AnaphoraRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(keywords: [.then])

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        guard s.isKeyword(i, .then), s.isKeyword(i - 1, .until, .till, .by, .before) else { return }
        // "by then-president Bush": an adjective of a title
        if s.isGluedPunct(i + 1, 0x2D) { return }
        out.append(Candidate(i, i + 1, .anaphor(.then), rule: .narrative, note: "'then' after '\(s.lowerWord(i - 1))'"))
    }
}
