import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the preview watches: folders with everything below them, single files, and a folder to
/// leave out (the output, in case it lies inside a watched folder).
public struct WatchList: Sendable, Equatable {
    public var folders: [URL]
    public var files: [URL]
    public var ignoring: [URL]

    public init(folders: [URL], files: [URL] = [], ignoring: [URL] = []) {
        self.folders = folders.map(\.standardizedFileURL)
        self.files = files.map(\.standardizedFileURL)
        self.ignoring = ignoring.map(\.standardizedFileURL)
    }

    /// Names an editor writes beside the file it saves (swap files, backups): never a change.
    static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }

    func isIgnored(_ path: String) -> Bool {
        ignoring.contains { path == $0.path || path.hasPrefix($0.path + "/") }
    }
}

/// Why watching could not start.
public struct WatchError: Error, CustomStringConvertible {
    public var description: String
}

#if os(Linux)
/// Watches a `WatchList` with Linux inotify (no polling of the file system): every folder below a
/// watched folder gets its own watch, new folders included, and each watched file and folder is also
/// watched through its parent so that creating, replacing or deleting it is seen. Events are
/// gathered by a `ChangeDebouncer`, and `onChange` gets each batch of changed paths on the
/// watcher's own thread.
public final class FileWatcher: @unchecked Sendable {
    private let list: WatchList
    private let onChange: @Sendable ([String]) -> Void
    private let quietPeriod: Duration
    private let inotify: Int32
    private let wake: (read: Int32, write: Int32)
    /// Per watch descriptor: the folder, whether everything in it counts, and otherwise the names that do.
    private var watches: [Int32: (path: String, tree: Bool, names: Set<String>)] = [:]
    private let stopped = DispatchSemaphore(value: 0)
    private var running = false

    /// Folders and files changed: created, written and closed, deleted, moved in or out, touched.
    private static let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

    public init(_ list: WatchList, quietPeriod: Duration = .milliseconds(100),
                onChange: @escaping @Sendable ([String]) -> Void) throws {
        self.list = list
        self.onChange = onChange
        self.quietPeriod = quietPeriod
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw WatchError(description: "cannot start inotify: \(String(cString: strerror(errno)))") }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            close(inotify)
            throw WatchError(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        wake = (fds[0], fds[1])
        do {
            for folder in list.folders {
                try watch(folder.deletingLastPathComponent().path, tree: false, name: folder.lastPathComponent)
                if isDirectory(folder.path) { try watchTree(folder.path) }
            }
            for file in list.files {
                try watch(file.deletingLastPathComponent().path, tree: false, name: file.lastPathComponent)
            }
        } catch {
            close(inotify); close(wake.read); close(wake.write)
            throw error
        }
    }

    deinit {
        close(inotify); close(wake.read); close(wake.write)
    }

    /// Starts the watcher's thread.
    public func start() {
        running = true
        let thread = Thread { [self] in
            loop()
            stopped.signal()
        }
        thread.name = "chronicle file watcher"
        thread.start()
    }

    /// Stops the thread and waits for it; a batch not yet due is dropped.
    public func stop() {
        guard running else { return }
        running = false
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        stopped.wait()
    }

    private func loop() {
        let clock = ContinuousClock()
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>(quietPeriod: quietPeriod)
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            let timeout = debouncer.deadline.map { Self.milliseconds(clock.now.duration(to: $0)) } ?? -1
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return }
            if fds[1].revents != 0 { return }
            if fds[0].revents & Int16(POLLIN) != 0 {
                let now = clock.now
                for path in readChanges() { debouncer.add(path, at: now) }
            }
            if let batch = debouncer.flush(at: clock.now) { onChange(batch) }
        }
    }

    /// Drains the inotify queue: the changed paths it names, with watches added for new folders.
    private func readChanges() -> [String] {
        var changes: [String] = []
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(inotify, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let flags = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + 16, count: length)
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                if let path = change(wd: wd, flags: flags, name: name) { changes.append(path) }
            }
        }
        return changes
    }

    /// The path one event reports as changed, or nil when it does not count.
    private func change(wd: Int32, flags: UInt32, name: String) -> String? {
        if flags & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: rescan every folder, and rebuild whatever changed.
            for folder in list.folders where isDirectory(folder.path) { try? watchTree(folder.path) }
            return list.folders.first?.path ?? "(events lost)"
        }
        if flags & UInt32(IN_IGNORED) != 0 {
            watches[wd] = nil
            return nil
        }
        guard let watched = watches[wd] else { return nil }
        if name.isEmpty {
            // The watched folder itself was deleted or moved.
            return watched.tree ? watched.path : nil
        }
        let path = watched.path + "/" + name
        if watched.tree {
            guard !WatchList.isScratch(name), !list.isIgnored(path) else { return nil }
        } else {
            guard watched.names.contains(name) else { return nil }
        }
        let isNewFolder = flags & UInt32(IN_ISDIR) != 0 && flags & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        if isNewFolder && (watched.tree || list.folders.contains { $0.path == path }) {
            try? watchTree(path)
        }
        return path
    }

    /// Watches `root` and every folder below it (hidden and ignored ones left out).
    private func watchTree(_ root: String) throws {
        guard !list.isIgnored(root) else { return }
        try watch(root, tree: true, name: nil)
        let fm = FileManager.default
        guard let children = try? fm.contentsOfDirectory(atPath: root) else { return }
        for child in children.sorted() where !WatchList.isScratch(child) {
            let path = root + "/" + child
            if isDirectory(path) { try watchTree(path) }
        }
    }

    /// Adds (or widens) the watch on one folder: a tree watch counts everything, a parent watch only `name`.
    private func watch(_ path: String, tree: Bool, name: String?) throws {
        let wd = inotify_add_watch(inotify, path, Self.mask)
        guard wd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return }
            throw WatchError(description: "cannot watch \(path): \(String(cString: strerror(errno)))")
        }
        var entry = watches[wd] ?? (path, false, [])
        entry.tree = entry.tree || tree
        if let name { entry.names.insert(name) }
        watches[wd] = entry
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A poll(2) timeout: rounded up, so that the loop never wakes just before a deadline and spins.
    static func milliseconds(_ d: Duration) -> Int32 {
        let (seconds, attoseconds) = d.components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: ms)
    }
}
#else
/// Watching needs Linux inotify; elsewhere starting a watcher fails with a clear message.
public final class FileWatcher: Sendable {
    public init(_ list: WatchList, quietPeriod: Duration = .milliseconds(100),
                onChange: @escaping @Sendable ([String]) -> Void) throws {
        throw WatchError(description: "watching for changes needs Linux (inotify)")
    }

    public func start() {}
    public func stop() {}
}
#endif
