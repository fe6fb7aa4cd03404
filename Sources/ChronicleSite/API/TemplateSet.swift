import ChronicleModel
import Foundation
import Mustache

/// The Mustache templates a site is rendered with: the built-in defaults, each overridable by a
/// file of the same name in the site's `templates/` folder. Every template is also a partial.
///
/// A site's own templates are parsed when loaded, so that an error in one fails the build before
/// anything is written; the built-in ones (constant texts, all parsed by `TemplateSetTests`) only
/// when a page that shows them is rendered: a rebuild renders a few kinds of page.
public struct TemplateSet: Sendable {
    /// The parsed templates, and the library each rendered template is rendered with.
    private let parsed: ParsedTemplates
    /// Template name → where it came from (a file path, or "built-in …"), for messages.
    public let origins: [String: String]
    /// Template name → its text.
    let sources: [String: String]
    /// Template name → the text registered with the library (`days` may be the compiled partial's stub).
    let registered: [String: String]
    /// Partials `CompiledPartials` writes: `days` while it and `event` are built in,
    /// `article-events`, `periods`, the article lists and `entity-groups` while each is; and
    /// `article.html` and `entity.html`, which `CompiledArticlePage` and `CompiledEntityPage` write
    /// while they and the partials they show are built in.
    let compiled: Set<String>
    var compiledDays: Bool { compiled.contains("days") }
    /// `names(usedBy:)`'s answers, and each template's own tags, as worked out.
    private let usedNames = UsedNames()

    /// Changes whenever any template does: part of every page's fingerprint.
    public var fingerprint: UInt64 {
        ContentHash.xxh64(sources.keys.sorted().flatMap { Array("\($0)\u{0}\(sources[$0]!)\u{0}".utf8) })
    }

    /// The first segment of every name `template` and the partials it includes refer to
    /// (`counts` for `{{counts.events}}`), so a build knows which site-wide values a page can show.
    /// A dynamic partial (`{{>*name}}`) could be any template: then it is every template's names.
    /// Each answer is worked out once per set (pages ask for every page they render).
    func names(usedBy template: String) -> Set<String> {
        usedNames.names(usedBy: template) { name in registered[name].map { Self.tags(in: $0, partialsCouldBeAny: Array(registered.keys)) } }
    }

    /// The names one template's tags refer to, and the partials it includes (every template for a dynamic one).
    private static func tags(in text: String, partialsCouldBeAny all: [String]) -> (names: Set<String>, partials: [String]) {
        var names = Set<String>()
        var partials: [String] = []
        // The braces are found on bytes (a text search per tag cost more than all else here).
        let bytes = Array(text.utf8)
        func pair(_ b: UInt8, from start: Int) -> Int? {
            var i = start
            while i + 1 < bytes.count {
                if bytes[i] == b && bytes[i + 1] == b { return i }
                i += 1
            }
            return nil
        }
        var next = 0
        while let open = pair(0x7B, from: next) {
            guard let close = pair(0x7D, from: open + 2) else { break }
            next = close + 2
            var tag = String(decoding: bytes[(open + 2)..<close], as: UTF8.self).drop { $0 == "{" || $0 == " " }
            guard let sigil = tag.first else { continue }
            if "!%=".contains(sigil) { continue }
            if sigil == ">" {
                let partial = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if partial.hasPrefix("*") { partials += all } else { partials.append(partial) }
                continue
            }
            if "#^/&".contains(sigil) { tag = tag.dropFirst() }
            let word = tag.trimmingCharacters(in: .whitespaces).split(separator: ".").first.map(String.init) ?? ""
            names.insert(word.trimmingCharacters(in: CharacterSet(charactersIn: "}")))
        }
        return (names, partials)
    }

    /// Whether any template refers to `name` (as `names(usedBy:)` reads them): a site-wide list
    /// no template shows need not be built.
    func anyUses(_ name: String) -> Bool { registered.keys.contains { names(usedBy: $0).contains(name) } }

    /// The built-in templates as files (`index.html.mustache` …), for `chronicle init` and the repo's `templates/`.
    public static var defaultFiles: [(name: String, contents: String)] {
        DefaultTemplates.all.map { ("\($0.name).mustache", $0.contents) }
    }

    /// The built-in templates alone.
    public static func builtIn() throws -> TemplateSet {
        try load(overridesIn: nil)
    }

