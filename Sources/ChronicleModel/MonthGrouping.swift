import ChronicleTime

/// Groups one month's mentions into happenings: two mentions are linked when their dates nest
/// (a day within its week) and their signatures are similar (weighted Dice); the links are
/// followed strongest first, and two groups join only when their dates still nest and their
/// mentions are similar on average (average linkage, so a chain of weak links cannot drift).
///
/// It stays near-linear at newsroom scale: mentions with the same signature and dates are one
/// node (wire copy and house phrasing repeat), and links are found through an index of each
/// node's rarest words only (prefix filtering: a pair above the threshold must share one).
/// Nothing depends on other months, so months are grouped independently and a rebuild regroups
/// only the months whose mentions changed. A month regrouped after a small change starts from
/// what its last grouping found (`Memory`: the nodes and their links): only the links of the
/// nodes that changed are looked for again.
struct MonthGrouping {
    let crossArticle: Double
    let sameArticle: Double
    let groupThreshold: Double
    let disagreement: Double
    let disagreementDays: Int
    private let candidates: [EventMerger.Candidate]
    private var nodes: [Node] = []
    /// Every node's tokens (sorted) and weights, end to end; node `n` owns `bounds[n]..<bounds[n + 1]`.
    private var tokens: [UInt64] = []
    private var weights: [Double] = []
    private var bounds: [Int] = [0]
    /// Every node's clause numbers (sorted), end to end; node `n` owns `numberBounds[n]..<numberBounds[n + 1]`.
    private var numbers: [UInt64] = []
    private var numberBounds: [Int] = [0]
    /// Every pair of nodes above its threshold, strongest first, and the pairs whose sources
    /// disagree on the day (`links()`).
    private var links: [Link] = []
    private var conflicts: [Link] = []

    /// Mentions with one signature and one span.
    private struct Node {
        var span: Span
        var total: Double
        /// Indices into the month's candidates, ascending.
        var members: [Int] = []
        /// The one article all members come from, or nil when there are several.
        var onlyArticle: String?
        /// A single day some member dates with an expression of its own: sources may disagree about it.
        var explicitDay: Bool
    }

    struct NodeKey: Hashable {
        var span: Span
        var tokens: [UInt64]
        var weights: [Double]
        var numbers: [UInt64]
        var explicitDay: Bool
    }

    /// Groups the candidates from scratch.
    init(_ candidates: [EventMerger.Candidate], merger: EventMerger) {
        self.init(thresholds: merger, candidates: candidates)
        var index: [NodeKey: Int] = [:]
        for (i, c) in candidates.enumerated() {
            let (key, signature) = Self.key(c)
            if let n = index[key] {
                nodes[n].members.append(i)
                if nodes[n].onlyArticle != c.mention.article { nodes[n].onlyArticle = nil }
            } else {
                index[key] = nodes.count
                append(key, total: signature.weights.reduce(0, +), members: [i])
            }
        }
        (links, conflicts) = findLinks()
    }

    private init(thresholds merger: EventMerger, candidates: [EventMerger.Candidate]) {
        crossArticle = merger.crossArticleThreshold
        sameArticle = merger.sameArticleThreshold
        groupThreshold = merger.groupThreshold
        disagreement = merger.disagreementThreshold
        disagreementDays = merger.disagreementDays
        self.candidates = candidates
    }

    private static func key(_ c: EventMerger.Candidate) -> (NodeKey, EventSignature) {
        let signature = EventSignature(c.mention.sentence, focus: c.mention.expressionRange, entities: c.mention.names.map(\.name))
        let explicitDay = c.dateSource == .expression && c.mention.value.day != nil
        return (NodeKey(span: Span(c.mention.value.interval!), tokens: signature.tokens, weights: signature.weights,
                        numbers: signature.numbers, explicitDay: explicitDay), signature)
    }

    /// A node of its own for `members`.
    private mutating func append(_ key: NodeKey, total: Double, members: [Int]) {
        append(Node(span: key.span, total: total, members: members, onlyArticle: nil, explicitDay: key.explicitDay),
               tokens: key.tokens[...], weights: key.weights[...], numbers: key.numbers[...])
    }

