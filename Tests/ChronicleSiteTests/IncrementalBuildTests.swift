import ChronicleModel
import ChronicleSite
import ChronicleTestSupport
import Foundation
import Testing

/// Rebuilds with the `.chronicle/` cache give exactly what a build from scratch gives, whatever
/// changed in between; a damaged cache is rebuilt, never trusted.
@Suite struct IncrementalBuildTests {
    /// A small timeline that still has several periods, and a page per period (`pagedAbove` is low).
    static func article(_ n: Int, day: Int, outlet: String, text: String, slug: String? = nil, draft: Bool = false) -> String {
        """
        ---
        title: "Talks, part \(n)"
        date: 2025-0\(day < 32 ? 3 : 4)-\(String(format: "%02d", day < 32 ? day : day - 31))T09:00:00Z
        source: \(outlet)
        \(slug.map { "slug: \($0)\n" } ?? "")\(draft ? "draft: true\n" : "")---
        \(text)
        """
    }

    static let texts = [
        "Negotiators met in Geneva on Tuesday for a first round of talks on the ceasefire. Foreign ministers will meet again on Friday, officials said.",
        "The ceasefire talks in Geneva began on Tuesday, negotiators said. Ministers are due to meet on Friday.",
        "Foreign ministers met in Geneva on Friday and agreed a ceasefire. The agreement takes effect next week.",
        "Shelling continued overnight in the east, officials said on Sunday. Aid convoys were stopped last week.",
        "A second round of talks opened in Vienna on Monday. Delegates said a deal was close.",
        "Officials said on Sunday that aid convoys had been stopped last week. The ceasefire was holding in the south.",
    ]

    struct Site {
        let dir: TemporaryDirectory
        /// Low, so that the site has period pages; high for one page.
        var pagedAbove = 10
        var root: URL { dir.url }
        var output: URL { root.appendingPathComponent("public") }

        init() throws {
            dir = try TemporaryDirectory("chronicle-incremental")
            _ = try dir.write("chronicle.yml", "title: \"Talks\"\ntimezone: Europe/London\n")
            for i in 0..<12 {
                _ = try dir.write("content/2025-03-\(10 + i)-talks-\(i).md",
                              IncrementalBuildTests.article(i, day: 10 + i * 2, outlet: ["Wire A", "Wire B", "Paper C"][i % 3],
                                                            text: IncrementalBuildTests.texts[i % IncrementalBuildTests.texts.count]))
            }
        }

        func build(clean: Bool = false, output: URL? = nil) -> SiteBuild.Result {
            var build = SiteBuild(siteDirectory: root, outputDirectory: output, usesCache: !clean)
            build.pagedAbove = pagedAbove
            return build.run()
        }

        /// A build from scratch of the same content, in a separate folder with no cache.
        func cleanBuild() throws -> [String: Data] {
            let other = try TemporaryDirectory("chronicle-clean")
            defer { other.remove() }
            try FileManager.default.copyItem(at: root.appendingPathComponent("content"), to: other.url.appendingPathComponent("content"))
            try FileManager.default.copyItem(at: root.appendingPathComponent("chronicle.yml"), to: other.url.appendingPathComponent("chronicle.yml"))
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path) {
                try FileManager.default.copyItem(at: root.appendingPathComponent("templates"), to: other.url.appendingPathComponent("templates"))
            }
            var build = SiteBuild(siteDirectory: other.url, usesCache: false)
            build.pagedAbove = pagedAbove
            let result = build.run()
            #expect(result.failure == nil)
            #expect(!FileManager.default.fileExists(atPath: other.url.appendingPathComponent("public/.chronicle").path))
            return try snapshot(of: other.url.appendingPathComponent("public"))
        }

