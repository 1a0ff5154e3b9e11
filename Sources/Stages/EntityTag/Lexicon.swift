import Kernel

/// The closed word lists of the rules (everything open-ended is in the gazetteer).
///
/// An instance, built once with the tagger: the rules borrow its sets through the tagger, where a `static`
/// set would be copied (its storage retained and released) on every lookup of every word.
struct Lexicon: Sendable {
    /// Words whose period is no full stop.
    let abbreviations = WordSet([
        "mr", "mrs", "ms", "dr", "prof", "gov", "gen", "sen", "rep", "st", "jr", "sr", "mt", "ft", "lt", "col", "capt",
        "sgt", "rev", "adm", "maj", "cmdr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "no", "co", "corp", "inc", "ltd", "vs", "etc", "a.m", "p.m",
    ])
    /// Months, full and abbreviated; the value is the month number.
    let months = WordSet([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    ])
    let weekdays = WordSet(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
    /// Number words (`two` to `ninety`, and the scales).
    let numberWords = WordSet([
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "hundreds", "thousands", "millions",
        "dozens", "tens",
    ])
    /// Scales that follow a number (`9 trillion`).
    let scales = WordSet(["hundred", "thousand", "million", "billion", "trillion"])
    /// One-word qualifiers kept in a count (`around 15,000`); two-word ones are in `qualifierPairs`.
    let qualifiers = WordSet([
        "about", "around", "nearly", "almost", "over", "some", "roughly", "approximately", "only", "just", "under",
        "barely", "exactly", "estimated",
    ])
    /// The first word of two-word qualifiers: `more than`, `fewer than`, `less than`, `at least`, `up to`,
    /// `as many as` (the second word is checked by the rule).
    let qualifierHeads = WordSet(["more", "fewer", "less", "at", "up", "as", "close", "well"])
    let ordinals = WordSet(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])
    let dateUnits = WordSet([
        "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "century", "centuries",
        "weekend", "weekends", "quarter",
    ])
    let pluralDurations = WordSet(["months", "years", "decades", "weeks"])
    let decades = WordSet(["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"])
    /// Words before `May` that make it the month.
    let monthLeads = WordSet(["in", "of", "since", "until", "by", "last", "next", "early", "late", "mid", "this"])
    let seasons = WordSet(["spring", "summer", "autumn", "fall", "winter"])
    let timeUnits = WordSet(["hour", "hours", "minute", "minutes", "second", "seconds"])
    let quantityUnits = WordSet([
        "millimeters", "millimetres", "millimeter", "mm", "centimeters", "centimetres", "cm", "meters", "metres", "meter",
        "metre", "kilometers", "kilometres", "kilometer", "km", "miles", "mile", "feet", "foot", "inches", "inch",
        "kilograms", "kilogram", "kg", "grams", "gram", "tons", "tonnes", "ton", "pounds", "liters", "litres", "gallons",
        "barrels", "degrees", "acres", "hectares", "knots", "megawatts", "gigawatts",
    ])
    let currencies = WordSet(["won", "dollars", "dollar", "euros", "euro", "yen", "yuan", "pounds", "rubles", "rupees", "francs", "pesos"])
    /// Words after which `a decade`, `a month` is a date.
    let durationLeads = WordSet(["within", "for", "in", "over", "about", "nearly", "than", "after", "almost", "around", "past"])
    /// Last words that make a capitalized name an organization.
    let orgSuffixes = WordSet([
        "agency", "party", "union", "solidarity", "institute", "group", "court", "ministry", "association", "council",
        "committee", "alliance", "bank", "university", "college", "school", "corporation", "corp.", "company", "co.",
        "inc.", "ltd.", "electronics", "securities", "industries", "holdings", "motors", "airlines", "administration",
        "service", "office", "foundation", "federation", "league", "organization", "organisation", "commission",
        "assembly", "museum", "center", "centre", "society", "network", "department", "bureau", "authority", "police",
        "army", "navy", "church", "times", "post", "herald", "daily", "news", "broadcasting", "club", "studios",
        "laboratory", "hospital", "academy", "institution", "fund", "trust", "guard", "front", "movement", "coalition",
        "congress", "parliament", "senate", "cabinet", "government", "board", "chamber", "bloc", "forces", "command",
        "press", "telecom", "energy", "chemical", "steel", "shipbuilding", "construction", "pharmaceuticals", "bio",
        "entertainment", "media", "capital", "partners", "systems", "technologies", "solutions", "labs", "foods",
    ])
    /// Heads that take `of` and stay an organization (`Ministry of Trade`, `Bank of Korea`).
    let orgHeads = WordSet([
        "ministry", "university", "bank", "institute", "museum", "department", "office", "bureau", "council",
        "committee", "court", "union", "federation", "association", "league", "society", "academy", "college", "school",
        "center", "centre", "party", "commission", "agency", "organization", "assembly", "church", "chamber", "board",
        "foundation", "fund", "service", "alliance", "coalition", "embassy", "house", "government", "army", "navy",
    ])
    let eventSuffixes = WordSet([
        "marathon", "festival", "olympics", "games", "cup", "championship", "championships", "summit", "expo", "war",
        "biennale", "grand", "prix", "open", "tournament", "derby", "election", "elections", "uprising", "revolution",
        "paralympics", "carnival", "fair", "week", "conference",
    ])
    /// First words of event names (`Typhoon Hinnamnor`, `Operation Desert Storm`).
    let eventHeads = WordSet(["hurricane", "typhoon", "cyclone", "storm", "tropical", "operation"])
    /// Lower-case nouns that stand before a person's name (`runner Daniel Kiprop`).
    let personNouns = WordSet([
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
    let cues = WordSet([
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "noted", "explained", "stated",
        "warned", "argued", "claimed", "recalled", "announced", "replied", "insisted", "confirmed", "stressed",
        "commented", "remarked", "explains", "notes", "believes", "thinks", "added", "admitted", "agreed", "denied",
        "urged", "described", "suggested", "responded", "continued", "concluded", "revealed",
    ])
    let lawSuffixes = WordSet(["act", "law", "code", "treaty", "convention", "constitution", "accord", "accords", "charter", "amendment"])
    let gpeSuffixes = WordSet(["city", "province", "county", "prefecture", "district", "state", "oblast", "region"])
    /// Capitalized words that open sentences and never begin a name.
    let sentenceStarters = WordSet([
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "however", "earlier", "later", "meanwhile",
        "according", "under", "as", "for", "from", "with", "without", "by", "it", "they", "he", "she", "we", "i", "you",
        "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "some", "many", "most",
        "other", "others", "both", "each", "every", "all", "any", "no", "not", "if", "when", "while", "after",
        "before", "since", "until", "although", "though", "because", "once", "now", "then", "there", "here", "what",
        "who", "why", "how", "where", "which", "asked", "speaking", "still", "yet", "also", "even", "only", "just",
        "instead", "despite", "during", "among", "between", "through", "about", "over", "against", "one", "last",
        "next", "new", "former", "several", "few", "such", "more", "less", "much", "thanks", "please", "yes",
        "estimates", "critics", "officials", "organizers", "residents", "workers", "experts", "analysts", "police",
    ])
    let relativeStarts = WordSet(["earlier", "later", "early", "late", "this", "last", "next", "past", "coming"])
    let dayWords = WordSet(["today", "yesterday", "tomorrow"])
    let timeWords = WordSet(["tonight", "midnight", "noon"])
    /// Lower-case words that can begin a number, a date or a time; the rules look at no other lower-case word.
    let triggers = WordSet([
        "today", "yesterday", "tomorrow", "tonight", "midnight", "noon", "a", "an", "for", "early", "mid", "late",
        "earlier", "later", "this", "last", "next", "past", "coming", "one", "as",
    ] + ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
      + ["about", "around", "nearly", "almost", "over", "some", "roughly", "approximately", "only", "just", "under",
         "barely", "exactly", "estimated", "more", "fewer", "less", "at", "up", "close", "well"]
      + ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
         "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
         "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "hundreds", "thousands", "millions",
         "dozens", "tens"])

    /// Words that join capitalized words of one organization's name.
    let connectors = WordSet(["of", "for", "and", "&"])
    /// Words before `about` or `over` that make it a qualifier of a number word (`as about two`), not a
    /// preposition (`a film about two sisters`).
    let qualifierLeads = WordSet(["as", "of", "by", "to", "with", "for", "in", "than", "and", "or", "at", "from", "is", "was", "were", "are"])
}
