import Foundation

/// The one list of titles and abbreviations of the stages that read words, by how they behave before the
/// next word: the sentence splitter decides by these groups whether a period ends a sentence, and the word
/// scanner (``periodWords``) keeps the period of an abbreviation in its word.
public struct Abbreviations: Sendable {
    /// Titles and words that precede a name or number and never end a sentence: `Dr.`, `Gen.`, `Mt.`, `vs.`.
    public var titles: WordSet
    /// Words that end a sentence only when a capitalised word follows that is not a number: `Oct. 28`, `No. 1`, `p. 55`.
    public var beforeNumbers: WordSet
    /// Other abbreviations (`Co.`, `Inc.`, `etc.`): a sentence ends after them when a capitalised word follows.
    public var general: WordSet
    /// US state abbreviations (`Ark.`, `Calif.`): no sentence ends after one in a dateline (`LITTLE ROCK, Ark. (AP) —`).
    public var states: WordSet
    /// Words that usually start a sentence; after `U.S.` or `a.m.` they mark a boundary (`the U.S. How about...`).
    public var starters: WordSet

    public static let defaultTitles = [
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "cmdt",
        "sgt", "cpl", "pvt", "adm", "brig", "gov", "sen", "rep", "reps", "rev", "fr", "hon", "pres", "supt", "insp",
        "det", "mt", "st", "ste", "vs", "v", "amb", "atty", "gens", "sens", "lt.col", "rt", "engr", "barr", "cllr",
        "const", "pte", "asst", "coun", "couns", "clr", "cr", "commr", "msgr",
    ]
    public static let defaultBeforeNumbers = [
        "no", "nos", "p", "pp", "vol", "vols", "art", "arts", "fig", "figs", "ch", "chap", "sec", "para", "n°", "op",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rm", "ste", "apt", "tel",
        "ext", "approx", "ca", "est", "nr",
    ]
    public static let defaultGeneral = [
        "co", "cos", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "dept", "univ", "assn", "ave", "blvd",
        "rd", "hwy", "min", "max", "cf", "al", "govt", "intl", "natl", "mfg", "yr", "yrs", "mo", "mos", "wk", "hr", "hrs",
    ]
    public static let defaultStates = [
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
        "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "vt", "va",
        "wash", "wis", "wyo", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "s.c", "s.d", "r.i", "w.va", "d.c",
    ]
    public static let defaultStarters = [
        "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we",
        "i", "you", "his", "her", "their", "our", "my", "your", "what", "how", "why", "when", "where", "who", "which",
        "but", "and", "so", "yet", "or", "if", "in", "on", "at", "after", "before", "meanwhile", "however", "also",
        "then", "now", "some", "many", "most", "all", "as", "while", "although", "though", "still", "later", "earlier",
        "officials", "police", "one", "both", "each", "other", "such", "since", "because", "according",
    ]

    /// The abbreviations whose period belongs to the word before it wherever it stands, for the word scanner:
    /// titles, months and the like, and company and name suffixes. Those that are also everyday words at
    /// a sentence's end (`ill`, `miss`, `wash`, `min`, `est`, `art`) are left to the sentence splitter,
    /// which looks at the next word.
    public static let periodWordList: [String] = defaultTitles.filter { $0 != "v" } + [
        "no", "nos", "vol", "vols", "fig", "figs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "approx", "co", "cos", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "dept",
        "univ", "assn", "ave", "blvd", "rd", "hwy", "govt", "intl", "natl", "mfg", "ft", "pres", "gov", "cmdr",
    ]
    /// Forms of address that stand before a person's name, with and without a period where they are
    /// abbreviations (`Mr`, `Mr.`, `Dr.`, `Sir`, `Dame`, `Mme`): a capitalized word after one is a person.
    public static let formsOfAddress: [String] = {
        let abbreviated = ["mr", "mrs", "ms", "mx", "dr", "prof", "hon", "messrs", "mme", "mlle"]
        return abbreviated + abbreviated.map { $0 + "." } + ["miss", "sir", "dame", "lord", "lady", "madam"]
    }()

    /// Police and military ranks written as abbreviations before a name (`SP Adaeze Okafor`, `Sgt. Kim`,
    /// `ACP Mensah`), with and without a period. Words that are also everyday abbreviations of something else
    /// (`PC`, `CP`) are left out.
    public static let ranks: [String] = {
        let ranks = ["sp", "asp", "dsp", "csp", "ssp", "acp", "dcp", "aig", "aigp", "dig", "digp", "igp", "insp", "supt", "sgt", "ssgt", "cpl",
                     "lt", "capt", "maj", "col", "gen", "brig", "adm", "cmdr", "pte", "pvt", "det",
                     // The Philippine National Police's (`PCOL Ana Reyes`, `PLTCOL`, `PMAJ`, `PSSG`).
                     "pcol", "pltcol", "pmaj", "pcapt", "plt", "pbgen", "pmgen", "pltgen", "pgen", "pssg", "pmsg",
                     "psms", "pcms", "pems", "pcpl"]
        return ranks + ranks.map { $0 + "." }
    }()

    /// Honours, degrees and seats written after a person's name, which are no part of it (`Jo Lane MBE`, `Ana Ruiz
    /// KC`, `Tom Lee MLA`, `Mia Chen PhD`), for entity-tag's spans and quote-extract's speakers.
    public static let postNominals: [String] = ["mp", "mla", "mpp", "msp", "ms", "td", "mep", "qc", "kc", "sc", "obe", "mbe", "cbe", "kbe",
                                                "dbe", "gbe", "mhk", "mna", "jp", "phd"]

    /// ``periodWordList`` as a set.
    public static let periodWords = WordSet(periodWordList)

    /// The built-in lists, with `extra` words added as titles, or `replace` instead of the titles and other
    /// abbreviations, and without the words in `remove`.
    public init(extra: [String], replace: [String]?, remove: [String]) {
        if let replace {
            titles = WordSet(replace.map(Self.normalize))
            beforeNumbers = WordSet([])
            general = WordSet([])
        } else {
            // Abbreviations users add behave like titles: they never end a sentence.
            titles = WordSet(Self.defaultTitles + extra.map(Self.normalize))
            beforeNumbers = WordSet(Self.defaultBeforeNumbers)
            general = WordSet(Self.defaultGeneral)
        }
        for word in remove.map(Self.normalize) {
            titles.remove(word)
            beforeNumbers.remove(word)
            general.remove(word)
        }
        starters = WordSet(Self.defaultStarters)
        states = WordSet(Self.defaultStates)
    }

    /// `Dr.` and `dr` name the same abbreviation.
    public static func normalize(_ word: String) -> String {
        var w = word.trimmingCharacters(in: .whitespaces)
        while w.hasSuffix(".") { w.removeLast() }
        return w.lowercased()
    }
}
