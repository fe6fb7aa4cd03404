/// One generated file: a `/`-separated path relative to the output folder, and its bytes.
public struct OutputFile: Hashable, Sendable {
    public var path: String
    public var data: [UInt8]

    public init(path: String, data: [UInt8]) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Array(text.utf8))
    }

    /// The contents as UTF-8 text (every file Chronicle generates is text).
    public var text: String { String(decoding: data, as: UTF8.self) }
}
