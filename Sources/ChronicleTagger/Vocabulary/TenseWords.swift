/// Flags of the tense vocabulary.
struct TenseFlags: OptionSet, Sendable {
    let rawValue: UInt32
    /// Points forward when "to" follows ("plans to", "is expected to", "set to").
    static let forwardBeforeTo = TenseFlags(rawValue: 1)
    /// A modal or planning verb that only counts before the expression ("would", "could", "planned").
    static let weakModal = TenseFlags(rawValue: 2)
    /// After it an -ed form is an adjective ("a still unspecified date").
    static let adjectiveMarker = TenseFlags(rawValue: 4)
    /// Ends in -ed but is not a past form ("hundred", "sacred").
    static let notPastForm = TenseFlags(rawValue: 8)
    /// A past form among the words ending in -eed ("agreed"; "proceed", "need" are not).
    static let pastInEed = TenseFlags(rawValue: 16)
    /// Moves a date later: "postponed until Tuesday" is a Tuesday after the postponement.
    static let deferral = TenseFlags(rawValue: 32)
    /// A plain present form that points forward only as a finite verb ("ministers meet Monday"),
    /// not after "to", "not" or "did" ("failed to meet", "did not meet").
    static let plainPresent = TenseFlags(rawValue: 64)
    /// A commitment already made ("agreed", "promised", "vowed"): before "to" it points forward,
    /// but a bare weekday beside it dates the commitment ("agreed to buy X on Wednesday").
    static let pastCommitment = TenseFlags(rawValue: 128)
    /// An -ing form that after "is"/"are" tells of a plan ("is hosting talks on Saturday"), unlike an
    /// ongoing activity ("is continuing to try").
    static let plannedProgressive = TenseFlags(rawValue: 256)
    /// A verb of saying ("said", "told"): what it reports may lie ahead of the report.
    static let reporting = TenseFlags(rawValue: 512)
    /// A past cue that is no verb ("ago", "last", "since"): it dates no event of its own.
    static let adverb = TenseFlags(rawValue: 1024)
    /// A modal verb: before "last" it makes the verb ("could last two weeks"), not the adjective.
    static let modal = TenseFlags(rawValue: 2048)
    /// A noun cue ("deadline"): right after an expression it heads the expression's own phrase
    /// ("the mid-May deadline passed"), and the clause's verb, when there is one, decides.
    static let nounCue = TenseFlags(rawValue: 4096)
    /// A plain present form that is also a noun ("host", "face", "visit"): a fixture ahead ("Spurs host
    /// Villa on Saturday", "voters head to the polls on Sunday") only as a finite verb, after its subject
    /// and before its object or "to".
    static let fixture = TenseFlags(rawValue: 8192)
    /// A habit ("usually", "typically", "historically"): a month it speaks of is any year's.
    static let habitual = TenseFlags(rawValue: 16384)
    /// A participle that names a schedule when "for" follows ("sentencing was set for June 9", "the trial
    /// was listed for Monday"), in any tense of the auxiliary: the date is the one the schedule points to.
    static let scheduledFor = TenseFlags(rawValue: 32768)
    /// A participle whose present passive tells of a release or fixture ahead ("the show is released on Tuesday",
    /// "the results are published on Monday"); other present passives name no time of their own ("is accused of
    /// killing a man on Saturday").
    static let schedulePassive = TenseFlags(rawValue: 65536)
    /// A scheduled happening ("vote", "hearing", "final"): "the vote is on Wednesday" names the coming one.
    static let eventNoun = TenseFlags(rawValue: 131072)
    /// A present form that is also a plural noun ("reports", "releases", "rules", "holds"): a schedule ahead
    /// ("Nvidia reports earnings on Wednesday", "the group holds its next meeting on June 4") only before its
    /// object, not before a preposition ("media reports on Friday said").
    static let objectVerb = TenseFlags(rawValue: 262144)
    /// A present form that is no schedule before "to" or "that" ("it appears that", "appears to have").
    static let notBeforeClause = TenseFlags(rawValue: 524288)
    /// A schedule verb in the third person that dates only what follows it ("the Fed announces its decision on
    /// Wednesday"); after the expression it is another clause's ("Tuesday's declaration by Ford, which holds…").
    static let leftOnly = TenseFlags(rawValue: 1048576)
    /// A past verb that directs someone to act ("ordered", "told", "remanded"): before its object and "to" + a
    /// schedule verb ("ordered both sides to appear at a hearing on Saturday") the act directed lies ahead.
    static let directive = TenseFlags(rawValue: 2097152)
}

