import ChronicleTime
import Foundation

/// The bytes of a content file about to be written, and what duplicate detection compares.
struct PreparedArticle {
    var bytes: [UInt8]
    var body: String
    var fileExtension: String
    /// The input's path when the file is a copy (validation errors then name it and its line).
    var diagnosticPath: String?
}

/// Turns a loaded input into the content file: copies front matter files, gives plain text
/// front matter from the flags, and extracts metadata and body from HTML.
struct ArticlePreparer {
    let options: ImportOptions

    func prepare(_ input: LoadedInput, path: String) throws(ImportError) -> PreparedArticle {
        switch input.kind {
        case .frontMatter:
            return PreparedArticle(bytes: input.bytes, body: ArticleFile.split(input.text).body,
                                   fileExtension: input.fileExtension, diagnosticPath: path)
        case .plainText:
            let missing = [options.title == nil ? "--title" : nil, options.published == nil ? "--published" : nil].compactMap { $0 }
            guard missing.isEmpty, let title = options.title, let published = options.published else {
                throw ImportError("plain text without front matter needs \(missing.joined(separator: " and ")) "
                    + "(and optionally --source, --url, --timezone)")
            }
            let body = input.text.replacingOccurrences(of: "\r\n", with: "\n")
            return try draft(title: title, published: published, source: options.source, url: options.url, author: nil,
                             body: body, fileExtension: input.fileExtension)
        case .html:
            let page = HTMLArticleExtractor.extract(html: input.text, pageURL: input.pageURL)
            guard let title = options.title ?? page.metadata.title else {
                throw ImportError("no title found in the page: pass --title")
            }
            guard let published = options.published ?? page.metadata.published else {
                throw ImportError("no publication date found in the page: pass --published")
            }
            guard !page.body.isEmpty else { throw ImportError("no article text found in the page") }
            return try draft(title: title, published: published, source: options.source ?? page.metadata.source,
                             url: options.url ?? page.metadata.url, author: page.metadata.author, body: page.body,
                             fileExtension: "md", fromPage: options.published == nil)
        }
    }

    private func draft(title: String, published: String, source: String?, url: String?, author: String?, body: String,
                       fileExtension: String, fromPage: Bool = false) throws(ImportError) -> PreparedArticle {
        let date: String
        do {
            _ = try PublicationTime.parse(published, zone: nil)
            date = published.trimmingCharacters(in: .whitespaces)
        } catch {
            guard fromPage, let normalised = LooseDate.iso(published) else {
                throw ImportError(fromPage ? "the page's publication date `\(published)` is not understood: pass --published"
                                           : "--published: \(error)")
            }
            date = normalised
        }
        if let url = options.url, !WebURL.isWeb(url) { throw ImportError("--url must be an http(s) URL, not `\(url)`") }
        if let zone = options.timezone, Zone(identifier: zone) == nil {
            throw ImportError("unknown time zone `\(zone)`: use an IANA name such as Europe/London")
        }
        let text = ArticleDraft(title: title, published: date, source: source, url: url.flatMap { WebURL.isWeb($0) ? $0 : nil },
                                author: author, timezone: options.timezone, body: body).fileText
        return PreparedArticle(bytes: Array(text.utf8), body: body, fileExtension: fileExtension, diagnosticPath: nil)
    }
}
