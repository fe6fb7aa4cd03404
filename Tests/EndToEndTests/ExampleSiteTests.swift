import ChronicleTestSupport
import Foundation
import Testing

/// The bundled example site (content/, from the five seed articles) dates its happenings right.
@Suite struct ExampleSiteTests {
    /// The example site's events, built once for the whole suite (read-only after that).
    nonisolated(unsafe) static let events: Result<[[String: Any]], Error> = Result {
        let dir = try TemporaryDirectory("chronicle-example")
        defer { dir.remove() }
        let output = dir.url.appendingPathComponent("public")
        let root = ChronicleProcess.repositoryRoot()
        let run = try ChronicleProcess.run(["build", "--site", root.path, "--output", output.path, "--quiet"])
        guard run.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["stderr": run.stderr]) }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("events.json"))) as! [String: Any]
        return json["events"] as! [[String: Any]]
    }

    func event(containing text: String, in events: [[String: Any]]) -> [String: Any]? {
        events.first { event in
            (event["mentions"] as! [[String: Any]]).contains { ($0["sentence"] as! String).contains(text) }
        }
    }

    @Test func happeningsLandOnTheirDays() throws {
        let events = try Self.events.get()
        let alaska = event(containing: "Following the Alaska summit between Mr Trump and Vladimir Putin on Friday", in: events)
        #expect(alaska?["date"] as? String == "2025-08-15")
        let chiefs = event(containing: "military chiefs would meet in London on Thursday", in: events)
        #expect(chiefs?["date"] as? String == "2025-03-20")
        #expect(chiefs?["status"] as? String == "expected")
        let sunday = event(containing: "will meet on Sunday afternoon", in: events)
        #expect((sunday?["date"] as? String)?.hasPrefix("2025-08-17") == true)
    }

    @Test func theSummitIsOneEventWithSeveralSources() throws {
        let events = try Self.events.get()
        let summit = events.filter { ($0["date"] as? String) == "2025-03-15" }
            .max { ($0["sources"] as! [String]).count < ($1["sources"] as! [String]).count }
        let sources = summit?["sources"] as? [String] ?? []
        #expect(sources.count >= 3, "\(summit ?? [:])")
    }

    @Test func noBoilerplateOnTheTimeline() throws {
        let events = try Self.events.get()
        let sentences = events.flatMap { ($0["mentions"] as! [[String: Any]]).map { $0["sentence"] as! String } }
        for phrase in ["Your donation", "Your support", "Read more", "Leave a Reply", "Shutterstock", "( AP)", "paywalls"] {
            #expect(!sentences.contains { $0.contains(phrase) }, "\(phrase) reached the timeline")
        }
    }
}
