import Foundation
import LedeText


/// The abbreviations the sentence scanner knows, by how they behave before the next word.
struct Abbreviations: Sendable {
    /// Titles and words that precede a name or number and never end a sentence: `Dr.`, `Gen.`, `Mt.`, `vs.`.
    var titles: WordSet
    /// Words that end a sentence only when a capitalised word follows that is not a number: `Oct. 28`, `No. 1`, `p. 55`.
    var beforeNumbers: WordSet
    /// Other abbreviations (`Co.`, `Inc.`, `etc.`): a sentence ends after them when a capitalised word follows.
    var general: WordSet
    /// US state abbreviations (`Ark.`, `Calif.`): no sentence ends after one in a dateline (`LITTLE ROCK, Ark. (AP) —`).
    var states: WordSet
    /// Words that usually start a sentence; after `U.S.` or `a.m.` they mark a boundary (`the U.S. How about...`).
    var starters: WordSet

    static let defaultTitles = [
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "cmdt",
        "sgt", "cpl", "pvt", "adm", "brig", "gov", "sen", "rep", "reps", "rev", "fr", "hon", "pres", "supt", "insp",
        "det", "mt", "st", "ste", "vs", "v", "amb", "atty", "gens", "sens", "lt.col", "rt",
    ]
    static let defaultBeforeNumbers = [
        "no", "nos", "p", "pp", "vol", "vols", "art", "arts", "fig", "figs", "ch", "chap", "sec", "para", "n°", "op",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rm", "ste", "apt", "tel",
        "ext", "approx", "ca", "est", "nr",
    ]
    static let defaultGeneral = [
        "co", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "dept", "univ", "assn", "ave", "blvd",
        "rd", "hwy", "min", "max", "cf", "al", "govt", "intl", "natl", "mfg", "yr", "yrs", "mo", "mos", "wk", "hr", "hrs",
    ]
    static let defaultStates = [
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
        "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "vt", "va",
        "wash", "wis", "wyo", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "s.c", "s.d", "r.i", "w.va", "d.c",
    ]
    static let defaultStarters = [
        "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we",
        "i", "you", "his", "her", "their", "our", "my", "your", "what", "how", "why", "when", "where", "who", "which",
        "but", "and", "so", "yet", "or", "if", "in", "on", "at", "after", "before", "meanwhile", "however", "also",
        "then", "now", "some", "many", "most", "all", "as", "while", "although", "though", "still", "later", "earlier",
        "officials", "police", "one", "both", "each", "other", "such", "since", "because", "according",
    ]

    init(extra: [String], replace: [String]?, remove: [String]) {
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
    static func normalize(_ word: String) -> String {
        var w = word.trimmingCharacters(in: .whitespaces)
        while w.hasSuffix(".") { w.removeLast() }
        return w.lowercased()
    }
}
