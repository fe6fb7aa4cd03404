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
/// only the months whose mentions changed. A month regrouped after a small change starts from
/// what its last grouping found (`Memory`: the nodes and their links): only the links of the
/// nodes that changed are looked for again.
///
/// Every way two mentions come to share a group is a pair `links()` reports (similar words, sources
/// disagreeing, an announcement and a report of its day), and every choice among groups looks only
/// at groups those pairs connect: a group never depends on mentions no chain of pairs reaches.
struct MonthGrouping {
    /// The thresholds.
    private let merger: EventMerger
    private let candidates: [EventMerger.Candidate]
    /// Each candidate's article by number (an article's mentions are next to each other).
    private let articles: [Int]
    private var nodes: [Node] = []
    /// Every node's members (indices into the month's candidates, ascending), end to end; node `n`
    /// owns `memberBounds[n]..<memberBounds[n + 1]` (one list for all, not an array per node).
    private var members: [Int] = []
    private var memberBounds: [Int] = [0]
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
    /// What `findLinks` found: every pair of nodes above its threshold, the pairs whose sources
    /// disagree on the day, and each announcement of a day with each report of it (announcement first).
    private var links: [Link] = []
    private var conflicts: [Link] = []
    private var announcements: [Link] = []

    /// Mentions with one signature and one span.
    private struct Node {
        var span: Span
        var total: Double
        /// The one article all members come from (`articles`), or -1 when there are several.
        var onlyArticle: Int
        /// A single day some member dates with an expression of its own: sources may disagree about it.
        var explicitDay: Bool
        /// Told before its day as scheduled, or after it as having happened (`Candidate.isAnnouncement`, `isReport`).
        var announced: Bool
        var reported: Bool
    }

    struct NodeKey: Hashable {
        var span: Span
        var tokens: [UInt64]
        var weights: [Double]
        var numbers: [UInt64]
        var explicitDay: Bool
        var announced: Bool
        var reported: Bool
    }

    /// Groups the candidates from scratch.
    init(_ candidates: [EventMerger.Candidate], merger: EventMerger) {
        self.init(thresholds: merger, candidates: candidates)
        // Mentions with the same key share a node: each node is found by a digest of its key (the
        // last node with that digest, then the one before it with the same digest, and so on).
        var reader = EventSignature.Reader()
        var byDigest = KeyTable<Int>()
        var sameDigest: [Int] = []
        // Each candidate's node: the members are listed by node once all are placed.
        var nodeOf: [Int32] = []
        nodeOf.reserveCapacity(candidates.count)
        // Each candidate's actors (`ActorReading.add`), end to end.
        var actors = ActorReading()
        var givenBounds = [0]
        givenBounds.reserveCapacity(candidates.count + 1)
        // Read in place: a candidate copied is every one of its fields retained.
        let all = candidates
        all.withUnsafeBufferPointer { candidates in for i in candidates.indices {
            actors.add(candidates[i].mention.names, candidates[i].storyNames)
            givenBounds.append(actors.given.count)
            reader.read(candidates[i].mention.sentence, focus: candidates[i].mention.expressionRange,
                        entities: candidates[i].mention.names.lazy.map(\.name))
            let interval = candidates[i].mention.value.interval!
            let span = Span(interval)
            let (status, dateSource) = (candidates[i].status, candidates[i].dateSource)
            let explicitDay = dateSource == .expression && candidates[i].mention.value.day != nil
            let announced = EventMerger.Candidate.isAnnouncement(status: status, published: candidates[i].published, first: interval.start)
            let reported = EventMerger.Candidate.isReport(status: status, dateSource: dateSource)
            var digest = UInt64(bitPattern: Int64(span.first)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(span.last))
            digest = (digest ^ (explicitDay ? 1 : 0) ^ (announced ? 2 : 0) ^ (reported ? 4 : 0)) &* 0xFF51_AFD7_ED55_8CCD
            for t in reader.tokens { digest = (digest ^ t) &* 0x100_0000_01b3 }
            for w in reader.weights { digest = (digest ^ w.bitPattern) &* 0x100_0000_01b3 }
            for t in reader.numbers { digest = (digest ^ t) &* 0xC4CE_B9FE_1A85_EC53 }
            let slot = byDigest.index(of: digest)
            var n = slot.map { byDigest.values[$0] } ?? -1
            while n >= 0 {
                if nodes[n].span == span && nodes[n].explicitDay == explicitDay && nodes[n].announced == announced
                    && nodes[n].reported == reported && tokens[bounds[n]..<bounds[n + 1]].elementsEqual(reader.tokens)
                    && weights[bounds[n]..<bounds[n + 1]].elementsEqual(reader.weights)
                    && numbers[numberBounds[n]..<numberBounds[n + 1]].elementsEqual(reader.numbers) { break }
                n = sameDigest[n]
            }
            if n >= 0 {
                nodeOf.append(Int32(n))
                if nodes[n].onlyArticle != articles[i] { nodes[n].onlyArticle = -1 }
                continue
            }
            nodeOf.append(Int32(nodes.count))
            sameDigest.append(slot.map { byDigest.values[$0] } ?? -1)
            if let slot { byDigest.update(at: slot) { $0 = nodes.count } } else { byDigest.append(digest, nodes.count) }
            append(Node(span: span, total: reader.weights.reduce(0, +), onlyArticle: articles[i], explicitDay: explicitDay,
                        announced: announced, reported: reported),
                   tokens: reader.tokens[...], weights: reader.weights[...], isName: reader.names[...], numbers: reader.numbers[...])
        } }
        // The members by node, each node's in candidate order (ascending).
        memberBounds = [Int](repeating: 0, count: nodes.count + 1)
        for n in nodeOf { memberBounds[Int(n) + 1] += 1 }
        for n in nodes.indices { memberBounds[n + 1] += memberBounds[n] }
        var filled = memberBounds
        members = [Int](repeating: 0, count: nodeOf.count)
        for (i, n) in nodeOf.enumerated() {
            members[filled[Int(n)]] = i
            filled[Int(n)] += 1
        }
        var scratch: [UInt64] = []
        for n in nodes.indices { appendActors(of: n, given: actors.given, givenBounds: givenBounds, &scratch) }
        (links, conflicts, announcements) = findLinks()
    }

    private init(thresholds merger: EventMerger, candidates: [EventMerger.Candidate]) {
        self.merger = merger
        self.candidates = candidates
        var numbers = StringNumbers()
        var articles: [Int] = []
        articles.reserveCapacity(candidates.count)
        for i in candidates.indices {
            let same = i > 0 && candidates[i].mention.article == candidates[i - 1].mention.article
            articles.append(same ? articles[i - 1] : numbers.number(candidates[i].mention.article))
        }
        self.articles = articles
    }

    private static func key(_ c: EventMerger.Candidate) -> (NodeKey, EventSignature) {
        let signature = EventSignature(c.mention.sentence, focus: c.mention.expressionRange, entities: c.mention.names.map(\.name))
        let explicitDay = c.dateSource == .expression && c.mention.value.day != nil
        return (NodeKey(span: Span(c.mention.value.interval!), tokens: signature.tokens, weights: signature.weights,
                        numbers: signature.numbers, explicitDay: explicitDay, announced: c.isAnnouncement, reported: c.isReport), signature)
    }

    /// A node of its own for `members` (its tokens' name flags those of its first member's signature).
    private mutating func append(_ key: NodeKey, total: Double, isName: [Bool], members: ArraySlice<Int>) {
        appendNode(Node(span: key.span, total: total, onlyArticle: -1, explicitDay: key.explicitDay, announced: key.announced,
                        reported: key.reported), members: members)
        appendWords(tokens: key.tokens[...], weights: key.weights[...], isName: isName[...], numbers: key.numbers[...])
    }

