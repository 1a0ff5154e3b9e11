import EntityTagModel
import EntityTagRules
import LedeText

/// Names read off their last word and their form, whatever the model called them:
/// - no person's name ends in `Hospital`, `County` or `Police`: a name the model read as a person that does is
///   a building, a place or a body, with the capitalized words before it (`Kanyama General Hospital`, which
///   the title `General` had cut in two; `Wayne County`), and a place's name that ends in a building's or a
///   body's word is the building or the body (`Victoria Union Hospital`, `Waikato East Police`);
/// - a law's name takes its year and the words its lower-case joiners hold (`Protection from Harassment Act
///   2014`, `Criminal and Other Offences Act`), and an event's name the year before it (`the 2022 FIFA World Cup`);
/// - the first word of a rank of two words is no name (`Lance` of `Lance Corporal`);
/// - one word with a capital inside it after a long lower-case run is a brand, not a person (`TradeWeek`),
///   and capitals with a plural `s` are no name at all (`CDs`, `MPs`);
/// - an institution's name leaves a capitalized `The` out (`The Wexford County Sheriff's Office`), as OntoNotes
///   does, keeps a place's title (`Prince Albert Police Service`), leaves an office before or after it out (`The
///   Director of the Special Investigations Unit`, `Swansea Council Leader`), lends its initials to capitals
///   that spell them (`an SIU investigator`), and two subunits joined by `and` are two;
/// - a place and a plural are a team (`the Auckland Blues`), a call sign a broadcaster (`WBTV`), a word before
///   a title and a person's name or after a job and `at` an employer (`Halvorsen President Dana Pike`), and an
///   unknown word after `in` a place (`in Opunake`);
/// - a listed place before a person's noun or a body in lower case is the place (`a Texas man`, `Hamilton
///   police`), a city's hall is a building (`Edmonton City Hall`), a name no list holds as a place before a
///   leader's term is the leader (`the Moon Jae-in administration`), and a word the gazetteer lists as a firm is the
///   firm unless the document names a person of that name in full (`Bloomberg`);
/// - two listed places joined by a hyphen are two (`Kenya-Uganda`, `US-China`).
extension Recognizer {
    /// A leader's term after the leader's name (`administration`, `era`), and the prepositions before a place (`in`,
    /// `towards`): lists made once, where one written in place was an array allocated at each call.
    static let leadersTerms: WordList = ["administration", "presidency", "era", "regime"]
    static let placePrepositions: WordList = ["in", "near", "outside", "towards", "toward"]

