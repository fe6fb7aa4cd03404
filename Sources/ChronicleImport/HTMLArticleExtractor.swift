import Foundation

/// A saved news page read into its metadata and its article body as Markdown.
public struct HTMLArticle: Equatable, Sendable {
    public var metadata: PageMetadata
    public var body: String
}

/// Reads a news page: metadata first (from the untouched page), then the furniture is
/// removed, the main content chosen by text density, cleaned and written as Markdown.
public enum HTMLArticleExtractor {
    /// `pageURL` (where the page was fetched from) is the fallback canonical URL and the base for relative links.
    public static func extract(html: String, pageURL: String? = nil) -> HTMLArticle {
        let root = HTMLTree.parse(html)
        var metadata = MetadataExtractor.extract(from: root)
        if metadata.url == nil, let pageURL, WebURL.isWeb(pageURL) { metadata.url = pageURL }
        FurnitureFilter.clean(root)
        let content = ContentScorer.mainContent(of: root)
        for element in content { ConditionalCleaner.clean(element) }
        var blocks = MarkdownWriter(baseURL: metadata.url ?? pageURL).write(content).components(separatedBy: "\n\n")
        // The headline is in the front matter; do not repeat it as the first line of the body.
        if let title = metadata.title, let first = blocks.first,
           BodyFingerprint.words(first) == BodyFingerprint.words(title) {
            blocks.removeFirst()
        }
        return HTMLArticle(metadata: metadata, body: blocks.joined(separator: "\n\n"))
    }

    /// True when bytes that came without a telling file name look like an HTML page.
    public static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(2048).lowercased().drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml")
            || (head.hasPrefix("<") && (head.contains("<head") || head.contains("<body")))
    }
}