    /// Loads the defaults, then every `*.mustache` file directly inside `dir` (when it exists) over them.
    public static func load(overridesIn dir: URL?) throws -> TemplateSet {
        MarkdownContentType.register()
        var sources: [String: (text: String, origin: String)] = [:]
        for t in DefaultTemplates.all {
            sources[t.name] = (t.contents, "built-in template \(t.name).mustache")
        }
        if let dir {
            for (name, url) in try overrideFiles(in: dir) {
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw TemplateError(file: url.path, message: "cannot read the file")
                }
                guard let text = String(validating: data, as: UTF8.self) else {
                    throw TemplateError(file: url.path, message: "not valid UTF-8")
                }
                sources[name] = (text, url.path)
            }
        }
        var parsed: [String: MustacheTemplate] = [:]
        func builtIn(_ names: String...) -> Bool { names.allSatisfy { sources[$0]?.origin.hasPrefix("built-in") == true } }
        var compiled = Set<String>()
        if builtIn("days", "event") { compiled.insert("days") }
        if builtIn("article-events") { compiled.insert("article-events") }
        if builtIn("periods") { compiled.insert("periods") }
        if builtIn("article-list") { compiled.insert("article-list") }
        if builtIn("article-list-md") { compiled.insert("article-list-md") }
        if builtIn("entity-groups") { compiled.insert("entity-groups") }
        // A page, not a partial: `CompiledArticlePage` (which renders the parts it shares with other pages).
        if builtIn("article.html", "article-events") { compiled.insert("article.html") }
        if builtIn("entity.html", "periods") { compiled.insert("entity.html") }
        var registered: [String: String] = [:]
        for name in sources.keys.sorted() {
            let (text, origin) = sources[name]!
            registered[name] = compiled.contains(name) ? CompiledPartials.stubs[name] ?? text : text
            // A built-in template names only built-in partials (`builtInTemplatesNameOnlyBuiltInPartials`),
            // and those are always there: only a site's own are checked.
            guard !origin.hasPrefix("built-in") else { continue }
            do {
                parsed[name] = try MustacheTemplate(string: registered[name]!)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: origin, line: error.context.lineNumber, column: error.context.columnNumber,
                                    message: describe(error.error))
            }
            try checkPartials(in: text, origin: origin, known: sources)
        }
        try checkPartialCycles(sources)
        return TemplateSet(parsed: ParsedTemplates(parsed), origins: sources.mapValues(\.origin), sources: sources.mapValues(\.text),
                           registered: registered, compiled: compiled)
    }

    /// Renders the template `name` (which always exists: the defaults cover every page).
    func render(_ name: String, _ context: [String: Any]) -> String {
        // Text without a tag is itself (as the page it is, not as a partial, which is indented where it is included).
        guard let text = registered[name], Self.hasTags(text) else { return registered[name] ?? "" }
        return parsed.library(for: name, in: self).render(context, withTemplate: name) ?? ""
    }

    /// Whether a text has a Mustache tag: `{{` (the delimiters are changed by a tag too).
    static func hasTags(_ text: String) -> Bool {
        var last: UInt8 = 0
        for b in text.utf8 {
            if b == 0x7B && last == 0x7B { return true }
            last = b
        }
        return false
    }

    /// The templates `name` shows: itself and the partials it includes, theirs and so on (every
    /// template for a dynamic partial).
    fileprivate func shown(by name: String) -> Set<String> {
        var shown = Set<String>()
        var pending = [name]
        while let next = pending.popLast() {
            guard shown.insert(next).inserted, let text = registered[next] else { continue }
            pending += Self.tags(in: text, partialsCouldBeAny: Array(registered.keys)).partials
        }
        return shown.filter { registered[$0] != nil }
    }

    private static func overrideFiles(in dir: URL) throws -> [(String, URL)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir.path) } catch {
            throw TemplateError(file: dir.path, message: "cannot list the folder: \(error.localizedDescription)")
        }
        return names.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.sorted().map {
            (String($0.dropLast(".mustache".count)), dir.appendingPathComponent($0))
        }
    }

    /// The library renders an unknown partial as nothing; a typo should fail the build instead.
    private static func checkPartials(in text: String, origin: String, known: [String: (text: String, origin: String)]) throws {
        for tag in partialTags(in: text) where known[tag.name] == nil {
            throw TemplateError(file: origin, line: tag.line, column: tag.column,
                                message: "unknown partial '\(tag.name)' (no \(tag.name).mustache here or built in)")
        }
    }

    /// The `{{> name}}` tags of a text with their lines and columns (1-based); `{{>*name}}` picks the
    /// partial at render time and is left out.
    private static func partialTags(in text: String) -> [(name: String, line: Int, column: Int)] {
        var tags: [(name: String, line: Int, column: Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.hasPrefix("*") {
                    tags.append((name, lineIndex + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                }
                rest = rest[close.upperBound...]
            }
        }
        return tags
    }

    /// A partial that includes itself, directly or through others, never stops (the rendering
    /// overflowed the stack and crashed the process): every name a template shows is found again
    /// at each level, so no section ends the recursion. Built-in templates include no cycle, so a
    /// cycle runs through a site's own template, reported at its `{{>` tag that starts the cycle.
    private static func checkPartialCycles(_ sources: [String: (text: String, origin: String)]) throws {
        let includes = sources.mapValues { partialTags(in: $0.text) }
        var finished = Set<String>()
        var path: [String] = []
        func visit(_ name: String) throws {
            if let start = path.firstIndex(of: name) {
                let cycle = Array(path[start...])
                // Where the cycle leaves a site's own template (there is one: built-in templates form no cycle).
                let at = cycle.indices.first { sources[cycle[$0]]?.origin.hasPrefix("built-in") == false } ?? 0
                let from = cycle[at], to = cycle[(at + 1) % cycle.count]
                let tag = includes[from]?.first { $0.name == to }
                throw TemplateError(file: sources[from]?.origin ?? from, line: tag?.line, column: tag?.column,
                                    message: "partial '\(from)' includes itself (\((cycle[at...] + cycle[..<at] + [from]).joined(separator: " → "))): "
                                        + "its rendering would never end")
            }
            guard !finished.contains(name), let tags = includes[name] else { return }
            path.append(name)
            for tag in tags { try visit(tag.name) }
            path.removeLast()
            finished.insert(name)
        }
        for name in sources.keys.sorted() where sources[name]?.origin.hasPrefix("built-in") == false { try visit(name) }
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a name other than the one it was opened with"
        case .unfinishedName: return "a tag is not finished (missing '}}'?)"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid delimiter change"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "invalid {{% … }} pragma"
        default: return "Mustache syntax error: \(error)"
        }
    }
}

