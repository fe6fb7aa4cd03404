import ChronicleModel
import Foundation

/// What the output folder held after the last build: each file's stamp, a hash of its bytes and,
/// for pages rendered only when their inputs change, the fingerprint of those inputs.
struct OutputEntry: Codable, Sendable, Equatable {
    var stamp: FileStamp
    var hash: UInt64
    var fingerprint: UInt64?
    /// Sections of the file a later build may copy instead of rendering them again (the days of
    /// a month page), each with the fingerprint of what it shows.
    var parts: [Part] = []

    struct Part: Codable, Sendable, Equatable {
        var fingerprint: UInt64
        var offset: Int
        var length: Int
    }
}

/// Writes one build's files. With the previous build's entries (and the folder still as that
/// build left it), files are updated in place: a file whose bytes are unchanged is not touched,
/// and files the build no longer makes are removed. Otherwise everything goes to a fresh folder
/// beside the output that replaces it in one rename at the end, so a failed build leaves the old
/// output as it was. Safe to call from several threads.
final class OutputSession: @unchecked Sendable {
    let output: URL
    /// Where files go: the output itself, or the staging folder.
    let root: URL
    /// `root` as a path ending in `/` (a `URL` per file costs more than the `stat` it is for).
    private let rootPath: String
    let staged: Bool
    private let previous: [String: OutputEntry]
    /// The entries of `previous` found as it left them, when that was checked before the session
    /// (`SiteState.checkFiles`, while the timeline was built); else each is checked when asked.
    private let checked: [String: OutputEntry]?
    private let stamps: OutputStamps?
    private(set) var entries: [String: OutputEntry] = [:]
    private(set) var written = 0
    private(set) var unchanged = 0
    private(set) var removed = 0
    private let lock = NSLock()

    init(output: URL, previous: [String: OutputEntry]?, intact checked: [String: OutputEntry]? = nil) throws {
        let fm = FileManager.default
        self.output = output.standardizedFileURL
        try SiteWriter.checkReplaceable(self.output)
        var isDirectory: ObjCBool = false
        if let previous, fm.fileExists(atPath: self.output.path, isDirectory: &isDirectory), isDirectory.boolValue {
            staged = false
            root = self.output
            self.previous = previous
        } else {
            staged = true
            self.previous = [:]
            let parent = self.output.deletingLastPathComponent()
            root = parent.appendingPathComponent(".\(self.output.lastPathComponent).new-\(UUID().uuidString)", isDirectory: true)
            do {
                try fm.createDirectory(at: parent, withIntermediateDirectories: true)
                try fm.createDirectory(at: root, withIntermediateDirectories: false)
            } catch {
                throw SiteWriter.WriteError.io("could not create \(root.path): \(error.localizedDescription)")
            }
        }
        rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        entries.reserveCapacity(previous?.count ?? 0)
        self.checked = staged ? nil : checked
        stamps = staged || checked != nil ? nil : OutputStamps(rootPath)
    }

    /// The previous entry of `path`, when the file is still as that build left it.
    func intact(_ path: String) -> OutputEntry? {
        guard !staged else { return nil }
        if let checked { return checked[path] }
        guard let entry = previous[path] else { return nil }
        return stamps?.stamp(path) == entry.stamp ? entry : nil
    }

    /// Keeps a file the build did not need to render again.
    func keep(_ path: String, _ entry: OutputEntry) {
        lock.lock()
        entries[path] = entry
        unchanged += 1
        lock.unlock()
    }

    func write(_ file: OutputFile, fingerprint: UInt64? = nil, parts: [OutputEntry.Part] = []) throws {
        try file.data.withUnsafeBytes { try write(file.path, bytes: $0, fingerprint: fingerprint, parts: parts) }
    }

    /// Writes the file at `path` holding `bytes`, read where they lie (a page is written from the
    /// buffer it was put together in, not copied into an array first).
    func write(_ path: String, bytes: UnsafeRawBufferPointer, fingerprint: UInt64? = nil, parts: [OutputEntry.Part] = []) throws {
        let hash = ContentHash.xxh64(bytes)
        if let old = intact(path), old.hash == hash {
            keep(path, OutputEntry(stamp: old.stamp, hash: hash, fingerprint: fingerprint, parts: parts))
            return
        }
        guard SiteWriter.isSafe(path) else { throw SiteWriter.WriteError.unsafePath(path) }
        let target = rootPath + path
        let stamp: FileStamp
        do {
            // A staged folder is new and swapped in whole: each file is written where it goes, once.
            // In place, a file is written beside its target and renamed over it, so it is never seen half written.
            stamp = staged ? try Self.create(target, with: bytes, exclusive: true)
                : try Self.replace(target, with: bytes)
        } catch {
            throw SiteWriter.WriteError.io("could not write \(target): \(error.localizedDescription)")
        }
        record(path, OutputEntry(stamp: stamp, hash: hash, fingerprint: fingerprint, parts: parts))
    }

    private func record(_ path: String, _ entry: OutputEntry) {
        lock.lock()
        entries[path] = entry
        written += 1
        lock.unlock()
    }

    /// A new file at `path` holding `bytes`, written from where they are (a period page is
    /// megabytes: no copy of it first), its folder made when missing; its stamp as written.
    /// `exclusive`: the file must not exist yet (nor be a link).
    private static func create(_ path: String, with bytes: UnsafeRawBufferPointer, exclusive: Bool) throws -> FileStamp {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (exclusive ? O_EXCL : O_TRUNC)
        let fd = try WholeWrite.open(path, flags: flags)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        guard WholeWrite.all(bytes, to: fd) else { throw CocoaError(.fileWriteUnknown) }
        guard let stamp = FileStamp(descriptor: fd) else { throw CocoaError(.fileWriteUnknown) }
        return stamp
    }

