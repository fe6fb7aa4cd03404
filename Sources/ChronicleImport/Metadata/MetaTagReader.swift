import Foundation

/// Open Graph, `article:*` and named `<meta>` tags, and `<link rel=canonical>`.
enum MetaTagReader {
    static func read(_ root: HTMLElement) -> PageMetadata {
        var values: [String: String] = [:]
        for meta in root.descendants(where: { $0.name == "meta" }) {
            guard let key = (meta["property"] ?? meta["name"] ?? meta["itemprop"])?.lowercased(),
                  let content = meta["content"]?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty,
                  values[key] == nil else { continue }
            values[key] = content
        }
        let canonical = root.descendants { $0.name == "link" && ($0["rel"]?.lowercased().split(separator: " ").contains("canonical") ?? false) }
            .first?["href"]
        func first(_ keys: String...) -> String? { keys.lazy.compactMap { values[$0] }.first }
        let author = first("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator")
            .map { $0.hasPrefix("By ") ? String($0.dropFirst(3)) : $0 }
            .flatMap { WebURL.isWeb($0) ? nil : $0 }
        return PageMetadata(
            title: first("og:title", "twitter:title", "headline", "dc.title", "parsely-title"),
            published: first("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                              "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "date"),
            source: first("og:site_name", "application-name", "publisher", "dc.publisher"),
            url: [first("og:url"), canonical].compactMap { $0 }.first(where: WebURL.isWeb),
            author: author)
    }
}
