extension String {
    /// The texts one after another, made in one allocation: interpolation and `+` append them one
    /// by one, several times the cost, for an explanation made for every dated sentence.
    public static func concatenating(_ parts: String...) -> String { concatenating(parts) }

    /// `concatenating` of substrings (a word of a sentence, a value's text).
    public static func concatenating(_ parts: Substring...) -> String { concatenating(parts) }

    private static func concatenating<S: StringProtocol>(_ parts: [S]) -> String {
        String(unsafeUninitializedCapacity: parts.reduce(0) { $0 + $1.utf8.count }) { out in
            var n = 0
            for part in parts {
                let copied = part.utf8.withContiguousStorageIfAvailable { bytes -> Int in
                    UnsafeMutableBufferPointer(rebasing: out[n...]).initialize(fromContentsOf: bytes)
                }
                if let copied {
                    n += copied
                } else {
                    for byte in part.utf8 { out[n] = byte; n += 1 }
                }
            }
            return n
        }
    }
}
