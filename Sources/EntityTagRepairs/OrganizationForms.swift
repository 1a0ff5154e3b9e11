import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// The forms in which news writes the names of bodies that no list holds:
/// - a team by its nickname, a capitalized plural after `the` (`the Crusaders`, `the Super Eagles`, `the Kansas
///   City Chiefs`), which the model reads as a place or a person;
/// - a company's legal form after a comma (`Globe Telecom, Inc.`), which alone names nothing, and a firm named
///   for its founders (`Richard Pieris and Company`, `Dombey & Sons`);
/// - a body whose words list several things (`Kenya Medical Practitioners, Pharmacists and Dentists Union`,
///   `Agency for Science, Technology and Research`, `Coronavirus Aid, Relief and Economic Security Act`), and two
///   heads joined by `and` (`Historical Society Museum and Library`);
/// - the names listed after a plural noun of bodies (`airlines Emirates and Etihad`, `lenders such as A, B and C`);
/// - a business or a technology park, which is a site (`Raheen Business Park`), not the body the model reads.
extension Recognizer {
    /// Parks of business, science and industry are sites.
    package func repairParks(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        for n in kept.indices where kept[n].label == .org || kept[n].label == .gpe || kept[n].label == .person {
            // (`Park` at the end read off the bytes first.)
            let e = kept[n].end
            guard e - kept[n].start >= 9, b[e - 1] == 0x6B, b[e - 2] == 0x72, b[e - 3] == 0x61, b[e - 4] | 0x20 == 0x70,
                  let r = a.wordIndex.range(words, kept[n]), r.count >= 2, WordMatch.isWord(b, words[r.upperBound - 1], "park"),
                  WordMatch.isAny(b, words[r.upperBound - 2], Self.parkKinds) else { continue }
            kept[n].label = .fac
            kept[n].canonical = nil
        }
    }

