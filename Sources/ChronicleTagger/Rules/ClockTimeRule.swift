import ChronicleTime

/// Clock times: "2pm", "2 p.m.", "10:30", "10:30 a.m. EST", "noon", "midnight", "2pm UK time",
/// and a day right after them ("10 p.m. Wednesday", "noon Thursday").
enum ClockTimeRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(digits: true, readings: [.partOfDay, .number], keywords: [.half], spellings: ["quarter"])

    /// Zone words that may follow a clock time and belong to the expression.
    static let zoneWords = ZoneWords.abbreviations

    /// "left", "remaining", "to play", "to go" at `j`: what follows the time still on a game's clock
    /// ("with 2:04 left in the second quarter"); the token after them.
    static func gameClockEnd(_ s: TokenStream, _ j: Int) -> Int? {
        if s.isSpelled(j, "left") || s.isSpelled(j, "remaining") { return j + 1 }
        return s.isKeyword(j, .to) && (s.isSpelled(j + 1, "play") || s.isSpelled(j + 1, "go")) ? j + 2 : nil
    }

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        var hour: Int
        var minute: Int?
        var j: Int
        // "pm", "in the morning": the hour is already on the 24-hour clock
        var halfDayStated = false
        if s.isKeyword(i + 1, .past, .to), spoken(s, i, &out) { return }
        if let info = s.info(i), let part = info.partOfDay, part == .noon || part == .midnight {
            if s.isWord(i - 1) && s.isKeyword(i - 1, .the) { return }  // "the midnight sun"
            if s.isSpelled(i - 1, "high") { return }  // "High Noon", "high noon comes today": the showdown
            hour = part == .noon ? 12 : 24
            minute = 0
            j = i + 1
            halfDayStated = true
        } else if let h = s.number(i, maxDigits: 2), h <= 24, !gluedAfter(s, i, 0x2E), !gluedAfter(s, i, 0x3A),
                  !gluedAfter(s, i, 0x24) {
            hour = h
            j = i + 1
            if s.isGluedPunct(j, 0x3A), let m = s.number(j + 1, maxDigits: 2), s.tokens[j + 1].digits == 2, m < 60,
               s.glued(j + 1) {
                minute = m
                j += 2
                // "ran 3:48.68", "a lap of 1:23.456": minutes, seconds and hundredths of a race, not a clock
                if s.isGluedPunct(j, 0x2E) && s.isNumber(j + 1) && s.glued(j + 1) { return }
                if s.isGluedPunct(j, 0x3A) && s.isNumber(j + 1) {
                    j += 2  // seconds
                    // "finished in 2:18:45": a race time, unless a meridiem or a zone makes it a clock reading
                    guard meridiem(s, j) != nil || zone(s, j) > j else { return }
                }
            } else if s.isGluedPunct(j, 0x2E), let m = s.number(j + 1, maxDigits: 2), s.tokens[j + 1].digits == 2,
                      m < 60, s.glued(j + 1), meridiem(s, j + 2) != nil || s.has(j + 2) && s.isWord(j + 2) && s.tokens[j + 2].allCaps
                        && zoneWords.contains(s.lowerWord(j + 2)) || afterAt(s, i) && evening(dayPart(s, j + 2, bare: true)?.1) {
                minute = m  // "10.30pm", "10.02 GMT", "at 7.45 tonight"
                j += 2
            }
            if let (pm, end) = meridiem(s, j) {
                guard hour >= 1 && hour <= 12 else { return }
                hour = hourOf(pm: pm, hour)
                minute = minute ?? 0
                j = end
                halfDayStated = true
            } else if s.isSpelled(j, "o"), s.isPunct(j + 1, 0x27), s.isSpelled(j + 2, "clock") {
                minute = minute ?? 0
                j += 3
            } else if minute == nil, let (h, end) = hourOfPart(s, i, hour: hour) {
                hour = h  // "at 4 in the morning"
                minute = 0
                j = end
                halfDayStated = true
            } else if minute == nil, hour >= 1, hour <= 12, afterAt(s, i), dayPart(s, j, bare: true) != nil || partBefore(s, i) != nil {
                minute = 0  // "at 3 this afternoon", "tonight at 11": the part of the day named sets the clock
            } else if minute == nil {
                return
            } else if s.isGluedPunct(i - 1, 0x2D) || s.isPunct(j, 0x2D) && s.isNumber(j + 1) {
                return  // "3:2-1" scores
            } else if gameClockEnd(s, j) != nil {
                return  // "with 2:04 left", "with 1:54 to play": the clock of a game, counting down
            }
        } else if let hhmm = s.number(i), s.tokens[i].digits == 4, hhmm % 100 < 60, hhmm / 100 < 24,
                  s.isWord(i + 1), zoneWords.contains(s.lowerWord(i + 1)) || s.isKeyword(i + 2, .time) && s.isKeyword(i + 1, .local) {
            // "0900 GMT", "1430 local time"
            hour = hhmm / 100
            minute = hhmm % 100
            j = i + 1
        } else if isMilitaryTime(s, i), let hhmm = s.number(i) {
            hour = hhmm / 100
            minute = hhmm % 100
            j = i + 2
        } else if let n = s.info(i)?.number, n >= 1, n <= 12, s.isSpelled(i + 1, "o"), s.isPunct(i + 2, 0x27),
                  s.isSpelled(i + 3, "clock") {
            hour = n
            minute = 0
            j = i + 4
        } else if let n = s.info(i)?.number, let (h, end) = hourOfPart(s, i, hour: n) {
            hour = h  // "at four in the afternoon"
            minute = 0
            j = end
            halfDayStated = true
        } else if let n = s.info(i)?.number, n >= 1, n <= 12, afterAt(s, i), dayPart(s, i + 1, bare: true) != nil {
            hour = n  // "at nine tonight"
            minute = 0
            j = i + 1
        } else {
            return
        }
        j = zone(s, j)
        // "at 9am every Saturday": one recurring time, not a time of the publication day
        if s.isKeyword(j, .every, .each), let wd = s.info(j + 1)?.weekday, !(s.info(j + 1)?.weekdayPlural ?? true),
           s.capitalized(j + 1) {
            let at = "T\(TimexFormat.two(hour)):\(TimexFormat.two(minute ?? 0))"
            var c = Candidate(i, j + 2, .fixed("XXXX-WXX-\(wd.rawValue)\(at)"), .set, rule: .clockTime)
            c.quant = s.isKeyword(j, .every) ? .every : .each
            out.append(c)
            return
        }
        // "11am on Saturdays", "at 10am on weekends": a standing time of those days, not of the publication day
        if s.isKeyword(j, .on), let info = s.info(j + 1), !s.glued(j + 1),
           info.weekdayPlural && s.capitalized(j + 1) || info.unit == .weekend && info.unitPlural {
            let at = "T\(TimexFormat.two(hour)):\(TimexFormat.two(minute ?? 0))"
            let days = info.weekday.map { "\($0.rawValue)" } ?? "WE"
            out.append(Candidate(i, j + 2, .fixed("XXXX-WXX-\(days)\(at)"), .set, rule: .clockTime,
                                 note: "a clock time on recurring days"))
            return
        }
        // "10 p.m. Wednesday", "noon Thursday", "2pm yesterday"
        var day: Extracted?
        var end = j
        // "8:30 tonight", "6:15 tomorrow evening", "9 on Saturday night": the day, and the half of the clock
        if let (d, part, partEnd) = dayPart(s, j, bare: false) {
            var onDay = d
            if !halfDayStated, hour <= 12 {
                hour = hour == 12 && part == .night && minute ?? 0 > 0 ? 0 : hourOf(part, hour)
                // "at 2 tonight", "12:30 on Saturday night": the small hours after that night's midnight
                onDay = Self.day(d, part, hour: hour)
            }
            out.append(Candidate(i, partEnd, .clock(onDay, hour: hour, minute: minute), .time, rule: .clockTime,
                                 note: "a clock time on a part of a day"))
            return
        }
        // "tonight at 11", "Friday night at 9:30": the clock of the part of the day just before it
        if !halfDayStated, hour >= 1, hour <= 12, s.tokens[i].kind == .word || s.tokens[i].digits == 1 || s.tokens[i].digits == 2
            && s.bytes[Int(s.tokens[i].start)] != 0x30, let (d, part) = partBefore(s, i),
           part != .morning || hour != 12 {  // "this morning at 12:00 BST" is noon, as written
            hour = hourOf(part, hour)
            out.append(Candidate(i, j, .clock(Self.day(d, part, hour: hour), hour: hour, minute: minute ?? 0), .time, rule: .clockTime,
                                 note: "a clock time in the part of a day named before it"))
            return
        }
        // "10:24 p.m. (1424 GMT) on Friday": the day after the other zone's time belongs to both times
        if let d = dayAfterBracket(s, i, j) {
            out.append(Candidate(i, j, .clock(d, hour: hour, minute: minute), .time, rule: .clockTime,
                                 note: "the day named after the bracketed time"))
            return
        }
        // "5 p.m. EST, Nov. 6"
        if s.isPunct(j, 0x2C), s.info(j + 1)?.month ?? 0 > 0 || s.info(j + 1)?.weekday != nil { j += 1 }
        if let info = s.info(j), !s.glued(j) {
            if let wd = info.weekday, !info.weekdayPlural, s.capitalized(j) {
                day = .weekday(wd, .bare)
                end = j + 1
                // "noon Saturday, Feb. 23": the date written after the weekday
                var found: [Candidate] = []
                AbsoluteDateRule.match(s, j, &found)
                if let date = found.filter({ $0.first == j }).max(by: { $0.end < $1.end }), date.end > end {
                    day = date.value
                    end = date.end
                }
            } else if let offset = info.dayOffset, info.partOfDay == nil {
                day = .dayOffset(offset)
                end = j + 1
            } else if info.month > 0 {
                // "5 p.m. EST Nov. 9"
                var found: [Candidate] = []
                AbsoluteDateRule.match(s, j, &found)
                if let date = found.first(where: { $0.first == j }) {
                    switch date.value {
                    case .monthDay, .stated(.day):
                        day = date.value
                        end = date.end
                    default: break
                    }
                }
            }
        }
        out.append(Candidate(i, end, .clock(day, hour: hour, minute: minute), .time, rule: .clockTime))
    }

    /// "at 4 in the morning", "until ten at night": an hour 1…12 after "at"/"until"/"by"/"around",
    /// read on the clock of the part of the day that follows; returns the 24-hour hour and the token after.
    static func hourOfPart(_ s: TokenStream, _ i: Int, hour: Int, after spoken: Bool = false) -> (Int, Int)? {
        guard hour >= 1, hour <= 12, spoken || s.isKeyword(i - 1, .at, .until, .by, .around) else { return nil }
        let k: Int
        if s.isKeyword(i + 1, .in), s.isKeyword(i + 2, .the) { k = i + 3 }
        else if s.isKeyword(i + 1, .at), s.isSpelled(i + 2, "night") { k = i + 2 }
        else { return nil }
        guard let word = s.info(k)?.partOfDay, word != .midnight, !(s.info(k)?.unitPlural ?? false) else { return nil }
        let part = word.part
        guard part == .morning || part == .afternoon || part == .evening || part == .night else { return nil }
        return (hourOf(part, hour), k + 1)
    }

    /// An hour 1…12 with "am" or "pm" on the 24-hour clock.
    static func hourOf(pm: Bool, _ hour: Int) -> Int { pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour) }

    /// The day of an hour read on the clock of a part of day `d`: the small hours of a night ("at 2 tonight",
    /// "12:30 on Saturday night") come after that night's midnight.
    static func day(_ d: Extracted, _ part: PartOfDay, hour: Int) -> Extracted { part == .night && hour < 6 ? .movedBy(d, .day, 1) : d }

    /// An hour 1…12 read on the clock of a part of the day ("4 in the morning", "9 tonight", "3 this afternoon").
    static func hourOf(_ part: PartOfDay, _ hour: Int) -> Int {
        switch part {
        case .morning: hour == 12 ? 0 : hour
        case .afternoon, .evening: hour == 12 ? 12 : hour + 12
        case .night: hour == 12 ? 24 : hour >= 6 ? hour + 12 : hour
        default: hour
        }
    }

    /// "at 7.45 tonight", "at 7.30 tomorrow evening": only an evening or a night makes "7.45" a clock time
    /// ("the index was at 10.45 this morning" is a level).
    private static func evening(_ part: PartOfDay?) -> Bool {
        part == .evening || part == .night
    }

    /// "at 0400 hours", "0600 hours", "at 2300 hours Tuesday": four digits of a clock before "hours", with a
    /// leading zero or after "at" (not "1500 hours of talks", an amount).
    static func isMilitaryTime(_ s: TokenStream, _ i: Int) -> Bool {
        guard s.isNumber(i), s.tokens[i].digits == 4, s.isSpelled(i + 1, "hours"), let hhmm = s.number(i), hhmm % 100 < 60,
              hhmm / 100 < 24 else { return false }
        return (s.bytes[Int(s.tokens[i].start)] == 0x30 || afterAt(s, i)) && !s.isKeyword(i + 2, .of)
    }

    /// The number at `i` written onto `mark` ("2.5", "3:16", "$5"): part of another number or an amount. A full
    /// stop before a space ("Biden arrived. 5 p.m. ET: …", a live-blog entry) ends a sentence instead.
    private static func gluedAfter(_ s: TokenStream, _ i: Int, _ mark: UInt8) -> Bool {
        s.isGluedPunct(i - 1, mark) && s.glued(i)
    }

    /// "at", "until", "by", "around" before a bare hour: a clock reading, not an amount ("fell 7.45 this morning").
    private static func afterAt(_ s: TokenStream, _ i: Int) -> Bool {
        s.isKeyword(i - 1, .at, .until, .by, .around)
    }

    /// A part of a named day right after a clock time: "tonight", "this afternoon", "tomorrow evening",
    /// "last night", "Friday morning", "on Saturday night", "that night"; its day, its part and the token after it.
    /// After a `bare` hour a weekday needs "on" ("tied at 1 Saturday night" is a score).
    static func dayPart(_ s: TokenStream, _ j: Int, bare: Bool) -> (Extracted, PartOfDay, Int)? {
        let on = s.isKeyword(j, .on)
        let k = on ? j + 1 : j
        guard s.isWord(k), !s.glued(k) else { return nil }
        var found: [Candidate] = []
        if !on { RelativeDayRule.match(s, k, &found) }
        if on || !bare { WeekdayRule.match(s, k, &found) }
        // "9 o'clock that night", "at 3 a.m. the next morning": a part of the account's day
        if !on, s.isKeyword(k, .that, .the) { RelativeUnitRule.match(s, k, &found) }
        guard let c = found.filter({ $0.first == k }).max(by: { $0.end < $1.end }),
              case .partOfDay(let day, let part) = c.value,
              part == .morning || part == .afternoon || part == .evening || part == .night else { return nil }
        return (day, part, c.end)
    }

    /// Words after "a quarter to five" that make it an amount.
    private static let amountWords: Set<String> = ["percent", "hundred", "thousand", "million", "billion", "trillion",
                                                   "points", "cents", "dollars", "pounds", "euros", "people", "times"]

    /// Minute words of a spoken clock time before "past" ("ten past nine"; "to" only after "quarter": "five to six" is a range).
    private static let spokenMinutes: Set<Int> = [5, 10, 20, 25]

    /// Spoken clock times: "half past nine", "a quarter to six", "twenty past ten last night", "half past midnight";
    /// `i` is the minutes word, before "past" or "to". Appends the time and returns true when it matches.
    private static func spoken(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) -> Bool {
        let to = s.isKeyword(i + 1, .to)
        let minutes: Int
        if s.isKeyword(i, .half), !to { minutes = 30 }
        // "a quarter to six", "at quarter past ten" (not "raised its forecast for the quarter to seven cents")
        else if s.isSpelled(i, "quarter"), s.isKeyword(i - 1, .a) || afterAt(s, i) { minutes = 15 }
        else if !to, s.isWord(i), let n = s.info(i)?.number, spokenMinutes.contains(n) { minutes = n }
        else { return false }
        var hour: Int
        if let p = s.info(i + 2)?.partOfDay, p == .noon || p == .midnight, !s.glued(i + 2) {
            hour = p == .noon ? 12 : to ? 24 : 0
        } else if s.isWord(i + 2), let h = s.info(i + 2)?.number, h >= 1, h <= 12 {
            hour = h
        } else {
            return false
        }
        var j = i + 3
        // "cut its staff by a quarter to five thousand", "half past ten percent": an amount, not a clock
        if s.isWord(j), !s.glued(j), s.info(j)?.number != nil || s.info(j)?.unit != nil || amountWords.contains(s.lowerWord(j)) {
            return false
        }
        var day: Extracted?
        if let (pm, end) = meridiem(s, j) {
            hour = hourOf(pm: pm, hour)
            j = end
        } else if let (h, end) = hourOfPart(s, i + 2, hour: hour, after: true) {
            hour = h  // "half past four in the afternoon"
            j = end
        } else if let (d, part, end) = dayPart(s, j, bare: false) {
            hour = hourOf(part, hour)  // "twenty past ten last night"
            day = Self.day(d, part, hour: hour)
            j = end
        }
        let total = hour * 60 + (to ? -minutes : minutes)
        let first = s.isSpelled(i, "quarter") && s.isKeyword(i - 1, .a) ? i - 1 : i
        out.append(Candidate(first, j, .clock(day, hour: total / 60, minute: total % 60), .time, rule: .clockTime,
                             note: "a spoken clock time"))
        return true
    }

    /// A part of a named day right before "at" and the clock time at `i`: "tonight at 11", "this evening at 7",
    /// "Friday night at 9", "that night at 10"; its day and its part.
    private static func partBefore(_ s: TokenStream, _ i: Int) -> (Extracted, PartOfDay)? {
        guard s.isKeyword(i - 1, .at), let word = s.info(i - 2)?.partOfDay, !(s.info(i - 2)?.unitPlural ?? false),
              !s.lowerWord(i - 2).hasSuffix("s") else { return nil }
        let part = word.part
        guard word != .midnight, part == .morning || part == .afternoon || part == .evening || part == .night else { return nil }
        var found: [Candidate] = []
        for k in max(0, i - 4)...(i - 2) {
            RelativeDayRule.match(s, k, &found)
            WeekdayRule.match(s, k, &found)
            if s.isKeyword(k, .that, .the) { RelativeUnitRule.match(s, k, &found) }
        }
        guard let c = found.filter({ $0.end == i - 1 }).min(by: { $0.first < $1.first }),
              case .partOfDay(let day, let p) = c.value, p == part else { return nil }
        return (day, part)
    }

    /// The day named after a bracketed time in another zone: "10:24 p.m. (1424 GMT) on Friday" for the
    /// first time, and for the bracketed one ("(1424 GMT) on Friday"); `j` is the token after the time.
    private static func dayAfterBracket(_ s: TokenStream, _ i: Int, _ j: Int) -> Extracted? {
        var k: Int
        if s.isPunct(j, 0x29), s.isPunct(i - 1, 0x28) {
            k = j + 1
        } else if s.isPunct(j, 0x28) {
            k = j + 1
            while k < j + 8, s.has(k), !s.isPunct(k, 0x29), !s.isPunct(k, 0x28), !s.isPunct(k, 0x2E) || s.glued(k) { k += 1 }
            guard s.isPunct(k, 0x29), k > j + 1, s.isNumber(j + 1) else { return nil }
            k += 1
        } else {
            return nil
        }
        if s.isKeyword(k, .on) { k += 1 }
        if let info = s.info(k), let wd = info.weekday, !info.weekdayPlural, s.capitalized(k) { return .weekday(wd, .bare) }
        guard s.info(k)?.month ?? 0 > 0 else { return nil }
        var found: [Candidate] = []
        AbsoluteDateRule.match(s, k, &found)
        guard let date = found.first(where: { $0.first == k }) else { return nil }
        switch date.value {
        case .monthDay, .stated(.day): return date.value
        default: return nil
        }
    }

    /// "pm", "p.m.", "PM", "a.m.": returns whether afternoon and the token after.
    static func meridiem(_ s: TokenStream, _ j: Int) -> (Bool, Int)? {
        if s.isKeyword(j, .pm) || s.isKeyword(j, .am) {
            return (s.isKeyword(j, .pm), afterFullStop(s, j + 1, dotted: false))
        }
        if (s.isSpelled(j, "p") || s.isSpelled(j, "a")), s.isGluedPunct(j + 1, 0x2E), s.isSpelled(j + 2, "m"), s.glued(j + 2) {
            return (s.isSpelled(j, "p"), afterFullStop(s, j + 3, dotted: true))
        }
        return nil
    }

    /// The end of a meridiem at `end`, past its full stop ("pm.", "p.m.") unless that stop also ends the
    /// sentence: it stays in when a day, a zone or a place's clock follows, or the sentence goes on.
    /// Only the stop of "p.m." can be an abbreviation's: "3pm. Tomorrow …" ends there, and so does
    /// "10 p.m. Tomorrow …" (a day word inside the sentence is not capitalised; a weekday or a month always is).
    private static func afterFullStop(_ s: TokenStream, _ end: Int, dotted: Bool) -> Int {
        guard s.isGluedPunct(end, 0x2E) else { return end }
        guard s.sentenceBreak(before: end + 1) else { return end + 1 }
        guard dotted else { return end }
        let next = s.info(end + 1)
        let dayFollows = next?.weekday != nil || next?.month ?? 0 > 0
            || next?.dayOffset != nil && !(s.capitalized(end + 1) && !s.tokens[end + 1].allCaps)
            || s.isWord(end + 1) && zoneWords.contains(s.lowerWord(end + 1)) || placeTime(s, end + 1) != nil
        return dayFollows ? end + 1 : end
    }

    /// Skips a zone after a clock time: "GMT", "UK time", "local time", "New York time", "Eastern",
    /// ", New York City time," (the comma before "on DATE" is left out); "(1400 GMT)" is left alone.
    static func zone(_ s: TokenStream, _ j: Int) -> Int {
        if s.isWord(j), zoneWords.contains(s.lowerWord(j)), s.tokens[j].allCaps || s.capitalized(j) { return j + 1 }
        if s.isKeyword(j + 1, .time), s.isKeyword(j, .local) { return j + 2 }
        if let end = placeTime(s, j) { return end }
        if s.isPunct(j, 0x2C), let end = placeTime(s, j + 1), s.isKeyword(end - 1, .time) { return end }
        return j
    }

    /// "UK time", "New York time", "New York City time", "Brussels time", "Eastern Time", "Eastern Standard Time",
    /// or a bare region ("Eastern", "Pacific"): up to three capitalised words before "time"; the token after.
    static func placeTime(_ s: TokenStream, _ j: Int) -> Int? {
        var k = j
        while k < j + 3, s.isWord(k), s.capitalized(k), !s.glued(k), s.keyword(k) == nil, s.info(k)?.weekday == nil,
              (s.info(k)?.month ?? 0) == 0 {
            k += 1
        }
        guard k > j else { return nil }
        if s.isKeyword(k, .time), !s.glued(k) { return k + 1 }
        // "4:20 p.m. Eastern", not "9 a.m. Eastern Airlines"
        if k == j + 1, ZoneWords.regions.contains(s.lowerWord(j)) { return k }
        return nil
    }
}
