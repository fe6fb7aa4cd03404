/// Personal pronouns, read by the rules that need a clause's subject or a noun's owner: "the day he
/// resigned", "the hope he one day follow", "before his murder", "its 1990 invasion".
enum PronounWords {
    /// Subject pronouns ("he", "they", "it").
    static let subjects: Set<String> = ["he", "she", "it", "they", "we", "i", "you"]
    /// Possessive determiners ("his", "its", "their").
    static let possessives: Set<String> = ["his", "her", "its", "their", "our", "my", "your"]
}
