import ChronicleTime

/// Named holidays: "Christmas", "Christmas Eve", "Easter" (computed), "Thanksgiving Day",
/// "New Year's Day", "Good Friday", "Easter 2024", "Independence Day last year", "Easter weekend";
/// not "Easter Island" nor "the Good Friday Agreement".
enum HolidayRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(readings: .holiday, keywords: [.last, .next, .this])

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        // "last Thanksgiving", "next Christmas"
        if s.isKeyword(i, .last, .next, .this), s.info(i + 1)?.isHolidayHead ?? false {
            var found: [Candidate] = []
            match(s, i + 1, &found)
            if var c = found.first, case .holiday(let h, .implied) = c.value {
                c.first = i
                c.value = .holiday(h, year: s.isKeyword(i, .last) ? .previous : s.isKeyword(i, .next) ? .following : .current)
                out.append(c)
            }
            return
        }
        // "in the new year", "before the New Year": the year New Year's Day opens (not "the new year's budget")
        if s.isSpelled(i, "new"), s.isKeyword(i - 1, .the), s.info(i + 1)?.unit == .year, !(s.info(i + 1)?.unitPlural ?? true),
           !s.isPossessive(i + 2), !s.isGluedPunct(i + 2, 0x2D) {
            out.append(Candidate(i - 1, i + 2, .yearOf(.holiday(.newYearsDay, year: .implied)), rule: .holiday, note: "the new year"))
            return
        }
        guard let head = s.info(i), head.isHolidayHead, s.capitalized(i) else { return }
        var best: (Holiday, Int)?
        for (h, name) in Holiday.byHead[head.spelling] ?? [] {
            guard let e = matchTail(s, i + 1, name.dropFirst()) else { continue }
            if best == nil || e > best!.1 { best = (h, e) }
        }
        guard let (holiday, end) = best else { return }
        if s.isWord(end), s.capitalized(end) || !s.glued(end),
           Holiday.falseFriendFollowers.contains(s.lowerWord(end)) {
            return
        }
        // "Easter Island", "the Good Friday Agreement", "Christmas Carol Services": a longer name
        if s.capitalized(end) && s.isWord(end) && s.keyword(end) == nil && s.info(end)?.weekday == nil && !s.tokens[end].allCaps
            && (s.info(end)?.month ?? 0) == 0 && s.info(end)?.unit != .weekend {
            return
        }
        var k = end
        if s.isPunct(k, 0x2C) { k += 1 }
        if let y = DateParts.year(s, k) {
            out.append(Candidate(i, k + 1, .stated(.day(holiday.date(in: y))), rule: .holiday))
        } else if let (spec, yearEnd) = yearAfter(s, end) {
            // "Independence Day last year", "Orthodox Christmas three years ago"
            out.append(Candidate(i, yearEnd, .holiday(holiday, year: spec), rule: .holiday))
        } else if s.info(end)?.unit == .week, !(s.info(end)?.unitPlural ?? true), !s.glued(end) {
            // "Easter week": the week holding the holiday
            out.append(Candidate(i, end + 1, .weekOf(.holiday(holiday, year: .implied)), rule: .holiday))
        } else if let weekendEnd = weekendAfter(s, end) {
            // "Easter weekend", "Labor Day weekend", "the Easter long weekend": the weekend next to the holiday;
            // a Monday or Tuesday holiday closes the weekend before it, so the day is moved back two days first
            out.append(Candidate(i, weekendEnd, .weekendOf(.movedBy(.holiday(holiday, year: .implied), .day, -2)),
                                 rule: .holiday, note: "the weekend of a holiday"))
        } else {
            out.append(Candidate(i, end, .holiday(holiday, year: .implied), rule: .holiday))
        }
    }

    /// "last year", "this year", "next year", "three years ago" after a holiday: the year it fell in,
    /// counted from the publication year, and the token after.
    private static func yearAfter(_ s: TokenStream, _ j: Int) -> (YearSpec, Int)? {
        if s.isKeyword(j, .last, .this, .next), s.info(j + 1)?.unit == .year, !(s.info(j + 1)?.unitPlural ?? true) {
            return (s.isKeyword(j, .last) ? .shifted(-1) : s.isKeyword(j, .next) ? .shifted(1) : .current, j + 2)
        }
        if let q = Quantity.read(s, j, allowVague: false), let n = q.amount, n >= 1, n == n.rounded(), n < 200,
           s.info(q.end)?.unit == .year, s.isKeyword(q.end + 1, .ago) {
            return (.shifted(-Int(n)), q.end + 2)
        }
        return nil
    }

    /// "weekend" or "long weekend" right after a holiday: the token after it.
    private static func weekendAfter(_ s: TokenStream, _ j: Int) -> Int? {
        let k = s.isKeyword(j, .long) ? j + 1 : j
        guard s.info(k)?.unit == .weekend, !(s.info(k)?.unitPlural ?? true), !s.glued(k) else { return nil }
        return k + 1
    }

    private static func matchTail(_ s: TokenStream, _ start: Int, _ tail: ArraySlice<String>) -> Int? {
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