    /// `node` with its words (its members are listed apart, see `init(_:merger:)` and `appendNode`).
    private mutating func append(_ node: Node, tokens: ArraySlice<UInt64>, weights: ArraySlice<Double>, isName: ArraySlice<Bool>,
                                 numbers: ArraySlice<UInt64>) {
        nodes.append(node)
        appendWords(tokens: tokens, weights: weights, isName: isName, numbers: numbers)
    }

    /// The last node's words.
    private mutating func appendWords(tokens: ArraySlice<UInt64>, weights: ArraySlice<Double>, isName: ArraySlice<Bool>,
                                      numbers: ArraySlice<UInt64>) {
        self.tokens += tokens
        self.weights += weights
        self.isName += isName
        bounds.append(self.tokens.count)
        self.numbers += numbers
        numberBounds.append(self.numbers.count)
    }

    /// `node` with its members (ascending), without its words (they follow), its only article read from its members.
    private mutating func appendNode(_ node: Node, members: ArraySlice<Int>) {
        var node = node
        let article = articles[members.first!]
        node.onlyArticle = members.allSatisfy { articles[$0] == article } ? article : -1
        nodes.append(node)
        self.members += members
        memberBounds.append(self.members.count)
    }

    /// Node `n`'s members, ascending.
    private func members(of n: Int) -> ArraySlice<Int> { members[memberBounds[n]..<memberBounds[n + 1]] }

    /// Node `n`'s actors: each member's own names and its story's (a name in both counts twice).
    private mutating func appendActors(of n: Int, _ read: inout ActorReading) {
        read.given.removeAll(keepingCapacity: true)
        for i in members(of: n) {
            read.add(candidates[i].mention.names, candidates[i].storyNames)
        }
        appendCounted(&read.given)
    }

    /// Node `n`'s actors as `appendActors(of:_:)` finds them, from its members' read before, in the
    /// pass over the candidates (`given[givenBounds[i]..<givenBounds[i + 1]]`: `ActorReading.add`
    /// for candidate `i`): a month's candidates are megabytes, not read twice.
    private mutating func appendActors(of n: Int, given: [UInt64], givenBounds: [Int], _ scratch: inout [UInt64]) {
        scratch.removeAll(keepingCapacity: true)
        for i in members(of: n) { scratch += given[givenBounds[i]..<givenBounds[i + 1]] }
        appendCounted(&scratch)
    }

