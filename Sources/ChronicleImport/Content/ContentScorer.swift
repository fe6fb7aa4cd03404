/// Finds the element holding the article text, the way Readability does.
///
/// Every paragraph of 25 characters or more scores `1 + commas + min(length / 100, 3)`; the
/// score goes in full to its parent, half to its grandparent and a sixth to the element
/// above. Each container starts from a bias for its tag (`div` +5, lists and headings
/// negative) and its class or id (`article`, `content`, `story` +25; `meta`, `caption` -25),
/// and its total is scaled down by its link density. The best container wins, joined by
/// siblings that score at least a fifth of it or are long, link-poor paragraphs.
enum ContentScorer {
    static let scoredTags: Set<String> = ["p", "pre", "td", "blockquote"]
    static let positiveWords: Set<String> = ["article", "body", "content", "entry", "main", "post", "text", "story", "blog", "prose", "copy"]
    static let negativeWords: Set<String> = ["meta", "caption", "media", "contact", "foot", "footnote", "scroll", "shoutbox",
                                             "skyscraper", "sponsor", "shopping", "tool", "gallery", "card", "teaser", "list"]
    static let minimumParagraph = 25
    static let ancestorLevels = 5
    /// Runners-up within this share of the best score; when enough of them sit under one
    /// ancestor, the article is that ancestor (one paragraph per `div`, as many sites write).
    static let runnerUpShare = 0.75
    static let runnersUpForAncestor = 3

    /// The elements whose content makes up the article, in document order.
    static func mainContent(of root: HTMLElement) -> [HTMLElement] {
        var scores: [ObjectIdentifier: Double] = [:]
        var candidates: [HTMLElement] = []
        for paragraph in root.descendants(where: isScorable) {
            let text = paragraph.text
            guard text.count >= minimumParagraph else { continue }
            let score = 1 + Double(TextStatistics.commas(text)) + min(Double(text.count / 100), 3)
            var ancestor = paragraph.parent
            for level in 0..<ancestorLevels {
                guard let a = ancestor else { break }
                let key = ObjectIdentifier(a)
                if scores[key] == nil {
                    scores[key] = initialScore(a)
                    candidates.append(a)
                }
                scores[key]! += score / (level == 0 ? 1 : level == 1 ? 2 : Double(level * 3))
                ancestor = a.parent
            }
        }
        func final(_ e: HTMLElement) -> Double { (scores[ObjectIdentifier(e)] ?? 0) * (1 - TextStatistics.linkDensity(e)) }
        guard var top = candidates.max(by: { final($0) < final($1) }) else { return [root] }
        let topScore = final(top)
        let runnersUp = candidates.filter { $0 !== top && final($0) >= topScore * runnerUpShare }
        if runnersUp.count >= runnersUpForAncestor {
            var ancestor = top.parent
            while let a = ancestor, a !== root {
                if runnersUp.filter({ $0.hasAncestor(a) }).count >= runnersUpForAncestor {
                    top = a
                    break
                }
                ancestor = a.parent
            }
        }
        // A wrapper with nothing else inside says no more than its only child.
        while let parent = top.parent, parent !== root, parent.elements.count == 1 { top = parent }
        guard let parent = top.parent else { return [top] }
        let threshold = max(10, topScore * 0.2)
        return parent.elements.filter { sibling in
            if sibling === top { return true }
            if scores[ObjectIdentifier(sibling)] != nil, final(sibling) >= threshold { return true }
            // A photo's caption stays as a credit line.
            if sibling.name == "figure" { return sibling.descendants { $0.name == "figcaption" }.contains { !$0.text.isEmpty } }
            guard sibling.name == "p" else { return false }
            let text = sibling.text, density = TextStatistics.linkDensity(sibling)
            return (text.count > 80 && density < 0.25) || (text.count > 0 && density == 0 && text.contains(". "))
        }
    }

    /// Paragraphs, and `div`s that hold only inline content (pages that never use `<p>`).
    static func isScorable(_ e: HTMLElement) -> Bool {
        if scoredTags.contains(e.name) { return true }
        guard e.name == "div" || e.name == "section" else { return false }
        return !e.elements.contains { HTMLTree.blockNames.contains($0.name) }
    }

    static func initialScore(_ e: HTMLElement) -> Double {
        var score: Double
        switch e.name {
        case "div", "article", "main": score = 5
        case "pre", "td", "blockquote", "section": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        let words = FurnitureFilter.words(of: e)
        if !words.isDisjoint(with: positiveWords) { score += 25 }
        if !words.isDisjoint(with: negativeWords) { score -= 25 }
        if e["itemprop"]?.lowercased() == "articlebody" { score += 50 }
        return score
    }
}
