import LedeText


/// What a word is to the rules, as bits: every list a word belongs to, found with one lookup per word.
///
/// The bits are `@inlinable` constants, not stored statics, and the type `@usableFromInline` (see
/// ``EntityLabel``): the rules and the repairs, in other modules, read `Feature.titles.rawValue` and the like
/// at every word, and each read of a stored static was a call to its lazy initializer's accessor.
@usableFromInline package struct Feature: OptionSet, Sendable {
    @usableFromInline package let rawValue: UInt64
    @inlinable package init(rawValue: UInt64) { self.rawValue = rawValue }
    @inlinable package static var abbreviations: Feature { Feature(rawValue: 1 << 0) }
    @inlinable package static var months: Feature { Feature(rawValue: 1 << 1) }
    @inlinable package static var weekdays: Feature { Feature(rawValue: 1 << 2) }
    @inlinable package static var numberWords: Feature { Feature(rawValue: 1 << 3) }
    @inlinable package static var scales: Feature { Feature(rawValue: 1 << 4) }
    @inlinable package static var qualifiers: Feature { Feature(rawValue: 1 << 5) }
    @inlinable package static var qualifierHeads: Feature { Feature(rawValue: 1 << 6) }
    @inlinable package static var ordinals: Feature { Feature(rawValue: 1 << 7) }
    @inlinable package static var dateUnits: Feature { Feature(rawValue: 1 << 8) }
    @inlinable package static var pluralDurations: Feature { Feature(rawValue: 1 << 9) }
    @inlinable package static var decades: Feature { Feature(rawValue: 1 << 10) }
    @inlinable package static var monthLeads: Feature { Feature(rawValue: 1 << 11) }
    @inlinable package static var seasons: Feature { Feature(rawValue: 1 << 12) }
    @inlinable package static var timeUnits: Feature { Feature(rawValue: 1 << 13) }
    @inlinable package static var quantityUnits: Feature { Feature(rawValue: 1 << 14) }
    @inlinable package static var currencies: Feature { Feature(rawValue: 1 << 15) }
    @inlinable package static var durationLeads: Feature { Feature(rawValue: 1 << 16) }
    @inlinable package static var orgSuffixes: Feature { Feature(rawValue: 1 << 17) }
    @inlinable package static var orgHeads: Feature { Feature(rawValue: 1 << 18) }
    @inlinable package static var eventSuffixes: Feature { Feature(rawValue: 1 << 19) }
    @inlinable package static var eventHeads: Feature { Feature(rawValue: 1 << 20) }
    @inlinable package static var personNouns: Feature { Feature(rawValue: 1 << 21) }
    @inlinable package static var cues: Feature { Feature(rawValue: 1 << 22) }
    @inlinable package static var lawSuffixes: Feature { Feature(rawValue: 1 << 23) }
    @inlinable package static var gpeSuffixes: Feature { Feature(rawValue: 1 << 24) }
    @inlinable package static var sentenceStarters: Feature { Feature(rawValue: 1 << 25) }
    @inlinable package static var relativeStarts: Feature { Feature(rawValue: 1 << 26) }
    @inlinable package static var dayWords: Feature { Feature(rawValue: 1 << 27) }
    @inlinable package static var timeWords: Feature { Feature(rawValue: 1 << 28) }
    @inlinable package static var triggers: Feature { Feature(rawValue: 1 << 29) }
    @inlinable package static var connectors: Feature { Feature(rawValue: 1 << 30) }
    @inlinable package static var qualifierLeads: Feature { Feature(rawValue: 1 << 31) }
    @inlinable package static var given: Feature { Feature(rawValue: 1 << 32) }
    @inlinable package static var surnames: Feature { Feature(rawValue: 1 << 33) }
    @inlinable package static var titles: Feature { Feature(rawValue: 1 << 34) }
    @inlinable package static var common: Feature { Feature(rawValue: 1 << 35) }
    @inlinable package static var placeHeads: Feature { Feature(rawValue: 1 << 36) }
    @inlinable package static var facilityHeads: Feature { Feature(rawValue: 1 << 37) }
    @inlinable package static var productHeads: Feature { Feature(rawValue: 1 << 38) }
    @inlinable package static var joiners: Feature { Feature(rawValue: 1 << 39) }
    @inlinable package static var addresses: Feature { Feature(rawValue: 1 << 40) }
    @inlinable package static var functionWords: Feature { Feature(rawValue: 1 << 41) }
    @inlinable package static var ranks: Feature { Feature(rawValue: 1 << 42) }
    @inlinable package static var holidays: Feature { Feature(rawValue: 1 << 43) }
}