    /// `node`, its only article read from its members.
    private mutating func append(_ node: Node, tokens: ArraySlice<UInt64>, weights: ArraySlice<Double>, numbers: ArraySlice<UInt64>) {
        var node = node
        let article = candidates[node.members[0]].mention.article
        node.onlyArticle = node.members.allSatisfy { candidates[$0].mention.article == article } ? article : nil
        nodes.append(node)
        self.tokens += tokens
        self.weights += weights
        bounds.append(self.tokens.count)
        self.numbers += numbers
        numberBounds.append(self.numbers.count)
    }

    /// Groups the candidates as `init(_:merger:)` does, from the last grouping of the month:
    /// `origins[i]` is candidate `i`'s index in the candidates `memory` was made for (nil for a
    /// new one). Nodes and links of unchanged mentions are taken as they were; a node that gained
    /// or lost mentions (its only article may have changed) has its links looked for again among
    /// the nodes its span reaches (every pair, so no word ranking is involved); the links are then
    /// ordered as a full search orders them, so the groups are the same. Nil when `memory` does not
    /// fit the candidates.
    init?(_ candidates: [EventMerger.Candidate], merger: EventMerger, memory: Memory, origins: [Int?]) {
        self.init(thresholds: merger, candidates: candidates)
        guard memory.isConsistent else { return nil }
        let oldCount = memory.explicitDay.count
        var now = [Int](repeating: -1, count: memory.candidateCount)
        for (i, origin) in origins.enumerated() {
            guard let origin else { continue }
            guard origin < now.count, now[origin] < 0 else { return nil }
            now[origin] = i
        }
        // The old nodes with the mentions they keep (old node `n` is node `n` here, new ones follow).
        var kept: [Int] = []
        var keptBounds = [0]
        var changed = [Bool](repeating: false, count: oldCount)
        kept.reserveCapacity(memory.members.count)
        // Kept mentions keep their order unless articles were renamed past others.
        var last = -1
        let inOrder = now.allSatisfy { i in
            defer { if i >= 0 { last = i } }
            return i < 0 || i > last
        }
        for n in 0..<oldCount {
            for m in memory.members[memory.memberBounds[n]..<memory.memberBounds[n + 1]] {
                if now[m] >= 0 { kept.append(now[m]) } else { changed[n] = true }
            }
            if !inOrder { kept[keptBounds[n]...].sort() }
            keptBounds.append(kept.count)
        }
        // The new mentions, each in the node of its key: an old one, or one of their own.
        var added: [(node: Int, candidate: Int)] = []
        var newKeys: [NodeKey] = []
        let fresh = origins.indices.filter { origins[$0] == nil }.map { ($0, Self.key(candidates[$0]).0) }
        let freshSpans = Set(fresh.map(\.1.span))
        var oldKeys: [Span: [Int]] = [:]
        for n in 0..<oldCount where freshSpans.contains(memory.span(n)) { oldKeys[memory.span(n), default: []].append(n) }
        for (i, key) in fresh {
            if let n = oldKeys[key.span]?.first(where: { memory.has(key, at: $0) }) {
                added.append((n, i))
                changed[n] = true
            } else if let k = newKeys.firstIndex(of: key) {
                added.append((oldCount + k, i))
            } else {
                added.append((oldCount + newKeys.count, i))
                newKeys.append(key)
            }
        }
        // Nodes in the order of their first mention, as a grouping from scratch numbers them.
        var extra: [Int: [Int]] = [:]
        for (n, i) in added { extra[n, default: []].append(i) }
        var placed: [(first: Int, node: Int)] = []
        placed.reserveCapacity(oldCount + newKeys.count)
        for n in 0..<(oldCount + newKeys.count) {
            let first = min(n < oldCount && keptBounds[n] < keptBounds[n + 1] ? kept[keptBounds[n]] : .max, extra[n]?.min() ?? .max)
            if first < .max { placed.append((first, n)) }
        }
        placed.sort { $0.first < $1.first }
        var position = [Int](repeating: -1, count: oldCount + newKeys.count)
        var touched: [Int] = []
        for (k, p) in placed.enumerated() {
            position[p.node] = k
            var members = p.node < oldCount ? Array(kept[keptBounds[p.node]..<keptBounds[p.node + 1]]) : []
            if let more = extra[p.node] {
                members = (members + more).sorted()
                touched.append(k)
            } else if p.node >= oldCount || changed[p.node] {
                touched.append(k)
            }
            if p.node < oldCount {
                let range = memory.bounds[p.node]..<memory.bounds[p.node + 1]
                let node = Node(span: memory.span(p.node), total: memory.weights[range].reduce(0, +), members: members, onlyArticle: nil,
                                explicitDay: memory.explicitDay[p.node])
                append(node, tokens: memory.tokens[range], weights: memory.weights[range],
                       numbers: memory.numbers[memory.numberBounds[p.node]..<memory.numberBounds[p.node + 1]])
            } else {
                let key = newKeys[p.node - oldCount]
                append(key, total: key.weights.reduce(0, +), members: members)
            }
        }
        // Each changed node is compared with every node its span reaches: worth it for a few.
        guard touched.count * 8 <= nodes.count else { return nil }
        // Links of unchanged nodes as they were; those of changed nodes found again.
        var isTouched = [Bool](repeating: false, count: nodes.count)
        for t in touched { isTouched[t] = true }
        func unchanged(_ old: [Link]) -> [Link] {
            var out: [Link] = []
            out.reserveCapacity(old.count)
            for link in old {
                let a = position[link.a], b = position[link.b]
                guard a >= 0, b >= 0, !isTouched[a], !isTouched[b] else { continue }
                out.append(Link(similarity: link.similarity, a: min(a, b), b: max(a, b)))
            }
            return out
        }
        var links = unchanged(memory.links)
        var conflicts = unchanged(memory.conflicts)
        for t in touched {
            for u in nodes.indices where u != t && (!isTouched[u] || u > t) {
                let (b, a) = (min(t, u), max(t, u))
                guard let reach = reach(nodes[b].span, nodes[a]) else { continue }
                add(b, a, reach: reach, to: &links, &conflicts)
            }
        }
        self.links = links.sorted(by: Self.strongestFirst)
        self.conflicts = conflicts.sorted(by: Self.strongestFirst)
    }

