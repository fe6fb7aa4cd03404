import ChronicleTime

/// Turns refined candidates into `Timex` values: classifies the tense around each one, anchors
/// it, threads the narrative reference from one expression to the next, and writes the
/// explanation and trace.
struct Resolver {
    let stream: TokenStream
    let context: AnchorContext
    /// The publication day as explanations write it (`DisplayFormat.shortDay`), formatted once for a document.
    let publishedDay: String?
    var recordsTrace = true

    /// What carries from one expression to the next: the narrative time and the last reporting period.
    struct State: Sendable {
        var narrative: TimexValue?
        var period: TimexValue? = nil
        /// "For the nine months": the months a report covers so far, while they are the period it is about.
        var yearToDate: TimexDuration? = nil
        /// The last quarter named, a comparison's too: what "that quarter" points back to.
        var quarter: TimexValue? = nil
        /// The day the story gave each kind of happening ("shot to death last Oct. 23").
        var events = EventDays()
        /// Whether an expression of the text before set the narrative time, and whether each text is one
        /// sentence (`ArticleTagger`): then "then" in this one may point back to it.
        var narrativeSetInLastText = false
        var textIsSentence = false
        /// Whether a day in the week up to publication was counted from it ("said Thursday", "yesterday"): the
        /// text reports this week's news, and its older dates are background, not a story told in order.
        var reportsWeek = false
        /// This text opens a paragraph (`Tagger.Account.beginParagraph`): a story time the text before set does
        /// not place its dates ("Background: the bridge was built in 2019.¶Rescuers recovered … on 28 May").
        var opensParagraph = false
    }

