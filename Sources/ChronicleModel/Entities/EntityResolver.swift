/// An actor as one article names it, resolved as far as the article alone allows: "Mr Putin" is
/// the article's own "Vladimir Putin", "Sir Keir" its "Keir Starmer", "the Prime Minister" whoever
/// it names with that title. What needs the other articles is left open and settled by `SiteNames`.
public struct ArticleName: Codable, Hashable, Sendable {
    /// The name as far as the article resolves it.
    public var name: String
    /// A single name the article could not complete: the site's only full name with this surname
    /// replaces it ("Putin" → "Vladimir Putin" when another article writes that).
    public var surname: String?
    /// A single capitalised word that opens its sentence, which the article never uses elsewhere:
    /// a name only if another article uses it where a capital means a name.
    public var initialWord: Bool

    public init(name: String, surname: String? = nil, initialWord: Bool = false) {
        self.name = name
        self.surname = surname
        self.initialWord = initialWord
    }

    /// Whether the site-wide pass may change it.
    public var isOpen: Bool { surname != nil || initialWord }
}

extension ArticleName {
    /// Stored as one string (the cache holds one per name of every mention): a mark, the name,
    /// and the surname when it is not the name itself.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let mark = text.first else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty name")) }
        let rest = text.dropFirst()
        let parts = rest.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        name = String(parts[0])
        switch mark {
        case "=": surname = nil
        case "~", "^": surname = parts.count > 1 ? String(parts[1]) : name
        default: throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad name mark"))
        }
        initialWord = mark == "^"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        let mark = initialWord ? "^" : surname == nil ? "=" : "~"
        try container.encode(mark + name + (surname.map { $0 == name ? "" : "\u{1F}" + $0 } ?? ""))
    }
}

/// What one article contributes to the site-wide pass: kept in its cached record, so a rebuild
/// resolves names across every article without reading them again.
public struct NameEvidence: Codable, Sendable, Equatable {
    /// Full person names (two words or more) with how many sentences use each.
    public var fullNames: [String: Int] = [:]
    /// Single names the article uses where a capital means a name (not opening a sentence).
    public var nameWords: [String] = []
    /// Every name its sentences give (boilerplate aside), with the kind and the number of sentences.
    public var tally: [Tally] = []

    public struct Tally: Codable, Sendable, Equatable {
        public var name: ArticleName
        /// The kind as written; a name the article or the site resolved to another form is a person.
        public var kind: EntityKind
        public var count: Int
    }

    public init() {}
}

/// The article-level pass: each sentence's names as `ArticleName`s, and the article's evidence.
public enum ArticleNames {
    /// Whether a name has several words: Foundation's `contains(" ")` (a space not composed with
    /// what follows), on bytes when the name is ASCII, as nearly every name is.
    static func hasSpace(_ name: String) -> Bool {
        if case .some(.some(let found)) = name.utf8.withContiguousStorageIfAvailable({ b -> Bool? in
            b.allSatisfy { $0 < 0x80 } ? b.contains(0x20) : nil
        }) {
            return found
        }
        return name.contains(" ")
    }

    /// The first of the words of a name split at spaces (on bytes when it is ASCII without a carriage
    /// return: then each byte is a character).
    static func firstWord(_ name: String) -> String? {
        guard WordBytes.isPlainASCII(name) else { return name.split(separator: " ").first.map(String.init) }
        // The first run of bytes that are not spaces (splitting the whole name would make every word).
        let bytes = name.utf8
        guard let start = bytes.firstIndex(where: { $0 != 0x20 }) else { return nil }
        let end = bytes[start...].firstIndex(of: 0x20) ?? bytes.endIndex
        return String(Substring(bytes[start..<end]))
    }

