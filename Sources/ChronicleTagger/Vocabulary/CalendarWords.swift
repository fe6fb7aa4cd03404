import ChronicleTime

/// Month names and their abbreviations: the table drives both matching and the month number.
enum MonthWords {
    static let table: [(String, Int, Bool)] = {
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"]
        var out: [(String, Int, Bool)] = full.enumerated().map { ($0.element, $0.offset + 1, false) }
        let short: [(String, Int)] = [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
                                      ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)]
        out += short.map { ($0.0, $0.1, true) }
        return out
    }()

    /// Months whose names are also common English words; alone they need a date cue.
    static func isAmbiguous(spelling: String) -> Bool {
        spelling == "may" || spelling == "march" || spelling == "mar" || spelling == "dec" || spelling == "jan"
    }
}

/// Weekday names, abbreviations and plurals ("Fridays" is a set).
enum WeekdayWords {
    static let table: [(String, Weekday, Bool)] = {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        var out: [(String, Weekday, Bool)] = []
        for (i, name) in names.enumerated() {
            let day = Weekday(rawValue: i + 1)!
            out.append((name, day, false))
            out.append((name + "s", day, true))
        }
        let short: [(String, Int)] = [("mon", 1), ("tues", 2), ("tue", 2), ("wed", 3), ("thurs", 4), ("thu", 4),
                                      ("fri", 5)]
        out += short.map { ($0.0, Weekday(rawValue: $0.1)!, false) }
        return out
    }()
}

/// Season names.
enum SeasonWords {
    static let table: [(String, Season)] = [
        ("spring", .spring), ("summer", .summer), ("fall", .fall), ("autumn", .fall), ("winter", .winter),
    ]

    /// Capitalised nouns that make a capitalised season part of an event's name ("the last Summer Games",
    /// "the next Winter Olympics"), not a season.
    static let eventNouns: Set<String> = ["games", "olympics", "olympic", "paralympics", "paralympic", "universiade",
                                          "festival", "solstice"]
}

/// Words naming a part of the day, with the TimeML part they stand for.
enum PartOfDayWord: Sendable {
    case morning, afternoon, evening, night, noon, midnight, dawn, day

    static let table: [(String, PartOfDayWord)] = [
        ("morning", .morning), ("afternoon", .afternoon), ("evening", .evening), ("night", .night),
        ("noon", .noon), ("midday", .noon), ("midnight", .midnight), ("dawn", .dawn), ("daybreak", .dawn),
        ("overnight", .night), ("tonight", .night), ("nightfall", .evening), ("dusk", .evening),
        ("mornings", .morning), ("afternoons", .afternoon), ("evenings", .evening), ("nights", .night),
    ]

    var part: PartOfDay {
        switch self {
        case .morning, .dawn: .morning
        case .afternoon: .afternoon
        case .evening: .evening
        case .night, .midnight: .night
        case .noon: .midday
        case .day: .daytime
        }
    }
}

/// Calendar and clock units, singular and plural.
enum TimeUnit: String, Sendable, CaseIterable {
    case second, minute, hour, day, week, weekend, fortnight, month, quarter, season, year, decade, century, millennium

    static let table: [(String, TimeUnit, Bool)] = {
        var out: [(String, TimeUnit, Bool)] = []
        for u in TimeUnit.allCases {
            out.append((u.rawValue, u, false))
            out.append((u == .century ? "centuries" : u == .millennium ? "millennia" : u.rawValue + "s", u, true))
        }
        out += [("hr", .hour, false), ("hrs", .hour, true), ("min", .minute, false), ("mins", .minute, true),
                ("yr", .year, false), ("yrs", .year, true), ("sec", .second, false), ("secs", .second, true)]
        return out
    }()

    /// The unit of a TIMEX3 duration (a weekend lasts two days, a fortnight two weeks; TimeBank
    /// writes decades and centuries in years and quarters as `Q`).
    var durationUnit: (TimexDuration.Unit, Double) {
        switch self {
        case .second: (.second, 1)
        case .minute: (.minute, 1)
        case .hour: (.hour, 1)
        case .day: (.day, 1)
        case .week: (.week, 1)
        case .weekend: (.day, 2)
        case .fortnight: (.week, 2)
        case .month: (.month, 1)
        case .quarter: (.quarter, 1)
        case .season: (.month, 3)
        case .year: (.year, 1)
        case .decade: (.year, 10)
        case .century: (.year, 100)
        case .millennium: (.millennium, 1)
        }
    }

    /// The unit of a duration with no amount: vague centuries keep their unit ("centuries" → `PXC`, as TimeBank
    /// writes them, like "millennia" `PXL`), where counted ones are written in years ("two centuries" `P200Y`);
    /// "decades" stays in years (TimeBank: "decades-long" `PXY`).
    var vagueDurationUnit: TimexDuration.Unit { self == .century ? .century : durationUnit.0 }

    var isClockUnit: Bool { self == .second || self == .minute || self == .hour }

    /// The grain of a calendar value one unit long.
    var grain: Grain {
        switch self {
        case .second, .minute: .minute
        case .hour: .hour
        case .day: .day
        case .weekend: .weekend
        case .week, .fortnight: .week
        case .month: .month
        case .season: .season
        case .quarter: .quarter
        case .year: .year
        case .decade: .decade
        case .century, .millennium: .century
        }
    }
}
