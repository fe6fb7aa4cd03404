/// TempEval-3 Task A timex scoring, as `score.py --match char` computes it: one-to-one pairing
/// by character overlap in document order, strict = identical span, relaxed = overlap; type and
/// value accuracy over relaxed pairs; value F1 = value accuracy × relaxed F1.
struct TimexScorer {
    struct Span {
        var start: Int
        var end: Int
        var type: String
        var value: String
        var text: String
    }

    /// Counts summed over documents.
    struct Counts {
        var gold = 0, system = 0, strict = 0, relaxed = 0, typeOK = 0, valueOK = 0

        static func += (a: inout Counts, b: Counts) {
            a.gold += b.gold; a.system += b.system; a.strict += b.strict; a.relaxed += b.relaxed
            a.typeOK += b.typeOK; a.valueOK += b.valueOK
        }
    }

    /// A relaxed pair whose values differ.
    struct ValueError {
        var gold: Span
        var system: Span
    }

    /// Pairs gold and system spans: a span starting at p pairs with the other side's latest-started
    /// span if that one is still open at p and unpaired (at equal starts they pair).
    static func pairs(_ gold: [Span], _ system: [Span]) -> [(Int, Int)] {
        var events: [(pos: Int, side: Int, index: Int)] = []
        events += gold.enumerated().map { ($0.element.start, 0, $0.offset) }
        events += system.enumerated().map { ($0.element.start, 1, $0.offset) }
        events.sort { ($0.pos, $0.side, $0.index) < ($1.pos, $1.side, $1.index) }
        let sides = [gold, system]
        var paired: [Set<Int>] = [[], []]
        var last: [Int?] = [nil, nil]
        var out: [(Int, Int)] = []
        for e in events {
            let other = 1 - e.side
            if let j = last[other], sides[other][j].start <= e.pos, e.pos < sides[other][j].end,
               !paired[other].contains(j) {
                paired[other].insert(j)
                paired[e.side].insert(e.index)
                out.append(e.side == 0 ? (e.index, j) : (j, e.index))
            }
            last[e.side] = e.index
        }
        return out
    }

    /// How gold and system timexes are paired.
    enum Matching: String, Sendable {
        /// The official scorer's token-level pairing (TE3Matcher); strict = same text.
        case te3
        /// Character overlap; strict = same span.
        case char
    }

    /// Counts for one document. With `.te3`, a document the official tool cannot process falls
    /// back to character pairing, as score.py does.
    static func score(gold: [Span], system: [Span], events: [(Int, Int)], text: [Unicode.Scalar],
                      matching: Matching) -> (Counts, [ValueError], [(Int, Int)]) {
        var c = Counts(gold: gold.count, system: system.count)
        var pairs = pairs(gold, system)
        var strictByText = false
        if matching == .te3, let tokens = try? TE3Tokenizer.tokenize(text),
           let m = try? TE3Matcher.match(tokens: tokens, gold: gold.map { ($0.start, $0.end) }, events: events,
                                         system: system.map { ($0.start, $0.end) }) {
            c.gold = m.goldKept.count
            c.system = m.systemKept.count
            pairs = m.pairs
            strictByText = true
        }
        var errors: [ValueError] = []
        for (g, s) in pairs {
            let gs = gold[g], ss = system[s]
            c.relaxed += 1
            if strictByText ? gs.text == ss.text : gs.start == ss.start && gs.end == ss.end { c.strict += 1 }
            if gs.type == ss.type { c.typeOK += 1 }
            if gs.value == ss.value { c.valueOK += 1 } else { errors.append(ValueError(gold: gs, system: ss)) }
        }
        return (c, errors, pairs)
    }

    /// The metrics of score.py, in its order.
    struct Metrics {
        var strictP = 0.0, strictR = 0.0, strictF1 = 0.0, relaxedP = 0.0, relaxedR = 0.0, relaxedF1 = 0.0
        var typeAccuracy = 0.0, valueAccuracy = 0.0
        var valueF1: Double { valueAccuracy * relaxedF1 }
        var typeF1: Double { typeAccuracy * relaxedF1 }

        init(_ c: Counts) {
            func prf(_ m: Int) -> (Double, Double, Double) {
                let p = c.system > 0 ? Double(m) / Double(c.system) : 0
                let r = c.gold > 0 ? Double(m) / Double(c.gold) : 0
                return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
            }
            (strictP, strictR, strictF1) = prf(c.strict)
            (relaxedP, relaxedR, relaxedF1) = prf(c.relaxed)
            if c.gold == 0 && c.system == 0 {
                strictF1 = 1
                relaxedF1 = 1
            }
            typeAccuracy = c.relaxed > 0 ? Double(c.typeOK) / Double(c.relaxed) : 0
            valueAccuracy = c.relaxed > 0 ? Double(c.valueOK) / Double(c.relaxed) : 0
        }
    }
}
