import Foundation

/// The news article described by a page's `<script type="application/ld+json">` blocks.
///
/// Looks through top-level objects, arrays and `@graph` lists for an `Article`,
/// `NewsArticle`, `ReportageNewsArticle` (or another `…Article` / `BlogPosting` type),
/// resolving `@id` references (a publisher given as `{"@id": "#org"}`).
enum JSONLDReader {
    static func article(in root: HTMLElement) -> PageMetadata {
        var nodes: [[String: Any]] = []
        for script in root.descendants(where: { $0.name == "script" && ($0["type"]?.lowercased().contains("ld+json") ?? false) }) {
            guard let json = parse(script.children.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()) else { continue }
            collect(json, into: &nodes)
        }
        var byID: [String: [String: Any]] = [:]
        for node in nodes { if let id = node["@id"] as? String { byID[id] = node } }
        guard let article = nodes.first(where: isArticle) else { return PageMetadata() }
        func resolve(_ value: Any?) -> Any? {
            if let dict = value as? [String: Any], dict.count == 1, let id = dict["@id"] as? String, let target = byID[id] { return target }
            return value
        }
        return PageMetadata(
            title: string(article["headline"]) ?? string(article["name"]),
            published: string(article["datePublished"]) ?? string(article["dateCreated"]),
            source: name(resolve(article["publisher"]), resolve: resolve) ?? name(resolve(article["sourceOrganization"]), resolve: resolve),
            url: [id(article["mainEntityOfPage"]), string(article["url"])].compactMap { $0 }.first(where: WebURL.isWeb),
            author: name(article["author"], resolve: resolve))
    }

    static let articleTypes: Set<String> = ["Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                                            "BackgroundNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
                                            "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle"]

    static func isArticle(_ node: [String: Any]) -> Bool {
        let types = (node["@type"] as? [Any])?.compactMap { $0 as? String } ?? [(node["@type"] as? String) ?? ""]
        return types.contains { articleTypes.contains($0.replacingOccurrences(of: "schema:", with: "")) }
    }

    /// Pages often put raw line breaks inside JSON strings or wrap the block in a comment; both are forgiven.
    static func parse(_ raw: String) -> Any? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<!--") { text = String(text.dropFirst(4)) }
        if text.hasSuffix("-->") { text = String(text.dropLast(3)) }
        text = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        return try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static func collect(_ json: Any, into nodes: inout [[String: Any]]) {
        if let array = json as? [Any] {
            for item in array { collect(item, into: &nodes) }
        } else if let dict = json as? [String: Any] {
            nodes.append(dict)
            if let graph = dict["@graph"] { collect(graph, into: &nodes) }
        }
    }

    static func string(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : HTMLEntities.decode(s) }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        return nil
    }

    static func id(_ value: Any?) -> String? {
        if let dict = value as? [String: Any] { return string(dict["@id"]) ?? string(dict["url"]) }
        return string(value)
    }

    /// A person's or organisation's name; several authors are joined with commas.
    static func name(_ value: Any?, resolve: (Any?) -> Any?) -> String? {
        if let array = value as? [Any] {
            let names = array.compactMap { name(resolve($0), resolve: resolve) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        if let dict = value as? [String: Any] { return string(dict["name"]) }
        return string(value).flatMap { WebURL.isWeb($0) ? nil : $0 }
    }
}
