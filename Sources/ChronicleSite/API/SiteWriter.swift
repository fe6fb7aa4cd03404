import Foundation

/// Writes generated files so that a failed build never leaves a half-written output folder:
/// everything goes to a fresh sibling folder first, which then replaces the output in one rename.
public enum SiteWriter {
    /// Why a write was refused or failed.
    public enum WriteError: Error, CustomStringConvertible, Equatable {
        /// An absolute path, a `..` or `.` segment, an empty segment or a backslash.
        case unsafePath(String)
        case duplicatePath(String)
        /// The output exists but is a file, or a folder holding a site's sources (`content/`, `chronicle.yml`, `.git`…).
        case refusingToReplace(String)
        case io(String)

        public var description: String {
            switch self {
            case .unsafePath(let p): "refusing to write '\(p)': paths must stay inside the output folder"
            case .duplicatePath(let p): "two generated files have the same path '\(p)'"
            case .refusingToReplace(let p): "refusing to replace '\(p)': it does not look like a generated site"
            case .io(let m): m
            }
        }
    }

    /// Names whose presence shows a folder is a project, not generated output (`--output .` must not wipe it).
    static let projectMarkers = [".git", "chronicle.yml", "content", "templates", "Package.swift"]

    public static func write(_ files: [OutputFile], to output: URL) throws {
        var seen = Set<String>()
        for file in files {
            guard isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
            guard seen.insert(file.path).inserted else { throw WriteError.duplicatePath(file.path) }
        }
        let fm = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        try checkReplaceable(output)
        // A random name keeps concurrent or crashed builds from colliding; it never reaches the output.
        let token = UUID().uuidString
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).new-\(token)", isDirectory: true)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.data).write(to: url)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError.io("could not write the site to \(staging.path): \(error.localizedDescription)")
        }
        try swap(staging, into: output)
    }

    /// Only a folder of generated files may be replaced or updated: never a file, never a project.
    static func checkReplaceable(_ output: URL) throws {
        guard output.path != "/", output.lastPathComponent != "..", output.lastPathComponent != "." else {
            throw WriteError.refusingToReplace(output.path)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            let existing = isDirectory.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: output.path)) : nil
            guard let existing, !existing.contains(where: projectMarkers.contains) else {
                throw WriteError.refusingToReplace(output.path)
            }
        }
    }

    /// Moves the old output aside, the new one in, then deletes the old one; on failure the old
    /// output is put back.
    static func swap(_ staging: URL, into output: URL) throws {
        if let aside = try swapKeepingOld(staging, into: output) { try? FileManager.default.removeItem(at: aside) }
    }

    /// `swap`, but the old output is left where it was moved aside (returned, when there was one)
    /// for the caller to delete.
    static func swapKeepingOld(_ staging: URL, into output: URL) throws -> URL? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            do { try fm.moveItem(at: staging, to: output) } catch {
                try? fm.removeItem(at: staging)
                throw WriteError.io("could not move the new site to \(output.path): \(error.localizedDescription)")
            }
            return nil
        }
        let aside = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(UUID().uuidString)", isDirectory: true)
        do {
            try fm.moveItem(at: output, to: aside)
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError.io("could not move the old site aside: \(error.localizedDescription)")
        }
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: aside, to: output)
            try? fm.removeItem(at: staging)
            throw WriteError.io("could not move the new site to \(output.path): \(error.localizedDescription)")
        }
        return aside
    }

    /// A relative, `/`-separated path with no empty, `.` or `..` segment and no backslash or NUL.
    static func isSafe(_ path: String) -> Bool {
        // Checked on bytes (every file of a build is): `/`, `.`, `\\` and NUL are single bytes in UTF-8.
        var path = path
        return path.withUTF8 { utf8 in
            var start = 0
            for i in 0...utf8.count {
                let b: UInt8 = i < utf8.count ? utf8[i] : 0x2F
                if b == 0x5C || b == 0 { return false }
                guard b == 0x2F else { continue }
                // A segment must be neither empty, nor `.`, nor `..`.
                let n = i - start
                if n == 0 || (n <= 2 && utf8[start..<i].allSatisfy { $0 == 0x2E }) { return false }
                start = i + 1
            }
            return true
        }
    }
}
