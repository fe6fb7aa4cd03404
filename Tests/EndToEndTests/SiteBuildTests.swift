import ChronicleTestSupport
import Foundation
import Testing

/// Builds fixture sites with the real binary and checks what a user would see.
@Suite struct SiteBuildTests {
    func fixture(_ name: String) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory("chronicle-e2e")
        let source = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)")
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: dir.url.appendingPathComponent(item))
        }
        return dir
    }

    func events(_ dir: TemporaryDirectory, _ output: String = "public") throws -> [[String: Any]] {
        let data = try Data(contentsOf: dir.url.appendingPathComponent("\(output)/events.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return json["events"] as! [[String: Any]]
    }

    @Test func validSiteBuildsEveryPage() throws {
        let dir = try fixture("valid")
        defer { dir.remove() }
        let run = try ChronicleProcess.run(["build", "--site", dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[1/6]") && run.stdout.contains("[6/6]"))
        let files = try snapshot(of: dir.url.appendingPathComponent("public"))
        for name in ["index.html", "timeline.md", "events.json", "feed.xml", "sitemap.xml",
                     "articles/talks-begin.html", "articles/talks-end.html"] {
            #expect(files[name] != nil, "missing \(name)")
        }
        #expect(files["articles/draft.html"] == nil)
        let all = try events(dir)
        let texts = all.map { $0["text"] as! String }
        #expect(!texts.contains { $0.contains("draft") || $0 == "Read more" })
        // "met in Geneva on Tuesday" in an article of Wed 12 March is Tue 11 March.
        #expect(all.contains { ($0["text"] as! String).contains("on Tuesday") && $0["date"] as? String == "2025-03-11" })
        // Friday's meeting is announced by one article and reported by the other: one event, two sources.
        let friday = all.filter { $0["date"] as? String == "2025-03-14" }
        #expect(friday.count == 1)
        #expect((friday.first?["sources"] as? [String])?.sorted() == ["talks-begin", "talks-end"])
    }

    @Test func buildsAreByteIdentical() throws {
        let dir = try fixture("valid")
        defer { dir.remove() }
        try ChronicleProcess.run(["build", "--site", dir.path, "--output", dir.url.appendingPathComponent("one").path])
        try ChronicleProcess.run(["build", "--site", dir.path, "--output", dir.url.appendingPathComponent("two").path])
        let one = try snapshot(of: dir.url.appendingPathComponent("one"))
        let two = try snapshot(of: dir.url.appendingPathComponent("two"))
        #expect(!one.isEmpty)
        #expect(one == two)
    }

    @Test func aBadArticleIsNamedAndTheRestBuild() throws {
        let dir = try fixture("broken")
        defer { dir.remove() }
        let run = try ChronicleProcess.run(["build", "--site", dir.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("content/bad.md:2: error: malformed YAML"), "\(run.stderr)")
        #expect(run.stderr.contains("content/badzone.md:4: error: unknown time zone `Europe/Atlantis`"), "\(run.stderr)")
        let files = try snapshot(of: dir.url.appendingPathComponent("public"))
        #expect(files["articles/good.html"] != nil)
        #expect(files["articles/bad.html"] == nil)
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let dir = try fixture("valid")
        defer { dir.remove() }
        try dir.write("public/marker.txt", "previous build")
        try dir.write("templates/index.html.mustache", "{{#events}}never closed")
        let run = try ChronicleProcess.run(["build", "--site", dir.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("index.html"), "\(run.stderr)")
        // `FILE:LINE:COL: error: …` as the README shows it, not `error: FILE:LINE:COL: error: …`.
        let template = dir.url.appendingPathComponent("templates/index.html.mustache").path
        #expect(run.stderr.hasPrefix("\(template):1:24: error: a section is never closed\n"), "\(run.stderr)")
        let files = try snapshot(of: dir.url.appendingPathComponent("public"))
        #expect(files.keys.sorted() == ["marker.txt"])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(siblings.filter { $0.hasPrefix(".public") || $0.contains("chronicle-tmp") }.isEmpty, "\(siblings)")
    }

    @Test func initCreatesASiteThatBuilds() throws {
        let dir = try TemporaryDirectory("chronicle-init")
        defer { dir.remove() }
        let site = dir.url.appendingPathComponent("new-site")
        let created = try ChronicleProcess.run(["init", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        let built = try ChronicleProcess.run(["build", "--site", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/index.html").path))
        let again = try ChronicleProcess.run(["init", site.path])
        #expect(again.status != 0)
    }

    /// `init FILE` printed Foundation's NSError dump (`Error Domain=NSCocoaErrorDomain Code=516 …`);
    /// `init DIR --timezone Nowhere/X` made a site whose first build failed on chronicle.yml.
    @Test func initRefusesAFileAndAnUnknownTimeZoneBeforeWriting() throws {
        let dir = try TemporaryDirectory("chronicle-init")
        defer { dir.remove() }
        let file = try dir.write("notes.md", "mine")
        let onFile = try ChronicleProcess.run(["init", file.path])
        #expect(onFile.status != 0)
        #expect(onFile.stderr.contains("\(file.path) is a file: choose a new folder"), "\(onFile.stderr)")
        #expect(!onFile.stderr.contains("NSCocoaErrorDomain"), "\(onFile.stderr)")
        #expect(try dir.read("notes.md") == "mine")
        let site = dir.url.appendingPathComponent("new-site")
        let badZone = try ChronicleProcess.run(["init", site.path, "--timezone", "Nowhere/X"])
        #expect(badZone.status != 0)
        #expect(badZone.stderr.contains("unknown time zone `Nowhere/X`"), "\(badZone.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }
}