    func resolve(_ chosen: [Candidate], state: inout State) -> [Timex] {
        var narrative = state.narrative
        var period = state.period
        var yearToDate = state.yearToDate
        var lastQuarter = state.quarter
        var events = state.events
        var reportsWeek = state.reportsWeek
        // the last day up to publication named, and where: the day of an act a deadline may follow
        var namedDay: (at: Int, day: CivilDate)?
        // the token where an expression of this text last set the narrative time
        var narrativeAt: Int?
        let carried = state.textIsSentence && state.narrativeSetInLastText
        let storyCarried = carried && !state.opensParagraph
        defer {
            state.opensParagraph = false
            state.narrativeSetInLastText = narrativeAt != nil
            state.events = events
            state.reportsWeek = reportsWeek
            state.quarter = lastQuarter
            state.narrative = narrative
            state.period = period
            state.yearToDate = yearToDate
        }
        var out: [Timex] = []
        out.reserveCapacity(chosen.count)
        let dct = context.documentTime?.date
        let weekBefore = dct?.adding(days: -7)
        var previous: (candidate: Candidate, value: TimexValue)?
        var previousAnchored: Anchored?
        let chosen = Resolver.apposedQuarters(stream, chosen)
        // a year that frames its sentence ("In 2005, …"): where it ends, and the year
        var frame: (end: Int, year: Int)?
        for var c in chosen {
            // "Oct. 12, the day before the plunge", "the day after his death", "until then": a date of the story, or nothing
            if case .anaphor(let a) = c.value {
                guard let found = pointBack(a, c, previous: previous, events: events, narrative: narrative,
                                            setAt: narrativeAt, carried: carried) else { continue }
                if case .time = found.value { c.type = .time }
            }
            defer { previous = out.last.map { (c, $0.value) } }
            let original = c.value
            // "5 to 6 May", "April 24 and 25": the two days of a range fall in one year, the first's
            var inRangeYear = false
            if case .monthDay(let m, let d, year: .implied) = c.value, let (p, value) = previous,
               p.rule == .range || c.rule == .range, p.end + 1 == c.first, case .day(let day) = value,
               case .monthDay(_, _, year: .implied) = p.value, day.month == m {
                c.value = .monthDay(month: m, day: d, year: .stated(day.year))
                inRangeYear = true
            }
            // "Stocks typically fall in September": a habit's month is any year's
            if case .month(let m, .implied) = c.value, habitual(around: c) {
                c.value = .fixed("XXXX-" + TimexFormat.two(m))
            }
            // "usually conducted in the second and fourth quarters": a habit's quarter recurs every year
            if case .quarter(let q, .implied) = c.value, habitual(around: c), !habitualModifier(before: c.first) {
                c.value = .fixed("XXXX-Q\(q)")
                c.type = .set
                c.quant = .every
            }
            // "For the nine months … In the year-earlier period": the same months a year back (TimeBank: P9M)
            if case .periodYearBefore = c.value, let d = yearToDate, period?.grain == .year,
               (c.first..<c.end).contains(where: { stream.isKeyword($0, .period) }) {
                c.value = .stated(.duration(d))
                c.type = .duration
                c.note = "the months of the report a year back"
            }
            var inFrameYear: Int?
            var yearlessDay = false
            if case .weekday(_, .bare) = c.value { yearlessDay = true }
            if case .monthDay(_, _, year: .implied) = c.value { yearlessDay = true }
            let found = TenseClassifier(yearlessDay: yearlessDay).cue(stream, first: c.first, end: c.end)
            var tense = found.tense
            let cue = found.word
            // "get around Wednesday's ruling": a day named as the owner of a happening is behind us
            // unless a firm future cue says otherwise ("would" is not one)
            if tense == .future, stream.isPossessive(c.end), let w = cue, stream.lexicon.isWeakModal(w) { tense = .past }
            if tense == .future, causedBy(c, cueAt: found.index) { tense = .past }
            // "Saturday: bright start, cloud building": a forecast line headed by its day
            if tense == .unknown, case .weekday(_, .bare) = c.value, stream.sentenceBreak(before: c.first), stream.isPunct(c.end, 0x3A) {
                tense = .future
            }
            // "In 2005, Katrina struck on Aug. 29", "The 2018 Camp Fire started on Nov. 8": the sentence's year
            if let y = frame.flatMap({ frameYear($0, before: c, cueAt: found.index) }), let framed = c.value.inYear(y) {
                c.value = framed
                inFrameYear = y
            }
            // "agreed to buy the line in February": the month may date the agreement or the purchase, so the
            // nearer February, before or after (a day beside a commitment dates the commitment: see `TenseClassifier`)
            if tense == .future, case .month(_, .implied) = c.value, let w = cue, w.hasSuffix(" to"),
               stream.lexicon.isPastCommitment(String(w.dropLast(3))) {
                tense = .present
            }
            if let dct { ReportedPeriod.apply(stream, &c, tense: tense, dct: dct) }
            if !Anchorer.placesClockNarrative(narrative) { Resolver.keepClockAmount(&c) }
            // "Results for that quarter": the quarter last named, not the quarter of the day named since
            var reference = narrative
            if case .narrativeUnit(.quarter, 0) = c.value, let q = lastQuarter { reference = q }
            var lead = LeadCue(stream, before: c.first)
            var actDay: CivilDate?
            if lead == .opening { (lead, actDay) = opening(c, tense: tense, previous: previous, before: dct) }
            // "the window is open until Monday", "tickets are available until 30 June": a state still running ends ahead
            if tense == .present, lead == .deadline, stream.isKeyword(c.first - 1, .until, .till) { tense = .future }
            var anchorer = Anchorer(documentDate: dct, narrative: reference, period: period, tense: tense, tenseCue: cue,
                                    lead: lead)
            if let t = context.documentTime, let h = t.hour { anchorer.documentClock = (h, t.minute ?? 0) }
            anchorer.ownsHappening = stream.isPossessive(c.end)
            switch c.value {
            case .offset(.year, 1, _), .narrative(.year, -1): anchorer.comparesMoney = ReportedPeriod.comparesMoney(stream, c)
            default: break
            }
            anchorer.speechDay = actDay ?? speechDay(c, tense: tense, previous: previous, before: dct)
            anchorer.datesPastEvent = tense == .past && found.index.map { datesPastEvent(c, cueAt: $0) } ?? false
            if tense == .past, let (at, day) = namedDay, endsAfterAct(c, since: at) { anchorer.actDay = day }
            // a past story told in order places dates without a year or week (`Anchorer.story`), and so does the future
            // seen from it ("They planned to be back by Saturday"); not after an amount's year ("from last year's $1.55
            // billion"), for the day of a saying ("In 2024, sales rose, the company said on March 3") nor as the end
            // of a range ("from Sept. 14 to Thursday")
            if !reportsWeek, reference != nil, c.value.followsStory,
               tense == .past || tense == .future && found.index.map({ TenseWords.futureInPast.contains(stream.lowerWord($0)) }) ?? false,
               !(narrativeAt.map { stream.isPossessive($0 + 1) } ?? false),
               !(found.index.map { stream.info($0)?.tenseFlags.contains(.reporting) ?? false } ?? false),
               !(previous.map { RangeOrder.joins(stream, $0.candidate, c) } ?? false),
               told(since: narrativeAt, carried: storyCarried, before: c.first) {
                anchorer.story = reference
            }
            var anchored: Anchored
            if case .anaphor(let a) = c.value {
                anchored = pointBack(a, c, previous: previous, events: events, narrative: narrative, setAt: narrativeAt,
                                     carried: carried)!
            } else {
                anchored = anchorer.anchor(c.value)
            }
            checkWeekday(c, tense: tense, &anchored)
            if tense == .past { placeOnEventDay(c, original: original, events: events, &anchored) }
            if inRangeYear { anchored.reason = "in the year of its range's first day" }
            if let dct, let (p, value) = previous, var before = previousAnchored, RangeOrder.impliedYear(original),
               RangeOrder.impliedYear(p.value), RangeOrder.joins(stream, p, c),
               let fix = RangeOrder.fix(start: value, end: anchored.value, tense: out.last?.tense, dct: dct) {
                switch fix {
                case .endForward:
                    anchored.value = RangeOrder.shifted(anchored.value, 1)!
                    anchored.steps.append("after its range's start, \(value) → \(anchored.value)")
                    anchored.reason = "after its range's start"
                case .startBack:
                    before.value = RangeOrder.shifted(value, -1)!
                    before.reason = "before its range's end"
                    out[out.count - 1].value = before.value
                    out[out.count - 1].explanation = explain(p, text: out[out.count - 1].text, anchored: before)
                    if recordsTrace { out[out.count - 1].trace.append("before its range's end \(anchored.value) → \(before.value)") }
                }
            }
            if case .clock(nil, _, _) = original, let (p, value) = previous, case .clock = p.value, RangeOrder.joins(stream, p, c),
               let next = RangeOrder.clockEnd(start: value, end: anchored.value) {
                anchored.steps.append("earlier on the clock than its range's start \(value): the day after → \(next)")
                anchored.value = next
                anchored.anchor = .narrative
                anchored.reference = value
            }
            if case .clock(.weekday(let wd, .bare)?, let h, let m) = original, let (p, value) = previous, case .clock = p.value,
               p.end + 1 == c.first, stream.isPunct(p.end, 0x28), case .time(let outer, _, _) = value,
               case .time(let day, _, _)? = RangeOrder.sameMoment(value, weekday: wd, hour: h), day != anchored.value.day {
                anchored.steps.append("the time before the bracket, \(value), on another clock → \(day)")
                anchored.value = .time(day, hour: h, minute: m)
                anchored.anchor = .narrative
                anchored.reference = .day(outer)
            }
            if let y = inFrameYear { anchored.reason = "in the year \(y) its sentence names" }
            if case .stated(.year(let y)) = c.value, opensFrame(c) { frame = (c.end, y) }
            // "Next year's ceremony will take place on March 14", "Last year the festival was held on 18 May"
            if case .shift(.year, let k) = c.value, k != 0, let dct, stream.sentenceBreak(before: c.first) { frame = (c.end, dct.year + k) }
            previousAnchored = anchored
            if let dct, let day = anchored.value.day, day <= dct, !c.value.isComparison { namedDay = (c.end, day) }
            if !reportsWeek, anchored.anchor == .documentTime, let dct, let weekBefore, let day = anchored.value.day, day >= weekBefore, day <= dct {
                reportsWeek = true
            }
            if tense == .past, let dct, let day = anchored.value.day, day < dct, EventDays.statesDay(original) {
                events.record(stream, first: c.first, end: c.end, day: day)
            }
            let start = Int(stream.tokens[c.first].start), end = Int(stream.tokens[c.end - 1].end)
            let text = stream.text(c.first, c.end)
            var trace: [String] = []
            if recordsTrace {
                trace.append("\(c.rule.rawValue) matched '\(text)' at byte \(start)" + (c.note.isEmpty ? "" : ": \(c.note)"))
                if let mod = c.mod { trace.append("mod \(mod.rawValue)") }
                trace += anchored.steps
                trace.append("value \(anchored.value) (\(c.type.rawValue))")
            }
            let explanation = explain(c, text: text, anchored: anchored)
            var timex = Timex(utf8Range: start..<end, text: text, type: c.type, value: anchored.value, mod: c.mod,
                              rule: c.rule.rawValue, anchor: anchored.anchor, explanation: explanation, trace: trace,
                              tense: tense)
            timex.quant = c.quant
            timex.freq = c.freq
            timex.preposition = Resolver.prepositions.contains(stream.keyword(c.first - 1) ?? .the)
                ? stream.lowerWord(c.first - 1) : nil
            out.append(timex)
            if c.type == .date, anchored.value.grain == .quarter { lastQuarter = anchored.value }
            // "their lowest level since early 1987", "delayed six times since Jan. 22": a bound the story looks
            // back to is not the time it tells of, so it does not become the narrative time
            if c.type == .date || c.type == .time, anchored.anchor != .unresolved, anchored.value.interval != nil,
               !c.value.isComparison, !timex.isSince {
                narrative = anchored.value
                narrativeAt = c.end - 1
                // a reporting period is one that has ended (not the current quarter, nor "the third quarter of
                // 1990" in a forecast); an earlier one named in passing ("after a flat second quarter") does not
                // replace it
                let ended = dct.map({ anchored.value.interval!.end < $0 }) ?? true
                let account = ReportedPeriod.namesAccount(stream, c, tense: tense, ended: ended)
                if anchored.value.grain == .quarter || anchored.value.grain == .half, ended || account,
                   account || !(period.map { anchored.value.interval!.start < $0.interval!.start && $0.grain != .year } ?? false) {
                    period = anchored.value
                    yearToDate = nil
                }
            }
            // "for the nine months": a report now about the year so far; "a year earlier" is the year before
            if let dct, let months = yearToDateMonths(c) {
                period = .year(Anchorer.lastCompletedQuarterYear(dct))
                yearToDate = TimexDuration(Double(months), .month)
            }
        }
        return out
    }