    /// - Returns: names per block and sentence (same shape as `article.blocks`), the evidence, and
    ///   the story names: the names the article gives in two sentences or more (boilerplate aside),
    ///   in order of first appearance, the actors of its story (`EventMerger.Candidate.storyNames`).
    public static func resolve(_ article: Article) -> (names: [[[ArticleName]]], evidence: NameEvidence, storyNames: [String]) {
        var evidence = NameEvidence()
        // The working tables below hold at most one entry per mention: sized once for them (growing
        // one rehash at a time cost more than the lookups). The evidence, kept with the article's
        // record, grows as it needs.
        let mentions = mentionCount(in: article)
        // Within an article a single name is the full name it shares a surname or, after a title
        // ("Sir Keir"), a given name with.
        var surnames: [String: String] = [:]
        surnames.reserveCapacity(mentions)
        var nonInitial: Set<String> = []
        nonInitial.reserveCapacity(mentions)
        forEachMention(in: article) { m in
            guard !m.name.isEmpty else { return }
            if !m.isSentenceInitial && !Self.hasSpace(m.name) { nonInitial.insert(m.name) }
            guard m.kind == .person, let surname = EntityResolver.surname(m.name) else { return }
            evidence.fullNames[m.name, default: 0] += 1
            if surnames[surname] == nil { surnames[surname] = m.name }
        }
        evidence.nameWords = nonInitial.sorted()
        var givenNames: [String: String] = [:]
        for full in surnames.values.sorted() {
            if let given = Self.firstWord(full), givenNames[given] == nil { givenNames[given] = full }
        }
        // A single name the article cannot complete is left to the site's surnames.
        func single(_ name: String, otherwise: String? = nil) -> ArticleName {
            if let full = surnames[name] { return ArticleName(name: full) }
            return ArticleName(name: otherwise ?? name, surname: name)
        }
        var holders: [String: ArticleName] = [:]
        forEachMention(in: article) { m in
            guard !m.name.isEmpty, let title = m.title, holders[title] == nil else { return }
            holders[title] = Self.hasSpace(m.name) ? ArticleName(name: m.name) : single(m.name)
        }
        // "told The Gulf Post", "seen by Capitol Courier": an article naming its own outlet attributes, it does not report.
        let outlet = article.source.map(EntityResolver.outletKey)
        func resolve(_ m: EntityMention) -> ArticleName? {
            if let outlet, EntityResolver.mayBeOutlet(m.name, key: outlet), EntityResolver.outletKey(m.name) == outlet { return nil }
            if m.name.isEmpty { return m.title.flatMap { holders[$0] } }
            guard !Self.hasSpace(m.name), m.kind == .person || m.kind == .other || m.kind == .place || m.isSentenceInitial else {
                return ArticleName(name: m.name)
            }
            var name = single(m.name, otherwise: m.title != nil ? givenNames[m.name] : nil)
            if name.surname != nil, name.name == m.name, m.isSentenceInitial, !nonInitial.contains(m.name) { name.initialWord = true }
            return name
        }
        // Each (name, kind) once, in the order first met, with its count.
        struct Slot: Hashable {
            var name: ArticleName
            var kind: EntityKind

            /// Hashed by the name's text alone (nearly every slot has its own; `==` still compares
            /// all): hashing the surname and the kind's raw string too cost more than the lookup.
            func hash(into hasher: inout Hasher) { hasher.combine(name.name) }
        }
        var tally: [Int] = []
        var kinds: [EntityKind] = []
        var keys: [ArticleName] = []
        var position: [Slot: Int] = [:]
        position.reserveCapacity(mentions)
        // Each name's text once (a slot's name by its number), with the number of sentences that give
        // it and the last of them (numbered in order) that was counted.
        var textOfSlot: [Int] = []
        var textNumber: [String: Int] = [:]
        textNumber.reserveCapacity(mentions)
        var texts: [String] = []
        var sentencesGiving: [Int] = []
        var lastCounted: [Int] = []
        var sentenceNumber = 0
        // Blocks, sentences and mentions read where they lie: a copy would retain each of their texts.
        let names = article.blocks.indices.map { b in
            let isBoilerplate = article.blocks[b].isBoilerplate
            return article.blocks[b].sentences.indices.map { s in
                sentenceNumber += 1
                var out: [ArticleName] = []
                let entities = article.blocks[b].sentences[s].entities
                for e in entities.indices {
                    guard let name = resolve(entities[e]) else { continue }
                    if !out.contains(name) { out.append(name) }
                    guard !isBoilerplate else { continue }
                    let kind = entities[e].name.isEmpty || name.name != entities[e].name ? .person : entities[e].kind
                    let slot = Self.number(of: Slot(name: name, kind: kind), in: &position, next: keys.count)
                    if slot == keys.count {
                        keys.append(name)
                        kinds.append(kind)
                        tally.append(0)
                        let text = Self.number(of: name.name, in: &textNumber, next: texts.count)
                        if text == texts.count {
                            texts.append(name.name)
                            sentencesGiving.append(0)
                            lastCounted.append(0)
                        }
                        textOfSlot.append(text)
                    }
                    tally[slot] += 1
                    let text = textOfSlot[slot]
                    if lastCounted[text] != sentenceNumber {
                        lastCounted[text] = sentenceNumber
                        sentencesGiving[text] += 1
                    }
                }
                return out
            }
        }
        evidence.tally = keys.indices.map { NameEvidence.Tally(name: keys[$0], kind: kinds[$0], count: tally[$0]) }
        return (names, evidence, texts.indices.filter { sentencesGiving[$0] >= 2 }.map { texts[$0] })
    }

