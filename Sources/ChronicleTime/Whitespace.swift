extension String {
    /// The text without leading and trailing horizontal white space: the same scalars as
    /// Foundation's `trimmingCharacters(in: .whitespaces)` (tab, the space separators and the zero
    /// width space), without Foundation's round trip through UTF-16 (it runs for every field, block
    /// and publication date).
    public var trimmingHorizontalWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isHorizontalWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isHorizontalWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// A member of Foundation's `CharacterSet.whitespaces`.
    public var isHorizontalWhitespace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