    /// The next node's actors from their hashes (sorted here): each once, with how often it is given.
    private mutating func appendCounted(_ given: inout [UInt64]) {
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

    /// The actors of one mention after another: the names of consecutive mentions are most often the
    /// same lists (an article's sentences, its story), hashed once per list.
    private struct ActorReading {
        var given: [UInt64] = []
        private var names: [ArticleName] = [], nameHashes: [UInt64] = []
        private var story: [String] = [], storyHashes: [UInt64] = []

        /// Adds one mention's own names and its story's, each list without repeats.
        mutating func add(_ names: [ArticleName], _ story: [String]) {
            if names != self.names {
                self.names = names
                nameHashes.removeAll(keepingCapacity: true)
                for name in names {
                    let h = EventSignature.hash(name.name)
                    if !nameHashes.contains(h) { nameHashes.append(h) }
                }
            }
            if story != self.story {
                self.story = story
                storyHashes.removeAll(keepingCapacity: true)
                for name in story {
                    let h = EventSignature.hash(name)
                    if !storyHashes.contains(h) { storyHashes.append(h) }
                }
            }
            given += nameHashes
            given += storyHashes
        }
    }

    /// Groups the candidates as `init(_:merger:)` does, from the last grouping of the month:
    /// `origins[i]` is candidate `i`'s index in the candidates `memory` was made for (nil for a
    /// new one). Nodes and links of unchanged mentions are taken as they were; a node that gained
    /// or lost mentions (its only article may have changed) has its links looked for again among
    /// the nodes its span reaches (every pair, so no word ranking is involved); the links are then
    /// ordered as a full search orders them, so the groups are the same. Nil when `memory` does not
    /// fit the candidates.
    /// `memory` is taken: its lists of links become the grouping's, those of changed nodes left out.
    init?(_ candidates: [EventMerger.Candidate], merger: EventMerger, memory: consuming Memory, origins: [Int?]) {
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
        var freshNames: [Int: [Bool]] = [:]
        let fresh = origins.indices.filter { origins[$0] == nil }.map { i in
            let (key, signature) = Self.key(candidates[i])
            freshNames[i] = signature.names
            return (i, key)
        }
        // The new mentions' spans, sorted (a binary search per old node, no hashing).
        let freshSpans = Array(Set(fresh.map(\.1.span))).sorted { ($0.first, $0.last) < ($1.first, $1.last) }
        func isFresh(_ span: Span) -> Bool {
            var (low, high) = (0, freshSpans.count)
            while low < high {
                let mid = (low + high) / 2
                if (freshSpans[mid].first, freshSpans[mid].last) < (span.first, span.last) { low = mid + 1 } else { high = mid }
            }
            return low < freshSpans.count && freshSpans[low] == span
        }
        var oldKeys: [Span: [Int]] = [:]
        for n in 0..<oldCount where isFresh(memory.span(n)) { oldKeys[memory.span(n), default: []].append(n) }
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
        var hasExtra = [Bool](repeating: false, count: oldCount + newKeys.count)
        for (n, i) in added {
            extra[n, default: []].append(i)
            hasExtra[n] = true
        }
        var placed: [(first: Int, node: Int)] = []
        placed.reserveCapacity(oldCount + newKeys.count)
        for n in 0..<(oldCount + newKeys.count) {
            let first = min(n < oldCount && keptBounds[n] < keptBounds[n + 1] ? kept[keptBounds[n]] : .max,
                            hasExtra[n] ? extra[n]!.min()! : .max)
            if first < .max { placed.append((first, n)) }
        }
        placed.sort { $0.first < $1.first }
        var position = [Int](repeating: -1, count: oldCount + newKeys.count)
        var touched: [Int] = []
        tokens.reserveCapacity(memory.tokens.count + newKeys.reduce(0) { $0 + $1.tokens.count })
        weights.reserveCapacity(tokens.capacity)
        isName.reserveCapacity(tokens.capacity)
        numbers.reserveCapacity(memory.numbers.count + newKeys.reduce(0) { $0 + $1.numbers.count })
        nodes.reserveCapacity(placed.count)
        // Old nodes that follow each other as they did, their words and flags as they were, are
        // copied as one run (the words of a month's nodes are hundreds of thousands of values).
        var run: Range<Int> = 0..<0
        func flush() {
            guard !run.isEmpty else { return }
            let words = memory.bounds[run.lowerBound]..<memory.bounds[run.upperBound]
            let numbered = memory.numberBounds[run.lowerBound]..<memory.numberBounds[run.upperBound]
            let (wordBase, numberBase) = (tokens.count - words.lowerBound, numbers.count - numbered.lowerBound)
            tokens += memory.tokens[words]
            weights += memory.weights[words]
            isName += memory.isName[words]
            numbers += memory.numbers[numbered]
            for n in run {
                bounds.append(wordBase + memory.bounds[n + 1])
                numberBounds.append(numberBase + memory.numberBounds[n + 1])
            }
            run = 0..<0
        }
        for (k, p) in placed.enumerated() {
            position[p.node] = k
            // Read in place unless mentions were added (a month's nodes are thousands: no array each).
            var members = p.node < oldCount ? kept[keptBounds[p.node]..<keptBounds[p.node + 1]] : []
            if hasExtra[p.node] {
                members = (members + extra[p.node]!).sorted()[...]
                touched.append(k)
            } else if p.node >= oldCount || changed[p.node] {
                touched.append(k)
            }
            if p.node < oldCount {
                let range = memory.bounds[p.node]..<memory.bounds[p.node + 1]
                let node = Node(span: memory.span(p.node), total: memory.weights[range].reduce(0, +), onlyArticle: -1,
                                explicitDay: memory.explicitDay[p.node], announced: memory.announced[p.node], reported: memory.reported[p.node])
                // A node takes its tokens' name flags from its first member: another first member's own.
                let first = memory.members[memory.memberBounds[p.node]]
                if now[first] == members.first! {
                    if run.upperBound != p.node { flush() }
                    run = (run.isEmpty ? p.node : run.lowerBound)..<(p.node + 1)
                    appendNode(node, members: members)
                } else {
                    flush()
                    appendNode(node, members: members)
                    appendWords(tokens: memory.tokens[range], weights: memory.weights[range],
                                isName: (freshNames[members.first!] ?? Self.key(candidates[members.first!]).1.names)[...],
                                numbers: memory.numbers[memory.numberBounds[p.node]..<memory.numberBounds[p.node + 1]])
                }
            } else {
                flush()
                let key = newKeys[p.node - oldCount]
                append(key, total: key.weights.reduce(0, +), isName: freshNames[members.first!]!, members: members)
            }
        }
        flush()
        // Each changed node is compared with every node its span reaches: worth it for a few.
        guard touched.count * 8 <= nodes.count else { return nil }
        // Actors as they were for the nodes whose mentions are the same, worked out again for the others.
        actorNames.reserveCapacity(memory.actorNames.count + 64)
        actorCounts.reserveCapacity(actorNames.capacity)
        // Runs of old nodes as they were copied at once, as their words are.
        var actorRun: Range<Int> = 0..<0
        func flushActors() {
            guard !actorRun.isEmpty else { return }
            let given = memory.actorBounds[actorRun.lowerBound]..<memory.actorBounds[actorRun.upperBound]
            let base = actorNames.count - given.lowerBound
            actorNames += memory.actorNames[given]
            actorCounts += memory.actorCounts[given]
            for n in actorRun { actorBounds.append(base + memory.actorBounds[n + 1]) }
            actorRun = 0..<0
        }
        var read = ActorReading()
        for (k, p) in placed.enumerated() {
            if p.node < oldCount && !changed[p.node] {
                if actorRun.upperBound != p.node { flushActors() }
                actorRun = (actorRun.isEmpty ? p.node : actorRun.lowerBound)..<(p.node + 1)
            } else {
                flushActors()
                appendActors(of: k, &read)
            }
        }
        flushActors()
        // Links of unchanged nodes as they were; those of changed nodes found again.
        var isTouched = [Bool](repeating: false, count: nodes.count)
        for t in touched { isTouched[t] = true }
        // An old node's place when its links are kept: -1 when it is gone or touched.
        let keptPlace = (0..<oldCount).map { n in position[n] >= 0 && !isTouched[position[n]] ? Int32(position[n]) : -1 }
        // `ordered`: the earlier node first (links between words); else as they were (an announcement, then its report).
        // Kept in the list they are read from, moved up over those left out (a month's links are
        // hundreds of thousands: a second list would be that much fresh memory).
        func keepUnchanged(_ list: inout [Link], ordered: Bool) {
            let kept = keptPlace.withUnsafeBufferPointer { place in
                list.withUnsafeMutableBufferPointer { links in
                    var kept = 0
                    for i in links.indices {
                        let link = links[i]
                        let a = place[link.a], b = place[link.b]
                        guard a >= 0, b >= 0 else { continue }
                        links[kept] = Link(similarity: link.similarity, ends: ordered ? (min(a, b), max(a, b)) : (a, b))
                        kept += 1
                    }
                    return kept
                }
            }
            list.removeLast(list.count - kept)
        }
        // Old nodes that keep their order keep their links in order (strongest first, then by ends).
        var lastPlace = -1
        let keepsOrder = (0..<oldCount).allSatisfy { n in
            defer { if position[n] >= 0 { lastPlace = position[n] } }
            return position[n] < 0 || position[n] > lastPlace
        }
        var links = memory.links, conflicts = memory.conflicts, announcements = memory.announcements
        (memory.links, memory.conflicts, memory.announcements) = ([], [], [])
        keepUnchanged(&links, ordered: true)
        keepUnchanged(&conflicts, ordered: true)
        keepUnchanged(&announcements, ordered: false)
        let (keptLinks, keptConflicts, keptAnnouncements) = (links.count, conflicts.count, announcements.count)
        for t in touched {
            for u in nodes.indices where u != t && (!isTouched[u] || u > t) {
                let (b, a) = (min(t, u), max(t, u))
                guard let reach = reach(nodes[b].span, nodes[a].span, explicitDay: nodes[a].explicitDay) else { continue }
                add(b, a, reach: reach, to: &links, &conflicts)
                if let link = announcement(b, a) ?? announcement(a, b) { announcements.append(link) }
            }
        }
        Self.orderStrongestFirst(&links, keptCount: keptLinks, keptInOrder: keepsOrder)
        Self.orderStrongestFirst(&conflicts, keptCount: keptConflicts, keptInOrder: keepsOrder)
        Self.orderStrongestFirst(&announcements, keptCount: keptAnnouncements, keptInOrder: keepsOrder)
        (self.links, self.conflicts, self.announcements) = (links, conflicts, announcements)
    }

    /// Puts `links` strongest first, as sorting them gives, when its first `keptCount` are the last
    /// grouping's: those are most often in that order still (their nodes keep their order), and
    /// then only the others are sorted and merged in, in place from the end (as a stable merge that
    /// takes the kept one first on a tie orders them: a found one goes before the first kept one it
    /// comes strictly before).
    /// - Parameter keptInOrder: known to be so (else it is checked).
    private static func orderStrongestFirst(_ links: inout [Link], keptCount: Int, keptInOrder: Bool) {
        // Read through a buffer: a slice of `links` alive below would make the moves copy it whole first.
        let (ordered, others) = links.withUnsafeBufferPointer { links in
            (keptInOrder || (1..<max(keptCount, 1)).allSatisfy { !strongestFirst(links[$0], links[$0 - 1]) }, Array(links[keptCount...]))
        }
        guard ordered else {
            links = strongestFirst(links)
            return
        }
        let found = strongestFirst(others)
        // The found ones are few: each, from the last, goes just before the first kept one it comes
        // strictly before (found by bisection), the kept ones from there moved up as one block.
        links.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            var end = keptCount, free = out.count
            for link in found.reversed() {
                var (low, high) = (0, end)
                while low < high {
                    let mid = (low + high) / 2
                    if strongestFirst(link, out[mid]) { high = mid } else { low = mid + 1 }
                }
                let moved = end - low
                (base + free - moved).update(from: base + low, count: moved)
                free -= moved + 1
                end = low
                out[free] = link
            }
        }
    }

