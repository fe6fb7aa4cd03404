import Foundation

/// An IANA time zone named explicitly by an article or the site config.
///
/// Wraps the system's zone database; it is never the machine's own zone.
public struct Zone: Hashable, Sendable {
    public let identifier: String
    private let zone: TimeZone

    /// The zone, or nil when the name is not a known IANA zone.
    public init?(identifier: String) {
        guard !identifier.isEmpty, identifier.contains("/") || identifier == "UTC" || identifier == "GMT",
              let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = tz
    }

    public static let utc = Zone(identifier: "UTC")!

    /// Seconds east of UTC at the given instant (seconds since 1970).
    public func offset(atUnix seconds: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

extension Zone: Codable {
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let zone = Zone(identifier: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown time zone \(name)"))
        }
        self = zone
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}

/// When an article was published: the day in the article's own time zone, and the clock
/// time and offset when the front matter gave them.
public struct PublicationTime: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The publication day in the article's time zone: the anchor of every relative date.
    public let date: CivilDate
    /// Local hour and minute, when known.
    public let hour: Int?
    public let minute: Int?
    /// Seconds since 1970, when a time with an offset (or a zone) was known.
    public let instant: Int64?
    /// Offset from UTC at that moment, when known.
    public let offsetSeconds: Int?

    public init(date: CivilDate, hour: Int? = nil, minute: Int? = nil, instant: Int64? = nil, offsetSeconds: Int? = nil) {
        self.date = date
        self.hour = hour
        self.minute = minute
        self.instant = instant
        self.offsetSeconds = offsetSeconds
    }

    /// The reason a publication date could not be read.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self {
            case .malformed(let s):
                return "'\(s)' is not an ISO 8601 date (2025-03-15) or date-time with offset (2025-03-15T09:30:00+01:00)"
            }
        }
    }

    /// Parses `2025-03-15`, `2025-03-15T09:30`, `2025-03-15T09:30:00+01:00`, `…Z`, `2025-03-15 09:30:00 +0100`.
    ///
    /// A date-time with an offset is converted to `zone` when one is given (the article's
    /// own zone decides its calendar day); a naive date-time is taken as local to `zone`.
    public static func parse(_ raw: String, zone: Zone?) throws(ParseError) -> PublicationTime {
        let text = raw.trimmingHorizontalWhitespace
        let bytes = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= bytes.count else { return nil }
            var v = 0
            for k in 0..<n {
                let b = bytes[i + k]
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            i += n
            return v
        }
        func eat(_ c: UInt8) -> Bool {
            if i < bytes.count && bytes[i] == c { i += 1; return true }
            return false
        }
        guard let y = digits(4), eat(0x2D), let mo = digits(2), eat(0x2D), let d = digits(2),
              let day = CivilDate(year: y, month: mo, day: d) else { throw .malformed(raw) }
        if i == bytes.count { return PublicationTime(date: day) }
        guard eat(0x54) || eat(0x20) || eat(0x74), let h = digits(2), h < 24, eat(0x3A), let mi = digits(2), mi < 60 else {
            throw .malformed(raw)
        }
        var sec = 0
        if eat(0x3A) {
            guard let s = digits(2), s < 61 else { throw .malformed(raw) }
            sec = s
            if eat(0x2E) || eat(0x2C) {
                while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 { i += 1 }
            }
        }
        _ = eat(0x20)
        var offset: Int?
        if eat(0x5A) || eat(0x7A) {
            offset = 0
        } else if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D {
            let sign = bytes[i] == 0x2D ? -1 : 1
            i += 1
            guard let oh = digits(2) else { throw .malformed(raw) }
            _ = eat(0x3A)
            let om = digits(2) ?? 0
            offset = sign * (oh * 3600 + om * 60)
        }
        guard i == bytes.count else { throw .malformed(raw) }
        let localSeconds = Int64(day.dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + sec)
        guard let offset else {
            // A naive time: local to the article's zone when there is one.
            guard let zone else { return PublicationTime(date: day, hour: h, minute: mi) }
            let guess = localSeconds - Int64(zone.offset(atUnix: localSeconds))
            let off = zone.offset(atUnix: guess)
            return PublicationTime(date: day, hour: h, minute: mi, instant: localSeconds - Int64(off), offsetSeconds: off)
        }
        let instant = localSeconds - Int64(offset)
        guard let zone else {
            return PublicationTime(date: day, hour: h, minute: mi, instant: instant, offsetSeconds: offset)
        }
        let zoneOffset = zone.offset(atUnix: instant)
        let local = instant + Int64(zoneOffset)
        let localDay = CivilDate(dayNumber: Int(floorDiv(local, 86_400)))
        let secondOfDay = Int(local - Int64(localDay.dayNumber) * 86_400)
        return PublicationTime(date: localDay, hour: secondOfDay / 3600, minute: (secondOfDay % 3600) / 60,
                               instant: instant, offsetSeconds: zoneOffset)
    }

    /// RFC 3339 form for feeds: the full instant when known, else midnight UTC of the day.
    public var rfc3339: String {
        guard let instant, let offsetSeconds else { return "\(date)T00:00:00Z" }
        let local = instant + Int64(offsetSeconds)
        let day = CivilDate(dayNumber: Int(floorDiv(local, 86_400)))
        let s = Int(local - Int64(day.dayNumber) * 86_400)
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = abs(offsetSeconds)
        let zone = offsetSeconds == 0 ? "Z" : "\(sign)\(TimexFormat.two(off / 3600)):\(TimexFormat.two((off % 3600) / 60))"
        return "\(day)T\(TimexFormat.two(s / 3600)):\(TimexFormat.two((s % 3600) / 60)):\(TimexFormat.two(s % 60))\(zone)"
    }

    /// The day, and the local time when known (`2025-03-15` or `2025-03-15T09:30`).
    public var description: String {
        guard let hour, let minute else { return date.description }
        return "\(date)T\(TimexFormat.two(hour)):\(TimexFormat.two(minute))"
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
