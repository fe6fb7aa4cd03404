/// Gives every name the form the whole site knows it by: "Mr Putin" and "Putin" become the
/// "Vladimir Putin" of the same article, else the only full name with that surname across the
/// site; "the Prime Minister" becomes whoever the article names with that title; a single
/// capitalised word opening a sentence counts only if it is a name elsewhere too.
struct EntityResolver {
    struct Known {
        var kinds: [EntityKind: Int] = [:]
        var mentions = 0
    }

    /// Site-wide names per article, block and sentence (same shape as the articles' blocks).
    private(set) var names: [[[[String]]]] = []
    /// Every resolved name with its kind votes and number of sentences naming it.
    private(set) var known: [String: Known] = [:]

    init(_ articles: [Article]) {
        // Full person names by surname, and single words seen where a capital means a name.
        var bySurname: [String: [String: Int]] = [:]
        var nonInitial: Set<String> = []
        for article in articles {
            for block in article.blocks where !block.isBoilerplate {
                for sentence in block.sentences {
                    for m in sentence.entities where !m.name.isEmpty {
                        if !m.isSentenceInitial { nonInitial.insert(m.name) }
                        if m.kind == .person, let surname = Self.surname(m.name) {
                            bySurname[surname, default: [:]][m.name, default: 0] += 1
                        }
                    }
                }
            }
        }
        let siteSurnames = bySurname.compactMapValues(Self.dominant)

        names = articles.map { article in
            // Within an article a single name is the full name it shares a surname or, after a
            // title ("Sir Keir"), a given name with.
            var articleSurnames: [String: String] = [:]
            var holders: [String: String] = [:]
            for block in article.blocks where !block.isBoilerplate {
                for sentence in block.sentences {
                    for m in sentence.entities where m.kind == .person && !m.name.isEmpty {
                        if let surname = Self.surname(m.name), articleSurnames[surname] == nil { articleSurnames[surname] = m.name }
                    }
                }
            }
            var givenNames: [String: String] = [:]
            for full in articleSurnames.values.sorted() {
                if let given = full.split(separator: " ").first.map(String.init), givenNames[given] == nil { givenNames[given] = full }
            }
            for block in article.blocks where !block.isBoilerplate {
                for sentence in block.sentences {
                    for m in sentence.entities where !m.name.isEmpty {
                        guard let title = m.title, holders[title] == nil else { continue }
                        holders[title] = articleSurnames[m.name] ?? siteSurnames[m.name] ?? m.name
                    }
                }
            }
            // "told The Gulf Post", "seen by Capitol Courier": an article naming its own outlet attributes, it does not report.
            let outlet = article.source.map(Self.outletKey)
            func resolve(_ m: EntityMention) -> String? {
                if let outlet, Self.outletKey(m.name) == outlet { return nil }
                if m.name.isEmpty {
                    return m.title.flatMap { holders[$0] }
                }
                let single = !m.name.contains(" ")
                if single && (m.kind == .person || m.kind == .other || m.kind == .place) {
                    if let full = articleSurnames[m.name] ?? siteSurnames[m.name] { return full }
                    if m.title != nil, let full = givenNames[m.name] { return full }
                    if m.isSentenceInitial && !nonInitial.contains(m.name) { return nil }
                }
                return m.name
            }
            return article.blocks.map { block in
                block.sentences.map { sentence in
                    var out: [String] = []
                    for m in sentence.entities {
                        guard let name = resolve(m) else { continue }
                        if !out.contains(name) { out.append(name) }
                        if !block.isBoilerplate {
                            let kind = m.name.isEmpty || name != m.name ? .person : m.kind
                            known[name, default: Known()].kinds[kind, default: 0] += 1
                            known[name, default: Known()].mentions += 1
                        }
                    }
                    return out
                }
            }
        }
    }

    /// The kind most mentions give a name; ties prefer the more specific kind.
    func kind(of name: String) -> EntityKind {
        let votes = known[name]?.kinds ?? [:]
        return EntityKind.allCases.max { a, b in
            let x = votes[a] ?? 0, y = votes[b] ?? 0
            if x != y { return x < y }
            return EntityKind.allCases.firstIndex(of: a)! > EntityKind.allCases.firstIndex(of: b)!
        }!
    }

    /// "The Gulf Post" and "Gulf Post" are one outlet.
    static func outletKey(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasPrefix("the ") ? String(lower.dropFirst(4)) : lower
    }

    /// The last word of a name of two words or more.
    static func surname(_ name: String) -> String? {
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
