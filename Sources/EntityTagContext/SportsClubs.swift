import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Clubs in a match report or a league's news, which are named like towns (`Sukhothai`, `Warsaw`), like people
/// (`Asante Kotoko`, `Young Boys`) or like nothing the lists hold (`Chicken Inn`, `Dynamos`):
/// - in a text about sport (three of its words at least: `league`, `striker`, `fixture`, `penalty`, ...);
/// - what beats, hosts, faces, draws with or sits above another, what is beaten, drawn or lost to, played against
///   or won over (`thrashed Ratchaburi 6-0`, `at home to Sukhothai`, `a win over Kawasaki Frontale`, `Warsaw sit
///   eight points clear`), and what has a coach, a striker or a substitute (`Chicken Inn coach Joey Antipas`) is a
///   club, not a place or a person; so is a name ending in a club's word (`Bangkok United`), what takes on another
///   (`Europa Point take on Bruno Magpies`), and each name of a career's list (`coached the likes of A, B and C`,
///   `played for A and B`);
/// - a club's first or last word alone, where the model read a person or nothing, is the club (`Kotoko` after
///   `Asante Kotoko`, `Reds` and `Urawa` after `Urawa Reds`); a place's name alone stays the place (`in Poznań`).
/// A person the text names in full, or whose name opens with a given name, is left a person (`Rafael Nadal beat`);
/// a country is left a place (`France beat Mexico`), as CoNLL and OntoNotes annotate national sides.
extension Recognizer {
    func repairSportsClubs(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        // (Three cues are needed: fewer of them may be in the document's words only where the pass finds fewer.)
        guard Self.sportCueKeys.mayOccurCount(in: a.wordIndex) >= 3, Self.aboutSport(words) else { return }
        joinLadySides(&kept, b, a, input: input)
        let verbKeys = Self.matchVerbKeys, roleKeys = Self.clubRoleKeys, auxKeys = Self.auxiliaryKeys
        let takeKeys = Self.takeKeys, careerKeys = Self.careerKeys, suffixKeys = Self.clubSuffixKeys
        let pluralKeys = Self.pluralVerbKeys
        let againstKey = Self.againstKey, toKey = Self.toKey, overKey = Self.overKey, byKey = Self.byKey, ofKey = Self.ofKey
        var runs: [Range<Int>] = []
        for i in words.indices where !words[i].capitalized && !words[i].digit {
            let key = words[i].key
            if verbKeys.contains(key) {
                var v = i
                if v > 0, auxKeys.contains(words[v - 1].key), words[v].gap == .space { v -= 1 }
                var o = i + 1
                if o < words.count, !words[o].capitalized, [toKey, againstKey, byKey].contains(words[o].key) || WordMatch.isWord(b, words[o], "with") {
                    o += 1
                }
                let sides = [runBefore(words, v), runAfter(words, o)].compactMap { $0 }
                // `Florian Rousseau beat Ainars Kiksis (Latvia)`: where one side is a person named in full, or two words
                // with a country in brackets after them, the sport is one of people, and the other side is a person too.
                guard !sides.contains(where: { r in
                    r.count >= 2 && !suffixKeys.contains(words[r.upperBound - 1].key)
                        && (Self.givenName(b, words, r.lowerBound) || Self.bracketAfter(b, words[r.upperBound - 1].end))
                }) else { continue }
                runs.append(contentsOf: sides)
            } else if takeKeys.contains(key), i + 2 < words.count, !words[i + 1].capitalized, WordMatch.isWord(b, words[i + 1], "on") {
                // `Europa Point take on Bruno Magpies`.
                if let r = runBefore(words, i) { runs.append(r) }
                if let r = runAfter(words, i + 2) { runs.append(r) }
            } else if key == ofKey && i >= 2 && WordMatch.isWord(b, words[i - 1], "likes") || careerKeys.contains(key) {
                // `coached the likes of A, B and C`, `played for A, B and C`: a career's list of clubs.
                var k = i + 1
                while k < words.count, k - i <= 4, !words[k].capitalized, words[k].gap == .space,
                      WordMatch.isAny(b, words[k], ["for", "at", "with", "the", "likes", "of", "sides", "clubs", "teams"]) { k += 1 }
                if k < words.count, words[k].capitalized, words[k].gap == .space,
                   let list = Self.listItems(b, words, from: k, input: input, shape: .clubs) {
                    runs.append(contentsOf: list)
                }
            } else if key == againstKey {
                if let r = runAfter(words, i + 1) { runs.append(r) }
            } else if key == toKey || key == overKey || key == byKey || key == ofKey, i > 0 {
                // `at home to X`, `away to X`, `lost 2-1 to X`; `a win over X`; `beaten by X`; `at the expense of X`.
                let before = words[i - 1]
                let keys = key == toKey ? Self.toLeadKeys : key == overKey ? Self.overLeadKeys : key == byKey ? Self.byLeadKeys : Self.ofLeadKeys
                guard keys.contains(before.key) || key == toKey && before.digit, let r = runAfter(words, i + 1) else { continue }
                runs.append(r)
            } else if roleKeys.contains(key), let r = runBefore(words, i), i > 0, words[i].gap == .space {
                runs.append(r)
            } else if pluralKeys.contains(key), let r = runBefore(words, i), Self.standsAlone(b, words, r) {
                // `Al Sadd are hoping`, `Leeds were`: a name that takes a plural verb is a side, not a person.
                runs.append(r)
            }
        }
        // Names ending in a club's word.
        for n in kept.indices where kept[n].label == .gpe || kept[n].label == .person {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 2, suffixKeys.contains(words[r.upperBound - 1].key) else { continue }
            runs.append(r)
        }
        guard !runs.isEmpty else { return }
        var ranges = a.wordIndex.ranges(words, kept)
        // People: a name of two words or more, opening with a given name, that the model read as a person and that
        // stands in no club's place; its last word alone stays theirs.
        var people: [UInt64] = []
        for n in kept.indices where kept[n].label == .person {
            guard let r = ranges[n], r.count >= 2, words[r.lowerBound].flags & Feature.given.rawValue != 0, !runs.contains(r) else { continue }
            people.append(words[r.upperBound - 1].key)
        }
        // (And a name of two words or more after a player's or a coach's noun in lower case: `goalkeeper Emori Ragata`,
        // `striker Ana Lui`, whatever the model read it as; what beats them is the person, not a club.)
        for n in kept.indices where kept[n].label == .person || kept[n].label == .org {
            guard let r = ranges[n], r.count >= 2, r.count <= 3, r.lowerBound > 0, case let role = words[r.lowerBound - 1],
                  !role.capitalized, words[r.lowerBound].gap == .space, roleKeys.contains(role.key),
                  !WordMatch.isAny(b, role, ["fans", "supporters", "goal", "equaliser", "equalizer", "academy"]) else { continue }
            people.append(words[r.upperBound - 1].key)
            if kept[n].label == .org, Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                kept[n].label = .person
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            }
        }
        var clubs: [Range<Int>] = []
        var added: [Candidate] = []
        var removed: [Int] = []
        for r in runs where !clubs.contains(r) {
            let start = words[r.lowerBound].start, end = words[r.upperBound - 1].end
            let first = words[r.lowerBound], last = words[r.upperBound - 1]
            // A person's name: a given name alone, or a given name and a family name (`Rafael Nadal beat`).
            // (`Bruno Magpies`, `Lincoln Red Imps`: a nickname's plural, an everyday word no family name, ends no person's name.)
            let nickname = r.count >= 2 && last.count >= 4 && b[last.end - 1] == 0x73 && input.common(last)
                && last.flags & Feature.surnames.rawValue == 0
            let personal = Self.givenName(b, words, r.lowerBound) && (r.count == 1 || !suffixKeys.contains(last.key) && !nickname)
            guard !personal, !people.contains(last.key), !r.contains(where: { words[$0].flags & Self.notClubWords != 0 }) else { continue }
            let over = kept.indices.filter { kept[$0].start < end && kept[$0].end > start }
            if over.isEmpty {
                // (A word alone: one no dictionary holds, not an everyday word opening the sentence.)
                guard r.count >= 2 || !input.common(first) && !a.initial[r.lowerBound] else { continue }
                added.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
                clubs.append(r)
            } else if over.count == 1, ranges[over[0]] == r {
                let n = over[0]
                if kept[n].label == .gpe, Self.countryKeys.contains(Consistency.phraseKey(words[r])) { continue }
                if kept[n].label == .gpe || kept[n].label == .person || kept[n].label == .fac {
                    kept[n].label = .org
                    kept[n].canonical = nil
                    kept[n].priority = Candidate.byContext
                }
                if kept[n].label == .org { clubs.append(r) }
            } else if r.count >= 2, over.allSatisfy({ m in ranges[m].map { r.contains($0.lowerBound) && $0.upperBound <= r.upperBound
                    && !(kept[m].label == .gpe && Self.countryKeys.contains(Consistency.phraseKey(words[$0]))) } ?? false
                && [.gpe, .fac].contains(kept[m].label) }), !WordMatch.isWord(b, first, "the") {
                // `Karachi Kings beat Lahore Qalandars`: the town the model named inside the club's name.
                removed.append(contentsOf: over)
                added.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
                clubs.append(r)
            }
        }
        if !removed.isEmpty {
            for n in Set(removed).sorted(by: >) { kept.remove(at: n) }
            ranges = a.wordIndex.ranges(words, kept)
        }
        guard !clubs.isEmpty else { return }
        // A club's first or last word alone, and its whole name elsewhere, where the model read a person or nothing.
        var keys: [UInt64] = []
        var names: [UInt64] = []
        for r in clubs {
            names.append(Consistency.phraseKey(words[r]))
            // (The last word may be an everyday word, a club's nickname: `Reds`, `Antlers`; the first, a place's, may not.)
            for k in [r.lowerBound, r.upperBound - 1] where words[k].flags & (Feature.given.rawValue | Self.notClubWords) == 0
                && (k == r.upperBound - 1 || !input.common(words[k])) && !keys.contains(words[k].key) && !people.contains(words[k].key) {
                keys.append(words[k].key)
            }
        }
        let locativeKeys = Self.locativeKeys
        // (And a club's whole name of two words or more that the model read as a place elsewhere: `Colo Colo`.)
        for n in kept.indices where kept[n].label == .person || kept[n].label == .gpe {
            guard let r = ranges[n], kept[n].label == .person && r.count == 1 && keys.contains(words[r.lowerBound].key)
                    || r.count >= 2 && names.contains(Consistency.phraseKey(words[r])),
                  r.lowerBound == 0 || !locativeKeys.contains(words[r.lowerBound - 1].key) else { continue }
            kept[n].label = .org
            kept[n].canonical = nil
            kept[n].priority = Candidate.byContext
        }
        var covered = [Bool](repeating: false, count: words.count)
        for r in ranges { if let r { for k in r { covered[k] = true } } }
        for c in added { if let r = a.wordIndex.range(words, c) { for k in r { covered[k] = true } } }
        for k in words.indices where words[k].capitalized && !covered[k] && keys.contains(words[k].key) {
            // Alone: no capitalized word joined to it on either side; not where a place is named (`played in Kilbury`).
            guard k == 0 || !words[k - 1].capitalized || words[k].gap != .space,
                  k == 0 || !locativeKeys.contains(words[k - 1].key),
                  k + 1 == words.count || !words[k + 1].capitalized || words[k + 1].gap != .space else { continue }
            added.append(Candidate(start: words[k].start, end: words[k].end, label: .org, canonical: nil, priority: Candidate.byContext))
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Whether a text is about sport: more than twenty words, three different words of sport among them at least.
    static func aboutSport(_ words: [Word]) -> Bool {
        guard words.count > 20 else { return false }
        // (The set in a local: a static read per word is a call to check it was made.)
        let cueKeys = Self.sportCueKeys
        var cues: [UInt64] = []
        for w in words where !w.capitalized && w.count >= 4 && cueKeys.contains(w.key) && !cues.contains(w.key) {
            cues.append(w.key)
            if cues.count == 3 { return true }
        }
        return false
    }

    /// `Lady Panthers`, `the Lady Mustangs' defence`: `Lady` before an everyday word, a women's side's nickname, is
    /// part of the side, not a title before a person.
    private func joinLadySides(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        for n in kept.indices where kept[n].label == .person || kept[n].label == .org {
            guard var r = a.wordIndex.range(words, kept[n]), r.count <= 2 else { continue }
            // (`Lady` before the name, or its first word: `Lady Hornets`.)
            if r.count == 2, WordMatch.isWord(b, words[r.lowerBound], "lady") { r = (r.lowerBound + 1)..<r.upperBound }
            guard r.lowerBound > 0, words[r.lowerBound].gap == .space,
                  case let lady = words[r.lowerBound - 1], lady.capitalized, WordMatch.isWord(b, lady, "lady"),
                  input.common(words[r.upperBound - 1]), words[r.upperBound - 1].flags & (Feature.given.rawValue | Feature.surnames.rawValue) == 0
            else { continue }
            kept[n].start = lady.start
            kept[n].label = .org
            kept[n].canonical = nil
            kept[n].priority = Candidate.byContext
        }
    }

    /// Whether word `k` is a given name: not the Arabic article before another capitalized word (`Al Sadd`, `El Gouna`),
    /// which the lists hold as a given name (`Al Gore`).
    static func givenName(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ k: Int) -> Bool {
        guard words[k].flags & Feature.given.rawValue != 0 else { return false }
        let w = words[k]
        let article = w.count == 2 && (b[w.start] == 0x41 || b[w.start] == 0x45) && b[w.start + 1] == 0x6C
            && k + 1 < words.count && words[k + 1].capitalized && words[k + 1].gap == .space
        return !article
    }

    /// Whether a run is a subject of its own: not the last of a list (`Smith and Jones are`), and not opening with
    /// `The` or a given name.
    static func standsAlone(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>) -> Bool {
        guard !WordMatch.isWord(b, words[r.lowerBound], "the") else { return false }
        if r.lowerBound > 0, WordMatch.isAny(b, words[r.lowerBound - 1], ["and", "&", "or", "both", "nor"]) { return false }
        return !givenName(b, words, r.lowerBound)
    }

    /// Plural verbs after a side's name, as British and Commonwealth sports writing agrees them: `Al Sadd are`.
    static let pluralVerbKeys = KeySet(["are", "were", "have"].map { wordKey($0) })

    /// Whether an opening bracket follows offset `end`, after spaces.
    static func bracketAfter(_ b: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var p = end
        while p < b.count, b[p] == 0x20 { p += 1 }
        return p < b.count && b[p] == 0x28
    }

    /// The capitalized run that ends right before word `i` (one to four words, set apart by spaces), nil when there
    /// is none or it runs on from a longer capitalized phrase.
    private func runBefore(_ words: [Word], _ i: Int) -> Range<Int>? {
        guard i > 0, words[i].gap == .space, words[i - 1].capitalized else { return nil }
        var s = i - 1
        while s > 0, i - s < 4, words[s - 1].capitalized, words[s].gap == .space, !words[s - 1].possessive { s -= 1 }
        if s > 0, words[s - 1].capitalized, words[s].gap == .space { return nil }
        return s..<i
    }

    /// The capitalized run that starts at word `i`, one to four words; nil when there is none or it is longer.
    private func runAfter(_ words: [Word], _ i: Int) -> Range<Int>? {
        guard i < words.count, words[i].capitalized, words[i].gap == .space else { return nil }
        var e = i + 1
        while e < words.count, e - i < 4, words[e].capitalized, words[e].gap == .space, !words[e - 1].possessive { e += 1 }
        if e < words.count, words[e].capitalized, words[e].gap == .space, !words[e - 1].possessive { return nil }
        // (An owner is no club: `host Kane Williamson's New Zealand`.)
        return words[e - 1].possessive ? nil : i..<e
    }

    /// Words that make a run no club's name: titles, ranks, dates and function words.
    static let notClubWords = Feature.titles.rawValue | Feature.ranks.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue
        | Feature.functionWords.rawValue

    /// Words of sport, three of which make a text about sport.
    static let sportCueKeys = KeySet(["league", "striker", "strikers", "midfielder", "midfielders", "defender", "defenders",
                                      "goalkeeper", "fixture", "fixtures", "halftime", "half-time", "penalty", "scored", "scoring",
                                      "relegation", "stadium", "goals", "squad", "coach", "matches", "playoffs", "play-offs",
                                      "semifinal", "semi-final", "quarter-finals", "quarterfinals", "touchline", "pitch", "kick-off",
                                      "derby", "aggregate", "winger", "innings", "wickets", "premiership", "champions", "fans", "club", "titles",
                                      "match", "matchday", "standings", "tournament", "unbeaten", "relegated", "hat-trick", "goalless",
                                      "championship", "coached"].map { wordKey($0) })
    /// `take on`, a match's verb: `X take on Y`.
    static let takeKeys = KeySet(["take", "takes", "took", "taking"].map { wordKey($0) })
    /// Verbs of a career, before the list of clubs it went through: `coached A, B and C`, `played for A and B`.
    static let careerKeys = KeySet(["coached", "managed", "represented", "played", "spells", "stints"].map { wordKey($0) })
    /// Verbs of a match or a table, with a club on either side: `X beat Y`, `X drew with Y`, `X sit top`.
    static let matchVerbKeys = KeySet(["beat", "beats", "defeated", "defeats", "thrashed", "thrash", "edged", "hammered", "routed",
                                       "stunned", "drew", "host", "hosted", "hosts", "welcome", "welcomes", "welcomed", "overcame",
                                       "trail", "trails", "trailed", "sit", "sits", "outclassed", "outplayed", "eliminated",
                                       "whipped", "crushed", "blanked", "downed", "humbled", "lost", "beaten", "meet", "meets", "face",
                                       "faces", "faced", "beating", "defeating", "thrashing", "hosting", "facing"].map { wordKey($0) })
    /// Who works or plays for a club, after its name: `Chicken Inn coach Joey Antipas`, `an early Urawa goal`.
    static let clubRoleKeys = KeySet(["coach", "manager", "midfielder", "striker", "defender", "goalkeeper", "keeper", "winger",
                                      "skipper", "substitute", "forward", "captain", "fans", "supporters", "goal", "equaliser",
                                      "equalizer", "boss", "academy"].map { wordKey($0) })
    /// Auxiliaries between a club and its verb (`Young Boys had lost`).
    static let auxiliaryKeys = KeySet(["have", "has", "had", "will", "would", "could", "were", "was"].map { wordKey($0) })
    /// Words before `to` whose object is a club: `at home to X`, `away to X`, `lost to X`.
    static let toLeadKeys = KeySet(["home", "away", "lost", "lose", "losing", "defeat", "loss", "draw", "slumped", "fell", "succumbed",
                                    "going", "travel", "travels", "trip"].map { wordKey($0) })
    /// Words before `over` whose object is a club: `a win over X`.
    static let overLeadKeys = KeySet(["win", "wins", "victory", "victories", "triumph"].map { wordKey($0) })
    /// Words before `by` whose object is a club: `beaten by X`.
    static let byLeadKeys = KeySet(["beaten", "defeated", "held", "thrashed", "edged", "stunned", "eliminated", "hammered", "defeat",
                                    "loss"].map { wordKey($0) })
    /// Words before `of` whose object is a club: `at the expense of X`.
    static let ofLeadKeys = KeySet(["expense"].map { wordKey($0) })
    /// A club's last word: `Bangkok United`, `Forest Green Rovers`.
    static let clubSuffixKeys = KeySet(["united", "rovers", "wanderers", "athletic", "albion", "hotspur", "fc", "sc", "afc"].map { wordKey($0) })
    /// Countries and the home nations: a national side keeps its country's name (`France beat Mexico 2-0`), as
    /// CoNLL and OntoNotes annotate it.
    static let countryKeys: Set<UInt64> = Set([
        "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bangladesh",
        "Belarus", "Belgium", "Bolivia", "Bosnia and Herzegovina", "Brazil", "Bulgaria", "Cambodia", "Cameroon", "Canada",
        "Chile", "China", "Colombia", "Croatia", "Cuba", "Cyprus", "Czechia", "Denmark", "Ecuador", "Egypt", "Estonia",
        "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana", "Greece", "Hungary", "Iceland", "India",
        "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan", "Kenya", "Korea",
        "North Korea", "South Korea", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania",
        "Malaysia", "Mexico", "Moldova", "Mongolia", "Morocco", "Myanmar", "Nepal", "Netherlands", "New Zealand",
        "Nigeria", "Norway", "Pakistan", "Palestine", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania",
        "Russia", "Saudi Arabia", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa", "Spain",
        "Sri Lanka", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan", "Thailand", "Tunisia", "Turkey",
        "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom", "United States", "Uruguay",
        "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "Zimbabwe", "England", "Scotland", "Wales", "Costa Rica",
        "Puerto Rico", "Papua New Guinea", "Sierra Leone", "Burkina Faso", "El Salvador", "Trinidad and Tobago",
        "Solomon Islands", "Cook Islands", "Brunei", "Timor-Leste", "Bahrain", "Oman", "Bhutan", "Maldives", "Mauritius",
        "Seychelles", "Malawi", "Zambia", "Botswana", "Lesotho", "Namibia", "Eswatini", "Gambia", "Liberia", "Togo",
        "Benin", "Eritrea", "Burundi", "Gabon", "Côte d'Ivoire", "Madagascar", "Cabo Verde", "Fiji", "Samoa", "Tonga",
        "Kiribati", "Tuvalu", "Palau", "Marshall Islands", "Belize", "Honduras", "Nicaragua", "Panama", "Guatemala",
        "Haiti", "Barbados", "Grenada", "Saint Vincent and the Grenadines", "Bahamas", "Guyana", "Suriname", "Paraguay",
        "Saint Kitts and Nevis", "Antigua and Barbuda", "Saint Lucia", "Vanuatu", "Nauru", "Jamaica", "Tanzania", "Rwanda",
        "Mali", "Senegal", "Niger", "Chad", "Angola", "Mozambique", "Congo", "DR Congo", "DRC", "Ivory Coast",
        "Czech Republic", "North Macedonia", "Macedonia", "Montenegro", "Kosovo", "Luxembourg", "Malta",
        "Dominican Republic", "Andorra", "Liechtenstein", "Monaco", "San Marino", "Faroe Islands", "Gibraltar",
        "Northern Ireland", "Republic of Ireland", "Great Britain", "Britain", "UK", "U.K.", "US", "U.S.", "USA",
        "America", "Holland", "South Sudan", "Guinea", "Equatorial Guinea", "Guinea-Bissau", "Mauritania", "Djibouti",
        "Comoros", "Curacao", "Curaçao", "Hong Kong", "Macau", "Chinese Taipei", "Dominica", "Bermuda", "Cayman Islands",
        "New Caledonia", "Tahiti", "Cape Verde"
    ].map { phraseKey($0) })
    /// The key of a phrase of words, as ``Consistency/phraseKey(_:)`` gives it for the words of a text.
    static func phraseKey(_ text: String) -> UInt64 {
        var key: UInt64 = 0xCBF2_9CE4_8422_2325
        for word in text.split(separator: " ") { key = (key ^ wordKey(String(word))) &* 0x100_0000_01B3 }
        return key
    }
    /// Prepositions before a place's name: `in Kilbury`, `near Kilbury`.
    static let locativeKeys = KeySet(["in", "at", "from", "near", "outside", "around", "across"].map { wordKey($0) })
    static let againstKey = wordKey("against")
    static let toKey = wordKey("to")
    static let overKey = wordKey("over")
    static let byKey = wordKey("by")
    static let ofKey = wordKey("of")
}
