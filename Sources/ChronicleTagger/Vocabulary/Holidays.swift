import ChronicleTime

/// Named holidays: the head word that triggers the rule, the words that must follow it,
/// and how to compute the day in a given year.
enum Holiday: String, CaseIterable, Sendable {
    case christmas, christmasEve, easter, goodFriday, thanksgiving, halloween, newYearsDay, newYearsEve
    case independenceDay, laborDay, labourDay, memorialDay, valentinesDay, boxingDay, veteransDay, electionDay
    case stPatricksDay, easterMonday, ashWednesday, bastilleDay, remembranceDay, armisticeDay, mayDay
    case palmSunday, shroveTuesday, motheringSunday, aprilFoolsDay, bonfireNight, burnsNight, hogmanay
    case orthodoxChristmas, orthodoxEaster, remembranceSunday, anzacDay, juneteenth, blackFriday, cyberMonday
    case columbusDay, superTuesday, inaugurationDay

    /// Every spelling of the name as lower-case words ("'" for an apostrophe, "s" after it); the first
    /// word triggers the rule. The longest spelling that matches wins ("Easter Sunday" over "Easter").
    var names: [[String]] {
        switch self {
        case .christmas: [["christmas"], ["christmas", "day"]]
        case .christmasEve: [["christmas", "eve"]]
        case .easter: [["easter"], ["easter", "day"], ["easter", "sunday"]]
        case .goodFriday: [["good", "friday"]]
        case .thanksgiving: [["thanksgiving"], ["thanksgiving", "day"]]
        case .halloween: [["halloween"]]
        // "before New Year's": the day, as "New Year's Day" ("New Year's Eve" is longer, and wins)
        case .newYearsDay: [["new", "year", "'", "s", "day"], ["new", "year", "'", "s"]]
        case .newYearsEve: [["new", "year", "'", "s", "eve"]]
        case .independenceDay: [["independence", "day"], ["fourth", "of", "july"]]
        case .laborDay: [["labor", "day"]]
        case .labourDay: [["labour", "day"]]
        case .memorialDay: [["memorial", "day"]]
        case .valentinesDay: [["valentine", "'", "s", "day"]]
        case .boxingDay: [["boxing", "day"]]
        case .veteransDay: [["veterans", "day"]]
        case .electionDay: [["election", "day"]]
        case .stPatricksDay: [["st", "patrick", "'", "s", "day"]]
        case .easterMonday: [["easter", "monday"]]
        case .ashWednesday: [["ash", "wednesday"]]
        case .bastilleDay: [["bastille", "day"]]
        case .remembranceDay: [["remembrance", "day"]]
        case .armisticeDay: [["armistice", "day"]]
        case .mayDay: [["may", "day"]]
        case .palmSunday: [["palm", "sunday"]]
        case .shroveTuesday: [["shrove", "tuesday"], ["pancake", "day"]]
        // "Mother's Day" is left out: the British one (Mothering Sunday) and the American one fall on different days
        case .motheringSunday: [["mothering", "sunday"]]
        case .aprilFoolsDay: [["april", "fools", "'", "day"], ["april", "fool", "'", "s", "day"], ["april", "fools", "day"]]
        case .bonfireNight: [["bonfire", "night"], ["guy", "fawkes", "night"]]
        case .burnsNight: [["burns", "night"]]
        case .hogmanay: [["hogmanay"]]
        case .orthodoxChristmas: [["orthodox", "christmas"], ["orthodox", "christmas", "day"]]
        case .orthodoxEaster: [["orthodox", "easter"], ["orthodox", "easter", "sunday"]]
        case .remembranceSunday: [["remembrance", "sunday"]]
        case .anzacDay: [["anzac", "day"]]
        case .juneteenth: [["juneteenth"]]
        // the shopping days after Thanksgiving (as "Black Monday" of 1987 is a name, the weekday rule leaves these alone)
        case .blackFriday: [["black", "friday"]]
        case .cyberMonday: [["cyber", "monday"]]
        case .columbusDay: [["columbus", "day"]]
        // the US presidential cycle: the primaries' biggest day and the swearing-in (see `cycle`)
        case .superTuesday: [["super", "tuesday"]]
        case .inaugurationDay: [["inauguration", "day"]]
        }
    }

    /// Every spelling by its first word, in case order: what the rule reads at a head word (built once).
    static let byHead: [String: [(Holiday, [String])]] = {
        var table: [String: [(Holiday, [String])]] = [:]
        for h in allCases { for name in h.names { table[name[0], default: []].append((h, name)) } }
        return table
    }()

    /// The words that can start a holiday's name (the triggers in the lexicon).
    static let headWords: Set<String> = Set(allCases.flatMap { $0.names.map { $0[0] } })

    /// Words that, following the name, show it is not the holiday ("Easter Island").
    static let falseFriendFollowers: Set<String> = ["island", "islands", "rising", "bowl", "parade", "tree", "trees",
                                                     "card", "cards", "egg", "eggs", "bunny", "party", "resolution",
                                                     "resolutions", "honours", "honors", "list"]

