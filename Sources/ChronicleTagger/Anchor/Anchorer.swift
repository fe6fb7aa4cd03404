import ChronicleTime

/// A word right before an expression that tells its direction better than the tense does.
enum LeadCue: Sendable {
    case none
    /// "effective Feb. 1": a start date, after the publication date.
    case start
    /// "postponed until Tuesday": the new date of something put off, after the publication date.
    case deferred
    /// "by February", "until March", "through January": a deadline, the nearest such date, not
    /// one behind the past-tense report that names it.
    case deadline
    /// "ahead of Sunday's vote", "in the run-up to the election on Sunday": an event still to come,
    /// whatever the tense of the report ("campaigning intensified ahead of Sunday's vote").
    case upcoming
    /// "starting Monday", "beginning Jan. 1", "from Tuesday" (no range after it): the start of an effect.
    /// The `Resolver` keeps it as `.start` only when the clause is not a report of the past.
    case opening

    init(_ s: TokenStream, before i: Int) {
        if s.isSpelled(i - 1, "effective") || LeadCue.comingIntoForce(s, before: s.isKeyword(i - 1, .on) ? i - 1 : i) {
            self = .start
        }
        else if s.isKeyword(i - 1, .until, .till, .to), LeadCue.deferral(s, before: i - 1) { self = .deferred }
        else if s.isKeyword(i - 1, .by, .until, .till, .through) { self = .deadline }
        else if s.isKeyword(i - 1, .from) || s.isSpelled(i - 1, "starting") || s.isSpelled(i - 1, "beginning") {
            // "a warning for rain from 6pm on Thursday": the start of a warned period, ahead like the rest of it
            self = LeadCue.warningFor(s, before: i) ? .upcoming : .opening
        }
        else if LeadCue.scheduled(s, before: i) { self = .upcoming }
        else if LeadCue.inPreparation(s, before: i) || s.isKeyword(i - 1, .on) && s.isWord(i - 2) && s.isKeyword(i - 3, .the)
                    && LeadCue.inPreparation(s, before: i - 3) {
            self = .upcoming
        }
        else if LeadCue.warningFor(s, before: i) { self = .upcoming }
        else { self = .none }
    }

    /// "the vote is on Wednesday", "the deadline is Friday", "the final falls on Sunday", "Diwali falls on
    /// Nov. 1", "Game 5 is on Sunday", "the Ryder Cup is in September": a scheduled happening in the present
    /// names the coming day or month (a name may head "falls on").
    private static func scheduled(_ s: TokenStream, before k: Int) -> Bool {
        let v = s.isKeyword(k - 1, .on, .in) ? k - 2 : k - 1
        let falls = v == k - 2 && s.isKeyword(k - 1, .on) && (s.isSpelled(v, "falls") || s.isSpelled(v, "fall"))
        guard falls || s.isSpelled(v, "is") || s.isSpelled(v, "are") else { return false }
        // ("Game 5", "Stage 14": a happening numbered)
        let head = s.isNumber(v - 1) ? v - 2 : v - 1
        if s.info(head)?.tenseFlags.contains(.eventNoun) ?? false { return true }
        return falls && s.isWord(v - 1) && s.capitalized(v - 1)
    }

    /// "a yellow warning for rain from 6pm on Thursday", "an amber warning for Thursday", "a warning covering
    /// Thursday and Friday": the period a weather warning is issued for lies ahead, whatever the tense of the
    /// issuing ("issued a warning for drivers on Tuesday" names the day of issue, not of the warning).
    private static func warningFor(_ s: TokenStream, before i: Int) -> Bool {
        // most expressions have no "for"/"covering" before them: a scan of words alone rules them out
        let lower = max(1, i - 12)
        guard lower < i, (lower..<i).contains(where: { s.isKeyword($0, .for) || s.isSpelled($0, "covering") }) else { return false }
        var j = i - 1
        var from = false
        while j >= max(1, i - 12), !s.sentenceBreak(before: j + 1), !s.isPunct(j, 0x2C) {
            if s.isKeyword(j, .from, .between) { from = true }
            if s.isKeyword(j, .for) || s.isSpelled(j, "covering"), WeatherWords.warnings.contains(s.lowerWord(j - 1)) {
                return from || j + 1 == i || s.isKeyword(j + 1, .on) && j + 2 == i
            }
            // a verb ends the warning's phrase ("am" of "9am" is no verb)
            if s.isWord(j), s.info(j)?.tense != nil, !s.isKeyword(j, .am) { return false }
            j -= 1
        }
        return false
    }

