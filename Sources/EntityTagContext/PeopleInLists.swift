import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// People the model read as bodies, whom the rest of the document shows to be people:
/// - a name of two or three words among people's names in a list (`Romelu Lukaku, Yannick Carrasco, and Dries
///   Mertens`, `Starry Lee and Holden Chow`);
/// - a name whose last word the document uses alone for a person, twice or more and never for anything else
///   (`Valeska Paris` where `Paris claims ...`);
/// - a given name alone that the lists know as no body and no place (`Gloria`).
/// Neither holds a body's word (`Group`, `Bank`), a title, or a name the lists know, nor is one the words around one of
/// its mentions named a body (`the Belgian company Katoen Natie`). And a given name before a
/// people's name that the model read alone is a person's full name (`Damien English`, `Rosa French`).
extension Recognizer {
    func joinDemonymSurnames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        for n in kept.indices where kept[n].label == .norp {
            guard let w = Consistency.firstWord(words, at: kept[n].start), words[w].end == kept[n].end, case let r = w..<(w + 1),
                  r.lowerBound > 0, case let given = words[r.lowerBound - 1],
                  given.capitalized, given.flags & Feature.given.rawValue != 0, !given.possessive, !input.common(given),
                  !input.shouted[r.lowerBound], Self.joinedBySpace(b, given, words[r.lowerBound]),
                  n == 0 || kept[n - 1].end <= given.start,
                  // What follows is punctuation or a verb of saying, not the noun a people's name describes (`Roman
                  // Catholic organisation`).
                  r.upperBound == words.count || words[r.upperBound].gap != .space
                    || !words[r.upperBound].capitalized && words[r.upperBound].flags & Feature.cues.rawValue != 0 else { continue }
            kept[n].start = given.start
            kept[n].label = .person
            kept[n].canonical = .text(start: given.start, end: kept[n].end)
        }
    }


    func settlePeople(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        let notPerson = Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue
            | Feature.placeHeads.rawValue | Feature.facilityHeads.rawValue | Feature.gpeSuffixes.rawValue
        var lonePeople: [UInt64] = [], loneOthers: [UInt64] = []
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n], r.count == 1 else { continue }
            if kept[n].label == .person { lonePeople.append(words[r.lowerBound].key) } else { loneOthers.append(words[r.lowerBound].key) }
        }
        /// Whether candidates `m` and `n` are neighbours in a list: only `, `, ` and `, `, and ` between them.
        func listed(_ m: Int, _ n: Int) -> Bool {
            guard let rm = ranges[m], let rn = ranges[n], rm.upperBound <= rn.lowerBound, rn.lowerBound - rm.upperBound <= 1 else { return false }
            if rn.lowerBound == rm.upperBound { return words[rn.lowerBound].gap == .comma }
            let and = words[rm.upperBound]
            return !and.capitalized && WordMatch.isWord(b, and, "and") && (and.gap == .space || and.gap == .comma)
                && words[rn.lowerBound].gap == .space
        }
        var people: [UInt64] = []
        // (A body the words around one of its mentions named so stays one: `the Belgian company Katoen Natie`.)
        var settled: [UInt64] = []
        for n in kept.indices where kept[n].label == .org && kept[n].priority == Candidate.byContext {
            if let r = ranges[n] { settled.append(Consistency.phraseKey(words[r])) }
        }
        for n in kept.indices where kept[n].label == .org {
            // `Gloria`: a given name alone, which the lists know as no body and no place, is a person.
            if let r = ranges[n], r.count == 1, words[r.lowerBound].flags & Feature.given.rawValue != 0, !input.shouted[r.lowerBound],
               Self.capitals(b, words[r.lowerBound]) == nil,
               Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                people.append(Consistency.phraseKey(words[r]))
                continue
            }
            guard let r = ranges[n], (2...3).contains(r.count), !input.shouted[r.lowerBound],
                  r.allSatisfy({ words[$0].capitalized && !words[$0].digit && words[$0].flags & notPerson == 0 && Self.capitals(b, words[$0]) == nil }),
                  (r.lowerBound + 1..<r.upperBound).allSatisfy({ words[$0].gap == .space }),
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            let last = words[r.upperBound - 1].key
            // (A comma alone may set off what a name is, `Jo Lane, London Newsroom`: a list needs `and`, or people on both sides.)
            let before = n > 0 && kept[n - 1].label == .person && (ranges[n - 1]?.count ?? 0) >= 2 && listed(n - 1, n)
            let after = n + 1 < kept.count && kept[n + 1].label == .person && (ranges[n + 1]?.count ?? 0) >= 2 && listed(n, n + 1)
            let inList = before && after || before && !words[r.lowerBound - 1].capitalized || after && !words[r.upperBound].capitalized
            guard inList || lonePeople.count(where: { $0 == last }) >= 2 && !loneOthers.contains(last) else { continue }
            people.append(Consistency.phraseKey(words[r]))
        }
        people.removeAll { settled.contains($0) }
        guard !people.isEmpty else { return }
        // Every mention written the same way is the person (consistency, which ran before, voted for the body).
        for n in kept.indices where kept[n].label == .org {
            guard let r = ranges[n], r.count <= 3, people.contains(Consistency.phraseKey(words[r])) else { continue }
            kept[n].label = .person
            kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
        }
    }
}