        func expectSameAsClean(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = build()
            #expect(result.failure == nil, "\(what): \(result.errorMessages)", sourceLocation: sourceLocation)
            let incremental = try snapshot(of: output)
            let clean = try cleanBuild()
            #expect(incremental.keys.sorted() == clean.keys.sorted(), "\(what): files differ", sourceLocation: sourceLocation)
            for (path, data) in clean where incremental[path] != data {
                Issue.record("\(what): \(path) differs from a clean build", sourceLocation: sourceLocation)
            }
        }

        /// A cache file, or every file of a cache folder.
        func cacheFiles(_ name: String) throws -> [URL] {
            let url = root.appendingPathComponent(".chronicle/\(name)")
            guard !name.hasSuffix(".bin") else { return [url] }
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            #expect(!names.isEmpty)
            return names.map { url.appendingPathComponent($0) }
        }
    }

    @Test func rebuildsAfterEachKindOfChangeEqualACleanBuild() throws {
        let site = try Site()
        defer { site.dir.remove() }
        #expect(site.build().failure == nil)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("months/2025-03.html").path))
        try site.expectSameAsClean("nothing changed")

        _ = try site.dir.write("content/2025-04-02-late.md", Self.article(20, day: 33, outlet: "Wire B", text: Self.texts[2]))
        try site.expectSameAsClean("an article added")

        _ = try site.dir.write("content/2025-03-11-talks-1.md", Self.article(1, day: 12, outlet: "Wire B", text: Self.texts[4]))
        try site.expectSameAsClean("an article edited")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/2025-03-12-talks-2.md"))
        try site.expectSameAsClean("an article deleted")

        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/2025-03-13-talks-3.md"),
                                        to: site.root.appendingPathComponent("content/2025-03-13-renamed.md"))
        try site.expectSameAsClean("an article renamed (its slug follows the file name)")

        // An article whose slug sorts first takes `talks-4`; the old one becomes `talks-4-2`.
        _ = try site.dir.write("content/0-first.md", Self.article(30, day: 18, outlet: "Paper C", text: Self.texts[5], slug: "2025-03-14-talks-4"))
        try site.expectSameAsClean("a slug taken by a new article")

        // The same article (title, outlet, day) reporting more events: its line in the lists counts them.
        _ = try site.dir.write("content/2025-03-16-talks-6.md", Self.article(6, day: 22, outlet: "Wire A",
            text: Self.texts[0] + " Aid convoys were stopped on 2 March. A new round opens on 28 March, delegates said."))
        try site.expectSameAsClean("an article reporting more events")

        _ = try site.dir.write("content/2025-03-15-talks-5.md", Self.article(5, day: 20, outlet: "Wire C", text: Self.texts[5], draft: true))
        try site.expectSameAsClean("an article made a draft")

        _ = try site.dir.write("templates/foot.mustache", "<footer>{{counts.events}} events</footer>\n</body>\n</html>\n")
        try site.expectSameAsClean("a template changed")

        _ = try site.dir.write("chronicle.yml", "title: \"Talks, renamed\"\ntimezone: Europe/London\n")
        try site.expectSameAsClean("the config changed")
    }

    /// Names settled across articles: "Mr Putin" is the site's only "… Putin", until another
    /// article names a second one; a word opening a sentence counts once another article uses it
    /// as a name. Rebuilds must name actors, and render their pages, as a clean build does.
    @Test(arguments: [10, 1000])
    func actorsResolvedAcrossArticlesFollowEveryRebuild(pagedAbove: Int) throws {
        var site = try Site()
        site.pagedAbove = pagedAbove
        defer { site.dir.remove() }
        _ = try site.dir.write("content/2025-03-30-putin.md", Self.article(40, day: 30, outlet: "Paper C",
            text: "Vladimir Putin rejected the ceasefire plan in Moscow on Sunday, the Kremlin said."))
        _ = try site.dir.write("content/2025-03-31-mr-putin.md", Self.article(41, day: 31, outlet: "Wire A",
            text: "Mr Putin rejected the ceasefire plan on Sunday, officials in Moscow said. Corvo said nothing on Monday."))
        #expect(site.build().failure == nil)
        let page = site.output.appendingPathComponent("entities/vladimir-putin.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        try site.expectSameAsClean("actors across articles")

        // A second full name with that surname: "Mr Putin" stays as written.
        _ = try site.dir.write("content/2025-04-05-other-putin.md", Self.article(42, day: 36, outlet: "Wire B",
            text: "Dmitry Putin, a trade official, visited Geneva on Saturday."))
        try site.expectSameAsClean("a second full name with the surname")
        let events = try String(contentsOf: site.output.appendingPathComponent("events.json"), encoding: .utf8)
        #expect(events.contains("\"Putin\""))

        // "Corvo" opened its sentence; another article now uses it as a name.
        _ = try site.dir.write("content/2025-04-06-corvo.md", Self.article(43, day: 37, outlet: "Paper C",
            text: "Delegates met in Corvo on Sunday for another round of talks."))
        try site.expectSameAsClean("a sentence-initial word becomes a name elsewhere")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/2025-04-05-other-putin.md"))
        try site.expectSameAsClean("the second full name removed")
    }

    /// Pages changed or removed by hand in the output are put back as a clean build makes them
    /// (the build checks what the output holds against what it last wrote).
    @Test(arguments: [10, 1000])
    func filesChangedInTheOutputArePutBack(pagedAbove: Int) throws {
        var site = try Site()
        site.pagedAbove = pagedAbove
        defer { site.dir.remove() }
        #expect(site.build().failure == nil)
        let fm = FileManager.default
        let articles = try fm.contentsOfDirectory(atPath: site.output.appendingPathComponent("articles").path).sorted()
        let entities = try fm.contentsOfDirectory(atPath: site.output.appendingPathComponent("entities").path).sorted()
        #expect(articles.count > 2 && entities.count > 1)
        try Data("edited by hand".utf8).write(to: site.output.appendingPathComponent("articles/\(articles[0])"))
        try fm.removeItem(at: site.output.appendingPathComponent("articles/\(articles[1])"))
        try Data("edited".utf8).write(to: site.output.appendingPathComponent("entities/\(entities[0])"))
        try Data("{}".utf8).write(to: site.output.appendingPathComponent("events.json"))
        try site.expectSameAsClean("pages changed by hand")
    }

    /// events.json is written over the file the build before last wrote (kept in the cache; a first
    /// build leaves one ready), never over the output's own file, and is replaced in one rename.
    @Test func eventsJSONIsWrittenOverTheSpareFile() throws {
        let site = try Site()
        defer { site.dir.remove() }
        #expect(site.build().failure == nil)
        let spare = site.root.appendingPathComponent(".chronicle/events-spare.json").path
        let events = site.output.appendingPathComponent("events.json").path
        func inode(_ path: String) -> UInt64? {
            var info = stat()
            return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
        }
        // The first build leaves the first rebuild a spare as large as the file it wrote.
        func size(_ path: String) -> Int64? {
            var info = stat()
            return stat(path, &info) == 0 ? Int64(info.st_size) : nil
        }
        #expect(size(spare) != nil && size(spare) == size(events))
        _ = try site.dir.write("content/2025-04-02-late.md", Self.article(20, day: 33, outlet: "Wire B", text: Self.texts[2]))
        let before = inode(events)
        try site.expectSameAsClean("an article added")
        #expect(inode(spare) == before && inode(events) != before, "the replaced file is kept as the spare")
        // A spare that is the output's own file (linked by hand) is not written over.
        unlink(spare)
        #expect(link(events, spare) == 0)
        _ = try site.dir.write("content/2025-04-03-later.md", Self.article(21, day: 34, outlet: "Wire A", text: Self.texts[3]))
        try site.expectSameAsClean("the spare linked to the output")
        _ = try site.dir.write("content/2025-04-04-latest.md", Self.article(22, day: 35, outlet: "Wire C", text: Self.texts[4]))
        try site.expectSameAsClean("another article added")
        #expect(inode(spare) != inode(events))
        // A copy of the output made with hard links keeps its bytes when its file becomes the spare.
        let deployed = site.root.appendingPathComponent("deployed-events.json")
        #expect(link(events, deployed.path) == 0)
        let deployedBytes = try Data(contentsOf: deployed)
        _ = try site.dir.write("content/2025-04-05-deployed.md", Self.article(23, day: 36, outlet: "Wire B", text: Self.texts[5]))
        try site.expectSameAsClean("an article added after a hard-linked copy")
        _ = try site.dir.write("content/2025-04-06-more.md", Self.article(24, day: 37, outlet: "Wire A", text: Self.texts[0]))
        try site.expectSameAsClean("one more after a hard-linked copy")
        #expect(try Data(contentsOf: deployed) == deployedBytes, "a file with a second name is never written over")
        // A spare that is a symbolic link is not followed.
        let outside = try site.dir.write("outside.json", "keep me")
        unlink(spare)
        #expect(symlink(outside.path, spare) == 0)
        _ = try site.dir.write("content/2025-04-07-linked.md", Self.article(25, day: 38, outlet: "Wire C", text: Self.texts[1]))
        try site.expectSameAsClean("the spare a symbolic link")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me")
    }

    @Test func aRebuildRewritesOnlyWhatChanged() throws {
        let site = try Site()
        defer { site.dir.remove() }
        _ = site.build()
        let style = site.output.appendingPathComponent("style.css").path
        let before = try FileManager.default.attributesOfItem(atPath: style)[.modificationDate] as? Date
        let unchanged = site.build()
        #expect(unchanged.writtenCount == 0)
        #expect(unchanged.statistics?.analysed == 0)
        _ = try site.dir.write("content/2025-04-02-late.md", Self.article(20, day: 33, outlet: "Wire B", text: Self.texts[3]))
        let added = site.build()
        #expect(added.statistics?.analysed == 1)
        #expect(added.writtenCount > 0 && added.writtenCount < added.fileCount, "\(added.writtenCount) of \(added.fileCount)")
        #expect(try FileManager.default.attributesOfItem(atPath: style)[.modificationDate] as? Date == before)
    }

    @Test(arguments: ["manifest.bin", "site.bin", "digests", "periods", "shares", "bodies"])
    func aDamagedCacheIsRebuiltNotTrusted(_ damaged: String) throws {
        let site = try Site()
        defer { site.dir.remove() }
        _ = site.build()
        for file in try site.cacheFiles(damaged) {
            var bytes = try [UInt8](Data(contentsOf: file))
            bytes[bytes.count / 2] ^= 0x5A
            try Data(bytes.prefix(bytes.count - 3)).write(to: file)
        }
        // A new template makes every page render again, so whatever the damaged files held is needed.
        _ = try site.dir.write("templates/foot.mustache", "<footer>changed</footer>\n</body>\n</html>\n")
        try site.expectSameAsClean("after damaging \(damaged)")
        _ = try site.dir.write("content/2025-03-11-talks-1.md", Self.article(1, day: 12, outlet: "Wire B", text: Self.texts[4]))
        try site.expectSameAsClean("after damaging \(damaged), then editing an article")
    }

    /// A build that changed nothing leaves the manifest and site.bin as they are; one from which an
    /// article left removes the article's body from the cache.
    @Test func theCacheKeepsWhatIsNeededAndWritesOnlyWhatChanged() throws {
        let site = try Site()
        defer { site.dir.remove() }
        _ = site.build()
        let cache = site.root.appendingPathComponent(SiteBuild.cacheFolder)
        // Each file's modification time and inode (a cache file is written as a new file renamed over the old).
        func stamps() throws -> [String] {
            try ["manifest.bin", "site.bin"].map { name in
                let attributes = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(name).path)
                return "\(attributes[.modificationDate] as? Date as Any) \(attributes[.systemFileNumber] as Any)"
            }
        }
        func bodies() throws -> Int { try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("bodies").path).count }
        // The first rebuild may write the manifest: a file written just before the first build read
        // it is settled only by a later build's start (`FileStamp.isSettled`).
        _ = site.build()
        let before = try stamps()
        #expect(try bodies() == 12)
        let unchanged = site.build()
        #expect(unchanged.writtenCount == 0 && unchanged.failure == nil)
        #expect(try stamps() == before)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/2025-03-13-talks-3.md"))
        try site.expectSameAsClean("after removing an article")
        #expect(try bodies() == 11)
    }

    @Test func aCacheFromAnotherToolBuildIsNotUsed() throws {
        let site = try Site()
        defer { site.dir.remove() }
        _ = site.build()
        var other = SiteBuild(siteDirectory: site.root, toolIdentity: "chronicle 9.9")
        other.pagedAbove = 10
        let result = other.run()
        #expect(result.statistics?.analysed == 12)
    }

    @Test func aFileInTheWayOfTheCacheFolderIsReportedByName() throws {
        let site = try Site()
        defer { site.dir.remove() }
        let cachePath = site.root.appendingPathComponent(SiteBuild.cacheFolder).path
        #expect(FileManager.default.createFile(atPath: cachePath, contents: Data("notes".utf8)))
        let result = site.build()
        #expect(!result.wroteOutput)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let message = result.errorMessages.joined(separator: "\n")
        #expect(message.contains("\(cachePath): error: a file is in the way of the build cache folder"), "\(message)")
        // The file is the user's: left as it was.
        #expect(FileManager.default.contents(atPath: cachePath) == Data("notes".utf8))
    }

    /// `--output` naming the content folder, a folder inside it, or one that holds the site used to
    /// replace that folder whole (deleting the articles and everything beside the site).
    @Test(arguments: ["site/content", "site/content/pub", "", "site/templates", "site/.chronicle"])
    func anOutputFolderThatHoldsOrIsInsideTheSourcesIsRefused(_ output: String) throws {
        let dir = try TemporaryDirectory("chronicle-output-overlap")
        defer { dir.remove() }
        try dir.write("site/content/a.md", IncrementalBuildTests.article(0, day: 10, outlet: "Wire A", text: IncrementalBuildTests.texts[0]))
        try dir.write("site/templates/head.mustache", "<meta charset=\"utf-8\">")
        try dir.write("notes/keep.txt", "mine")
        let outputURL = output.isEmpty ? dir.url : dir.url.appendingPathComponent(output)
        let result = SiteBuild(siteDirectory: dir.url.appendingPathComponent("site"), outputDirectory: outputURL).run()
        #expect(!result.wroteOutput)
        let message = result.errorMessages.joined(separator: "\n")
        #expect(message.contains("\(outputURL.standardizedFileURL.path): error: the output folder "), "\(message)")
        #expect(try dir.read("site/content/a.md").contains("Talks, part 0"))
        #expect(try dir.read("site/templates/head.mustache") == "<meta charset=\"utf-8\">")
        #expect(try dir.read("notes/keep.txt") == "mine")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("site/content/pub").path))
    }

    @Test func fileErrorsNameTheFileAndTheCause() {
        let error = CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: "/site/.chronicle/spill/2025-03.bin",
                                                            NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))])
        let diagnostic = FileErrorText.diagnostic(error, otherwise: "/site/content")
        #expect(diagnostic.file == "/site/.chronicle/spill/2025-03.bin")
        #expect(diagnostic.message == "not a directory")
        #expect(FileErrorText.describe(CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: "/x"])) == "/x: permission denied")
        #expect(!FileErrorText.describe(CocoaError(.fileWriteUnknown)).contains("NSCocoaErrorDomain"))
    }

    @Test func cleanIgnoresTheCache() throws {
        let site = try Site()
        defer { site.dir.remove() }
        _ = site.build()
        let clean = site.build(clean: true)
        #expect(clean.statistics?.analysed == 12)
        #expect(clean.failure == nil)
        try site.expectSameAsClean("after --clean")
    }
}
