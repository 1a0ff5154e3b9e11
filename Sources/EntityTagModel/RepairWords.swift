/// The word lists entity-tag's repairs read (`RepairWords.streetHeads`, `RepairWords.particles`): data beside the
/// lexicon's lists, apart from the code that reads them. Each is compared word by word, ignoring case
/// (`Recognizer.isAny`).
package enum RepairWords {
    /// Kinship words that follow a title in offices (`Queen Mother`, `Holy Father`).
    package static let kinship: WordList = ["mother", "father", "consort", "dowager"]

    /// Street words the facility heads leave out.
    package static let streetHeads: WordList = ["lane", "drive", "crescent", "terrace", "parade", "esplanade", "highway",
                                                      "observatory", "headquarters", "showroom"]

    /// Points of the compass after a street's name.
    package static let directions: WordList = ["north", "south", "east", "west", "northeast", "northwest", "southeast",
                                                     "southwest", "ne", "nw", "se", "sw", "n", "s", "e", "w"]

    /// Institutions named with their head first (`Hospital Sultanah Aminah`, `Universiti Malaya`).
    package static let institutionsFirst: WordList = ["sangguniang", "hospital", "university", "universiti", "college", "institute",
                                                            "museum", "bank", "ministry", "department", "school", "clinic"]

    /// The heads of roads, which alone name none.
    package static let roadWords: WordList = ["street", "st.", "road", "rd.", "avenue", "ave.", "boulevard", "lane", "drive",
                                                    "highway", "plaza", "crescent", "terrace"]

    /// Heads of places that are no town, but may end a person's name (`Linda Park`, `Stuart Hall`): read only after
    /// a GPE (`City Hall`, `Town Hall`).
    package static let groundHeads: WordList = ["park", "ground", "grounds", "gardens", "field", "oval", "hall"]

    /// Law heads that name a law whatever else the name says (`Act`, `Code`; not `Convention`, which is often
    /// a gathering).
    package static let lawHeads: WordList = ["act", "code", "charter", "treaty", "ordinance", "decree"]

    /// Lower-case words an acronym passes over.
    package static let acronymJoiners: WordList = ["of", "for", "and", "the", "in", "on", "to", "de", "du", "des", "la", "le",
                                                         "del", "della", "di", "da", "do", "dos", "das", "van", "von", "und", "et", "&"]

    /// Last words of natural places that no town, firm or team ends with (`Fitzroy River`, `Dead Sea`).
    package static let landformHeads: WordList = ["river", "sea", "ocean", "mountains", "valley", "desert", "glacier",
                                                        "plateau", "peninsula", "basin", "catchment"]

    /// Natural places in lower case after their name (`the Fitzroy catchment`, `the Bagmati river`).
    package static let landformNouns: WordList = ["river", "rivers", "lake", "lakes", "valley", "hills", "mountains", "island",
                                                        "islands", "catchment", "basin", "creek", "peninsula", "glacier"]

    /// Last words of governed places, capitalized or not (`Kira Municipality`, `Gorkha district`); not `City`,
    /// `County` or `State`, which end clubs and universities too (`Manchester City`, `Derby County`, `Ohio State`).
    package static let unitHeads: WordList = ["municipality", "district", "province", "region", "shire", "borough",
                                                    "township", "parish", "governorate", "prefecture", "oblast", "emirate",
                                                    "regency", "tehsil", "upazila", "sub-county", "subcounty", "sub-district",
                                                    "subdistrict", "commune"]

    /// Settlements in lower case after their name (`Kisumu county`, `Gaurighat village`); not `state`, which
    /// follows people too (`a Trump state visit`).
    package static let settlementNouns: WordList = ["county", "village", "town", "city"]

    /// Those who hold a seat, and seats, in lower case after the seat's name (`Tasik Biru assemblyman`, `the Baleh
    /// constituency`): the name is a place.
    package static let seatNouns: WordList = ["assemblyman", "assemblywoman", "assemblymen", "assemblyperson", "constituency",
                                              "constituencies", "electorate"]

    /// What may stand between a name and its unit (`Rautamai rural municipality`).
    package static let unitModifiers: WordList = ["rural", "urban", "metropolitan", "sub-metropolitan"]

    /// What a place's name and its unit may name instead of the place (`town hall`, `district council`).
    package static let bodyWords: WordList = ["hall", "council", "councils", "court", "government", "assembly", "office",
                                                    "hospital", "school"]


    package static let describing: WordList = ["based", "born", "owned", "controlled", "listed", "run", "backed", "led",
                                                     "funded", "registered", "headquartered", "bred", "raised", "made", "affiliated",
                                                     "linked", "allied", "bound", "flagged"]

    /// Words that name a thing by the number after them: roads, channels, gates, flights and the like.
    package static let numberTakers: WordList = [
                "no", "no.", "route", "highway", "interstate", "radio", "channel", "formula", "terminal", "gate", "platform",
                "pier", "studio", "apollo", "flight", "ward", "district", "zone", "sector", "block", "phase", "camp", "area",
                "court", "unit", "building", "tower", "hangar", "level", "stage", "division", "league", "group", "squadron", "fund",
                "brigade", "battalion", "regiment", "corps", "fleet", "army", "column", "section", "article", "chapter",
                "bill", "proposition", "prop", "measure", "amendment", "resolution", "operation", "mission", "war",
                "vision", "agenda", "class", "grade", "lot", "plot", "parcel", "line",
    ]

    /// Month abbreviations written without a full stop.
    package static let monthAbbreviations: WordList = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    /// Currency codes written as a word before an amount (`Rs 500`, `KSh 2,000`, `USD 40 million`).
    package static let currencyCodes: WordList = ["rs", "rs.", "inr", "ksh", "kes", "sh", "ngn", "zar", "php", "myr", "rm", "sgd",
                                                        "aud", "nzd", "cad", "usd", "eur", "gbp", "jpy", "cny", "rmb", "hkd", "chf",
                                                        "idr", "rp", "pkr", "bdt", "tk", "lkr", "ghs", "ugx", "tzs", "egp",
                                                        "nis", "ils", "uah", "pln", "czk", "huf", "sek", "nok", "dkk", "isk", "bgn",
                                                        "rsd", "aed", "qar", "omr", "kwd", "bhd", "jod",
                                                        "tnd", "dzd", "etb", "rwf", "mwk", "zmw", "bwp", "mzn", "krw", "twd",
                                                        "thb", "vnd", "mnt", "kzt", "npr", "mvr", "fjd", "pgk", "jmd", "ttd",
                                                        "bbd", "gyd", "xcd", "brl", "mxn", "ars", "clp", "dhs", "qr",
                                                        "nu", "btn", "afn", "afs", "mk", "sll", "sle", "lrd", "gmd", "scr", "mur",
                                                        "frw", "fbu", "bif", "xaf", "xof", "fcfa", "cfa", "sar", "lbp", "iqd", "irr",
                                                        "sdg", "lyd", "khr", "mmk", "bnd", "lak", "uzs", "kgs", "azn", "gel", "ron",
                                                        "mdl", "mkd", "bam", "ngultrum"]

    /// Particles that stand in lower case between a person's given and family names (`Lex van Drooge`, `Ana
    /// de la Cruz`, `Siti binti Ahmad`), or that join the family name with a hyphen (`Rami al-Saadani`).
    package static let particles: WordList = ["van", "von", "der", "den", "de", "da", "del", "della", "di", "du",
                                                    "dos", "das", "do", "le", "la", "bin", "binti", "bint", "ibn", "ben",
                                                    "ter", "ten", "al", "el", "zu", "dela", "delos"]

    /// Verbs after which `'s` cannot be a possessive (`Macy's has`, `Lloyd's will`).
    package static let auxiliaries: WordList = ["is", "was", "has", "had", "will", "would", "could", "can", "should", "might",
                                                      "must", "does", "did", "expects"]

    /// Past tenses that end in no `-ed`.
    package static let irregularPasts: WordList = ["rose", "fell", "sold", "bought", "made", "took", "won", "lost", "paid", "grew",
                                                         "saw", "began", "became", "held", "kept", "led", "met", "ran", "told", "gave",
                                                         "sank", "slid", "spent", "struck", "went", "got", "came", "built", "sought"]

    /// What follows a verb and never a possessed noun's adjective: `sold 12`, `downgraded the`, `rose to`.
    package static let objectStarts: WordList = ["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those",
                                                       "to", "on", "by", "for", "from", "with", "at", "as", "up", "down", "out", "it",
                                                       "them", "some", "all", "more", "about", "nearly", "almost", "over"]

    /// Words whose `'s` is a contracted `is` or `has`.
    package static let contracting: WordList = ["nothing", "everything", "everyone", "everybody", "someone", "somebody", "something",
                                                      "nobody", "anyone", "anybody", "anything", "one", "let", "time", "life", "today",
                                                      "tomorrow", "yesterday"]

    /// Verbs a journalist's byline takes (`NPR's Dana Whitfield reported`) that the cue list leaves out.
    package static let reporting: WordList = ["reported", "reports", "reporting", "tweeted", "posted", "wrote", "writes"]

    /// A company's legal form, after which a possessive is inside the name (`McDonald's Corp`).
    package static let legalForms: WordList = ["corp", "corp.", "inc", "inc.", "co", "co.", "cos", "cos.", "ltd", "ltd.", "plc", "llc", "limited", "bhd", "bhd.", "berhad", "tbk", "tbk.",
                                                     "incorporated", "gmbh", "ag", "jsc", "pjsc", "ojsc", "cjsc", "llp", "nv", "n.v.", "bv", "b.v.",
                                                     "s.a.", "spa", "s.p.a.", "srl", "oyj", "pty", "pvt", "sdn", "sarl", "ltda", "ltda."]

    /// A football club's form, in capitals right after its name (`Simba FC`, `Nashville SC`, `Valencia CF`): the name
    /// is an organization, whatever else it looks like. (Not after a comma: `Tom Molomby, SC` is a senior counsel.)
    package static let clubForms: WordList = ["fc", "f.c.", "afc", "a.f.c.", "sc", "cf", "cd", "ac", "sk", "bk", "if"]

    /// Structures in lower case after their name and `the` (`the Cai Lan container terminal`); not `estate` or
    /// `house`, which a person's name comes before too (`the Smith estate`).
    package static let structureNouns: WordList = ["terminal", "port", "plant", "factory", "refinery", "mine", "dam",
                                                         "airport", "airstrip", "depot", "warehouse", "stadium", "prison",
                                                         "jail", "barracks", "reservoir", "bridge", "flyover", "interchange",
                                                         "expressway", "highway", "mall", "substation", "smelter"]

    /// Last words no person's name ends with, and what a name ending in one is: a building or a site
    /// (`FAC`), a governed place (`GPE`) or a body (`ORG`). Words that are also family names (`Street`,
    /// `Lane`, `Temple`, `Church`, `Park`) are left out.
    package static let facilityEnds: WordList = ["airport", "stadium", "arena", "prison", "jail",
                                                       "barracks", "museum", "library", "cathedral", "mosque", "hotel",
                                                       "expressway", "motorway", "airfield", "aerodrome", "playgrounds",
                                                       "showground", "showgrounds", "racecourse", "quay", "wharf", "jetty",
                                                       "courthouse", "fairground", "fairgrounds", "coliseum", "colosseum", "shelter", "farm"]
    package static let placeEnds: WordList = ["county", "municipality", "district", "province", "prefecture", "township",
                                                    "governorate", "oblast", "upazila", "sub-county"]
    package static let bodyEnds: WordList = ["police", "hospital", "clinic", "exchange", "bourse", "parishad", "panchayat", "nigam", "palika", "sabha", "samiti", "morcha", "ministry", "department", "council", "committee", "commission",
                                                   "authority", "agency", "university", "college", "academy", "institute",
                                                   "airways", "airlines", "corporation", "company", "bank", "party", "union",
                                                   "association", "federation", "foundation", "trust", "society", "services",
                                                   "service", "force", "directorate", "secretariat", "tribunal",
                                                   // a company's last words, which no person's name ends in either
                                                   "holdings", "industries", "group", "technologies", "lifesciences",
                                                   "biosciences", "therapeutics", "pharmaceuticals", "enterprises", "ventures",
                                                   "investments", "logistics", "electronics", "securities", "railway", "railways",
                                                   "builders", "contractors", "developers", "theatre", "theater", "schools",
                                                   // and a gallery's, a brewery's
                                                   "gallery", "galleries", "brewery", "breweries", "distillery", "winery",
                                                   // and a programme's, a law firm's, a health provider's, a cruise line's
                                                   "programme", "program", "advocates", "associates", "solicitors", "attorneys",
                                                   "healthcare", "seafoods", "seafood", "cruises",
                                                   // and a miner's
                                                   "resources", "minerals", "metals",
                                                   // and an engineer's, a builder's, a railway's, a consultant's
                                                   "engineering", "construction", "rail", "consulting", "cement", "chemicals",
                                                   "telecom", "telecoms", "shipping", "motors", "holding",
                                                   // and a maker's
                                                   "packaging", "mills", "foods", "brewing",
                                                   // and an orchestra's or a choir's
                                                   "orchestra", "philharmonic", "symphony", "choir", "chorale", "ensemble",
                                                   // and a church's
                                                   "diocese", "archdiocese", "eparchy"]

    /// The body words that make a place's name a body's (`Waikato East Police`); not `Bank`, `Union` or
    /// `Federation`, which end places' names too (`West Bank`, `Soviet Union`, `Russian Federation`).
    package static let bodyEndsAfterPlaces: WordList = ["police", "hospital", "clinic", "exchange", "ministry", "council", "committee", "commission",
                                                              "authority", "agency", "airways", "airlines", "corporation",
                                                              "company", "university", "college", "academy", "institute",
                                                              "service", "services", "directorate", "secretariat", "tribunal",
                                                              "diocese", "archdiocese",
                                                              // a company's (`Shandong Port Group`, `South Eastern Railway`)
                                                              "group", "holdings", "industries", "railway", "railways", "builders",
                                                              "contractors", "theatre", "theater", "schools", "healthcare",
                                                              // (`Shanghai Tunnel Engineering`, `Chennai Metro Rail`)
                                                              "engineering", "construction", "rail", "consulting", "shipping",
                                                              // a maker's or a utility's (`Green Bay Packaging`, `Kenya Power`)
                                                              "packaging", "mills", "foods", "brewing", "steel", "mining", "energy",
                                                              "power", "logistics", "motors"]

    /// The last words of offices' subunits (`Criminal Investigations Division`), each a body of its own when two
    /// are joined by `and`.
    package static let subunitHeads: WordList = ["division", "section", "unit", "department", "ministry", "office", "bureau",
                                                       "directorate", "agency", "command", "branch", "squad", "team", "desk"]

    /// The plural last words of places' names (`Beverly Hills`, `Sioux Falls`), which teams' names are not.
    package static let placePlurals: WordList = ["islands", "hills", "heights", "falls", "springs", "rapids", "plains", "lakes",
                                                       "territories", "highlands", "lowlands", "midlands", "flats", "gardens",
                                                       "woods", "sands", "downs", "keys", "mountains", "alps", "states", "emirates",
                                                       "provinces", "isles", "meadows", "mills", "wells", "banks", "fields"]

    /// People in lower case after a place's name used as an adjective (`a Texas man`, `Oregon residents`).
    package static let peopleAfterPlaces: WordList = ["man", "woman", "men", "women", "boy", "girl", "teen", "teenager",
                                                            "resident", "residents", "native", "couple", "family", "driver",
                                                            "youth", "farmer", "farmers", "student", "students", "official",
                                                            "officials", "lawmaker", "lawmakers", "voters", "mother", "father"]

    /// Offices written after the body or the place they are of (`SEDD Chairman`, `Country Manager`), which end its name.
    /// (Not `leader`, which ends newspapers' names: `The Northern Leader`.)
    package static let trailingOffices: WordList = ["chairman", "chairwoman", "chairperson", "member", "manager", "director",
                                                         "secretary", "president", "ceo", "spokesman", "spokeswoman",
                                                         "spokesperson", "treasurer", "founder", "convenor", "convener",
                                                         "coordinator", "commissioner", "registrar", "superintendent",
                                                         "co-chief", "co-ceo", "co-founder", "co-chair", "co-chairman"]
    /// Words that qualify an office before it (`Country Manager`, `Artistic Director`, `Managing Director`).
    package static let officeQualifiers: WordList = ["country", "artistic", "managing", "executive", "general", "deputy", "vice",
                                                          "regional", "acting", "chief", "senior", "assistant", "finance", "marketing",
                                                          "technical", "operations", "programme", "program", "communications",
                                                          "interim", "founding", "project", "sales", "creative", "high"]

    /// Institutions named after a person, whose word ends the name (`MacKenzie Art Gallery`, `Ada Pell Memorial Foundation`).
    package static let namedInstitutions: WordList = ["gallery", "museum", "foundation", "institute", "academy", "library",
                                                           "trust", "fund", "society", "college", "school", "university"]

    /// Everyday nouns whose possessive opens a body's name (`Children’s Discovery Center`, `Women’s Refuge`).
    package static let possessingNouns: WordList = ["children", "women", "men", "people", "peoples", "veterans", "workers",
                                                         "farmers", "citizens", "nations", "teachers", "doctors", "nurses",
                                                         "miners", "seamen", "sailors", "soldiers", "girls", "boys", "mothers"]

    /// Offices in lower case that set off a person's name before them (`Muralidhar Rao, national general secretary of`).
    package static let apposedOffices: WordList = ["secretary", "minister", "president", "chairman", "chairwoman", "chairperson",
                                                        "director", "spokesman", "spokeswoman", "spokesperson", "leader", "head",
                                                        "governor", "mayor", "commissioner", "founder", "ceo", "member", "coordinator",
                                                        "manager", "treasurer", "registrar", "principal", "vice-chancellor", "dean"]

    /// A party's members, after the place they sit for (`Kentucky Republican`).
    package static let partyMembers: WordList = ["republican", "republicans", "democrat", "democrats"]

    /// Who lives in or comes from a place, after its name (`Moretown resident`, `a Lusaka native`): the name no
    /// list holds is the place.
    package static let dwellers: WordList = ["resident", "residents", "native", "natives", "villagers", "townspeople"]

    /// Bodies and people in lower case after a place's name used as an adjective (`Hamilton police`, `Ohio
    /// officials`): the place is named, the body is not.
    package static let bodiesAfterPlaces: WordList = ["police", "officials", "authorities", "council", "councillors",
                                                           "government", "residents", "officers", "lawmakers", "voters",
                                                           "prosecutors", "firefighters", "paramedics", "schools"]

    /// First words of ranks of two words (`Lance Corporal`, `Staff Sergeant`, `Petty Officer`), which alone
    /// may be names (`Lance Armstrong`).
    package static let rankLeads: WordList = ["lance", "staff", "master", "warrant", "petty", "flight", "squadron", "wing",
                                                    "first", "second", "sergeant"]

    /// A minister's portfolio written before the office (`Foreign Minister`, `Defence Secretary`), which names no body.
    package static let portfolios: WordList = [
        "foreign", "finance", "defence", "defense", "interior", "home", "health", "education", "justice", "trade",
        "energy", "environment", "transport", "agriculture", "labour", "labor", "economy", "economic", "culture",
        "tourism", "sports", "sport", "information", "communications", "housing", "water", "mining", "petroleum",
        "fisheries", "planning", "works", "security", "immigration", "science", "technology", "industry", "commerce",
        "investment", "infrastructure", "youth", "women", "children", "welfare", "environmental", "climate", "digital",
        "budget", "revenue", "employment", "prisons", "local", "regional", "rural", "urban", "social",
        // India's federal ministers (`Union Minister Nitin Gadkari`).
        "union",
    ]
    /// The offices a portfolio stands before.
    package static let portfolioOffices: WordList = ["minister", "ministers", "secretary", "secretaries", "critic", "czar", "tsar"]

    /// Acronyms of things, not names (`AI`, `GDP`, `IPO`, `EVs`): a capitalized shape the model reads as a body's.
    package static let commonAcronyms: WordList = [
        "ai", "agi", "gdp", "gnp", "gst", "vat", "cpi", "ipo", "ipos", "etf", "etfs", "eps", "ev", "evs", "suv", "suvs", "tv",
        "pc", "pcs", "hiv", "covid", "covid-19", "dna", "rna", "mrna", "atm", "atms", "led", "usb", "gps", "sms", "pdf", "api",
        "apis", "vr", "ar", "iot", "lng", "lpg", "cng", "gmo", "ppe", "icu", "mri", "ptsd", "adhd", "ivf", "ceo", "ceos", "cfo",
        "coo", "cto", "faq", "url", "html", "ram", "cpu", "gpu", "gpus", "ssd", "4g", "5g", "wi-fi", "ngo", "ngos", "sme", "smes",
        // Finance's measures (`EBITDA rose 12%`).
        "ebitda", "ebit", "capex", "opex", "roe", "roi", "aum", "nav", "yoy", "qoq", "ytd",
    ]
    /// Last words of an event's name that the model reads as a body's (`Leaders' Meeting`, `Peterloo Massacre`).
    package static let eventEnds: WordList = ["meeting", "summit", "massacre", "olympics", "championships", "marathon", "expo",
                                              "uprising", "riots", "earthquake", "tsunami", "fest"]
    /// Last words of a natural place's name (`Great Barrier Reef`, `Zambezi River`).
    package static let naturalEnds: WordList = ["reef", "reefs", "atoll", "lagoon", "river", "mountains", "desert", "canyon",
                                                "glacier", "falls", "strait", "gulf", "peninsula", "volcano"]
    /// Generational suffixes after a family name (`Jr.`, `III`).
    package static let generations: WordList = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]

    /// The lower-case words inside a law's name (`Protection from Harassment Act`, `Prevention of Terrorism Act`).
    package static let lawJoiners: WordList = ["of", "from", "and", "for", "on", "against", "to", "in", "&"]
}
