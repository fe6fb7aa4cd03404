import ChronicleTime

/// Seasons: "this summer" (via the relative rule), "summer 2025", "the spring of 1998",
/// "in the autumn", "last fall"; a season word alone needs a date cue ("fall" is also a verb).
enum SeasonRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(readings: .season, keywords: [.the])
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(readings: .season)

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        let hasThe = s.isKeyword(i, .the)
        let j = hasThe ? i + 1 : i
        guard let season = s.info(j)?.season, !s.glued(j) || j == i else { return }
        var k = j + 1
        if s.isKeyword(k, .of) { k += 1 }
        if let (y, yearEnd) = DateParts.yearSpan(s, k) {
            out.append(Candidate(i, yearEnd, .stated(.season(year: y, season)), rule: .season))
            return
        }
        // alone: after "in", "during", "the", "this"… and not used as a noun modifier ("spring training")
        // (or after another season and "and": "in spring and autumn")
        let cue = hasThe || s.isKeyword(i - 1, .in, .during, .since, .by, .until, .through, .over, .early, .late, .mid)
            || s.isKeyword(i - 1, .and, .or) && s.info(i - 2)?.season != nil && s.isKeyword(i - 3, .in, .during, .the)
            || DateParts.isSuperlative(s, i - 1)  // "its warmest summer", as "the coldest February"
        guard cue else { return }
        let fall = s.isSpelled(j, "fall")
        if s.isWord(j + 1) && s.info(j + 1)?.keyword == nil && !s.glued(j + 1) {
            // "the summer offensive", "the spring statement": with "the" the modifier is one season
            // (the article is the noun's); "spring training", "the Spring Festival", "the fall guy" are not
            guard hasThe, !fall, !s.capitalized(j + 1), !s.capitalized(j) || s.capitalized(i) else { return }
            out.append(Candidate(j, j + 1, .season(season, year: .implied), rule: .season))
            return
        }
        if s.isPossessive(j + 1) && !hasThe { return }
        if s.isKeyword(j + 1, .of) { return }  // "The Fall of Rome", "the spring of discontent"
        if isDrop(s, j) { return }
        out.append(Candidate(i, j + 1, .season(season, year: .implied), rule: .season))
    }

    /// "the fall in prices", "the fall from power", "that fall of the wall": "fall" at `j` is a drop, not autumn.
    static func isDrop(_ s: TokenStream, _ j: Int) -> Bool {
        s.isSpelled(j, "fall") && s.isKeyword(j + 1, .in, .from, .to, .by, .since, .on, .at, .of)
    }

    /// "Summer Games": the season at `j` opens an event's name.
    static func opensEventName(_ s: TokenStream, _ j: Int) -> Bool {
        s.capitalized(j) && s.isWord(j + 1) && s.capitalized(j + 1) && SeasonWords.eventNouns.contains(s.lowerWord(j + 1))
    }
}
