/// Words naming one kind of happening, grouped by kind, so that a verb and its noun ("was shot", "the shooting",
/// "the murder") point back to one dated happening of the story. Each kind is a set of words; the index is the kind.
enum EventWords {
    static let kinds: [Set<String>] = [
        // a (violent) death
        ["death", "died", "dead", "shot", "shooting", "killed", "killing", "murder", "murdered", "slaying", "slain", "assassination",
         "assassinated", "stabbed", "stabbing", "gunned", "sniper"],
        // an attack
        ["attack", "attacked", "bombing", "bombed", "blast", "explosion", "exploded", "ambush", "ambushed"],
        // an accident
        ["crash", "crashed", "collision", "collided", "derailment", "derailed", "capsized", "sank"],
        // a fire or a quake
        ["fire", "blaze", "quake", "earthquake", "tremor"],
        // an arrest: named so that "arrested on May 3 in the killing" dates the arrest, not the killing
        ["arrest", "arrested", "detained", "charged", "indicted", "convicted", "sentenced"],
        // a robbery or a kidnapping
        ["robbery", "robbed", "kidnapping", "kidnapped", "abducted", "abduction", "hijacking", "hijacked"],
    ]

    /// Each word's kind, built once: one lookup per word.
    private static let kindOf: [String: Int] = {
        var table: [String: Int] = [:]
        for (k, words) in kinds.enumerated() { for w in words { table[w] = k } }
        return table
    }()

    /// The kind of the word at `j`, if it names one (keywords and words under four letters never do, and are
    /// passed over before a lower-case copy is made).
    static func kind(_ s: TokenStream, _ j: Int) -> Int? {
        guard s.isWord(j), s.keyword(j) == nil, s.tokens[j].end - s.tokens[j].start >= 4 else { return nil }
        return kindOf[s.lowerWord(j)]
    }
}
