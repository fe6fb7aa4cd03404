/// `TimexValue` is stored as one short tagged string (`d739325` for a day, `w2025:11` for a week …)
/// rather than the nested containers synthesized coding would write: build caches hold millions
/// of values, and a string is one read. Exact for every case (an amount keeps its bits), so a
/// value decodes to itself; the switch is exhaustive, so a new case cannot be forgotten.
extension TimexValue {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = TimexValue(stored: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a stored TIMEX3 value: \(text)")
        }
        self = value
    }

    /// The value as one short tagged string (what the cache stores).
    public var stored: String {
        switch self {
        case .day(let d): return "d\(d.dayNumber)"
        case .time(let d, let h, let m): return "t\(d.dayNumber):\(h):\(m.map(String.init) ?? "-")"
        case .partOfDay(let d, let p): return "p\(d.dayNumber):\(p.rawValue)"
        case .week(let w): return "w\(w.year):\(w.week)"
        case .weekend(let w): return "e\(w.year):\(w.week)"
        case .month(let y, let m): return "m\(y):\(m)"
        case .season(let y, let s): return "s\(y):\(s.rawValue)"
        case .quarter(let y, let q): return "q\(y):\(q)"
        case .half(let y, let h): return "h\(y):\(h)"
        case .year(let y): return "y\(y)"
        case .decade(let d): return "c\(d)"
        case .century(let c): return "C\(c)"
        case .reference(let r): return "r\(r.rawValue)"
        case .duration(let d):
            return "D" + d.components.map { c in "\(c.amount.map { String($0.bitPattern, radix: 16) } ?? "-"):\(c.unit.rawValue)" }
                .joined(separator: ",")
        case .underspecified(let s): return "u\(s)"
        }
    }

    public init?(stored text: String) {
        guard let tag = text.first else { return nil }
        let rest = String(text.dropFirst())
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func int(_ i: Int) -> Int? { parts.indices.contains(i) ? Int(parts[i]) : nil }
        switch tag {
        case "d": guard let n = int(0), parts.count == 1 else { return nil }; self = .day(CivilDate(dayNumber: n))
        case "t":
            guard parts.count == 3, let n = int(0), let h = int(1) else { return nil }
            let minute = parts[2] == "-" ? nil : Int(parts[2])
            guard parts[2] == "-" || minute != nil else { return nil }
            self = .time(CivilDate(dayNumber: n), hour: h, minute: minute)
        case "p":
            guard parts.count == 2, let n = int(0), let p = PartOfDay(rawValue: parts[1]) else { return nil }
            self = .partOfDay(CivilDate(dayNumber: n), p)
        case "w", "e":
            guard parts.count == 2, let y = int(0), let w = int(1) else { return nil }
            self = tag == "w" ? .week(ISOWeek(year: y, week: w)) : .weekend(ISOWeek(year: y, week: w))
        case "m": guard parts.count == 2, let y = int(0), let m = int(1) else { return nil }; self = .month(year: y, month: m)
        case "s":
            guard parts.count == 2, let y = int(0), let s = Season(rawValue: parts[1]) else { return nil }
            self = .season(year: y, s)
        case "q": guard parts.count == 2, let y = int(0), let q = int(1) else { return nil }; self = .quarter(year: y, quarter: q)
        case "h": guard parts.count == 2, let y = int(0), let h = int(1) else { return nil }; self = .half(year: y, half: h)
        case "y": guard parts.count == 1, let y = int(0) else { return nil }; self = .year(y)
        case "c": guard parts.count == 1, let d = int(0) else { return nil }; self = .decade(d)
        case "C": guard parts.count == 1, let c = int(0) else { return nil }; self = .century(c)
        case "r": guard let r = TemporalReference(rawValue: rest) else { return nil }; self = .reference(r)
        case "D":
            var components: [TimexDuration.Component] = []
            for item in rest.split(separator: ",") {
                let pair = item.split(separator: ":", omittingEmptySubsequences: false)
                guard pair.count == 2, let unit = TimexDuration.Unit(rawValue: String(pair[1])) else { return nil }
                if pair[0] == "-" {
                    components.append(.init(nil, unit))
                } else {
                    guard let bits = UInt64(pair[0], radix: 16) else { return nil }
                    components.append(.init(Double(bitPattern: bits), unit))
                }
            }
            self = .duration(TimexDuration(components))
        case "u": self = .underspecified(rest)
        default: return nil
        }
    }
}