    /// The groups, as ascending indices into the candidates, ordered by their first member.
    func groups() -> [[Int]] {
        var forest = Forest(self)
        // A coarser mention ("later this month", "last week") that mentions of two different days
        // inside it fit equally well (the runner-up day's link reaches `equallyGood` of the best)
        // tells of neither: it joins only mentions as undecided as itself.
        let spans = nodes.map { $0.span }
        var inside = [(best: Span, similarity: Double)?](repeating: nil, count: nodes.count)
        for link in links where spans[link.a] != spans[link.b] {
            let (coarse, fine) = spans[link.a].contains(spans[link.b]) ? (link.a, link.b) : (link.b, link.a)
            guard let found = inside[coarse] else {
                inside[coarse] = (spans[fine], link.similarity)
                continue
            }
            if !found.best.nested(spans[fine]) && link.similarity >= merger.equallyGood * found.similarity { forest.undecided[coarse] = true }
        }
        // The strongest links first, two groups joining when their dates nest and they are similar on average.
        // A pair of groups found too far apart is not compared again until one of them grows.
        var failed = KeyTable<(Int, Int)>(capacity: min(links.count, nodes.count))
        // The links whose groups stayed apart (the others join nodes of one group for good).
        var apart: [Int32] = []
        for (l, link) in links.enumerated() {
            let a = forest.find(link.a), b = forest.find(link.b)
            guard a != b else { continue }
            let (x, y) = (min(a, b), max(a, b))
            let key = UInt64(x) << 32 | UInt64(y)
            let sizes = (forest.sizes[x], forest.sizes[y])
            let known = failed.index(of: key)
            if let known, failed.values[known] == sizes {
                apart.append(Int32(l))
                continue
            }
            guard forest.undecided[a] == forest.undecided[b], let mean = forest.similarity(a, b), mean >= merger.groupThreshold else {
                if let known { failed.update(at: known) { $0 = sizes } } else { failed.append(key, sizes) }
                apart.append(Int32(l))
                continue
            }
            forest.unite(a, b)
        }
        // One happening dated differently by its sources: join the two groups when no article is in
        // both (an article giving two days tells two happenings) and their days stay close.
        var mark: [Int] = []  // per article number: the conflict that last marked it
        for (c, link) in conflicts.enumerated() {
            let a = forest.find(link.a), b = forest.find(link.b)
            guard a != b else { continue }
            // Read in place, no list of spans or nodes made per conflict.
            let (daysA, daysB) = (forest.days(of: a), forest.days(of: b))
            guard max(daysA.last, daysB.last) - min(daysA.first, daysB.first) <= merger.disagreementDays else { continue }
            if mark.isEmpty { mark = [Int](repeating: -1, count: (articles.max() ?? 0) + 1) }
            forest.forEachNode(of: a) { n in for m in members(of: n) { mark[articles[m]] = c } }
            guard !forest.anyNode(of: b, { n in members(of: n).contains { mark[articles[$0]] == c } }) else { continue }
            forest.unite(a, b)
        }
        // Scheduled, then reported: a group that only announces a day joins the group reporting that
        // day that fits it best (actors, then words), when that one is a clear choice: its actors are
        // similar enough (`sharedActors`) and the runner-up stays under `clearChoice` of its score.
        var reportedRoot = [Bool](repeating: false, count: nodes.count)
        for n in nodes.indices where nodes[n].reported { reportedRoot[forest.find(n)] = true }
        var choices = KeyTable<Void>()
        for link in announcements {
            let a = forest.find(link.a), b = forest.find(link.b)
            guard a != b, !reportedRoot[a], choices.index(of: UInt64(a) << 32 | UInt64(b)) == nil else { continue }
            choices.append(UInt64(a) << 32 | UInt64(b), ())
        }
        for (a, b) in choose(among: choices, forest, apart: apart) where forest.find(a) != forest.find(b) {
            forest.unite(forest.find(a), forest.find(b))
        }
        // Each group's members in order, the groups in the order of their first members.
        var nodeOf = [Int32](repeating: -1, count: candidates.count)
        for n in nodes.indices { for m in members(of: n) { nodeOf[m] = Int32(n) } }
        // Each group's size first (and each candidate's group in place of its node), so each list is made once at its size.
        var groupOf = [Int](repeating: -1, count: nodes.count)
        var sizes: [Int] = []
        for i in candidates.indices where nodeOf[i] >= 0 {
            let root = forest.find(Int(nodeOf[i]))
            if groupOf[root] < 0 {
                groupOf[root] = sizes.count
                sizes.append(0)
            }
            nodeOf[i] = Int32(groupOf[root])
            sizes[groupOf[root]] += 1
        }
        var groups = sizes.map { size in
            var group: [Int] = []
            group.reserveCapacity(size)
            return group
        }
        for i in candidates.indices where nodeOf[i] >= 0 { groups[Int(nodeOf[i])].append(i) }
        return groups
    }

