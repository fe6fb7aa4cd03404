import ChronicleTime

/// Weekday names: "Friday", "last Friday", "next Thursday", "Friday's summit", "Sunday afternoon",
/// "Friday night"; plurals and "Friday prayers" are sets. Names such as "Black Monday" and
/// "Sunday Times" are not dates.
enum WeekdayRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(readings: .weekday, keywords: [.the, .this, .last, .next, .coming, .past, .previous, .following, .a,
                                                                      .that])
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(readings: .weekday, keywords: [.previous, .following])

    /// Capitalised words that make a weekday part of a name ("Black Monday", "Super Tuesday").
    static let namePrefixes: Set<String> = ["black", "bloody", "super", "ash", "holy", "cyber", "palm", "maundy",
                                            "giving", "manic", "blue", "patch", "easter", "whit", "shrove", "fat", "clean", "good", "mothering",
                                            "sheffield", "remembrance"]
    /// Capitalised words that make a weekday part of a title ("Sunday Times", "Monday Night Football").
    static let nameSuffixes: Set<String> = ["times", "telegraph", "express", "mirror", "post", "herald", "observer",
                                            "mail", "independent", "star", "sport", "people", "tribune", "review",
                                            "club", "business", "record", "news", "world"]
    /// Capitalised words after "the" and before "on Sunday" that make a newspaper's name ("The Independent on
    /// Sunday", "The Mail on Sunday"); not an outlet that was told something on Sunday ("told Deccan Observer on
    /// Sunday", "told the Daily Mail on Sunday"), nor a place ("in Scotland on Sunday").
    static let onSundayTitles: Set<String> = ["independent", "mail"]
    /// Nouns after a weekday that make it a recurring event ("Friday prayers").
    static let recurringNouns: Set<String> = ["prayers", "prayer", "sermon", "services", "mass", "school"]

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        guard let info = s.info(i), let day = info.weekday else {
            // British "a week on Saturday": seven days after the coming Saturday
            if s.isKeyword(i, .a), s.info(i + 1)?.unit == .week, !(s.info(i + 1)?.unitPlural ?? true), s.isKeyword(i + 2, .on),
               let day = s.info(i + 3)?.weekday, !(s.info(i + 3)?.weekdayPlural ?? true), s.capitalized(i + 3) {
                out.append(Candidate(i, i + 4, .movedBy(.weekday(day, .coming), .week, 1), rule: .weekday,
                                     note: "a week on a weekday: seven days after the coming one"))
                return
            }
            // "The Sunday before, the party had won", "the Monday after": the weekday before or after the account's
            // day, when nothing follows the signal ("the Friday before the vote" counts from an event)
            if s.isKeyword(i, .the), let day = s.info(i + 1)?.weekday, !(s.info(i + 1)?.weekdayPlural ?? true), s.capitalized(i + 1),
               s.isKeyword(i + 2, .before, .after), !s.isWord(i + 3), !s.isNumber(i + 3) {
                out.append(Candidate(i, i + 3, .weekday(day, s.isKeyword(i + 2, .before) ? .previous : .following), rule: .weekday,
                                     note: "a weekday before or after the account's day"))
                return
            }
            // "That Friday, he appeared in court", "at noon that Saturday", "on that Monday": the account's weekday
            // (not the conjunction of "officials said that Monday's attack …")
            if s.isKeyword(i, .that), let day = s.info(i + 1)?.weekday, !(s.info(i + 1)?.weekdayPlural ?? true), s.capitalized(i + 1),
               s.sentenceBreak(before: i) || s.isPunct(i - 1, 0x2C) || s.isKeyword(i - 1, .on, .by, .until, .later, .earlier)
                || s.info(i - 1)?.partOfDay != nil || s.isSpelled(i - 1, "pm") || s.isSpelled(i - 1, "am")
                || s.isPunct(i - 1, 0x2E) && s.isSpelled(i - 2, "m") && s.glued(i - 1) {  // "at 9 a.m. that Monday"
                out.append(withPart(s, Candidate(i, i + 2, .weekday(day, .that), rule: .weekday, note: "that weekday: the account's")))
                return
            }
            // "last Friday", "this coming Sunday", "the previous Friday"
            var j = i
            if s.isKeyword(j, .the), s.isKeyword(j + 1, .previous, .following) { j += 1 }
            if s.isKeyword(j, .this), s.isKeyword(j + 1, .coming, .past) { j += 1 }
            if s.isKeyword(j, .last, .next, .this, .coming, .past, .previous, .following), let day = s.info(j + 1)?.weekday,
               !(s.info(j + 1)?.weekdayPlural ?? true), s.capitalized(j + 1) {
                let afterThe = j > i
                let shift: WeekdayShift = afterThe && s.isKeyword(j, .previous) ? .previous
                    : afterThe && s.isKeyword(j, .following) ? .following
                    : s.isKeyword(j, .last, .past, .previous) ? .last
                    : s.isKeyword(j, .next) ? .next : s.isKeyword(j, .coming, .following) ? .coming : .this
                out.append(withPart(s, Candidate(i, j + 2, .weekday(day, shift), rule: .weekday)))
            }
            return
        }
        guard s.capitalized(i) || s.tokens[i].allCaps else { return }
        if info.weekdayPlural {
            out.append(Candidate(i, i + 1, .fixed("XXXX-WXX-\(day.rawValue)"), .set, rule: .set))
            return
        }
        if s.isWord(i - 1), s.capitalized(i - 1), namePrefixes.contains(s.lowerWord(i - 1)) { return }
        if day == .sunday, s.isKeyword(i - 1, .on), s.capitalized(i - 2), s.isKeyword(i - 3, .the),
           onSundayTitles.contains(s.lowerWord(i - 2)) { return }
        if s.isWord(i + 1), s.capitalized(i + 1), !s.glued(i + 1), nameSuffixes.contains(s.lowerWord(i + 1)) {
            return
        }
        // "Saturday Night Live", "Monday Night Football", "Friday Night Lights": a capitalised part of the day
        // and another capitalised word make a title
        if s.info(i + 1)?.partOfDay != nil, s.capitalized(i + 1), !s.tokens[i + 1].allCaps, !s.glued(i + 1),
           s.isWord(i + 2), s.capitalized(i + 2), !s.glued(i + 2), s.keyword(i + 2) == nil, s.info(i + 2) == nil {
            return
        }
        // "Friday prayers" recur; "his Sunday Mass", "this Friday's prayers" are one day's
        let owned = s.isWord(i - 1) && YearRule.determiners.contains(s.lowerWord(i - 1)) || s.isKeyword(i - 1, .this, .last, .next)
        if !owned, s.isWord(i + 1), recurringNouns.contains(s.lowerWord(i + 1)) {
            out.append(Candidate(i, i + 1, .fixed("XXXX-WXX-\(day.rawValue)"), .set, rule: .set,
                                 note: "a weekday before '\(s.lowerWord(i + 1))' recurs"))
            return
        }
        // British "Monday week": seven days after the coming Monday ("Monday week's final" too; not "Monday weekly")
        if s.info(i + 1)?.unit == .week, !(s.info(i + 1)?.unitPlural ?? true), !s.glued(i + 1),
           !s.isWord(i + 2) || s.keyword(i + 2) != nil || s.isPossessive(i + 2) {
            out.append(Candidate(i, i + 2, .movedBy(.weekday(day, .coming), .week, 1), rule: .weekday,
                                 note: "a weekday and 'week': seven days after the coming one"))
            return
        }
        // "on Monday and Tuesday nights": the plural part of day after the second weekday makes both recur
        if s.isKeyword(i + 1, .and, .or), let next = s.info(i + 2), next.weekday != nil, !next.weekdayPlural, s.capitalized(i + 2),
           let part = s.info(i + 3)?.partOfDay, !s.glued(i + 3), s.lowerWord(i + 3).hasSuffix("s") {
            out.append(Candidate(i, i + 1, .fixed("XXXX-WXX-\(day.rawValue)T\(part.part.rawValue)"), .set, rule: .set,
                                 note: "a weekday sharing the recurring '\(s.lowerWord(i + 3))' after it"))
            return
        }
        // "the final was played on a Monday", "released on a Thursday": a weekday after "on a" is no one week's
        if s.isKeyword(i - 1, .a), s.isKeyword(i - 2, .on) {
            out.append(Candidate(i, i + 1, .fixed("XXXX-WXX-\(day.rawValue)"), rule: .weekday,
                                 note: "a weekday after 'on a' is no one week's"))
            return
        }
        out.append(withPart(s, Candidate(i, i + 1, .weekday(day, .bare), rule: .weekday)))
    }

    /// Extends "Friday" to "Friday night", "Sunday afternoon" (not across a possessive).
    static func withPart(_ s: TokenStream, _ c: Candidate) -> Candidate {
        guard let part = s.info(c.end)?.partOfDay, !s.glued(c.end) else { return c }
        // "Tuesday nights": a recurring part of a weekday
        if case .weekday(let day, .bare) = c.value, s.lowerWord(c.end).hasSuffix("s") {
            return Candidate(c.first, c.end + 1, .fixed("XXXX-WXX-\(day.rawValue)T\(part.part.rawValue)"), .set, rule: .set)
        }
        // "Saturday noon", "Thursday midnight", "Friday noon Eastern time": a clock time on that day
        if part == .noon || part == .midnight {
            var clock = Candidate(c.first, ClockTimeRule.zone(s, c.end + 1), .clock(c.value, hour: part == .noon ? 12 : 24, minute: 0),
                                  .time, rule: .clockTime, note: "noon or midnight of a day")
            clock.mod = c.mod
            return clock
        }
        var extended = c
        extended.end = c.end + 1
        extended.value = .partOfDay(c.value, part.part)
        extended.type = .time
        extended.rule = .partOfDay
        return extended
    }
}
