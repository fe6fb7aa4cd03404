import ChronicleTestSupport
import Foundation
import Testing

/// Four outlets report one week of ceasefire diplomacy in their own words (`Fixtures/merge`):
/// the same happening is one event with every source, sources that give another day are
/// recorded, actors are named by their full names, and `events.json` matches its golden copy
/// (`CHRONICLE_UPDATE_GOLDEN=1 swift test --filter MergeFixtureTests` rewrites it).
@Suite struct MergeFixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/merge", isDirectory: true)

    func build() throws -> (json: String, events: [[String: Any]], entities: [[String: Any]]) {
        // A copy: a build may keep a cache in the site folder.
        let site = try TemporaryDirectory("chronicle-merge")
        defer { site.remove() }
        for item in ["chronicle.yml", "content"] {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(item), to: site.url.appendingPathComponent(item))
        }
        let run = try ChronicleProcess.run(["build", "--site", site.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: site.url.appendingPathComponent("public/events.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (String(decoding: data, as: UTF8.self), json["events"] as! [[String: Any]], json["entities"] as! [[String: Any]])
    }

    func event(_ events: [[String: Any]], containing text: String) -> [String: Any]? {
        events.first { ($0["mentions"] as! [[String: Any]]).contains { ($0["sentence"] as! String).contains(text) } }
    }

    @Test func eventsJSONMatchesTheGoldenCopy() throws {
        let golden = Self.fixture.appendingPathComponent("events.json")
        let json = try build().json
        if ProcessInfo.processInfo.environment["CHRONICLE_UPDATE_GOLDEN"] == "1" {
            try json.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        #expect(json == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func oneHappeningToldDifferentlyIsOneEvent() throws {
        let events = try build().events
        // "hosted a video call with 25 leaders" and "convened a virtual summit of 25 leaders".
        let call = try #require(event(events, containing: "video call"))
        #expect(call["date"] as? String == "2025-03-15")
        #expect(call["sources"] as? [String] == ["herald-coalition", "wire-leaders-call"])
        #expect((call["entities"] as? [String])?.first == "Keir Starmer")
        // A day inside a week merges with the week: "next week" and "on 20 March".
        let riyadh = try #require(event(events, containing: "next week"))
        #expect(riyadh["date"] as? String == "2025-03-20")
        #expect(riyadh["sources"] as? [String] == ["daily-putin", "times-riyadh"])
        // Oil prices on the same Friday stay apart from the Kremlin's rejection.
        let oil = try #require(event(events, containing: "Oil prices"))
        #expect(oil["sources"] as? [String] == ["wire-leaders-call"])
    }

    @Test func sourcesThatGiveAnotherDayAreRecorded() throws {
        let events = try build().events
        let rejection = try #require(event(events, containing: "Mr Putin turned down"))
        #expect(rejection["date"] as? String == "2025-03-14")  // two sources against one
        #expect((rejection["sources"] as? [String])?.count == 3)
        let claims = try #require(rejection["disagreement"] as? [[String: Any]])
        #expect(claims.map { $0["date"] as! String } == ["2025-03-13", "2025-03-14"])
        #expect(claims.first?["articles"] as? [String] == ["daily-putin"])
        #expect((rejection["entities"] as? [String])?.first == "Vladimir Putin")
    }

    @Test func actorsAreNamedByTheirFullNames() throws {
        let entities = try build().entities
        let names = entities.map { $0["name"] as! String }
        #expect(names.contains("Vladimir Putin") && names.contains("Keir Starmer"))
        #expect(!names.contains("Putin") && !names.contains("Keir"))
        #expect(entities.first { $0["name"] as? String == "Riyadh" }?["kind"] as? String == "place")
    }
}