/// The templates of a set parsed as they are first needed, each once, and the library each
/// rendered template is rendered with (it and the partials it shows).
private final class ParsedTemplates: @unchecked Sendable {
    private var templates: [String: MustacheTemplate]
    private var libraries: [String: MustacheLibrary] = [:]
    private let lock = NSLock()

    /// - Parameter templates: those parsed already (a site's own).
    init(_ templates: [String: MustacheTemplate]) { self.templates = templates }

    func library(for name: String, in set: TemplateSet) -> MustacheLibrary {
        lock.lock()
        defer { lock.unlock() }
        if let known = libraries[name] { return known }
        var library = MustacheLibrary()
        for shown in set.shown(by: name).sorted() {
            if templates[shown] == nil {
                // Only built-in templates are parsed here (a site's own were when loaded).
                do {
                    templates[shown] = try MustacheTemplate(string: set.registered[shown]!)
                } catch {
                    preconditionFailure("the built-in template \(shown) does not parse: \(error)")
                }
            }
            library.register(templates[shown]!, named: shown)
        }
        libraries[name] = library
        return library
    }
}

/// The names templates refer to (`TemplateSet.names(usedBy:)`), each template read once.
private final class UsedNames: @unchecked Sendable {
    private var own: [String: (names: Set<String>, partials: [String])?] = [:]
    private var answers: [String: Set<String>] = [:]
    private let lock = NSLock()

    /// `tags` reads one template's tags (nil for a name that is not a template).
    func names(usedBy template: String, tags: (String) -> (names: Set<String>, partials: [String])?) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[template] { return known }
        var names = Set<String>()
        var visited = Set<String>()
        var pending = [template]
        while let name = pending.popLast() {
            guard visited.insert(name).inserted else { continue }
            let found: (names: Set<String>, partials: [String])?
            if let known = own[name] { found = known } else {
                found = tags(name)
                own[name] = found
            }
            guard let found else { continue }
            names.formUnion(found.names)
            pending += found.partials
        }
        answers[template] = names
        return names
    }
}