    /// "ahead of", "the eve of", "in the run-up to", "in the lead-up to", "preparing for", "in preparation for" right before `k`.
    private static func inPreparation(_ s: TokenStream, before k: Int) -> Bool {
        // "on the eve of Tuesday's election"
        if s.isKeyword(k - 1, .of) { return s.isKeyword(k - 2, .ahead) || s.isSpelled(k - 2, "eve") }
        if s.isKeyword(k - 1, .to) {
            // "looking ahead to Friday's jobs report"
            if s.isKeyword(k - 2, .ahead) { return true }
            return s.isKeyword(k - 2, .up) && s.isPunct(k - 3, 0x2D) && (s.isSpelled(k - 4, "run") || s.isSpelled(k - 4, "lead"))
        }
        if s.isKeyword(k - 1, .for) {
            // "investors brace for Wednesday's announcement"
            return s.isSpelled(k - 2, "preparing") || s.isSpelled(k - 2, "preparation") || s.isSpelled(k - 2, "brace")
                || s.isSpelled(k - 2, "braces") || s.isSpelled(k - 2, "bracing")
        }
        // "all eyes are on Thursday's meeting", "investors are focused on Friday's report"
        if s.isKeyword(k - 1, .on) {
            return s.isSpelled(k - 2, "are") && s.isSpelled(k - 3, "eyes")
                || s.isSpelled(k - 2, "focused") && (s.isSpelled(k - 3, "are") || s.isSpelled(k - 3, "is"))
        }
        return false
    }

    /// "the law takes effect on July 1", "will go into effect Monday", "comes into force on 1 May": a start
    /// date in the present or future ("took effect" is a report of the past and sets nothing).
    private static func comingIntoForce(_ s: TokenStream, before k: Int) -> Bool {
        if s.isSpelled(k - 1, "effect") {
            if s.isSpelled(k - 2, "takes") || s.isSpelled(k - 2, "take") { return true }
            return s.isSpelled(k - 2, "into") && (s.isSpelled(k - 3, "goes") || s.isSpelled(k - 3, "go"))
        }
        // "comes into force", "enters into force", "enter into force"
        return s.isSpelled(k - 1, "force") && s.isSpelled(k - 2, "into")
            && (s.isSpelled(k - 3, "comes") || s.isSpelled(k - 3, "come") || s.isSpelled(k - 3, "enters") || s.isSpelled(k - 3, "enter"))
    }

    /// "postponed until Tuesday", "adjourned the hearing until Monday", "extended its deadline to
    /// Friday": a verb of deferral a few words before sets a new date, after the act that moved it.
    private static func deferral(_ s: TokenStream, before k: Int) -> Bool {
        var j = k - 1
        while j >= max(0, k - 4), s.isWord(j) {
            if s.info(j)?.tenseFlags.contains(.deferral) ?? false { return true }
            j -= 1
        }
        return false
    }
}

/// The outcome of anchoring one extracted value.
struct Anchored {
    var value: TimexValue
    var anchor: AnchorKind
    /// What was used: "past-tense sentence (cue 'said')", "narrative reference 2025-03-14".
    var steps: [String]
    /// A short phrase for the one-line explanation ("in a past-tense sentence").
    var reason: String?
    /// The value a narrative expression was counted from.
    var reference: TimexValue? = nil
}

/// Resolves extracted values against the publication date, the tense of the clause and the
/// narrative reference time. The policy, in one place:
/// - a bare weekday is the publication day when it names it, else the nearest one in the
///   direction of the tense (past when the tense is unknown);
/// - a month or day without a year is the nearest one in that direction (nearest either way
///   when the tense is unknown);
/// - a start date ("effective Feb. 1") and a postponed one ("postponed until Tuesday") lie ahead;
///   a deadline ("by February", "until March", "given until Monday") is the nearest such date,
///   before or after, even in a past-tense report;
/// - "last"/"next" move to the previous/following unit; "two days later" counts from the
///   narrative reference, or from the publication date when there is none.
struct Anchorer {
    var documentDate: CivilDate?
    /// The publication time of day, when the publication date carries one.
    var documentClock: (hour: Int, minute: Int)? = nil
    var narrative: TimexValue?
    /// The last reporting period (quarter or half) the text named: comparisons ("a year
    /// earlier", "the year-ago period") are made with it.
    var period: TimexValue? = nil
    /// Whether "a year ago" compares a report's money figures (`ReportedPeriod.comparesMoney`), and so
    /// points to the reported period a year back.
    var comparesMoney = true
    var tense: Tense
    var tenseCue: String?
    /// A word in front that sets the direction whatever the tense ("effective Feb. 1", "by February").
    var lead: LeadCue = .none
    /// The expression dates the past event of its cue ("arrested in January"): a date without a year
    /// is not ahead of publication, as one a report of the past may name ("said the vote is on Dec. 7").
    var datesPastEvent = false
    /// The expression owns a happening ("Thursday's closing price"): a day already behind us unless a
    /// cue points ahead.
    var ownsHappening = false
    /// The day a report was made when the expression is a weekday it put ahead ("said on Monday that talks
    /// would resume on Thursday"): the weekday counts from it, not from publication.
    var speechDay: CivilDate? = nil
    /// The narrative time when the sentence tells the past and the story set it in this sentence or the one
    /// before: dates without a year or week follow it (`storyYear`, `storyWeekday`).
    var story: TimexValue? = nil
    /// The day of an act named before in the sentence when the expression is a weekday that ends or opens what
    /// the act set ("on Monday gave Hamas until Saturday"): the weekday is not before it.
    var actDay: CivilDate? = nil

