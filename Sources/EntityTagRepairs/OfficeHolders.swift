import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// An office, `of` and a body's name, then its holder with no comma between (`General Manager of Jordan Bromine
/// Company Samer Asfour`, `Minister of State for Economic Affairs Ali Hassan`, `Chairman of the Board of Directors
/// Ana de la Cruz`), as wire copy from many countries writes it: the model reads the body's name and the person's
/// as one organization. The name is cut where the body's head ends (`Company`, `Affairs`, `Directors`) and a
/// person's name of two to four words follows, none of them a body's, a place's, a title's or a common English
/// word. The body stays an organization when one of its words names a body (`Company`, `Court`, an acronym), and a
/// place a place (`Mayor of Kibali Township Jo Rau`); a minister's portfolio (`Economic Affairs`, `Mineral
/// Resources`), which names no body, goes, and so does a board of directors, which any firm has. An office's
/// initials in brackets stand for the office and its `of` (`Inspector General (IG) Sindh Police Ghulam Memon`), and
/// a name the lists know before the person keeps their label (`Sindh`).
extension Recognizer {
    package func splitOfficeHolders(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var added: [Candidate] = []
        var removed: [Int] = []
        for n in kept.indices where kept[n].label == .org || kept[n].label == .gpe {
            guard let r = ranges[n], r.count >= 3, r.lowerBound >= 2, let (of, portfolio) = Self.officeOf(b, words, r.lowerBound),
                  let cut = Self.holderStart(b, words, r, input: input),
                  Self.match(a.matches, words[cut].start, kept[n].end).map({ $0.label == .person }) ?? true else { continue }
            let person = Candidate(start: words[cut].start, end: kept[n].end, label: .person,
                                   canonical: .text(start: words[cut].start, end: kept[n].end),
                                   priority: kept[n].priority)
            let head = words[cut - 1]
            if let known = Self.match(a.matches, kept[n].start, head.end), known.label == .gpe || known.label == .org {
                // `Sindh` of `Inspector General (IGP) Sindh Ghulam Nabi Memon`: a place or a body the lists know.
                kept[n] = known
                added.append(person)
            } else if kept[n].label == .gpe, !(r.lowerBound..<cut).contains(where: { words[$0].flags & Feature.orgSuffixes.rawValue != 0 }) {
                // `Mayor of Kibali Township Jo Rau`: a place, no body, before the office's holder.
                kept[n].end = head.end
                kept[n].canonical = nil
                added.append(person)
            } else if !portfolio, Self.capitals(b, head) != nil
                        || !WordMatch.isAny(b, head, ["directors", "trustees", "governors", "management"])
                            && (r.lowerBound..<cut).contains(where: { words[$0].flags & (Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue) != 0 }) {
                // `Jordan Bromine Company`, `APC`, `Kiev Court of Appeal`: a body's word names a body; a board of
                // directors, any firm's, does not.
                kept[n].end = head.end
                kept[n].label = .org
                kept[n].canonical = nil
                added.append(person)
            } else if of == nil {
                kept[n] = person
            } else {
                // The portfolio goes, and so do the others of the office (`Energy` of `Minister of Energy and
                // Mineral Resources`).
                for m in kept.indices where m == n || kept[m].label == .org && kept[m].start >= words[of!].end && kept[m].end <= kept[n].start {
                    removed.append(m)
                }
                added.append(person)
            }
        }
        guard !added.isEmpty else { return }
        for n in Set(removed).sorted(by: >) { kept.remove(at: n) }
        kept += added
        kept.sort { $0.start < $1.start }
    }

    /// The `of` or `for` of an office before `start` (`Minister of`, `General Manager of the`, `Minister of State
    /// for`, `Minister of Energy and`): a title within the four words before it, and between it and `start` only
    /// `the` or capitalized words and an `and`. A minister's, a secretary's or a commissioner's `of` is followed by
    /// a portfolio (`Minister of Finance`, `Commissioner of Police`), which names no body.
    static func officeOf(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ start: Int) -> (of: Int?, portfolio: Bool)? {
        // `Inspector General (IG) Sindh Police Ghulam Nabi Memon`: the initials of an office, in brackets after it.
        if let initials = Self.officeInitials(b, words, start - 1) { return (nil, initials) }
        var of = start - 1
        if WordMatch.isWord(b, words[of], "the"), of > 0 { of -= 1 }
        if WordMatch.isAny(b, words[of], "and", "&") {
            var k = of - 1
            while k > 0, of - k <= 4, words[k].capitalized { k -= 1 }
            guard k < of - 1 else { return nil }
            of = k
        }
        guard of > 0, !words[of].capitalized, WordMatch.isAny(b, words[of], "of", "for") else { return nil }
        let titleOrRank = Feature.titles.rawValue | Feature.ranks.rawValue
        for k in stride(from: of - 1, through: max(0, of - 4), by: -1) {
            if words[k].capitalized, words[k].flags & titleOrRank != 0 {
                return (of, WordMatch.isAny(b, words[k], "minister", "secretary", "commissioner"))
            }
            guard words[k].capitalized || WordMatch.isAny(b, words[k], "of", "for", "and") else { return nil }
        }
        return nil
    }

    /// Whether `words[i]` is an office's initials in brackets right after it (`Inspector General (IG)`), and so
    /// whether a police chief's or a minister's (a portfolio follows) rather than a firm's.
    static func officeInitials(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ i: Int) -> Bool? {
        let w = words[i]
        guard i > 0, w.count >= 2, capitals(b, w) != nil, w.start > 0, b[w.start - 1] == 0x28, w.end < b.count, b[w.end] == 0x29,
              // (`Police` ends an office's name as often as a body's: `Inspector General of Police (IGP)`.)
              words[i - 1].capitalized, words[i - 1].flags & (Feature.titles.rawValue | Feature.ranks.rawValue) != 0
                || WordMatch.isWord(b, words[i - 1], "police")
        else { return nil }
        return (max(0, i - 4)..<i).contains { WordMatch.isAny(b, words[$0], ["minister", "secretary", "commissioner"]) }
    }

    /// The first word of the office holder's name at the end of `r`: two to four words (a lower-case particle
    /// among them: `Ana de la Cruz`, `Shehada Abu Hdeib`) after a body's head word, a capitalized plural or an acronym.
    static func holderStart(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>, input: NameInput) -> Int? {
        let notName = Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue | Feature.placeHeads.rawValue
            | Feature.facilityHeads.rawValue | Feature.gpeSuffixes.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue
            | Feature.months.rawValue | Feature.weekdays.rawValue | Feature.functionWords.rawValue
        var cut = r.upperBound, capitalized = 0
        while cut > r.lowerBound + 1, r.upperBound - cut < 4 {
            let w = words[cut - 1]
            let particle = !w.capitalized && WordMatch.isAny(b, w, RepairWords.particles)
            guard particle || w.capitalized && !w.possessive && !w.digit && w.flags & notName == 0 && !input.common(w)
                    && Self.capitals(b, w) == nil,
                  joinedBySpace(b, words[cut - 2], w) else { break }
            if !particle { capitalized += 1 }
            cut -= 1
            // The head before the name: a body's word, a plural (`Affairs`, `Directors`) or an acronym (`APC`).
            let head = words[cut - 1]
            if capitalized >= 2, head.capitalized, !head.possessive,
               words[cut].flags & Feature.given.rawValue != 0
                || head.flags & (Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue) != 0
                || Self.capitals(b, head) != nil && head.count >= 2
                || head.count >= 6 && b[head.end - 1] == 0x73 && b[head.end - 2] != 0x73 && input.common(head) {
                return cut
            }
        }
        return nil
    }
}
