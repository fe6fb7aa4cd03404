import ChronicleSite
import Foundation
import Testing

/// Compares generated files with the golden copies in `Fixtures/<name>/`;
/// `CHRONICLE_UPDATE_GOLDEN=1 swift test` rewrites them instead.
enum Golden {
    /// The source folder, not the bundle copy, so updates land in the repository.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    static var updating: Bool { ProcessInfo.processInfo.environment["CHRONICLE_UPDATE_GOLDEN"] == "1" }

    static func check(_ files: [OutputFile], against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = fixtures.appendingPathComponent(name, isDirectory: true)
        if updating {
            try? FileManager.default.removeItem(at: dir)
            try SiteWriter.write(files, to: dir)
            return
        }
        let expected = try listFiles(in: dir)
        #expect(files.map(\.path) == expected, "generated files differ from \(name)/", sourceLocation: sourceLocation)
        for file in files where expected.contains(file.path) {
            let golden = try String(contentsOf: dir.appendingPathComponent(file.path), encoding: .utf8)
            if golden != file.text {
                Issue.record("\(file.path) differs from the golden copy:\n\(firstDifference(golden, file.text))", sourceLocation: sourceLocation)
            }
        }
    }

    static func listFiles(in dir: URL) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var out: [String] = []
        for case let path as String in e {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The first differing line, so a failure is readable without a diff tool.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) where i >= la.count || i >= lb.count || la[i] != lb[i] {
            return "line \(i + 1):\n  golden:    \(i < la.count ? String(la[i]) : "<end>")\n  generated: \(i < lb.count ? String(lb[i]) : "<end>")"
        }
        return "(identical lines)"
    }
}
