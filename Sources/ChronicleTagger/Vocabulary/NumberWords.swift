/// Number words, cardinal and ordinal; hyphenated compounds ("twenty-four") are joined by the rules.
enum NumberWords {
    static let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    static let cardinals: [(String, Int)] = {
        var out = units.enumerated().map { ($0.element, $0.offset + 1) }
        out += tens.enumerated().map { ($0.element, ($0.offset + 2) * 10) }
        out += [("zero", 0), ("hundred", 100), ("thousand", 1000), ("dozen", 12)]
        return out
    }()

    static let ordinals: [(String, Int)] = {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                     "eighteenth", "nineteenth", "twentieth"]
        var out = words.enumerated().map { ($0.element, $0.offset + 1) }
        out += [("thirtieth", 30), ("last", -1)]
        return out
    }()

    /// Decades named in words ("the nineties"): the tens digit of the decade.
    static let decades: [(String, Int)] = [
        ("twenties", 2), ("thirties", 3), ("forties", 4), ("fifties", 5), ("sixties", 6), ("seventies", 7),
        ("eighties", 8), ("nineties", 9), ("noughties", 0),
    ]
    /// Epithets of past decades that stand between "the" and the decade ("the swinging sixties", "the Roaring
    /// Twenties", "the hungry thirties"); "the high twenties" is a temperature, so the table is closed.
    static let decadeEpithets: Set<String> = ["swinging", "roaring", "hungry", "dirty"]

    /// Suffixes of numeric ordinals ("15th", "1st").
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]
}
