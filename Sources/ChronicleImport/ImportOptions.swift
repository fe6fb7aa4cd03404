import ChronicleModel

/// Values given on the command line: they fill in (or override) what the input says about itself.
public struct ImportOptions: Sendable {
    public var title: String?
    public var published: String?
    public var source: String?
    public var url: String?
    public var timezone: String?
    /// Import duplicates anyway, replacing the earlier copy.
    public var force: Bool

    public init(title: String? = nil, published: String? = nil, source: String? = nil, url: String? = nil,
                timezone: String? = nil, force: Bool = false) {
        self.title = title
        self.published = published
        self.source = source
        self.url = url
        self.timezone = timezone
        self.force = force
    }
}

/// What happened to one input of `chronicle add`.
public enum ImportOutcome: Equatable, Sendable {
    /// `path` is the written file as shown to the user; `replaced` the duplicate it replaced under `--force`.
    case added(path: String, title: String, source: String?, date: String, replaced: String?)
    case skipped(input: String, duplicateOf: String)
    case failed(input: String, message: String)
    /// The input's front matter is invalid: the diagnostic names the file and line itself.
    case invalid(Diagnostic)

    /// The line printed for this input.
    public var line: String {
        switch self {
        case .added(let path, let title, let source, let date, let replaced):
            let details = [title, source, date].compactMap { $0 }.joined(separator: ", ")
            return "added \(path) (\(details))" + (replaced.map { ", replacing \($0)" } ?? "")
        case .skipped(let input, let original):
            return "skipped \(input): duplicate of \(original)"
        case .failed(let input, let message):
            return "error: \(input): \(message)"
        case .invalid(let diagnostic):
            return diagnostic.description
        }
    }

    public var isFailure: Bool {
        switch self {
        case .failed, .invalid: true
        case .added, .skipped: false
        }
    }
}
