/// Drops what is left of the furniture inside the chosen content: lists and boxes that are
/// mostly links ("Related", "More on this story"), and short blocks that are pitches or
/// prompts ("Sign up for our newsletter", "Share this article") rather than reporting.
enum ConditionalCleaner {
    static let containerTags: Set<String> = ["ul", "ol", "div", "section", "table", "dl"]
    static let shortBlockTags: Set<String> = ["p", "div", "li", "h2", "h3", "h4", "h5", "h6", "section", "figcaption"]
    static let maximumLinkDensity = 0.5
    static let pitchLength = 200
    static let datelineLength = 100
    /// A short block starting with one of these is a prompt, not reporting.
    static let pitchOpenings = ["sign up", "subscribe", "share this", "share on", "follow us", "read more", "related:",
                                "also read", "read also", "see also", "advertisement", "click here", "listen to this article",
                                "download the", "get our", "join our", "more on this story", "most read", "recommended",
                                "copy link", "support our", "support independent", "skip to", "comments", "show comments",
                                "leave a comment", "you may also like", "more from"]
    static let pitchPhrases = ["in your inbox", "sign up for", "sign up to", "subscribe to our", "our newsletter",
                               "free newsletter", "newsletter sign", "to your inbox"]

    static func clean(_ content: HTMLElement) {
        for e in content.descendants() where e.parent != nil {
            if containerTags.contains(e.name), TextStatistics.linkDensity(e) > maximumLinkDensity, e.text.count > 0 {
                e.removeFromParent()
            } else if shortBlockTags.contains(e.name), isPitch(e.text) || isDateline(e) {
                e.removeFromParent()
            }
        }
    }

    /// "Published 20 March 2025, updated 21 March": a short block around `<time>` elements.
    static func isDateline(_ e: HTMLElement) -> Bool {
        e.text.count <= datelineLength && !e.descendants { $0.name == "time" }.isEmpty
    }

    static func isPitch(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= pitchLength else { return false }
        let lower = text.lowercased()
        return pitchOpenings.contains { lower.hasPrefix($0) } || pitchPhrases.contains { lower.contains($0) }
    }
}