/// The tense vocabulary: verbs and adverbs that tell whether a clause looks back or forward.
/// The lexicon carries it, so the classifier needs no string per token.
enum TenseWords {
    static let cues: [(String, Tense)] = {
        var t: [(String, Tense)] = []
        for w in ["will", "would", "shall", "should", "must", "ll", "wo", "could", "might", "may", "upcoming", "tomorrow",
                  "soon"] {
            t.append((w, .future))
        }
        for w in ["said", "was", "were", "had", "did", "told", "met", "went", "came", "took", "made", "gave", "began",
                  "saw", "left", "held", "won", "lost", "fell", "rose", "sold", "bought", "paid", "spent", "got",
                  "found", "became", "brought", "thought", "felt", "kept", "led", "ran", "struck", "spoke", "wrote",
                  "broke", "chose", "drove", "flew", "grew", "knew", "threw", "sent", "built", "meant", "stood",
                  "fought", "caught", "sought", "ago", "yesterday", "last", "earlier", "previously", "died", "killed",
                  "arrived", "announced", "reported", "agreed", "signed", "launched", "released", "ended", "closed",
                  "opened", "attacked", "visited", "revealed", "confirmed", "claimed", "added", "warned", "urged",
                  "called", "started", "hit", "says", "wasn", "weren", "didn", "hadn", "couldn", "since", "reached",
                  // irregular past forms that are no present form or common noun
                  "heard", "laid", "fled", "taught", "dealt", "shook", "withdrew", "drew", "blew", "tore", "wore",
                  "swore", "stole", "rode", "rang", "sang", "sank", "swam", "drank", "ate", "forgot", "forgave", "hid",
                  "dug", "slid", "spun", "swept", "wept", "crept", "slept", "sat", "woke", "froze", "overtook",
                  "undertook", "hung", "swung", "arose", "shone", "sprang", "oversaw", "underwent", "withheld",
                  "upheld", "understood", "bled", "shot", "overthrew", "slew", "awoke", "mistook", "foresaw",
                  "strode", "leapt", "rebuilt"] {
            t.append((w, .past))
        }
        for w in ["is", "are", "am", "isn", "aren", "now", "today", "currently"] { t.append((w, .present)) }
        // scheduling verbs in the present point forward: "when parliament returns on Tuesday"
        for w in ["returns", "resumes", "reconvenes", "meets", "opens", "reopens", "begins", "starts", "ends", "closes",
                  "arrives", "visits", "travels", "heads", "departs", "convenes", "votes", "launches", "kicks",
                  "hosts", "expires", "goes", "faces", "takes",
                  // previews of sport, screen, stage and science: "the finale airs Sunday", "the probe lands on Sunday"
                  "airs", "premieres", "debuts", "streams", "lands", "tips", "finishes", "concludes", "continues",
                  "headlines", "performs", "wraps", "culminates", "turns", "plays",
                  // a state still running ends ahead: "the festival runs until Sunday", "the ban lasts until April"
                  "runs", "lasts", "remains", "stays",
                  // intentions told in the present: "critics vow a fight in November", "he can return in January"
                  "vows", "pledges", "promises", "can"] {
            t.append((w, .future))
        }
        for w in TenseWords.thirdPersonSchedules { t.append((w, .future)) }
        // their plain forms, for plural subjects ("they meet Monday"); words that are also nouns
        // or adjectives ("vote", "visit", "open") are left out
        for w in TenseWords.plainPresent { t.append((w, .future)) }
        // expectations and schedules: "officials expect a decision by Friday", "the deadline is Wednesday"
        for w in ["expect", "expects", "scheduled", "slated", "due", "deadline", "awaits", "await", "pending",
                  "planned", "planning"] {
            t.append((w, .future))
        }
        return t
    }()

    /// Plain present forms that point forward as a finite verb ("they meet Monday", "the semi-finals start on
    /// Friday", "proceedings continue on Thursday"); words that are also nouns or adjectives ("vote", "visit",
    /// "open") are left out, and after a determiner ("the start on Monday") none of them is a verb.
    static let plainPresent = ["meet", "resume", "reconvene", "reopen", "begin", "arrive", "depart", "convene", "expire",
                               "testify", "go", "start", "finish", "conclude", "continue", "remain", "stay", "vow", "pledge",
                               "appear"]

    /// Schedules told in the third person: "the Fed announces its decision on Wednesday", "the bill becomes law on
    /// Friday", "the defendant appears in court on Monday", "the court hears arguments on Monday".
    static let thirdPersonSchedules = ["announces", "unveils", "publishes", "delivers", "becomes", "appears", "sits",
                                       "hears", "reports", "releases", "rules", "holds"]

    /// Cues of the future seen from a past story ("they planned to be back by Saturday", "said they would return
    /// on Sunday"): a day they put ahead follows the story's time (`Anchorer.storyWeekday`).
    static let futureInPast: Set<String> = ["would", "planned", "intended", "hoped", "meant"]

    /// Words before a day that ends or opens what an act set ("gave them until Saturday", "starting at midnight on
    /// Friday", "with the window closing on Thursday"): the day is after the act (`Resolver.endsAfterAct`).
    static let bounds: Set<String> = ["until", "till", "by", "starting", "beginning", "effective", "closing", "expiring",
                                      "ending"]

