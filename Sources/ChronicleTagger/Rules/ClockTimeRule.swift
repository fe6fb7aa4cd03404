import ChronicleTime

/// Clock times: "2pm", "2 p.m.", "10:30", "10:30 a.m. EST", "noon", "midnight", "2pm UK time",
/// and a day right after them ("10 p.m. Wednesday", "noon Thursday").
enum ClockTimeRule {
    /// The tokens a match can start at: the tables and keywords the rule reads at its first token.
    static let firstToken = FirstToken(digits: true, readings: [.partOfDay, .number])

    /// Zone words that may follow a clock time and belong to the expression.
    static let zoneWords = ZoneWords.abbreviations

    static func match(_ s: TokenStream, _ i: Int, _ out: inout [Candidate]) {
        var hour: Int
        var minute: Int?
        var j: Int
        if let info = s.info(i), let part = info.partOfDay, part == .noon || part == .midnight {
            if s.isWord(i - 1) && s.isKeyword(i - 1, .the) { return }  // "the midnight sun"
            if s.isSpelled(i - 1, "high") { return }  // "High Noon", "high noon comes today": the showdown
            hour = part == .noon ? 12 : 24
            minute = 0
            j = i + 1
        } else if let h = s.number(i, maxDigits: 2), h <= 24, !s.isGluedPunct(i - 1, 0x2E), !s.isGluedPunct(i - 1, 0x3A),
                  !s.isGluedPunct(i - 1, 0x24) {
            hour = h
            j = i + 1
            if s.isGluedPunct(j, 0x3A), let m = s.number(j + 1, maxDigits: 2), s.tokens[j + 1].digits == 2, m < 60,
               s.glued(j + 1) {
                minute = m
                j += 2
                if s.isGluedPunct(j, 0x3A) && s.isNumber(j + 1) {
                    j += 2  // seconds
                    // "finished in 2:18:45": a race time, unless a meridiem or a zone makes it a clock reading
                    guard meridiem(s, j) != nil || zone(s, j) > j else { return }
                }
            } else if s.isGluedPunct(j, 0x2E), let m = s.number(j + 1, maxDigits: 2), s.tokens[j + 1].digits == 2,
                      m < 60, s.glued(j + 1), meridiem(s, j + 2) != nil || s.has(j + 2) && s.isWord(j + 2) && s.tokens[j + 2].allCaps
                        && zoneWords.contains(s.lowerWord(j + 2)) {
                minute = m  // "10.30pm", "10.02 GMT"
                j += 2
            }
            if let (pm, end) = meridiem(s, j) {
                guard hour >= 1 && hour <= 12 else { return }
                hour = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour)
                minute = minute ?? 0
                j = end
            } else if s.isSpelled(j, "o"), s.isPunct(j + 1, 0x27), s.isSpelled(j + 2, "clock") {
                minute = minute ?? 0
                j += 3
            } else if minute == nil, let (h, end) = hourOfPart(s, i, hour: hour) {
                hour = h  // "at 4 in the morning"
                minute = 0
                j = end
            } else if minute == nil {
                return
            } else if s.isGluedPunct(i - 1, 0x2D) || s.isPunct(j, 0x2D) && s.isNumber(j + 1) {
                return  // "3:2-1" scores
            }
        } else if let hhmm = s.number(i), s.tokens[i].digits == 4, hhmm % 100 < 60, hhmm / 100 < 24,
                  s.isWord(i + 1), zoneWords.contains(s.lowerWord(i + 1)) || s.isKeyword(i + 2, .time) && s.isKeyword(i + 1, .local) {
            // "0900 GMT", "1430 local time"
            hour = hhmm / 100
            minute = hhmm % 100
            j = i + 1
        } else if let n = s.info(i)?.number, n >= 1, n <= 12, s.isSpelled(i + 1, "o"), s.isPunct(i + 2, 0x27),
                  s.isSpelled(i + 3, "clock") {
            hour = n
            minute = 0
            j = i + 4
        } else if let n = s.info(i)?.number, let (h, end) = hourOfPart(s, i, hour: n) {
            hour = h  // "at four in the afternoon"
            minute = 0
            j = end
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
        // "10 p.m. Wednesday", "noon Thursday", "2pm yesterday"
        var day: Extracted?
        var end = j
        // "5 p.m. EST, Nov. 6"
        if s.isPunct(j, 0x2C), s.info(j + 1)?.month ?? 0 > 0 || s.info(j + 1)?.weekday != nil { j += 1 }
        if let info = s.info(j), !s.glued(j) {
            if let wd = info.weekday, !info.weekdayPlural, s.capitalized(j) {
                day = .weekday(wd, .bare)
                end = j + 1
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
    static func hourOfPart(_ s: TokenStream, _ i: Int, hour: Int) -> (Int, Int)? {
        guard hour >= 1, hour <= 12, s.isKeyword(i - 1, .at, .until, .by, .around) else { return nil }
        let k: Int
        if s.isKeyword(i + 1, .in), s.isKeyword(i + 2, .the) { k = i + 3 }
        else if s.isKeyword(i + 1, .at), s.isSpelled(i + 2, "night") { k = i + 2 }
        else { return nil }
        guard let part = s.info(k)?.partOfDay, !(s.info(k)?.unitPlural ?? false) else { return nil }
        switch part {
        case .morning, .dawn: return (hour == 12 ? 0 : hour, k + 1)
        case .afternoon, .evening: return (hour == 12 ? 12 : hour + 12, k + 1)
        case .night: return (hour == 12 ? 24 : hour >= 6 ? hour + 12 : hour, k + 1)
        default: return nil
        }
    }

    /// "pm", "p.m.", "PM", "a.m.": returns whether afternoon and the token after.
    static func meridiem(_ s: TokenStream, _ j: Int) -> (Bool, Int)? {
        if s.isKeyword(j, .pm) || s.isKeyword(j, .am) {
            return (s.isKeyword(j, .pm), afterFullStop(s, j + 1))
        }
        if (s.isSpelled(j, "p") || s.isSpelled(j, "a")), s.isGluedPunct(j + 1, 0x2E), s.isSpelled(j + 2, "m"), s.glued(j + 2) {
            return (s.isSpelled(j, "p"), afterFullStop(s, j + 3))
        }
        return nil
    }

    /// The end of a meridiem at `end`, past its full stop ("pm.", "p.m.") unless that stop also ends the
    /// sentence: it stays in when a day, a zone or a place's clock follows, or the sentence goes on.
    private static func afterFullStop(_ s: TokenStream, _ end: Int) -> Int {
        guard s.isGluedPunct(end, 0x2E) else { return end }
        let next = s.info(end + 1)
        let dayFollows = next?.weekday != nil || next?.month ?? 0 > 0 || next?.dayOffset != nil
            || s.isWord(end + 1) && zoneWords.contains(s.lowerWord(end + 1)) || placeTime(s, end + 1) != nil
        return dayFollows || !s.sentenceBreak(before: end + 1) ? end + 1 : end
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