    /// "Trump on Monday gave Hamas until noon on Saturday", "suspended travel, starting at midnight on Friday",
    /// "postponed Saturday's release", "with the window closing on Thursday", "days before the Friday deadline":
    /// a weekday that ends or opens what an act in the same sentence (from token `at`) set, after that act.
    private func endsAfterAct(_ c: Candidate, since at: Int) -> Bool {
        switch c.value {
        case .weekday(_, .bare), .clock(.weekday(_, .bare)?, _, _), .partOfDay(.weekday(_, .bare), _): break
        default: return false
        }
        for j in at..<c.first where stream.sentenceBreak(before: j + 1) { return false }
        if stream.isSpelled(c.end, "deadline") { return true }
        if stream.isPossessive(c.end), stream.info(c.first - 1)?.tenseFlags.contains(.deferral) ?? false { return true }
        var j = c.first - 1
        while j >= max(at, c.first - 4), !stream.isPunct(j, 0x2C) {
            if stream.isWord(j), TenseWords.bounds.contains(stream.lowerWord(j)) { return true }
            j -= 1
        }
        return false
    }

    /// Whether the narrative time was set in this sentence or the one before: at token `setAt` of this text, or by
    /// the sentence before when each text is one (`carried`).
    private func told(since setAt: Int?, carried: Bool, before first: Int) -> Bool {
        guard let setAt else { return carried }
        var breaks = 0
        for j in setAt..<first where stream.sentenceBreak(before: j + 1) {
            // a new paragraph leaves the story told before it
            if stream.tokens[j + 1].flags & TokenFlags.paragraphBefore != 0 { return false }
            breaks += 1
            if breaks > 1 { return false }
        }
        return true
    }

