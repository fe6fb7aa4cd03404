import Foundation

/// Removes what is not the article: scripts, navigation, share bars, comments, newsletter
/// pitches, related links, adverts, cookie banners.
///
/// An element goes by its tag, its `role`, `hidden`/`aria-hidden`, or a class or id word
/// such as `share`, `comment`, `newsletter` or `related`. `header` and `footer` go unless
/// they belong to an `<article>` (where they hold the headline and date).
enum FurnitureFilter {
    static let droppedTags: Set<String> = ["script", "style", "noscript", "template", "nav", "aside", "form", "button",
                                           "iframe", "svg", "select", "input", "textarea", "object", "embed", "canvas",
                                           "video", "audio", "picture", "img", "dialog", "menu", "link", "meta", "title",
                                           "head", "label"]
    static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "dialog", "alert",
                                            "menu", "menubar", "search", "toolbar", "alertdialog"]
    /// Class or id words (after splitting on `-`, `_`, spaces and camelCase) that always mark furniture.
    static let furnitureWords: Set<String> = [
        "share", "sharing", "sharebar", "social", "comment", "comments", "newsletter", "newsletters", "related",
        "promo", "promotion", "promoted", "advert", "advertisement", "ad", "ads", "adslot", "sponsored", "subscribe",
        "subscription", "signup", "cookie", "cookies", "consent", "recommended", "recirculation", "outbrain", "taboola",
        "disqus", "paywall", "byline", "breadcrumb", "breadcrumbs", "popup", "modal",
    ]
    /// Word beginnings that mark furniture too (`sharedaddy`, `socialbar`, `newsletterform`).
    static let furniturePrefixes = ["share", "social", "comment", "newsletter", "related", "promo", "advert", "subscri", "cookie",
                                    "disqus", "taboola", "outbrain"]
    static let notFurniture: Set<String> = ["commentary", "commentator", "shareholder", "shareholders"]
    /// Words that mark furniture only on an element with little paragraph text (`<div class="content has-sidebar">` stays).
    static let weakFurnitureWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "widget", "masthead", "tags", "tag", "skip", "print",
        "toolbar", "trending", "popular", "more", "author", "bio", "hidden", "visually", "sr", "offscreen", "meta", "dateline", "timestamp",
    ]
    static let keepsWeakFurniture = 400

    /// Elements that are never furniture themselves, whatever their class.
    static let protectedTags: Set<String> = ["html", "body", "main", "article"]

    static func clean(_ root: HTMLElement) {
        for element in root.descendants() where element.parent != nil && isFurniture(element) {
            element.removeFromParent()
        }
    }

    static func isFurniture(_ e: HTMLElement) -> Bool {
        if droppedTags.contains(e.name) { return true }
        if (e.name == "header" || e.name == "footer") && !e.hasAncestor(named: ["article"]) { return true }
        if e["hidden"] != nil || e["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = e["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let role = e["role"]?.lowercased(), droppedRoles.contains(role) { return true }
        if protectedTags.contains(e.name) { return false }
        let words = words(of: e)
        if !words.isDisjoint(with: furnitureWords) { return true }
        if words.contains(where: { word in furniturePrefixes.contains { word.hasPrefix($0) } && !notFurniture.contains(word) }) { return true }
        return !words.isDisjoint(with: weakFurnitureWords) && TextStatistics.paragraphText(in: e) < keepsWeakFurniture
    }

    /// The lower-case words of an element's class and id: `ShareBar article-comments` → share, bar, article, comments.
    static func words(of e: HTMLElement) -> Set<String> {
        var words: Set<String> = []
        for value in [e["class"], e["id"], e["data-component"], e["data-testid"]].compactMap({ $0 }) {
            var current = ""
            var previousLower = false
            for ch in value {
                if ch.isLetter || ch.isNumber {
                    if ch.isUppercase && previousLower && !current.isEmpty {
                        words.insert(current)
                        current = ""
                    }
                    current.append(contentsOf: ch.lowercased())
                    previousLower = ch.isLowercase
                } else {
                    if !current.isEmpty { words.insert(current) }
                    current = ""
                    previousLower = false
                }
            }
            if !current.isEmpty { words.insert(current) }
        }
        return words
    }
}
