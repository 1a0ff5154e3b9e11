import LedeText

/// The word lists attribution consults: an instance built once with the stage and borrowed, since a
/// `static` set is copied (its storage retained and released) at every lookup.
package struct Lists: Sendable {
    /// The lists, built once per stage.
    package init() {}

    /// Verbs of belief, which report a speaker's view in the paragraph before a paragraph of their speech (`Cllr
    /// Gould believes ...`), though they never attribute a quotation themselves.
    package let beliefVerbs = WordSet(["believes", "believed", "thinks", "thought", "feels", "felt", "fears", "feared", "doubts", "doubted",
                               "hopes", "hoped", "expects", "reckons", "reckoned", "worries", "worried"])
    /// How a person felt, which news reports before a paragraph of their speech (`Moala was proud to have helped ...`).
    package let feelingVerbs = WordSet(["was", "is", "were", "felt", "feels", "seemed", "looked"])
    package let feelings = WordSet([
        "proud", "delighted", "pleased", "happy", "thrilled", "elated", "ecstatic", "overjoyed", "relieved", "satisfied",
        "disappointed", "frustrated", "upset", "gutted", "devastated", "saddened", "dismayed", "angry", "furious",
        "confident", "optimistic", "hopeful", "grateful", "thankful", "humbled", "honoured", "honored", "excited",
        "concerned", "worried", "adamant", "philosophical", "bullish", "upbeat", "full",
    ])
    /// Verbs of speaking about something that quote nothing themselves (`Lions coach Glen Williams praised the opposition
    /// and spoke about ...`): like ``beliefVerbs``, they report the speaker of a paragraph of speech after them.
    package let speechActs = WordSet([
        "spoke", "speaks", "talked", "praised", "praises", "hailed", "lauded", "thanked", "reflected", "criticised", "criticized",
        "slammed", "blasted", "welcomed", "described", "addressed", "shared", "discussed", "apologised", "apologized",
        "defended", "questioned", "challenged", "appealed", "congratulated", "paid",
        // A court's or an official's order, quoted after it (`the Magistrate ordered medical tests ...`).
        "ordered", "directed", "instructed",
    ])
    /// Orders among ``speechActs``, which report speech only from a person or an office.
    package let orders = WordSet(["ordered", "directed", "instructed"])
    /// Verbs by which a statement is sent, and the statement's words (`sent a statement to media`).
    /// Nouns a title in quotation marks is the name of, after a comma (`the event, “Arresting Crime”`).
    package let namedThings = WordSet(["event", "forum", "conference", "summit", "theme", "campaign", "programme", "program",
                               "initiative", "project", "report", "book", "film", "documentary", "series", "show", "song",
                               "album", "exhibition", "play", "slogan", "motto", "seminar", "workshop", "webinar", "symposium"])
    /// Meeting the press, which reports the answers after it (`faced the media`, `briefed reporters`).
    package let pressVerbs = WordSet(["faced", "met", "briefed", "addressed", "told", "updated"])
    package let pressNouns = WordSet(["media", "press", "reporters", "journalists", "newsmen"])
    package let sendingVerbs = WordSet(["sent", "issued", "released", "gave", "delivered", "read", "published", "entered", "posted",
                                "signed", "filed", "made", "shared"])
    package let writtenStatements = WordSet(["statement", "message", "letter", "address"])
    /// Personal titles (`Mr`, `Dr.`), which stand before a name and name no office.
    package let titles = WordSet(Abbreviations.formsOfAddress)
    /// Titles and offices that stand before a name (`Premier Dan Moss`, `Maj. Gen. Kim`, `CFO Lee`); with a
    /// determiner and no name (`the Premier`), a role noun whose holder is looked up.
    package let roles = WordSet([
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "mr.", "mrs.", "ms.", "dr.", "prof.",
        "hon", "hon.", "rev", "rev.", "gen", "gen.", "maj", "maj.", "lt", "lt.", "col", "col.", "capt", "capt.", "sgt", "sgt.",
        "gov", "gov.", "sen", "sen.", "rep", "rep.", "adm", "adm.", "supt", "supt.", "insp", "insp.", "cmdr", "cmdr.",
        "president", "president-elect", "vice-president", "minister", "premier", "taoiseach", "tánaiste", "chancellor",
        "secretary", "governor", "mayor", "senator", "mp", "mla", "mep", "td", "cm", "pm", "dpm", "dcm", "chief", "deputy", "chair",
        "chairman", "chairwoman", "chairperson", "spokesperson", "spokesman", "spokeswoman", "leader", "judge", "justice",
        "inspector", "superintendent", "commissioner", "councillor", "councilor", "ceo", "cfo", "coo", "cto", "director",
        "king", "queen", "prince", "princess", "sheikh", "emir", "ambassador", "commander", "professor", "editor",
        "correspondent", "coach", "captain", "constable", "detective", "sergeant", "general", "admiral", "brigadier",
        "colonel", "lieutenant", "major", "bishop", "archbishop", "cardinal", "pope", "imam", "rabbi", "presenter", "host",
        "boss", "lawmaker", "legislator", "member", "officer", "manager", "founder", "head", "envoy", "magistrate",
        "attorney-general", "treasurer", "speaker", "whip", "sheriff", "marshal", "warden", "lawyer", "attorney", "prosecutor",
        "solicitor", "barrister", "counsel", "advocate", "analyst", "economist", "coroner", "principal", "pastor", "priest",
        "striker", "midfielder", "defender", "goalkeeper", "winger", "skipper",
        // Forms of address of West African copy and styles of royalty and heads of state (`Madam Quarshie`, `Hajia
        // Bintu`, `His Majesty said`, `His Excellency`).
        "madam", "madame", "majesty", "excellency", "highness", "holiness", "sultan", "monarch", "ruler",
        // Trades and posts named before a name (`Extension Agent Kelsey Nordyke`, `Project Coordinator Ama Boateng`).
        "agent", "specialist", "coordinator", "educator", "technician", "consultant", "adviser", "advisor", "strategist",
        "planner", "engineer", "surveyor", "historian",
        // Indian and South Asian district offices (`District Collector S. Divya`, `the Tahsildar said`).
        "collector", "tahsildar", "tehsildar", "sarpanch",
        // British and Commonwealth peerages and local offices (`Baroness Whitcombe`, `Cllr Mary Dunmore`, `Coun Ann Hale`,
        // `Det Insp Tom Harland`, `the Rt Hon Jane Pellow`).
        "baroness", "baron", "viscount", "viscountess", "earl", "countess", "duke", "duchess", "marquess", "cllr", "cllr.",
        "det", "det.", "rt", "rt.", "ald", "ald.", "cr", "cr.", "coun", "coun.",
        // Police offices by their initials (`the DCP`, `ACP Ravi Nair`, `CoP Ansel Roy`).
        "dcp", "acp", "cop",
        // Ranks below sergeant (`Cpl. Ravi Okafor`, `Pte Dan Hale`).
        "cpl", "cpl.", "pte", "pte.", "pvt", "pvt.", "corporal",
        // Malaysian honours of one word (`Datuk Fahmi Fadzil`, `Tun Mahathir`), Nigerian and Indian honorifics and
        // professional titles (`Alhaji`, `Otunba`, `Arakunrin`, `Engr`, `Barr`, `Shri`, `Smt`).
        "datuk", "datin", "tun", "alhaji", "alhaja", "hajia", "otunba", "asiwaju", "arakunrin", "mallam", "malam",
        "engr", "engr.", "barr", "barr.", "shri", "smt",
        // Ireland's `Clr`, and offices by their initials in Kenya and Nigeria (`County Commissioner Ann Wairimu` is `the
        // CC`; `DPO Musa Bello`, a divisional police officer), and an attorney general (`the AG`).
        "clr", "clr.", "cc", "dcc", "dpo", "cp", "ag",
        // Local offices (`the Cathaoirleach of the district, Cllr John Carroll`, `Reeve Ann Dyck`, `Ald. Tom Birch`).
        "cathaoirleach", "reeve", "alderman", "alderwoman", "councilman", "councilwoman", "registrar", "administrator",
        "councilmember", "trustee", "supervisor", "selectman", "selectwoman", "freeholder", "assemblyman", "assemblywoman",
        // Fiji's chiefly title (`Ratu Naiqama Lalabalavu`), and Ireland's police rank (`Det Gda Ann Ryan`).
        "ratu", "gda", "gda.", "garda",
        // Bhutan's titles of ministers and the prime minister (`Lyonchoen Tshering Tobgay`, `Lyonpo Dorji`, `Dasho`).
        "lyonchoen", "lyonpo", "dasho",
        // Offices by their initials (`the CG`, a consul general; `the DG`; `MD Ravi Rao`; `the PRO`, a public relations
        // officer; Kenya's `CS`, a cabinet secretary; `the VC`), and seats (`Westlands MCA Jane Otieno`, `MPP`, `MNA`).
        "cg", "dg", "md", "gm", "vc", "cs", "pro", "mca", "mna", "mpa", "mpp", "mha", "mlc", "msp", "mhk",
    ] + Abbreviations.ranks + Self.constables) // `SSP Operations Ali Raza`, `AIG Legal-II Habib Khan`, `DSP (Crime) John Doe`
    /// A constable's rank abbreviated before a name, as Canadian and British forces write it (`Const. Dana Reyes`,
    /// `Cst. Ravi Gill`), which the shared list of ranks does not hold.
    static let constables = ["const", "const.", "cst", "cst."]
    /// Suffixes after a name, written with a period that ends no sentence before a comma (`Romeo Caramat Jr.,`).
    package let nameSuffixes = WordSet(["jr", "sr", "jnr", "snr"])
    /// Police and military ranks as abbreviations (`PBGen`, `Supt`), whose period ends no sentence before a name.
    package let rankAbbreviations = WordSet(Abbreviations.ranks + Self.constables)
    /// Words that cannot open a speaker phrase: auxiliaries left of a participle cue (`has been suspended after
    /// telling them:`) and relative pronouns (`, which he denied`).
    package let notPhraseStarts = WordSet([
        "has", "have", "had", "was", "were", "is", "are", "been", "be", "would", "will", "could", "should", "which",
        "who", "whom", "whose",
    ])
    /// The first and second words of Malaysian honours of two words (`Tan Sri`, `Datuk Seri`, `Dato Sri`).
    package let honourFirsts = WordSet(["tan", "datuk", "dato", "datin", "puan", "toh"])
    package let honourSeconds = WordSet(["sri", "seri", "paduka", "puan"])
    /// Letters written after a name (`Jane Pellow MP`, `Sean Carey TD`), which end the name rather than
    /// name an office on their own.
    package let postNominals = WordSet(Abbreviations.postNominals)
    /// Particles after a verb that introduces a quotation with a colon (`interjected with:`, `hit back with:`).
    package let verbParticles = WordSet(["with", "back", "by"])
    /// Auxiliaries before a participle that make it the verb (`is urging`, `was telling`).
    package let progressives = WordSet(["is", "are", "was", "were", "been"])
    /// Auxiliaries before a verb of reporting in the passive (`he was quoted as saying`).
    package let passiveAuxiliaries = WordSet(["was", "is", "were", "are", "has", "had", "have"])
    /// Verbs of reporting in the passive, whose subject is the speaker (`was quoted by the agency as saying`, `was
    /// heard saying`, `was recorded as saying`).
    package let reportedPassives = WordSet(["quoted", "heard", "recorded", "filmed", "cited", "overheard", "reported"])
    /// Verbs not in -ed that take those particles (`came back with:`, `hit back:`, `began with,`).
    package let comeVerbs = WordSet(["came", "hit", "shot", "fired", "struck", "began", "begun"])
    /// Nouns naming what someone said (`Her verdict: "..."`).
    package let speechNouns = WordSet([
        "verdict", "message", "response", "reply", "answer", "words", "advice", "view", "take", "reaction", "warning",
        "plea", "retort", "assessment", "conclusion", "explanation", "promise", "comment", "comments", "statement",
    ])
    /// Cue verbs of asking.
    package let questions = WordSet(["asked", "asks", "ask", "wondered", "questioned"])
    /// Cue verbs of written text, which introduce a quotation only with the punctuation of attribution.
    package let reading = WordSet(["read", "reads"])
    /// Words that open a clause inside a sentence (`... as Chaudhari said:`).
    package let subordinators = WordSet(["as", "when", "while", "because", "since", "where", "whereas", "although", "though", "if"])
    /// Words that open a clause without being part of its subject.
    package let connectives = WordSet([
        "and", "but", "so", "then", "still", "yet", "however", "meanwhile", "earlier", "later", "now", "also",
        "instead", "finally", "separately", "today", "yesterday", "when", "while", "as", "or", "before", "after",
        "once", "again", "thus", "too", "afterwards", "afterward", "subsequently", "additionally", "likewise", "similarly",
    ])
    /// Words between a subject and its cue verb (`Kim also said`, `They had written`).
    package let adverbs = WordSet([
        "also", "later", "then", "further", "once", "again", "has", "had", "have", "was", "were", "is", "are", "would",
        "will", "could", "previously", "recently", "earlier", "simply", "repeatedly", "quickly", "both", "all",
        "finally", "never", "often", "first", "last", "reportedly", "publicly", "only", "just", "even", "himself",
        "herself", "themselves", "itself", "not", "too", "quietly", "angrily", "flatly", "proudly", "firmly", "softly",
        "calmly", "openly", "already", "immediately", "frequently", "privately",
        // `the coach always says`: how often, between a subject and its cue.
        "always", "usually", "sometimes", "still", "routinely", "regularly",
    ])
    /// Words that end a speaker phrase after `said` (`said Kim on Tuesday`).
    package let npBreaks = WordSet([
        "on", "in", "at", "after", "before", "during", "when", "while", "as", "to", "from", "yesterday", "today",
        "tonight", "last", "this", "adding", "saying", "who", "which", "than",
        // `said Engr. Fernando Lopez Tuesday`: the day it was said.
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ])
    /// Words that cannot open a sentence's subject.
    package let notSubjects = WordSet([
        "in", "on", "at", "according", "after", "before", "during", "under", "as", "for", "from", "with", "without",
        "by", "since", "despite", "if", "when", "while", "although", "though", "because", "to", "of", "over", "among",
        "there", "it", "this", "that", "what", "here", "asked", "speaking",
        // Prepositions that open a sentence (`Near the end of the interview, he ...`).
        "near", "amid", "following", "around", "through", "throughout", "within", "against", "across", "along",
        "alongside", "behind", "beyond", "outside", "inside", "towards", "toward", "upon", "until", "unlike", "like",
    ])
    /// Nouns of time that head a phrase opening a sentence (`The next day, ...`), never its subject.
    package let timeNouns = WordSet([
        "day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "afternoon", "evening", "night",
        "weekend", "time",
    ])
    /// Lone words that are no speaker.
    package let notSpeakers = WordSet(["this", "that", "there", "here", "what", "which", "who", "one", "nobody", "everyone",
                                         // A determiner alone (`After a $3 million write-down ...`) is no phrase.
                                         "a", "an", "the", "its", "their", "his", "her", "our"])
    /// Determiners and possessives that open a noun phrase.
    package let determiners = WordSet(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "one", "each"])
    /// Lowercase words inside names (`Bank of Korea`, `Ministry of the Interior`, `van Gogh`).
    package let nameParticles = WordSet(["of", "the", "and", "for", "de", "van", "von", "der", "da", "du", "le", "la", "bin", "al"])
    /// Prepositions that follow the head noun of a phrase (`the head of the union`, `a forecaster at the agency`).
    package let prepositions = WordSet(["of", "at", "in", "on", "from", "for", "with", "to", "who", "whose"])
    /// Words that open the occasion or the place of a statement between its speaker and the cue (`Owen Coyle in the
    /// post-match press conference said`, `Ms Reid at the launch said`).
    package let occasionLinks = WordSet(["in", "at", "during", "while", "after", "on", "via", "through", "when"])
    /// Nouns that name a person.
    package let personNouns = WordSet([
        "official", "spokesman", "spokeswoman", "spokesperson", "minister", "lawmaker", "president", "head", "chief",
        "director", "producer", "curator", "mayor", "governor", "man", "woman", "resident", "professor", "researcher",
        "analyst", "economist", "collector", "leader", "chairman", "chairwoman", "chair", "lawyer", "attorney", "actor",
        "actress", "forecaster", "driver", "worker", "soldier", "officer", "member", "secretary", "ambassador", "envoy",
        "judge", "prosecutor", "doctor", "nurse", "teacher", "student", "father", "mother", "son", "daughter", "wife",
        "husband", "brother", "sister", "captain", "coach", "player", "runner", "finisher", "winner", "victim",
        "witness", "expert", "scientist", "glaciologist", "colleague", "author", "writer", "poet", "artist", "singer",
        "photographer", "journalist", "reporter", "editor", "manager", "executive", "ceo", "founder", "owner",
        "operator", "activist", "defector", "farmer", "survivor", "candidate", "senator", "representative",
        "chancellor", "premier", "king", "queen", "prince", "princess", "pope", "priest", "bishop", "monk", "boy",
        "girl", "friend", "neighbor", "neighbour", "veteran", "engineer", "diplomat", "commander", "general",
        "prisoner", "organizer", "organiser", "chairperson", "dean", "principal", "physician", "pilot", "guard",
        "historian", "economist", "designer", "filmmaker", "musician", "citizen", "parent", "grandmother",
        "grandfather", "mp", "deputy", "adviser", "advisor", "aide", "negotiator", "inspector", "sergeant",
        "comedian", "novelist", "playwright", "podcaster", "lecturer", "academic", "scholar", "don", "pundit",
        "commentator", "campaigner", "entrepreneur", "investor", "banker", "trader", "columnist", "presenter",
        "broadcaster", "chef", "athlete", "cricketer", "footballer", "batter", "bowler", "striker", "midfielder",
        "master", "harbourmaster", "counsel", "councillor", "councilor", "consultant", "superintendent", "registrar",
        "administrator", "coordinator", "co-ordinator", "convenor", "convener", "surgeon", "paramedic", "planner",
    ])
    /// Nouns that name a group or an organization (referred to as `they` or `it`).
    package let groupNouns = WordSet([
        "group", "government", "ministry", "agency", "company", "firm", "committee", "union", "council", "party",
        "court", "office", "police", "organization", "organisation", "association", "alliance", "solidarity",
        "administration", "bank", "board", "army", "military", "navy", "institute", "university", "school",
        "hospital", "museum", "festival", "team", "club", "federation", "league", "commission", "department",
        "service", "authority", "authorities", "bureau", "parliament", "assembly", "cabinet", "embassy",
        "delegation", "side", "campaign", "coalition", "network", "foundation", "fund", "center", "centre",
        "newspaper", "broadcaster", "state", "city", "country", "nation", "regime", "family", "families", "crew",
        "airline", "carrier", "maker", "chipmaker", "automaker", "manufacturer", "operator", "startup", "network",
        "organizers", "organisers", "researchers", "officials", "police", "prosecutors", "protesters",
    ])
    /// Last words of the name of an organisation or one of its units (`Northvale District Police`, `Tarrow
    /// Freight Ltd`), besides ``orgSuffixes``.
    package let units = WordSet([
        "police", "force", "constabulary", "command", "station", "unit", "squad", "division", "branch", "department",
        "dept", "dept.", "ministry", "authority", "agency", "bureau", "board", "commission", "trust", "hospital",
        "college", "school", "services", "limited", "ltd", "plc", "inc", "llc", "corp", "co", "gmbh",
    ])
    /// Styles of royalty, heads of state and churches, after `His` or `Her` (`His Majesty`, `Her Excellency`).
    package let styles = WordSet(["majesty", "excellency", "highness", "holiness", "eminence", "grace", "lordship", "ladyship"])
    /// Nouns by which news names again someone it has just named (`the don`, `the veteran`, `the lawmaker`): after
    /// `the`, resolved as `he` or `she` would be.
    package let epithets = WordSet([
        "don", "academic", "lecturer", "scholar", "lawmaker", "legislator", "politician", "veteran", "star", "actor",
        "actress", "singer", "musician", "writer", "author", "novelist", "playwright", "artist", "comedian", "entrepreneur",
        "businessman", "businesswoman", "cricketer", "footballer", "athlete", "striker", "skipper", "batter", "bowler",
        "midfielder", "defender", "goalkeeper", "winger", "frontman", "filmmaker", "director", "activist", "campaigner",
        // Sport's names for a manager (`the Jamshedpur FC gaffer said`, `the Hoops boss`).
        "gaffer", "tactician", "supremo",
    ])
    /// Determiners that open a described speaker or its verb's object (`A small bakery sent a note`).
    package let articles = WordSet(["a", "an", "the", "his", "her", "its", "their", "our"])
    /// Small words inside a noun phrase that stand before a determiner without being its verb (`the head of the
    /// union`, `a man near the door`), besides prepositions, particles and connectives.
    package let phraseLinks = WordSet([
        "about", "into", "onto", "beside", "besides", "between", "past", "via", "than", "per", "off", "up", "down",
        "out", "nor", "all", "both", "half", "inside", "outside", "near", "by", "under", "over", "across", "around",
        "behind", "beyond", "within", "without", "among", "amid", "against", "along", "toward", "towards", "like",
        "called", "named", "dubbed", "known",
    ])
    /// Finite forms of `be`, `have` and the modals, which end a described speaker (`The MP was ...`).
    package let finiteVerbs = WordSet(["was", "were", "is", "are", "has", "had", "have", "will", "would", "could", "should"])
    /// Verbs that take a verb of saying in the infinitive after them (`He went on to say,`, `She continued to tell`),
    /// which end its subject.
    package let catenatives = WordSet([
        "went", "goes", "go", "continued", "continues", "proceeded", "proceeds", "wanted", "wants", "decided", "decides",
        "chose", "chooses", "tried", "tries", "began", "begins", "started", "starts", "paused", "stopped", "rose", "stood",
        "used", "had", "has", "have", "would", "will", "did", "does",
    ])
    /// Nouns of places that name one after `of` (`the town of Ashby`), which no person is.
    package let placeNouns = WordSet([
        "town", "city", "village", "hamlet", "community", "communities", "settlement", "suburb", "township", "municipality",
        "district", "county", "province", "state", "region", "island", "islands", "port", "parish", "borough", "capital",
    ])
    /// Self-naming verbs and nouns after `who` (`a man who identified himself as Sipho`, `who gave her name as Ann`).
    package let selfNaming = WordSet(["identified", "introduced", "name", "named", "calls", "called", "described"])
    /// Modal verbs that no finite-verb list above holds (`she can be heard shouting`).
    package let modals = WordSet(["can", "may", "might", "must", "shall"])
    /// Relative pronouns, which end a described speaker (`The man who found the boat said`).
    package let relatives = WordSet(["who", "which", "that", "whom", "whose"])
    /// Last words that make a capitalized name an organization.
    package let orgSuffixes = WordSet([
        "union", "alliance", "solidarity", "ministry", "court", "agency", "party", "group", "institute",
        "association", "council", "committee", "office", "service", "administration", "organization", "bank",
        "university", "museum", "corporation", "corp.", "inc.", "ltd.", "co.", "company", "federation", "league",
        "commission", "foundation", "center", "centre", "network", "news", "times", "post", "assembly", "government",
    ])
}
