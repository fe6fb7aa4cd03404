import Foundation

/// One input of `chronicle add`, read and classified.
struct LoadedInput {
    enum Kind: Equatable {
        /// Markdown or text that starts with `---` front matter: copied byte for byte.
        case frontMatter
        /// Text without front matter: the flags supply the front matter.
        case plainText
        case html
    }

    var kind: Kind
    var bytes: [UInt8]
    var text: String
    /// `md` or `txt`: the extension of the file written.
    var fileExtension: String
    /// Where a downloaded page ended up after redirects.
    var pageURL: String?
}

/// Reads a file or downloads a URL and decides what kind of input it is.
struct InputLoader {
    let fetcher: PageFetcher
    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "shtml"]

    func load(_ input: String) throws(ImportError) -> LoadedInput {
        if WebURL.isWeb(input) { return try download(input) }
        if input.contains("://") { throw ImportError("only http and https URLs can be fetched") }
        let url = URL(fileURLWithPath: input)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw ImportError("no such file") }
        guard !isDirectory.boolValue else { throw ImportError("is a folder; name the files to add") }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ImportError("cannot read the file") }
        let bytes = [UInt8](data)
        let ext = url.pathExtension.lowercased()
        let text = PageDecoder.decode(bytes)
        if Self.htmlExtensions.contains(ext) { return LoadedInput(kind: .html, bytes: bytes, text: text, fileExtension: "md") }
        let fileExtension = ext == "md" || ext == "markdown" ? "md" : "txt"
        if ArticleFile.hasFrontMatter(text) {
            return LoadedInput(kind: .frontMatter, bytes: bytes, text: text, fileExtension: fileExtension)
        }
        if HTMLArticleExtractor.looksLikeHTML(text) { return LoadedInput(kind: .html, bytes: bytes, text: text, fileExtension: "md") }
        return LoadedInput(kind: .plainText, bytes: bytes, text: text, fileExtension: fileExtension)
    }

    private func download(_ address: String) throws(ImportError) -> LoadedInput {
        let page: PageFetcher.Page
        do {
            page = try fetcher.fetch(address)
        } catch {
            throw ImportError(error.description)
        }
        let type = page.contentType?.lowercased() ?? ""
        let text = PageDecoder.decode(page.bytes, contentType: type)
        if type.contains("html") || HTMLArticleExtractor.looksLikeHTML(text) {
            return LoadedInput(kind: .html, bytes: page.bytes, text: text, fileExtension: "md", pageURL: page.finalURL)
        }
        if type.hasPrefix("text/") || type.isEmpty {
            let kind: LoadedInput.Kind = ArticleFile.hasFrontMatter(text) ? .frontMatter : .plainText
            let ext = type.contains("markdown") ? "md" : "txt"
            return LoadedInput(kind: kind, bytes: page.bytes, text: text, fileExtension: ext, pageURL: page.finalURL)
        }
        throw ImportError("the server sent \(type), not an HTML page or text")
    }
}
