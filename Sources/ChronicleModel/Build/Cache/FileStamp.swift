import Foundation

/// What `stat` says about a file: for an article, whether a rebuild must read it again; for an
/// output file, whether it is still the one the last build wrote.
///
/// As git and make do, a rebuild takes the last build's record of an article whose stamp is
/// unchanged without reading it, but only when the stamp is *settled*: the file was last modified
/// strictly before the build that read it started reading (`BuildCache.markReadStart`). A write
/// after that read gives the file a later modification time (the file system's clock only moves
/// on), so a same-size edit within one tick of the clock cannot hide behind an equal stamp; an
/// edit that sets the modification time back still changes the change time (`ctime`), and a file
/// replaced by another has another inode.
public struct FileStamp: Codable, Hashable, Sendable {
    public var size: Int64
    /// Modification and change times in nanoseconds since 1970, as the file system keeps them.
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64
    public var device: UInt64

    /// Whether a record of the file read with this stamp in a build that started reading at
    /// `readStart` still holds while the stamp is the same.
    public func isSettled(readStart: Int64) -> Bool { modified < readStart }
}

extension FileStamp {
    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// The stamp of a regular file (links followed); nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }

    /// The stamp of the open regular file `descriptor`; nil when it is not one.
    public init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }

    /// The stamp of the regular file named by the C string at `name` in the open folder `folder`
    /// (one name to look up, not a whole path); nil when there is none.
    public init?(_ name: UnsafePointer<CChar>, in folder: Int32) {
        var info = stat()
        guard fstatat(folder, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }
}

extension FileStamp {
    /// The stamps of the files at `paths` (relative to the folder at `folder`), on all cores: one
    /// `fstatat` each on the open folder, so no path is built and only the last names are looked up.
    /// Nil for a path that is not a regular file (every one when the folder cannot be opened).
    public static func stamps(of paths: [String], in folder: String) -> [FileStamp?] {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return Array(repeating: nil, count: paths.count) }
        defer { close(fd) }
        // In runs of files, not one task (and one lock) per file.
        let run = 256
        return concurrentMap(Array(stride(from: 0, to: paths.count, by: run))) { start in
            paths[start..<min(start + run, paths.count)].map { path in path.withCString { FileStamp($0, in: fd) } }
        }.flatMap { $0 }
    }
}

extension BuildCache {
    static let readMarkName = "read-mark"

    /// Sets the modification time of `.chronicle/read-mark` to now, as the file system's clock has
    /// it, and returns it: when this build starts reading articles (`FileStamp.isSettled`). Nil
    /// when the folder cannot be written (then no stamp is ever trusted).
    public func markReadStart() -> Int64? {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fd = open(url(Self.readMarkName).path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard futimens(fd, nil) == 0, fstat(fd, &info) == 0 else { return nil }
        return FileStamp(info).modified
    }
}

extension CacheWriter {
    /// As `int(size)`, `int(modified)`, `int(changed)`, `varint(inode)`, `varint(device)`, written
    /// in one step (`site.bin` holds a stamp per output file).
    public mutating func stamp(_ s: FileStamp) {
        reserve(50)
        let at = used
        used = storage.withUnsafeMutableBufferPointer { b in
            var i = Self.put(Self.zigzag(s.size), into: b, at: at)
            i = Self.put(Self.zigzag(s.modified), into: b, at: i)
            i = Self.put(Self.zigzag(s.changed), into: b, at: i)
            i = Self.put(s.inode, into: b, at: i)
            return Self.put(s.device, into: b, at: i)
        }
    }
}

extension CacheReader {
    public mutating func stamp() throws -> FileStamp {
        // Five varints of at most ten bytes each: read in one pass when that many bytes are left
        // (`site.bin` holds a stamp per output file, the manifest one per article).
        if end - position >= 50 {
            var at = position
            let stamp = bytes.withUnsafeBufferPointer { b -> FileStamp? in
                guard let size = Self.varint(in: b, at: &at), let modified = Self.varint(in: b, at: &at),
                      let changed = Self.varint(in: b, at: &at), let inode = Self.varint(in: b, at: &at),
                      let device = Self.varint(in: b, at: &at) else { return nil }
                return FileStamp(size: Self.unzigzag(size), modified: Self.unzigzag(modified), changed: Self.unzigzag(changed),
                                 inode: inode, device: device)
            }
            guard let stamp else { throw Self.corrupt("varint too long") }
            position = at
            return stamp
        }
        let size = try int(), modified = try int(), changed = try int()
        return FileStamp(size: Int64(size), modified: Int64(modified), changed: Int64(changed), inode: try varint(), device: try varint())
    }
}
