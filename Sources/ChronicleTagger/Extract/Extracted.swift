import ChronicleTime

/// Which year a month, season, quarter or holiday without a stated year belongs to.
enum YearSpec: Sendable, Equatable {
    /// Stated in the text.
    case stated(Int)
    /// Implied: chosen from the tense of the sentence and the publication date.
    case implied
    /// "last March": the latest one before the publication date's own.
    case previous
    /// "next March": the first one after the publication date's own.
    case following
    /// "this March": the one of the publication year.
    case current
    /// Shifted whole years from the publication year ("the year-ago quarter": -1).
    case shifted(Int)
    /// "that July", "that summer": the year of the account (the narrative reference), else as implied.
    case account
}

/// Whether a weekday name was shifted explicitly ("last Friday") or needs the tense.
enum WeekdayShift: Sendable, Equatable {
    /// "next Friday": the Friday of the week after the publication's; "coming Friday": the first one after it.
    case bare, last, next, this, coming
    /// "the previous Friday", "the following Monday": before/after the account's day (else the publication day).
    case previous, following
    /// "that Saturday": the one on or after the account's day (else read as a bare weekday).
    case that
}

/// A partly specified value as extraction finds it, before anchoring (extract, then anchor).
indirect enum Extracted: Sendable {
    /// The text states the whole value ("15 March 2025", "1990s").
    case stated(TimexValue)
    /// A day of a month; the year comes from `YearSpec`.
    case monthDay(month: Int, day: Int, year: YearSpec)
    /// A day of the month with no month named ("on the 10th"): the account's month, else the
    /// publication month (or the one before/after, by tense).
    case dayOfMonth(Int)
    /// A day of the publication month shifted whole months ("the 28th of last month": day 28, -1).
    case dayOfShiftedMonth(Int, months: Int)
    /// A whole month; the year comes from `YearSpec`.
    case month(Int, year: YearSpec)
    case weekday(Weekday, WeekdayShift)
    /// Days from the publication date ("yesterday").
    case dayOffset(Int)
    /// The unit containing the publication date, shifted ("last week" = week, -1).
    case shift(TimeUnit, Int)
    /// The publication date moved back/forward by an amount, at that unit's grain ("three weeks ago").
    case offset(TimeUnit, Int?, sign: Int)
    /// The narrative reference time moved by an amount ("two days later", "a year earlier").
    case narrative(TimeUnit, Int?)
    /// The unit holding the narrative reference time, shifted ("the following year", "that day",
    /// "the previous week", "earlier in the year"): a value at the unit's grain.
    case narrativeUnit(TimeUnit, Int)
    case quarter(Int, year: YearSpec)
    case half(Int, year: YearSpec)
    case season(Season, year: YearSpec)
    case holiday(Holiday, year: YearSpec)
    case partOfDay(Extracted, PartOfDay)
    /// A decade named by its tens digit ("the nineties"), in the latest century that has it by the publication date.
    /// `over`: a decade named as an era ("the swinging sixties", "the Roaring Twenties") is one already over.
    case decadeOfCentury(Int, over: Bool)
    /// "the weekend", "over the weekend": the one just gone unless the sentence looks forward.
    case recentWeekend
    /// "overnight": the night before publication, or before the account's day when a past-tense
    /// sentence tells of an earlier day ("Shares closed lower Friday … after overnight losses in New York").
    case overnight
    /// The ISO week holding a day ("the week of March 6").
    case weekOf(Extracted)
    /// The `n`th ISO week of a month, counting the weeks whose Thursday falls in it (as ISO weeks belong to
    /// years), or its `n`th weekend, counting Saturdays; -1 is the last ("the first week of April", "the last
    /// weekend of December").
    case weekOfMonth(Extracted, Int, weekend: Bool)
    /// The `n`th given weekday of a month, -1 the last ("the first Monday in October", "the last Thursday of November").
    case weekdayOfMonth(Extracted, Int, Weekday)
    /// The year holding a day ("the new year": the year New Year's Day opens).
    case yearOf(Extracted)
    /// The month holding a day ("sixty years ago this month": the month of the publication day sixty years back).
    case monthOf(Extracted)
    /// The weekend of the ISO week holding a day ("the weekend of March 8", "the weekend of 12-13 July").
    case weekendOf(Extracted)
    /// A day moved by whole units, keeping its part of day ("the day after Christmas", "a year ago today",
    /// "ten years ago tonight", "a week ago Sunday", "a week from Friday").
    case movedBy(Extracted, TimeUnit, Int)
    /// The (fiscal) quarter a day closes ("the quarter ended July 31"): the calendar quarter
    /// holding most of the three months before it; with the number the report gives it ("the second quarter
    /// ended Oct. 31"), that quarter of the closing day's year, as TimeBank writes fiscal quarters.
    case quarterEnding(Extracted, number: Int?)
    /// A clock time on a day (nil day: the publication day).
    case clock(Extracted?, hour: Int, minute: Int?)
    /// A value TimeML leaves underspecified, kept as written ("XXXX-WXX-5", "PXY").
    case fixed(String)
    /// The same reporting period a year before ("the year-ago quarter"): the narrative quarter
    /// moved back a year, or the quarter before the publication quarter a year back.
    case periodYearBefore
    /// "the quarter": the quarter the account is about, else the last completed one.
    case currentPeriod
    /// "the year", "the full year": the year of the quarter the account reports when that is a year before the
    /// publication's ("Fourth-quarter profit rose 8%. For the year, …" in January), else the publication year.
    case accountYear
    /// "in '42", "mid-'93": a year written with two digits; the tense chooses its century when it is anchored.
    case twoDigitYear(Int)
    /// The account's reporting period in a stated year ("the 1988 period").
    case periodOfYear(Int)
    /// The day, week or month of the account in another year ("the same month last year": `.shifted(-1)`,
    /// "the same week of 1988": `.stated(1988)`).
    case sameUnitInYear(TimeUnit, YearSpec)
    /// The end of a year: its last day as an adjective ("year-end", "year-end results"), the year
    /// itself with mod END as a noun ("by year end", "by year's end", like "the end of the year").
    case yearEnd(YearSpec, day: Bool)
    /// A date the story gave earlier, pointed back to ("Oct. 12, the day before the plunge", "the day after his
    /// death", "until then"): the `Resolver` takes it from the account, or drops the expression when there is none.
    case anaphor(Anaphor)
}

