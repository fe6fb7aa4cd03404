import ChronicleTime
import Foundation

/// Reads `chronicle.yml`; every key is optional.
public enum SiteConfigReader {
    public static let fileName = "chronicle.yml"
    static let knownKeys: Set<String> = ["title", "description", "base_url", "baseURL", "timezone", "language", "order"]

    /// The config and its warnings; throws a diagnostic naming the file and line for bad values.
    public static func read(_ text: String, path: String = fileName) throws(Diagnostic) -> (SiteConfig, [Diagnostic]) {
        let fields = try YAMLFields.parse(text, file: path, firstLine: 1, source: .siteConfig)
        var config = SiteConfig()
        var warnings: [Diagnostic] = []
        for key in fields.keys where !knownKeys.contains(key) {
            warnings.append(Diagnostic(.warning, file: path, line: fields[key]?.line, "unknown setting `\(key)` ignored"))
        }
        for key in fields.keys where knownKeys.contains(key) && fields[key]?.isScalar == false {
            throw Diagnostic(.error, file: path, line: fields[key]?.line, "`\(key)` must be a single value")
        }
        func value(_ key: String) -> (String, Int)? {
            guard let f = fields[key], f.isScalar else { return nil }
            let v = f.value.trimmingHorizontalWhitespace
            return v.isEmpty ? nil : (v, f.line)
        }
        if let (v, _) = value("title") { config.title = v }
        if let (v, _) = value("description") { config.description = v }
        if let (v, _) = value("language") { config.language = v }
        if let (v, line) = value("base_url") ?? value("baseURL") {
            guard ArticleReader.isWebURL(v) else {
                throw Diagnostic(.error, file: path, line: line, "`base_url` must be an absolute http(s) URL, not `\(v)`")
            }
            config.baseURL = v.hasSuffix("/") ? v : v + "/"
        }
        if let (v, line) = value("timezone") {
            guard let zone = Zone(identifier: v) else {
                throw Diagnostic(.error, file: path, line: line, "unknown time zone `\(v)`: use an IANA name such as Europe/London")
            }
            config.timeZone = zone
        }
        if let (v, line) = value("order") {
            guard let order = TimelineOrder(rawValue: v) else {
                let options = TimelineOrder.allCases.map(\.rawValue).joined(separator: " or ")
                throw Diagnostic(.error, file: path, line: line, "`order` must be \(options), not `\(v)`")
            }
            config.order = order
        }
        return (config, warnings)
    }
}
