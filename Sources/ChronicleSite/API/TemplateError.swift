/// A template that cannot be used, named by file and, when known, line and column.
public struct TemplateError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `templates/index.html.mustache:12:5: error: …`, the form editors can jump to.
    public var description: String {
        var out = file
        if let line { out += ":\(line)" }
        if let line, line > 0, let column { out += ":\(column)" }
        return out + ": error: \(message)"
    }
}
