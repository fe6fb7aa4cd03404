import ChronicleTime

/// Years: "in 2022", "since 1990", "1988", "the year 2000", "in '89"; not amounts ("2000 tonnes",
/// "$1990"), phone numbers or parts of longer numbers.
enum YearRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(digits: true, readings: [.unit, .number], keywords: [.the, .in, .since, .of, .by, .until, .from, .mid])
    /// What can follow "the" where a match starts at "the".
    static let afterThe = FirstToken(apostrophe: true, readings: .unit, keywords: [.full, .entire, .whole])

    /// Words after a number that make it a count, not a year.
    static let countNouns: Set<String> = [
        "tonnes", "tons", "people", "troops", "soldiers", "miles", "kilometres", "kilometers", "km", "feet", "metres",
        "meters", "votes", "jobs", "workers", "shares", "points", "barrels", "cars", "homes", "houses", "students",
        "deaths", "cases", "members", "employees", "acres", "pounds", "dollars", "euros", "yen", "units", "rooms",
        "copies", "calories", "words", "pages", "percent", "kg", "mph", "seats", "hectares", "residents", "refugees",
        "patients", "children", "men", "women", "officers", "police", "marines", "casualties", "lb", "lbs", "ft",
    ]

    /// Verbs that take a year as their object ("Stocks ended 2025 higher", "began 2024 weakly"), alone or
    /// before "out"/"up"/"off" ("close out 2025", "wrapped up 2024", "kicked off 2026").
    static let periodVerbs: Set<String> = [
        "ended", "ends", "ending", "began", "begun", "begins", "beginning", "closed", "close", "closes", "closing",
        "finished", "finish", "finishes", "started", "starts", "start", "wrapped", "wrap", "rounded", "round", "kicked",
        "kick",
    ]
    /// Verbs that greet a new year ("Sydney welcomed 2023 with fireworks"); not before a noun ("welcomed 1990 guests").
    static let greetingVerbs: Set<String> = ["welcomed", "welcome", "welcomes", "welcoming", "greeted", "greet", "greets", "greeting"]
    /// Words after such a year that are no noun it counts ("welcomed 2023 with fireworks", "amid tight security").
    static let greetingFollowers: Set<String> = ["with", "amid", "as", "under", "despite", "without", "quietly", "early"]
    /// Particles between such a verb and its year.
    static let periodParticles: Set<String> = ["out", "up", "off"]

    /// Makers whose name after a year makes it a model year ("a 2019 Honda Civic", "Kopp's 1987 Chevrolet Cavalier"):
    /// part of the vehicle's name, not a date.
    static let vehicleMakes: Set<String> = [
        "chevrolet", "chevy", "ford", "honda", "toyota", "bmw", "vauxhall", "nissan", "volkswagen", "vw", "audi", "mercedes",
        "dodge", "jeep", "hyundai", "kia", "mazda", "subaru", "volvo", "peugeot", "renault", "fiat", "cadillac", "buick",
        "pontiac", "chrysler", "lexus", "tesla", "porsche", "ferrari", "jaguar", "mitsubishi", "oldsmobile", "plymouth",
        "skoda", "citroen", "gmc", "saab", "suzuki", "isuzu", "infiniti", "acura", "lamborghini", "maserati", "bentley",
    ]

    /// Possessive determiners that introduce a year used as an adjective ("its 1990 invasion").
    static let determiners = PronounWords.possessives.union(["whose", "these", "those"])

    /// "the year ended March 31", "the year that ended in March", "the year to May", "the fiscal year through
    /// June", "throughout the fiscal year": a year closed by a day, or gone through whole, is a twelve-month
    /// stretch (TimeBank: P1Y); "for the year" is the year of the account. `the` is the article, `k` the token
    /// after "year".
    static func isStretch(_ s: TokenStream, the: Int, after k: Int) -> Bool {
        s.isKeyword(k, .ended, .ending) || s.isKeyword(k, .that) && s.isKeyword(k + 1, .ended, .ending)
            || s.isKeyword(k, .to, .through) && DateParts.month(s, k + 1) != nil || s.isKeyword(the - 1, .throughout)
    }

    /// "grew 2.9 per cent on the year", "up 0.3% on the month": statistics copy for a change against the
    /// same period a year (a month) before, a comparison and not the year of publication. `on` is the
    /// token before "the"; a percentage or "points" ends right before it.
    static func isRateComparison(_ s: TokenStream, on: Int) -> Bool {
        guard s.isKeyword(on, .on), !s.isPossessive(on + 3), !s.isKeyword(on + 3, .of, .before, .earlier, .ago) else { return false }
        return s.isPunct(on - 1, 0x25) || s.isSpelled(on - 1, "cent") || s.isSpelled(on - 1, "percent") || s.isSpelled(on - 1, "points")
    }

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        if s.isKeyword(i, .the), s.info(i + 1)?.unit == .year, !(s.info(i + 1)?.unitPlural ?? true) {
            if let (y, end) = DateParts.yearSpan(s, i + 2) {
                out.append(Candidate(i, end, .stated(.year(y)), rule: .year))
            } else if isRateComparison(s, on: i - 1) {
                return
            } else {
                let lasting = isStretch(s, the: i, after: i + 2)
                // "2007 was the year of the iPhone": a year named by what happened in it, the one the
                // account is about, not the year of publication
                if s.isKeyword(i + 2, .of), !s.isNumber(i + 3), DateParts.yearSpan(s, i + 3) == nil {
                    out.append(Candidate(i, i + 2, .narrativeUnit(.year, 0), rule: .year, note: "the year of an event"))
                    return
                }
                out.append(Candidate(i, i + 2, lasting ? .stated(.duration(TimexDuration(1, .year))) : .accountYear,
                                     lasting ? .duration : .date, rule: .year))
            }
            return
        }
        // "year's end"
        if s.info(i)?.unit == .year, s.isPossessive(i + 1), s.isKeyword(i + 3, .end) {
            out.append(Candidate(i, i + 4, .yearEnd(.implied, day: false), mod: .end, rule: .year))
            return
        }
        // "the full year", "the whole year"
        if s.isKeyword(i, .the), s.isKeyword(i + 1, .full, .entire, .whole), s.info(i + 2)?.unit == .year,
           !(s.info(i + 2)?.unitPlural ?? true) {
            out.append(Candidate(i, i + 3, .accountYear, rule: .year))
            return
        }
        // "year-end", "year end"
        if s.info(i)?.unit == .year, !(s.info(i)?.unitPlural ?? true), s.isKeyword(i + (s.isGluedPunct(i + 1, 0x2D) ? 2 : 1), .end),
           !s.isKeyword(i - 1, .a, .an, .each, .every) {
            let hyphen = s.isGluedPunct(i + 1, 0x2D)
            let end = i + (hyphen ? 3 : 2)
            out.append(Candidate(i, end, .yearEnd(.implied, day: hyphen), mod: hyphen ? nil : .end, rule: .year))
            return
        }
        // "nineteen ninety-six", "two thousand"; a year named in two parts needs no cue ("Atlanta, nineteen ninety-six.")
        if let first = s.info(i)?.number, let (y, end) = DateParts.yearSpan(s, i), end > i + 1, !(s.info(end)?.unit != nil),
           hasYearCue(s, i) || first > 10 && first < 20 && y % 100 >= 10 && !(s.isWord(end) && !s.capitalized(end) && s.keyword(end) == nil) {
            if y == 2000 && !s.isKeyword(i - 1, .in, .since, .by, .until, .of) { return }
            out.append(Candidate(i, end, .stated(.year(y)), rule: .year))
            return
        }
        // "in '89", "the '92 convention"
        if s.isKeyword(i, .in, .since, .of, .by, .until, .from, .the), let y = DateParts.shortYear(s, i + 1) {
            out.append(Candidate(i + 1, i + 3, .twoDigitYear(y % 100), rule: .year))
            return
        }
        // "mid-'93"
        if s.isKeyword(i, .mid), s.isGluedPunct(i + 1, 0x2D), let y = DateParts.shortYear(s, i + 2), s.glued(i + 2) {
            out.append(Candidate(i, i + 4, .twoDigitYear(y % 100), mod: .mid, rule: .year))
            return
        }
        // "AD 79", "79 AD": a year of the first millennia, named by its era
        if let y = s.number(i, maxDigits: 4), y > 0, s.tokens[i].digits <= 4 {
            let before = s.isWord(i - 1) && s.tokens[i - 1].allCaps && s.isSpelled(i - 1, "ad") && !s.glued(i)
            let after = s.isWord(i + 1) && s.tokens[i + 1].allCaps && s.isSpelled(i + 1, "ad") && !s.glued(i + 1)
            if before || after {
                out.append(Candidate(before ? i - 1 : i, after ? i + 2 : i + 1, .stated(.year(y)), rule: .year, note: "a year of the era AD"))
                return
            }
            // "44 BC", "3000 BCE": a year before the era, as TIMEX3 writes it (`BC0044`); "Vancouver, BC" has no number
            if let end = beforeEra(s, i + 1) {
                out.append(Candidate(i, end, .fixed("BC" + TimexFormat.year(y)), rule: .year, note: "a year before the era"))
                return
            }
        }
        guard let y = DateParts.year(s, i), y >= 1200 else { return }
        if isCount(s, i) { return }
        // "1500 rounds": a bare number before a noun, with nothing that introduces a year ("below 1990 levels" has one)
        if !hasYearCue(s, i), s.isWord(i + 1), !s.capitalized(i + 1), s.keyword(i + 1) == nil,
           (s.info(i + 1)?.month ?? 0) == 0, !s.isSpelled(i + 1, "levels") {
            return
        }
        // "rose 12 points to 1996", "closed at 1998, up 23 points": an index level
        if s.isKeyword(i - 1, .to, .at), pointsNearby(s, i) { return }
        if y >= 2100 && !s.isKeyword(i - 1, .in, .by, .until, .since) { return }
        if isInName(s, i) { return }
        // "1989-90", "1990-1995": a range of years is two years here; the hyphen stays out.
        out.append(Candidate(i, i + 1, .stated(.year(y)), rule: .year))
        if let (last, end) = shortRangeEnd(s, i, year: y) {
            out.append(Candidate(i + 2, end, .stated(.year(last)), rule: .range, note: "the last year of a range"))
        }
    }

    /// "BC" or "BCE" at `k`, in capitals and apart from the number before it: the token after it.
    @inline(__always) static func beforeEra(_ s: TokenStream, _ k: Int) -> Int? {
        guard s.isWord(k), s.tokens[k].allCaps, !s.glued(k), s.isSpelled(k, "bc") || s.isSpelled(k, "bce") else { return nil }
        return k + 1
    }

    /// "1914-18", "the 2024-25 season", "1999-00": the last year of a range written with its last two digits, the
    /// first such year after `y`, and the token after it.
    static func shortRangeEnd(_ s: TokenStream, _ i: Int, year y: Int) -> (Int, Int)? {
        guard s.isGluedPunct(i + 1, 0x2D), s.glued(i + 2), s.isNumber(i + 2), s.tokens[i + 2].digits == 2, let yy = s.number(i + 2),
              !(s.isWord(i + 3) && s.glued(i + 3)), !s.isGluedPunct(i + 3, 0x2D), !s.isPunct(i + 3, 0x25) else { return nil }
        let last = y - y % 100 + yy
        return (last > y ? last : last + 100, i + 3)
    }

    /// The number is an amount or part of a code: currency before, a unit or "%" after, or digits
    /// around it (phone numbers, "020 7946 2025").
    static func isCount(_ s: TokenStream, _ i: Int) -> Bool {
        if s.isPunct(i - 1, 0x24) || s.isPunct(i - 1, 0x23) || s.has(i - 1) && s.tokens[i - 1].kind == .punct
            && s.tokens[i - 1].value >= 0x80 { return true }  // $ # £ €
        if s.isPunct(i + 1, 0x25) { return true }
        if s.isNumber(i - 1) || s.isNumber(i + 1) { return true }
        if (s.isPunct(i - 1, 0x2D) || s.isPunct(i - 1, 0x2F) || s.isPunct(i - 1, 0x2E)) && s.isNumber(i - 2)
            && s.tokens[i - 2].digits != 4 { return true }
        if (s.isPunct(i + 1, 0x2D) || s.isPunct(i + 1, 0x2F)) && s.isNumber(i + 2) && s.tokens[i + 2].digits != 4
            && s.tokens[i + 2].digits != 2 { return true }
        if s.isPunct(i + 1, 0x3A) && s.isNumber(i + 2) { return true }
        if s.isWord(i + 1), countNouns.contains(s.lowerWord(i + 1)) { return true }
        if s.isWord(i - 1), numberedNouns.contains(s.lowerWord(i - 1)) { return true }
        return false
    }

    /// Words before a number that make it a label, not a year ("Room 1215", "page 1984", "Resolution 1973").
    static let numberedNouns: Set<String> = ["no", "number", "room", "flight", "route", "resolution", "page", "pages",
                                             "pp", "chapter", "platform", "gate", "exhibit", "item", "bwv", "op"]

    /// "points" within a few words of the number at `i`, in its sentence: the number is a level of an index.
    static func pointsNearby(_ s: TokenStream, _ i: Int) -> Bool {
        func isPoints(_ k: Int) -> Bool { s.isSpelled(k, "points") || s.isSpelled(k, "point") }
        var k = i - 1
        while k >= max(0, i - 6), !s.sentenceBreak(before: k + 1) {
            if isPoints(k) { return true }
            k -= 1
        }
        k = i + 1
        while k <= i + 6, k < s.count, !s.sentenceBreak(before: k) {
            if isPoints(k) { return true }
            k += 1
        }
        return false
    }

    /// The number is part of a name: a model year before a maker ("a 2019 Honda Civic"), a number after a
    /// capitalised name inside a sentence ("Orion 1980", "Operation 2020", "the band The 1975"), or "The" and a
    /// number as the subject of a verb ("The 1975 will headline").
    static func isInName(_ s: TokenStream, _ i: Int) -> Bool {
        // "in 1990 Ford sold more cars": a preposition of dates keeps the year
        if s.isWord(i + 1), !s.glued(i + 1), vehicleMakes.contains(s.lowerWord(i + 1)),
           !s.isKeyword(i - 1, .in, .since, .by, .until, .from, .through, .during, .before, .after) { return true }
        guard s.isWord(i - 1), !s.glued(i), s.capitalized(i - 1), !s.tokens[i - 1].allCaps else { return false }
        // "Steve Jobs 1955-2011": a span of years after a name is a life, still dates
        if s.isGluedPunct(i + 1, 0x2D), s.isNumber(i + 2) { return false }
        if s.sentenceBreak(before: i - 1) {
            // "The 1975 will headline": a year is no subject of "will"
            return s.isKeyword(i - 1, .the) && s.isWord(i + 1) && s.info(i + 1)?.tense != nil
        }
        if s.isKeyword(i - 1, .the) { return true }  // "includes The 1975, Neil Young"
        if s.keyword(i - 1) != nil { return false }
        guard let before = s.info(i - 1) else { return true }
        return before.month == 0 && before.weekday == nil && before.season == nil && before.unit == nil && !before.isHolidayHead
            && before.dayOffset == nil && before.partOfDay == nil
    }

    /// The year is the object of a verb of beginning or ending ("ended 2025", "close out 2025") or of greeting.
    static func isPeriodObject(_ s: TokenStream, _ i: Int) -> Bool {
        // "ended 1500 contracts": an amount; years of the modern calendar only
        guard s.isWord(i - 1), (s.number(i) ?? 0) >= 1900 else { return false }
        let word = s.lowerWord(i - 1)
        if periodParticles.contains(word) { return s.isWord(i - 2) && periodVerbs.contains(s.lowerWord(i - 2)) }
        if greetingVerbs.contains(word) {
            return !(s.isWord(i + 1) && !s.capitalized(i + 1) && s.keyword(i + 1) == nil && !greetingFollowers.contains(s.lowerWord(i + 1)))
        }
        return periodVerbs.contains(word)
    }

    /// A preposition, determiner or punctuation in front that introduces a year ("in 1990", ", 1990").
    static func hasYearCue(_ s: TokenStream, _ i: Int) -> Bool {
        if s.sentenceBreak(before: i) { return true }
        if s.isPunct(i - 1, 0x2C) || s.isPunct(i - 1, 0x28) || s.isPunct(i - 1, 0x2D) { return true }
        switch s.keyword(i - 1) {
        case .in?, .since?, .of?, .by?, .until?, .till?, .from?, .through?, .before?, .after?, .during?, .early?,
             .late?, .mid?, .fiscal?, .to?, .and?, .between?, .the?, .for?, .at?, .on?, .or?, .calendar?, .end?, .a?,
             .an?, .that?, .this?:
            return true
        default:
            // "its 1990 invasion", "Navigation Mixte's 1989 profit", "his unsuccessful 1996 campaign"
            if s.isPossessive(i - 2) { return true }
            if isPeriodObject(s, i) { return true }
            if s.isWord(i - 1) && determiners.contains(s.lowerWord(i - 1)) { return true }
            return s.isWord(i - 1) && !s.capitalized(i - 1) && s.keyword(i - 1) == nil && s.info(i - 1)?.number == nil
                && s.info(i - 1)?.ordinal == nil && s.isWord(i - 2) && determiners.contains(s.lowerWord(i - 2))
        }
    }
}