    func anchor(_ e: Extracted) -> Anchored {
        if case .stated(let v) = e { return Anchored(value: v, anchor: .absolute, steps: ["stated in full"]) }
        if case .fixed(let text) = e {
            return Anchored(value: TimexValue(timex3: text) ?? .underspecified(text), anchor: .absolute, steps: ["kept as written"])
        }
        if case .narrative(let unit, let n?) = e, let a = anchorClockNarrative(unit, n) { return a }
        if case .narrative(let unit, let n) = e { return anchorNarrative(unit, n) }
        if case .narrativeUnit(let unit, let n) = e { return anchorNarrative(unit, n, grain: true) }
        // "the previous Friday": the one before the account's day
        if case .weekday(let wd, let shift) = e, shift == .previous || shift == .following, let day = narrative?.day {
            let d = Anchorer.weekday(wd, shift == .previous ? .last : .next, from: day)
            return Anchored(value: .day(d), anchor: .narrative, steps: ["narrative reference \(day)", "\(wd) \(shift == .previous ? "before" : "after") it → \(d)"],
                            reference: .day(day))
        }
        // "the vote ends on 2 November, with the result at noon that Saturday": the weekday of the account's days,
        // on or after its day
        if case .weekday(let wd, .that) = e, let day = narrative?.day {
            let d = Anchorer.weekday(wd, onOrAfter: day)
            return Anchored(value: .day(d), anchor: .narrative, steps: ["narrative reference \(day)", "that \(wd), on or after it → \(d)"],
                            reference: .day(day))
        }
        // "overnight" in a past-tense account of a day earlier in the week: the night before that day
        // (after yesterday's account the night just gone is still the one before publication, and an
        // older account is not what "overnight" is counted from)
        // ("strikes overnight into Sunday … the shelling went on overnight": an account of a night
        // goes on telling of that night, not of the one before it)
        if case .overnight = e, tense == .past, case .partOfDay(let night, .night)? = narrative, let dct = documentDate,
           night < dct.adding(days: -1), night >= dct.adding(days: -7) {
            return Anchored(value: .partOfDay(night, .night), anchor: .narrative,
                            steps: ["narrative reference the night of \(night)", "the same night"], reference: .partOfDay(night, .night))
        }
        if case .overnight = e, tense == .past, let day = narrative?.day, let dct = documentDate,
           day < dct.adding(days: -1), day >= dct.adding(days: -7) {
            let night = day.adding(days: -1)
            return Anchored(value: .partOfDay(night, .night), anchor: .narrative,
                            steps: ["narrative reference \(day)", "the night before it → \(night)"], reference: .day(day))
        }
        // "that evening", "the next morning": a part of the account's day
        if case .partOfDay(.narrativeUnit(let unit, let n), let part) = e {
            var a = anchorNarrative(unit, n, grain: true)
            if let day = a.value.day { a.value = .partOfDay(day, part) }
            return a
        }
        guard let dct = documentDate else {
            return Anchored(value: .underspecified(unresolvedForm(e)), anchor: .unresolved,
                            steps: ["no publication date: left unresolved"])
        }
        var steps: [String] = []
        let value = resolve(e, dct, &steps)
        if let story, steps.contains(where: { $0.utf8.starts(with: Anchorer.storyStep.utf8) }) {
            return Anchored(value: value, anchor: .narrative, steps: steps, reference: story)
        }
        if let actDay, steps.contains(where: { $0.utf8.starts(with: Anchorer.actStep.utf8) }) {
            return Anchored(value: value, anchor: .narrative, steps: steps, reference: .day(actDay))
        }
        let usesTense = needsTense(e)
        return Anchored(value: value, anchor: .documentTime, steps: steps,
                        reason: usesTense ? tensePhrase : nil)
    }

