import ChronicleTime

/// Parts of a named day: "the evening of October 9", "overnight on Wednesday" (weekday and relative-day
/// rules take "Friday night", "yesterday morning"); "the week of March 6". "The early (small, wee) hours
/// of Friday" are Friday itself, and TimeBank marks only the day: the weekday rule tags "Friday".
enum PartOfDayRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(keywords: [.mid, .the], spellings: ["overnight"])
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(readings: [.unit, .partOfDay, .ordinal], keywords: [.last, .final])

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        // "mid-afternoon", "mid morning": a part of the account's day
        if s.isKeyword(i, .mid) {
            let j = s.isGluedPunct(i + 1, 0x2D) ? i + 2 : i + 1
            if let p = s.info(j)?.partOfDay, p == .morning || p == .afternoon || p == .evening {
                // "mid-afternoon yesterday", "mid-morning Friday"
                var found: [Candidate] = []
                RelativeDayRule.match(s, j + 1, &found)
                WeekdayRule.match(s, j + 1, &found)
                if let day = found.first(where: { $0.first == j + 1 && $0.end == j + 2 }) {
                    out.append(Candidate(i, j + 2, .partOfDay(day.value, p.part), .time, mod: .mid, rule: .partOfDay))
                } else {
                    out.append(Candidate(i, j + 1, .partOfDay(.narrativeUnit(.day, 0), p.part), .time, mod: .mid, rule: .partOfDay))
                }
            }
            return
        }
        // "overnight on Wednesday", "overnight Saturday", "overnight tonight": the night of that day;
        // "overnight into Tuesday", "overnight to Sunday": the night that ends on it
        if s.isSpelled(i, "overnight") {
            if s.isSpelled(i + 1, "into") || s.isKeyword(i + 1, .to), let day = namedDay(s, i + 2) {
                out.append(Candidate(i, day.end, .partOfDay(.movedBy(day.value, .day, -1), .night), .time, rule: .partOfDay,
                                     note: "overnight into a day"))
                return
            }
            let j = s.isKeyword(i + 1, .on) ? i + 2 : i + 1
            if j == i + 1, s.isSpelled(j, "tonight") {
                out.append(Candidate(i, j + 1, .partOfDay(.dayOffset(0), .night), .time, rule: .partOfDay, note: "overnight tonight"))
            } else if let day = namedDay(s, j) {
                out.append(Candidate(i, day.end, .partOfDay(day.value, .night), .time, rule: .partOfDay, note: "overnight on a day"))
            }
            return
        }
        guard s.isKeyword(i, .the) else { return }
        var j = i + 1
        // "the week of March 6", "the weekend of March 8": the week (its weekend) holding that day
        if let unit = s.info(j)?.unit, unit == .week || unit == .weekend, !(s.info(j)?.unitPlural ?? true), s.isKeyword(j + 1, .of) {
            var found: [Candidate] = []
            AbsoluteDateRule.match(s, j + 2, &found)
            if let day = found.filter({ $0.first == j + 2 }).max(by: { $0.end < $1.end }) {
                // "the weekend of 12-13 July": the span takes in the range's second day
                var end = day.end
                if day.rule == .range {
                    AbsoluteDateRule.match(s, day.end + 1, &found)
                    end = found.filter { $0.first == day.end + 1 }.map(\.end).max() ?? end
                }
                switch day.value {
                case .monthDay, .stated(.day):
                    out.append(unit == .week
                        ? Candidate(i, end, .weekOf(day.value), rule: .partOfDay, note: "the week of a day")
                        : Candidate(i, end, .weekendOf(day.value), rule: .partOfDay, note: "the weekend of a day"))
                default: break
                }
            }
            return
        }
        // "the first week of April", "the last weekend of December 1989", "the first Monday in October": a week
        // (weekend, weekday) of a month
        if let n = s.info(j)?.ordinal ?? (s.isKeyword(j, .last, .final) ? -1 : nil), n <= 5, let info = s.info(j + 1),
           s.isKeyword(j + 2, .of) || info.weekday != nil && s.isKeyword(j + 2, .in), let (m, end) = DateParts.month(s, j + 3) {
            let year = DateParts.year(s, end)
            let month = Extracted.month(m, year: year.map { .stated($0) } ?? .implied)
            let value: Extracted
            if let unit = info.unit, unit == .week || unit == .weekend, !info.unitPlural {
                value = .weekOfMonth(month, n, weekend: unit == .weekend)
            } else if let wd = info.weekday, !info.weekdayPlural, s.capitalized(j + 1) {
                value = .weekdayOfMonth(month, n, wd)
            } else {
                return
            }
            out.append(Candidate(i, year == nil ? end : end + 1, value, rule: .partOfDay, note: "a week or weekday of a month"))
            return
        }
        let part: PartOfDay
        if let p = s.info(j)?.partOfDay, p == .morning || p == .afternoon || p == .evening,
                  !(s.info(j)?.unitPlural ?? false), !s.capitalized(j) {
            // "the evening of October 9", "the morning of June 4" ("the night of Oct. 23": TimeBank marks only the day)
            part = p.part
            j += 1
            // "heavy buy orders in the morning", "talks ran into the evening": a part of the account's day
            if !s.isKeyword(j, .of), s.isKeyword(i - 1, .in, .into, .during, .until), !s.isWord(j) || s.keyword(j) != nil && s.info(j)?.unit == nil {
                out.append(Candidate(i, j, .partOfDay(.narrativeUnit(.day, 0), part), .time, rule: .partOfDay,
                                     note: "a part of the account's day"))
                return
            }
        } else {
            return
        }
        guard s.isKeyword(j, .of), let day = namedDay(s, j + 1) else { return }
        out.append(Candidate(i, day.end, .partOfDay(day.value, part), .time, rule: .partOfDay))
    }

    /// A day named at `j`: a weekday, a relative day, or a date (the longest reading).
    private static func namedDay(_ s: TokenStream, _ j: Int) -> Candidate? {
        var found: [Candidate] = []
        WeekdayRule.match(s, j, &found)
        RelativeDayRule.match(s, j, &found)
        AbsoluteDateRule.match(s, j, &found)
        guard let day = found.filter({ $0.first == j }).max(by: { $0.end < $1.end }) else { return nil }
        switch day.value {
        case .weekday, .dayOffset, .monthDay, .stated(.day): return day
        default: return nil
        }
    }
}