    /// The joins the announcing groups choose: for each group `a` of `choices` (an announcing group
    /// and a group reporting its day, both roots, as `a << 32 | b`), the reporting group its actors
    /// and words fit best, when that is a clear choice.
    /// - Parameter apart: the links whose ends `forest` keeps in different groups (the others are within one).
    private func choose(among choices: KeyTable<Void>, _ forest: Forest, apart: [Int32]) -> [(Int, Int)] {
        guard !choices.isEmpty else { return [] }
        let choices = choices.keys.sorted().map { (a: Int($0 >> 32), b: Int($0 & 0xFFFF_FFFF)) }
        // A name is weighed by how rare it is among the mentions its own links connect to it (its
        // component of the link graph): the country every report of the story names tells little.
        // The groups lie within components, so those are the groups joined by the links between them.
        let component = Roots(count: nodes.count)
        func top(_ i: Int) -> Int { component.find(i) }
        for n in nodes.indices where forest.find(n) != n { component.attach(n, to: forest.find(n)) }
        func connect(_ link: Link) {
            let x = component.find(link.a), y = component.find(link.b)
            if x != y { component.attach(max(x, y), to: min(x, y)) }
        }
        for l in apart { connect(links[Int(l)]) }
        for link in conflicts { connect(link) }
        for link in announcements { connect(link) }
        // Each announcing group's candidates: the reporting groups whose spans take in all of its own.
        var slot = [Int](repeating: -1, count: nodes.count)
        var population: [Double] = []
        var ranked: [(a: Int, candidates: [Int])] = []
        var start = 0
        while start < choices.count {
            let a = choices[start].a
            var end = start
            var candidates: [Int] = []
            let spansA = forest.spans(a)
            while end < choices.count && choices[end].a == a {
                let b = choices[end].b
                let spansB = forest.spans(b)
                if spansA.allSatisfy({ x in spansB.contains { x.nested($0) } }) { candidates.append(b) }
                end += 1
            }
            if slot[top(a)] < 0 {
                slot[top(a)] = population.count
                population.append(0)
            }
            if !candidates.isEmpty { ranked.append((a, candidates)) }
            start = end
        }
        // Per component that holds a choice: how many nodes name actors, and how many name each of
        // the actors those groups name (counted for those only).
        var spread = [KeyTable<Double>](repeating: KeyTable(), count: population.count)
        var profiled = [Bool](repeating: false, count: nodes.count)
        for (a, candidates) in ranked {
            for root in [a] + candidates where !profiled[root] {
                profiled[root] = true
                let k = slot[top(root)]
                forest.forEachNode(of: root) { n in
                    for name in actorNames[actorBounds[n]..<actorBounds[n + 1]] { spread[k].add(name, 0) }
                }
            }
        }
        // Most often one component holds every choice: its table is counted in outside the list.
        var current = (slot: -1, table: KeyTable<Double>())
        for n in nodes.indices where actorBounds[n] < actorBounds[n + 1] {
            let k = slot[top(n)]
            guard k >= 0 else { continue }
            population[k] += 1
            if k != current.slot {
                if current.slot >= 0 { swap(&current.table, &spread[current.slot]) }
                current.slot = k
                swap(&current.table, &spread[k])
            }
            guard !current.table.isEmpty else { continue }
            for name in actorNames[actorBounds[n]..<actorBounds[n + 1]] {
                if let i = current.table.index(of: name) { current.table.update(at: i) { $0 += 1 } }
            }
        }
        if current.slot >= 0 { swap(&current.table, &spread[current.slot]) }
        var profiles: [Int: Profile] = [:]
        func actors(_ root: Int) -> Profile {
            if let known = profiles[root] { return known }
            let k = slot[top(root)]
            var given = KeyTable<Double>()
            forest.forEachNode(of: root) { n in
                for j in actorBounds[n]..<actorBounds[n + 1] { given.add(actorNames[j], actorCounts[j]) }
            }
            let order = given.keys.indices.sorted { given.keys[$0] < given.keys[$1] }
            let profile = Profile(names: order.map { given.keys[$0] }, weights: order.map { i in
                given.values[i] * log(1 + population[k] / spread[k][given.keys[i]]!)
            })
            profiles[root] = profile
            return profile
        }
        var joins: [(Int, Int)] = []
        for (a, candidates) in ranked {
            let own = actors(a)
            let scored = candidates.compactMap { b -> (score: Double, root: Int)? in
                let who = Self.cosine(own, actors(b))
                guard who >= merger.sharedActors else { return nil }
                return (who + (forest.similarity(a, b) ?? 0), b)
            }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.root < $1.root }
            guard let best = scored.first, scored.count < 2 || scored[1].score < merger.clearChoice * best.score else { continue }
            joins.append((a, best.root))
        }
        return joins
    }

    /// A group's actors, sorted by name hash, each weighed by how often its members give it and how
    /// rare it is in its component.
    private struct Profile {
        var names: [UInt64]
        var weights: [Double]
    }

    /// Two nodes, `a` before `b` (for an announcement, the announcement first), and how alike they are.
    /// Its ends are kept as 32-bit numbers (as nodes are numbered elsewhere, `Posting`): a month's
    /// links are hundreds of thousands, read, sorted and written whole, at 16 bytes each rather than 24.
    struct Link: Codable, Equatable, Sendable {
        var similarity: Double
        private var first: Int32
        private var second: Int32

        init(similarity: Double, a: Int, b: Int) {
            self.init(similarity: similarity, ends: (Int32(a), Int32(b)))
        }

        fileprivate init(similarity: Double, ends: (Int32, Int32)) {
            self.similarity = similarity
            (first, second) = ends
        }

        var a: Int { Int(first) }
        var b: Int { Int(second) }
    }

    /// What the next grouping of the month starts from: the nodes, each with its mentions (as
    /// indices into this grouping's candidates), and the links among them.
    var memory: Memory {
        var spans: [Int] = []
        spans.reserveCapacity(2 * nodes.count)
        for n in nodes.indices {
            spans.append(nodes[n].span.first)
            spans.append(nodes[n].span.last)
        }
        return Memory(candidateCount: candidates.count, spans: spans, explicitDay: nodes.map { $0.explicitDay },
               announced: nodes.map { $0.announced }, reported: nodes.map { $0.reported }, members: members, memberBounds: memberBounds,
               tokens: tokens, weights: weights, isName: isName, bounds: bounds, numbers: numbers, numberBounds: numberBounds,
               actorNames: actorNames, actorCounts: actorCounts, actorBounds: actorBounds, links: links, conflicts: conflicts,
               announcements: announcements)
    }

    /// A union-find over the nodes (path halving; a root is the lowest node of its set).
    /// Its parents are in a buffer of its own: a find runs once or twice per link of the month
    /// (hundreds of thousands), and an array would be checked for a second owner at every step.
    private final class Roots {
        private let parent: UnsafeMutablePointer<Int>
        private let count: Int

        init(count: Int) {
            self.count = count
            parent = .allocate(capacity: max(count, 1))
            for i in 0..<count { (parent + i).initialize(to: i) }
        }

        deinit { parent.deallocate() }

        func find(_ i: Int) -> Int {
            precondition(i >= 0 && i < count)
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }

        /// Makes `root` (a root) the parent of `child` (another root).
        func attach(_ child: Int, to root: Int) {
            precondition(child >= 0 && child < count && root >= 0 && root < count)
            parent[child] = root
        }
    }

    /// The groups as they form: a union-find over the nodes, with what each root's group holds in
    /// flat arrays indexed by node (a value of its own, so its arrays are changed in place without
    /// exclusivity checks at run time).
    private struct Forest {
        let roots: Roots
        var sizes: [Int]
        private let tokens: [UInt64]
        private let weights: [Double]
        private let bounds: [Int]
        /// Per node: how many members it has and the norm of its weights (its unit vector, counted once
        /// per member, is `members × weight / norm`).
        private let memberCounts: [Double]
        private let norms: [Double]
        /// The sum of the unit vectors of the members of each group of several nodes (a node counts
        /// once per member): set `sumOf[root]` of `sums`; -1 for a group that is still its one node,
        /// whose words are read in place.
        private var sums: WordSums
        private var sumOf: [Int32]
        private let nodeSpans: [Span]
        /// Each group's distinct spans, as a list of nodes with one span each: from `firstSpan[root]`
        /// along `nextSpan`, -1 after the last.
        private var firstSpan: [Int32]
        private var nextSpan: [Int32]
        /// The nodes of each group as a ring: from any node of a group, `next` visits the others and comes back.
        private var next: [Int]
        /// Coarser mentions that fit two days equally well join only groups as undecided as themselves.
        var undecided: [Bool]

        init(_ grouping: MonthGrouping) {
            let count = grouping.nodes.count
            roots = Roots(count: count)
            sizes = grouping.nodes.indices.map { grouping.memberBounds[$0 + 1] - grouping.memberBounds[$0] }
            nodeSpans = grouping.nodes.map { $0.span }
            tokens = grouping.tokens
            weights = grouping.weights
            bounds = grouping.bounds
            memberCounts = sizes.map(Double.init)
            norms = grouping.nodes.indices.map { n in
                grouping.weights[grouping.bounds[n]..<grouping.bounds[n + 1]].reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
            sums = WordSums(setCount: count, capacity: grouping.tokens.count)
            sumOf = [Int32](repeating: -1, count: count)
            firstSpan = (0..<Int32(count)).map { $0 }
            nextSpan = [Int32](repeating: -1, count: count)
            next = Array(0..<count)
            undecided = [Bool](repeating: false, count: count)
        }

        func find(_ i: Int) -> Int { roots.find(i) }

        /// The distinct spans of group `root`.
        func spans(_ root: Int) -> [Span] {
            var out: [Span] = []
            forEachSpan(of: root) { out.append($0) }
            return out
        }

        @inline(__always) private func forEachSpan(of root: Int, _ body: (Span) -> Void) {
            var n = Int(firstSpan[root])
            while n >= 0 {
                body(nodeSpans[n])
                n = Int(nextSpan[n])
            }
        }

        /// The first day and the last of group `root`'s spans.
        func days(of root: Int) -> (first: Int, last: Int) {
            var days = (first: Int.max, last: Int.min)
            forEachSpan(of: root) { days = (min(days.first, $0.first), max(days.last, $0.last)) }
            return days
        }

        /// Calls `body` with each node of group `root`, from `root` on around its ring.
        @inline(__always) func forEachNode(of root: Int, _ body: (Int) -> Void) {
            _ = anyNode(of: root) { n in
                body(n)
                return false
            }
        }

        /// Whether some node of group `root` passes `test` (from `root` on around its ring, up to the first that does).
        @inline(__always) func anyNode(of root: Int, _ test: (Int) -> Bool) -> Bool {
            var n = root
            repeat {
                if test(n) { return true }
                n = next[n]
            } while n != root
            return false
        }

        mutating func unite(_ a: Int, _ b: Int) {
            let (root, child) = (min(a, b), max(a, b))
            roots.attach(child, to: root)
            sizes[root] += sizes[child]
            // The larger sum takes the other's words (a word in both gets the two values added).
            switch (sumOf[root], sumOf[child]) {
            case (-1, -1):
                sumOf[root] = Int32(root)
                addWords(of: root, to: Int32(root))
                addWords(of: child, to: Int32(root))
            case (let set, -1):
                addWords(of: child, to: set)
            case (-1, let set):
                sumOf[root] = set
                addWords(of: root, to: set)
            case (let x, let y):
                let (big, small) = sums.counts[Int(x)] < sums.counts[Int(y)] ? (y, x) : (x, y)
                sums.merge(small, into: big)
                sumOf[root] = big
            }
            sumOf[child] = -1
            // The child's spans the root's group lacks move to its list.
            var n = Int(firstSpan[child])
            while n >= 0 {
                let after = Int(nextSpan[n])
                if !hasSpan(root, nodeSpans[n]) {
                    nextSpan[n] = firstSpan[root]
                    firstSpan[root] = Int32(n)
                }
                n = after
            }
            firstSpan[child] = -1
            next.swapAt(root, child)
            undecided[root] = undecided[root] || undecided[child]
        }

        private func hasSpan(_ root: Int, _ span: Span) -> Bool {
            var n = Int(firstSpan[root])
            while n >= 0 {
                if nodeSpans[n] == span { return true }
                n = Int(nextSpan[n])
            }
            return false
        }

        /// Node `n`'s unit vector, counted once per member, added to set `set` of the sums.
        private mutating func addWords(of n: Int, to set: Int32) {
            let (tokens, weights, start) = (tokens, weights, bounds[n])
            let (members, norm) = (memberCounts[n], norms[n])
            sums.add(bounds[n + 1] - start, to: set) { i in (tokens[start + i], Self.unit(weights[start + i], members: members, norm: norm)) }
        }

        /// Word `k` (an index into `tokens`) of node `n`'s unit vector, counted once per member.
        @inline(__always) private func unitValue(_ n: Int, _ k: Int) -> Double { Self.unit(weights[k], members: memberCounts[n], norm: norms[n]) }

        /// A word's weight in a unit vector of norm `norm`, counted once per member.
        @inline(__always) private static func unit(_ weight: Double, members: Double, norm: Double) -> Double {
            norm > 0 ? members * weight / norm : 0
        }

        /// Whether every span of group `a` and every span of group `b` nest.
        private func nests(_ a: Int, _ b: Int) -> Bool {
            var i = Int(firstSpan[a])
            while i >= 0 {
                var j = Int(firstSpan[b])
                while j >= 0 {
                    if !nodeSpans[i].nested(nodeSpans[j]) { return false }
                    j = Int(nextSpan[j])
                }
                i = Int(nextSpan[i])
            }
            return true
        }

        /// The mean cosine similarity over all pairs of members of two groups, or nil when their dates
        /// do not nest pairwise: the dot product of the groups' sums of unit vectors over the number of
        /// pairs, so it costs one pass over the smaller group's words.
        func similarity(_ a: Int, _ b: Int) -> Double? {
            guard nests(a, b) else { return nil }
            // Summed in fixed point, each term rounded: the order of the words must not matter (a sum
            // of doubles in another order can differ in its last bit, right at a threshold).
            var dot: Int64 = 0
            @inline(__always) func term(_ x: Double, _ y: Double) { dot &+= MonthGrouping.fixedPointTerm(x * y) }
            switch (sumOf[a], sumOf[b]) {
            case (-1, -1):
                MonthGrouping.forEachShared(tokens, bounds[a]..<bounds[a + 1], tokens, bounds[b]..<bounds[b + 1]) { i, j in
                    term(unitValue(a, i), unitValue(b, j))
                }
            case (-1, let set), (let set, -1):
                let node = sumOf[a] < 0 ? a : b
                for k in bounds[node]..<bounds[node + 1] {
                    if let j = sums.index(of: tokens[k], in: set) { term(unitValue(node, k), sums.entries[j].value) }
                }
            case (let x, let y):
                let (small, large) = sums.counts[Int(x)] < sums.counts[Int(y)] ? (x, y) : (y, x)
                sums.forEach(in: small) { word, value in
                    if let j = sums.index(of: word, in: large) { term(value, sums.entries[j].value) }
                }
            }
            return Double(dot) / MonthGrouping.fixedPoint / Double(sizes[a] * sizes[b])
        }
    }

    /// `product` in fixed point (`fixedPoint` units), rounded half away from zero as `rounded()`
    /// does, without a call into the C library: the part after the point of a double is exact.
    @inline(__always) static func fixedPointTerm(_ product: Double) -> Int64 {
        let scaled = product * fixedPoint
        let whole = Int64(scaled)
        let rest = scaled - Double(whole)
        return rest >= 0.5 ? whole + 1 : rest <= -0.5 ? whole - 1 : whole
    }

    /// The scale of the fixed-point sums that must not depend on the order of their terms (2^32).
    static let fixedPoint = 4_294_967_296.0

    /// Cosine similarity of two weighted name sets, summed in name order (the same figure every run).
    private static func cosine(_ a: Profile, _ b: Profile) -> Double {
        var dot = 0.0
        forEachShared(a.names, a.names.indices, b.names, b.names.indices) { i, j in dot += a.weights[i] * b.weights[j] }
        guard dot > 0 else { return 0 }
        let na = a.weights.reduce(0) { $0 + $1 * $1 }, nb = b.weights.reduce(0) { $0 + $1 * $1 }
        return dot / (na * nb).squareRoot()
    }

    /// Every pair of nodes above its threshold, strongest first (ties by node order); the pairs
    /// whose explicit days differ by a few but whose words are nearly the same (sources disagreeing);
    /// and each announcement of a day with each report of that day that shares an actor with it.
    /// Only finds the pairs worth a look: `add` and `announcement` decide each.
    private func findLinks() -> (links: [Link], conflicts: [Link], announcements: [Link]) {
        // Words by number, ranked rarest first; each node is indexed under its rarest words only:
        // enough of them that the rest could never reach the threshold on their own.
        var numbered = KeyTable<Int>(capacity: 1024)
        var wordOf = [Int32](repeating: 0, count: tokens.count)
        var frequency: [Int] = []
        for (k, t) in tokens.enumerated() {
            if let i = numbered.index(of: t) {
                frequency[i] += 1
                wordOf[k] = Int32(i)
            } else {
                wordOf[k] = Int32(frequency.count)
                numbered.append(t, frequency.count)
                frequency.append(1)
            }
        }
        // Each token as `spreadSimilarity` reads it, in one record (a node compared is most often far
        // off in the month: one stream to fetch, not three).
        let words = tokens.indices.map { k in
            WeighedWord(weight: weights[k], nameless: isName[k] ? 0 : weights[k], word: wordOf[k])
        }
        let bound = merger.crossArticleThreshold / (2 - merger.crossArticleThreshold)
        // With each prefix word, the weight of its node's words from it on (in that order): all two
        // nodes can share when it is the first word they share.
        var prefixes: [Int32] = [], prefixRests: [Double] = [], prefixBounds = [0]
        prefixes.reserveCapacity(tokens.count)
        prefixRests.reserveCapacity(tokens.count)
        prefixBounds.reserveCapacity(nodes.count + 1)
        var ranked: [(frequency: Int, token: UInt64, weight: Double, word: Int32)] = []
        for n in nodes.indices {
            ranked.removeAll(keepingCapacity: true)
            for k in bounds[n]..<bounds[n + 1] { ranked.append((frequency[Int(wordOf[k])], tokens[k], weights[k], wordOf[k])) }
            ranked.sort { ($0.frequency, $0.token) < ($1.frequency, $1.token) }
            var suffix = nodes[n].total
            for r in ranked where suffix >= bound * nodes[n].total {
                prefixes.append(r.word)
                prefixRests.append(suffix)
                suffix -= r.weight
            }
            prefixBounds.append(prefixes.count)
        }
        // The distinct spans by number, and how each reaches each (`reach`): a row per later span and
        // whether the later node dates its own day, `2 × span + (explicit day ? 1 : 0)`, indexed by the earlier span.
        var spanNumbers: [Span: Int] = [:]
        var spans: [Span] = []
        let spanOf = nodes.map { node in
            if let s = spanNumbers[node.span] { return s }
            spanNumbers[node.span] = spans.count
            spans.append(node.span)
            return spans.count - 1
        }
        let reaches = spans.flatMap { later in
            [false, true].flatMap { explicitDay in spans.map { reach($0, later, explicitDay: explicitDay) } }
        }
        // The nodes indexed under each of their prefix words, by span and word: lists in node order, end to end.
        var lists = KeyTable<Int>(capacity: prefixes.count)
        var listOf = [Int](repeating: 0, count: prefixes.count)
        var listBounds: [Int] = [0]
        for n in nodes.indices {
            for k in prefixBounds[n]..<prefixBounds[n + 1] {
                let key = UInt64(spanOf[n]) << 32 | UInt64(prefixes[k])
                if let l = lists.index(of: key) {
                    listOf[k] = l
                    listBounds[l + 1] += 1
                } else {
                    listOf[k] = lists.count
                    lists.append(key, lists.count)
                    listBounds.append(1)
                }
            }
        }
        for l in lists.keys.indices { listBounds[l + 1] += listBounds[l] }
        var filled = listBounds
        var postings = [Posting](repeating: Posting(node: 0, onlyArticle: 0, total: 0, rest: 0), count: prefixes.count)
        for n in nodes.indices {
            for k in prefixBounds[n]..<prefixBounds[n + 1] {
                postings[filled[listOf[k]]] = Posting(node: Int32(n), onlyArticle: Int32(nodes[n].onlyArticle), total: nodes[n].total,
                                                      rest: prefixRests[k])
                filled[listOf[k]] += 1
            }
        }
        // Each word's lists with their spans, end to end, so a node finds its words' lists without hashing.
        var shelfBounds = [Int](repeating: 0, count: frequency.count + 1)
        for key in lists.keys { shelfBounds[Int(key & 0xFFFF_FFFF) + 1] += 1 }
        for w in frequency.indices { shelfBounds[w + 1] += shelfBounds[w] }
        var shelved = shelfBounds
        var shelves = [(span: Int32, list: Int32)](repeating: (0, 0), count: lists.count)
        for (l, key) in lists.keys.enumerated() {
            let w = Int(key & 0xFFFF_FFFF)
            shelves[shelved[w]] = (Int32(key >> 32), Int32(l))
            shelved[w] += 1
        }
        // Each node looks up its prefix words in order, rarest first, so it meets an earlier node first
        // at the first word they share: unless that is the first word of all they share (then they
        // cannot reach the threshold anyway), they share no more than the words from it on.
        var seen = [Int32](repeating: -1, count: nodes.count)
        // Node `a`'s weight of each word by number, 0 for the words it lacks (`spreadSimilarity`).
        var spread = [Double](repeating: 0, count: frequency.count)
        var links: [Link] = []
        var conflicts: [Link] = []
        // Most of a word's lists are of spans the node does not reach: each is skipped on one byte of
        // its row, read in place (a month's nodes meet millions of them).
        // Most pairs met are decided on their postings alone (`threshold`), before `seen` is read: a
        // pair met again under a later word has no more to share (both ranks are one order, and the
        // rests only shrink), so it is ruled out again, and only pairs that pass are marked.
        shelves.withUnsafeBufferPointer { shelves in reaches.withUnsafeBufferPointer { reaches in postings.withUnsafeBufferPointer { postings in
        words.withUnsafeBufferPointer { words in spread.withUnsafeMutableBufferPointer { spread in
            for a in nodes.indices {
                for k in bounds[a]..<bounds[a + 1] { spread[Int(words[k].word)] = words[k].weight }
                defer { for k in bounds[a]..<bounds[a + 1] { spread[Int(words[k].word)] = 0 } }
                let row = (2 * spanOf[a] + (nodes[a].explicitDay ? 1 : 0)) * spans.count
                let (total, onlyArticle) = (nodes[a].total, nodes[a].onlyArticle)
                for k in prefixBounds[a]..<prefixBounds[a + 1] {
                    let w = Int(prefixes[k]), rest = prefixRests[k]
                    for (span, l) in shelves[shelfBounds[w]..<shelfBounds[w + 1]] {
                        guard let reach = reaches[row + Int(span)] else { continue }
                        for posting in postings[listBounds[Int(l)]..<listBounds[Int(l) + 1]] {
                            let b = Int(posting.node)
                            guard b < a else { break }
                            let sameOnly = onlyArticle >= 0 && onlyArticle == Int(posting.onlyArticle)
                            guard let threshold = threshold(reach, totals: posting.total, total, sameOnly: sameOnly,
                                                            sharing: min(rest, posting.rest)),
                                  seen[b] != Int32(a) else { continue }
                            seen[b] = Int32(a)
                            // (`x` is `b`: its total is the posting's, read already.)
                            link(b, a, reach: reach, threshold: threshold, to: &links, &conflicts) { x, _ in
                                spreadSimilarity(bounds[x]..<bounds[x + 1], totals: (posting.total, total),
                                                 spread: UnsafeBufferPointer(spread), words: words)
                            }
                        }
                    }
                }
            }
        } } } } }
        var reports: [Int: [Int]] = [:]
        for n in nodes.indices where nodes[n].reported && nodes[n].span.first == nodes[n].span.last {
            reports[nodes[n].span.first, default: []].append(n)
        }
        var announcements: [Link] = []
        for a in nodes.indices where nodes[a].announced && nodes[a].span.first == nodes[a].span.last {
            for b in reports[nodes[a].span.first] ?? [] {
                if let link = announcement(a, b) { announcements.append(link) }
            }
        }
        return (Self.strongestFirst(links), Self.strongestFirst(conflicts), Self.strongestFirst(announcements))
    }

    /// `links` sorted by `strongestFirst(_:_:)`, on keys that compare as integers (a month has
    /// hundreds of thousands of links): similarities are positive, so their bits order them.
    private static func strongestFirst(_ links: [Link]) -> [Link] {
        guard links.allSatisfy({ $0.similarity > 0 && $0.a >= 0 && $0.a <= Int(UInt32.max) && $0.b >= 0 && $0.b <= Int(UInt32.max) }) else {
            return links.sorted(by: strongestFirst)
        }
        var keys = links.map { LinkOrder(weakness: ~$0.similarity.bitPattern, ends: UInt64($0.a) << 32 | UInt64($0.b)) }
        if keys.count < LinkOrder.radixDigits { keys.sort() } else { LinkOrder.radixSort(&keys) }
        return keys.map { Link(similarity: Double(bitPattern: ~$0.weakness), a: Int($0.ends >> 32), b: Int($0.ends & 0xFFFF_FFFF)) }
    }

    /// A link's place in `strongestFirst` order as two integers, compared in turn.
    private struct LinkOrder: Comparable {
        var weakness: UInt64
        var ends: UInt64

        static func < (x: LinkOrder, y: LinkOrder) -> Bool { x.weakness != y.weakness ? x.weakness < y.weakness : x.ends < y.ends }

        /// How many values a digit of the radix sort takes (16 bits).
        static let radixDigits = 1 << 16

        /// Sorts `keys` as `sort()` does, in linear time: by each 16-bit digit in turn, least
        /// significant first, each pass stable (a digit all keys share is skipped).
        static func radixSort(_ keys: inout [LinkOrder]) {
            var spare = keys
            var counts = [Int](repeating: 0, count: radixDigits)
            for digit in 0..<8 {
                let shift = UInt64(16 * (digit % 4))
                @inline(__always) func bucket(_ key: LinkOrder) -> Int { Int(truncatingIfNeeded: ((digit < 4 ? key.ends : key.weakness) >> shift) & 0xFFFF) }
                let moved: Bool = keys.withUnsafeBufferPointer { from in
                    spare.withUnsafeMutableBufferPointer { to in
                        counts.withUnsafeMutableBufferPointer { counts in
                            counts.update(repeating: 0)
                            for key in from { counts[bucket(key)] += 1 }
                            guard counts[bucket(from[0])] < from.count else { return false }
                            var start = 0
                            for d in 0..<counts.count { (counts[d], start) = (start, start + counts[d]) }
                            for key in from {
                                let d = bucket(key)
                                to[counts[d]] = key
                                counts[d] += 1
                            }
                            return true
                        }
                    }
                }
                if moved { swap(&keys, &spare) }
            }
        }
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

    /// - Parameter explicitDay: whether the later node dates its own single day.
    private func reach(_ span: Span, _ later: Span, explicitDay: Bool) -> Reach? {
        if span.nested(later) { return .nested }
        let close = explicitDay && span.first == span.last && later.first == later.last
            && abs(span.first - later.first) <= merger.disagreementDays
        return close ? .close : nil
    }

    /// Decides one pair of words, node `b` before node `a`: every such link is decided by its two
    /// steps (`threshold`, then `link`; `findLinks` takes them apart), on the pair alone, so a rebuild
    /// that looks for a changed node's links finds the same ones.
    /// - Parameter sharing: at most the weight of the words the two share, when that is known (see
    ///   `findLinks`: it holds for a pair that can reach the article threshold at all).
    private func add(_ b: Int, _ a: Int, reach: Reach, sharing: Double = .infinity, to links: inout [Link], _ conflicts: inout [Link]) {
        let sameOnly = nodes[a].onlyArticle >= 0 && nodes[a].onlyArticle == nodes[b].onlyArticle
        guard let threshold = threshold(reach, totals: nodes[b].total, nodes[a].total, sameOnly: sameOnly, sharing: sharing) else { return }
        link(b, a, reach: reach, threshold: threshold, to: &links, &conflicts, words: wordSimilarity)
    }

    /// The similarity two nodes `reach` relates must have to be linked, nil when they cannot have it:
    /// decided on their totals (`mayReach`) and on whether all their members are of one article.
    @inline(__always)
    private func threshold(_ reach: Reach, totals tb: Double, _ ta: Double, sameOnly: Bool, sharing: Double) -> Double? {
        let threshold: Double
        switch reach {
        case .nested: threshold = sameOnly ? merger.sameArticleThreshold : merger.crossArticleThreshold
        case .close:
            guard !sameOnly else { return nil }
            threshold = merger.disagreementThreshold
        }
        return mayReach(tb, ta, threshold, sharing: sharing) ? threshold : nil
    }

    /// Links node `b` before node `a` when they are that similar (sources disagreeing on the day only
    /// when `b` dates its own day as well).
    /// A pair whose Dice coefficient falls short of the threshold is dropped before `similarity` reads
    /// their numbers and flags: they only lower the figure further.
    /// - Parameter words: `wordSimilarity` of the two, or a way to the same figures.
    @inline(__always)
    private func link(_ b: Int, _ a: Int, reach: Reach, threshold: Double, to links: inout [Link], _ conflicts: inout [Link],
                      words: (Int, Int) -> (Double, Double)) {
        switch reach {
        case .nested:
            let words = words(b, a)
            guard words.0 >= threshold else { return }
            let sim = similarity(b, a, words: words)
            if sim >= threshold { links.append(Link(similarity: sim, a: b, b: a)) }
        case .close:
            guard nodes[b].explicitDay else { return }
            let words = words(b, a)
            guard words.0 >= threshold else { return }
            let sim = similarity(b, a, words: words)
            if sim >= threshold { conflicts.append(Link(similarity: sim, a: b, b: a)) }
        }
    }

    /// A node in the list of one of its prefix words (`findLinks`): what a pair check reads of it, in
    /// the list it is read from (not in the node's own record, far off in a month of nodes).
    private struct Posting {
        var node: Int32
        var onlyArticle: Int32
        var total: Double
        /// The weight of the node's words from this one on.
        var rest: Double
    }

    /// Whether two nodes can reach a similarity of `threshold`: the Dice coefficient is at most
    /// 2 × what they share / the sum of their totals, and they share at most all of the lighter one
    /// (and at most `sharing` for a threshold no lower than the article threshold). Most pairs are
    /// decided so without comparing their words; a hair of slack keeps rounding on the safe side.
    @inline(__always) private func mayReach(_ tx: Double, _ ty: Double, _ threshold: Double, sharing: Double) -> Bool {
        let most = threshold >= merger.crossArticleThreshold ? min(tx, ty, sharing) : min(tx, ty)
        return 2 * most >= threshold * (tx + ty) * (1 - 1e-9)
    }

    /// Node `a` announcing the single day node `b` reports, when they share an actor: the link
    /// from the announcement to the report, as strong as the actors they share.
    private func announcement(_ a: Int, _ b: Int) -> Link? {
        guard nodes[a].announced, nodes[b].reported, nodes[a].span.first == nodes[a].span.last, nodes[b].span == nodes[a].span else {
            return nil
        }
        let shared = actorsInCommon(a, b)
        return shared > 0 ? Link(similarity: shared, a: a, b: b) : nil
    }

    /// Dice coefficient over the weighted tokens of two nodes, 0…1; halved when both give numbers and share none.
    /// - Parameter words: `wordSimilarity(x, y)`.
    private func similarity(_ x: Int, _ y: Int, words: (dice: Double, what: Double)) -> Double {
        var (dice, what) = words
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
        var shared = 0.0
        Self.forEachShared(actorNames, actorBounds[x]..<actorBounds[x + 1], actorNames, actorBounds[y]..<actorBounds[y + 1]) { _, _ in
            shared += 1
        }
        return shared
    }

    /// Calls `body` with the positions of each hash that both ascending runs `x[xs]` and `y[ys]` hold, in ascending order.
    @inline(__always)
    static func forEachShared(_ x: [UInt64], _ xs: Range<Int>, _ y: [UInt64], _ ys: Range<Int>, _ body: (Int, Int) -> Void) {
        var i = xs.lowerBound, j = ys.lowerBound
        while i < xs.upperBound && j < ys.upperBound {
            if x[i] == y[j] {
                body(i, j)
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// The Dice coefficient, and the weight of the shared words that are not names (what happened, not who).
    private func wordSimilarity(_ x: Int, _ y: Int) -> (Double, Double) {
        let tx = nodes[x].total, ty = nodes[y].total
        guard tx > 0, ty > 0 else { return (0, 0) }
        var shared = 0.0
        var what = 0.0
        tokens.withUnsafeBufferPointer { t in weights.withUnsafeBufferPointer { w in isName.withUnsafeBufferPointer { isName in
            var i = bounds[x], j = bounds[y]
            let iEnd = bounds[x + 1], jEnd = bounds[y + 1]
            while i < iEnd && j < jEnd {
                let a = t[i], b = t[j]
                if a == b {
                    let least = min(w[i], w[j])
                    shared += least
                    if !isName[i] { what += least }
                    i += 1
                    j += 1
                } else {
                    i &+= a < b ? 1 : 0
                    j &+= a > b ? 1 : 0
                }
            }
        } } }
        return (2 * shared / (tx + ty), what)
    }

    /// `wordSimilarity(x, y)` with node `y`'s words spread out by number (`findLinks` compares each
    /// node with dozens of others): `spread` holds the weight `y` gives each word, 0 for those it
    /// lacks, and `words` each token's word and weights (`xWords`: node `x`'s tokens; `totals`: the
    /// two nodes'). Only `x`'s words are read, in order, with no branch on which are shared (merging
    /// two lists of hashes branches on every step, unpredictably: this took a fifth off `findLinks`
    /// at 10,000 articles), nor on which are names. The sums come out to the bit: the shared words
    /// are added in the same order (a node's tokens are distinct and sorted), the others add 0, and
    /// so do names to `what` (a spread weight is never below 0).
    private func spreadSimilarity(_ xWords: Range<Int>, totals: (x: Double, y: Double), spread: UnsafeBufferPointer<Double>,
                                  words: UnsafeBufferPointer<WeighedWord>) -> (Double, Double) {
        let (tx, ty) = totals
        guard tx > 0, ty > 0 else { return (0, 0) }
        var shared = 0.0
        var what = 0.0
        for k in xWords {
            let word = words[k], given = spread[Int(word.word)]
            shared += min(given, word.weight)
            what += min(given, word.nameless)
        }
        return (2 * shared / (tx + ty), what)
    }

    /// A token as `spreadSimilarity` reads it: its word's number, its weight, and its weight again
    /// unless it is a name (0 for a name).
    private struct WeighedWord {
        var weight: Double
        var nameless: Double
        var word: Int32
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