    /// The period comparisons are made with: the last reporting period named, else the
    /// narrative time when it has already begun (a forecast is not a report).
    var reportingPeriod: TimexValue? {
        if let period { return period }
        guard let narrative, let start = narrative.interval?.start, let dct = documentDate, start <= dct else { return nil }
        return narrative
    }

    var tensePhrase: String {
        switch lead {
        case .start: return "as a start date"
        case .deferred: return "as a postponed date"
        case .upcoming: return "as an event ahead"
        case .deadline where tense == .past || tense == .unknown: return "as a deadline"
        default: break
        }
        return switch tense {
        case .past: "in a past-tense sentence"
        case .future: "in a future-tense sentence"
        case .present: "in a present-tense sentence"
        case .unknown: "with no tense cue"
        }
    }

    private func needsTense(_ e: Extracted) -> Bool {
        switch e {
        case .weekday(_, .bare), .weekday(_, .this), .weekday(_, .that), .monthDay(_, _, .implied), .month(_, .implied), .dayOfMonth, .recentWeekend,
             .season(_, .implied), .holiday(_, .implied), .quarter(_, .implied), .twoDigitYear:
            return true
        case .partOfDay(let inner, _), .weekOf(let inner), .weekendOf(let inner), .weekOfMonth(let inner, _, _), .movedBy(let inner, _, _),
             .weekdayOfMonth(let inner, _, _), .quarterEnding(let inner, _),
             .yearOf(let inner), .monthOf(let inner): return needsTense(inner)
        case .clock(let inner?, _, _): return needsTense(inner)
        default: return false
        }
    }

    /// "The uprising began in January 2011. By February, Mubarak had resigned": in an account of an earlier
    /// month, a month without a year that the past perfect or "by" ties to the account is that account's year
    /// (the next year's when it comes before the account's month), not the publication year's. (A plain past
    /// tense is not enough: news names older dates in passing, "the Dec. 21, 1988, bombing … agreed in April".)
    func narrativeYear(month m: Int, _ dct: CivilDate) -> Int? {
        let pastPerfect = tenseCue == "had" || tenseCue?.hasPrefix("had ") == true
        guard tense == .past, pastPerfect || lead == .deadline, let ref = narrative, ref.grain >= .day, ref.grain <= .month,
              let start = ref.interval?.start, start.year < dct.year else { return nil }
        let y = m >= start.month ? start.year : start.year + 1
        return y < dct.year ? y : nil
    }

    /// Direction for an implied year or week: -1 back, +1 forward, 0 nearest.
    var direction: Int {
        if lead == .start || lead == .deferred || lead == .upcoming { return 1 }
        return switch tense {
        case .past: lead == .deadline ? 0 : -1
        case .future: 1
        case .present, .unknown: 0
        }
    }

    /// `wd` on `day` or the first one after it.
    static func weekday(_ wd: Weekday, onOrAfter day: CivilDate) -> CivilDate {
        day.adding(days: (wd.rawValue - day.weekday.rawValue + 7) % 7)
    }

    /// The nearest `wd` strictly before (`.last`) or after (`.next`) `day`.
    static func weekday(_ wd: Weekday, _ shift: WeekdayShift, from day: CivilDate) -> CivilDate {
        let back = (day.weekday.rawValue - wd.rawValue + 7) % 7
        let fwd = (wd.rawValue - day.weekday.rawValue + 7) % 7
        return shift == .last ? day.adding(days: -(back == 0 ? 7 : back)) : day.adding(days: fwd == 0 ? 7 : fwd)
    }

