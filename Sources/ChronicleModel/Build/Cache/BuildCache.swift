import Foundation

/// The `.chronicle/` folder of a site: what earlier builds learned, reused only when it provably
/// applies. Every file carries the cache's identity (tool version, cache schema, the build of the
/// tool and the settings analysis depends on) and a checksum of its contents; a file that is
/// missing, stale, truncated or altered is treated as absent and rebuilt, never trusted.
///
///     .chronicle/manifest.bin        article records and the index of periods
///     .chronicle/periods/<key>.bin   one period's mentions and their grouping
///     .chronicle/grouping/<key>.bin  how its grouping got there (`MonthGrouping.Memory`): its nodes and links
///     .chronicle/site.bin            the site layer's own state (page fingerprints, output files)
///     .chronicle/digests/<key>.bin   what the site layer knows of one period (`PeriodDigest`)
///
/// Period files are named by a hash of what they hold, written before the manifest that names
/// them, and deleted only once a newer manifest no longer does: a build that fails halfway
/// leaves the previous manifest pointing at intact files.
public struct BuildCache: Sendable {
    /// Bump when the layout or the meaning of cached values changes.
    public static let schema: UInt32 = 18

    /// The file name of what the cache keeps for one period in the state `hash` names
    /// (`<period>-<16 hex digits>.bin`): periods, grouping, shares and digests are all named so.
    public static func periodFileName(_ period: Period, hash: UInt64) -> String { "\(period)-\(ContentHash.hex(hash)).bin" }

    public let directory: URL
    /// Tool version and build, plus whatever else decides whether old results still hold.
    public let identity: String
    /// `directory.path`, worked out once: a clean build writes a file per article, and a URL's
    /// path or an appended component cost more than the rest of writing a small file.
    private let folder: String
    /// The start of every file's header (`headerStart(identity:)`).
    private let headerStart: [UInt8]

    public init(directory: URL, identity: String) {
        self.directory = directory
        self.identity = identity
        folder = directory.path
        headerStart = Self.headerStart(identity: identity)
    }

    /// The same folder, for results that also depend on `detail` (settings read during the build).
    public func refined(with detail: String) -> BuildCache {
        BuildCache(directory: directory, identity: identity + "|" + detail)
    }

    static let magic: [UInt8] = Array("CHRONICLE-CACHE\n".utf8)

    // MARK: Files

    /// Reads and checks a cache file; nil when it is missing or cannot be trusted.
    public func read<T: Decodable>(_ type: T.Type, at relativePath: String) -> T? {
        guard let bytes = FileBytes.read(path(relativePath)) else { return nil }
        return Self.unwrap(type, bytes, identity: identity)
    }

    /// Reads and checks a cache file written from a `CacheCodable` value, decoded by `read` (see
    /// `BinaryCoder.decode(from:at:_:)`); nil when it is missing, cannot be trusted or does not decode.
    public func read<T>(at relativePath: String, _ read: (inout CacheReader) throws -> T) -> T? {
        guard let bytes = FileBytes.read(path(relativePath)), let start = Self.payloadStart(bytes, identity: identity) else { return nil }
        return try? BinaryCoder.decode(from: bytes, at: start, read)
    }

    /// Writes a cache file atomically (a temporary file, then a rename), or `inPlace`.
    /// - Parameters:
    ///   - capacity: about the bytes the value takes; by default, a little more than the file it
    ///     replaces (a rebuild writes the manifest and the site's state again, a little larger).
    ///   - inPlace: write the file where it is (opened truncated), for a file that can be lost and
    ///     that nothing reads while it is written: a build stopped halfway may leave it cut short,
    ///     and its checksum then fails, so it is read as missing and made again. A clean build
    ///     writes such a file per article body: no temporary name and no rename for each.
    public func write<T: Encodable>(_ value: T, at relativePath: String, capacity: Int? = nil, inPlace: Bool = false) throws {
        let room = capacity ?? FileStamp(path: path(relativePath)).map { Int($0.size) + Int($0.size) / 8 + 65536 } ?? 0
        try write(encoded: BinaryCoder.encode(value, capacity: room), at: relativePath, inPlace: inPlace)
    }

