import Foundation

/// Writes `Sources/ChronicleSite/Templates/*.swift` from the repository's `templates/*.mustache`:
/// edit a template, run `CHRONICLE_UPDATE_TEMPLATES=1 swift test --filter TemplateSetTests`, rebuild.
enum DefaultTemplateSources {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repo.appendingPathComponent("templates", isDirectory: true)
    static let sources = repo.appendingPathComponent("Sources/ChronicleSite/Templates", isDirectory: true)

    static var requested: Bool { ProcessInfo.processInfo.environment["CHRONICLE_UPDATE_TEMPLATES"] == "1" }

    static func regenerate() throws {
        let fm = FileManager.default
        for old in try fm.contentsOfDirectory(atPath: sources.path) where old.hasSuffix(".swift") {
            try fm.removeItem(at: sources.appendingPathComponent(old))
        }
        let names = try fm.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".mustache") }
            .map { String($0.dropLast(".mustache".count)) }.sorted()
        var list = ""
        for name in names {
            let text = try String(contentsOf: templates.appendingPathComponent("\(name).mustache"), encoding: .utf8)
            // A raw string literal holds any text except its own closing delimiter and `\#`.
            precondition(!text.contains("\"\"\"#") && !text.contains("\\#") && !text.contains("\r") && text.hasSuffix("\n"),
                         "templates/\(name).mustache cannot be embedded as a raw string literal")
            let swift = """
            // Generated from templates/\(name).mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
            extension DefaultTemplates {
                static let \(identifier(name)) = #\"\"\"
            \(text)
            \"\"\"#
            }

            """
            try Data(swift.utf8).write(to: sources.appendingPathComponent("DefaultTemplate+\(typeName(name)).swift"))
            list += "        (\"\(name)\", \(identifier(name))),\n"
        }
        let index = """
        /// The templates compiled into the binary, so a site without `templates/` builds.
        /// Each also lives in the repository's `templates/` folder, byte for byte.
        enum DefaultTemplates {
            static let all: [(name: String, contents: String)] = [
        \(list)    ]
        }

        """
        try Data(index.utf8).write(to: sources.appendingPathComponent("DefaultTemplates.swift"))
    }

    /// "timeline.md" → "TimelineMd".
    static func typeName(_ name: String) -> String {
        name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// "timeline.md" → "timelineMd".
    static func identifier(_ name: String) -> String {
        let type = typeName(name)
        return type.prefix(1).lowercased() + type.dropFirst()
    }
}
