import Foundation

/// What a page says about itself: each field from the most trusted place that states it.
public struct PageMetadata: Equatable, Sendable {
    public var title: String?
    /// As written in the page (`2025-03-15T09:30:00+01:00`).
    public var published: String?
    public var source: String?
    public var url: String?
    public var author: String?

    public init(title: String? = nil, published: String? = nil, source: String? = nil, url: String? = nil, author: String? = nil) {
        self.title = title
        self.published = published
        self.source = source
        self.url = url
        self.author = author
    }

    /// Fields missing here are taken from `other` (the next place in the order of trust).
    func filled(from other: PageMetadata) -> PageMetadata {
        PageMetadata(title: title ?? other.title, published: published ?? other.published, source: source ?? other.source,
                     url: url ?? other.url, author: author ?? other.author)
    }
}

/// Reads a page's metadata in order of trust: JSON-LD, then Open Graph and meta tags, then `<time>`, then `<title>`.
enum MetadataExtractor {
    static func extract(from root: HTMLElement) -> PageMetadata {
        let jsonLD = JSONLDReader.article(in: root)
        let meta = MetaTagReader.read(root)
        let time = PageMetadata(published: TimeElementReader.published(in: root))
        var result = jsonLD.filled(from: meta).filled(from: time)
        let titleElement = root.descendants { $0.name == "title" }.first?.text
        if result.title == nil, let raw = titleElement, !raw.isEmpty {
            let (title, outlet) = TitleSplitter.split(raw, knownOutlet: result.source)
            result.title = title
            if result.source == nil { result.source = outlet }
        } else if result.source == nil, let raw = titleElement, let title = result.title {
            // "Headline | Outlet" in <title> names the outlet even when the headline came from elsewhere.
            let (head, outlet) = TitleSplitter.split(raw, knownOutlet: nil)
            if head == title { result.source = outlet }
        }
        // og:title and JSON-LD headlines sometimes carry the outlet too: "Headline | Outlet".
        if let title = result.title, let source = result.source { result.title = TitleSplitter.split(title, knownOutlet: source).0 }
        result.title = result.title.map(clean)
        result.source = result.source.map(clean)
        result.author = result.author.map(clean)
        result.url = result.url.map(WebURL.withoutTracking)
        return result
    }

    static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Splits "Headline | Outlet" or "Headline - Outlet" into its parts.
enum TitleSplitter {
    static let separators = [" | ", " – ", " — ", " - ", " :: ", " · "]

    static func split(_ raw: String, knownOutlet: String?) -> (String, String?) {
        let title = MetadataExtractor.clean(raw)
        if let outlet = knownOutlet {
            for separator in separators where title.hasSuffix(separator + outlet) {
                return (String(title.dropLast(separator.count + outlet.count)), outlet)
            }
            return (title, outlet)
        }
        for separator in separators {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound]), tail = String(title[range.upperBound...])
            // An outlet name is short; a long tail is part of the headline.
            if !head.isEmpty, tail.split(separator: " ").count <= 4, tail.count <= 40, head.count > tail.count {
                return (head, tail)
            }
        }
        return (title, nil)
    }
}
