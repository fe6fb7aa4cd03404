import Foundation

/// The articles already in the content folder, by canonical URL and by body text, to find duplicates.
struct ContentIndex {
    private var byURL: [String: String] = [:]
    private var byText: [UInt64: String] = [:]

    /// Reads every article file below `directory` (hidden files skipped); paths are relative to it.
    init(directory: URL) {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return }
        let base = directory.standardizedFileURL.path
        for case let url as URL in enumerator where ArticleFile.extensions.contains(url.pathExtension.lowercased()) {
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else { continue }
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            let parts = ArticleFile.split(text)
            add(path: relative, url: parts.url, body: parts.body)
        }
    }

    /// The existing article that is the same story: same canonical URL, else same text.
    func duplicate(url: String?, body: String) -> String? {
        if let url, let path = byURL[WebURL.normalised(url)] { return path }
        if let fingerprint = BodyFingerprint.of(body), let path = byText[fingerprint] { return path }
        return nil
    }

    mutating func add(path: String, url: String?, body: String) {
        if let url, WebURL.isWeb(url) { byURL[WebURL.normalised(url)] = byURL[WebURL.normalised(url)] ?? path }
        if let fingerprint = BodyFingerprint.of(body) { byText[fingerprint] = byText[fingerprint] ?? path }
    }

    mutating func remove(path: String) {
        byURL = byURL.filter { $0.value != path }
        byText = byText.filter { $0.value != path }
    }
}
