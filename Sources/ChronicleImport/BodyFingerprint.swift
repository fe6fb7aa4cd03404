/// The text of an article reduced to its words, so two copies of one story compare equal
/// whatever their markup (Markdown escapes, link targets, line wrapping, case).
enum BodyFingerprint {
    /// Bodies shorter than this (in normalised characters) are not compared.
    static let minimumLength = 40

    /// Lower-case letters and digits, words separated by one space; Markdown link targets left out.
    static func words(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var skipDepth = 0
        var previous: Character = " "
        for ch in text {
            defer { previous = ch }
            if skipDepth > 0 {
                if ch == "(" { skipDepth += 1 } else if ch == ")" { skipDepth -= 1 }
                continue
            }
            if ch == "(" && previous == "]" { skipDepth = 1; continue }
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(contentsOf: ch.lowercased())
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// A 64-bit FNV-1a hash of the words, or nil for a body too short to identify an article.
    static func of(_ body: String) -> UInt64? {
        let normalised = words(body)
        guard normalised.utf8.count >= minimumLength else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalised.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
