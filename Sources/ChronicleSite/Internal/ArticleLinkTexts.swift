import ChronicleModel
import Foundation

/// Each article's place in the timeline-ordered list, by slug (the first, should two share a
/// slug). A period page looks up every source and sentence of every event it shows: slugs are
/// found by a cheap hash of their bytes, where a `[String: Int]` hashed each with SipHash.
/// Slugs are ASCII (`Slug.make`), and ASCII texts are equal exactly when their bytes are; should
/// any slug not be, lookups go through a dictionary, which compares as `String` does.
struct SlugPositions: Sendable {
    /// Position + 1 by hash slot (0: empty).
    private var slots: [Int32] = []
    /// Every slug's bytes, one after the other, and where each one ends.
    private var bytes: [UInt8] = []
    private var ends: [Int] = [0]
    /// Set when some slug is not ASCII.
    private var dictionary: [String: Int]?

    init(_ articles: [ArticleInfo]) {
        var size = 16
        while size < 2 * articles.count { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        bytes.reserveCapacity(articles.count * 64)
        ends.reserveCapacity(articles.count + 1)
        for i in articles.indices {
            let slug = articles[i].slug
            let ascii = Self.withUTF8(slug) { utf8 -> Bool in
                bytes.append(contentsOf: utf8)
                return Self.isASCII(utf8)
            }
            ends.append(bytes.count)
            if !ascii { dictionary = [:] }
        }
        if dictionary != nil {
            var all: [String: Int] = Dictionary(minimumCapacity: articles.count)
            for i in articles.indices where all[articles[i].slug] == nil { all[articles[i].slug] = i }
            dictionary = all
            return
        }
        for i in articles.indices {
            bytes.withUnsafeBufferPointer { all in
                let slug = UnsafeBufferPointer(rebasing: all[ends[i]..<ends[i + 1]])
                var slot = Self.hash(slug) & (size - 1)
                while slots[slot] != 0 {
                    if equal(Int(slots[slot]) - 1, slug) { return }  // a later article of a slug already placed
                    slot = (slot + 1) & (size - 1)
                }
                slots[slot] = Int32(i + 1)
            }
        }
    }

    /// The position of the first article of this slug.
    func position(_ slug: String) -> Int? {
        if let dictionary { return dictionary[slug] }
        return Self.withUTF8(slug) { utf8 -> Int? in
            guard Self.isASCII(utf8) else { return nil }  // no ASCII slug equals it
            let mask = slots.count - 1
            var slot = Self.hash(utf8) & mask
            while slots[slot] != 0 {
                let p = Int(slots[slot]) - 1
                if equal(p, utf8) { return p }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private func equal(_ position: Int, _ slug: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, end) = (ends[position], ends[position + 1])
        guard end - start == slug.count else { return false }
        guard let base = slug.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, slug.count) == 0 }
    }

    private static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let done = text.utf8.withContiguousStorageIfAvailable(body) { return done }
        var copy = text
        return copy.withUTF8(body)
    }

    private static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = utf8.baseAddress {
            while i + 8 <= utf8.count {
                guard UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else { return false }
                i += 8
            }
        }
        while i < utf8.count {
            guard utf8[i] < 0x80 else { return false }
            i += 1
        }
        return true
    }

    /// A multiply-and-fold hash of the bytes, eight at a time (only spreads slugs over slots: no
    /// order depends on it).
    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(utf8.count)
        var i = 0
        guard let base = utf8.baseAddress else { return Int(truncatingIfNeeded: h) }
        while i + 8 <= utf8.count {
            h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while i < utf8.count {
            last |= UInt64(utf8[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ last) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }
}

/// What a card writes about each article it links to, escaped as UTF-8 the first time a page
/// links to it: its link (`articles/<slug>.html`, percent-encoded), its title, its outlet, and the
/// name a source link shows when the outlet alone does not tell it apart (`EventView.sourceName`).
/// A period page links each event to its sources, mostly the same articles again and again:
/// encoding and escaping the same slug and title for every link cost more than the rest of the
/// card. Kept by one page (one thread); a page made in a small rebuild pays only for the
/// articles its new cards link to.
struct ArticleLinkTexts {
    private let articles: [ArticleInfo]
    private var bytes: [UInt8] = []
    /// By article position: its entry in `ends`, or -1 while not made.
    private var entries: [Int32]
    /// By entry: where its texts start and end in `bytes` (href, title, outlet, name; each starts
    /// where the one before ends), and whether it has an outlet.
    private var ends: [(start: Int32, href: Int32, title: Int32, outlet: Int32, name: Int32, hasOutlet: Bool)] = []

    init(_ articles: [ArticleInfo]) {
        self.articles = articles
        entries = Array(repeating: -1, count: articles.count)
    }

    /// The entry of the article at `position`, made when first asked for.
    private mutating func entry(_ position: Int) -> Int {
        let known = Int(entries[position])
        if known >= 0 { return known }
        let a = articles[position]
        var text = PageText()
        swap(&text.bytes, &bytes)
        let start = text.bytes.count
        text.add("articles/"); text.escaped(Paths.encode(a.slug)); text.add(".html")
        let href = text.bytes.count
        text.escaped(a.title)
        let title = text.bytes.count
        if let outlet = a.source { text.escaped(outlet) }
        let outlet = text.bytes.count
        text.escaped(EventView.sourceName(outlet: a.source, title: a.title, repeated: true))
        swap(&text.bytes, &bytes)
        ends.append((Int32(start), Int32(href), Int32(title), Int32(outlet), Int32(bytes.count), a.source != nil))
        entries[position] = Int32(ends.count - 1)
        return ends.count - 1
    }

    private func write(_ start: Int32, _ end: Int32, into out: inout PageText) {
        bytes.withUnsafeBufferPointer { out.add(UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)])) }
    }

    /// `Paths.articleHref(slug)`, escaped.
    mutating func href(_ position: Int, into out: inout PageText) {
        let e = ends[entry(position)]
        write(e.start, e.href, into: &out)
    }

    /// The title, escaped.
    mutating func title(_ position: Int, into out: inout PageText) {
        let e = ends[entry(position)]
        write(e.href, e.title, into: &out)
    }

    /// The outlet, escaped, or else the title.
    mutating func outletOrTitle(_ position: Int, into out: inout PageText) {
        let e = ends[entry(position)]
        if e.hasOutlet { write(e.title, e.outlet, into: &out) } else { write(e.href, e.title, into: &out) }
    }

    /// `EventView.sourceName(outlet:title:repeated:)` of the article, escaped.
    mutating func sourceName(_ position: Int, repeated: Bool, into out: inout PageText) {
        let e = ends[entry(position)]
        if e.hasOutlet && !repeated { write(e.title, e.outlet, into: &out) } else { write(e.outlet, e.name, into: &out) }
    }
}