    /// "Slepian was shot to death at 10 p.m.", after the story dated the shooting: a clock time without a day in a
    /// past-tense sentence that names a dated happening is on that happening's day (or counted from it: "at 6 a.m.
    /// ten days before the shooting").
    func placeOnEventDay(_ c: Candidate, original: Extracted, events: EventDays, _ anchored: inout Anchored) {
        guard case .clock(nil, let h, let m) = original, let (day, why) = events.clockDay(stream, first: c.first, end: c.end) else { return }
        anchored.value = .time(day, hour: h, minute: m)
        anchored.anchor = .narrative
        anchored.reference = .day(day)
        anchored.steps.append("on \(why) → \(anchored.value)")
    }

    /// The date an anaphoric expression points back to; nil when the story gave none, and the expression is dropped.
    /// An apposition takes the day right before its comma; "the day after his death" counts from the day the story
    /// gave that kind of happening; "then" is the narrative time, when it was set in the same sentence or the one
    /// before (`setAt`: its token in this text; `carried`: set in the text before, a sentence).
    func pointBack(_ a: Anaphor, _ c: Candidate, previous: (candidate: Candidate, value: TimexValue)?, events: EventDays,
                   narrative: TimexValue?, setAt: Int?, carried: Bool) -> Anchored? {
        switch a {
        case .apposed:
            guard let (p, value) = previous, p.end + 1 == c.first, value.day != nil else { return nil }
            return Anchored(value: value, anchor: .narrative, steps: ["the day put before it, \(value)"], reference: value)
        case .happening(let unit, let n, let word):
            guard let day = events.day(stream, word) else { return nil }
            let value = Anchorer(documentDate: context.documentTime?.date, narrative: nil, tense: .unknown, tenseCue: nil)
                .moved(unit, n, from: .day(day))
            return Anchored(value: value, anchor: .narrative,
                            steps: ["\(day), the day of the '\(stream.lowerWord(word))', moved \(n) \(unit.rawValue) → \(value)"],
                            reference: .day(day))
        case .then:
            guard let narrative, narrative.interval != nil else { return nil }
            var breaks = 0
            if let setAt {
                for j in (setAt + 1)...c.first where stream.sentenceBreak(before: j) { breaks += 1 }
            } else {
                guard carried else { return nil }
                for j in 1...max(1, c.first) where stream.sentenceBreak(before: j) { return nil }
            }
            guard breaks <= 1 else { return nil }
            return Anchored(value: narrative, anchor: .narrative, steps: ["the account's last date, \(narrative)"], reference: narrative)
        }
    }