    /// The number `numbers` gives `key`, or `next` when it gives none (then given to it): one lookup of the key.
    private static func number<Key: Hashable>(of key: Key, in numbers: inout [Key: Int], next: Int) -> Int {
        { (found: inout Int) -> Int in
            if found < 0 { found = next }
            return found
        }(&numbers[key, default: -1])
    }

    /// How many names the article's sentences give outside boilerplate (`forEachMention`).
    private static func mentionCount(in article: Article) -> Int {
        var count = 0
        for b in article.blocks.indices where !article.blocks[b].isBoilerplate {
            for s in article.blocks[b].sentences.indices { count += article.blocks[b].sentences[s].entities.count }
        }
        return count
    }

    /// Calls `body` with each name the article's sentences give outside boilerplate, in order, read
    /// where it lies (iterating copies each block, sentence and name, retaining each of their texts).
    private static func forEachMention(in article: Article, _ body: (EntityMention) -> Void) {
        for b in article.blocks.indices where !article.blocks[b].isBoilerplate {
            for s in article.blocks[b].sentences.indices {
                for m in article.blocks[b].sentences[s].entities.indices { body(article.blocks[b].sentences[s].entities[m]) }
            }
        }
    }
}

/// The site-wide pass: a single name becomes the only full name the site's articles give with
/// that surname (when at least three quarters of its uses share it); a word opening a sentence
/// counts only if some article uses it as a name. Also what the site knows about each name: the
/// kind most of its sentences give it and how many sentences name it.
public struct SiteNames: Sendable {
    public struct Known: Sendable {
        public var kinds: [EntityKind: Int] = [:]
        public var mentions = 0
    }

    private(set) var bySurname: [String: String] = [:]
    private(set) var nameWords: Set<String> = []
    /// Every resolved name with its kind votes and number of sentences naming it.
    public private(set) var known: [String: Known] = [:]

    public init(_ evidence: [NameEvidence]) {
        self.init(tally: NameTally(evidence))
    }

    /// The pass over the articles' evidence summed (the sums are all it reads).
    init(tally: NameTally) {
        var counts: [String: [String: Int]] = [:]
        for (full, n) in tally.fullNames { counts[EntityResolver.surname(full)!, default: [:]][full, default: 0] += n }
        nameWords = Set(tally.nameWords.keys)
        bySurname = counts.compactMapValues(EntityResolver.dominant)
        for (key, n) in tally.tallies {
            guard let name = resolve(key.name) else { continue }
            let kind = name != key.name.name ? EntityKind.person : key.kind
            known[name, default: Known()].kinds[kind, default: 0] += n
            known[name, default: Known()].mentions += n
        }
    }

    /// The site-wide name, or nil when it is no name after all.
    public func resolve(_ n: ArticleName) -> String? {
        if let surname = n.surname, let full = bySurname[surname] { return full }
        if n.initialWord && !nameWords.contains(n.name) { return nil }
        return n.name
    }

    /// Site-wide names in order, each once.
    public func resolve(_ names: [ArticleName]) -> [String] {
        var out: [String] = []
        for n in names { if let name = resolve(n), !out.contains(name) { out.append(name) } }
        return out
    }

