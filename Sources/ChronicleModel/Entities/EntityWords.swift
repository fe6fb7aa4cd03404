import ChronicleTagger

/// The word tables of entity recognition. Each table drives both finding a name and saying
/// what it is: a title before a name makes it a person and is kept as that person's role;
/// an organisation word anywhere in a name makes it an organisation; a gazetteer entry or a
/// place preposition before it makes it a place.
enum EntityWords {
    /// Titles and honorifics, lower-case, longest first when matched (a title may be several words).
    /// They mark the following name as a person and are not part of the name.
    static let titles: [[String]] = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "reverend",
        "sheikh", "gen", "general", "col", "colonel", "capt", "captain", "lt", "sgt", "adm", "admiral", "judge",
        "justice", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "king", "queen", "prince",
        "princess", "pope", "president", "chancellor", "premier", "minister", "secretary", "ambassador",
        "commissioner", "chairman", "chairwoman", "chair", "envoy", "spokesman", "spokeswoman", "spokesperson",
        "coach", "manager", "inspector", "detective", "superintendent", "archbishop", "bishop", "cardinal",
        "prime minister", "foreign minister", "defence minister", "defense minister", "finance minister",
        "interior minister", "health minister", "foreign secretary", "home secretary", "defence secretary",
        "defense secretary", "health secretary", "secretary of state", "secretary general", "secretary-general",
        "vice president", "vice-president", "deputy prime minister", "supreme leader", "crown prince",
        "chief executive", "pm", "attorney general", "attorney-general", "first minister", "house speaker", "speaker",
        "defence chief", "army chief", "police chief",
    ].map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }

    /// Titles written two ways, to the form `titles` uses for the same office ("the PM" holds what "the Prime Minister" holds).
    static let titleAliases: [String: String] = ["pm": "prime minister", "vice-president": "vice president",
                                                 "secretary-general": "secretary general", "attorney-general": "attorney general",
                                                 "defense minister": "defence minister", "defense secretary": "defence secretary"]

    /// Actors news names in several ways, lower-case, to the one name they are listed under: a
    /// country by its acronym and its short and long names, an organisation by acronym and case.
    static let aliases: [String: (name: String, kind: EntityKind)] = {
        let groups: [(String, EntityKind, [String])] = [
            ("United States", .place, ["us", "usa", "united states", "united states of america"]),
            ("United Kingdom", .place, ["uk", "britain", "great britain", "united kingdom"]),
            ("United Arab Emirates", .place, ["uae", "united arab emirates"]),
            ("Democratic Republic of the Congo", .place, ["drc", "democratic republic of the congo", "dr congo"]),
            ("European Union", .organisation, ["eu", "european union"]),
            ("European Commission", .organisation, ["eu commission", "european commission"]),
            ("United Nations", .organisation, ["un", "united nations"]),
            ("NATO", .organisation, ["nato"]),
        ]
        var map: [String: (name: String, kind: EntityKind)] = [:]
        for (name, kind, forms) in groups { for form in forms { map[form] = (name, kind) } }
        return map
    }()

    /// Endings of Slavic surnames that English spells several ways, all written "-sky" (`EntityRecognizer.transliterationFolded`).
    static let transliteratedEndings = ["skyy", "skiy", "skyi", "skii"]
    static let transliteratedEndingBytes = transliteratedEndings.map { Array($0.utf8) }

    /// `titles` by their first word, longest first, so a name's words are looked up, not scanned.
    static let titlesByFirstWord: [String: [[String]]] = Dictionary(grouping: titles, by: { $0[0] })

    /// Which tables of this file hold a word (lower-case): `table`'s flags.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt32
        static let organisationWord = Flags(rawValue: 1 << 0)
        static let placeWord = Flags(rawValue: 1 << 1)
        static let connector = Flags(rawValue: 1 << 2)
        static let notName = Flags(rawValue: 1 << 3)
        static let nameHead = Flags(rawValue: 1 << 4)
        static let eventWord = Flags(rawValue: 1 << 5)
        static let placePreposition = Flags(rawValue: 1 << 6)
        static let abbreviation = Flags(rawValue: 1 << 7)
        static let nationality = Flags(rawValue: 1 << 8)
        /// A place of one word (`places`).
        static let place = Flags(rawValue: 1 << 9)
        /// The first word of a place of several words.
        static let placeHead = Flags(rawValue: 1 << 10)
        /// An alias of one word (`aliases`).
        static let alias = Flags(rawValue: 1 << 11)
        /// The first word of an alias of several words.
        static let aliasHead = Flags(rawValue: 1 << 12)
        /// `ZoneWords.abbreviations`.
        static let zoneAbbreviation = Flags(rawValue: 1 << 13)
        static let the = Flags(rawValue: 1 << 14)
        static let its = Flags(rawValue: 1 << 15)
    }

    /// What the tables say of one word: its flags, and the titles that begin with it (longest first,
    /// each as the entries of its words and as written).
    struct Entry: Sendable {
        var flags: Flags = []
        var titles: [(words: [Int32], text: String)] = []
    }

    /// Every word of these tables (and of the titles), looked up once per word of a sentence by
    /// `EntityRecognizer`, which then reads flags and entries.
    static let table: WordTable<Entry> = {
        var entries: [String: Entry] = [:]
        func mark(_ words: some Sequence<String>, _ flag: Flags) { for w in words { entries[w, default: Entry()].flags.insert(flag) } }
        mark(organisationWords, .organisationWord)
        mark(placeWords, .placeWord)
        mark(connectors, .connector)
        mark(notNames, .notName)
        mark(nameHeads, .nameHead)
        mark(eventWords, .eventWord)
        mark(placePrepositions, .placePreposition)
        mark(abbreviations, .abbreviation)
        mark(nationalities, .nationality)
        mark(ZoneWords.abbreviations, .zoneAbbreviation)
        mark(["the"], .the)
        mark(["its"], .its)
        for (names, single, head) in [(Array(places), Flags.place, Flags.placeHead), (Array(aliases.keys), .alias, .aliasHead)] {
            for name in names {
                let words = name.split(separator: " ").map(String.init)
                mark([words[0]], words.count == 1 ? single : head)
            }
        }
        for title in titles { mark(title, []) }
        let words = entries.keys.sorted()
        let entry = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, Int32($0)) })
        for (first, forms) in titlesByFirstWord {
            entries[first]!.titles = forms.map { (words: $0.map { entry[$0]! }, text: $0.joined(separator: " ")) }
        }
        return WordTable(words.map { ($0, entries[$0]!) })
    }()

    /// A word that makes a name an organisation ("Ministry of Defence", "Bank of England", "Labour Party").
    static let organisationWords: Set<String> = [
        "ministry", "department", "council", "commission", "committee", "bank", "party", "union", "court",
        "agency", "authority", "parliament", "congress", "senate", "government", "army", "navy", "police",
        "federation", "association", "institute", "university", "college", "school", "company", "corporation",
        "corp", "inc", "ltd", "plc", "llc", "group", "organisation", "organization", "fund", "foundation",
        "office", "times", "post", "news", "herald", "ledger", "broadcasting", "monitor", "observer", "daily",
        "league", "club", "nations", "forces", "guard", "service", "services", "board", "trust", "alliance",
        "coalition", "front", "movement", "assembly", "cabinet", "secretariat", "kremlin", "pentagon",
        "hospital", "airlines", "airways", "energy", "telecom", "shipping", "mining", "health", "foods", "rail",
        "holdings", "industries", "motors", "reuters", "press", "tribunal", "bureau", "directorate", "brigade",
        "regiment", "command", "fc", "network", "channel", "radio", "television", "tv", "journal", "gazette",
        "administration", "ministries", "commissioner", "embassy", "consulate",
    ]

    /// A word that makes a name a place ("Democratic Republic of the Congo", "Kestrel Bay", "Downing Street").
    static let placeWords: Set<String> = [
        "republic", "kingdom", "islands", "island", "province", "region", "county", "city", "state", "states",
        "emirates", "strait", "sea", "ocean", "river", "mountains", "valley", "bay", "gulf", "peninsula", "street",
        "square", "avenue", "road", "prospekt", "district", "oblast", "coast", "lake", "airport", "port",
    ]

    /// Words that make a name an event or a thing rather than an actor ("World War II", "Paris Agreement").
    static let eventWords: Set<String> = [
        "war", "cup", "games", "olympics", "summit", "treaty", "agreement", "accords", "accord", "act", "bill",
        "declaration", "protocol", "plan", "crisis", "revolution", "day", "prize", "award", "festival", "championship",
        "storm", "hurricane", "typhoon", "cyclone",
    ]

    /// Nationality words that are adjectives, not actors, when they stand alone ("Russian", "French").
    static let nationalities: Set<String> = [
        "french", "german", "dutch", "swiss", "greek", "thai", "british", "irish", "welsh", "scottish", "english",
        "polish", "spanish", "danish", "swedish", "finnish", "turkish", "israeli", "iraqi", "kuwaiti", "qatari",
        "saudi", "emirati", "pakistani", "bangladeshi", "yemeni", "omani", "chinese", "japanese", "vietnamese",
        "portuguese", "lebanese", "sudanese", "taiwanese", "western", "anglo-french", "franco-german",
    ]

    /// Suffixes of nationality adjectives and peoples ("Ukrainian", "Europeans", "Congolese").
    static let nationalitySuffixes = ["ian", "ians", "ean", "eans", "ese", "ish", "can", "cans"]
    /// `nationalitySuffixes` as bytes, compared with a word's last bytes.
    static let nationalitySuffixBytes = nationalitySuffixes.map { Array($0.utf8) }

    /// Words between two capitalised words that stay inside one name ("Bank of England", "Ludwig van Beethoven").
    static let connectors: Set<String> = ["of", "de", "da", "del", "della", "van", "von", "der", "den", "al", "bin", "ibn", "la", "le", "du", "for", "on"]

    /// Capitalised words that are never names by themselves: sentence openers, pronouns, calendar
    /// words (the tagger's business), and the words headlines capitalise.
    static let notNames: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "you", "i", "his",
        "her", "their", "our", "my", "your", "there", "here", "in", "on", "at", "by", "for", "from", "with", "to",
        "of", "and", "but", "or", "so", "yet", "if", "as", "after", "before", "while", "when", "where", "since",
        "until", "during", "meanwhile", "however", "still", "earlier", "later", "separately", "according", "also",
        "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "last", "next", "some", "many", "most", "all", "both", "each",
        "every", "no", "not", "one", "two", "three", "officials", "background", "analysis", "reaction", "update",
        "what", "who", "why", "how", "which", "read", "more", "photo", "watch", "listen", "sign", "follow",
        "critics", "residents", "analysts", "observers", "experts", "several", "people", "police",
        "government", "parliament", "minister", "president", "ministers", "leaders", "local", "state",
        "national", "federal", "western", "eastern", "northern", "southern", "christmas", "easter",
        "contrast", "statement", "key", "dates", "spring", "summer", "autumn", "winter", "now", "then",
        "despite", "although", "though", "because", "once", "instead", "under", "over", "about", "into",
        "against", "between", "among", "without", "within", "through", "across", "around", "amid", "like",
        "unlike", "even", "just", "only", "perhaps", "indeed", "yes", "ok", "oh", "mrs", "mr", "ms", "dr",
        "other", "another", "former", "new", "further", "either", "neither", "such", "west", "east",
    ]

    /// Words of `notNames` that begin names ("New Delhi", "National Guard", "Southern Cross Herald"): kept
    /// inside a sentence, where their capital is the name's, when a word of the name follows.
    static let nameHeads: Set<String> = ["new", "national", "federal", "state", "western", "eastern", "northern", "southern", "west", "east"]

    /// Abbreviated titles written with a full stop ("Mr.", "Gen.").
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "gen", "col", "capt", "lt", "sgt", "adm", "gov", "sen", "rep", "prof", "rev", "jr", "sr", "fr"]

    /// Words that put a place after them ("talks in Riyadh", "flew to Alaska").
    static let placePrepositions: Set<String> = ["in", "at", "near", "from", "to", "across", "outside", "inside", "around", "towards", "toward"]

    /// Acronyms written in capitals that name countries, not organisations.
    static let placeAcronyms: Set<String> = ["US", "USA", "UK", "UAE", "DRC", "PRC", "GB"]

    /// Countries, regions and some of the cities news names most, lower-case.
    static let places: Set<String> = [
        "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria", "azerbaijan",
        "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "bulgaria", "burkina faso",
        "cambodia", "cameroon", "canada", "chad", "chile", "china", "colombia", "congo", "croatia", "cuba",
        "cyprus", "czechia", "czech republic", "denmark", "ecuador", "egypt", "england", "eritrea", "estonia",
        "ethiopia", "europe", "finland", "france", "gaza", "georgia", "germany", "ghana", "greece", "greenland",
        "guatemala", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland",
        "israel", "italy", "japan", "jordan", "kazakhstan", "kenya", "kosovo", "kuwait", "latvia", "lebanon",
        "libya", "lithuania", "luxembourg", "mali", "malta", "mexico", "moldova", "mongolia", "montenegro",
        "morocco", "mozambique", "myanmar", "nepal", "netherlands", "new zealand", "nicaragua", "niger",
        "nigeria", "north korea", "norway", "oman", "pakistan", "palestine", "panama", "peru", "philippines",
        "poland", "portugal", "qatar", "romania", "russia", "rwanda", "saudi arabia", "scotland", "senegal",
        "serbia", "singapore", "slovakia", "slovenia", "somalia", "south africa", "south korea", "spain",
        "sri lanka", "sudan", "south sudan", "sweden", "switzerland", "syria", "taiwan", "tanzania", "thailand",
        "tunisia", "turkey", "turkiye", "uganda", "ukraine", "united kingdom", "united states", "uruguay",
        "uzbekistan", "venezuela", "vietnam", "wales", "yemen", "zambia", "zimbabwe", "africa", "asia",
        "america", "crimea", "donbas", "kharkiv", "kyiv", "kiev", "odesa", "moscow", "london", "paris", "berlin",
        "brussels", "washington", "new york", "beijing", "tokyo", "delhi", "new delhi", "riyadh", "jeddah",
        "tehran", "baghdad", "damascus", "beirut", "jerusalem", "tel aviv", "cairo", "istanbul", "ankara",
        "geneva", "vienna", "rome", "madrid", "warsaw", "budapest", "alaska", "anchorage", "texas",
        "california", "florida", "hong kong", "shanghai", "sydney", "toronto", "ottawa", "dubai", "doha",
        "abu dhabi", "minsk", "st petersburg", "kursk", "zaporizhzhia", "donetsk", "luhansk", "kherson",
        "westminster", "northern ireland", "the hague", "britain", "great britain", "the west bank", "west bank",
    ]
}
