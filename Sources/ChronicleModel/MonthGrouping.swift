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
/// only the months whose mentions changed.
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

    private struct NodeKey: Hashable {
        var span: Span
        var tokens: [UInt64]
        var weights: [Double]
        var numbers: [UInt64]
        var explicitDay: Bool
    }

    init(_ candidates: [EventMerger.Candidate], merger: EventMerger) {
        crossArticle = merger.crossArticleThreshold
        sameArticle = merger.sameArticleThreshold
        groupThreshold = merger.groupThreshold
        disagreement = merger.disagreementThreshold
        disagreementDays = merger.disagreementDays
        self.candidates = candidates
        var index: [NodeKey: Int] = [:]
        for (i, c) in candidates.enumerated() {
            let signature = EventSignature(c.mention.sentence, focus: c.mention.expressionRange, entities: c.mention.names.map(\.name))
            let span = Span(c.mention.value.interval!)
            let explicitDay = c.dateSource == .expression && c.mention.value.day != nil
            let key = NodeKey(span: span, tokens: signature.tokens, weights: signature.weights, numbers: signature.numbers,
                              explicitDay: explicitDay)
            if let n = index[key] {
                nodes[n].members.append(i)
                if nodes[n].onlyArticle != c.mention.article { nodes[n].onlyArticle = nil }
            } else {
                index[key] = nodes.count
                nodes.append(Node(span: span, total: signature.weights.reduce(0, +), members: [i], onlyArticle: c.mention.article,
                                  explicitDay: explicitDay))
                tokens += signature.tokens
                weights += signature.weights
                bounds.append(tokens.count)
                numbers += signature.numbers
                numberBounds.append(numbers.count)
            }
        }
    }

    /// The groups, as ascending indices into the candidates, ordered by their first member.
    func groups() -> [[Int]] {
        let (pairs, conflicts) = links()
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
        for link in pairs {
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

    private struct Link {
        var similarity: Double
        var a: Int
        var b: Int
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
    private func links() -> (links: [Link], conflicts: [Link]) {
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
                let nested = span.nested(node.span)
                let close = !nested && node.explicitDay && span.first == span.last && node.span.first == node.span.last
                    && abs(span.first - node.span.first) <= disagreementDays
                guard nested || close else { continue }
                let byToken = index[span]!
                for t in prefixes[a] {
                    guard let list = byToken[t] else { continue }
                    for b32 in list where seen[Int(b32)] != Int32(a) {
                        seen[Int(b32)] = Int32(a)
                        let b = Int(b32)
                        let sameOnly = node.onlyArticle != nil && node.onlyArticle == nodes[b].onlyArticle
                        if nested {
                            let sim = similarity(b, a)
                            if sim >= (sameOnly ? sameArticle : crossArticle) { links.append(Link(similarity: sim, a: b, b: a)) }
                        } else if nodes[b].explicitDay && !sameOnly {
                            let sim = similarity(b, a)
                            if sim >= disagreement { conflicts.append(Link(similarity: sim, a: b, b: a)) }
                        }
                    }
                }
            }
            if index[node.span] == nil { spans.append(node.span) }
            for t in prefixes[a] { index[node.span, default: [:]][t, default: []].append(Int32(a)) }
        }
        func strongestFirst(_ x: Link, _ y: Link) -> Bool { x.similarity != y.similarity ? x.similarity > y.similarity : (x.a, x.b) < (y.a, y.b) }
        return (links.sorted(by: strongestFirst), conflicts.sorted(by: strongestFirst))
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

    func contains(_ other: Span) -> Bool { first <= other.first && other.last <= last }
    /// One lies inside the other: the two mentions' dates can be the same happening.
    func nested(_ other: Span) -> Bool { contains(other) || other.contains(self) }
}
