import ChronicleModel
import ChronicleTime

/// Output paths and relative links, kept in one place so pages agree on where things are.
enum Paths {
    /// The folders that hold a page per article, actor and period.
    static let pageFolders = ["articles", "entities", "months"]

    static func article(_ slug: String) -> String { "articles/\(slug).html" }

    /// A link to an article page from the site root, percent-encoded.
    static func articleHref(_ slug: String) -> String { "articles/" + encode(slug) + ".html" }

    static func entity(_ slug: String) -> String { "entities/\(slug).html" }

    /// A link to an actor's page from the site root, percent-encoded.
    static func entityHref(_ slug: String) -> String { "entities/\(encode(slug)).html" }

    /// The fragment of a sentence on its article page: `s<block>-<sentence>` (the byte writers of
    /// article bodies and events.json write it from these parts).
    static func sentenceAnchor(block: Int, sentence: Int) -> String {
        guard block >= 0, sentence >= 0 else { return "\(sentenceAnchorPrefix)\(block)\(sentenceAnchorSeparator)\(sentence)" }
        return String(unsafeUninitializedCapacity: DecimalDigits.pairCapacity(sentenceAnchorPrefix, sentenceAnchorSeparator, "")) {
            DecimalDigits.writePair(sentenceAnchorPrefix, block, sentenceAnchorSeparator, sentence, "", at: 0, into: $0)
        }
    }

    static let sentenceAnchorPrefix: StaticString = "s"
    static let sentenceAnchorSeparator: StaticString = "-"

    /// The fragment of an event on the index: its id with anything outside [A-Za-z0-9_-] replaced.
    static func eventAnchor(_ id: String) -> String {
        // Ids are ASCII: mapped byte by byte (a scalar per byte); others scalar by scalar.
        guard id.utf8.allSatisfy({ $0 < 0x80 }) else {
            return "event-" + String(String.UnicodeScalarView(id.unicodeScalars.map { isUnreserved($0) && $0 != "." && $0 != "~" ? $0 : "-" }))
        }
        let prefix = "event-".utf8
        return String(unsafeUninitializedCapacity: prefix.count + id.utf8.count) { buffer in
            var n = 0
            for b in prefix { buffer[n] = b; n += 1 }
            for b in id.utf8 { buffer[n] = isUnreserved(b) && b != 0x2E && b != 0x7E ? b : 0x2D; n += 1 }
            return n
        }
    }

    /// The page of a period on a paged site: `months/2025-03.html`.
    static func period(_ period: Period) -> String { "months/\(period).html" }

    /// Where an event is shown, from the site root: its period's page, or the index.
    static func eventHref(_ event: Event, paged: Bool) -> String {
        eventHref(id: event.id, value: event.value, period: event.period, paged: paged)
    }

    /// - Parameter filed: the event's period when not its value's own.
    static func eventHref(id: String, value: TimexValue, period filed: Period?, paged: Bool) -> String {
        let page = paged ? (filed ?? Period(of: value)).map(period) ?? "index.html" : "index.html"
        return page + "#" + eventAnchor(id)
    }

    /// `eventHref(id:value:period:paged:)`, written as `PageText.escaped` would write it: a
    /// period's page has nothing to escape, and an anchor only `[A-Za-z0-9_-]`.
    static func writeEventHref(id: String, value: TimexValue, period filed: Period?, paged: Bool, into out: inout PageText) {
        if paged, let p = filed ?? period(of: value) {
            out.add("months/"); out.period(p); out.add(".html#")
        } else {
            out.add("index.html#")
        }
        writeEventAnchor(id, into: &out)
    }

    /// `Period(of: value)`, of a day without working out its interval (a day is filed under its month).
    private static func period(of value: TimexValue) -> Period? {
        guard case .day(let d) = value else { return Period(of: value) }
        return Period(year: d.year, month: d.month)
    }

    /// `eventAnchor(id)`, written.
    static func writeEventAnchor(_ id: String, into out: inout PageText) {
        var id = id
        let ascii = id.withUTF8 { utf8 in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            out.add("event-")
            // Ids are usually kept whole (one copy); otherwise mapped byte by byte.
            guard !utf8.allSatisfy(isAnchorByte) else {
                out.add(utf8)
                return true
            }
            for b in utf8 { out.add(byte: isAnchorByte(b) ? b : 0x2D) }
            return true
        }
        if !ascii { out.escaped(eventAnchor(id)) }
    }

    /// A slug is used as one file name: no separators, no dot names, no control characters.
    static func isSafeSlug(_ slug: String) -> Bool {
        // Separators and control characters are single bytes in UTF-8: checked on bytes.
        var bytes = slug
        return bytes.withUTF8 { utf8 in
            // A leading "." with a combining mark is another character, not a dot name.
            guard let first = utf8.first, first != 0x2E || !slug.hasPrefix(".") else { return false }
            func unsafe(_ b: UInt8) -> Bool { b == 0x2F || b == 0x5C || b < 0x20 || b == 0x7F }
            // Eight bytes at a time (every build checks every article's slug): a word with none of
            // those bytes is passed whole, one that may hold one is checked byte by byte.
            var i = 0
            while i + 8 <= utf8.count {
                let word = UnsafeRawBufferPointer(utf8).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if mayHoldUnsafeByte(word), utf8[i..<i + 8].contains(where: unsafe) { return false }
                i += 8
            }
            return !utf8[i...].contains(where: unsafe)
        }
    }

    /// Whether a word of eight bytes may hold `/`, `\`, DEL or a control character: true whenever
    /// it does (a byte below 0x20, or one that is zero once XORed with one of the three), and
    /// sometimes when it does not (a borrow can mark the byte above a match).
    private static func mayHoldUnsafeByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return (word &- ones &* 0x20) & ~word & highs != 0 || hasZero(word ^ (ones &* 0x2F)) || hasZero(word ^ (ones &* 0x5C))
            || hasZero(word ^ (ones &* 0x7F))
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func encode(_ segment: String) -> String {
        // Most slugs need nothing encoded: then they are their own encoding.
        var bytes = segment
        if bytes.withUTF8({ $0.allSatisfy(isUnreserved) }) { return segment }
        var out = ""
        for byte in segment.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, isUnreserved(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// `[A-Za-z0-9_-]`: what an event's anchor keeps of its id.
    private static func isAnchorByte(_ b: UInt8) -> Bool { isUnreserved(b) && b != 0x2E && b != 0x7E }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
    }

    private static func isUnreserved(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "-._~".unicodeScalars.contains(s)
    }

    /// `baseURL` with exactly one trailing slash.
    static func base(_ config: SiteConfig) -> String? {
        guard let raw = config.baseURL, !raw.isEmpty else { return nil }
        return raw.hasSuffix("/") ? raw : raw + "/"
    }
}
