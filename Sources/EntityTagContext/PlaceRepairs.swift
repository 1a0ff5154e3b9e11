import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Places read off their form and their neighbours, whatever the model called them. Most towns, wards and
/// rivers of regional news are in no list, and a capitalized word nobody has heard of reads as a person; what
/// stands around it says otherwise:
/// - a name whose last word is a river's or a valley's is a natural place (`Fitzroy River`: `LOC`), and one
///   whose last word is an administrative unit's is a governed place (`Kira Municipality`, `Kabompo
///   District`: `GPE`), a ward's number after a hyphen and all (`Rolpa Municipality-10`);
/// - a name right before such a word in lower case is that place (`the Fitzroy catchment`, `Gorkha district`,
///   `Rautamai rural municipality`, `the Bagmati and Manohara rivers`);
/// - the names of a list that is mostly places are places (`Kyebando, Nakawa, Kira and Namugongo`);
/// - two places joined by `and` that the model read as one name are two (`Temeke and Kinondoni`), unless the
///   gazetteer holds the whole (`Trinidad and Tobago`).
///
/// And the names around them: a person the model ran into the end of another name (`Third Sector Colin
/// Jordan`), a person's name that runs over `of` (`Prem Bhattarai of Bhaktapur`), a listed name that crosses a
/// name's end (`World Bank for Dar es Salaam`), a place with an institution's words after it (`Kenya Police`).
extension Recognizer {
    /// `Kyiv has turned to the security service for help`, `Casper and Natrona County officials`: a town or a county
    /// the lists hold, named alone in a text that also names its government (`Kyiv City State Administration`,
    /// `Casper City Council`, `Natrona County Commissioners`), is the place, as OntoNotes annotates a place that
    /// acts: the model remembers the town inside the body's name and reads some later mentions alone as the body.
    func repairTownsAsBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var towns: [UInt64] = []
        for n in kept.indices where kept[n].label == .org && kept[n].priority != Candidate.byContext {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 2, r.count <= 6 else { continue }
            // The town's words, then a word of its government: `Kyiv City State Administration`, `Natrona County Commission`.
            // (Every such cut: the lists may know `Kyiv City` as well as `Kyiv`. The town alone must be a place they hold.)
            for k in r.dropFirst() where WordMatch.isAny(b, words[k], Self.governmentWords) {
                towns.append(Consistency.phraseKey(words[r.lowerBound..<k]))
            }
        }
        guard !towns.isEmpty else { return }
        for n in kept.indices where kept[n].label == .org && kept[n].priority != Candidate.byContext {
            // (A place the lists hold, or one its last word says is a county or a district: `Natrona County`.)
            guard let r = a.wordIndex.range(words, kept[n]), towns.contains(Consistency.phraseKey(words[r])) else { continue }
            let known = Self.match(a.matches, kept[n].start, kept[n].end)
            guard known?.label == .gpe || known == nil && r.count >= 2 && WordMatch.isAny(b, words[r.upperBound - 1], RepairWords.placeEnds)
            else { continue }
            kept[n].label = .gpe
            kept[n].canonical = known?.canonical
        }
    }

    /// `Nakano City`, `Cotabato City`: a name of two to four words ending in `City`, read as a body where the lists know
    /// no body of that name, is the city, outside a text about sport, where it is a club (`Manchester City`).
    func repairCitiesAsBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        splitPairedUnits(&kept, b, a)
        var sport: Bool?
        for n in kept.indices where kept[n].label == .org && kept[n].end - kept[n].start >= 7 && kept[n].priority != Candidate.byContext {
            // (Read off the bytes first: ` City` at the name's end.)
            let e = kept[n].end
            guard b[e - 5] == 0x20, b[e - 4] == 0x43, b[e - 3] == 0x69, b[e - 2] == 0x74, b[e - 1] == 0x79,
                  let r = a.wordIndex.range(words, kept[n]), (2...4).contains(r.count),
                  Self.match(a.matches, kept[n].start, kept[n].end)?.label != .org,
                  // (Not a side in a table of results: `Bristol City 0 Crewe 0`.)
                  e + 1 >= b.count || !(b[e] == 0x20 && b[e + 1] &- 0x30 < 10) else { continue }
            if sport == nil { sport = Self.aboutSport(words) }
            guard sport == false else { return }
            kept[n].label = .gpe
            kept[n].canonical = nil
        }
    }

    /// `Tarlac City and Naga City`, `Kisumu County and Nakuru County`: two places that end in the same unit's word,
    /// joined by `and` into one name, are two names.
    private func splitPairedUnits(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var added: [Candidate] = []
        for n in kept.indices where (kept[n].label == .org || kept[n].label == .gpe) && kept[n].end - kept[n].start >= 15 {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 5, r.count <= 8,
                  let and = r.dropFirst(2).first(where: { !words[$0].capitalized && WordMatch.isWord(b, words[$0], "and") }),
                  and + 2 < r.upperBound, words[and - 1].key == words[r.upperBound - 1].key,
                  WordMatch.isAny(b, words[and - 1], ["city", "county", "district", "province", "state", "municipality"]),
                  !r.contains(where: { !words[$0].capitalized && $0 != and }) else { continue }
            added.append(Candidate(start: words[and + 1].start, end: kept[n].end, label: kept[n].label, canonical: nil,
                                   priority: kept[n].priority))
            kept[n].end = words[and - 1].end
            kept[n].canonical = nil
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// `Chitipa DHO`, read as a person where the text names `Chitipa` a place (`Chitipa district`): a place's name and
    /// an office's initials are the office, a body. And a name joined to `-based`, `-born` or `-bound` is a place, not
    /// a person (`Both Addis Ababa-based clubs`).
    func repairPlaceOffices(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (Two capitals end the name, or a hyphen follows it: a byte or two turn nearly every person away.)
        func candidate(_ c: Candidate) -> Bool {
            c.label == .person && c.end - c.start >= 4 && (c.end < b.count && b[c.end] == 0x2D
                || b[c.end - 1] &- 0x41 < 26 && b[c.end - 2] &- 0x41 < 26)
        }
        guard kept.contains(where: candidate) else { return }
        var placeKeys: [UInt64] = []
        for n in kept.indices where kept[n].label == .gpe {
            if let r = a.wordIndex.range(words, kept[n]) { placeKeys.append(Consistency.phraseKey(words[r])) }
        }
        for n in kept.indices where candidate(kept[n]) {
            guard let r = a.wordIndex.range(words, kept[n]) else { continue }
            let last = words[r.upperBound - 1]
            if r.count >= 2, let letters = Self.capitalLetters(b, last), (2...5).contains(letters),
               placeKeys.contains(Consistency.phraseKey(words[r.lowerBound..<(r.upperBound - 1)])) {
                kept[n].label = .org
                kept[n].canonical = nil
                kept[n].priority = Candidate.byContext
            } else if kept[n].end + 6 <= b.count, b[kept[n].end] == 0x2D, !last.possessive,
                      Self.describerAfter(b, kept[n].end + 1) {
                kept[n].label = .gpe
                kept[n].canonical = nil
            }
        }
    }

    /// A people's name the lists do not hold is rarely one: peoples are a closed list, and the model reads any word
    /// ending like `Pakistani` or `Kenyan` as one. A word read so after a given name is that person's family name (`Ion
    /// Ceban`); before an office's title or after `in`, `of`, `from`, `near` or `at` it is a place (`Kutaisi Mayor`,
    /// `residents of Dhanmondi`).
    func repairUnknownPeoples(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var dropped: [Int] = []
        let ranked = Feature.titles.rawValue | Feature.ranks.rawValue
        for n in kept.indices where kept[n].label == .norp && Self.match(a.matches, kept[n].start, kept[n].end) == nil {
            guard let r = a.wordIndex.range(words, kept[n]), r.count == 1, !words[r.lowerBound].possessive else { continue }
            let k = r.lowerBound
            if k > 0, words[k].gap == .space, words[k - 1].capitalized, words[k - 1].flags & Feature.given.rawValue != 0,
               n == 0 || kept[n - 1].end <= words[k - 1].start || kept[n - 1].start == words[k - 1].start && kept[n - 1].end == words[k - 1].end {
                if n > 0, kept[n - 1].start == words[k - 1].start { dropped.append(n - 1) }
                kept[n].start = words[k - 1].start
                kept[n].label = .person
                kept[n].canonical = nil
            } else if k + 1 < words.count && words[k + 1].gap == .space && words[k + 1].capitalized && words[k + 1].flags & ranked != 0
                        || k > 0 && !words[k - 1].capitalized && WordMatch.isAny(b, words[k - 1], ["in", "of", "from", "near", "at"])
                        // (A noun's modifier is a people's: `of Azeri origin`; a hyphened one too: `the Arab-Israeli`.)
                        && (k + 1 == words.count || words[k + 1].gap != .space || words[k + 1].flags & Feature.functionWords.rawValue != 0)
                        && !WordMatch.hasHyphen(b, words[k]) {
                kept[n].label = .gpe
                kept[n].canonical = nil
            }
        }
        for n in dropped.reversed() { kept.remove(at: n) }
    }

    /// Whether `based`, `born` or `bound` starts at `i` and ends a word.
    static func describerAfter(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        for word in ["based", "born", "bound"] {
            let n = word.utf8.count
            guard i + n <= b.count, word.utf8.elementsEqual(UnsafeBufferPointer(rebasing: b[i..<(i + n)])) else { continue }
            return i + n == b.count || !(b[i + n] &- 0x61 < 26 || b[i + n] &- 0x41 < 26)
        }
        return false
    }

    /// Words that follow a town's name in its government's: `City`, `County`, `Council`, `Administration`.
    static let governmentWords: WordList = ["city", "county", "council", "administration", "commission", "commissioners",
                                            "municipality", "municipal", "regional", "state", "government", "assembly"]

    /// `Sur`, `Norte`, `Occidental`: a region's last word (a list made once, not at each call).
    static let regionSuffixes: WordList = ["sur", "norte", "occidental", "oriental"]

    func repairPlaces(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var ranges = a.wordIndex.ranges(words, kept)
        splitPeopleOffNames(&kept, &ranges, a, input: input)
        splitJoinedPlaces(&kept, &ranges, b, a)
        cutPersonsAtOf(&kept, &ranges, b, a)
        takeCrossingListedNames(&kept, &ranges, b, a)
        extendPlacesToInstitutions(&kept, &ranges, b, a)
        var added: [Candidate] = []
        // Not a nationality: before a place's noun it is an adjective (`a Kenyan town`).
        let repairable = EntityLabel.person.bit | EntityLabel.org.bit | EntityLabel.gpe.bit | EntityLabel.loc.bit
        for n in kept.indices {
            guard kept[n].label.bit & repairable != 0, let r = ranges[n] else { continue }
            let known = Self.match(a.matches, kept[n].start, kept[n].end)
            if let known, known.label == kept[n].label { continue }
            let last = words[r.upperBound - 1]
            // The words before a head are a place's name only if they are not everyday words (`School District`,
            // `Water Catchment` are bodies), and a person named in full keeps a place's word as a family name
            // (`Mickey Rivers`, `Anna Vale`).
            let given = words[r.lowerBound].flags & Feature.given.rawValue != 0
            let named = r.count >= 2 && !r.dropLast().allSatisfy { input.common(words[$0]) || !words[$0].capitalized }
                && !(kept[n].label == .person && given)
            if named, kept[n].label != .loc, last.capitalized, last.flags & Feature.placeHeads.rawValue != 0,
               WordMatch.isAny(b, last, RepairWords.landformHeads) {
                kept[n].label = .loc
                kept[n].canonical = nil
            } else if named, last.capitalized, last.count >= 5 && Self.isHead(b, last, RepairWords.unitHeads)
                        || r.count >= 2 && !given && WordMatch.isAny(b, last, Self.regionSuffixes) {
                // (`Malayo Sur`, `Ilocos Norte`, `Negros Occidental`: the compass of a Philippine or Spanish place's name;
                // `named` has turned away everyday words before it: `Mandarin Oriental`.)
                kept[n].label = .gpe
                kept[n].canonical = nil
                // A ward's number is no part of the name (`Rolpa Municipality-10`).
                if !WordMatch.isAny(b, last, RepairWords.unitHeads), let dash = (last.start..<last.end).last(where: { b[$0] == 0x2D }) {
                    kept[n].end = dash
                }
            } else if kept[n].label != .loc, known == nil, r.count <= 2,
                      // (A given name first may open a place too, before a unit's word: `Dan Phuong district`.)
                      !(r.count == 2 && given) || Self.unitAfter(b, words, r.upperBound),
                      let label = placeNoun(after: r.upperBound, b, words,
                                            afterThe: r.lowerBound > 0 && WordMatch.isWord(b, words[r.lowerBound - 1], "the")),
                      label != kept[n].label {
                kept[n].label = label
                kept[n].canonical = nil
                // `the Bagmati and Manohara rivers`: the name before `and` is one of them, found or not.
                let before = r.lowerBound - 2
                guard before >= 0, WordMatch.isWord(b, words[before + 1], "and"), words[before].capitalized,
                      words[before].flags & Feature.functionWords.rawValue == 0 else { continue }
                if n > 0, let p = ranges[n - 1], p.upperBound == before + 1 {
                    if kept[n - 1].label.bit & repairable != 0, kept[n - 1].label != .loc, p.count <= 2,
                       Self.match(a.matches, kept[n - 1].start, kept[n - 1].end) == nil {
                        kept[n - 1].label = label
                        kept[n - 1].canonical = nil
                    }
                } else if n == 0 || kept[n - 1].end <= words[before].start {
                    added.append(Candidate(start: words[before].start, end: words[before].end, label: label, canonical: nil, priority: 4))
                }
            }
        }
        if !added.isEmpty {
            kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            ranges = a.wordIndex.ranges(words, kept)
        }
        placesInLists(&kept, ranges, b, a)
    }

    /// `LOC` or `GPE` when the words after word `i` name a natural place or an administrative unit in lower case
    /// (`river`, `rural municipality`), not a building or a body named for it (`town hall`, `district council`).
    private func placeNoun(after i: Int, _ b: UnsafeBufferPointer<UInt8>, _ words: [Word], afterThe: Bool) -> EntityLabel? {
        var k = i
        guard k < words.count, words[k].gap == .space, !words[k].capitalized, !words[k].digit else { return nil }
        // `the Cai Lan container terminal`, `the Upper Ruvu plant`: a structure named by what it is, a word of
        // its kind between (`the` before it, as no person's name has).
        if afterThe, WordMatch.isAny(b, words[k], RepairWords.structureNouns)
            || k + 1 < words.count && words[k + 1].gap == .space && !words[k + 1].capitalized
            && WordMatch.isAny(b, words[k + 1], RepairWords.structureNouns) {
            return .fac
        }
        // Most names are followed by a verb or a preposition: one probe of the place nouns turns them away.
        func isPlaceNoun(_ w: Word) -> Bool {
            Self.placeNouns.contains(b, w.range) || b[w.end - 1] &- 0x30 < 10 && Self.isHead(b, w, RepairWords.unitHeads)
        }
        if !isPlaceNoun(words[k]) {
            guard WordMatch.isAny(b, words[k], RepairWords.unitModifiers), k + 1 < words.count else { return nil }
            k += 1
        }
        let noun = words[k]
        guard !noun.capitalized, noun.gap == .space, isPlaceNoun(noun) else { return nil }
        if k + 1 < words.count, words[k + 1].gap == .space, WordMatch.isAny(b, words[k + 1], RepairWords.bodyWords) { return nil }
        return WordMatch.isAny(b, noun, RepairWords.landformNouns) ? .loc : .gpe
    }

    /// Whether word `k` is a governed unit's word in lower case (`district`, `sub-district`, `commune`), one no person's
    /// name comes before.
    static func unitAfter(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ k: Int) -> Bool {
        guard k < words.count, !words[k].capitalized, words[k].gap == .space else { return false }
        return WordMatch.isAny(b, words[k], RepairWords.unitHeads) || WordMatch.isAny(b, words[k], "village", "commune", "barangay")
    }

    /// `Kisumu` in `Kisumu, Kakamega and Bungoma`: a name of a list (names joined by commas and one `and` or
    /// `or`) at least half of whose names, and two or more, are places, is a place too. A person named in
    /// full (a given name first) stays a person.
    private func placesInLists(_ kept: inout [Candidate], _ ranges: [Range<Int>?], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        var n = 0
        while n < kept.count {
            var end = n + 1
            while end < kept.count, kept[end - 1].label.isName, kept[end].label.isName,
                  Self.listGap(b, kept[end - 1].end, kept[end].start) { end += 1 }
            defer { n = end }
            var places = 0
            for k in n..<end where kept[k].label == .gpe { places += 1 }
            guard end - n >= 3, places >= 2, places * 2 >= end - n else { continue }
            for k in n..<end where kept[k].label == .person || kept[k].label == .org {
                guard let r = ranges[k], r.count <= 2, Self.match(a.matches, kept[k].start, kept[k].end) == nil,
                      a.words[r.lowerBound].flags & Feature.given.rawValue == 0 else { continue }
                kept[k].label = .gpe
                kept[k].canonical = nil
            }
        }
    }

    /// Only `, `, ` and `, `, and `, ` or ` or `, or ` between two names.
    private static func listGap(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard to > from, to - from <= 6 else { return false }
        var i = from
        if b[i] == 0x2C { i += 1 }
        guard i < to, b[i] == 0x20 else { return false }
        i += 1
        if i == to { return b[from] == 0x2C }
        let rest = UnsafeBufferPointer(rebasing: b[i..<to])
        return rest.elementsEqual("and ".utf8) || rest.elementsEqual("or ".utf8)
    }

    /// `Temeke and Kinondoni` read as one place, or as one organization of which one side is a known place:
    /// two places. A name the gazetteer holds whole, or with an organization's head, stays one.
    private func splitJoinedPlaces(_ kept: inout [Candidate], _ ranges: inout [Range<Int>?], _ b: UnsafeBufferPointer<UInt8>,
                                   _ a: EntityTagger.Analysis) {
        let words = a.words
        let heads = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.facilityHeads.rawValue
        var n = 0
        while n < kept.count {
            defer { n += 1 }
            guard kept[n].label == .gpe || kept[n].label == .org, let r = ranges[n], r.count >= 3,
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil,
                  let and = r.dropFirst().dropLast().first(where: { WordMatch.isWord(b, words[$0], "and") }),
                  r.allSatisfy({ $0 == and || words[$0].capitalized }), words[r.upperBound - 1].flags & heads == 0 else { continue }
            let left = r.lowerBound..<and, right = (and + 1)..<r.upperBound
            func place(_ s: Range<Int>) -> Bool {
                Self.match(a.matches, words[s.lowerBound].start, words[s.upperBound - 1].end)?.label == .gpe
            }
            guard kept[n].label == .gpe || place(left) || place(right) else { continue }
            var second = kept[n]
            second.start = words[right.lowerBound].start
            second.label = .gpe
            second.canonical = nil
            kept[n].end = words[left.upperBound - 1].end
            kept[n].label = .gpe
            kept[n].canonical = nil
            kept.insert(second, at: n + 1)
            ranges[n] = left
            ranges.insert(right, at: n + 1)
            n += 1
        }
    }

    /// `Third Sector Colin Jordan`, `Leicester City Jamie Vardy`: a name the model ran on into a person named in
    /// full (a given name and one or two words more, none an organization's or a place's head) is two names; a
    /// person read over the everyday words of an office before it (`Blue Economy Marlon Fitt`) starts at the
    /// given name.
    private func splitPeopleOffNames(_ kept: inout [Candidate], _ ranges: inout [Range<Int>?], _ a: EntityTagger.Analysis,
                                     input: NameInput) {
        let words = a.words
        let heads = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.facilityHeads.rawValue
            | Feature.placeHeads.rawValue | Feature.gpeSuffixes.rawValue | Feature.titles.rawValue
        var n = 0
        while n < kept.count {
            defer { n += 1 }
            let person = kept[n].label == .person
            guard person || kept[n].label == .org || kept[n].label == .gpe || kept[n].label == .loc, let r = ranges[n], r.count >= 3,
                  let g = (max(r.lowerBound + 1, r.upperBound - 3)..<(r.upperBound - 1)).first(where: {
                      words[$0].flags & Feature.given.rawValue != 0 && words[$0 - 1].flags & Feature.given.rawValue == 0 }),
                  words[g..<r.upperBound].allSatisfy({ $0.capitalized && $0.flags & heads == 0 && !$0.digit }),
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            if person {
                guard r[r.lowerBound..<g].allSatisfy({ input.common(words[$0]) && words[$0].flags & Feature.surnames.rawValue == 0 })
                else { continue }
                kept[n].start = words[g].start
                kept[n].canonical = nil
                ranges[n] = g..<r.upperBound
                continue
            }
            let found = Candidate(start: words[g].start, end: kept[n].end, label: .person, canonical: nil, priority: 4)
            kept[n].end = words[g - 1].end
            kept[n].canonical = nil
            kept.insert(found, at: n + 1)
            ranges[n] = r.lowerBound..<g
            ranges.insert(g..<r.upperBound, at: n + 1)
            n += 1
        }
    }

    /// `Prem Prasad Bhattarai of Bhaktapur`, `Jane Okoth of Kisumu`: a person's name of two words and more never
    /// runs over `of`; what follows is where the person is from or works (typed by the gazetteer or its head
    /// word, else a place). A title's (`Princess of Wales`) is left alone. So too a title, a name, `of` and a
    /// body, which the body's head made a building or a body (`Dr. Jane Okoth of the Kisumu Museum`).
    private func cutPersonsAtOf(_ kept: inout [Candidate], _ ranges: inout [Range<Int>?], _ b: UnsafeBufferPointer<UInt8>,
                                _ a: EntityTagger.Analysis) {
        let words = a.words
        let titles = Feature.titles.rawValue | Feature.ranks.rawValue
        var n = 0
        while n < kept.count {
            defer { n += 1 }
            // The model's own cut: `Ramesh Adhikari` and then `of Birgunj` read as a person too.
            if kept[n].label == .person, let r = ranges[n], r.count >= 2, n + 1 < kept.count, kept[n + 1].label == .person,
               let next = ranges[n + 1], next.count == 1, next.lowerBound == r.upperBound + 1,
               WordMatch.isWord(b, words[r.upperBound], "of"), words[next.lowerBound].flags & Feature.given.rawValue == 0,
               Self.match(a.matches, kept[n + 1].start, kept[n + 1].end) == nil {
                kept[n + 1].label = .gpe
                kept[n + 1].canonical = nil
            }
            // (A person's title before the name and a body's head at its end make it a building or a body to the
            // head's repair: `Dr. Jane Okoth of the Kisumu Museum`.)
            guard let r = ranges[n], r.count >= 4, kept[n].label == .person
                    || [.fac, .org, .gpe].contains(kept[n].label) && words[r.lowerBound].flags & titles != 0,
                  let of = r.dropFirst(2).dropLast().first(where: { WordMatch.isWord(b, words[$0], "of") }),
                  r[r.lowerBound..<of].contains(where: { words[$0].flags & titles == 0 }) else { continue }
            if kept[n].label != .person {
                var first = r.lowerBound
                while first < of, words[first].flags & titles != 0 { first += 1 }
                guard of - first >= 2, (first..<of).allSatisfy({ words[$0].capitalized && words[$0].gap == .space }) else { continue }
                kept[n].start = words[first].start
                kept[n].label = .person
            }
            var from = of + 1
            if WordMatch.isWord(b, words[from], "the"), from + 1 < r.upperBound { from += 1 }
            let rest = from..<r.upperBound
            guard rest.allSatisfy({ words[$0].capitalized }) else { continue }
            let start = words[rest.lowerBound].start, end = kept[n].end
            let head = words[rest.upperBound - 1].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0
            let label = Self.match(a.matches, start, end)?.label ?? (head ? .org : .gpe)
            kept[n].end = words[of - 1].end
            kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            ranges[n] = r.lowerBound..<of
            kept.insert(Candidate(start: start, end: end, label: label, canonical: nil, priority: 4), at: n + 1)
            ranges.insert(rest, at: n + 1)
            n += 1
        }
    }

    /// `World Bank for Dar es Salaam` read as `World Bank for Dar` and `Salaam`: a name of the gazetteer that
    /// starts after a joiner inside a name and runs past its end is taken whole, and the name ends before the
    /// joiner.
    private func takeCrossingListedNames(_ kept: inout [Candidate], _ ranges: inout [Range<Int>?], _ b: UnsafeBufferPointer<UInt8>,
                                         _ a: EntityTagger.Analysis) {
        let words = a.words
        var changed = false
        // Only a listed name of two words and more can run past a name's end from inside it.
        for m in a.matches.indices where a.matches[m].label.isName && b[a.matches[m].start..<a.matches[m].end].contains(0x20) {
            let (start, end) = (a.matches[m].start, a.matches[m].end)
            // The last candidate that starts before the listed name (candidates are in text order).
            var lo = 0, hi = kept.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if kept[mid].start < start { lo = mid + 1 } else { hi = mid }
            }
            let n = lo - 1
            // `US Food and Drug Administration`: a country's name and a listed body after it, which the model cut in
            // two, are the body, as OntoNotes annotates a national body with its country.
            if n >= 0, a.matches[m].label == .org, kept[n].label.isName, kept[n].end > start, kept[n].end < end, let r = ranges[n],
               let w = Consistency.firstWord(words, at: start), w - 1 == r.lowerBound,
               Self.match(a.matches, words[r.lowerBound].start, words[r.lowerBound].end)?.label == .gpe,
               !kept.contains(where: { $0.label.isName && $0.start < end && $0.end > end }) {
                let body = Candidate(start: kept[n].start, end: end, label: .org, canonical: nil, priority: Candidate.byContext)
                kept.removeAll { $0.start >= body.start && $0.end <= end }
                kept.append(body)
                kept.sort { ($0.start, $0.end) < ($1.start, $1.end) }
                ranges = a.wordIndex.ranges(words, kept)
                continue
            }
            guard n >= 0, kept[n].label.isName, kept[n].end > start, kept[n].end < end,
                  let r = ranges[n], let w = Consistency.firstWord(words, at: start), w - 1 > r.lowerBound,
                  words[w - 1].flags & Feature.connectors.rawValue != 0 || WordMatch.isWord(b, words[w - 1], "in"),
                  !kept.contains(where: { $0.label.isName && $0.start < end && $0.end > end }) else { continue }
            kept[n].end = words[w - 2].end
            if kept[n].label == .person {
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            }
            kept.removeAll { $0.start >= start && $0.end <= end }
            kept.append(a.matches[m])
            kept.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            changed = true
        }
        if changed { ranges = a.wordIndex.ranges(words, kept) }
    }

    /// `Trinidad and Tobago High Court`, `Kenya Police`: capitalized words nothing named, right after a place and
    /// ending in an institution's head, make the place and them one organization.
    private func extendPlacesToInstitutions(_ kept: inout [Candidate], _ ranges: inout [Range<Int>?], _ b: UnsafeBufferPointer<UInt8>,
                                            _ a: EntityTagger.Analysis) {
        let words = a.words
        let heads = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue
        for n in kept.indices where kept[n].label == .gpe {
            guard let r = ranges[n] else { continue }
            var j = r.upperBound
            let limit = n + 1 < kept.count ? kept[n + 1].start : Int.max
            while j < words.count, j < r.upperBound + 3, words[j].capitalized, words[j].end <= limit,
                  Self.joinedBySpace(b, words[j - 1], words[j]), !words[j - 1].possessive,
                  words[j].flags & Feature.functionWords.rawValue == 0 { j += 1 }
            guard j > r.upperBound, words[j - 1].flags & heads != 0, !words[j - 1].possessive else { continue }
            kept[n].end = words[j - 1].end
            kept[n].label = .org
            kept[n].canonical = nil
            ranges[n] = r.lowerBound..<j
        }
    }

    /// Whether `w` is one of `heads`, or one of them with a ward's number after a hyphen (`Municipality-10`).
    static func isHead(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ heads: WordList) -> Bool {
        if WordMatch.isAny(b, w, heads) { return true }
        var h = w.start
        while h < w.end, b[h] != 0x2D { h += 1 }
        guard h > w.start, h + 1 < w.end, (h + 1..<w.end).allSatisfy({ b[$0] &- 0x30 < 10 }) else { return false }
        var stem = w
        stem.end = h
        return WordMatch.isAny(b, stem, heads)
    }

    /// ``RepairWords.landformNouns``, ``RepairWords.unitHeads`` and ``RepairWords.settlementNouns`` in one set.
    static let placeNouns = WordSet((RepairWords.landformNouns.words + RepairWords.unitHeads.words + RepairWords.settlementNouns.words
                                     + RepairWords.seatNouns.words).map { $0.description })
}