    private func resolve(_ e: Extracted, _ dct: CivilDate, _ steps: inout [String]) -> TimexValue {
        switch e {
        case .stated(let v): return v
        case .fixed(let text): return TimexValue(timex3: text) ?? .underspecified(text)
        case .dayOffset(let n):
            steps.append("\(n >= 0 ? "+" : "")\(n) day(s) from the publication date")
            return .day(dct.adding(days: n))
        case .weekday(let wd, let shift):
            // "at noon that Saturday": the clock's day, the account's weekday
            if shift == .that, let day = narrative?.day {
                let d = Anchorer.weekday(wd, onOrAfter: day)
                steps.append("that \(wd), on or after the account's day → \(d)")
                return .day(d)
            }
            let back = (dct.weekday.rawValue - wd.rawValue + 7) % 7
            let fwd = (wd.rawValue - dct.weekday.rawValue + 7) % 7
            let d: CivilDate
            switch shift {
            case .next:
                // "next Thursday" is the Thursday of the week after the publication's (ISO weeks,
                // Monday first): "on Thursday" or "this Thursday" name the coming one
                let day = dct.isoWeek.adding(weeks: 1).monday.adding(days: wd.rawValue - 1)
                steps.append("'next' names a day of the week after the publication's → \(day)")
                return .day(day)
            case .last, .previous, .following, .coming: d = Anchorer.weekday(wd, shift == .last || shift == .previous ? .last : .next, from: dct)
            case .this: d = direction < 0 ? dct.adding(days: -back) : dct.adding(days: fwd)
            case .bare, .that:
                if let speechDay, direction > 0 {
                    d = Anchorer.weekday(wd, .next, from: speechDay)
                    steps.append("the first \(wd) after the day it was said, \(speechDay)")
                } else if back == 0 {
                    d = dct
                    steps.append("names the publication weekday")
                } else if direction == 0 && (lead == .deadline || tense == .present && !ownsHappening) {
                    // "given until Monday", "the vote is on Thursday": the nearer Monday, before or after
                    d = fwd < back ? dct.adding(days: fwd) : dct.adding(days: -back)
                } else {
                    d = direction > 0 ? dct.adding(days: fwd) : dct.adding(days: -back)
                }
                if let act = actDay, d < act {
                    let after = Anchorer.weekday(wd, .next, from: act)
                    steps.append("\(Anchorer.actStep) \(act): \(wd) after it → \(after)")
                    return .day(after)
                }
                if let s = storyWeekday(wd, picked: d) {
                    steps.append("\(Anchorer.storyStep) \(story!): \(wd) → \(s)")
                    return .day(s)
                }
            }
            steps.append("\(tensePhrase)\(tenseCue.map { " (cue '\($0)')" } ?? "") → \(d)")
            return .day(d)
        case .monthDay(let m, let d, let spec):
            let probe = { (y: Int) in CivilDate(year: y, month: m, day: min(d, CivilDate.daysIn(month: m, year: y)))! }
            var year = pickYear(spec, dct, probe)
            if spec == .implied, let y = storyYear(picked: year, probe) {
                steps.append("\(Anchorer.storyStep) \(story!): year \(y)")
                year = y
            } else {
                steps.append("year \(year) (\(tensePhrase)\(tenseCue.map { ", cue '\($0)'" } ?? ""))")
            }
            guard let date = CivilDate(year: year, month: m, day: d) else { return .month(year: year, month: m) }
            return .day(date)
        case .dayOfMonth(let d):
            if let ref = narrative, let start = ref.interval?.start, ref.grain <= .month,
               let date = CivilDate(year: start.year, month: start.month, day: d) {
                steps.append("day \(d) of the account's month")
                return .day(date)
            }
            var month = CivilDate(year: dct.year, month: dct.month, day: 1)!
            if direction < 0 && d > dct.day { month = month.adding(months: -1) }
            if direction > 0 && d < dct.day { month = month.adding(months: 1) }
            steps.append("day \(d) of the month of publication (\(tensePhrase))")
            guard let date = CivilDate(year: month.year, month: month.month, day: d) else { return .month(year: month.year, month: month.month) }
            return .day(date)
        case .dayOfShiftedMonth(let d, let k):
            let month = CivilDate(year: dct.year, month: dct.month, day: 1)!.adding(months: k)
            steps.append("day \(d) of the publication month, shifted \(k)")
            guard let date = CivilDate(year: month.year, month: month.month, day: d) else { return .month(year: month.year, month: month.month) }
            return .day(date)
        case .month(let m, let spec):
            if spec == .implied, let y = narrativeYear(month: m, dct) {
                steps.append("year \(y), the year of the account (narrative reference \(narrative!))")
                return .month(year: y, month: m)
            }
            let year = pickYear(spec, dct, sameUnit: dct.month == m) { y in CivilDate(year: y, month: m, day: 15)! }
            if spec == .implied, let y = storyYear(picked: year, { CivilDate(year: $0, month: m, day: CivilDate.daysIn(month: m, year: $0))! }) {
                steps.append("\(Anchorer.storyStep) \(story!): year \(y)")
                return .month(year: y, month: m)
            }
            steps.append("year \(year) (\(tensePhrase)\(tenseCue.map { ", cue '\($0)'" } ?? ""))")
            return .month(year: year, month: m)
        case .season(let season, let spec):
            let start = Self.seasonStartMonth(season)
            let current = Self.season(of: dct)
            var year = pickYear(spec, dct, sameUnit: current.0 == season) { y in CivilDate(year: y, month: start, day: 15)! }
            if spec == .implied, let y = storyYear(picked: year, { TimexValue.season(year: $0, season).interval!.end }) {
                steps.append("\(Anchorer.storyStep) \(story!): year \(y)")
                return .season(year: y, season)
            }
            // A winter is written with the year it starts in ("Winter 2024-25" is 2024-WI): in January and
            // February the winter under way, and the ones counted from it, began the year before.
            if season == .winter {
                switch spec {
                case .current, .previous, .following, .implied: if current == (.winter, dct.year - 1) { year -= 1 }
                case .account:
                    if let d = narrative?.interval?.start, d.month <= 2 { year = d.year - 1 }
                case .stated, .shifted: break
                }
            }
            return .season(year: year, season)
        case .holiday(let h, let spec):
            let cycle = h.cycle.map { Holiday.cycleYears(around: dct.year, $0) }
            var year = pickYear(spec, dct, only: cycle) { y in h.date(in: y) }
            if spec == .implied, let y = storyYear(picked: year, { h.date(in: $0) }), h.occurs(in: y) {
                steps.append("\(Anchorer.storyStep) \(story!): year \(y)")
                year = y
            }
            steps.append("\(h.rawValue) of \(year)")
            return .day(h.date(in: year))
        case .quarter(let q, let spec):
            return .quarter(year: quarterYear(spec, dct, q, perYear: 4), quarter: q)
        case .half(let h, let spec):
            return .half(year: quarterYear(spec, dct, (dct.month - 1) / 6 + 1 < h ? 3 : 1, perYear: 4), half: h)
        case .currentPeriod:
            if let ref = reportingPeriod, ref.grain == .quarter {
                steps.append("the quarter of the account, \(ref)")
                return ref
            }
            // "a review is scheduled for the end of the quarter": ahead, the quarter under way
            if direction > 0 {
                steps.append("the quarter under way (\(tensePhrase))")
                return shifted(.quarter, 0, from: dct)
            }
            steps.append("the last completed quarter")
            return shifted(.quarter, -1, from: dct)
        case .twoDigitYear(let yy):
            // the past tense looks back, the future ahead; with neither, the century nearer the publication
            let years = [1900 + yy, 2000 + yy]
            let year = switch direction {
            case ..<0: years.last { $0 <= dct.year } ?? years[0]
            case 1...: years.first { $0 >= dct.year } ?? years[1]
            default: years.min { abs($0 - dct.year) < abs($1 - dct.year) }!
            }
            steps.append("'\(TimexFormat.two(yy)) → \(year) (\(tensePhrase))")
            return .year(year)
        case .accountYear:
            if let ref = reportingPeriod, ref.grain == .quarter || ref.grain == .half, let start = ref.interval?.start,
               start.year < dct.year {
                steps.append("the year of the reported period \(ref)")
                return .year(start.year)
            }
            steps.append("the year of the publication date")
            return .year(dct.year)
        case .shift(let unit, let k):
            steps.append("the \(unit.rawValue) of the publication date, shifted \(k)")
            return shifted(unit, k, from: dct)
        case .periodOfYear(let y):
            if let ref = reportingPeriod, case .quarter(_, let q) = ref { return .quarter(year: y, quarter: q) }
            return .year(y)
        case .periodYearBefore:
            if let ref = reportingPeriod, ref.grain == .quarter || ref.grain == .half || ref.grain == .month || ref.grain == .year {
                steps.append("the narrative period \(ref) a year back")
                return moved(.year, -1, from: ref)
            }
            steps.append("the last reported quarter, a year back")
            return shifted(.quarter, -5, from: dct)
        case .sameUnitInYear(let unit, let spec):
            let same = anchorNarrative(unit, 0, grain: true)
            steps += same.steps
            guard let from = same.value.interval?.start.year else { return same.value }
            let year = switch spec {
            case .stated(let y): y
            case .shifted(let k): from + k
            default: from
            }
            steps.append("that \(unit.rawValue) in \(year)")
            if case .week = same.value { return moved(.year, year - from, from: same.value) }
            return RangeOrder.shifted(same.value, year - from) ?? same.value
        case .offset(let unit, let n, let sign):
            guard let n else { return .reference(sign < 0 ? .past : .future) }
            if unit == .hour || unit == .minute { return clockOffset(unit, n, sign: sign, dct, &steps) }
            // "a year ago" in a report about a quarter or month: that period a year back ("41 years ago" is not a comparison)
            if unit == .year, n == 1, let ref = reportingPeriod,
               ref.grain == .month || comparesMoney && (ref.grain == .quarter || ref.grain == .half) {
                steps.append("\(n) year(s) back from the narrative period \(ref)")
                return moved(.year, sign * n, from: ref)
            }
            steps.append("\(n) \(unit.rawValue)(s) \(sign < 0 ? "before" : "after") the publication date")
            return moved(unit, sign * n, from: .day(dct))
        case .narrative(let unit, let n):
            return anchorNarrative(unit, n).value
        case .narrativeUnit(let unit, let n):
            return anchorNarrative(unit, n, grain: true).value
        case .yearEnd(let spec, let day):
            // the end of the publication year unless the sentence looks back
            let y = spec == .implied && tense != .past ? dct.year : pickYear(spec, dct) { CivilDate(year: $0, month: 12, day: 31)! }
            return day ? .day(CivilDate(year: y, month: 12, day: 31)!) : .year(y)
        case .anaphor:
            // the `Resolver` takes these from the story
            steps.append("a date of the story, not of the publication")
            return .underspecified("XXXX-XX-XX")
        case .decadeOfCentury(let tens, let over):
            var decade = (dct.year / 100) * 10 + tens
            if decade * 10 > dct.year || over && decade * 10 + 9 >= dct.year { decade -= 10 }
            return .decade(decade)
        case .overnight:
            // "Snow will fall overnight": the coming night
            if tense == .future {
                steps.append("the night of publication (future-tense sentence)")
                return .partOfDay(dct, .night)
            }
            steps.append("the night before publication")
            return .partOfDay(dct.adding(days: -1), .night)
        case .recentWeekend:
            // the weekend just gone (this one when published on it), the coming one in a future-tense sentence
            let week = dct.isoWeek
            if tense == .future || direction > 0 { return .weekend(dct.weekday == .sunday ? week.adding(weeks: 1) : week) }
            return .weekend(dct.weekday.isWeekend ? week : week.adding(weeks: -1))
        case .quarterEnding(let inner, let number?):
            let v = resolve(inner, dct, &steps)
            guard var last = v.day else { return v }
            // a numbered quarter told of outside the future has closed: its last day is not ahead
            if tense != .future, dct < last, let before = CivilDate(year: last.year - 1, month: last.month, day: last.day) {
                last = before
            }
            steps.append("quarter \(number) as the report numbers it, closed by \(last)")
            return .quarter(year: last.year, quarter: number)
        case .quarterEnding(let inner, nil):
            // the account's own (fiscal) quarter when it named one: "the fiscal first quarter … the quarter ended Sept. 30"
            if let ref = reportingPeriod, ref.grain == .quarter {
                steps.append("the quarter of the account, \(ref)")
                return ref
            }
            let v = resolve(inner, dct, &steps)
            guard let last = v.day else { return v }
            let middle = last.adding(days: -45)
            steps.append("the quarter closed by \(last)")
            return .quarter(year: middle.year, quarter: middle.quarter)
        case .weekOf(let inner):
            let v = resolve(inner, dct, &steps)
            return v.day.map { .week($0.isoWeek) } ?? v
        case .weekendOf(let inner):
            let v = resolve(inner, dct, &steps)
            return v.day.map { .weekend($0.isoWeek) } ?? v
        case .movedBy(let inner, let unit, let n):
            let v = resolve(inner, dct, &steps)
            guard let day = v.day else { return v }
            let target: CivilDate
            switch unit {
            case .year: target = day.adding(years: n)
            case .month: target = day.adding(months: n)
            case .fortnight: target = day.adding(days: 14 * n)
            case .week: target = day.adding(days: 7 * n)
            case .day: target = day.adding(days: n)
            default: return v
            }
            steps.append("\(day), moved \(n > 0 ? "+" : "")\(n) \(unit.rawValue)(s) → \(target)")
            if case .partOfDay(_, let part) = v { return .partOfDay(target, part) }
            return .day(target)
        case .weekOfMonth(let inner, let n, let weekend):
            let v = resolve(inner, dct, &steps)
            // a week is the month's when its Thursday is (as ISO weeks are years'), a weekend when its Saturday is
            let key: Weekday = weekend ? .saturday : .thursday
            guard let day = Self.weekday(key, n, of: v) else { return v }
            steps.append("\(weekend ? "weekend" : "week") \(n < 0 ? "last" : String(n)) of \(v): the one of \(key) \(day)")
            return weekend ? .weekend(day.isoWeek) : .week(day.isoWeek)
        case .weekdayOfMonth(let inner, let n, let wd):
            let v = resolve(inner, dct, &steps)
            guard let day = Self.weekday(wd, n, of: v) else { return v }
            steps.append("\(wd) \(n < 0 ? "last" : String(n)) of \(v) → \(day)")
            return .day(day)
        case .yearOf(let inner):
            let v = resolve(inner, dct, &steps)
            return v.day.map { .year($0.year) } ?? v
        case .monthOf(let inner):
            let v = resolve(inner, dct, &steps)
            return v.day.map { .month(year: $0.year, month: $0.month) } ?? v
        case .partOfDay(let inner, let part):
            let v = resolve(inner, dct, &steps)
            guard let day = v.day else { return v }
            return .partOfDay(day, part)
        case .clock(let inner, let h, let m):
            // a time with no day belongs to the day of the account when there is one, unless the
            // sentence tells of the past and that day is still ahead ("will meet Monday. The fire broke out at 3 a.m.")
            let accountDay = narrative?.day.flatMap { tense == .past && $0 > dct ? nil : $0 }
            let v = inner.map { resolve($0, dct, &steps) } ?? accountDay.map { TimexValue.day($0) } ?? .day(dct)
            guard let day = v.day else { return v }
            // "Russia struck Kyiv overnight … shortly after 1am": the small hours end the account's night
            if inner == nil, h < 6, case .partOfDay(let night, .night)? = narrative, night == day, accountDay != nil {
                steps.append("the small hours after the account's night \(night)")
                return .time(night.adding(days: 1), hour: h, minute: m)
            }
            if inner == nil, accountDay != nil, let next = dayAfterLateClock(h, day, dct) {
                steps.append("the small hours after the account's evening clock time → \(next)")
                return .time(next, hour: h, minute: m)
            }
            // "the attack took place just after midnight": the midnight gone, which ends the day before
            if h == 24, inner == nil, accountDay == nil, tense == .past {
                steps.append("midnight in a past-tense sentence: the one that began the publication day")
                return .time(day.adding(days: -1), hour: 24, minute: m)
            }
            if h == 24 { return .time(day, hour: 24, minute: m) }
            return .time(day, hour: h, minute: m)
        }
    }