    /// Teams named by a plural after `the`.
    package func repairTeams(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let theKey = Self.theKey
        // (A given name may open a team's name: `the Sandy Bay Badgers`; a people's or a family's plural is turned away
        // below by its last word.)
        let notTeam = Feature.functionWords.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue | Feature.months.rawValue
            | Feature.weekdays.rawValue
        var teams: [Range<Int>] = []
        var i = 0
        while i + 1 < words.count {
            defer { i += 1 }
            guard words[i].key == theKey, words[i + 1].capitalized, words[i + 1].gap == .space, !input.shouted[i + 1] else { continue }
            var j = i + 1
            while j < words.count, j - i <= 3, words[j].capitalized, !words[j].digit, j == i + 1 || words[j].gap == .space,
                  words[j].flags & notTeam == 0, j == i + 1 || !words[j - 1].possessive { j += 1 }
            guard j > i + 1, j == words.count || !words[j].capitalized || words[j].gap != .space else { continue }
            // The last word a plural in `s`, not `ss` (`the Congress`), not a people's name (`the Americans`), not a
            // place's plural (`the Highlands`), nor an award or a games (`the Oscars`, `the Ashes`).
            let last = words[j - 1]
            guard last.count >= 4, b[last.end - 1] == 0x73, b[last.end - 2] != 0x73, !Self.demonym(b, last),
                  !WordMatch.isAny(b, last, RepairWords.placePlurals), !WordMatch.isAny(b, last, Self.notTeams),
                  tagger.lex.flags.flags(b, last.start..<(last.end - 1)) & (Feature.given.rawValue | Feature.surnames.rawValue) == 0
            else { continue }
            // A headline in title case capitalizes every noun: the words around, on the same line, must be in lower
            // case somewhere.
            var from = i, to = j
            while from > 0, i - from < 8, !Self.lineBreak(b, words[from - 1].end, words[from].start) { from -= 1 }
            while to < words.count, to - j < 8, !Self.lineBreak(b, words[to - 1].end, words[to].start) { to += 1 }
            guard (from..<to).contains(where: { k in
                !words[k].capitalized && !words[k].digit && words[k].count >= 4 && words[k].flags & Feature.functionWords.rawValue == 0
            }) else { continue }
            // A plural possessive inside a longer name (`the Toronto Bond Traders' Association`) is no team.
            if j < words.count, words[j].capitalized, let q = (last.end..<min(b.count, last.end + 2)).first(where: { b[$0] != 0x20 }),
               b[q] == 0x27 || b[q] == 0xE2 { continue }
            // (Nor a plural that `of` follows: `the Articles of Agreement`.)
            if j < words.count, WordMatch.isWord(b, words[j], "of") { continue }
            let start = words[i + 1].start, end = last.end
            if let known = Self.match(a.matches, start, end), known.label != .org { continue }
            teams.append((i + 1)..<j)
            i = j - 1
        }
        guard !teams.isEmpty else { return }
        var changed = false
        for team in teams {
            let start = words[team.lowerBound].start, end = words[team.upperBound - 1].end
            let over = kept.indices.filter { kept[$0].start < end && kept[$0].end > start }
            // What the model read there: places, people and products inside the team's words; or nothing, where the
            // nickname is an everyday word (`the Hurricanes`): a plural no dictionary holds after `the` is more often
            // a people or a family (`the Afrikaners`, `the Clintons`).
            // The same holds of what the model read as a person (`the Clintons`).
            let everyday = input.common(words[team.upperBound - 1])
            guard over.allSatisfy({ kept[$0].start >= start && kept[$0].end <= end
                && [.gpe, .product, .org].contains(kept[$0].label) || kept[$0].label == .person && everyday }),
                  !over.isEmpty || everyday else { continue }
            if over.count == 1, kept[over[0]].start == start, kept[over[0]].end == end, kept[over[0]].label == .org { continue }
            for n in over.reversed() { kept.remove(at: n) }
            kept.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
            changed = true
        }
        if changed { kept.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Legal forms after a comma, and firms named for their founders.
    package func joinLegalForms(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (The sets in locals: a static read in the loop is a call to check it was made, per word.)
        let legalFormKeys = Self.legalFormKeys, countyKeys = Self.countyKeys, founderKeys = Self.founderKeys, andKey = Self.andKey
        // (Nothing to do where no word of the document is one of the keys the loop looks for: a few reads, not a pass.)
        guard legalFormKeys.mayOccur(in: a.wordIndex) || founderKeys.mayOccur(in: a.wordIndex) else { return }
        var k = 1
        var changed = false
        while k < words.count {
            defer { k += 1 }
            let w = words[k]
            guard w.capitalized, w.count <= 12 else { continue }
            // `, Inc.` after a name; `and Company`, `& Sons` after a name. (The gap before the word first: most words
            // have neither a comma nor `and` or `&` before them.)
            var before: Int
            if w.gap == .comma {
                guard legalFormKeys.contains(w.key) else { continue }
                // (`Ennis, Co Clare`: an Irish county's `Co` before its name.)
                if k + 1 < words.count, words[k + 1].capitalized, words[k + 1].gap == .space, countyKeys.contains(w.key) { continue }
                before = k - 1
            } else if w.gap == .space, k >= 2, words[k - 1].key == andKey, !words[k - 1].capitalized, words[k - 1].gap == .space {
                guard founderKeys.contains(w.key) else { continue }
                before = k - 2
            } else if w.gap == .other, founderKeys.contains(w.key), Self.ampersandBetween(b, words[k - 1].end, w.start) {
                before = k - 1
            } else { continue }
            guard let n = kept.lastIndex(where: { $0.end == words[before].end }), [.org, .person, .gpe].contains(kept[n].label) else { continue }
            // The form alone, or the form and what follows it run together (`Inc. and Globe Telecom`): the form
            // goes to the name before it, and what follows keeps its own name.
            var removed: [Int] = []
            for m in kept.indices where m != n && kept[m].start < w.end && kept[m].end > words[before].end {
                if kept[m].end <= w.end || kept[m].start < w.start {
                    removed.append(m)
                } else if let next = (k + 1..<words.count).first(where: { words[$0].capitalized && words[$0].start < kept[m].end }),
                          k + 1 < words.count, WordMatch.isAny(b, words[k + 1], ["and", "or"]) || words[k + 1].gap == .comma {
                    kept[m].start = words[next].start
                    kept[m].canonical = nil
                } else {
                    removed.append(m)
                }
            }
            guard removed.allSatisfy({ kept[$0].start >= words[before].end }) else { continue }
            kept[n].end = w.end
            kept[n].label = .org
            kept[n].canonical = nil
            for m in removed.sorted(by: >) { kept.remove(at: m) }
            changed = true
        }
        if changed { kept.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Whether a line ends between two words.
    static func lineBreak(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        (from..<to).contains { b[$0] == 0x0A }
    }

    /// Whether the bytes between two words are spaces around one `&`.
    static func ampersandBetween(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var amp = 0
        for i in from..<to {
            if b[i] == 0x26 { amp += 1 } else if b[i] != 0x20 { return false }
        }
        return amp == 1
    }

    /// `Tata Steel, Bajaj Finserv and ICICI Bank`: the last two names of a list, which the model read as one body, are
    /// two, where the second opens with a name and not an everyday word (`Kenya Medical Practitioners, Pharmacists and
    /// Dentists Union` and `Pagmat Oil and Gas Limited` are one) and the lists do not know the whole (`Marks and Spencer`).
    package func splitListTails(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var split: [(Int, Candidate)] = []
        for n in kept.indices where kept[n].label == .org {
            // (A comma two bytes before the name first.)
            guard n > 0, kept[n].start >= 2, b[kept[n].start - 2] == 0x2C,
                  let r = a.wordIndex.range(words, kept[n]), r.count >= 3, r.lowerBound > 0, words[r.lowerBound].gap == .comma,
                  kept[n - 1].end == words[r.lowerBound - 1].end, kept[n - 1].label.isName,
                  let and = (r.lowerBound + 1..<(r.upperBound - 1)).first(where: { !words[$0].capitalized && WordMatch.isWord(b, words[$0], "and") }),
                  // The second name opens with a word no dictionary holds (`ICICI`, `Mindtree`): `Pagmat Oil and Gas
                  // Limited` is one firm.
                  words[and + 1].capitalized, !input.common(words[and + 1]),
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            var second = kept[n]
            second.start = words[and + 1].start
            second.canonical = Self.match(a.matches, second.start, second.end)?.canonical
            kept[n].end = words[and - 1].end
            kept[n].canonical = Self.match(a.matches, kept[n].start, kept[n].end)?.canonical
            split.append((n + 1, second))
        }
        for (at, c) in split.reversed() { kept.insert(c, at: at) }
    }

    /// Bodies whose names list several things, and two heads joined by `and`.
    package func joinListedHeads(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let notItem = Feature.functionWords.rawValue | Feature.titles.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue
        /// Whether words `r` are named by no candidate but `except`.
        func free(_ r: Range<Int>, except: Int? = nil) -> Bool {
            let start = words[r.lowerBound].start, end = words[r.upperBound - 1].end
            return !kept.indices.contains { $0 != except && kept[$0].start < end && kept[$0].end > start }
        }
        var removed: Set<Int> = []
        for n in kept.indices where kept[n].label == .org || kept[n].label == .law {
            // (Read off the bytes first: a comma before the name or after it, or ` and ` after it.)
            let (cs, ce) = (kept[n].start, kept[n].end)
            guard cs >= 2 && b[cs - 2] == 0x2C || ce < b.count && b[ce] == 0x2C
                    || ce + 5 < b.count && b[ce] == 0x20 && b[ce + 1] == 0x61 && b[ce + 2] == 0x6E && b[ce + 3] == 0x64 && b[ce + 4] == 0x20,
                  let r = a.wordIndex.range(words, kept[n]), !removed.contains(n) else { continue }
            let last = words[r.upperBound - 1]
            let headed = kept[n].label == .law ? WordMatch.isAny(b, last, RepairWords.lawHeads) : Self.headLabel(b, last) != nil
            // `Pharmacists and Dentists Union` after `Kenya Medical Practitioners,`: the words before the comma, with
            // a place that opens them.
            // The things listed are everyday words (`Pharmacists`, `Relief`): names there (`Bajaj Finserv and ICICI
            // Bank`) are the end of a list of names.
            if headed, r.count >= 3, words[r.lowerBound].gap == .comma, r.lowerBound > 0,
               (r.lowerBound + 1..<(r.upperBound - 1)).contains(where: { !words[$0].capitalized && WordMatch.isWord(b, words[$0], "and")
                   || words[$0].gap == .other && Self.ampersandBetween(b, words[$0 - 1].end, words[$0].start) }),
               (r.lowerBound..<(r.upperBound - 1)).allSatisfy({ !words[$0].capitalized || input.common(words[$0]) }) {
                var first = r.lowerBound
                while first > 0, r.lowerBound - first < 3, case let w = words[first - 1], w.capitalized, !w.digit, !w.possessive,
                      w.flags & notItem == 0, first == r.lowerBound || Self.joinedBySpace(b, w, words[first]) { first -= 1 }
                guard first < r.lowerBound else { continue }
                // The run opens a clause, and is named by nothing, or by a place at its start (`Kenya`); a common word
                // opening a sentence is no part of it (`Yesterday, Police and Fire Union ...`).
                let opener = words[first]
                // (Or by one name of the model's over two words or more: `Coronavirus Aid`, `Kenya Medical Practitioners`.)
                let place = kept.indices.first { kept[$0].start == opener.start && [.gpe, .org].contains(kept[$0].label)
                    && (kept[$0].end == opener.end || kept[$0].end == words[r.lowerBound - 1].end && r.lowerBound - first >= 2) }
                guard first == 0 || a.initial[first] || !words[first - 1].capitalized || WordMatch.isWord(b, words[first - 1], "the"),
                      free(first..<r.lowerBound, except: place), place == nil || r.lowerBound - first >= 2,
                      place != nil || !(a.initial[first] && input.common(opener)) else { continue }
                if let place { removed.insert(place) }
                kept[n].start = opener.start
                kept[n].canonical = nil
                continue
            }
            guard r.upperBound < words.count else { continue }
            // `Agency for Science` before `, Technology and Research`, `Committee on Ethics` before `, Privileges and
            // Public Petitions`: an object of `for`, `of` or `on` that is a list.
            if kept[n].label == .org, r.count >= 3, WordMatch.isAny(b, words[r.upperBound - 2], ["for", "of", "on"]),
               words[r.upperBound].gap == .comma, words[r.upperBound].capitalized {
                // Items of one or two capitalized words, set apart by commas, the last after `and`.
                var j = r.upperBound
                var joined = false, ok = true
                while ok {
                    var e = j
                    while e < words.count, e - j < 2, words[e].capitalized, !words[e].digit, words[e].flags & notItem == 0,
                          e == j || words[e].gap == .space { e += 1 }
                    guard e > j else { ok = false; break }
                    if joined { j = e; break }
                    guard e < words.count else { ok = false; break }
                    if words[e].gap == .comma, words[e].capitalized {
                        j = e
                    } else if !words[e].capitalized, WordMatch.isWord(b, words[e], "and"), words[e].gap == .space || words[e].gap == .comma,
                              e + 1 < words.count, words[e + 1].capitalized, words[e + 1].gap == .space {
                        joined = true
                        j = e + 1
                    } else {
                        ok = false
                    }
                }
                guard ok, joined, j - r.upperBound <= 7, j == words.count || !words[j].capitalized || words[j].gap != .space,
                      free(r.upperBound..<j) else { continue }
                kept[n].end = words[j - 1].end
                kept[n].canonical = nil
                continue
            }
            // `Historical Society Museum` and `Library`: a head after `and` that ends the name.
            if headed, r.upperBound + 1 < words.count, case let and = words[r.upperBound], !and.capitalized,
               WordMatch.isWord(b, and, "and"), and.gap == .space, case let head = words[r.upperBound + 1], head.capitalized,
               head.gap == .space, Self.headLabel(b, head) != nil, !WordMatch.isAny(b, head, RepairWords.subunitHeads),
               r.upperBound + 2 >= words.count || !words[r.upperBound + 2].capitalized || words[r.upperBound + 2].gap != .space,
               free(r.upperBound..<(r.upperBound + 2)) {
                kept[n].end = head.end
                kept[n].canonical = nil
            }
        }
        for n in removed.sorted(by: >) { kept.remove(at: n) }
    }

    /// Names listed after a plural noun of bodies.
    package func repairBodyLists(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var lists: [[Range<Int>]] = []
        // (The set in a local: a static read in the loop is a call to check it was made, per word.)
        let pluralBodyKeys = Self.pluralBodyKeys
        // (Nothing to do where no word of the document is one of the keys the loop looks for: a few reads, not a pass.)
        guard pluralBodyKeys.mayOccur(in: a.wordIndex) else { return }
        var i = 0
        while i < words.count {
            defer { i += 1 }
            guard !words[i].capitalized, words[i].count >= 4, b[words[i].end - 1] == 0x73,
                  pluralBodyKeys.contains(words[i].key) else { continue }
            var k = i + 1
            while k < words.count, k - i <= 2, !words[k].capitalized, words[k].gap == .space, WordMatch.isAny(b, words[k], Self.bodyListLeads) { k += 1 }
            // `seven teams on the roster: A, B and C`: a colon a few words in lower case after the noun.
            if k < words.count, !words[k].capitalized,
               let c = (i..<min(words.count - 1, i + 7)).first(where: { words[$0].end < b.count && b[words[$0].end] == 0x3A }),
               (i...c).allSatisfy({ !words[$0].capitalized && !words[$0].digit }), c == i || (i + 1...c).allSatisfy({ words[$0].gap == .space }) {
                k = c + 1
            }
            guard k < words.count, words[k].capitalized, words[k].gap == .space || words[k].gap == .other && b[words[k - 1].end] == 0x3A,
                  let list = Self.listItems(b, words, from: k, input: input, shape: Self.clubNounKeys.contains(words[i].key) ? .clubs : .bodies)
            else { continue }
            lists.append(list)
            i = list.last!.upperBound - 1
        }
        guard !lists.isEmpty else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        var added: [Candidate] = []
        for list in lists {
            for item in list {
                let start = words[item.lowerBound].start, end = words[item.upperBound - 1].end
                if let known = Self.match(a.matches, start, end), known.label != .org { continue }
                let over = kept.indices.filter { kept[$0].start < end && kept[$0].end > start }
                if over.isEmpty {
                    added.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
                } else if over.count == 1, ranges[over[0]] == item, [.person, .gpe, .product, .norp].contains(kept[over[0]].label) {
                    kept[over[0]].label = .org
                    kept[over[0]].canonical = nil
                    kept[over[0]].priority = Candidate.byContext
                }
            }
        }
        guard !added.isEmpty else { return }
        kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The case-folded hash of `the`.
    static let theKey = wordKey("the")

    /// Plurals after `the` that name no team.
    static let notTeams: WordList = ["games", "olympics", "paralympics", "oscars", "grammys", "emmys", "baftas", "tonys", "ashes",
                                     "troubles", "proms", "awards", "nationals", "finals", "playoffs", "championships", "series",
                                     "accounts", "minutes", "regulations", "rules", "news", "times", "states", "americas", "netherlands",
                                     "philippines", "bahamas", "maldives", "seychelles", "comoros", "andes", "alps", "rockies",
                                     "himalayas", "pyrenees", "balkans", "gospels", "psalms", "scriptures", "commons", "lords"]
    /// The case-folded hashes of `and`, of ``RepairWords/legalForms``, ``founderForms`` and ``pluralBodyNouns``: one
    /// probe of a word's own hash each.
    static let andKey = wordKey("and")
    /// `Co` and `Co.`, which are a county before a name (`Co Clare`) and a company after one.
    static let countyKeys = KeySet(["co", "co."].map { wordKey($0) })
    static let legalFormKeys = KeySet(RepairWords.legalForms.words.map { wordKey($0.description) })
    static let founderKeys = KeySet(founderForms.words.map { wordKey($0.description) })
    static let pluralBodyKeys = KeySet(pluralBodyNouns.words.map { wordKey($0.description) })
    /// The last words of firms named for their founders, after `and` or `&`.
    static let founderForms: WordList = ["company", "co", "co.", "sons", "associates", "partners", "brothers", "bros", "bros."]
    /// Plural nouns of bodies, before a list of their names.
    static let pluralBodyNouns: WordList = ["airlines", "carriers", "banks", "lenders", "insurers", "firms", "companies", "retailers",
                                            "brands", "broadcasters", "operators", "telcos", "automakers", "carmakers", "manufacturers",
                                            "startups", "start-ups", "clubs", "conglomerates", "publishers", "newspapers",
                                            "unions", "charities", "miners", "refiners", "supermarkets", "chains", "platforms", "teams", "sides"]
    /// Plural nouns of clubs, whose names may be everyday words (`Dynamos`, `Chicken Inn`).
    static let clubNounKeys = KeySet(["teams", "clubs", "sides"].map { wordKey($0) })
    /// What a park that is a site is for (`Business Park`, `Science Park`).
    static let parkKinds: WordList = ["business", "technology", "tech", "industrial", "industry", "science", "research", "retail",
                                      "office", "innovation", "enterprise", "logistics", "commercial", "software", "it"]
    /// Words between such a noun and its list.
    static let bodyListLeads: WordList = ["such", "as", "including", "like", "namely", "are", "were"]
}
