/// The official TempEval-3 pairing of gold and system timexes (TimeML-Normalizer, 2013):
/// every token is labelled O / B / I from each side's tags, and a timex whose B token falls
/// inside the other side's open timex takes that timex's id. Ported from te3_emul.py.
/// A timex that gets no B token of its own is dropped by the tool and not counted.
enum TE3Matcher {
    /// One element of a side: a span, its tag name and its id (nil for gold EVENTs).
    struct Item {
        var start: Int
        var end: Int
        var isTimex: Bool
        var id: Int?
    }

    struct Tag {
        var pos: Int
        var seq: Int
        var isClose: Bool
        var isTimex: Bool
        var id: Int?
    }

    struct NestingError: Error {}

    /// Opening and closing tags in document order; at one position closing tags come first.
    static func stream(_ items: [Item]) -> [Tag] {
        var evs: [(pos: Int, order: Int, index: Int, tag: Tag)] = []
        for it in items {
            evs.append((it.end, 0, evs.count, Tag(pos: it.end, seq: 0, isClose: true, isTimex: it.isTimex, id: nil)))
            evs.append((it.start, 1, evs.count, Tag(pos: it.start, seq: 0, isClose: false, isTimex: it.isTimex, id: it.id)))
        }
        // a stable sort on (position, closing before opening), as Python's sort does
        evs.sort { ($0.pos, $0.order, $0.index) < ($1.pos, $1.order, $1.index) }
        return evs.enumerated().map { k, e in
            var t = e.tag
            t.seq = k
            return t
        }
    }

    enum BIO { case o, b, i }

    struct Label {
        var bio: BIO
        var isTimex: Bool
        var id: Int?
    }

    /// merge_tok_n_tml: the label of every token.
    static func labels(_ tokens: [[Int]], _ tags: [Tag]) throws -> [Label] {
        var ti = 0
        var bio = BIO.o
        var inTag: Bool? = nil  // nil: no open tag; true: TIMEX3; false: EVENT
        var inID: Int? = nil
        var out: [Label] = []
        out.reserveCapacity(tokens.count)
        for pos in tokens {
            var inter = false, findIter = false, delayed = false
            for (cn, p) in pos.enumerated() {
                while ti < tags.count && tags[ti].pos <= p {
                    let tag = tags[ti]
                    ti += 1
                    let cnd = cn - 1
                    if cn != 0 { inter = true }
                    if !tag.isClose {
                        findIter = true
                        if let open = inTag, open != tag.isTimex { throw NestingError() }
                        inTag = tag.isTimex
                        inID = tag.id
                        bio = .b
                    } else {
                        inter = false
                        if inTag != nil && inTag == tag.isTimex {
                            if findIter {
                                if cnd >= 0 {
                                    delayed = true
                                } else {
                                    bio = .o; inTag = nil; inID = nil; findIter = false; inter = false
                                }
                            } else {
                                bio = .o; inTag = nil
                            }
                        }
                    }
                }
            }
            _ = inter
            out.append(Label(bio: bio, isTimex: bio != .o && inTag == true, id: bio == .b ? inID : nil))
            if bio == .b {
                bio = .i
                inID = nil
            }
            if delayed {
                bio = .o; inTag = nil; inID = nil
            }
        }
        return out
    }

    /// The ids kept on each side and the (gold, system) pairs.
    static func match(tokens: [[Int]], gold: [(Int, Int)], events: [(Int, Int)], system: [(Int, Int)]) throws
        -> (goldKept: [Int], systemKept: [Int], pairs: [(Int, Int)])
    {
        let goldItems = gold.enumerated().map { Item(start: $0.element.0, end: $0.element.1, isTimex: true, id: $0.offset) }
            + events.map { Item(start: $0.0, end: $0.1, isTimex: false, id: nil) }
        let systemItems = system.enumerated().map { Item(start: $0.element.0, end: $0.element.1, isTimex: true, id: $0.offset) }
        let labels = [try self.labels(tokens, stream(goldItems)), try self.labels(tokens, stream(systemItems))]
        var lastTid = 1
        var open = [0, 0]
        var lastLocal = [0, 0]
        var tmap: [[Int: Int]] = [[:], [:]]
        for k in 0..<tokens.count {
            for a in 0..<2 {
                let l = labels[a][k]
                if l.bio == .o || (l.bio == .b && l.isTimex) { open[a] = 0 }
            }
            for a in 0..<2 {
                let l = labels[a][k]
                guard l.bio == .b && l.isTimex else { continue }
                open[a] = lastTid
                let other = 1 - a
                if open[other] != 0 && lastLocal[a] < open[other] { open[a] = open[other] }
                lastLocal[a] = open[a]
                if open[a] == lastTid { lastTid += 1 }
                if let id = l.id { tmap[a][id] = open[a] }
            }
        }
        let goldKept = gold.indices.filter { tmap[0][$0] != nil }
        let systemKept = system.indices.filter { tmap[1][$0] != nil }
        var byID: [Int: Int] = [:]
        for i in systemKept { byID[tmap[1][i]!] = i }
        let pairs = goldKept.compactMap { g in byID[tmap[0][g]!].map { (g, $0) } }
        return (goldKept, systemKept, pairs)
    }
}
