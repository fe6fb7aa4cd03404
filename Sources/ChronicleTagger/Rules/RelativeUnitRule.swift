import ChronicleTime

/// Calendar units named from the publication date or from the narrative: "last week",
/// "this month", "next year", "earlier this month", "the past year", "last March", "that day",
/// "the following week", "three days ago", "two days later", "a year earlier".
enum RelativeUnitRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = Quantity.firstToken.union(FirstToken(
        readings: .unit,
        keywords: [.earlier, .later, .the, .that, .this, .current, .last, .past, .previous, .preceding, .prior, .next,
                   .following, .subsequent, .coming, .upcoming, .same, .ago, .midweek, .mid]))
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(
        readings: .unit,
        keywords: [.this, .current, .last, .past, .previous, .preceding, .prior, .next, .following, .subsequent, .coming,
                   .upcoming, .that, .same])

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        if s.isKeyword(i, .ago) {
            momentsAgo(s, i, &out)
            return
        }
        // "talks resumed midweek", "a mid-week game": the middle of the week whose Wednesday the tense picks
        // ("Midweek", a programme's name, is capitalised inside the sentence)
        if s.isKeyword(i, .midweek) || s.isKeyword(i, .mid) && s.isGluedPunct(i + 1, 0x2D) && s.info(i + 2)?.unit == .week
            && !(s.info(i + 2)?.unitPlural ?? true) && s.glued(i + 2) {
            if s.capitalized(i) && !s.sentenceBreak(before: i) { return }
            out.append(Candidate(i, s.isKeyword(i, .mid) ? i + 3 : i + 1, .weekOf(.weekday(.wednesday, .bare)), mod: .mid,
                                 rule: .relativeUnit, note: "the middle of the week"))
            return
        }
        matchShift(s, i, &out)
        matchAgo(s, i, &out)
        // "year-earlier", "year-ago" (as in "year-earlier profit"): the account's period a year back
        if s.info(i)?.unit == .year, s.isGluedPunct(i + 1, 0x2D), s.isKeyword(i + 2, .earlier, .ago), s.glued(i + 2) {
            out.append(Candidate(i, i + 3, .narrative(.year, -1), rule: .narrative))
        }
        // "earlier in the day", "later in the week": the account's own unit
        if s.isKeyword(i, .earlier, .later), s.isKeyword(i + 1, .in), s.isKeyword(i + 2, .the),
           let unit = s.info(i + 3)?.unit, !(s.info(i + 3)?.unitPlural ?? true), unit == .day || unit == .week || unit == .month || unit == .year {
            out.append(Candidate(i, i + 4, .narrativeUnit(unit, 0), mod: s.isKeyword(i, .earlier) ? .start : .end, rule: .narrative))
        }
        // "the year before", "the day after": the unit next to the account's, when nothing follows
        // the signal ("the day before the vote" is counted from an event)
        if s.isKeyword(i, .the), let info = s.info(i + 1), let unit = info.unit, !info.unitPlural, !s.glued(i + 1),
           unit == .day || unit == .week || unit == .month || unit == .year, s.isKeyword(i + 2, .before, .after) {
            let n = s.isKeyword(i + 2, .before) ? -1 : 1
            if !s.isWord(i + 3), !s.isNumber(i + 3) {
                out.append(Candidate(i, i + 3, .narrativeUnit(unit, n), rule: .narrative))
            } else if unit != .year, let word = happening(s, i + 3) {
                // "the day after his death": counted from the day the story gave that happening, if it gave one
                out.append(Candidate(i, i + 2, .anaphor(.happening(unit, n, word: word)), rule: .narrative,
                                     note: "a \(unit.rawValue) counted from a happening"))
            }
        }
        // "the end of the month", "the rest of the month": the month of the account
        if s.isKeyword(i, .the), s.info(i + 1)?.unit == .month, !(s.info(i + 1)?.unitPlural ?? true), s.isKeyword(i - 1, .of) {
            out.append(Candidate(i, i + 2, .shift(.month, 0), rule: .relativeUnit))
        }
        // "by the end of the week", "at the start of the decade", "for the rest of the week": the publication's week
        // or decade (not "the busiest day of the week", which names none)
        if s.isKeyword(i, .the), let unit = s.info(i + 1)?.unit, !(s.info(i + 1)?.unitPlural ?? true),
           unit == .week || unit == .decade || unit == .century, s.isKeyword(i - 1, .of),
           s.isKeyword(i - 2, .end, .beginning, .start, .middle) || unit == .week && s.isKeyword(i - 2, .rest) {
            out.append(Candidate(i, i + 2, .shift(unit, 0), rule: .relativeUnit))
        }
        // "the week before last": two weeks back
        if s.isKeyword(i, .the), let unit = s.info(i + 1)?.unit, !(s.info(i + 1)?.unitPlural ?? true),
           unit == .week || unit == .weekend || unit == .month || unit == .year, s.isKeyword(i + 2, .before),
           s.isKeyword(i + 3, .last), !s.isWord(i + 4) || s.keyword(i + 4) != nil {
            out.append(Candidate(i, i + 4, .shift(unit, -2), rule: .relativeUnit))
        }
        // "the weekend": this week's, or the one just gone in a past-tense sentence
        if s.isKeyword(i, .the), s.info(i + 1)?.unit == .weekend, !(s.info(i + 1)?.unitPlural ?? true) {
            out.append(Candidate(i, i + 2, .recentWeekend, rule: .relativeUnit))
        }
    }

    /// The token of the happening a noun phrase at `j` names: "the shooting", "his death", "Slepian's murder".
    static func happening(_ s: TokenStream, _ j: Int) -> Int? {
        if s.isKeyword(j, .the) || s.isWord(j) && PronounWords.possessives.contains(s.lowerWord(j)) {
            return EventWords.kind(s, j + 1) != nil ? j + 1 : nil
        }
        if s.capitalized(j), s.keyword(j) == nil, s.isPossessive(j + 1) { return EventWords.kind(s, j + 3) != nil ? j + 3 : nil }
        return nil
    }

    /// The year named after "the same month" and its end: "last year", "a year earlier" (or "ago", "before"),
    /// "of last year", "of the previous year", "of 1988", "in 1988".
    static func otherYear(_ s: TokenStream, _ j: Int) -> (YearSpec, end: Int)? {
        var k = j
        let linked = s.isKeyword(k, .of, .in)
        if linked { k += 1 }
        if let y = DateParts.year(s, k), linked { return (.stated(y), k + 1) }
        if s.isKeyword(k, .the), s.isKeyword(k + 1, .previous, .prior), s.info(k + 2)?.unit == .year, !(s.info(k + 2)?.unitPlural ?? true) {
            return (.shifted(-1), k + 3)
        }
        if s.isKeyword(k, .last), s.info(k + 1)?.unit == .year, !(s.info(k + 1)?.unitPlural ?? true) { return (.shifted(-1), k + 2) }
        if !linked, let q = Quantity.read(s, k, allowVague: false), q.amount == 1, s.info(q.end)?.unit == .year,
           s.isKeyword(q.end + 1, .earlier, .ago, .before) {
            return (.shifted(-1), q.end + 2)
        }
        return nil
    }

    /// How a shift word moves a unit, and what it is relative to.
    private static func shift(_ k: Keyword, afterThe: Bool) -> (Int, narrative: Bool)? {
        switch k {
        case .this, .current: return (0, false)
        case .last, .past: return (-1, false)
        case .previous, .preceding, .prior: return (-1, afterThe)
        case .next, .following, .subsequent: return (1, afterThe)
        case .coming, .upcoming: return (1, false)
        case .that, .same: return (0, true)
        default: return nil
        }
    }

    private static func matchShift(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        var j = i
        var mod: TimexMod?
        // "earlier this month", "later this year"
        if s.isKeyword(j, .earlier) || s.isKeyword(j, .later) {
            mod = s.isKeyword(j, .earlier) ? .start : .end
            j += 1
            guard s.isKeyword(j, .this, .last, .next, .that) else { return }
        }
        // "the same day", "that same day"
        let afterThe = s.isKeyword(j, .the) || s.isKeyword(j, .that) && s.isKeyword(j + 1, .same)
        if afterThe { j += 1 }
        // "this past spring", "this coming week"
        if s.isKeyword(j, .this), s.isKeyword(j + 1, .past, .coming) { j += 1 }
        guard let k = s.keyword(j), let (amount, narrative) = shift(k, afterThe: afterThe) else { return }
        if k == .that && afterThe { return }
        if k == .same && !afterThe { return }
        let head = j + 1
        // "the next morning", "that evening", "the following night": a part of the account's day
        if narrative || k == .that, let part = s.info(head)?.partOfDay, part != .noon, part != .midnight, mod == nil,
           !(s.info(head)?.unitPlural ?? false) {
            let offset = k == .that || k == .same ? 0 : amount
            out.append(Candidate(i, head + 1, .partOfDay(.narrativeUnit(.day, offset), part.part), .time, rule: .narrative))
            return
        }
        if let info = s.info(head), let unit = info.unit, !info.unitPlural, !s.glued(head),
           !(s.capitalized(head) && !s.tokens[head].allCaps) {  // "This Week", a title
            if unit == .second || unit == .minute || unit == .hour {
                // "within the last hour", "over the past hour", "the next hour": that stretch up to (from) now
                // ("the last hour of his life" is one hour of an account, left alone)
                if afterThe, k == .last || k == .past || k == .next, mod == nil, unit != .second, !s.isKeyword(head + 1, .of) {
                    out.append(oneUnit(i, head, unit, note: "the \(unit.rawValue) up to or from now"))
                }
                return
            }
            // "the past decade", "over the past century": the ten (hundred) years up to now, as "the past
            // two decades" is twenty, not the previous calendar decade ("the last decade" stays one)
            // British "over the past fortnight", "in the next fortnight": two weeks up to (from) now, as "the
            // past two weeks" is, since no calendar fortnight exists
            if afterThe, k == .past || unit == .fortnight && (k == .last || k == .next), mod == nil,
               unit == .decade || unit == .century || unit == .fortnight {
                out.append(oneUnit(i, head, unit, note: "the \(unit.rawValue) up to now"))
                return
            }
            // "this season", "last season", "the previous season": news means a season of sport, of a show, of
            // flu or hurricanes or sales, seldom the weather's; no calendar season, only its direction
            if unit == .season {
                let reference = amount < 0 ? "PAST_REF" : amount > 0 ? "FUTURE_REF" : "PRESENT_REF"
                out.append(Candidate(i, head + 1, .fixed(reference), mod: mod, rule: .relativeUnit, note: "a season of sport or trade"))
                return
            }
            // "the same month last year", "the same week of 1988": the account's unit in another year
            if k == .same, mod == nil, unit == .day || unit == .week || unit == .month,
               let (year, end) = otherYear(s, head + 1) {
                out.append(Candidate(i, end, .sameUnitInYear(unit, year), rule: .narrative, note: "the same \(unit.rawValue) in another year"))
                return
            }
            // "the last decade of her life", "the last week of the campaign": the final stretch of something
            // that is no calendar period (as "the last two years of his life" is two years)
            if afterThe, k == .last, mod == nil, isFinalStretch(s, of: head + 1) {
                out.append(oneUnit(i, head, unit, note: "the final \(unit.rawValue) of something"))
                return
            }
            // "the past two years" is a duration; "last year's" stays a date
            let value: Extracted = narrative ? .narrativeUnit(unit, amount) : .shift(unit, amount)
            var c = Candidate(i, head + 1, value, mod: mod, rule: narrative ? .narrative : .relativeUnit)
            if unit == .day && !narrative { return }  // "this day", "last day" are not relative days
            if case .shift(.quarter, 0) = value, k == .latest { c.value = .shift(.quarter, -1) }
            out.append(c)
            return
        }
        // "that July", "that summer": the month or season of the account's year ("said that fall in prices" is a drop)
        if k == .that, !afterThe, mod == nil {
            if let (m, end) = DateParts.month(s, head), !s.isNumber(end) {
                out.append(Candidate(i, end, .month(m, year: .account), rule: .monthName, note: "a month of the account's year"))
            } else if let season = s.info(head)?.season, !SeasonRule.opensEventName(s, head), !SeasonRule.isDrop(s, head),
                      !s.capitalized(head) || s.capitalized(i) {
                out.append(Candidate(i, head + 1, .season(season, year: .account), rule: .season, note: "a season of the account's year"))
            }
            return
        }
        guard !narrative, mod == nil || k == .this else { return }
        // "last March", "next spring", "this fall"
        let year: YearSpec = amount < 0 ? .previous : amount > 0 ? .following : .current
        if let (m, end) = DateParts.month(s, head), !s.isNumber(end) {
            out.append(Candidate(i, end, .month(m, year: year), rule: .monthName))
        } else if let season = s.info(head)?.season, !SeasonRule.opensEventName(s, head) {
            out.append(Candidate(i, head + 1, .season(season, year: year), rule: .season))
        }
    }

    /// "' time" after "weeks", "'s time" after "a month": returns the token after "time".
    private static func timeAfter(_ s: TokenStream, _ j: Int) -> Int? {
        if s.isGluedPunct(j, 0x27), s.isKeyword(j + 1, .time) { return j + 2 }
        if s.isPossessive(j), s.isKeyword(j + 2, .time) { return j + 3 }
        return nil
    }

    /// "20 minutes ago", "half an hour ago", "an hour later", "two hours earlier": a time of day counted from
    /// the publication time or the account's clock time (the resolver keeps "an hour later" a duration when
    /// the account has no clock time, as TimeBank does).
    private static func clockOffset(_ s: TokenStream, _ i: Int, _ q: Quantity, _ unit: TimeUnit, after j: Int,
                                    _ out: inout [Candidate]) {
        // "a few hours ago", "several minutes ago": some time before publication, as "a few days ago" is
        if q.amount == nil, s.isKeyword(j, .ago) {
            out.append(Candidate(i, j + 1, .offset(unit, nil, sign: -1), rule: .offset))
            return
        }
        guard let a = q.amount, a > 0, !s.isGluedPunct(j - 1, 0x2D) else { return }
        // half hours in minutes
        let (u, n) = a == a.rounded() ? (unit, Int(a)) : unit == .hour && (a * 60) == (a * 60).rounded() ? (.minute, Int(a * 60)) : (unit, 0)
        guard n > 0 else { return }
        if s.isKeyword(j, .ago) {
            out.append(Candidate(i, j + 1, .offset(u, n, sign: -1), .time, mod: q.approximate ? .approx : nil, rule: .offset))
        } else if s.isKeyword(j, .later, .earlier), !s.isKeyword(j + 1, .than) {
            // "three hours later than planned" is a delay: the amount (a duration) alone, as for days
            out.append(Candidate(i, j + 1, .narrative(u, s.isKeyword(j, .later) ? n : -n), .time,
                                 mod: q.approximate ? .approx : nil, rule: .narrative, note: "a clock time from the account's"))
        }
    }

    /// "moments ago", "a few moments ago", "just minutes ago", "hours ago" (`i` is "ago"): some time before
    /// publication with no amount, as "a few days ago" (an amount before the unit is read from the amount).
    private static func momentsAgo(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        let k = i - 1
        let moments = s.isSpelled(k, "moments")
        guard moments || s.info(k)?.unitPlural == true && (s.info(k)?.unit == .minute || s.info(k)?.unit == .hour) else { return }
        var first = k
        if moments, s.isKeyword(k - 1, .few, .several) { first = s.isKeyword(k - 2, .a) ? k - 2 : k - 1 }
        else if s.isNumber(k - 1) || s.info(k - 1)?.number != nil || Quantity.read(s, k - 1) != nil || s.isKeyword(k - 1, .few) { return }
        out.append(Candidate(first, i + 1, .offset(moments ? .minute : s.info(k)!.unit!, nil, sign: -1), rule: .offset,
                             note: "some time ago"))
    }

    /// A day named by one word at `j`: a weekday ("Sunday"), or, back from it (`past`), also "today",
    /// "yesterday", "tonight".
    private static func dayNamed(_ s: TokenStream, _ j: Int, past: Bool) -> Candidate? {
        var found: [Candidate] = []
        WeekdayRule.match(s, j, &found)
        if past { RelativeDayRule.match(s, j, &found) }
        guard let day = found.first(where: { $0.first == j && $0.end == j + 1 }) else { return nil }
        switch day.value {
        case .weekday(_, .bare), .dayOffset, .partOfDay(.dayOffset, _): return day
        default: return nil
        }
    }

    /// "three days ago", "a year ago", "two days later", "a year earlier", "five years from now".
    private static func matchAgo(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        guard let q = Quantity.read(s, i) else { return }
        var j = q.end
        // "a year and a half ago" is left to the duration rule
        guard let info = s.info(j), let unit = info.unit else { return }
        if isTitle(s, from: i, unit: j) { return }
        j += 1
        if unit == .second { return }
        if unit == .minute || unit == .hour {
            clockOffset(s, i, q, unit, after: j, &out)
            return
        }
        let amount = q.amount.map { Int($0) }
        if q.amount.map({ $0 != $0.rounded() }) ?? false { return }
        var approximate = q.approximate
        if s.isKeyword(j, .or), s.isSpelled(j + 1, "so"), s.isKeyword(j + 2, .ago) {  // "a week or so ago"
            approximate = true
            j += 2
        }
        if s.isKeyword(j, .ago), let n = amount, let day = dayNamed(s, j + 1, past: true) {
            // "a year ago today", "ten years ago tonight", "a week ago Sunday": that day moved back
            out.append(Candidate(i, j + 2, .movedBy(day.value, unit, -n), day.type, mod: approximate ? .approx : nil,
                                 rule: .offset, note: "a named day moved back"))
        } else if s.isKeyword(j, .ago), let n = amount, s.isKeyword(j + 1, .this), let this = s.info(j + 2),
                  this.unit == .week && unit != .day || this.unit == .month && unit == .year, !this.unitPlural {
            // "a year ago this week", "sixty-one years ago this month": the publication's week or month moved back
            let day = Extracted.movedBy(.dayOffset(0), unit, -n)
            out.append(Candidate(i, j + 3, this.unit == .week ? .weekOf(day) : .monthOf(day), mod: approximate ? .approx : nil,
                                 rule: .offset, note: "this week or month moved back"))
        } else if s.isKeyword(j, .ago) {
            out.append(Candidate(i, j + 1, .offset(unit, amount, sign: -1), mod: approximate ? .approx : nil, rule: .offset))
        } else if s.isKeyword(j, .from), let n = amount, let day = dayNamed(s, j + 1, past: false),
                  case .weekday(let wd, _) = day.value {
            // "a week from Friday": the coming Friday moved on
            out.append(Candidate(i, j + 2, .movedBy(.weekday(wd, .coming), unit, n), rule: .offset, note: "a named day moved on"))
        } else if s.isKeyword(j, .from), s.isSpelled(j + 1, "today"), let n = amount,
                  let days = unit == .day ? 1 : unit == .week ? 7 : unit == .fortnight ? 14 : nil {
            // "a week from today": a day, counted from the publication day
            out.append(Candidate(i, j + 2, .dayOffset(n * days), rule: .offset))
        } else if s.isKeyword(j, .from), s.isSpelled(j + 1, "today"), let n = amount, unit == .month || unit == .year {
            // "exactly four years from today": that day, moved on ("four years from now" is the year)
            out.append(Candidate(i, j + 2, .movedBy(.dayOffset(0), unit, n), rule: .offset, note: "the publication day moved on"))
        } else if s.isKeyword(j, .from), s.isSpelled(j + 1, "now") || s.isSpelled(j + 1, "today") {
            out.append(Candidate(i, j + 2, .offset(unit, amount, sign: 1), rule: .offset))
        } else if s.isKeyword(i - 1, .in), let end = timeAfter(s, j), amount != nil {
            // "in two weeks' time", "in a month's time": that far ahead of publication
            out.append(Candidate(i, end, .offset(unit, amount, sign: 1), rule: .offset))
        } else if s.isKeyword(j, .hence) {
            out.append(Candidate(i, j + 1, .offset(unit, amount, sign: 1), rule: .offset))
        } else if amount == nil {
            // "a few days later", "several weeks earlier": with no amount the day cannot be placed; what is left
            // is the stretch ("a few days", PXD) and the word after it a signal, as TimeML writes "N days later"
            return
        } else if s.isKeyword(j, .earlier, .later), s.isKeyword(j + 1, .than) {
            // "a month earlier than usual": a difference between two times, the amount (a duration) alone
            return
        } else if s.isKeyword(j, .earlier) || s.isKeyword(j, .before) && !s.isWord(j + 1) {
            out.append(Candidate(i, j + 1, .narrative(unit, amount.map { -$0 }), mod: q.approximate ? .approx : nil,
                                 rule: .narrative))
        } else if s.isKeyword(j, .later) || s.isKeyword(j, .after) && !s.isWord(j + 1) {
            out.append(Candidate(i, j + 1, .narrative(unit, amount), mod: q.approximate ? .approx : nil, rule: .narrative))
        }
    }

    /// "the film 28 Days Later", "Two Weeks Notice": inside a sentence, a capitalised unit and a capitalised
    /// "Later", "Earlier" or "Ago" after it are a title, not a count from the account's day.
    static func isTitle(_ s: TokenStream, from i: Int, unit: Int) -> Bool {
        s.capitalized(unit) && !s.tokens[unit].allCaps && s.capitalized(unit + 1) && s.isKeyword(unit + 1, .later, .earlier, .ago)
            && !s.sentenceBreak(before: i)
    }

    /// One `unit` as a duration, from `i` through the unit word at `head` ("the past decade" → P10Y).
    private static func oneUnit(_ i: Int, _ head: Int, _ unit: TimeUnit, note: String) -> Candidate {
        let (u, n) = unit.durationUnit
        return Candidate(i, head + 1, .stated(.duration(TimexDuration(n, u))), .duration, rule: .duration, note: note)
    }

    /// "of her life", "of the campaign", "of his career" at `k`: what a last unit is the end of is no calendar
    /// period ("the last week of January", "of the year", "of 1990" and "of the quarter" are).
    static func isFinalStretch(_ s: TokenStream, of k: Int) -> Bool {
        guard s.isKeyword(k, .of) else { return false }
        var n = k + 1
        if s.isKeyword(n, .the) || s.isWord(n) && PronounWords.possessives.contains(s.lowerWord(n)) { n += 1 }
        guard s.isWord(n), !s.isNumber(n), DateParts.month(s, n) == nil else { return false }
        if let info = s.info(n), info.unit != nil || info.season != nil || info.weekday != nil || info.isHolidayHead { return false }
        return true
    }
}
