import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Local places no list holds, read off the words that lead or surround them. Regional news is full of
/// suburbs, villages and roads that no gazetteer names, and a capitalized word nobody has heard of reads as a
/// person; the words around it say otherwise:
/// - a word that leads a place's name in the languages of the region (`Kampung Sungai Baru`, `Taman Sri
///   Andalas`, `Port Klang`, `Barangay San Roque`) makes a place, and one that leads a road's (`Jalan Padang
///   Tembak`) a road;
/// - a road's name that ends in a road's word written short is a road (`South Ridge Rd`), and one with the
///   suburb after it, as addresses are written (`Mead Road Nabua`), is the road and
///   the suburb;
/// - a name after a point of the compass and `of` is a place (`40 kilometres north of Bridgewater`), whatever
///   a list holds of it;
/// - one word no list holds after `from` or `at`, before `resident(s)` or `villagers`, or after a seat's holder and
///   `for`, is a place when the document names no person with that word (`youths from Raiwai`, `Raiwai resident
///   Semisi Yavala`, `the MP for Bekwai`);
/// - a place the model ran into a body's last word or into a body's initials is the body (`Fiji Police Force`,
///   `Nova Scotia RCMP`);
/// - two everyday words, the second a plural, are a group, not a person (`Crime Stoppers`).
///
/// A label read off the words around a mention is ``Candidate/byContext``: when the document's mentions of
/// the name vote on its label, it outweighs the model's guesses at the others (`Raiwai` is a place in every
/// sentence once one sentence says `youths in Raiwai`).
extension Recognizer {
    func repairLocalPlaces(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var added: [Candidate] = []
        let namedOrKnown = Feature.given.rawValue | Feature.surnames.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue
        // The words of people's names of two words and more: a lone word among them is that person, not a place.
        var personWords: [UInt64] = []
        for n in kept.indices where kept[n].label == .person {
            guard let r = ranges[n], r.count >= 2 else { continue }
            for k in r { personWords.append(words[k].key) }
        }
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n] else { continue }
            let label = kept[n].label
            let first = words[r.lowerBound], last = words[r.upperBound - 1]
            let known = Self.match(a.matches, kept[n].start, kept[n].end)
            // `Jalan Padang Tembak`: a road.
            if label != .fac, r.count >= 2, first.capitalized, WordMatch.isAny(b, first, Self.roadLeads), known == nil {
                kept[n].label = .fac
                kept[n].canonical = nil
                continue
            }
            // `South Ridge Rd`: a road, its word written short.
            if label != .fac, r.count >= 2, last.capitalized, last.count >= 2, b[last.start + 1] &- 0x61 < 26, known == nil,
               WordMatch.isAny(b, last, Self.roadAbbreviations) {
                kept[n].label = .fac
                kept[n].canonical = nil
                continue
            }
            // `Kampung Sungai Baru`, `Port Klang`: a place (natural after `Mount`, `Lake`, `Pulau`), when no body's or
            // building's word ends it (`Port Klang Authority`, `Bukit Jalil Stadium`).
            if label == .person || label == .org && !WordMatch.isAny(b, first, Self.englishLeads), r.count >= 2, r.count <= 4,
               first.capitalized, known == nil, WordMatch.isAny(b, first, Self.placeLeads), Self.headLabel(b, last) == nil,
               !r.dropFirst().contains(where: { words[$0].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0 }) {
                kept[n].label = WordMatch.isAny(b, first, Self.naturalLeads) ? .loc : .gpe
                kept[n].canonical = nil
                kept[n].priority = Candidate.byContext
                continue
            }
            // `Port Dover`, `Port Klang`: a town, though a port is a facility's word, when its name says nothing more of a
            // structure (`Port Botany terminal` stays).
            if label == .fac, r.count == 2, first.capitalized, known == nil, WordMatch.isAny(b, first, "port", "fort"),
               last.flags & Feature.facilityHeads.rawValue == 0, Self.headLabel(b, last) == nil, !input.common(last),
               !(r.upperBound < words.count && words[r.upperBound].gap == .space && WordMatch.isAny(b, words[r.upperBound], RepairWords.structureNouns)) {
                kept[n].label = .gpe
                kept[n].canonical = nil
                continue
            }
            // `dragged across Shirley Street`: a name ending in a road's word is the road, not a person.
            if label == .person, r.count >= 2, known == nil, last.capitalized, last.count >= 4, !last.possessive,
               WordMatch.isAny(b, last, RepairWords.roadWords), r.lowerBound == 0 || words[r.lowerBound - 1].flags & namedOrKnown == 0 {
                kept[n].label = .fac
                kept[n].canonical = nil
                continue
            }
            // `West Midlands Police`, `Kenya Police`: a place's name ending in `Police` is the force.
            if label == .gpe || label == .loc, r.count >= 2, known == nil, last.capitalized, WordMatch.isWord(b, last, "police") {
                kept[n].label = .org
                kept[n].canonical = nil
                continue
            }
            // `Mead Road Nabua`: the road ends at its road word; the one or two capitalized words after it are the suburb.
            if label == .fac || label == .gpe || label == .person, r.count >= 3, known == nil,
               let road = r.dropLast().last(where: { WordMatch.isAny(b, words[$0], RepairWords.roadWords) || WordMatch.isAny(b, words[$0], Self.roadAbbreviations) }),
               road > r.lowerBound, r.upperBound - road - 1 <= 2,
               (road + 1..<r.upperBound).allSatisfy({ k in
                   words[k].capitalized && !words[k].possessive && words[k].gap == .space && !input.common(words[k])
                       && words[k].flags & (Feature.functionWords.rawValue | Feature.orgHeads.rawValue | namedOrKnown) == 0
                       && Self.headLabel(b, words[k]) == nil && !WordMatch.isAny(b, words[k], RepairWords.structureNouns)
               }) {
                let suburb = Candidate(start: words[road + 1].start, end: kept[n].end, label: .gpe, canonical: nil, priority: Candidate.byContext)
                kept[n].end = words[road].end
                kept[n].label = .fac
                kept[n].canonical = nil
                added.append(suburb)
                continue
            }
            // `Fiji Police Force`, `Nova Scotia RCMP`: a place's name that ends in a body's word or initials is the body.
            if label == .gpe || label == .loc, r.count >= 2, known == nil,
               WordMatch.isAny(b, last, Self.forceWords) && r.count >= 3
                || Self.initials(b, last) && Self.match(a.matches, first.start, words[r.upperBound - 2].end)?.label == .gpe {
                kept[n].label = .org
                kept[n].canonical = nil
                continue
            }
            // `Crime Stoppers`: two everyday words, the last a plural of a doer (`-ers`), are a group.
            if label == .person, r.count == 2, known == nil, last.count >= 6, !last.possessive,
               b[last.end - 3] == 0x65, b[last.end - 2] == 0x72, b[last.end - 1] == 0x73,
               r.allSatisfy({ input.common(words[$0]) && words[$0].flags & namedOrKnown == 0 }) {
                kept[n].label = .org
                kept[n].canonical = nil
                continue
            }
            guard r.lowerBound >= 2 else { continue }
            // `north of Bridgewater`: a place, whatever a list holds of the name, unless a body's word ends it.
            let before = words[r.lowerBound - 1]
            if label != .gpe, label != .loc, WordMatch.isWord(b, before, "of"), !before.capitalized,
               WordMatch.isAny(b, words[r.lowerBound - 2], Self.compassPoints), !words[r.lowerBound - 2].capitalized,
               r.count <= 3, Self.headLabel(b, last) == nil, last.flags & Feature.orgHeads.rawValue == 0,
               !(known.map { $0.label == .person } ?? false) {
                kept[n].label = .gpe
                kept[n].canonical = known?.label == .gpe ? known?.canonical : nil
                kept[n].priority = Candidate.byContext
                continue
            }
            // `from Raiwai`, `Raiwai resident`, `the MP for Bekwai`: one word no list holds, and no part of a person's name
            // in the document.
            let after = r.upperBound < words.count ? words[r.upperBound] : nil
            if label == .person, r.count == 1, known == nil, !first.possessive, first.count >= 4,
               first.flags & namedOrKnown == 0, !input.common(first), !personWords.contains(first.key),
               !before.capitalized && WordMatch.isAny(b, before, ["from", "at", "in", "near", "outside"])
                // (`from Hizbollah guerrillas`: a name before a noun is a modifier, a group's as often as a place's)
                && after.map({ $0.gap != .space || $0.flags & Feature.functionWords.rawValue != 0 || $0.digit }) ?? true
                || after.map({ !$0.capitalized && $0.gap == .space && WordMatch.isAny(b, $0, Self.dwellers) }) ?? false
                || WordMatch.isWord(b, before, "for") && WordMatch.isAny(b, words[r.lowerBound - 2], Self.seatHolders) {
                kept[n].label = .gpe
                kept[n].canonical = nil
                kept[n].priority = Candidate.byContext
                continue
            }
            if label == .person, known == nil, Self.isPlaceAfterIn(r, b, words, input: input, personWords: personWords) {
                kept[n].label = .gpe
                kept[n].canonical = nil
                kept[n].priority = Candidate.byContext
                continue
            }
            // `facilities in Exeter and Plymouth`: a city the lists hold, read as a club, is the city after `in`,
            // `near` or `outside`, or after `and` or a comma that follows such a city.
            if label == .org, known?.label == .gpe, r.count <= 2, r.lowerBound >= 2, !last.possessive,
               Self.placeByPlaces(kept, n, r, b, words) {
                kept[n].label = .gpe
                kept[n].canonical = known?.canonical
                kept[n].priority = Candidate.byContext
            }
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Whether the words before name `n` (of range `r`) are `in`, `near` or `outside`, or `and` or a comma after a
    /// place that such a word leads to (`in Exeter, Truro and Plymouth`), and no capitalized word follows.
    static func placeByPlaces(_ kept: [Candidate], _ n: Int, _ r: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ words: [Word]) -> Bool {
        if r.upperBound < words.count, words[r.upperBound].capitalized, words[r.upperBound].gap == .space { return false }
        var first = r.lowerBound, m = n - 1
        while first >= 1 {
            let before = words[first - 1]
            if !before.capitalized, WordMatch.isAny(b, before, "in", "near", "outside") { return true }
            // The place before: its last word is `before` (after a comma) or the word before `and`.
            let joined = WordMatch.isWord(b, before, "and") && !before.capitalized
            guard joined || words[first].gap == .comma, m >= 0, kept[m].label == .gpe else { return false }
            let lastWord = joined ? first - 2 : first - 1
            guard lastWord >= 0, kept[m].end == words[lastWord].end, let start = Consistency.firstWord(words, at: kept[m].start) else { return false }
            first = start
            m -= 1
        }
        return false
    }