    /// `path` replaced by a file holding `bytes` in one rename; its stamp once renamed (a rename
    /// changes the file's change time).
    private static func replace(_ path: String, with bytes: UnsafeRawBufferPointer) throws -> FileStamp {
        let temporary = WholeWrite.temporary(beside: path)
        do {
            _ = try create(temporary, with: bytes, exclusive: true)
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard let stamp = FileStamp(path: path) else { throw CocoaError(.fileReadUnknown) }
        return stamp
    }

    /// The bytes of `path` as the last build wrote it, when the file is still as that build left it.
    func previousBytes(_ path: String) -> [UInt8]? {
        guard let entry = intact(path), let bytes = FileBytes.read(rootPath + path), bytes.count == entry.stamp.size else { return nil }
        return bytes
    }

    /// Writes `path` through `body` (which writes the file at the URL it is given), atomically.
    func write(_ path: String, hash: UInt64, fingerprint: UInt64?, parts: [OutputEntry.Part] = [], _ body: (URL) throws -> Void) throws {
        guard SiteWriter.isSafe(path) else { throw SiteWriter.WriteError.unsafePath(path) }
        let target = root.appendingPathComponent(path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try body(temporary)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SiteWriter.WriteError.io("could not write \(target.path): \(error.localizedDescription)")
        }
        guard let stamp = FileStamp(path: target.path) else { throw SiteWriter.WriteError.io("could not read back \(target.path)") }
        record(path, OutputEntry(stamp: stamp, hash: hash, fingerprint: fingerprint, parts: parts))
    }

    /// Puts the finished `file` (on the output's file system) in place of `path` in one rename,
    /// and keeps the file it replaces under `file`'s name (its storage is written over by the next
    /// build instead of being freed now and taken again then).
    func swapIn(_ path: String, from file: URL, hash: UInt64, fingerprint: UInt64?) throws {
        guard SiteWriter.isSafe(path) else { throw SiteWriter.WriteError.unsafePath(path) }
        let target = root.appendingPathComponent(path)
        let kept = file.path + ".next"
        unlink(kept)
        let keeps = link(target.path, kept) == 0
        guard rename(file.path, target.path) == 0 else {
            if keeps { unlink(kept) }
            unlink(file.path)
            throw SiteWriter.WriteError.io("could not write \(target.path)")
        }
        if keeps { rename(kept, file.path) }
        guard let stamp = FileStamp(path: target.path) else { throw SiteWriter.WriteError.io("could not read back \(target.path)") }
        record(path, OutputEntry(stamp: stamp, hash: hash, fingerprint: fingerprint))
    }

    /// The old output a staged session replaced, still to be deleted (`removeReplaced`).
    private var replaced: URL?

    /// Removes what earlier builds wrote and this one did not, or swaps the staged folder in
    /// (the old output is then deleted by `removeReplaced`, which may run on another thread).
    func finish() throws {
        if staged {
            replaced = try SiteWriter.swapKeepingOld(root, into: output)
            return
        }
        for path in previous.keys where entries[path] == nil {
            if (try? FileManager.default.removeItem(at: root.appendingPathComponent(path))) != nil { removed += 1 }
        }
        removeEmptyFolders(root)
    }

    /// Deletes the output a staged session replaced.
    func removeReplaced() {
        if let replaced { try? FileManager.default.removeItem(at: replaced) }
        replaced = nil
    }

    /// Gives up: a staged folder is deleted; files already updated in place stay (each is whole).
    func abandon() {
        if staged { try? FileManager.default.removeItem(at: root) }
    }

    private func removeEmptyFolders(_ dir: URL) {
        for name in ["months", "articles"] {
            let sub = dir.appendingPathComponent(name)
            if Self.isEmptyFolder(sub.path) { try? FileManager.default.removeItem(at: sub) }
        }
    }

    /// Whether `path` is a folder with nothing in it, read up to its first entry (the articles'
    /// folder holds one per article: not listed to find it is not empty).
    static func isEmptyFolder(_ path: String) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let isDot = withUnsafeBytes(of: entry.pointee.d_name) { name in
                name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0))
            }
            if !isDot { return false }
        }
        return true
    }
}

/// Reads the stamps of files in an output folder, those in its folders of pages by name in the
/// open folder (there are as many as articles: no path is resolved from the root for each).
final class OutputStamps {
    private let rootPath: String
    /// Each folder of pages by its name's bytes, and its descriptor.
    private let folders: [(name: [UInt8], fd: Int32)]

    /// `rootPath` ends in `/`.
    init(_ rootPath: String) {
        self.rootPath = rootPath
        folders = Paths.pageFolders.compactMap { name in
            let fd = open(rootPath + name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            return fd >= 0 ? (Array(name.utf8), fd) : nil
        }
    }

    deinit { for folder in folders { close(folder.fd) } }

    /// The stamp of the file at `path` (from the root) as it is now.
    func stamp(_ path: String) -> FileStamp? {
        let found = path.withCString { c -> FileStamp?? in
            // `folder/name` with a single slash, in one of the folders of pages.
            var slash = -1, n = 0
            while c[n] != 0 {
                if c[n] == 0x2F {
                    guard slash < 0 else { return nil }
                    slash = n
                }
                n += 1
            }
            guard slash > 0, let folder = folders.first(where: { folder in
                folder.name.count == slash && folder.name.withUnsafeBufferPointer { memcmp($0.baseAddress!, c, slash) == 0 }
            }) else { return nil }
            return .some(FileStamp(c + slash + 1, in: folder.fd))
        }
        if let found { return found }
        return FileStamp(path: rootPath + path)
    }
}