    package func repairHeads(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var removed: [Int] = []
        var added: [Candidate] = []
        var acronyms: [UInt64] = []
        let function = Feature.functionWords.rawValue
        let titleOrRank = Feature.titles.rawValue | Feature.ranks.rawValue
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n], !removed.contains(n) else { continue }
            let last = words[r.upperBound - 1]
            let label = kept[n].label
            // `7:01 am EST`: a time zone after a clock time is the time's, no organization.
            if r.count == 1, label.isName, WordMatch.isAny(b, last, Self.timeZones), r.lowerBound > 0,
               case let before = words[r.lowerBound - 1], before.digit || WordMatch.isAny(b, before, Self.meridiems) {
                removed.append(n)
                continue
            }
            // `Police Oversight Reagan Allan`: the last words of an office before a person's name, everyday English words no
            // given or family name is, are no part of the name.
            if label == .person, r.count >= 3, r.lowerBound > 0, Self.match(a.matches, kept[n].start, kept[n].end) == nil,
               words[r.lowerBound - 1].capitalized || WordMatch.isAny(b, words[r.lowerBound - 1], "of", "for", "and") {
                var first = r.lowerBound
                while r.upperBound - first >= 3, case let w = words[first], w.capitalized, !w.possessive,
                      w.flags & (Feature.given.rawValue | Feature.surnames.rawValue) == 0, input.common(w) { first += 1 }
                if first > r.lowerBound {
                    kept[n].start = words[first].start
                    kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
                    continue
                }
            }
            // `Mohan Lal Police Station`: the capitalized words before a building's name that the model left out (up to
            // three, no common word, no other name's) are its name.
            if label == .fac, r.count >= 2, r.lowerBound > 0 {
                var first = r.lowerBound
                while first > 0, r.lowerBound - first < 3, case let w = words[first - 1], w.capitalized, !w.possessive, !w.digit,
                      Self.joinedBySpace(b, w, words[first]), w.flags & function == 0, !WordMatch.isWord(b, w, "the"),
                      !input.common(w) || w.flags & (Feature.given.rawValue | Feature.surnames.rawValue) != 0,
                      n == 0 || kept[n - 1].end <= w.start { first -= 1 }
                if first < r.lowerBound {
                    kept[n].start = words[first].start
                    kept[n].canonical = nil
                    continue
                }
            }
            // `West African`, `Central Asian`: a capitalized point of the compass before a people's name is part of it.
            if label == .norp, r.lowerBound > 0, case let before = words[r.lowerBound - 1], before.capitalized,
               WordMatch.isAny(b, before, ["west", "east", "north", "south", "central", "western", "eastern", "northern", "southern"]),
               Self.joinedBySpace(b, before, words[r.lowerBound]), n == 0 || kept[n - 1].end <= before.start {
                kept[n].start = before.start
                kept[n].canonical = nil
                continue
            }
            // `Davao del Sur`, `Lanao del Norte`: a Spanish point of the compass after `del` ends a province's name
            // (`Universidad del Norte`, led by an institution's word, stays a body).
            let compassAfter = r.upperBound + 1 < words.count && WordMatch.isWord(b, words[r.upperBound], "del")
                && words[r.upperBound + 1].capitalized && WordMatch.isAny(b, words[r.upperBound + 1], Self.spanishCompass)
                && Self.joinedBySpace(b, last, words[r.upperBound]) && Self.joinedBySpace(b, words[r.upperBound], words[r.upperBound + 1])
            let compassInside = r.count >= 3 && WordMatch.isWord(b, words[r.upperBound - 2], "del") && WordMatch.isAny(b, last, Self.spanishCompass)
            if compassAfter || compassInside, words[r.lowerBound].flags & Feature.orgHeads.rawValue == 0 {
                if compassAfter { Self.runOn(&kept, n, to: words[r.upperBound + 1].end, removed: &removed) }
                kept[n].label = .gpe
                kept[n].canonical = nil
                continue
            }
            // `An Ontario judge`, `A Dhaka court`: the article that opens a sentence is no part of the name after it,
            // which is what the lists know it as, if they know it (`A Coruña` is a name the gazetteer holds whole).
            if r.count >= 2, case let first = words[r.lowerBound], first.count <= 2, b[first.start] == 0x41,
               first.count == 1 || b[first.start + 1] == 0x6E, Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                kept[n].start = words[r.lowerBound + 1].start
                kept[n].canonical = nil
                if let known = Self.match(a.matches, kept[n].start, kept[n].end) {
                    kept[n].label = known.label
                    kept[n].canonical = known.canonical
                } else if label == .person {
                    kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
                }
                continue
            }
            // `Sukey Cameron MBE`, `Jo Lane MLA`: an honour or a seat after a person's name, in capitals, is no part of it,
            // and alone no name.
            if label == .person, Self.postNominals.contains(b, last.range), b[last.start] &- 0x41 < 26, b[last.end - 1] &- 0x41 < 26 {
                if r.count == 1 {
                    removed.append(n)
                } else {
                    kept[n].end = words[r.upperBound - 2].end
                    kept[n].canonical = nil
                }
                continue
            }
            // `Jacksonville Police Station`, `Cherokee County Jail`: a place followed by up to three capitalized words, the
            // last a building's, is the building; so is a name read as a person's before `Police Station` (`Chandan
            // Nagar Police Station`, and one named after a person is the building too).
            if label == .gpe || label == .person {
                var end = r.upperBound, building: Int?, institution: Int?
                while end < words.count, end - r.upperBound < 3, words[end].capitalized, !words[end].possessive,
                      Self.joinedBySpace(b, words[end - 1], words[end]), words[end].flags & function == 0 {
                    if WordMatch.isAny(b, words[end], RepairWords.facilityEnds) || WordMatch.isWord(b, words[end], "station") {
                        building = end
                        break
                    }
                    // `MacKenzie Art Gallery`, `Ada Pell Memorial Foundation`: a person's name, then capitalized words ending
                    // in an institution's word, is the institution named after them.
                    if label == .person, !last.possessive, WordMatch.isAny(b, words[end], RepairWords.namedInstitutions) {
                        institution = end
                        break
                    }
                    end += 1
                }
                if let building {
                    Self.runOn(&kept, n, to: words[building].end, removed: &removed)
                    kept[n].label = .fac
                    kept[n].canonical = nil
                    continue
                }
                if let institution {
                    Self.runOn(&kept, n, to: words[institution].end, removed: &removed)
                    kept[n].label = .org
                    kept[n].canonical = nil
                    continue
                }
            }
            if label == .person || label == .gpe, last.capitalized, !last.possessive, r.count >= 2 || label == .person,
               let head = Self.headLabel(b, last),
               label == .person || head == .fac || head == .org && WordMatch.isAny(b, last, RepairWords.bodyEndsAfterPlaces),
               label == .person || Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                // The capitalized words before the head belong to the name, and so does a name they reach whole.
                var first = r.lowerBound
                if label == .person {
                    while first > 0, words[first - 1].capitalized, !words[first - 1].possessive,
                          Self.joinedBySpace(b, words[first - 1], words[first]), words[first - 1].flags & function == 0,
                          !WordMatch.isWord(b, words[first - 1], "the") { first -= 1 }
                    var m = n - 1
                    while m >= 0, let p = ranges[m], p.upperBound > first {
                        if p.lowerBound >= first { removed.append(m) } else { first = p.upperBound }
                        m -= 1
                    }
                }
                guard first < r.upperBound - 1 || head != .org || label != .person else { continue }
                kept[n].start = words[first].start
                kept[n].label = head
                kept[n].canonical = nil
                continue
            }
            // `the Otago Stingrays`: after `the`, a place and a plural the model left out are a team.
            if label == .gpe, r.count == 1 || r.count == 2 && WordMatch.isWord(b, words[r.lowerBound], "the"),
               r.count == 2 || r.lowerBound > 0 && WordMatch.isWord(b, words[r.lowerBound - 1], "the"),
               r.upperBound < words.count, case let next = words[r.upperBound], next.capitalized, !next.possessive,
               next.count >= 4, b[next.end - 1] == 0x73, Self.joinedBySpace(b, last, next),
               n + 1 >= kept.count || kept[n + 1].start >= next.end,
               !WordMatch.isAny(b, next, RepairWords.placePlurals), next.flags & Feature.functionWords.rawValue == 0 {
                kept[n].start = last.start
                kept[n].end = next.end
                kept[n].label = .org
                kept[n].canonical = nil
                continue
            }
            // `Hamilton police`, `Texas officials`: a listed place before a lower-case body or people is the place (and
            // `The` before it no part of it: `The Sarawak government`).
            if label == .org || label == .person, r.count <= 3, r.upperBound < words.count, !words[r.upperBound].capitalized,
               words[r.upperBound].gap == .space, WordMatch.isAny(b, words[r.upperBound], RepairWords.bodiesAfterPlaces) {
                let the = r.count >= 2 && WordMatch.isWord(b, words[r.lowerBound], "the")
                let start = the ? words[r.lowerBound + 1].start : kept[n].start
                if let known = Self.match(a.matches, start, kept[n].end), known.label == .gpe {
                    kept[n].start = start
                    kept[n].label = .gpe
                    kept[n].canonical = known.canonical
                    continue
                }
            }
            // `the Moon Jae-in administration`, `the Moon government`: a name no list holds as a place before a
            // leader's term is the leader.
            if label == .gpe || label == .org, r.count <= 3, r.upperBound < words.count, case let next = words[r.upperBound],
               !next.capitalized, next.gap == .space, Self.match(a.matches, kept[n].start, kept[n].end).map({ $0.label != .gpe }) ?? true,
               WordMatch.isAny(b, next, Self.leadersTerms)
                || WordMatch.isAny(b, next, "government", "cabinet") && words[r.lowerBound].flags & Feature.surnames.rawValue != 0 {
                kept[n].label = .person
                kept[n].canonical = nil
                continue
            }
            // `Edmonton City Hall`: a city's or a town's hall is a building.
            if label == .gpe || label == .org, r.count >= 3, WordMatch.isWord(b, last, "hall"),
               WordMatch.isAny(b, words[r.upperBound - 2], "city", "town", "county") {
                kept[n].label = .fac
                kept[n].canonical = nil
                continue
            }
            // `Moretown resident and planning commissioner Jonathan Siegel`: a name no list holds before `resident` or `native`
            // is the place they live in or come from, unless it opens with a given name.
            if label == .person, r.count <= 2, r.upperBound < words.count, !words[r.upperBound].capitalized,
               words[r.upperBound].gap == .space, WordMatch.isAny(b, words[r.upperBound], RepairWords.dwellers),
               words[r.lowerBound].flags & Feature.given.rawValue == 0, Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                kept[n].label = .gpe
                kept[n].canonical = nil
                continue
            }
            if label == .person, r.count <= 3, let known = Self.match(a.matches, kept[n].start, kept[n].end), known.label != .person {
                // `a Texas man`: a listed place before a person's noun is the place.
                if known.label == .gpe, r.upperBound < words.count, !words[r.upperBound].capitalized,
                   WordMatch.isAny(b, words[r.upperBound], RepairWords.peopleAfterPlaces) {
                    kept[n].label = .gpe
                    kept[n].canonical = known.canonical
                    continue
                }
                // `Bloomberg` (listed as a firm) is the firm unless the document names a person of that name in full.
                if known.label == .org, r.count == 1, !kept.contains(where: { c in
                    c.label == .person && c.end - c.start > last.count
                        && Consistency.firstWord(words, at: c.start).map { f in
                            words[f].key == last.key || (f + 1 < words.count && words[f + 1].key == last.key && words[f + 1].end <= c.end)
                                || (f + 2 < words.count && words[f + 2].key == last.key && words[f + 2].end <= c.end) } ?? false
                }) {
                    kept[n].label = .org
                    kept[n].canonical = known.canonical
                    continue
                }
            }
            switch label {
            case .event:
                // `the 2022 FIFA World Cup`: the year before an event's name is part of it (the rules read it as a date).
                guard r.lowerBound > 0, case let year = words[r.lowerBound - 1], Self.isYear(b, year),
                      Self.joinedBySpace(b, year, words[r.lowerBound]) else { continue }
                if n > 0, kept[n - 1].start == year.start, kept[n - 1].end == year.end, !kept[n - 1].label.isName { removed.append(n - 1) }
                guard n == 0 || kept[n - 1].end <= year.start || removed.last == n - 1 else { continue }
                kept[n].start = year.start
            case .law:
                var first = r.lowerBound
                while first >= 2, !words[first - 1].capitalized, WordMatch.isAny(b, words[first - 1], RepairWords.lawJoiners),
                      Self.joinedBySpace(b, words[first - 1], words[first]), words[first - 2].capitalized,
                      Self.joinedBySpace(b, words[first - 2], words[first - 1]), words[first - 2].flags & function == 0,
                      !WordMatch.isWord(b, words[first - 2], "the") {
                    first -= 2
                    while first > 0, words[first - 1].capitalized, Self.joinedBySpace(b, words[first - 1], words[first]),
                          words[first - 1].flags & function == 0, !words[first - 1].possessive,
                          !WordMatch.isWord(b, words[first - 1], "the") { first -= 1 }
                }
                var m = n - 1
                while first < r.lowerBound, m >= 0, let p = ranges[m], p.upperBound > first {
                    if p.lowerBound >= first { removed.append(m) } else { first = p.upperBound }
                    m -= 1
                }
                kept[n].start = words[first].start
                // The year of the act (`Act 2014`), which the model leaves out of the name.
                if r.upperBound < words.count, kept[n].end == last.end, case let year = words[r.upperBound],
                   Self.joinedBySpace(b, last, year), Self.isYear(b, year) {
                    if n + 1 < kept.count, kept[n + 1].start == year.start, !kept[n + 1].label.isName { removed.append(n + 1) }
                    kept[n].end = year.end
                }
            case _ where r.count == 1 && (label == .person || label == .org || label == .gpe || label == .norp):
                let w = words[r.lowerBound]
                // `Kenya-Uganda` read as one name: the two listed places the analysis found in it.
                if kept[n].start == w.start, kept[n].end == w.end, let dash = (w.start..<w.end).last(where: { b[$0] == 0x2D }),
                   let first = Self.match(a.matches, w.start, dash), let second = Self.match(a.matches, dash + 1, w.end) {
                    kept[n] = first
                    added.append(second)
                    continue
                }
                guard label != .norp else { continue }
                // `Lance` of `Lance Corporal Ben Ruck`.
                if r.upperBound < words.count, words[r.upperBound].capitalized, words[r.upperBound].flags & titleOrRank != 0,
                   Self.joinedBySpace(b, w, words[r.upperBound]), WordMatch.isAny(b, w, RepairWords.rankLeads) {
                    removed.append(n)
                    continue
                }
                // `Governor Nasir El-Rufai of Kaduna`: a listed place after `of` is the place, whatever the model said.
                if label == .person, r.lowerBound > 0, WordMatch.isWord(b, words[r.lowerBound - 1], "of"), !words[r.lowerBound - 1].capitalized,
                   let known = Self.match(a.matches, kept[n].start, kept[n].end), known.label == .gpe {
                    kept[n].label = .gpe
                    kept[n].canonical = known.canonical
                    continue
                }
                guard Self.match(a.matches, kept[n].start, kept[n].end).map({ $0.label == .org }) ?? true else { continue }
                if label != .org, Self.companyByContext(b, words, r.lowerBound) || Self.callSign(b, w) {
                    kept[n].label = .org
                    kept[n].canonical = nil
                    continue
                }
                guard Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
                // `in Opunake`: one word no list holds, after `in`, is a place, not a person;
                // `the governor of Capiz`, `the people of Sinaw`: nor after `of` and a place's people, ruler or part;
                // `towards Wondai`, `between Murgon and Wondai`: nor after `towards`, or joined by `and` to a place;
                // `Governor Ibrahim Dankwambo of Gombe`: nor after a person's name and `of`.
                if label == .person, r.lowerBound > 0, WordMatch.isAny(b, words[r.lowerBound - 1], Self.placePrepositions)
                    || r.lowerBound > 1 && WordMatch.isWord(b, words[r.lowerBound - 1], "of") && !words[r.lowerBound - 2].capitalized
                        && WordMatch.isAny(b, words[r.lowerBound - 2], Self.ofPlaces)
                    || n > 0 && kept[n - 1].label == .gpe && WordMatch.isAny(b, words[r.lowerBound - 1], "and", "or")
                        && r.lowerBound > 1 && kept[n - 1].end == words[r.lowerBound - 2].end
                    || n > 0 && kept[n - 1].label == .person && WordMatch.isWord(b, words[r.lowerBound - 1], "of")
                        && r.lowerBound > 1 && kept[n - 1].end == words[r.lowerBound - 2].end,
                   !words[r.lowerBound - 1].capitalized, !w.possessive, w.count >= 4,
                   w.flags & (Feature.given.rawValue | Feature.surnames.rawValue | titleOrRank) == 0, !input.common(w) {
                    kept[n].label = .gpe
                    kept[n].canonical = nil
                    // Where something happens outweighs the model's other mentions of the name (``Candidate/byContext``).
                    if WordMatch.isAny(b, words[r.lowerBound - 1], "in", "near", "outside") { kept[n].priority = Candidate.byContext }
                    continue
                }
                switch Self.innerCapitals(b, w) {
                case .plural: removed.append(n)
                case .brand where label == .person:
                    kept[n].label = .org
                    kept[n].canonical = nil
                default: break
                }
            case .org:
                guard Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
                // `The Director of the Special Investigations Unit`: an office of a body is no part of its name.
                var head = WordMatch.isWord(b, words[r.lowerBound], "the") ? r.lowerBound + 1 : r.lowerBound
                // (`Director of Public Prosecutions` is an office's name of its own.)
                if head + 4 < r.upperBound, words[head].flags & Feature.titles.rawValue != 0, words[head].capitalized,
                   WordMatch.isWord(b, words[head + 1], "of"), WordMatch.isWord(b, words[head + 2], "the"), !last.possessive,
                   Self.bodies.contains(b, last.range) || WordMatch.isAny(b, last, RepairWords.subunitHeads)
                    || last.flags & Feature.orgHeads.rawValue != 0 {
                    head += 3
                    kept[n].start = words[head].start
                }
                if r.upperBound - head >= 3, let initials = Self.initials(b, words, head..<r.upperBound) { acronyms.append(initials) }
                // `Swansea Council Leader`: nor is an office after it.
                if r.upperBound - head >= 3, last.capitalized, !last.possessive, last.flags & Feature.titles.rawValue != 0,
                   words[r.upperBound - 2].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0 {
                    kept[n].end = words[r.upperBound - 2].end
                    continue
                }
                let institution = !last.possessive && (last.flags & Feature.orgHeads.rawValue != 0 || Self.bodies.contains(b, last.range))
                // `The Wexford County Sheriff's Office said`: an institution's name leaves a capitalized `The` out.
                if r.count >= 3, institution, words[r.lowerBound].capitalized, WordMatch.isWord(b, words[r.lowerBound], "the") {
                    kept[n].start = words[r.lowerBound + 1].start
                } else if institution, r.lowerBound > 0, case let before = words[r.lowerBound - 1], before.capitalized,
                          before.flags & Feature.titles.rawValue != 0, Self.joinedBySpace(b, before, words[r.lowerBound]),
                          r.dropLast().contains(where: { Self.match(a.matches, before.start, words[$0].end).map { $0.label == .gpe } ?? false })
                            || words[r.lowerBound].flags & Feature.given.rawValue != 0 && WordMatch.isAny(b, before, Self.namesakeTitles) {
                    // `Prince Albert Police Service`: a place whose name opens with a title (`Prince Albert`) keeps it; so does
                    // an institution named for a royal or a dignitary (`Queen Mary Community School`, `Sir John Cass College`).
                    kept[n].start = before.start
                }
                // `Criminal Investigations Division and Forensic Identification Section`: two subunits.
                if r.count >= 5, WordMatch.isAny(b, last, RepairWords.subunitHeads),
                   let and = (r.lowerBound + 2..<r.upperBound - 2).first(where: { WordMatch.isWord(b, words[$0], "and") }),
                   WordMatch.isAny(b, words[and - 1], RepairWords.subunitHeads), words[and + 1].capitalized {
                    added.append(Candidate(start: words[and + 1].start, end: kept[n].end, label: .org, priority: kept[n].priority))
                    kept[n].end = words[and - 1].end
                }
            case .gpe where r.count >= 2:
                guard Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
                // `the Auckland Blues`, `The Otago Stingrays`: a place and a plural are a team.
                let first = WordMatch.isWord(b, words[r.lowerBound], "the") ? r.lowerBound + 1 : r.lowerBound
                if first < r.upperBound - 1, last.capitalized, !last.possessive, b[last.end - 1] == 0x73,
                   !WordMatch.isAny(b, last, RepairWords.placePlurals),
                   Self.match(a.matches, words[first].start, words[r.upperBound - 2].end)?.label == .gpe {
                    kept[n].start = words[first].start
                    kept[n].label = .org
                    kept[n].canonical = nil
                }
            default: break
            }
        }
        // `an SIU investigator` after `Special Investigations Unit`, never written with its acronym: capitals that
        // spell the initials of an organization the document names are that organization.
        if !acronyms.isEmpty {
            var t = 0
            for w in words where w.count >= 2 && w.count <= 6 && w.capitalized && b[w.start + 1] &- 0x41 < 26 {
                guard let letters = Self.capitals(b, w), acronyms.contains(letters) else { continue }
                while t < kept.count, kept[t].end <= w.start { t += 1 }
                if t < kept.count, kept[t].start < w.end { continue }
                added.append(Candidate(start: w.start, end: w.end, label: .org, priority: 4))
            }
        }
        if !removed.isEmpty {
            for n in Set(removed).sorted().reversed() where n < kept.count { kept.remove(at: n) }
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// `Halvorsen President Dana Pike`, `chief content officer at Halvorsen`: one word before a title and a
    /// person's name, or after a job and `at`, is the employer.
    package static func companyByContext(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ i: Int) -> Bool {
        let titles = Feature.titles.rawValue
        if i + 2 < words.count, words[i + 1].capitalized, words[i + 1].flags & titles != 0, words[i + 2].capitalized,
           words[i + 2].flags & (titles | Feature.functionWords.rawValue) == 0,
           joinedBySpace(b, words[i], words[i + 1]), joinedBySpace(b, words[i + 1], words[i + 2]) {
            return true
        }
        return i >= 2 && WordMatch.isWord(b, words[i - 1], "at") && !words[i - 2].capitalized && words[i - 2].flags & titles != 0
            && joinedBySpace(b, words[i - 2], words[i - 1])
    }

    /// `WBTV`, `KTXA`: an American broadcaster's call sign, four capitals opening with `W` or `K`.
    package static func callSign(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        w.count == 4 && (b[w.start] == 0x57 || b[w.start] == 0x4B) && (w.start..<w.end).allSatisfy { b[$0] &- 0x41 < 26 }
    }

    /// The capitals of an organization's name, its lower-case joiners left out (`SIU` of `Special Investigations
    /// Unit`), packed a byte each; nil for a name of fewer than three capitalized words or more than six.
    package static func initials(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>) -> UInt64? {
        var packed: UInt64 = 0
        var count = 0
        for k in r {
            let w = words[k]
            if !w.capitalized { continue }
            if WordMatch.isWord(b, w, "the") && k == r.lowerBound { continue }
            guard b[w.start] &- 0x41 < 26, count < 6 else { return nil }
            packed = packed << 8 | UInt64(b[w.start])
            count += 1
        }
        return count >= 3 ? packed : nil
    }

    /// A word of capitals only (`SIU`), packed as ``initials(_:_:_:)`` packs them.
    package static func capitals(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> UInt64? {
        var packed: UInt64 = 0
        for i in w.start..<w.end {
            guard b[i] &- 0x41 < 26 else { return nil }
            packed = packed << 8 | UInt64(b[i])
        }
        return packed
    }

    /// A year from 1700 to 2099 written as four digits.
    package static func isYear(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        w.count == 4 && allDigits(b, w) && (b[w.start] == 0x31 && b[w.start + 1] >= 0x37 || b[w.start] == 0x32 && b[w.start + 1] == 0x30)
    }

    /// Runs name `n` on to the byte `stop`, dropping the names after it that it now covers.
    package static func runOn(_ kept: inout [Candidate], _ n: Int, to stop: Int, removed: inout [Int]) {
        var m = n + 1
        while m < kept.count, kept[m].start < stop { removed.append(m); m += 1 }
        kept[n].end = stop
    }

    /// What a name ending in `w` is, when no person's name ends so.
    package static func headLabel(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> EntityLabel? {
        guard w.count >= 4, heads.contains(b, w.range) else { return nil }
        if WordMatch.isAny(b, w, RepairWords.facilityEnds) { return .fac }
        if WordMatch.isAny(b, w, RepairWords.placeEnds) { return .gpe }
        return .org
    }

    /// ``RepairWords/bodyEnds`` as a set: one probe for each organization's last word.
    package static let bodies = WordSet(RepairWords.bodyEnds.words.map { $0.description })

    /// The three lists above in one set.
    package static let heads = WordSet((RepairWords.facilityEnds.words + RepairWords.placeEnds.words + RepairWords.bodyEnds.words).map { $0.description })

    /// Time zones written after a clock time: `EST`, `GMT`, `AEDT`.
    package static let timeZones: WordList = ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "hst", "gmt", "utc", "bst",
                                            "cet", "cest", "eet", "eest", "wat", "cat", "eat", "sast", "ist", "pkt", "ict", "wib",
                                            "sgt", "hkt", "pht", "jst", "kst", "awst", "acst", "aest", "aedt", "nzst", "nzdt"]
    /// The words that close a clock time before its zone: `am`, `p.m.`, `hrs`.
    /// What `of` and a place follow: its people, its rulers and its parts (`the residents of`, `the governor of`).
    package static let ofPlaces: WordList = ["governor", "mayor", "premier", "people", "residents", "citizens", "city", "town",
                                           "village", "municipality", "province", "district", "region", "county", "island",
                                           "capital", "outskirts", "suburbs", "streets", "north", "south", "east", "west",
                                           "centre", "center", "heart", "coast", "port", "sultan", "emir", "governorate",
                                           "wilayat", "emirate", "state", "kingdom", "republic"]

    /// Titles of the royals and dignitaries that schools, hospitals and colleges are named for.
    static let namesakeTitles: WordList = ["queen", "king", "prince", "princess", "duke", "duchess", "lady", "sir", "dame", "pope",
                                           "emperor", "empress", "sultan", "sheikh", "president"]

    /// The points of the compass that end Spanish and Philippine provinces' names after `del`.
    package static let spanishCompass: WordList = ["sur", "norte", "este", "oeste"]

    package static let meridiems: WordList = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "hrs", "hours"]
    /// ``Abbreviations/postNominals`` as a set.
    package static let postNominals = WordSet(Abbreviations.postNominals)

    package enum InnerCapitals { case none, brand, plural }

    /// `TradeWeek`, `PRWeek`: a capital after four lower-case letters or more, or capitals and then two
    /// lower-case letters or more, is a brand's form (`McDonald`, `DeShawn`, `FitzGerald` are people's);
    /// `CDs`, `MPs`: capitals and a plural `s`.
    package static func innerCapitals(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> InnerCapitals {
        @inline(__always) func upper(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
        @inline(__always) func lower(_ c: UInt8) -> Bool { c &- 0x61 < 26 }
        var i = w.start
        while i < w.end, upper(b[i]) { i += 1 }
        let capitals = i - w.start
        guard capitals >= 1, i < w.end else { return .none }
        if capitals >= 2, i + 1 == w.end, b[i] == 0x73 { return .plural }
        let run = i
        while i < w.end, lower(b[i]) { i += 1 }
        let lowers = i - run
        if capitals >= 2 { return lowers >= 2 && (i == w.end || upper(b[i])) ? .brand : .none }
        guard i < w.end, upper(b[i]), lowers >= 3 else { return .none }
        // `FitzGerald`, `FitzPatrick`.
        if lowers == 3, b[w.start] == 0x46, b[w.start + 1] == 0x69, b[w.start + 2] == 0x74 { return .none }
        return .brand
    }
}