    static let flags: [([String], TenseFlags)] = [
        (["scheduled", "expected", "planned", "slated", "set", "due", "plans", "plan", "expects", "intends", "aims",
          "hopes", "going", "wants", "seeks", "is", "are", "agreed", "promised", "vowed", "threatened", "pledged",
          "decided", "agreement", "offer", "proposal", "bid",
          // "is forecast to reach Scotland on Thursday", "snow is likely over the weekend"
          "forecast", "likely", "unlikely", "poised"], .forwardBeforeTo),
        (["set", "scheduled", "slated", "planned", "listed", "fixed", "rescheduled", "booked", "pencilled", "penciled",
          "timetabled", "earmarked", "expected", "due", "issued"], .scheduledFor),
        (["released", "published", "played", "held", "broadcast", "screened", "staged", "unveiled", "launched", "aired",
          "premiered", "streamed", "hosted", "sentenced", "announced", "televised"], .schedulePassive),
        (["would", "could", "might", "may", "should", "must", "planned", "planning"], .weakModal),
        (["will", "would", "shall", "should", "must", "can", "could", "may", "might"], .modal),
        (["a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "still", "very", "most", "more",
          "newly", "so", "too", "less", "well", "recently", "previously", "highly", "widely", "long"], .adjectiveMarker),
        (["hundred", "sacred", "naked", "wicked", "hatred", "kindred", "infrared", "embed", "shred", "sled", "bred",
          "preferred"],
         .notPastForm),
        (["agreed", "freed", "decreed", "guaranteed", "disagreed", "refereed"], .pastInEed),
        (TenseWords.plainPresent, .plainPresent),
        (["agreed", "promised", "vowed", "pledged", "threatened", "decided"], .pastCommitment),
        (["ago", "yesterday", "last", "earlier", "previously", "since", "now", "today", "currently", "tomorrow", "soon",
          "upcoming"], .adverb),
        (["said", "says", "told", "reported", "announced", "added", "warned", "claimed", "confirmed", "revealed",
          "urged", "stated", "noted", "disclosed", "wrote", "insisted", "argued", "explained", "acknowledged",
          "admitted", "denied", "declared", "predicted", "forecast", "estimated"], .reporting),
        (["hosting", "holding", "meeting", "visiting", "travelling", "traveling", "flying", "heading", "leaving",
          "launching", "announcing", "unveiling", "releasing", "publishing", "opening", "reopening", "signing",
          "voting", "playing", "attending", "speaking", "addressing", "returning", "arriving", "departing", "joining",
          "convening", "staging", "presenting", "delivering", "testifying", "appearing", "celebrating",
          "marking", "sending", "reconvening", "resuming", "kicking", "going", "coming"], .plannedProgressive),
        (["postponed", "postpone", "postpones", "delayed", "delay", "delays", "deferred", "defer", "defers",
          "adjourned", "adjourn", "adjourns", "recessed", "extended", "extend", "extends", "rescheduled",
          "reschedule", "suspended", "suspend", "suspends", "pushed", "put", "moved", "forward"], .deferral),
        (["deadline"], .nounCue),
        // ("often", "always", "generally" are left out: "officials generally expect the report in June" names one June)
        (["usually", "typically", "traditionally", "historically", "normally", "tends", "tend", "customarily",
          "seasonally"], .habitual),
        (["host", "face", "play", "visit", "travel", "head", "welcome", "entertain", "vote", "tour", "open", "close",
          "return"], .fixture),
        (["vote", "election", "referendum", "ballot", "poll", "polls", "runoff", "deadline", "hearing", "trial",
          "sentencing", "verdict", "inquest", "match", "game", "final", "derby", "race", "fixture", "rematch", "festival",
          "holiday", "celebration", "celebrations", "ceremony", "parade", "inauguration", "coronation", "funeral",
          "wedding", "concert", "premiere", "launch", "debate", "summit", "meeting", "conference", "talks", "strike",
          "walkout", "rally", "auction", "anniversary", "eclipse", "budget", "announcement", "kickoff", "showdown",
          "event", "vigil", "commemoration", "opening", "birthday", "cup", "stage", "tournament", "championship",
          "championships"], .eventNoun),
        (["reports", "releases", "rules", "holds"], .objectVerb),
        (["appears", "announces", "becomes"], .notBeforeClause),
        (TenseWords.thirdPersonSchedules, .leftOnly),
        (["ordered", "told", "remanded", "summoned", "instructed", "directed", "asked", "invited", "bailed", "urged",
          "called", "required"], .directive),
    ]
}

/// Nouns of weather (and public-safety) warnings: the period one is issued for lies ahead.
enum WeatherWords {
    static let warnings: Set<String> = ["warning", "warnings", "alert", "alerts", "watch", "watches", "advisory",
                                        "advisories", "forecast"]
}