/// What an anaphoric expression points back to.
enum Anaphor: Sendable, Equatable {
    /// "Oct. 12, the day before the stock market plunge": the date right before the comma.
    case apposed
    /// "the day after his death": the day the story gave the happening named at token `word`, moved `n` units.
    case happening(TimeUnit, Int, word: Int)
    /// "until then", "by then": the account's last date, named in the same sentence or the one before.
    case then
}

/// The name of the rule that produced a candidate, shown in traces and corpus files.
enum RuleName: String, Sendable {
    case isoDate = "iso-date"
    case absoluteDate = "absolute-date"
    case monthName = "month"
    case year = "year"
    case weekday = "weekday"
    case relativeDay = "relative-day"
    case relativeUnit = "relative-unit"
    case offset = "ago"
    case narrative = "narrative"
    case duration = "duration"
    case clockTime = "clock-time"
    case partOfDay = "part-of-day"
    case reference = "reference"
    case quarter = "quarter"
    case season = "season"
    case holiday = "holiday"
    case decade = "decade"
    case set = "set"
    case range = "range"
}

/// One match of a rule: a token span, its partly specified value, type and modifier.
struct Candidate: Sendable {
    /// First token and the token after the last one.
    var first: Int
    var end: Int
    var value: Extracted
    var type: TimexType
    var mod: TimexMod?
    var rule: RuleName
    /// A line for the trace: what the rule saw.
    var note: String
    /// A SET's TimeML quantifier and frequency ("every Tuesday": EVERY; "twice a week": 2X).
    var quant: SetQuantifier?
    var freq: Int?

    init(_ first: Int, _ end: Int, _ value: Extracted, _ type: TimexType = .date, mod: TimexMod? = nil,
         rule: RuleName, note: String = "") {
        self.first = first
        self.end = end
        self.value = value
        self.type = type
        self.mod = mod
        self.rule = rule
        self.note = note
    }
}
