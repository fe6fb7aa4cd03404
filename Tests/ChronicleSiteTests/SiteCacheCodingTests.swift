@testable import ChronicleModel
@testable import ChronicleSite
import ChronicleTestSupport
import Foundation
import Testing

/// The site layer's cache files (`site.bin`, `digests/`, `shares/`) in their hand-written binary form: read
/// back from a built site, they hold what the pages need, and writing what was read gives the
/// file's bytes again (so nothing read is left unwritten, or written twice). That rebuilds from
/// them equal clean builds is `IncrementalBuildTests`' part.
@Suite struct SiteCacheCodingTests {
    /// The payload of a cache file and a cache that reads it (its identity taken from its header).
    static func open(_ url: URL) throws -> (cache: BuildCache, payload: [UInt8]) {
        let bytes = [UInt8](try Data(contentsOf: url))
        let start = BuildCache.magic.count + 4
        let length = Int(bytes[start]) | Int(bytes[start + 1]) << 8 | Int(bytes[start + 2]) << 16 | Int(bytes[start + 3]) << 24
        let identity = String(decoding: bytes[(start + 4)..<(start + 4 + length)], as: UTF8.self)
        return (BuildCache(directory: url.deletingLastPathComponent(), identity: identity), Array(bytes[(start + 4 + length + 8)...]))
    }

    @Test func siteStateAndSharesReadBackWhole() throws {
        let site = try IncrementalBuildTests.Site()
        defer { site.dir.remove() }
        #expect(site.build().wroteOutput)
        let cacheFolder = site.root.appendingPathComponent(".chronicle")

        let (cache, payload) = try Self.open(cacheFolder.appendingPathComponent(SiteState.fileName))
        let state = try #require(SiteUpdate.readState(cache))
        #expect(state.output == site.output.path)
        #expect(state.digests.count > 1)
        #expect(state.digests.contains { !$0.highlights.isEmpty && !$0.articles.isEmpty && $0.first != nil })
        #expect(state.digests.contains { !$0.named.isEmpty })
        // site.bin names the digests, each a file of its own.
        let digestNames = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.appendingPathComponent(SiteState.digestFolder).path)
        #expect(Set(digestNames) == Set(state.digests.map { SiteState.digestName($0.period, $0.hash) }))
        for digest in state.digests {
            let (_, payload) = try Self.open(cacheFolder.appendingPathComponent(SiteState.digestPath(digest.period, digest.hash)))
            #expect(try BinaryCoder.encode(digest) == payload)
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).filter { !$0.hasSuffix("/") }
        #expect(state.files.count == files.filter { !FileManager.default.isDirectory(site.output.appendingPathComponent($0)) }.count)
        #expect(state.files.values.contains { $0.fingerprint != nil && $0.stamp.size > 0 })
        #expect(state.eventsLayout?.runs.isEmpty == false)
        // Each run knows its events' lines, which add up to the run.
        for run in state.eventsLayout?.runs ?? [] {
            let lines = run.lines
            #expect(!lines.ids.isEmpty && lines.lengths.count == lines.ids.count && lines.cards.count == lines.ids.count)
            #expect(lines.lengths.reduce(0, +) + 2 * (lines.ids.count - 1) == run.length)
        }
        #expect(try BinaryCoder.encode(state) == payload)

        let sharesFolder = cacheFolder.appendingPathComponent("shares")
        let names = try FileManager.default.contentsOfDirectory(atPath: sharesFolder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let (cache, payload) = try Self.open(sharesFolder.appendingPathComponent(name))
            let shares = try #require(cache.read(PeriodShares.self, at: name))
            #expect(!shares.events.isEmpty && !shares.byArticle.isEmpty)
            #expect(shares.byArticle.values.contains { !$0.sentences.isEmpty })
            #expect(try BinaryCoder.encode(shares) == payload)
        }
    }
}

extension FileManager {
    func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