    /// The `n`th `wd` of the month `v` (-1: the last), or nil when `v` is no month or the month has no such day.
    static func weekday(_ wd: Weekday, _ n: Int, of v: TimexValue) -> CivilDate? {
        guard case .month(let y, let m) = v, let first = CivilDate(year: y, month: m, day: 1) else { return nil }
        var day = first.adding(days: (wd.rawValue - first.weekday.rawValue + 7) % 7).adding(days: 7 * (n - 1))
        if n < 0 {
            let last = CivilDate(year: y, month: m, day: CivilDate.daysIn(month: m, year: y))!
            day = last.adding(days: -((last.weekday.rawValue - wd.rawValue + 7) % 7))
        }
        return day.month == m ? day : nil
    }

    /// A TIMEX3 form with unknown digits for a relative value that has no anchor.
    private func unresolvedForm(_ e: Extracted) -> String {
        switch e {
        case .monthDay(let m, let d, _): "XXXX-\(TimexFormat.two(m))-\(TimexFormat.two(d))"
        case .month(let m, _): "XXXX-\(TimexFormat.two(m))"
        case .dayOfMonth(let d), .dayOfShiftedMonth(let d, _): "XXXX-XX-\(TimexFormat.two(d))"
        case .weekday(let wd, _): "XXXX-WXX-\(wd.rawValue)"
        case .season(let s, _): "XXXX-\(s.rawValue)"
        case .quarter(let q, _): "XXXX-Q\(q)"
        case .half(let h, _): "XXXX-H\(h)"
        case .partOfDay(let inner, let p): unresolvedForm(inner).prefix(10) + "T\(p.rawValue)"
        case .shift(.week, _), .offset(.week, _, _): "XXXX-WXX"
        case .shift(.month, _), .offset(.month, _, _): "XXXX-XX"
        case .shift(.year, _), .offset(.year, _, _), .accountYear, .twoDigitYear: "XXXX"
        default: "XXXX-XX-XX"
        }
    }
}

extension TimexValue {
    /// The value at a coarser grain (a day → its ISO week).
    func coarsened(to grain: Grain) -> TimexValue {
        guard let d = day else { return self }
        switch grain {
        case .week: return .week(d.isoWeek)
        case .month: return .month(year: d.year, month: d.month)
        case .year: return .year(d.year)
        default: return self
        }
    }
}
