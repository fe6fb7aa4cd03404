import ChronicleTime

/// Named holidays: "Christmas", "Christmas Eve", "Easter" (computed), "Thanksgiving Day",
/// "New Year's Day", "Good Friday", "Easter 2024"; not "Easter Island".
enum HolidayRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(readings: .holiday, keywords: [.last, .next, .this])

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        // "last Thanksgiving", "next Christmas"
        if s.isKeyword(i, .last, .next, .this), s.info(i + 1)?.holiday != nil {
            var found: [Candidate] = []
            match(s, i + 1, &found)
            if var c = found.first, case .holiday(let h, .implied) = c.value {
                c.first = i
                c.value = .holiday(h, year: s.isKeyword(i, .last) ? .previous : s.isKeyword(i, .next) ? .following : .current)
                out.append(c)
            }
            return
        }
        guard let head = s.info(i), head.holiday != nil, s.capitalized(i) else { return }
        var best: (Holiday, Int)?
        for h in Holiday.allCases where h.headWord == head.spelling {
            guard let end = matchTail(s, i + 1, h.tail) else { continue }
            var e = end
            if h.optionalDay, s.capitalized(e), s.info(e)?.keyword == nil, s.isSpelled(e, "day") { e += 1 }
            if best == nil || e > best!.1 { best = (h, e) }
        }
        guard let (holiday, end) = best else { return }
        if s.isWord(end), s.capitalized(end) || !s.glued(end),
           Holiday.falseFriendFollowers.contains(s.lowerWord(end)) {
            return
        }
        if s.capitalized(end) && s.isWord(end) && s.keyword(end) == nil && s.info(end)?.weekday == nil && !s.tokens[end].allCaps
            && holiday != .goodFriday && s.info(end)?.month == 0 {
            return  // "Easter Island", "Christmas Carol Services": a longer name
        }
        var k = end
        if s.isPunct(k, 0x2C) { k += 1 }
        if let y = DateParts.year(s, k) {
            out.append(Candidate(i, k + 1, .stated(.day(holiday.date(in: y))), rule: .holiday))
        } else if s.info(end)?.unit == .week, !(s.info(end)?.unitPlural ?? true), !s.glued(end) {
            // "Easter week": the week holding the holiday
            out.append(Candidate(i, end + 1, .weekOf(.holiday(holiday, year: .implied)), rule: .holiday))
        } else {
            out.append(Candidate(i, end, .holiday(holiday, year: .implied), rule: .holiday))
        }
    }

    private static func matchTail(_ s: TokenStream, _ start: Int, _ tail: [String]) -> Int? {
        var j = start
        for word in tail {
            if word == "'" {
                guard s.isPunct(j, 0x27) else { return nil }
            } else {
                guard s.isWord(j), s.lowerWord(j) == word else { return nil }
            }
            j += 1
        }
        return j
    }
}