    /// What the pass makes of these open names: changes whenever one of them would resolve differently.
    public func fingerprint(of open: [String]) -> String {
        open.map { "\($0)=\(bySurname[$0] ?? (nameWords.contains($0) ? "+" : "-"))" }.joined(separator: "|")
    }

    /// The kind most mentions give a name; ties prefer the more specific kind. `other` only says a
    /// sentence gave no clue ("Eastmark's", "the bank of Eastmark"), so a kind that a third of the
    /// mentions give ("in Eastmark") wins over it.
    public func kind(of name: String) -> EntityKind {
        let votes = known[name]?.kinds ?? [:]
        let total = votes.values.reduce(0, +)
        func order(_ a: EntityKind, _ b: EntityKind) -> Bool {
            let x = votes[a] ?? 0, y = votes[b] ?? 0
            if x != y { return x < y }
            return EntityKind.allCases.firstIndex(of: a)! > EntityKind.allCases.firstIndex(of: b)!
        }
        if let specific = EntityKind.allCases.filter({ $0 != .other }).max(by: order), (votes[specific] ?? 0) * 3 >= total,
           votes[specific] ?? 0 > 0 {
            return specific
        }
        return EntityKind.allCases.max(by: order)!
    }

    /// The actors events name, each with the ids of its events (in the order given); pages need unique slugs.
    public func entities(_ eventIDs: [String: [String]]) -> [Entity] {
        // `entities/index.html` lists them all.
        var used: Set<String> = ["index"]
        return eventIDs.keys.sorted().map { name in
            var slug = Slug.make(name)
            if slug.isEmpty { slug = "entity" }
            var k = 2
            while used.contains(slug) { slug = "\(Slug.make(name))-\(k)"; k += 1 }
            used.insert(slug)
            return Entity(name: name, slug: slug, kind: kind(of: name), mentionCount: known[name]?.mentions ?? 0,
                          events: eventIDs[name]!)
        }
    }
}

/// Both passes over articles in memory: every sentence's site-wide names.
struct EntityResolver {
    /// Site-wide names per article, block and sentence (same shape as the articles' blocks).
    private(set) var names: [[[[String]]]] = []
    let site: SiteNames

    init(_ articles: [Article]) {
        let passes = articles.map(ArticleNames.resolve)
        let site = SiteNames(passes.map(\.evidence))
        self.site = site
        names = passes.map { $0.names.map { $0.map(site.resolve) } }
    }

    func kind(of name: String) -> EntityKind { site.kind(of: name) }

    /// "The Gulf Post" and "Gulf Post" are one outlet.
    static func outletKey(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasPrefix("the ") ? String(lower.dropFirst(4)) : lower
    }

    /// False when `name` cannot have the outlet key `key` (`outletKey`): an ASCII name keeps its
    /// length when lower-cased, so its key has its length, or four bytes less after "the "; an
    /// ASCII key equals only a string with its bytes.
    static func mayBeOutlet(_ name: String, key: String) -> Bool {
        let n = name.utf8.count, k = key.utf8.count
        return n == k || n == k + 4 || !WordBytes.isASCII(name) || !WordBytes.isASCII(key)
    }

    /// The last word of a name of two words or more.
    static func surname(_ name: String) -> String? {
        // On bytes when the name is ASCII (then every byte is a character), as nearly every name is.
        if WordBytes.isASCII(name) {
            // The last space found on the contiguous bytes (walking the UTF-8 view back costs more).
            var copy = name
            guard let space = copy.withUTF8({ $0.lastIndex(of: 0x20) }) else { return nil }
            return String(name[name.utf8.index(name.utf8.startIndex, offsetBy: space + 1)...])
        }
        guard let space = name.lastIndex(of: " ") else { return nil }
        return String(name[name.index(after: space)...])
    }

    /// The full name that at least three quarters of a surname's uses share.
    static func dominant(_ counts: [String: Int]) -> String? {
        let total = counts.values.reduce(0, +)
        guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
              Double(best.value) >= 0.75 * Double(total) else { return nil }
        return best.key
    }
}
