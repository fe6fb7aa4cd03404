import Foundation

/// Writing whole files with plain system calls (one per article body or page in a clean build,
/// so no URL, FileManager or FileHandle work per file), for the cache and the site's output alike.
public enum WholeWrite {
    /// `open(path, flags, 0o666)`, its folder made first when missing; a negative descriptor
    /// when the file cannot be opened.
    public static func open(_ path: String, flags: Int32) throws -> Int32 {
        var fd = Foundation.open(path, flags, 0o666)
        if fd < 0 && errno == ENOENT, let slash = path.utf8.lastIndex(of: 0x2F) {
            try FileManager.default.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true)
            fd = Foundation.open(path, flags, 0o666)
        }
        return fd
    }

    /// A hidden name beside `path` (`dir/.name.<64 random bits in hex>`) to write a file under
    /// before it is renamed to `path` (a UUID's text cost more than writing a small cache file).
    public static func temporary(beside path: String) -> String {
        let slash = path.utf8.lastIndex(of: 0x2F)!
        return path[...slash] + "." + path[path.utf8.index(after: slash)...] + "." + String(UInt64.random(in: .min ... .max), radix: 16)
    }

    /// Writes all of `bytes` to `fd`, retrying short and interrupted writes; false on an error.
    public static func all(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { all($0, to: fd) }
    }

    /// Writes all of `head`, then all of `body`, to `fd`: in one call when the system takes them
    /// whole (a clean build writes a small cache file per article, each a header and a payload).
    public static func all(_ head: [UInt8], then body: [UInt8], to fd: Int32) -> Bool {
        let written = head.withUnsafeBytes { head in
            body.withUnsafeBytes { body in
                withUnsafeTemporaryAllocation(of: iovec.self, capacity: 2) { pieces in
                    pieces[0] = iovec(iov_base: UnsafeMutableRawPointer(mutating: head.baseAddress), iov_len: head.count)
                    pieces[1] = iovec(iov_base: UnsafeMutableRawPointer(mutating: body.baseAddress), iov_len: body.count)
                    var n = writev(fd, pieces.baseAddress, 2)
                    while n < 0 && errno == EINTR { n = writev(fd, pieces.baseAddress, 2) }
                    return n
                }
            }
        }
        guard written >= 0 else { return false }
        if written < head.count {
            return head.withUnsafeBytes { all(UnsafeRawBufferPointer(rebasing: $0[written...]), to: fd) } && all(body, to: fd)
        }
        return body.withUnsafeBytes { all(UnsafeRawBufferPointer(rebasing: $0[(written - head.count)...]), to: fd) }
    }

    public static func all(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = Foundation.write(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}