    /// The month and day of a holiday that keeps its date every year; nil for Easter's and the nth-weekday ones.
    var fixedDay: (month: Int, day: Int)? {
        switch self {
        case .christmas: (12, 25)
        case .christmasEve: (12, 24)
        case .boxingDay: (12, 26)
        case .halloween: (10, 31)
        case .newYearsDay: (1, 1)
        case .newYearsEve, .hogmanay: (12, 31)
        case .independenceDay: (7, 4)
        case .valentinesDay: (2, 14)
        case .veteransDay, .remembranceDay, .armisticeDay: (11, 11)
        case .labourDay, .mayDay: (5, 1)
        case .stPatricksDay: (3, 17)
        case .bastilleDay: (7, 14)
        case .aprilFoolsDay: (4, 1)
        case .bonfireNight: (11, 5)
        case .burnsNight: (1, 25)
        case .anzacDay: (4, 25)
        case .juneteenth: (6, 19)
        case .inaugurationDay: (1, 20)
        // Julian 25 December: 7 January of the Gregorian calendar from 1901 to 2100
        case .orthodoxChristmas: (1, 7)
        case .easter, .goodFriday, .easterMonday, .ashWednesday, .palmSunday, .shroveTuesday, .motheringSunday,
             .orthodoxEaster, .thanksgiving, .laborDay, .memorialDay, .electionDay, .remembranceSunday, .blackFriday,
             .cyberMonday, .columbusDay, .superTuesday: nil
        }
    }

    func date(in year: Int) -> CivilDate {
        if let (month, day) = fixedDay { return CivilDate(year: year, month: month, day: day)! }
        switch self {
        case .easter: return Holiday.easterSunday(year)
        case .goodFriday: return Holiday.easterSunday(year).adding(days: -2)
        case .easterMonday: return Holiday.easterSunday(year).adding(days: 1)
        case .ashWednesday: return Holiday.easterSunday(year).adding(days: -46)
        case .palmSunday: return Holiday.easterSunday(year).adding(days: -7)
        case .shroveTuesday: return Holiday.easterSunday(year).adding(days: -47)
        case .motheringSunday: return Holiday.easterSunday(year).adding(days: -21)
        case .orthodoxEaster: return Holiday.orthodoxEasterSunday(year)
        case .thanksgiving: return Holiday.nth(4, .thursday, month: 11, year: year)
        case .blackFriday: return Holiday.nth(4, .thursday, month: 11, year: year).adding(days: 1)
        case .cyberMonday: return Holiday.nth(4, .thursday, month: 11, year: year).adding(days: 4)
        case .laborDay: return Holiday.nth(1, .monday, month: 9, year: year)
        case .columbusDay: return Holiday.nth(2, .monday, month: 10, year: year)
        // the first Tuesday of March, as in every cycle since 2012 (2008's fell on 5 February)
        case .superTuesday: return Holiday.nth(1, .tuesday, month: 3, year: year)
        case .memorialDay:
            let lastDay = CivilDate(year: year, month: 5, day: 31)!
            return lastDay.adding(days: -((lastDay.weekday.rawValue - Weekday.monday.rawValue + 7) % 7))
        case .electionDay: return Holiday.nth(1, .monday, month: 11, year: year).adding(days: 1)
        // the second Sunday of November
        case .remembranceSunday: return Holiday.nth(2, .sunday, month: 11, year: year)
        default: preconditionFailure("\(self) has a fixed day")
        }
    }

    /// Holidays that come only every few years: the length of the cycle and the remainder of their
    /// years. Super Tuesday falls in a presidential election year (divisible by four), Inauguration
    /// Day on 20 January of the year after one.
    var cycle: (years: Int, phase: Int)? {
        switch self {
        case .superTuesday: (4, 0)
        case .inaugurationDay: (4, 1)
        default: nil
        }
    }

    /// Whether the holiday falls in `year` (every year but for those of a `cycle`).
    func occurs(in year: Int) -> Bool {
        guard let (n, phase) = cycle else { return true }
        return ((year - phase) % n + n) % n == 0
    }

    /// The years of `cycle` around `year`: the one at or before it, and one cycle either side.
    static func cycleYears(around year: Int, _ cycle: (years: Int, phase: Int)) -> [Int] {
        let back = year - ((year - cycle.phase) % cycle.years + cycle.years) % cycle.years
        return [back - cycle.years, back, back + cycle.years]
    }

    /// Easter Sunday (Gregorian, anonymous algorithm of Meeus/Jones/Butcher).
    static func easterSunday(_ y: Int) -> CivilDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: y, month: month, day: day)!
    }

    /// Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar by the
    /// century gap between the two (13 days from 1900 to 2099).
    static func orthodoxEasterSunday(_ y: Int) -> CivilDate {
        let a = y % 4, b = y % 7, c = y % 19
        let d = (19 * c + 15) % 30
        let e = (2 * a + 4 * b - d + 34) % 7
        let month = (d + e + 114) / 31
        let day = (d + e + 114) % 31 + 1
        let gap = y / 100 - y / 400 - 2
        return CivilDate(year: y, month: month, day: day)!.adding(days: gap)
    }

    static func nth(_ n: Int, _ weekday: Weekday, month: Int, year: Int) -> CivilDate {
        let first = CivilDate(year: year, month: month, day: 1)!
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }
}