/// The closed word lists of the rules (everything open-ended is in the gazetteer), and the table that gives
/// each word its ``Feature`` bits: the rules test bits instead of looking a word up in a dozen sets.
package struct Lexicon: Sendable {
    /// Every word's features, but `common`: small enough to stay in the cache.
    package let flags: WordFlags
    /// The common words, asked only of capitalized words (40,000 words would not stay in the cache).
    package let commonWords: WordFlags

    /// Builds the table from the lists below and the gazetteer's name lists.
    package init(given: [String], surnames: [String], titles: [String], common: WordFlags) {
        var table = WordFlags()
        for (list, feature) in Self.lists { table.insert(list, feature.rawValue) }
        table.insert(given, Feature.given.rawValue)
        table.insert(surnames, Feature.surnames.rawValue)
        table.insert(titles, Feature.titles.rawValue)
        flags = table
        commonWords = common
    }

    /// Months, full and abbreviated; the value is the month number.
    package static let months: [String] = ([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    ])
    package static let weekdays: [String] = (["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
    /// Number words (`two` to `ninety`, and the scales).
    package static let numberWords: [String] = ([
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "hundreds", "thousands", "millions",
        "dozens", "tens",
    ])
    /// Scales that follow a number (`9 trillion`).
    package static let scales: [String] = (["hundred", "thousand", "million", "billion", "trillion", "crore", "crores", "lakh",
                                            "lakhs"])
    /// One-word qualifiers kept in a count (`around 15,000`); two-word ones are in `qualifierPairs`.
    package static let qualifiers: [String] = ([
        "about", "around", "nearly", "almost", "over", "some", "roughly", "approximately", "only", "just", "under",
        "barely", "exactly", "estimated",
    ])
    /// The first word of two-word qualifiers: `more than`, `fewer than`, `less than`, `at least`, `up to`,
    /// `as many as` (the second word is checked by the rule).
    package static let qualifierHeads: [String] = (["more", "fewer", "less", "at", "up", "as", "close", "well"])
    package static let ordinals: [String] = (["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])
    package static let dateUnits: [String] = ([
        "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "century", "centuries",
        "weekend", "weekends", "quarter",
    ])
    package static let pluralDurations: [String] = (["months", "years", "decades", "weeks"])
    package static let decades: [String] = (["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"])
    /// Words before `May` that make it the month.
    package static let monthLeads: [String] = (["in", "of", "since", "until", "by", "last", "next", "early", "late", "mid", "this"])
    package static let seasons: [String] = (["spring", "summer", "autumn", "fall", "winter"])
    package static let timeUnits: [String] = (["hour", "hours", "minute", "minutes", "second", "seconds"])
    package static let quantityUnits: [String] = ([
        "millimeters", "millimetres", "millimeter", "mm", "centimeters", "centimetres", "cm", "meters", "metres", "meter",
        "metre", "kilometers", "kilometres", "kilometer", "km", "miles", "mile", "feet", "foot", "inches", "inch",
        "kilograms", "kilogram", "kg", "grams", "gram", "tons", "tonnes", "ton", "pounds", "liters", "litres", "gallons",
        "barrels", "degrees", "acres", "hectares", "knots", "megawatts", "gigawatts",
    ])
    package static let currencies: [String] = (["won", "dollars", "dollar", "euros", "euro", "yen", "yuan", "pounds", "rubles", "rupees", "francs", "pesos", "cents", "pence"])
    /// Words after which `a decade`, `a month` is a date.
    package static let durationLeads: [String] = (["within", "for", "in", "over", "about", "nearly", "than", "after", "almost", "around", "past"])
    /// Last words that make a capitalized name an organization.
    package static let orgSuffixes: [String] = ([
        "agency", "party", "union", "solidarity", "exchange", "bourse", "parishad", "panchayat", "nigam", "palika", "sabha",
        "samiti", "morcha", "taskforce", "observer", "mirror", "monitor", "guardian", "gleaner", "examiner", "enquirer",
        "inquirer", "courier", "advertiser", "sentinel", "dispatch", "bulletin", "recorder", "minerals", "metals", "exploration", "lithium", "uranium", "institute", "group", "court", "ministry", "association", "council",
        "committee", "alliance", "bank", "university", "college", "school", "corporation", "corp.", "company", "co.", "cos.", "bhd", "bhd.", "berhad", "tbk", "tbk.",
        "inc.", "ltd.", "electronics", "securities", "industries", "holdings", "motors", "airlines", "administration",
        "service", "office", "foundation", "federation", "league", "organization", "organisation", "commission",
        "assembly", "museum", "center", "centre", "society", "network", "department", "bureau", "authority", "police",
        "army", "navy", "church", "times", "post", "herald", "daily", "news", "broadcasting", "club", "studios",
        "laboratory", "hospital", "academy", "institution", "fund", "trust", "guard", "front", "movement", "coalition",
        "congress", "parliament", "senate", "cabinet", "government", "board", "chamber", "bloc", "forces", "command",
        "press", "telecom", "energy", "chemical", "steel", "shipbuilding", "construction", "pharmaceuticals", "bio",
        "entertainment", "media", "capital", "partners", "systems", "technologies", "solutions", "labs", "foods",
        "robotics", "technology", "tech", "software", "brewery", "breweries", "distillery", "winery", "semiconductor", "semiconductors", "pharma", "therapeutics",
        "biotech", "biosciences", "logistics", "shipping", "airways", "air", "aviation", "aerospace", "automotive",
        "enterprises", "ventures", "investments", "insurance", "financial", "finance", "bancorp", "plc", "llc", "ag",
        "gmbh", "s.a.", "sa", "n.v.", "limited", "incorporated", "brands", "retail", "stores", "mining", "resources",
        "petroleum", "oil", "gas", "power", "utilities", "motor", "auto", "cosmetics", "textiles", "publishing",
        "records", "pictures", "productions", "films", "studio", "racing", "motorsport", "motorsports", "online", "games", "gaming", "wireless", "communications", "mobile", "networks",
        "fc", "cf", "sc", "united", "rovers", "wanderers", "athletic", "rangers", "city", "force", "corps", "brigade",
        "magazine", "journal", "gazette", "tribune", "chronicle", "telegraph", "weekly", "monthly", "radio",
        "television", "tv",
    ])
    /// Heads that take `of` and stay an organization (`Ministry of Trade`, `Bank of Korea`).
    package static let orgHeads: [String] = ([
        "ministry", "university", "bank", "institute", "museum", "department", "office", "bureau", "council",
        "committee", "court", "union", "federation", "association", "league", "society", "academy", "college", "school",
        "center", "centre", "party", "commission", "agency", "organization", "assembly", "church", "chamber", "board",
        "foundation", "fund", "service", "alliance", "coalition", "embassy", "house", "government", "army", "navy",
    ])
    package static let eventSuffixes: [String] = ([
        "marathon", "festival", "olympics", "games", "cup", "championship", "championships", "summit", "expo", "war",
        "biennale", "grand", "prix", "open", "tournament", "derby", "election", "elections", "uprising", "revolution",
        "paralympics", "carnival", "fair", "week", "conference",
    ])
    /// First words of event names (`Typhoon Hinnamnor`, `Operation Desert Storm`).
    package static let eventHeads: [String] = (["hurricane", "typhoon", "cyclone", "storm", "tropical", "operation"])
    /// Lower-case nouns that stand before a person's name (`runner Daniel Kiprop`).
    package static let personNouns: [String] = ([
        "runner", "lawmaker", "producer", "actress", "actor", "director", "minister", "spokesman", "spokeswoman",
        "spokesperson", "colleague", "analyst", "chairman", "chairwoman", "leader", "head", "official", "photographer",
        "singer", "writer", "author", "artist", "player", "coach", "striker", "goalkeeper", "midfielder", "defender",
        "captain", "president", "senator", "governor", "mayor", "prosecutor", "judge", "lawyer", "attorney", "doctor",
        "professor", "researcher", "scientist", "economist", "curator", "journalist", "reporter", "editor", "founder",
        "ceo", "executive", "manager", "activist", "defector", "survivor", "victim", "witness", "resident", "student",
        "teacher", "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "friend", "pastor",
        "filmmaker", "novelist", "poet", "comedian", "rapper", "musician", "designer", "engineer", "biologist",
        "physicist", "chemist", "historian", "candidate", "nominee", "envoy", "ambassador", "diplomat", "general",
        "colonel", "commander", "soldier", "officer", "chief", "secretary", "deputy", "member", "delegate",
    ])
    /// Verbs of saying that follow a person's name (`Kiprop said`).
    package static let cues: [String] = ([
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "noted", "explained", "stated",
        "warned", "argued", "claimed", "recalled", "announced", "replied", "insisted", "confirmed", "stressed",
        "commented", "remarked", "explains", "notes", "believes", "thinks", "added", "admitted", "agreed", "denied",
        "urged", "described", "suggested", "responded", "continued", "concluded", "revealed",
    ])
    package static let lawSuffixes: [String] = (["act", "law", "code", "treaty", "convention", "constitution", "accord", "accords", "charter", "amendment"])
    package static let gpeSuffixes: [String] = (["city", "province", "county", "prefecture", "district", "state", "oblast", "region"])
    /// Capitalized words that open sentences and never begin a name.
    package static let sentenceStarters: [String] = ([
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "however", "earlier", "later", "meanwhile",
        "according", "under", "as", "for", "from", "with", "without", "by", "it", "they", "he", "she", "we", "i", "you",
        "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "some", "many", "most",
        "other", "others", "both", "each", "every", "all", "any", "no", "not", "if", "when", "while", "after",
        "before", "since", "until", "although", "though", "because", "once", "now", "then", "there", "here", "what",
        "who", "why", "how", "where", "which", "asked", "speaking", "still", "yet", "also", "even", "only", "just",
        "instead", "despite", "during", "among", "between", "through", "about", "over", "against", "one", "last",
        "next", "new", "former", "several", "few", "such", "more", "less", "much", "thanks", "please", "yes",
        "estimates", "critics", "officials", "organizers", "residents", "workers", "experts", "analysts", "police",
        "except", "besides", "unlike", "including", "excluding", "regarding", "concerning", "amid", "amidst", "via",
    ])
    package static let relativeStarts: [String] = (["earlier", "later", "early", "late", "this", "last", "next", "past", "coming"])
    package static let dayWords: [String] = (["today", "yesterday", "tomorrow"])
    package static let timeWords: [String] = (["tonight", "midnight", "noon"])
    /// Lower-case words that can begin a number, a date or a time; the rules look at no other lower-case word.
    package static let triggers: [String] = [
        "today", "yesterday", "tomorrow", "tonight", "midnight", "noon", "a", "an", "for", "early", "mid", "late",
        "earlier", "later", "this", "last", "next", "past", "coming", "one", "as",
    ] + ordinals + qualifiers + qualifierHeads + numberWords

    /// Words that join capitalized words of one organization's name.
    package static let connectors: [String] = (["of", "for", "and", "&"])
    /// Words before `about` or `over` that make it a qualifier of a number word (`as about two`), not a
    /// preposition (`a film about two sisters`).
    package static let qualifierLeads: [String] = (["as", "of", "by", "to", "with", "for", "in", "than", "and", "or", "at", "from", "is", "was", "were", "are"])

    /// The first words of holidays and festivals, which OntoNotes tags `DATE` (`Christmas`, `Eid al-Adha`,
    /// `Diwali`, `Lunar New Year`); the rules read the rest of each phrase from ``holidayPhrases``.
    package static var holidays: [String] { holidayPhrases.map { String($0.split(separator: " ")[0]) } }
    /// Holidays and festivals of many faiths and countries, each a phrase of lower-case words. A lone word
    /// here is a holiday alone; the others are holidays only whole (`Yom Kippur`, not `Yom`).
    package static let holidayPhrases: [String] = [
        "christmas", "easter", "eid", "eid-ul-fitr", "eid-al-fitr", "eid-ul-adha", "eid-al-adha", "eid-ul-azha",
        "ramadan", "ramazan", "ramzan", "diwali", "deepavali", "deepawali", "holi", "vesak", "wesak", "hanukkah",
        "chanukah", "passover", "thanksgiving", "halloween", "navratri", "dussehra", "dasara", "onam", "pongal",
        "baisakhi", "vaisakhi", "lohri", "janmashtami", "muharram", "ashura", "nowruz", "navroz", "hogmanay",
        "kwanzaa", "pentecost", "mawlid", "chuseok", "seollal", "songkran", "juneteenth", "ugadi", "bihu", "chhath",
        "yom kippur", "rosh hashanah", "rosh hashana", "mardi gras", "raksha bandhan", "lunar new year",
        "durga puja", "ganesh chaturthi", "guru nanak jayanti", "good friday", "palm sunday", "ash wednesday",
        "boxing day", "hari raya", "chinese new year",
    ]
    package static let lists: [([String], Feature)] = [
        (holidays, .holidays),
        (Abbreviations.periodWordList, .abbreviations),
        (months, .months),
        (weekdays, .weekdays),
        (numberWords, .numberWords),
        (scales, .scales),
        (qualifiers, .qualifiers),
        (qualifierHeads, .qualifierHeads),
        (ordinals, .ordinals),
        (dateUnits, .dateUnits),
        (pluralDurations, .pluralDurations),
        (decades, .decades),
        (monthLeads, .monthLeads),
        (seasons, .seasons),
        (timeUnits, .timeUnits),
        (quantityUnits, .quantityUnits),
        (currencies, .currencies),
        (durationLeads, .durationLeads),
        (orgSuffixes, .orgSuffixes),
        (orgHeads, .orgHeads),
        (eventSuffixes, .eventSuffixes),
        (eventHeads, .eventHeads),
        (personNouns, .personNouns),
        (cues, .cues),
        (lawSuffixes, .lawSuffixes),
        (gpeSuffixes, .gpeSuffixes),
        (sentenceStarters, .sentenceStarters),
        (relativeStarts, .relativeStarts),
        (dayWords, .dayWords),
        (timeWords, .timeWords),
        (triggers, .triggers),
        (connectors, .connectors),
        (qualifierLeads, .qualifierLeads),
        (placeHeads, .placeHeads),
        (facilityHeads, .facilityHeads),
        (productHeads, .productHeads),
        (honorifics, .titles),
        (joiners, .joiners),
        (Abbreviations.formsOfAddress, .addresses),
        (functionWords, .functionWords),
        (Abbreviations.ranks, .ranks),
    ]

    /// Pronouns, conjunctions, prepositions and other closed-class words that begin no name: written with a
    /// capital only at a sentence's start or in a headline, they are `O` without asking the model (a fifth
    /// of the capitalized words of news). `The` and `A` are not here: `The Hague`, `A Tribe Called Quest`.
    package static let functionWords: [String] = ([
        "in", "on", "at", "but", "and", "or", "so", "it", "they", "he", "she", "we", "i", "you", "this", "that",
        "these", "those", "its", "their", "his", "her", "our", "my", "your", "if", "when", "while", "after",
        "before", "since", "although", "though", "because", "there", "here", "what", "why", "how", "where",
        "which", "for", "from", "with", "by", "as", "however", "meanwhile", "also", "to", "of", "is", "was", "are",
        "were", "has", "had", "have", "will", "would", "could", "should", "can", "may", "not", "no", "yes", "then",
        "than", "thus", "yet", "still", "even", "only", "just", "some", "many", "most", "all", "any", "each",
        "every", "both", "other", "such", "according", "despite", "during", "among", "between", "through",
        "about", "against", "without", "until", "unless", "whether", "once", "instead", "them", "him", "me", "us",
        // Prepositions that open a sentence before a name (`Except Ram Singh, ...`, `Unlike Ana Ruiz, ...`).
        "except", "besides", "unlike", "including", "excluding", "regarding", "concerning", "amid", "amidst", "via",
    ])

    /// Lower-case words that can stand inside a name (`Bank of Korea`, `Afonso de Jesus`, `Ludwig van
    /// Beethoven`, `Stratford-upon-Avon`); no other lower-case word continues one.
    package static let joiners: [String] = ([
        "of", "for", "and", "&", "the", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "des", "la", "le",
        "van", "von", "der", "den", "al", "el", "bin", "ibn", "ben", "y", "upon", "und", "zu", "ter", "ten",
        "delos", "dela", "degli", "dei", "bint", "binti",
    ])

    /// Titles written without a period, in British and Commonwealth style (`Mr Cameron`, `Dr Ng`).
    package static let honorifics: [String] = (["mr", "mrs", "ms", "mx", "dr", "prof", "messrs", "mme", "mlle"])

    /// The first or last word of a place that is no country, city or state (OntoNotes LOC): `Mount Everest`,
    /// `Han River`, `Korean Peninsula`, `Middle East`.
    package static let placeHeads: [String] = ([
        "river", "mountain", "mountains", "mount", "mt.", "sea", "ocean", "lake", "valley", "island", "islands",
        "peninsula", "desert", "gulf", "bay", "coast", "strait", "straits", "continent", "hills", "forest",
        "canal", "glacier", "basin", "plateau", "delta", "reef", "cape", "volcano", "east", "west", "pole",
    ])
    /// The last word of a building, a road or another structure (OntoNotes FAC): `Incheon International Airport`.
    package static let facilityHeads: [String] = ([
        "airport", "station", "bridge", "stadium", "arena", "tower", "towers", "street", "st.", "road", "rd.",
        "avenue", "ave.", "boulevard", "square", "building", "palace", "highway", "expressway", "freeway",
        "tunnel", "dam", "port", "harbor", "harbour", "terminal", "plaza", "pier", "cathedral", "temple",
        "mosque", "church", "shrine", "prison", "gate", "wall", "memorial", "monument", "line", "lane", "drive",
        "crescent", "terrace",
    ])
    /// The last word of a made thing (OntoNotes PRODUCT): `Galaxy S24 phone`.
    package static let productHeads: [String] = ([
        "phone", "smartphone", "iphone", "tablet", "laptop", "car", "sedan", "suv", "truck", "jet", "aircraft",
        "airliner", "missile", "rocket", "satellite", "drone", "console", "app", "vaccine", "drug", "chip",
    ])
}