    /// "Two hours later" with no clock time in the account: the amount, a duration, as TimeBank writes it
    /// ("later" is a signal outside the span).
    static func keepClockAmount(_ c: inout Candidate) {
        guard case .narrative(let unit, let n?) = c.value, unit == .hour || unit == .minute, c.type == .time else { return }
        c.value = .stated(.duration(TimexDuration(Double(abs(n)), unit == .hour ? .hour : .minute)))
        c.type = .duration
        c.end -= 1
        c.rule = .duration
    }

    /// "arrested in January", "In January, floods hit the north": the expression dates the past event
    /// its cue names, so it cannot lie after the publication date. A verb of saying a few words off
    /// ("told oil companies of a cutback in September") or a past verb far from the expression may
    /// report something still ahead.
    private func datesPastEvent(_ c: Candidate, cueAt k: Int) -> Bool {
        // "the night of 5 May", "the first week of April": the phrase the expression ends is what the cue dates
        let first = phraseStart(c.first)
        // "The mid-May deadline passed": the article of the noun the expression modifies opens the sentence
        let opening = stream.isKeyword(first - 1, .the) ? first - 1 : first
        let opensSentence = stream.sentenceBreak(before: opening)
            || stream.keyword(opening - 1).map { Resolver.prepositions.contains($0) } ?? false
                && (stream.sentenceBreak(before: opening - 1) || stream.isKeyword(opening - 1, .in, .on, .during) && inSubject(before: opening - 1))
        // "has fallen 25% since March 10", "since the end of March": the bound "since" looks back to is behind us
        if stream.isKeyword(k, .since), k == first - 1 || k == first - 2 && stream.isKeyword(first - 1, .the) { return true }
        let flags = stream.info(k)?.tenseFlags ?? []
        // "last Thursday, to Nov. 6": an adverb of another expression; "had been set to expire": a plan
        // ("the truce agreed on 8 May" is no plan: a commitment points forward only before "to")
        let plan = flags.contains(.forwardBeforeTo) && !(flags.contains(.pastCommitment) && !stream.isSpelled(k + 1, "to"))
        if flags.contains(.adverb) || plan { return false }
        if k >= c.end { return opensSentence && k - c.end <= 6 }
        if k >= first { return false }
        if flags.contains(.reporting) || first - k > 10 { return false }
        // "prayed for help as Easter week began": a clause of its own in between
        for j in (k + 1)..<first where stream.isPunct(j, 0x2C) || stream.isKeyword(j, .as, .when, .while, .that, .until, .before, .after, .and) {
            return false
        }
        // further off, only within a plain phrase: "changed from a fiscal year to a calendar year in December", not
        // a purpose ("signed a deal to deliver jets in December") or another clause
        return first - k <= 4 || !((k + 1)..<first).contains { opensOtherPhrase($0) }
    }

    /// "In 2005, Hurricane Katrina struck …", "The 2018 Camp Fire started …": a year fronted with a comma, or
    /// naming the subject's event at the sentence start, frames the sentence.
    private func opensFrame(_ c: Candidate) -> Bool {
        guard c.first >= 1 else { return false }
        if stream.isKeyword(c.first - 1, .in), stream.sentenceBreak(before: c.first - 1), stream.isPunct(c.end, 0x2C) { return true }
        return stream.isKeyword(c.first - 1, .the) && stream.sentenceBreak(before: c.first - 1)
            && stream.isWord(c.end) && stream.keyword(c.end) == nil && stream.info(c.end)?.tense == nil
    }

