import ChronicleModel
import Foundation

// Temporary stand-ins for the renderer's API until the site renderer lands.

/// The site's templates.
public struct TemplateSet: Sendable {
    public static func load(overridesIn dir: URL?) throws -> TemplateSet { TemplateSet() }
    public static var defaultFiles: [(name: String, contents: String)] { [] }
}

/// One file of the generated site.
public struct OutputFile: Sendable {
    public var path: String
    public var data: [UInt8]
}

/// Renders a timeline into site files.
public struct SiteRenderer: Sendable {
    public init(templates: TemplateSet) {}
    public func render(_ timeline: Timeline) throws -> [OutputFile] { [] }
}

/// Writes the site atomically.
public enum SiteWriter {
    public static func write(_ files: [OutputFile], to output: URL) throws {}
}
