import Foundation

/// XXH64 (Yann Collet's xxHash, 64-bit): what the build cache keys articles and checks its files
/// with. It is not cryptographic, and needs not be: the cache guards against edits and torn
/// writes, not against an attacker, and 64 bits make an accidental collision among a site's
/// files negligible (about 1 in 10^11 for 10,000 files). It hashes several GB/s, so reading and
/// hashing every article on each build costs little next to parsing even one of them.
public struct ContentHash: Sendable {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The 64-bit hash of `bytes`.
    public static func xxh64<C: ContiguousBytes>(_ bytes: C, seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    public static func xxh64(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// Sixteen hex digits, for file names.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        var acc = acc &+ input &* p2
        acc = (acc << 31) | (acc >> 33)
        return acc &* p1
    }

    private static func merge(_ acc: UInt64, _ val: UInt64) -> UInt64 {
        let acc = acc ^ round(0, val)
        return acc &* p1 &+ p4
    }

    private static func hash(_ data: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let count = data.count
        var i = 0
        var h: UInt64
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: data.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        if count >= 32 {
            var v1 = seed &+ p1 &+ p2, v2 = seed &+ p2, v3 = seed, v4 = seed &- p1
            while i + 32 <= count {
                v1 = round(v1, word(i))
                v2 = round(v2, word(i + 8))
                v3 = round(v3, word(i + 16))
                v4 = round(v4, word(i + 24))
                i += 32
            }
            h = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            h = merge(h, v4)
        } else {
            h = seed &+ p5
        }
        h = h &+ UInt64(count)
        while i + 8 <= count {
            h ^= round(0, word(i))
            h = ((h << 27) | (h >> 37)) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= count {
            h ^= UInt64(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* p1
            h = ((h << 23) | (h >> 41)) &* p2 &+ p3
            i += 4
        }
        while i < count {
            h ^= UInt64(data[i]) &* p5
            h = ((h << 11) | (h >> 53)) &* p1
            i += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }
}

/// A whole file's bytes, read straight into an array (no `Data` in between to copy from).
public enum FileBytes {
    public static func read(_ path: String) -> [UInt8]? {
        var stamp: FileStamp?
        return read(path, stamp: &stamp)
    }

    /// The bytes, and in `stamp` the file's stamp as it was opened.
    public static func read(_ path: String, stamp: inout FileStamp?) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        stamp = FileStamp(info)
        let size = Int(info.st_size)
        guard size > 0 else { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            LargeBuffer.advise(UnsafeMutableRawBufferPointer(buffer))
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 { failed = true }
                if n <= 0 { break }
                done += n
            }
            count = done
        }
        return failed ? nil : bytes
    }
}

/// Byte buffers of cache files, megabytes each (a large site's manifest, a month's mentions): made
/// at their final size where it is known, so they are not grown by doubling (each step a copy into
/// fresh memory), and backed by huge pages where the system allows it (`madvise`), so that their
/// first touch costs one page fault per 2 MB rather than one per 4 kB.
public enum LargeBuffer {
    /// Smaller buffers are left as they are.
    static let threshold = 4 << 20
    static let hugePage = 2 << 20

    /// An empty array with room for `capacity` bytes.
    public static func empty(capacity: Int) -> [UInt8] {
        guard capacity > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            advise(UnsafeMutableRawBufferPointer(buffer))
            count = 0
        }
    }

    /// Asks for huge pages for the whole 2 MB pages within `buffer` (memory not touched yet), when it is large.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
    }
}