    /// The framing year for `c` when it is a month, day or holiday without a year in the same sentence as the
    /// frame, and the sentence reports no saying ("In 2024, sales rose, the company said on March 3").
    private func frameYear(_ f: (end: Int, year: Int), before c: Candidate, cueAt k: Int?) -> Int? {
        guard f.end <= c.first else { return nil }
        for j in f.end...c.first where stream.sentenceBreak(before: j) { return nil }
        if let k, stream.info(k)?.tenseFlags.contains(.reporting) ?? false { return nil }
        return f.year
    }

    /// "remains in hospital after Saturday's stabbing", "faces charges over Tuesday's attack": a happening a
    /// present verb follows from is behind us, whatever the verb's schedule sense.
    private func causedBy(_ c: Candidate, cueAt k: Int?) -> Bool {
        guard stream.isPossessive(c.end), stream.isKeyword(c.first - 1, .after, .since, .following, .over), let k,
              let info = stream.info(k), info.tense == .future,
              info.tenseFlags.isDisjoint(with: [.modal, .forwardBeforeTo, .weakModal]) else { return false }
        return true
    }

    /// A word at `j` that starts a phrase of its own between a past verb and a far expression: "to" before a verb
    /// (a purpose), "for"/"with"/"of", another verb cue, "which"/"who".
    private func opensOtherPhrase(_ j: Int) -> Bool {
        if stream.isKeyword(j, .to) {
            return stream.isWord(j + 1) && !stream.capitalized(j + 1) && stream.keyword(j + 1) == nil
        }
        if stream.isKeyword(j, .for, .of) || stream.isSpelled(j, "with") || stream.info(j)?.tense != nil { return true }
        return stream.isSpelled(j, "which") || stream.isSpelled(j, "who")
    }

    /// "The minister said on Monday that talks would resume on Thursday": a weekday the future in the past
    /// ("would") puts ahead of a day named earlier in the sentence, before publication, counts from that day.
    private func speechDay(_ c: Candidate, tense: Tense, previous: (candidate: Candidate, value: TimexValue)?,
                           before dct: CivilDate?) -> CivilDate? {
        guard case .weekday(_, .bare) = c.value, tense == .future,
              let (p, value) = previous, case .day(let day) = value, let dct, day < dct, p.end <= c.first else { return nil }
        var wouldAt = false
        for j in p.end..<c.first {
            if stream.sentenceBreak(before: j + 1) { return nil }
            if stream.isSpelled(j, "would") { wouldAt = true }
        }
        return wouldAt ? day : nil
    }

    /// "starting Monday", "beginning Jan. 1", "fares rise from Tuesday": the start of an effect lies ahead
    /// unless the clause reports the past ("took effect from Tuesday") or is in the present perfect ("has
    /// risen from Monday"). In the past tense, a day named before it in the sentence ("signed orders on
    /// Saturday imposing tariffs from Tuesday") is the day of the act, and the start is the first one after
    /// it. "from" opens a start only before a weekday and not before the other end of a range ("from Monday
    /// to Friday"); a possessive ("from Tuesday's meeting") is a happening; a day of a month with no tense
    /// cue keeps the usual reading.
    private func opening(_ c: Candidate, tense: Tense, previous: (candidate: Candidate, value: TimexValue)?,
                         before dct: CivilDate?) -> (LeadCue, CivilDate?) {
        let weekday: Bool
        switch c.value {
        case .weekday(_, .bare): weekday = true
        case .monthDay(_, _, .implied): weekday = false
        default: return (.none, nil)
        }
        if stream.isPossessive(c.end) { return (.none, nil) }
        if stream.isKeyword(c.first - 1, .from) {
            guard weekday, !stream.isKeyword(c.end, .to, .through, .until, .till, .and), !stream.isPunct(c.end, 0x2D) else { return (.none, nil) }
        }
        var j = c.first - 1
        while j >= max(0, c.first - 6), !stream.sentenceBreak(before: j + 1) {
            if stream.isSpelled(j, "has") || stream.isSpelled(j, "have") { return (.none, nil) }
            j -= 1
        }
        // a day of a month needs a clause that looks ahead or is in the present ("Starting Jan. 1, the company cut …")
        if !weekday && tense == .unknown { return (.none, nil) }
        guard tense == .past else { return (.start, nil) }
        // the act's day: the expression before it in the sentence, a day not after publication
        guard weekday, let (p, value) = previous, case .day(let day) = value, let dct, day <= dct, p.end < c.first else { return (.none, nil) }
        for j in p.end..<c.first where stream.sentenceBreak(before: j + 1) { return (.none, nil) }
        return (.start, day)
    }