    /// The groups, as ascending indices into the candidates, ordered by their first member.
    func groups() -> [[Int]] {
        var parent = Array(nodes.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var sizes = nodes.map(\.members.count)
        var sums: [[UInt64: Double]] = nodes.indices.map { n in
            let range = bounds[n]..<bounds[n + 1]
            let norm = weights[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
            let m = Double(nodes[n].members.count)
            return Dictionary(uniqueKeysWithValues: zip(tokens[range], weights[range].map { norm > 0 ? m * $0 / norm : 0 }))
        }
        var spans: [[Span]] = nodes.map { [$0.span] }
        var failed: [Pair: (Int, Int)] = [:]
        for link in links {
            let a = find(link.a), b = find(link.b)
            guard a != b else { continue }
            let key = Pair(a: min(a, b), b: max(a, b))
            if let sizesThen = failed[key], sizesThen == (sizes[key.a], sizes[key.b]) { continue }
            guard joinable(sums[a], spans[a], sizes[a], sums[b], spans[b], sizes[b]) else {
                failed[key] = (sizes[key.a], sizes[key.b])
                continue
            }
            let (root, child) = (key.a, key.b)
            parent[child] = root
            sizes[root] += sizes[child]
            if sums[root].count < sums[child].count { sums.swapAt(root, child) }
            for (t, w) in sums[child] { sums[root][t, default: 0] += w }
            sums[child] = [:]
            for s in spans[child] where !spans[root].contains(s) { spans[root].append(s) }
        }
        // One happening dated differently by its sources: join the two groups when no article is in
        // both (an article giving two days tells two happenings) and their days stay close.
        for link in conflicts {
            let a = find(link.a), b = find(link.b)
            guard a != b else { continue }
            let all = spans[a] + spans[b]
            guard let first = all.map(\.first).min(), let last = all.map(\.last).max(), last - first <= disagreementDays else { continue }
            var articlesA = Set<String>()
            var articlesB = Set<String>()
            for n in nodes.indices {
                let root = find(n)
                guard root == a || root == b else { continue }
                for i in nodes[n].members {
                    if root == a { articlesA.insert(candidates[i].mention.article) } else { articlesB.insert(candidates[i].mention.article) }
                }
            }
            guard articlesA.isDisjoint(with: articlesB) else { continue }
            let (root, child) = (min(a, b), max(a, b))
            parent[child] = root
            for s in spans[child] where !spans[root].contains(s) { spans[root].append(s) }
        }
        var members: [Int: [Int]] = [:]
        for n in nodes.indices { members[find(n), default: []] += nodes[n].members }
        return members.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    private struct Pair: Hashable {
        var a: Int
        var b: Int
    }

    /// Two nodes, `a` before `b`, and how alike they are.
    struct Link: Codable, Equatable, Sendable {
        var similarity: Double
        var a: Int
        var b: Int
    }

    /// What the next grouping of the month starts from: the nodes, each with its mentions (as
    /// indices into this grouping's candidates), and the links among them.
    var memory: Memory {
        Memory(candidateCount: candidates.count, spans: nodes.flatMap { [$0.span.first, $0.span.last] }, explicitDay: nodes.map(\.explicitDay),
               members: nodes.flatMap(\.members), memberBounds: nodes.reduce(into: [0]) { $0.append($0.last! + $1.members.count) },
               tokens: tokens, weights: weights, bounds: bounds, numbers: numbers, numberBounds: numberBounds, links: links,
               conflicts: conflicts)
    }

    /// Dates still nest pairwise, and the members are similar on average: the mean cosine
    /// similarity over all pairs of members is the dot product of the groups' sums of unit
    /// vectors over the number of pairs, so it costs one pass over the smaller group's words.
    private func joinable(_ a: [UInt64: Double], _ sa: [Span], _ na: Int, _ b: [UInt64: Double], _ sb: [Span], _ nb: Int) -> Bool {
        guard sa.allSatisfy({ x in sb.allSatisfy { x.nested($0) } }) else { return false }
        let (small, large) = a.count < b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (t, w) in small { if let v = large[t] { dot += w * v } }
        return dot / Double(na * nb) >= groupThreshold
    }

    /// Every pair of nodes above its threshold, strongest first (ties by node order); and the pairs
    /// whose explicit days differ by a few but whose words are nearly the same (sources disagreeing).
    /// Only finds the pairs worth a look: `add` decides each.
    private func findLinks() -> (links: [Link], conflicts: [Link]) {
        // Words ranked rarest first; each node is indexed under its rarest words only: enough of
        // them that the rest could never reach the threshold on their own.
        var frequency: [UInt64: Int] = [:]
        for t in tokens { frequency[t, default: 0] += 1 }
        let bound = crossArticle / (2 - crossArticle)
        let prefixes: [[UInt64]] = nodes.indices.map { n in
            let range = bounds[n]..<bounds[n + 1]
            let ranked = zip(tokens[range], weights[range]).map { (frequency[$0.0]!, $0.0, $0.1) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            var suffix = nodes[n].total
            var prefix: [UInt64] = []
            for (_, t, w) in ranked where suffix >= bound * nodes[n].total {
                prefix.append(t)
                suffix -= w
            }
            return prefix
        }
        var index: [Span: [UInt64: [Int32]]] = [:]
        var spans: [Span] = []
        var seen = [Int32](repeating: -1, count: nodes.count)
        var links: [Link] = []
        var conflicts: [Link] = []
        for a in nodes.indices {
            let node = nodes[a]
            for span in spans {
                guard let reach = reach(span, node) else { continue }
                let byToken = index[span]!
                for t in prefixes[a] {
                    guard let list = byToken[t] else { continue }
                    for b32 in list where seen[Int(b32)] != Int32(a) {
                        seen[Int(b32)] = Int32(a)
                        add(Int(b32), a, reach: reach, to: &links, &conflicts)
                    }
                }
            }
            if index[node.span] == nil { spans.append(node.span) }
            for t in prefixes[a] { index[node.span, default: [:]][t, default: []].append(Int32(a)) }
        }
        return (links.sorted(by: Self.strongestFirst), conflicts.sorted(by: Self.strongestFirst))
    }

    private static func strongestFirst(_ x: Link, _ y: Link) -> Bool {
        x.similarity != y.similarity ? x.similarity > y.similarity : (x.a, x.b) < (y.a, y.b)
    }

    /// How an earlier node's span can relate to a later node: dates that nest, or (a node dating
    /// its own single day) single days a few apart.
    private enum Reach {
        case nested
        case close
    }

    private func reach(_ span: Span, _ node: Node) -> Reach? {
        if span.nested(node.span) { return .nested }
        let close = node.explicitDay && span.first == span.last && node.span.first == node.span.last
            && abs(span.first - node.span.first) <= disagreementDays
        return close ? .close : nil
    }

    /// Decides one pair, node `b` before node `a`: every kind of link is decided here, on the pair
    /// alone, so a rebuild that looks for a changed node's links finds the same ones.
    private func add(_ b: Int, _ a: Int, reach: Reach, to links: inout [Link], _ conflicts: inout [Link]) {
        let sameOnly = nodes[a].onlyArticle != nil && nodes[a].onlyArticle == nodes[b].onlyArticle
        switch reach {
        case .nested:
            let sim = similarity(b, a)
            if sim >= (sameOnly ? sameArticle : crossArticle) { links.append(Link(similarity: sim, a: b, b: a)) }
        case .close:
            guard nodes[b].explicitDay && !sameOnly else { return }
            let sim = similarity(b, a)
            if sim >= disagreement { conflicts.append(Link(similarity: sim, a: b, b: a)) }
        }
    }

    /// Dice coefficient over the weighted tokens of two nodes, 0…1; halved when both give numbers and share none.
    private func similarity(_ x: Int, _ y: Int) -> Double {
        let dice = wordSimilarity(x, y)
        let differ = EventSignature.numbersDiffer(numbers[numberBounds[x]..<numberBounds[x + 1]], numbers[numberBounds[y]..<numberBounds[y + 1]])
        return differ ? dice * EventSignature.differentNumbers : dice
    }

    private func wordSimilarity(_ x: Int, _ y: Int) -> Double {
        let tx = nodes[x].total, ty = nodes[y].total
        guard tx > 0, ty > 0 else { return 0 }
        var shared = 0.0
        tokens.withUnsafeBufferPointer { t in
            weights.withUnsafeBufferPointer { w in
                var i = bounds[x], j = bounds[y]
                let iEnd = bounds[x + 1], jEnd = bounds[y + 1]
                while i < iEnd && j < jEnd {
                    let a = t[i], b = t[j]
                    if a == b {
                        shared += min(w[i], w[j])
                        i += 1
                        j += 1
                    } else {
                        i &+= a < b ? 1 : 0
                        j &+= a > b ? 1 : 0
                    }
                }
            }
        }
        return 2 * shared / (tx + ty)
    }
}
/// A value's days as day numbers, cheap to compare.
struct Span: Hashable, Sendable {
    var first: Int
    var last: Int

    init(_ interval: DayInterval) {
        first = interval.start.dayNumber
        last = interval.end.dayNumber
    }

    init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    func contains(_ other: Span) -> Bool { first <= other.first && other.last <= last }
    /// One lies inside the other: the two mentions' dates can be the same happening.
    func nested(_ other: Span) -> Bool { contains(other) || other.contains(self) }
}
