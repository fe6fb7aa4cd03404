import ChronicleTime

/// Named holidays: the head word that triggers the rule, the words that must follow it,
/// and how to compute the day in a given year.
enum Holiday: String, CaseIterable, Sendable {
    case christmas, christmasEve, easter, goodFriday, thanksgiving, halloween, newYearsDay, newYearsEve
    case independenceDay, laborDay, labourDay, memorialDay, valentinesDay, boxingDay, veteransDay, electionDay
    case stPatricksDay, easterMonday, ashWednesday, bastilleDay, remembranceDay, armisticeDay, mayDay

    /// First word of the name, lower-cased (the trigger in the lexicon).
    var headWord: String {
        switch self {
        case .christmas, .christmasEve: "christmas"
        case .easter: "easter"
        case .goodFriday: "good"
        case .thanksgiving: "thanksgiving"
        case .halloween: "halloween"
        case .newYearsDay, .newYearsEve: "new"
        case .independenceDay: "independence"
        case .laborDay: "labor"
        case .memorialDay: "memorial"
        case .valentinesDay: "valentine"
        case .boxingDay: "boxing"
        case .veteransDay: "veterans"
        case .electionDay: "election"
        case .labourDay: "labour"
        case .stPatricksDay: "st"
        case .easterMonday: "easter"
        case .ashWednesday: "ash"
        case .bastilleDay: "bastille"
        case .remembranceDay: "remembrance"
        case .armisticeDay: "armistice"
        case .mayDay: "may"
        }
    }

    /// Words after the head word, in order ("'s" written as "s" after an apostrophe); optional ones
    /// are listed in `optionalTail`.
    var tail: [String] {
        switch self {
        case .christmas, .easter, .thanksgiving, .halloween: []
        case .christmasEve: ["eve"]
        case .goodFriday: ["friday"]
        case .newYearsDay: ["year", "'", "s", "day"]
        case .newYearsEve: ["year", "'", "s", "eve"]
        case .independenceDay, .laborDay, .memorialDay, .boxingDay: ["day"]
        case .valentinesDay: ["'", "s", "day"]
        case .veteransDay, .electionDay, .labourDay, .bastilleDay, .remembranceDay, .armisticeDay, .mayDay: ["day"]
        case .stPatricksDay: ["patrick", "'", "s", "day"]
        case .easterMonday: ["monday"]
        case .ashWednesday: ["wednesday"]
        }
    }

    /// A trailing "Day" that may follow ("Thanksgiving Day", "Christmas Day").
    var optionalDay: Bool { self == .christmas || self == .thanksgiving || self == .easter }

    /// Words that, following the name, show it is not the holiday ("Easter Island").
    static let falseFriendFollowers: Set<String> = ["island", "islands", "rising", "bowl", "parade", "tree", "trees",
                                                     "card", "cards", "egg", "eggs", "bunny", "party"]

    func date(in year: Int) -> CivilDate {
        switch self {
        case .christmas: return CivilDate(year: year, month: 12, day: 25)!
        case .christmasEve: return CivilDate(year: year, month: 12, day: 24)!
        case .boxingDay: return CivilDate(year: year, month: 12, day: 26)!
        case .easter: return Holiday.easterSunday(year)
        case .goodFriday: return Holiday.easterSunday(year).adding(days: -2)
        case .thanksgiving: return Holiday.nth(4, .thursday, month: 11, year: year)
        case .halloween: return CivilDate(year: year, month: 10, day: 31)!
        case .newYearsDay: return CivilDate(year: year, month: 1, day: 1)!
        case .newYearsEve: return CivilDate(year: year, month: 12, day: 31)!
        case .independenceDay: return CivilDate(year: year, month: 7, day: 4)!
        case .laborDay: return Holiday.nth(1, .monday, month: 9, year: year)
        case .memorialDay:
            let lastDay = CivilDate(year: year, month: 5, day: 31)!
            return lastDay.adding(days: -((lastDay.weekday.rawValue - Weekday.monday.rawValue + 7) % 7))
        case .valentinesDay: return CivilDate(year: year, month: 2, day: 14)!
        case .veteransDay: return CivilDate(year: year, month: 11, day: 11)!
        case .electionDay: return Holiday.nth(1, .monday, month: 11, year: year).adding(days: 1)
        case .labourDay: return CivilDate(year: year, month: 5, day: 1)!
        case .stPatricksDay: return CivilDate(year: year, month: 3, day: 17)!
        case .easterMonday: return Holiday.easterSunday(year).adding(days: 1)
        case .ashWednesday: return Holiday.easterSunday(year).adding(days: -46)
        case .bastilleDay: return CivilDate(year: year, month: 7, day: 14)!
        case .remembranceDay, .armisticeDay: return CivilDate(year: year, month: 11, day: 11)!
        case .mayDay: return CivilDate(year: year, month: 5, day: 1)!
        }
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

    static func nth(_ n: Int, _ weekday: Weekday, month: Int, year: Int) -> CivilDate {
        let first = CivilDate(year: year, month: month, day: 1)!
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }
}