    /// A habitual adverb in the expression's sentence, at most eight tokens off.
    private func habitual(around c: Candidate) -> Bool {
        var j = c.first - 1
        while j >= max(0, c.first - 8), !stream.sentenceBreak(before: j + 1) {
            if stream.info(j)?.tenseFlags.contains(.habitual) ?? false { return true }
            j -= 1
        }
        j = c.end
        while j < min(stream.count, c.end + 8), !stream.sentenceBreak(before: j) {
            if stream.info(j)?.tenseFlags.contains(.habitual) ?? false { return true }
            j += 1
        }
        return false
    }

    /// "the seasonally slow third quarter": the habit word describes the noun the expression heads (between
    /// its article and it), not a habit of the clause.
    private func habitualModifier(before first: Int) -> Bool {
        var j = first - 1
        while j >= max(0, first - 4), !stream.isKeyword(j, .the, .a, .an), stream.isWord(j) {
            if stream.info(j)?.tenseFlags.contains(.habitual) ?? false { return true }
            j -= 1
        }
        return false
    }

    /// "Sunday, May 18" without a year: the weekday written with the date moves it from the year the tense
    /// chose to the next one (or the one before) when that makes the date that weekday, never against the
    /// tense (a past-tense "held on Sunday, May 18" stays in the past).
    private func checkWeekday(_ c: Candidate, tense: Tense, _ anchored: inout Anchored) {
        guard case .monthDay(let m, let d, .implied) = c.value, let wd = stream.info(c.first)?.weekday,
              case .day(let day) = anchored.value, day.weekday != wd else { return }
        for delta in tense == .past ? [-1] : tense == .future ? [1] : [1, -1] {
            if let other = CivilDate(year: day.year + delta, month: m, day: d), other.weekday == wd {
                anchored.value = .day(other)
                anchored.steps.append("\(wd) on the date → \(other)")
                return
            }
        }
    }

    /// "The 12-day war in June left hundreds dead": the words before token `k` back to the sentence start
    /// are a short noun phrase (at most six tokens, no verb cue, no comma), the subject the expression is in.
    private func inSubject(before k: Int) -> Bool {
        var j = k - 1
        while j >= max(0, k - 6) {
            if stream.info(j)?.tense != nil || stream.isPunct(j, 0x2C) { return false }
            if stream.sentenceBreak(before: j) { return stream.isKeyword(j, .the) || stream.capitalized(j) }
            j -= 1
        }
        return false
    }

    /// Where the noun phrase that expression token `first` completes starts: at "the" of "the night of",
    /// "the first week of", "the early hours of", "the end of"; `first` itself when there is none.
    private func phraseStart(_ first: Int) -> Int {
        guard stream.isKeyword(first - 1, .of) else { return first }
        var j = first - 2
        guard let head = stream.info(j),
              head.unit != nil || head.partOfDay != nil || stream.isKeyword(j, .end, .beginning, .start, .middle)
                || stream.isSpelled(j, "hours") else { return first }
        j -= 1
        // at most two modifiers: "the very first week of", "the early hours of", "the last days of"
        var modifiers = 0
        while modifiers < 2, stream.info(j)?.ordinal != nil || stream.isKeyword(j, .early, .late, .last, .first, .final)
                || stream.isSpelled(j, "very") || stream.isSpelled(j, "small") {
            j -= 1
            modifiers += 1
        }
        return stream.isKeyword(j, .the) ? j : first
    }

    /// "the comparable year-ago quarter, the second quarter ended Oct. 31": a period put beside the numbered
    /// quarter a day closes is that quarter.
    static func apposedQuarters(_ s: TokenStream, _ chosen: [Candidate]) -> [Candidate] {
        var chosen = chosen
        for n in chosen.indices.dropLast() where s.isPunct(chosen[n].end, 0x2C) && chosen[n + 1].first == chosen[n].end + 1 {
            guard case .quarterEnding(_, _?) = chosen[n + 1].value else { continue }
            switch chosen[n].value {
            case .periodYearBefore, .currentPeriod:
                chosen[n].value = chosen[n + 1].value
                chosen[n].note = "the quarter put beside it"
            default: continue
            }
        }
        return chosen
    }

