@testable import ChronicleModel
import ChronicleTestSupport
import Foundation
import Testing

/// A rebuild takes the record of a file whose settled stamp is unchanged without reading it, and
/// reads every other file: an edit is never missed, a touch is not mistaken for an edit.
@Suite struct FileStampTests {
    static func article(_ day: String) -> String {
        """
        ---
        title: Talks
        date: 2025-03-10
        source: Wire A
        ---
        Negotiators met in Geneva on \(day) for talks on the ceasefire, officials said.
        """
    }

    static let articles = [
        "a.md": article("Monday"),
        "b.md": """
            ---
            title: Ceasefire
            date: 2025-03-12
            source: Wire B
            ---
            Foreign ministers met in Geneva on Friday and agreed a ceasefire, officials said.
            """,
    ]

    /// Sets a file's access and modification times (nanoseconds since 1970).
    static func setModified(_ path: String, to nanoseconds: Int64) throws {
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var times = [time, time]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// A site whose files were last modified well before it is built: their stamps are settled.
    static func settledSite(_ label: String) throws -> BuiltSite {
        let site = try BuiltSite(label, articles: articles)
        for name in articles.keys {
            let path = site.folder.url.appendingPathComponent("content/" + name).path
            try setModified(path, to: try #require(FileStamp(path: path)).modified - 10_000_000_000)
        }
        return site
    }

    @Test func aSameSizeEditWithItsModificationTimeSetBackIsReadAgain() throws {
        let site = try Self.settledSite("chronicle-stamp-edit")
        defer { site.folder.remove() }
        _ = try site.build(readsCache: true)
        let path = site.folder.url.appendingPathComponent("content/a.md").path
        let before = try #require(FileStamp(path: path))

        let edited = Self.article("Friday")
        #expect(edited.utf8.count == Self.article("Monday").utf8.count)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        try Self.setModified(path, to: before.modified)
        let after = try #require(FileStamp(path: path))
        #expect(after.size == before.size && after.modified == before.modified && after.inode == before.inode)
        #expect(after.changed != before.changed, "the edit moves the change time on")

        let (build, _) = try site.build(readsCache: true)
        #expect(build.statistics.analysed == 1)
        let record = try #require(build.articles.first { $0.sourcePath == "a.md" })
        #expect(record.contentHash == ContentHash.xxh64(Array(edited.utf8)))
        #expect(record.stamp == after)
    }

    @Test func aTouchedFileIsReadButNotAnalysedAgain() throws {
        let site = try Self.settledSite("chronicle-stamp-touch")
        defer { site.folder.remove() }
        let (first, _) = try site.build(readsCache: true)
        let path = site.folder.url.appendingPathComponent("content/b.md").path
        let before = try #require(FileStamp(path: path))
        try Self.setModified(path, to: before.modified + 1_000_000_000)

        let (build, _) = try site.build(readsCache: true)
        #expect(build.statistics.analysed == 0)
        let record = try #require(build.articles.first { $0.sourcePath == "b.md" })
        #expect(record.contentHash == first.articles.first { $0.sourcePath == "b.md" }?.contentHash)
        #expect(record.stamp == FileStamp(path: path), "the new stamp is kept, so the next build need not read it")
    }

    @Test func renamedAndDeletedFilesLeaveTheTimeline() throws {
        let site = try Self.settledSite("chronicle-stamp-rename")
        defer { site.folder.remove() }
        let (first, _) = try site.build(readsCache: true)
        let content = site.folder.url.appendingPathComponent("content")
        try FileManager.default.moveItem(at: content.appendingPathComponent("a.md"), to: content.appendingPathComponent("c.md"))
        let (renamed, _) = try site.build(readsCache: true)
        #expect(renamed.articles.map(\.sourcePath).sorted() == ["b.md", "c.md"])
        #expect(renamed.articles.first { $0.sourcePath == "c.md" }?.contentHash == first.articles.first { $0.sourcePath == "a.md" }?.contentHash)

        try FileManager.default.removeItem(at: content.appendingPathComponent("b.md"))
        let (deleted, _) = try site.build(readsCache: true)
        #expect(deleted.articles.map(\.sourcePath) == ["c.md"])
        let (clean, _) = try site.build(readsCache: false)
        #expect(deleted.periods.map(\.hash) == clean.periods.map(\.hash))
    }

    /// The racy case: a stamp not older than the read that recorded it may hide a later edit in the
    /// same tick of the file system's clock, so the file is read.
    @Test func anUnsettledStampIsNotTrusted() throws {
        let folder = try TemporaryDirectory("chronicle-stamp-racy")
        defer { folder.remove() }
        let url = try folder.write("content/a.md", Self.article("Monday"))
        let stamp = try #require(FileStamp(path: url.path))
        let builder = TimelineBuilder(siteDirectory: folder.url)
        let reader = ArticleReader(config: SiteConfig())
        // A record of other bytes with the file's stamp: taken only when the stamp is settled.
        func outcome(settledBefore: Int64) -> UInt64? {
            switch builder.read("a.md", in: folder.path + "/content/", reader: reader, previous: (contentHash: 1, stamp: stamp),
                                stamp: stamp, settledBefore: settledBefore) {
            case .cached: 1
            case .parsed(let record, _): record.contentHash
            case .failed: nil
            }
        }
        #expect(outcome(settledBefore: stamp.modified + 1) == 1, "settled: the record is taken as it is")
        #expect(outcome(settledBefore: stamp.modified) == ContentHash.xxh64(Array(Self.article("Monday").utf8)), "unsettled: read")
    }
}
