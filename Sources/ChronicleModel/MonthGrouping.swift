import ChronicleTime
import Foundation

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
///
/// Every way two mentions come to share a group is a pair `links()` reports (similar words, sources
/// disagreeing, an announcement and a report of its day), and every choice among groups looks only
/// at groups those pairs connect: a group never depends on mentions no chain of pairs reaches.
struct MonthGrouping {
    let crossArticle: Double
    let sameArticle: Double
    let groupThreshold: Double
    let disagreement: Double
    let disagreementDays: Int
    let clearChoice: Double
    let equallyGood: Double
    let sharedActors: Double
    private let candidates: [EventMerger.Candidate]
    private var nodes: [Node] = []
    /// Every node's tokens (sorted) and weights, end to end; node `n` owns `bounds[n]..<bounds[n + 1]`.
    private var tokens: [UInt64] = []
    private var weights: [Double] = []
    /// Whether each token is a name (`EventSignature.names`).
    private var isName: [Bool] = []
    private var bounds: [Int] = [0]
    /// Every node's clause numbers (sorted), end to end; node `n` owns `numberBounds[n]..<numberBounds[n + 1]`.
    private var numbers: [UInt64] = []
    private var numberBounds: [Int] = [0]
    /// Every node's actors (its members' own names and their stories', by hash, sorted) and how many
    /// times its members give each, end to end; node `n` owns `actorBounds[n]..<actorBounds[n + 1]`.
    private var actorNames: [UInt64] = []
    private var actorCounts: [Double] = []
    private var actorBounds: [Int] = [0]

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
        /// Told before its day as scheduled, or after it as having happened (`Candidate.isAnnouncement`, `isReport`).
        var announced: Bool
        var reported: Bool
    }

    private struct NodeKey: Hashable {
        var span: Span
        var tokens: [UInt64]
        var weights: [Double]
        var numbers: [UInt64]
        var explicitDay: Bool
        var announced: Bool
        var reported: Bool
    }

    init(_ candidates: [EventMerger.Candidate], merger: EventMerger) {
        crossArticle = merger.crossArticleThreshold
        sameArticle = merger.sameArticleThreshold
        groupThreshold = merger.groupThreshold
        disagreement = merger.disagreementThreshold
        disagreementDays = merger.disagreementDays
        clearChoice = merger.clearChoice
        equallyGood = merger.equallyGood
        sharedActors = merger.sharedActors
        self.candidates = candidates
        var index: [NodeKey: Int] = [:]
        for (i, c) in candidates.enumerated() {
            let signature = EventSignature(c.mention.sentence, focus: c.mention.expressionRange, entities: c.mention.names.map(\.name))
            let span = Span(c.mention.value.interval!)
            let explicitDay = c.dateSource == .expression && c.mention.value.day != nil
            let key = NodeKey(span: span, tokens: signature.tokens, weights: signature.weights, numbers: signature.numbers,
                              explicitDay: explicitDay, announced: c.isAnnouncement, reported: c.isReport)
            let n: Int
            if let found = index[key] {
                n = found
                nodes[n].members.append(i)
                if nodes[n].onlyArticle != c.mention.article { nodes[n].onlyArticle = nil }
            } else {
                n = nodes.count
                index[key] = n
                nodes.append(Node(span: span, total: signature.weights.reduce(0, +), members: [i], onlyArticle: c.mention.article,
                                  explicitDay: explicitDay, announced: key.announced, reported: key.reported))
                tokens += signature.tokens
                weights += signature.weights
                isName += signature.names
                bounds.append(tokens.count)
                numbers += signature.numbers
                numberBounds.append(numbers.count)
            }
        }
        // Each member's own names and its story's: a name in both counts twice.
        var given: [UInt64] = []
        for node in nodes {
            given.removeAll(keepingCapacity: true)
            for i in node.members {
                var start = given.count
                for name in candidates[i].mention.names {
                    let h = EventSignature.hash(name.name.utf8)
                    if !given[start...].contains(h) { given.append(h) }
                }
                start = given.count
                for name in candidates[i].storyNames {
                    let h = EventSignature.hash(name.utf8)
                    if !given[start...].contains(h) { given.append(h) }
                }
            }
            given.sort()
            var k = 0
            while k < given.count {
                var end = k + 1
                while end < given.count && given[end] == given[k] { end += 1 }
                actorNames.append(given[k])
                actorCounts.append(Double(end - k))
                k = end
            }
            actorBounds.append(actorNames.count)
        }
    }

    /// The groups, as ascending indices into the candidates, ordered by their first member.
    func groups() -> [[Int]] {
        let (pairs, conflicts, announcements) = links()
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
        var held: [[Int]] = nodes.indices.map { [$0] }
        func unite(_ a: Int, _ b: Int) {
            let (root, child) = (min(a, b), max(a, b))
            parent[child] = root
            sizes[root] += sizes[child]
            if sums[root].count < sums[child].count { sums.swapAt(root, child) }
            for (t, w) in sums[child] { sums[root][t, default: 0] += w }
            sums[child] = [:]
            for s in spans[child] where !spans[root].contains(s) { spans[root].append(s) }
            if held[root].count < held[child].count { held.swapAt(root, child) }
            held[root] += held[child]
            undecided[root] = undecided[root] || undecided[child]
            held[child] = []
        }
        // A coarser mention ("later this month", "last week") that mentions of two different days
        // inside it fit equally well (the runner-up day's link reaches `equallyGood` of the best)
        // tells of neither: it joins only mentions as undecided as itself.
        var inside: [Int: (best: Span, similarity: Double)] = [:]
        var undecided = [Bool](repeating: false, count: nodes.count)
        for link in pairs where nodes[link.a].span != nodes[link.b].span {
            let (coarse, fine) = nodes[link.a].span.contains(nodes[link.b].span) ? (link.a, link.b) : (link.b, link.a)
            guard let found = inside[coarse] else {
                inside[coarse] = (nodes[fine].span, link.similarity)
                continue
            }
            if !found.best.nested(nodes[fine].span) && link.similarity >= equallyGood * found.similarity { undecided[coarse] = true }
        }
        // The strongest links first, two groups joining when their dates nest and they are similar on average.
        var failed: [Pair: (Int, Int)] = [:]
        for link in pairs {
            let a = find(link.a), b = find(link.b)
            guard a != b else { continue }
            let key = Pair(a: min(a, b), b: max(a, b))
            if let sizesThen = failed[key], sizesThen == (sizes[key.a], sizes[key.b]) { continue }
            guard undecided[a] == undecided[b], let mean = similarity(sums[a], spans[a], sizes[a], sums[b], spans[b], sizes[b]),
                  mean >= groupThreshold else {
                failed[key] = (sizes[key.a], sizes[key.b])
                continue
            }
            unite(a, b)
        }
        // One happening dated differently by its sources: join the two groups when no article is in
        // both (an article giving two days tells two happenings) and their days stay close.
        for link in conflicts {
            let a = find(link.a), b = find(link.b)
            guard a != b else { continue }
            let all = spans[a] + spans[b]
            guard let first = all.map(\.first).min(), let last = all.map(\.last).max(), last - first <= disagreementDays else { continue }
            let articlesA = Set(held[a].flatMap { nodes[$0].members.map { candidates[$0].mention.article } })
            let articlesB = Set(held[b].flatMap { nodes[$0].members.map { candidates[$0].mention.article } })
            guard articlesA.isDisjoint(with: articlesB) else { continue }
            unite(a, b)
        }
        // Scheduled, then reported: a group that only announces a day joins the group reporting that
        // day that fits it best (actors, then words), when that one is a clear choice: its actors are
        // similar enough (`sharedActors`) and the runner-up stays under `clearChoice` of its score.
        let reportedRoots = Set(nodes.indices.filter { nodes[$0].reported }.map(find))
        var choices: [Int: Set<Int>] = [:]
        for link in announcements {
            let a = find(link.a), b = find(link.b)
            guard a != b, !reportedRoots.contains(a) else { continue }
            choices[a, default: []].insert(b)
        }
        // A name is weighed by how rare it is among the mentions its own pairs connect to it (its
        // component of the link graph): the country every report of the story names tells little.
        var component = Array(nodes.indices)
        func top(_ i: Int) -> Int {
            var i = i
            while component[i] != i { component[i] = component[component[i]]; i = component[i] }
            return i
        }
        for kind in [pairs, conflicts, announcements] {
            for link in kind {
                let x = top(link.a), y = top(link.b)
                if x != y { component[max(x, y)] = min(x, y) }
            }
        }
        var population: [Int: Double] = [:]
        var spread: [Int: [UInt64: Double]] = [:]
        for a in choices.keys { population[top(a)] = 0 }
        for n in nodes.indices where actorBounds[n] < actorBounds[n + 1] {
            let c = top(n)
            guard population[c] != nil else { continue }
            population[c]! += 1
            for name in actorNames[actorBounds[n]..<actorBounds[n + 1]] { spread[c, default: [:]][name, default: 0] += 1 }
        }
        var profiles: [Int: [UInt64: Double]] = [:]
        func actors(_ root: Int) -> [UInt64: Double] {
            if let known = profiles[root] { return known }
            let c = top(root)
            var profile: [UInt64: Double] = [:]
            for n in held[root] {
                for k in actorBounds[n]..<actorBounds[n + 1] { profile[actorNames[k], default: 0] += actorCounts[k] }
            }
            for (name, count) in profile { profile[name] = count * log(1 + population[c]! / spread[c]![name]!) }
            profiles[root] = profile
            return profile
        }
        var joins: [(Int, Int)] = []
        for a in choices.keys.sorted() {
            let own = actors(a)
            let ranked = choices[a]!.filter { b in spans[a].allSatisfy { x in spans[b].contains { x.nested($0) } } }
                .compactMap { b -> (score: Double, root: Int)? in
                    let who = Self.cosine(own, actors(b))
                    guard who >= sharedActors else { return nil }
                    return (who + (similarity(sums[a], spans[a], sizes[a], sums[b], spans[b], sizes[b]) ?? 0), b)
                }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.root < $1.root }
            guard let best = ranked.first, ranked.count < 2 || ranked[1].score < clearChoice * best.score else { continue }
            joins.append((a, best.root))
        }
        for (a, b) in joins where find(a) != find(b) { unite(find(a), find(b)) }
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

    /// The mean cosine similarity over all pairs of members of two groups, or nil when their dates
    /// do not nest pairwise: the dot product of the groups' sums of unit vectors over the number of
    /// pairs, so it costs one pass over the smaller group's words.
    private func similarity(_ a: [UInt64: Double], _ sa: [Span], _ na: Int, _ b: [UInt64: Double], _ sb: [Span], _ nb: Int) -> Double? {
        guard sa.allSatisfy({ x in sb.allSatisfy { x.nested($0) } }) else { return nil }
        let (small, large) = a.count < b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (t, w) in small { if let v = large[t] { dot += w * v } }
        return dot / Double(na * nb)
    }

    /// Cosine similarity of two weighted name sets, summed in name order (the same figure every run).
    static func cosine(_ a: [UInt64: Double], _ b: [UInt64: Double]) -> Double {
        let (small, large) = a.count < b.count ? (a, b) : (b, a)
        var dot = 0.0
        for t in small.keys.sorted() { if let v = large[t] { dot += small[t]! * v } }
        guard dot > 0 else { return 0 }
        let na = a.keys.sorted().reduce(0) { $0 + a[$1]! * a[$1]! }, nb = b.keys.sorted().reduce(0) { $0 + b[$1]! * b[$1]! }
        return dot / (na * nb).squareRoot()
    }

    /// Every pair of nodes above its threshold, strongest first (ties by node order); the pairs
    /// whose explicit days differ by a few but whose words are nearly the same (sources disagreeing);
    /// and each announcement of a day with each report of that day that shares an actor with it.
    private func links() -> (links: [Link], conflicts: [Link], announcements: [Link]) {
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
        var reports: [Int: [Int]] = [:]
        for n in nodes.indices where nodes[n].reported && nodes[n].span.first == nodes[n].span.last {
            reports[nodes[n].span.first, default: []].append(n)
        }
        var announcements: [Link] = []
        for a in nodes.indices where nodes[a].announced && nodes[a].span.first == nodes[a].span.last {
            for b in reports[nodes[a].span.first] ?? [] {
                let shared = actorsInCommon(a, b)
                if shared > 0 { announcements.append(Link(similarity: shared, a: a, b: b)) }
            }
        }
        func strongestFirst(_ x: Link, _ y: Link) -> Bool { x.similarity != y.similarity ? x.similarity > y.similarity : (x.a, x.b) < (y.a, y.b) }
        return (links.sorted(by: strongestFirst), conflicts.sorted(by: strongestFirst), announcements.sorted(by: strongestFirst))
    }

    /// Dice coefficient over the weighted tokens of two nodes, 0…1; halved when both give numbers and share none.
    private func similarity(_ x: Int, _ y: Int) -> Double {
        var (dice, what) = wordSimilarity(x, y)
        if EventSignature.numbersDiffer(numbers[numberBounds[x]..<numberBounds[x + 1]], numbers[numberBounds[y]..<numberBounds[y + 1]]) {
            dice *= EventSignature.differentNumbers
        }
        // An announcement and a report of one day share their story's actors anyway: words must agree
        // too, or the choice among that day's reports is left to the announcement rule.
        let crossing = (nodes[x].announced && nodes[y].reported) || (nodes[x].reported && nodes[y].announced)
        return crossing && what < 1 ? dice * EventSignature.onlyWhoShared : dice
    }

    /// How many actors two nodes share.
    private func actorsInCommon(_ x: Int, _ y: Int) -> Double {
        var i = actorBounds[x], j = actorBounds[y], shared = 0.0
        while i < actorBounds[x + 1] && j < actorBounds[y + 1] {
            if actorNames[i] == actorNames[j] {
                shared += 1
                i += 1
                j += 1
            } else if actorNames[i] < actorNames[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// The Dice coefficient, and the weight of the shared words that are not names (what happened, not who).
    private func wordSimilarity(_ x: Int, _ y: Int) -> (Double, Double) {
        let tx = nodes[x].total, ty = nodes[y].total
        guard tx > 0, ty > 0 else { return (0, 0) }
        var shared = 0.0
        var what = 0.0
        tokens.withUnsafeBufferPointer { t in
            weights.withUnsafeBufferPointer { w in
                var i = bounds[x], j = bounds[y]
                let iEnd = bounds[x + 1], jEnd = bounds[y + 1]
                while i < iEnd && j < jEnd {
                    let a = t[i], b = t[j]
                    if a == b {
                        shared += min(w[i], w[j])
                        if !isName[i] { what += min(w[i], w[j]) }
                        i += 1
                        j += 1
                    } else {
                        i &+= a < b ? 1 : 0
                        j &+= a > b ? 1 : 0
                    }
                }
            }
        }
        return (2 * shared / (tx + ty), what)
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
