import ChronicleModel

/// Each article's place in the timeline-ordered list, by slug (the first, should two share a
/// slug). A period page looks up every source and sentence of every event it shows: slugs are
/// found by `StringNumbers`' hash of their bytes, where a `[String: Int]` hashed each with SipHash.
struct SlugPositions: Sendable {
    private var numbers = StringNumbers()
    /// By slug number: the position of the first article with that slug.
    private var firstPositions: [Int] = []

    init(_ articles: [ArticleInfo]) {
        firstPositions.reserveCapacity(articles.count)
        for i in articles.indices where numbers.number(articles[i].slug) == firstPositions.count {
            firstPositions.append(i)
        }
    }

    /// From the articles' slugs numbered in their order, each once (as `SiteRenderer.checkSlugs`
    /// returns them): each slug's number is its position.
    init(unique numbers: StringNumbers) {
        self.numbers = numbers
        firstPositions = Array(0..<numbers.strings.count)
    }

    /// The position of the first article of this slug.
    func position(_ slug: String) -> Int? { numbers.number(of: slug).map { firstPositions[$0] } }
}

/// The root of a page's links, and what a card writes about each article it links to, escaped as UTF-8 the first time a page
/// links to it: its link (`articles/<slug>.html`, percent-encoded), its title, its outlet, and the
/// name a source link shows when the outlet alone does not tell it apart (`EventView.sourceName`).
/// A period page links each event to its sources, mostly the same articles again and again:
/// encoding and escaping the same slug and title for every link cost more than the rest of the
/// card. Kept by one page (one thread); a page made in a small rebuild pays only for the
/// articles its new cards link to.
struct ArticleLinkTexts: ~Copyable {
    private let articles: [ArticleInfo]
    /// The page's root (`../` or nothing), escaped: every link of a card starts with it.
    private let escapedRoot: [UInt8]
    private var texts = PageText()
    /// By article position: its entry in `ends`, or -1 while not made.
    private var entries: [Int32]
    /// By entry: where its texts start and end in `bytes` (href, title, outlet, name; each starts
    /// where the one before ends), and whether it has an outlet.
    private var ends: [(start: Int32, href: Int32, title: Int32, outlet: Int32, name: Int32, hasOutlet: Bool)] = []
    /// The position of each source a card names (-1: none), remembered by where its slug's bytes
    /// lie: a page's events share their sources' strings, so most are found without hashing the slug.
    private var positionMemo = StorageMemo<Int>(empty: -1)

    init(_ articles: [ArticleInfo], root: String) {
        self.articles = articles
        var escaped = PageText(capacity: root.utf8.count)
        escaped.escaped(root)
        escapedRoot = escaped.take()
        entries = Array(repeating: -1, count: articles.count)
    }

    /// The entry of the article at `position`, made when first asked for.
    private mutating func entry(_ position: Int) -> Int {
        let known = Int(entries[position])
        if known >= 0 { return known }
        let a = articles[position]
        let start = texts.count
        texts.add("articles/"); texts.escaped(Paths.encode(a.slug)); texts.add(".html")
        let href = texts.count
        texts.escaped(a.title)
        let title = texts.count
        if let outlet = a.source { texts.escaped(outlet) }
        let outlet = texts.count
        texts.escaped(EventView.sourceName(outlet: a.source, title: a.title, repeated: true))
        ends.append((Int32(start), Int32(href), Int32(title), Int32(outlet), Int32(texts.count), a.source != nil))
        entries[position] = Int32(ends.count - 1)
        return ends.count - 1
    }

    private func write(_ start: Int32, _ end: Int32, into out: inout PageText) {
        texts.write(Int(start)..<Int(end), into: &out)
    }

    /// `positions.position(slug)`, or -1 when the site has no such article; `slug` must stay alive
    /// while the page is made (the slugs of its events' sources do).
    mutating func position(_ slug: String, in positions: SlugPositions) -> Int {
        let address = StorageMemo<Int>.address(slug)
        if let known = positionMemo.value(slug, address: address) { return known }
        let found = positions.position(slug) ?? -1
        positionMemo.remember(found, for: slug, address: address)
        return found
    }

    /// The page's root, escaped.
    func root(into out: inout PageText) { out.add(escapedRoot) }

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
