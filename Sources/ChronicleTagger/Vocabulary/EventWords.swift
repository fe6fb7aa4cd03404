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

    /// The kind of the word `w` (lower case), if it names one.
    static func kind(_ w: String) -> Int? {
        kinds.firstIndex { $0.contains(w) }
    }
}