    /// "the first nine months", "the six months": the part of the year a report covers so far, in months.
    private func yearToDateMonths(_ c: Candidate) -> Int? {
        guard c.type == .duration, stream.isKeyword(c.first, .the), case .stated(.duration(let d)) = c.value,
              d.components.count == 1, d.components[0].unit == .month, let n = d.components[0].amount,
              n == 6 || n == 9 else { return nil }
        return Int(n)
    }

    /// Prepositions that govern a time expression.
    static let prepositions: Set<Keyword> = [.on, .in, .at, .since, .until, .till, .by, .during, .from, .before, .after,
                                             .through, .to, .over, .within, .for, .between, .of, .throughout]

    /// "'on Friday' in a past-tense sentence of an article published Sat 15 Mar 2025 → Fri 14 Mar 2025".
    private func explain(_ c: Candidate, text: String, anchored: Anchored) -> String {
        // the preposition before the expression and a space, quoted with it
        var preposition = "", space = ""
        let p = c.first - 1
        if let k = stream.keyword(p), Resolver.prepositions.contains(k), k != .of, k != .for, k != .to {
            preposition = stream.lowerWord(p)
            space = " "
        }
        let result = Resolver.display(anchored.value)
        switch anchored.anchor {
        case .absolute:
            return String.concatenating("'", preposition, space, text, "' → ", result)
        case .unresolved:
            return String.concatenating("'", preposition, space, text, "' has no publication date to anchor it → ",
                                        "\(anchored.value)")
        case .narrative:
            return String.concatenating("'", preposition, space, text, "' counted from the narrative time ",
                                        anchored.reference.map(Resolver.display) ?? "of the account", " → ", result)
        case .documentTime:
            // "'on Friday' in a past-tense sentence of an article published …", "'Friday' in an article published …"
            let reason = anchored.reason ?? "", reasonSpace = anchored.reason == nil ? "" : " "
            let article = reason.hasPrefix("in a ") ? " of an article" : " in an article"
            return String.concatenating("'", preposition, space, text, "'", reasonSpace, reason, article, " published ",
                                        publishedDay ?? "?", " → ", result)
        }
    }


    static func display(_ v: TimexValue) -> String {
        if case .day(let d) = v { return DisplayFormat.shortDay(d) }
        return DisplayFormat.value(v)
    }
}

extension Extracted {
    /// The value with its implied year set ("Aug. 29" in a sentence about 2005), or nil when it has none to set.
    func inYear(_ y: Int) -> Extracted? {
        switch self {
        case .monthDay(let m, let d, .implied): .monthDay(month: m, day: d, year: .stated(y))
        case .month(let m, .implied): .month(m, year: .stated(y))
        case .holiday(let h, .implied): .holiday(h, year: .stated(y))
        case .partOfDay(let inner, let p): inner.inYear(y).map { .partOfDay($0, p) }
        case .clock(let inner?, let h, let m): inner.inYear(y).map { .clock($0, hour: h, minute: m) }
        // "Last year's Thanksgiving weekend", "Easter week"
        case .weekendOf(let inner): inner.inYear(y).map { .weekendOf($0) }
        case .weekOf(let inner): inner.inYear(y).map { .weekOf($0) }
        case .movedBy(let inner, let unit, let n) where unit == .day: inner.inYear(y).map { .movedBy($0, unit, n) }
        default: nil
        }
    }

    /// A date without a year or a bare weekday, alone or with a part of the day or a clock time: what a past
    /// story told in order places in its own time (`Anchorer.storyYear`, `Anchorer.storyWeekday`).
    var followsStory: Bool {
        switch self {
        case .weekday(_, .bare), .monthDay(_, _, .implied), .month(_, .implied), .season(_, .implied), .holiday(_, .implied): true
        case .partOfDay(let inner, _), .clock(let inner?, _, _): inner.followsStory
        default: false
        }
    }

    /// A point of comparison ("a year earlier", "the year-ago quarter", "two years ago"): it does
    /// not move the account's own time.
    var isComparison: Bool {
        switch self {
        case .periodYearBefore, .offset, .periodOfYear, .sameUnitInYear: true
        case .narrative(let unit, let n): unit == .year && n != 0
        case .narrativeUnit(let unit, let n): unit == .year && n != 0
        default: false
        }
    }
}
