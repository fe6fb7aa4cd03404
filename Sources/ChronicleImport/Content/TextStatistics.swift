/// Text measures the content scorer and filters share: lengths, commas, link density.
enum TextStatistics {
    /// Characters of text inside `<p>` elements (the part of a container that reads as prose).
    static func paragraphText(in e: HTMLElement) -> Int {
        e.descendants { $0.name == "p" }.reduce(0) { $0 + $1.text.count }
    }

    /// The share of an element's text that is link text: near 1 for a list of related links.
    static func linkDensity(_ e: HTMLElement) -> Double {
        let total = e.text.count
        guard total > 0 else { return 0 }
        let linked = e.descendants { $0.name == "a" }.reduce(0) { $0 + $1.text.count }
        return min(1, Double(linked) / Double(total))
    }

    static func commas(_ text: String) -> Int {
        text.reduce(0) { $0 + ($1 == "," || $1 == "，" || $1 == "、" ? 1 : 0) }
    }
}
