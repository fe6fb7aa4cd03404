import ChronicleModel
import ChronicleTime

/// `feed.xml` (Atom) and `sitemap.xml` variables. Links are absolute when the site has a base URL.
enum FeedContext {
    /// Feed readers want what is new, not the whole history (Hugo's default RSS limit is similar).
    static let entryLimit = 50

    /// One entry per key event, newest first: `newest` holds the site's last key events, newest first.
    static func make(_ index: SiteIndex, newest: [Event]) -> [String: Any] {
        var out = CommonContext.page(index, root: "", title: index.config.title)
        let base = Paths.base(index.config)
        let updated = index.updated?.rfc3339 ?? "1970-01-01T00:00:00Z"
        out["entries"] = newest.prefix(entryLimit).map { event in
            var entry = EventContext.make(event, index: index)
            let published = event.sources.compactMap { index.article($0)?.published }
            let newest = published.max(by: SiteIndex.precedes)
            let oldest = published.min(by: SiteIndex.precedes)
            // The id stays what it was before the site had period pages: feed readers key entries by it.
            entry["entryID"] = base.map { "\($0)index.html#\(Paths.eventAnchor(event.id))" }
                ?? "tag:chronicle,\(event.value.interval?.start.description ?? "2000-01-01"):\(Paths.eventAnchor(event.id))"
            entry["link"] = (base ?? "") + Paths.eventHref(event, paged: index.paged)
            entry["entryUpdated"] = newest?.rfc3339 ?? updated
            entry["entryPublished"] = oldest?.rfc3339 ?? updated
            entry["title"] = "\(DisplayFormat.value(event.value)): \(shortened(event.text, to: 90))"
            return entry
        }
        out["feedID"] = base ?? "tag:chronicle,\(index.updated?.date.description ?? "2000-01-01"):\(Paths.encode(index.config.title))"
        out["feedUpdated"] = updated
        out["link"] = (base ?? "") + "index.html"
        out["selfLink"] = (base ?? "") + "feed.xml"
        return out
    }

    /// Absolute URLs of the pages, for `sitemap.xml` (written only when the site has a base URL).
    static func sitemap(_ index: SiteIndex, base: String) -> [String: Any] {
        var out = CommonContext.page(index, root: "", title: index.config.title)
        var urls: [[String: Any]] = [context(["loc": base + "index.html", "lastmod": index.updated?.date.description])]
        if index.paged {
            urls.append(context(["loc": base + "articles.html", "lastmod": index.updated?.date.description]))
            for digest in index.periods { urls.append(context(["loc": base + Paths.period(digest.period)])) }
        }
        for article in index.articleList {
            urls.append(context(["loc": base + Paths.articleHref(article.slug), "lastmod": article.published?.date.description]))
        }
        out["urls"] = urls
        return out
    }

    /// Cuts at a word boundary and adds "…" so feed titles stay one line.
    static func shortened(_ text: String, to limit: Int) -> String {
        // Never more characters than bytes: a short text needs no counting.
        guard text.utf8.count > limit else { return text }
        return shortenedASCII(text, to: limit) ?? shortenedByCharacters(text, to: limit)
    }

    /// `shortened`, on characters: for any text.
    static func shortenedByCharacters(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        var out = String(cut)
        while let last = out.last, ",;: ".contains(last) { out.removeLast() }
        return out + "…"
    }

    /// `shortened` for a text longer than `limit` bytes whose every byte is a character (ASCII
    /// without "\r", which may start the one two-byte character "\r\n"); nil for other text.
    private static func shortenedASCII(_ text: String, to limit: Int) -> String? {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            guard utf8.count > limit, !utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var end = utf8[..<limit].lastIndex(of: 0x20) ?? limit
            while end > 0, [0x2C, 0x3B, 0x3A, 0x20].contains(utf8[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: utf8[..<end]), as: UTF8.self) + "…"
        }
    }
}
