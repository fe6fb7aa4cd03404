import ChronicleTime
import Testing

@Suite struct PublicationTimeTests {
    let london = Zone(identifier: "Europe/London")!

    @Test func dateOnly() throws {
        let p = try PublicationTime.parse("2025-03-15", zone: london)
        #expect(p.date.description == "2025-03-15")
        #expect(p.instant == nil)
    }

    @Test func offsetIsConvertedToTheArticleZone() throws {
        // 23:30 in New York on the 14th is already the 15th in London.
        let p = try PublicationTime.parse("2025-03-14T23:30:00-04:00", zone: london)
        #expect(p.date.description == "2025-03-15")
        #expect(p.hour == 3)
        #expect(p.rfc3339 == "2025-03-15T03:30:00Z")
        let summer = try PublicationTime.parse("2025-08-17T09:00:00Z", zone: london)
        #expect(summer.rfc3339 == "2025-08-17T10:00:00+01:00")
    }

    @Test func withoutZoneTheOffsetDecides() throws {
        let p = try PublicationTime.parse("2025-03-14T23:30:00-04:00", zone: nil)
        #expect(p.date.description == "2025-03-14")
        #expect(p.rfc3339 == "2025-03-14T23:30:00-04:00")
    }

    @Test(arguments: ["2025-3-15", "15 March 2025", "2025-02-30", "2025-03-15T25:00", "2025-03-15T10:00+0x:00", ""])
    func malformed(text: String) {
        #expect(throws: PublicationTime.ParseError.self) { try PublicationTime.parse(text, zone: nil) }
    }

    @Test func unknownZones() {
        #expect(Zone(identifier: "Europe/Atlantis") == nil)
        #expect(Zone(identifier: "") == nil)
        #expect(Zone(identifier: "America/New_York") != nil)
    }
}
