import Foundation

/// Chooses where a new article goes: a plain file name directly inside the content folder,
/// never a path outside it, never through a symbolic link.
struct ContentPath {
    let directory: URL

    struct Target {
        var url: URL
        /// Relative to the content folder.
        var relativePath: String
    }

    /// `base.ext`, or `base-2.ext`, `base-3.ext`… when that name is taken by another article.
    /// With `overwrite` (`--force`) an existing file of that name is replaced.
    func available(base: String, extension ext: String, overwrite: Bool) throws(ImportError) -> Target {
        for n in 1...1000 {
            let name = n == 1 ? "\(base).\(ext)" : "\(base)-\(n).\(ext)"
            let target = try checked(name)
            let attributes = try? FileManager.default.attributesOfItem(atPath: target.url.path)
            if attributes == nil { return target }
            if attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                throw ImportError("\(name) in the content folder is a symbolic link; not writing through it")
            }
            if overwrite { return target }
        }
        throw ImportError("too many articles named \(base)")
    }

    /// The name as a target inside the folder; anything with a separator or a leading dot is refused.
    func checked(_ name: String) throws(ImportError) -> Target {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\\"), !name.contains("\0") else {
            throw ImportError("unsafe file name `\(name)`")
        }
        let root = directory.standardizedFileURL
        let url = root.appendingPathComponent(name).standardizedFileURL
        guard url.deletingLastPathComponent().path == root.path else { throw ImportError("unsafe file name `\(name)`") }
        return Target(url: url, relativePath: name)
    }
}