    /// Words that lead a place's name: Malay and Indonesian (`Kampung`, `Taman`, `Bandar`, `Kuala`, `Sungai`,
    /// `Bukit`), Philippine (`Barangay`), and English (`Port`, `Fort`, `Mount`, `Lake`).
    static let placeLeads: WordList = ["kampung", "kampong", "kg", "kg.", "taman", "tmn", "bandar", "kota", "kuala", "sungai",
                                       "sg.", "bukit", "pulau", "desa", "kelurahan", "kecamatan", "barangay", "brgy.", "brgy",
                                       "barrio", "port", "fort", "mount", "mt.", "lake", "pekan", "pantai", "tanjung",
                                       "teluk", "simpang", "batu"]
    /// ``placeLeads`` in English, which lead clubs' names too (`Port Vale`): they turn no organization into a place.
    static let englishLeads: WordList = ["port", "fort", "mount", "mt.", "lake"]
    /// ``placeLeads`` that lead a natural place's name.
    static let naturalLeads: WordList = ["mount", "mt.", "lake", "pulau"]
    /// Words that lead a road's name (Malay `Jalan`, `Lorong`, `Persiaran`, `Lebuhraya`).
    static let roadLeads: WordList = ["jalan", "jln", "jln.", "lorong", "persiaran", "lebuhraya", "lebuh"]
    /// A road's word written short, without a period (`South Ridge Rd`).
    static let roadAbbreviations: WordList = ["rd", "st", "ave", "hwy", "blvd", "cres"]
    /// The last words of a disciplined body's name (`Police Force`, `Defence Force`).
    static let forceWords: WordList = ["force", "forces", "constabulary", "service"]
    /// The points of the compass before `of` and a place.
    static let compassPoints: WordList = ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                                          "north-east", "north-west", "south-east", "south-west"]
    /// Those who hold a seat for a place, before `for` and its name (`the MP for Bekwai`).
    static let seatHolders: WordList = ["mp", "mps", "member", "members", "mla", "mpp", "msp", "td", "senator", "representative",
                                        "candidate", "councillor", "councilor", "assemblyman", "assemblywoman", "legislator"]
    /// The people of a place, after its name (`Raiwai residents`).
    static let dwellers: WordList = ["resident", "residents", "villagers", "locals", "folk"]

    /// Words before `in` that make what follows a person's standing, not a place (`confidence in Mensah`).
    static let trustNouns: WordList = ["confidence", "faith", "interest", "belief", "trust", "stake", "role", "part", "hope",
                                       "believe", "believes", "believed", "believing"]

    /// `in Beit Shemesh`, `near Gros Billot`, `in St Louis`, `officials in Dunmore and ...`: one or two capitalized
    /// words no list holds as a person's first name or title, after `in`, `near` or `outside` and before a stop,
    /// are a place, when no other person in the document bears those words. A family name alone counts too
    /// (`in Dunmore`), but not after a word of trust or belief (`confidence in Mensah`, `believe in God`), and
    /// not a possessive. (`from` is left to the rule for one word: people write and call from a person.)
    static func isPlaceAfterIn(_ r: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ words: [Word], input: NameInput,
                               personWords: [UInt64]) -> Bool {
        guard r.count <= 2, r.lowerBound >= 1 else { return false }
        let before = words[r.lowerBound - 1]
        guard !before.capitalized, WordMatch.isAny(b, before, "in", "near", "outside") else { return false }
        if r.lowerBound >= 2, WordMatch.isAny(b, words[r.lowerBound - 2], trustNouns) { return false }
        if r.upperBound < words.count {
            let after = words[r.upperBound]
            guard after.gap != .space || after.flags & Feature.functionWords.rawValue != 0 || after.digit else { return false }
        }
        let barred = Feature.given.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue
        let saint = r.count == 2 && WordMatch.isAny(b, words[r.lowerBound], ["st", "st.", "saint", "ste", "san", "santa"])
        // (A given name may open a place of two words whose second word no list holds as a name: `in Chang Phueak`.)
        let named = Feature.given.rawValue | Feature.surnames.rawValue
        let openedByGiven = r.count == 2 && words[r.lowerBound].flags & (Feature.titles.rawValue | Feature.ranks.rawValue) == 0
            && words[r.lowerBound + 1].flags & named == 0
        for k in r {
            let w = words[k]
            guard w.capitalized, !w.possessive, w.count >= 2 else { return false }
            if saint, k == r.lowerBound { continue }
            let bar = openedByGiven && k == r.lowerBound ? barred & ~Feature.given.rawValue : barred
            guard w.count >= 3, w.flags & bar == 0, !input.common(w), !w.digit else { return false }
            // The candidate's own words are among `personWords` once when it is a name of two words.
            let others = personWords.reduce(0) { $0 + ($1 == w.key ? 1 : 0) } - (r.count >= 2 ? 1 : 0)
            guard others == 0 else { return false }
        }
        return true
    }
}
