/// Splits a paragraph's plain text into sentences.
public struct SentenceSplitter: Sendable {
    public init() {}

    /// The sentences of `text`, as ranges, in order; whitespace between sentences is excluded.
    public func split(_ text: String) -> [Range<String.Index>] {
        // Placeholder: split after . ! ? followed by a space.
        var out: [Range<String.Index>] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if (c == "." || c == "!" || c == "?") && (next == text.endIndex || text[next] == " ") {
                out.append(start..<next)
                var j = next
                while j < text.endIndex && text[j] == " " { j = text.index(after: j) }
                start = j
                i = j
                continue
            }
            i = next
        }
        if start < text.endIndex { out.append(start..<text.endIndex) }
        return out
    }
}
