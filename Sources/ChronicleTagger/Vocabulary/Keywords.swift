/// Function words the rules look for around temporal heads: determiners, shifts, prepositions,
/// approximators and boundary words.
enum Keyword: String, CaseIterable, Sendable {
    case the, this, that, these, those, last, next, past, coming, previous, following, same, current, latest
    case ago, earlier, later, before, after, since, until, till, by, through, from, to, between, and, or, of
    case `in`, on, at, during, over, within, `for`, under, around, about, nearly, almost, approximately, roughly
    case some, more, less, than, fewer, up, least, most, few, several, many, couple, half, a, an, every, each
    case per, early, late, mid, end, beginning, start, middle, fiscal, ended, ending, prior, recent
    case full, entire, whole, another, calendar, ahead, just, once, twice, upcoming, period, again, no, not
    case local, time, clock, am, pm, dozens, hundreds
    case preceding, subsequent, remaining, rest, straight, consecutive, successive, lately
    case long, still, into, throughout, then, when, `while`, hence, `as`, comparable, other, first, final, latter, midweek
}

/// Other spellings of keywords: British "financial year" is the fiscal year.
enum KeywordSynonyms {
    static let table: [(String, Keyword)] = [("financial", .fiscal)]
}

/// Days named relative to the publication date, with their offset and implied part of day.
enum RelativeDayWord {
    static let table: [(String, Int, PartOfDayWord?)] = [
        ("today", 0, nil), ("yesterday", -1, nil), ("tomorrow", 1, nil), ("tonight", 0, .night),
        ("overnight", 0, .night),
    ]
}

/// Vague references to the present, past and future (TimeML `PRESENT_REF` …).
enum ReferenceWord: String, CaseIterable, Sendable {
    case now, currently, current, recently, recent, previously, formerly, soon, future, past, nowadays
    case presently, lately, once, hitherto, meanwhile
}

/// Adverbs of frequency, each a TIMEX3 set ("daily" → `P1D`).
enum FrequencyWord: String, CaseIterable, Sendable {
    case daily, weekly, monthly, yearly, annually, hourly, nightly, biweekly, fortnightly, biannually, semiannually

    var period: (Double, TimeUnit) {
        switch self {
        case .daily, .nightly: (1, .day)
        case .weekly: (1, .week)
        case .biweekly, .fortnightly: (2, .week)
        case .monthly: (1, .month)
        case .yearly, .annually: (1, .year)
        case .biannually, .semiannually: (6, .month)
        case .hourly: (1, .hour)
        }
    }
}