    /// Writes a value already encoded with `BinaryCoder` (`inPlace` as for `write(_:at:capacity:inPlace:)`).
    /// - Parameter checksum: `ContentHash.xxh64(payload)`, when the caller has worked it out already.
    public func write(encoded payload: [UInt8], checksum: UInt64? = nil, at relativePath: String, inPlace: Bool = false) throws {
        // Plain system calls on paths: one file per article body is written in a clean build, so
        // no URL, FileManager or FileHandle work per file; the folder is made only when missing.
        let target = path(relativePath)
        let file = inPlace ? target : WholeWrite.temporary(beside: target)
        let fd = try WholeWrite.open(file, flags: O_WRONLY | O_CREAT | (inPlace ? O_TRUNC : O_EXCL) | O_CLOEXEC)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file]) }
        // Header, then the payload as it is: no copy of a large period's bytes.
        let header = headerStart + withUnsafeBytes(of: (checksum ?? ContentHash.xxh64(payload)).littleEndian, Array.init)
        let written = WholeWrite.all(header, then: payload, to: fd)
        let closed = close(fd) == 0
        guard written, closed, inPlace || rename(file, target) == 0 else {
            unlink(file)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
        }
    }

    public func url(_ relativePath: String) -> URL { directory.appendingPathComponent(relativePath) }

    /// The path of a file of the folder (`url(relativePath).path`).
    public func path(_ relativePath: String) -> String { folder + "/" + relativePath }

    /// Deletes files under `folder` that `keep` does not name (leftovers of earlier builds).
    public func removeFiles(in folder: String, keeping keep: Set<String>) {
        let dir = url(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names where !keep.contains(name) {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
    }

    /// A file is: magic · schema · identity · XXH64(payload) · payload. The header up to the
    /// checksum, the same for every file of a cache.
    static func headerStart(identity: String) -> [UInt8] {
        var out = magic
        out += withUnsafeBytes(of: schema.littleEndian, Array.init)
        let id = Array(identity.utf8)
        out += withUnsafeBytes(of: UInt32(id.count).littleEndian, Array.init)
        out += id
        return out
    }

    static func unwrap<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], identity: String) -> T? {
        guard let start = payloadStart(bytes, identity: identity) else { return nil }
        return try? BinaryCoder.decode(type, from: bytes, at: start)
    }

    /// Where the payload of a cache file starts, when its header is this cache's and its checksum holds.
    static func payloadStart(_ bytes: [UInt8], identity: String) -> Int? {
        let id = Array(identity.utf8)
        let header = magic.count + 4 + 4 + id.count + 8
        guard bytes.count >= header, bytes.starts(with: magic) else { return nil }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        var p = magic.count
        guard u32(p) == schema, Int(u32(p + 4)) == id.count else { return nil }
        p += 8
        guard bytes[p..<(p + id.count)].elementsEqual(id) else { return nil }
        p += id.count
        let checksum = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[p + $1]) << (8 * UInt64($1)) }
        guard ContentHash.xxh64(bytes[(p + 8)...]) == checksum else { return nil }
        return p + 8
    }
}

extension BuildCache {
    /// Makes the cache folder when it is missing; a diagnostic naming it when it cannot be used
    /// (a file of that name is in the way, or the folder cannot be made), before a build writes there.
    public func prepareFolder() throws(Diagnostic) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Diagnostic(.error, file: folder, "a file is in the way of the build cache folder: remove or rename it")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(.error, file: folder, "cannot make the build cache folder: \(FileErrorText.describe(error))")
        }
    }
}

/// What went wrong with a file, in words: Foundation's file errors print as
/// `Error Domain=NSCocoaErrorDomain Code=512 "(null)"`, which names neither the file nor the cause.
public enum FileErrorText {
    public static func describe(_ error: any Error) -> String {
        let (path, cause) = parts(error)
        return path.map { "\($0): \(cause)" } ?? cause
    }

    /// An error diagnostic for a failed step: at the file the error names, else at `file`.
    public static func diagnostic(_ error: any Error, otherwise file: String) -> Diagnostic {
        if let diagnostic = error as? Diagnostic { return diagnostic }
        let (path, cause) = parts(error)
        return Diagnostic(.error, file: path ?? file, cause)
    }

    private static func parts(_ error: any Error) -> (path: String?, cause: String) {
        if let diagnostic = error as? Diagnostic { return (diagnostic.file, diagnostic.message) }
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return (nil, "\(error)") }
        var code: Int32?
        if ns.domain == NSPOSIXErrorDomain { code = Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        }
        let cause = code.map { String(cString: strerror($0)).lowercased() } ?? Self.cause(ns.code)
        return (ns.userInfo[NSFilePathErrorKey] as? String, cause)
    }

    private static func cause(_ code: Int) -> String {
        switch code {
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: "no such file or folder"
        case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue: "permission denied"
        case CocoaError.fileWriteOutOfSpace.rawValue: "no space left on the device"
        case CocoaError.fileWriteVolumeReadOnly.rawValue: "the file system is read-only"
        case CocoaError.fileReadCorruptFile.rawValue: "the file is damaged"
        case CocoaError.fileReadTooLarge.rawValue: "the file is too large"
        case CocoaError.fileWriteFileExists.rawValue: "a file of that name exists"
        case CocoaError.fileReadUnknown.rawValue: "cannot read it"
        case CocoaError.fileWriteUnknown.rawValue: "cannot write it (a file may be in the way of a folder, or the folder be unwritable)"
        default: "file error \(code)"
        }
    }
}
