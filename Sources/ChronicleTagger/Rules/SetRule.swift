import ChronicleTime

/// Recurring times (TimeML `SET`): "daily", "weekly", "every day", "every Friday", "each year",
/// "twice a week", "$5 a year", "per month", "every two weeks", "on weekends".
enum SetRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(readings: [.frequency, .unit], keywords: [.every, .each, .per, .a, .an])

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        guard let info = s.info(i) else { return }
        if let f = info.frequency {
            // "daily" as an adjective of a newspaper ("the Daily Telegraph") is a name
            if s.capitalized(i) && !s.sentenceBreak(before: i) { return }
            // "Daily Mail reporters said …", "Weekly Standard": a title opening the sentence
            if s.capitalized(i), s.isWord(i + 1), s.capitalized(i + 1), !s.glued(i + 1) { return }
            // "the Communist Party daily Granma", "the daily said": the noun, a newspaper
            if f == .daily || f == .weekly, !s.capitalized(i), s.isWord(i + 1), !s.glued(i + 1),
               s.capitalized(i + 1) && s.keyword(i + 1) == nil && s.info(i + 1) == nil || reportingVerbs.contains(s.lowerWord(i + 1)) {
                return
            }
            let (n, unit) = f.period
            var c = Candidate(i, i + 1, .stated(.duration(TimexDuration(n, unit.durationUnit.0))), .set, rule: .set)
            c.freq = 1
            // "twice daily", "three times weekly": the count is the frequency, inside the span
            if let (times, start) = Self.times(s, before: s.isGluedPunct(i - 1, 0x2D) && s.glued(i) ? i - 1 : i) {  // "twice-yearly"
                c.first = start
                c.freq = times
            }
            out.append(c)
            return
        }
        if info.unit == .weekend, info.unitPlural, s.isKeyword(i - 1, .on, .at) {
            out.append(Candidate(i, i + 1, .fixed("XXXX-WXX-WE"), .set, rule: .set))
            return
        }
        guard let k = info.keyword else { return }
        switch k {
        case .every, .each:
            var j = i + 1
            var amount: Double = 1
            // "every two to three days", "every three or four weeks": a period of unknown length (`PXD`), as
            // TimeML writes the amount "two to three days" (the lower bound would state more than the text)
            var ranged = false
            // "every single day": the emphasis leaves the set as it is
            if s.isSpelled(j, "single"), s.info(j + 1)?.unit != nil { j += 1 }
            if let q = Quantity.read(s, j, allowArticle: false, allowVague: false), let a = q.amount {
                amount = a
                j = q.end
                if let r = Quantity.read(s, i + 1, allowArticle: false), r.amount == nil, r.end > j {
                    ranged = true
                    j = r.end
                }
            } else if s.isKeyword(j, .other) {
                amount = 2
                j += 1
            }
            guard let next = s.info(j) else { return }
            var c: Candidate
            if let unit = next.unit, !unit.isClockUnit || amount != 1 || k == .every {
                if k == .each && unit != .year && unit != .month && unit != .week && unit != .day { return }
                let (du, f) = unit.durationUnit
                c = Candidate(i, j + 1, .stated(.duration(ranged ? TimexDuration(nil, unit.vagueDurationUnit) : TimexDuration(amount * f, du))),
                              .set, rule: .set)
            } else if let wd = next.weekday, s.capitalized(j) {
                c = Candidate(i, j + 1, .fixed("XXXX-WXX-\(wd.rawValue)"), .set, rule: .set)
                // "every Sunday morning": that part of the weekday recurs
                if let part = s.info(j + 1)?.partOfDay?.part, part == .morning || part == .afternoon || part == .evening
                    || part == .night, !s.glued(j + 1), !s.lowerWord(j + 1).hasSuffix("s") {
                    c = Candidate(i, j + 2, .fixed("XXXX-WXX-\(wd.rawValue)T\(part.rawValue)"), .set, rule: .set)
                }
            } else if let part = next.partOfDay, part != .noon, part != .midnight {
                c = Candidate(i, j + 1, .fixed("XXXX-XX-XXT\(part.part.rawValue)"), .set, rule: .set)
            } else if let (month, day, end) = amount == 1 ? holidayDay(s, j) : nil {
                // "every Christmas Eve", "each Bonfire Night": a holiday that keeps its date
                c = Candidate(i, end, .fixed("XXXX-\(TimexFormat.two(month))-\(TimexFormat.two(day))"), .set, rule: .set)
            } else if next.month > 0, s.capitalized(j) {
                c = Candidate(i, j + 1, .fixed("XXXX-\(TimexFormat.two(next.month))"), .set, rule: .set)
            } else if let season = next.season, amount == 1 {
                // "every summer", "each winter"
                c = Candidate(i, j + 1, .fixed("XXXX-\(season.rawValue)"), .set, rule: .set)
            } else {
                return
            }
            c.quant = k == .every ? .every : .each
            out.append(c)
            // "every Tuesday and Thursday": the second weekday recurs too
            if case .fixed = c.value, next.weekday != nil, s.isKeyword(j + 1, .and, .or), let wd = s.info(j + 2)?.weekday,
               !(s.info(j + 2)?.weekdayPlural ?? true), s.capitalized(j + 2) {
                var second = Candidate(j + 2, j + 3, .fixed("XXXX-WXX-\(wd.rawValue)"), .set, rule: .set)
                second.quant = c.quant
                out.append(second)
            }
        case .per, .a, .an:
            // "$5 a year", "twice a week", "per day": the article follows an amount or a frequency word
            guard let unit = s.info(i + 1)?.unit, !(s.info(i + 1)?.unitPlural ?? true), !s.glued(i + 1) else { return }
            // "instructions per second", "miles per hour": a rate of a quantity, not a recurring time
            if k == .per, unit.isClockUnit, s.isWord(i - 1), s.keyword(i - 1) == nil { return }
            if k != .per {
                let prev = i - 1
                // "four flights a week", "three meals a day": a count of things per unit
                // ("300 people a year": a plural without an "s" too)
                let countedThings = s.isWord(prev) && !s.capitalized(prev) && (s.isNumber(prev - 1) || s.info(prev - 1)?.number != nil)
                    && (s.bytes[Int(s.tokens[prev].end) - 1] | 0x20 == 0x73 || irregularPlurals.contains(s.lowerWord(prev)))
                    && s.keyword(prev) == nil && s.info(prev) == nil
                // "four days a week", "150 minutes of exercise a week": a stretch of time per unit
                let stretch = { (k: Int) in (s.info(k)?.unitPlural ?? false) && (s.isNumber(k - 1) || s.info(k - 1)?.number != nil) }
                let perStretch = stretch(prev) || s.isWord(prev) && s.isKeyword(prev - 1, .of) && stretch(prev - 2)
                let afterAmount = countedThings || perStretch || s.isNumber(prev) || s.isKeyword(prev, .once, .twice) || s.isSpelled(prev, "times")
                    || s.isWord(prev) && amountWords.contains(s.lowerWord(prev)) || s.isPunct(prev, 0x25)
                guard afterAmount else { return }
                if s.isWord(i + 2) && s.keyword(i + 2) == nil && !s.glued(i + 2) && s.info(i + 2)?.unit == nil { return }
            }
            let (du, f) = unit.durationUnit
            var c = Candidate(i, i + 2, .stated(.duration(TimexDuration(f, du))), .set, rule: .set)
            // "once a day", "twice a week", "three times a year": the count is the SET's frequency, inside its span
            if k != .per, let (times, start) = Self.times(s, before: i) {
                c.first = start
                c.freq = times
            }
            out.append(c)
        default:
            break
        }
    }

    /// Words that end an amount before "a year", "a month" ("$5 million a year", "£5bn a year", "2 percent a year").
    static let amountWords: Set<String> = ["million", "billion", "trillion", "bn", "m", "tn", "percent", "dollars", "cents",
                                           "pounds", "euros"]

    /// Plurals without a final "s" that count things before "a year" ("300 people a year").
    static let irregularPlurals: Set<String> = ["people", "men", "women", "staff", "cattle", "sheep", "fish", "police"]

    /// Verbs after "daily" that make it a newspaper ("the daily said").
    static let reportingVerbs: Set<String> = ["said", "says", "reported", "reports", "wrote", "writes", "quoted", "quotes",
                                              "cited", "added", "claimed", "published", "carried"]

    /// A holiday with a fixed date starting at `j` ("Christmas Eve", "April Fools' Day"): its month, day and end.
    private static func holidayDay(_ s: TokenStream, _ j: Int) -> (Int, Int, Int)? {
        guard s.info(j)?.isHolidayHead ?? false else { return nil }
        var found: [Candidate] = []
        HolidayRule.match(s, j, &found)
        guard let c = found.first(where: { $0.first == j }), case .holiday(let h, .implied) = c.value,
              let (month, day) = h.fixedDay else { return nil }
        return (month, day, c.end)
    }

    /// "once", "twice", "three times", "3 times" ending right before token `i`: the count and its first token.
    private static func times(_ s: TokenStream, before i: Int) -> (Int, Int)? {
        if s.isKeyword(i - 1, .once) { return (1, i - 1) }
        if s.isKeyword(i - 1, .twice) { return (2, i - 1) }
        guard s.isSpelled(i - 1, "times"), let n = s.info(i - 2)?.number ?? s.number(i - 2, maxDigits: 3), n > 0, n < 1000 else { return nil }
        return (n, i - 2)
    }
}
