import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// What stands beside a person's name in lists of officials:
/// - a place in brackets right after the person, as polls and election reports list mayors and members (`Gian
///   Luchetti (Las Palmitas)`, `Ana Ruiz (San Jerónimo)`): the bracket's capitalized words (joined by `de`, `del`,
///   `la`) are the place, not a second person, unless the lists hold them as a body, a people or a person (`(Labour)`),
///   they are written in capitals (a party's initials), they are a party's word alone (`(Ind)`, `(Green)`), or a
///   building's, a body's or an office's word is among them (`(Grand Mosque)`);
/// - an office's title the model ran onto a place's name (`Hong Kong District Councillor`, `Gardo Mayor`), when the
///   lists hold the place or it ends in a unit's word (`District`), and no name follows the title; a unit's word alone
///   before the title is no name at all (`District Magistrate`);
/// - a listed place and a person's first name read as one name before the rest of the person's (`president of
///   Puntland Abdirahman Mohamed Farole`): the place, and the person in full;
/// - a place the lists hold, then a body's word, read as a place (`The São Paulo Police Ombudsman`): the body (a
///   unit's word is no body's: `New York City Hall` is left alone);
/// - Ethiopian and Eritrean names that shorten `Gebre` or `Wolde` to an initial and a slash (`Asamenew G/Wold`,
///   `Tesfaye W/Giorgis`): the initial, the slash and the word after it are the family name.
extension Recognizer {
    package func repairPeoplesPlaces(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var n = 0
        while n < kept.count {
            defer { n += 1 }
            let e = kept[n].end
            // `Name (Place)`.
            if kept[n].label == .person, e + 2 < b.count, b[e] == 0x20, b[e + 1] == 0x28,
               let k = Consistency.firstWord(words, at: e + 2), words[k].start == e + 2, words[k].capitalized,
               let place = bracketedPlace(b, a, from: k) {
                let s = words[k].start, pe = words[place].end
                guard Self.match(a.matches, s, pe).map({ [.gpe, .loc].contains($0.label) }) ?? true,
                      place > k || !WordMatch.isAny(b, words[k], Self.partyWords) else { continue }
                kept.removeAll { $0.start >= s && $0.end <= pe }
                let at = kept.firstIndex { $0.start >= s } ?? kept.count
                kept.insert(Candidate(start: s, end: pe, label: .gpe, priority: Candidate.byContext), at: at)
                continue
            }
            // `Hong Kong District Councillor`, `Gardo Mayor`: an office's title at the end of a place's name goes, and
            // the place stays a place.
            if kept[n].label.isName, let r = a.wordIndex.range(words, kept[n]), r.count >= 2, case let k = r.upperBound - 1,
               words[k].flags & Feature.titles.rawValue != 0, words[k].end == e, !words[k].possessive, words[k].gap == .space,
               case let space = words[k].start - 1,
               e == b.count || !(b[e] == 0x20 && e + 1 < b.count && b[e + 1] &- 0x41 < 26),
               Self.match(a.matches, kept[n].start, space)?.label == .gpe || words[k - 1].flags & Feature.gpeSuffixes.rawValue != 0 {
                // `District Magistrate`: a unit's word alone before the title names no place.
                if r.count == 2, words[r.lowerBound].flags & Feature.gpeSuffixes.rawValue != 0 {
                    kept.remove(at: n)
                    n -= 1
                    continue
                }
                kept[n].end = space
                kept[n].label = .gpe
                kept[n].canonical = Self.match(a.matches, kept[n].start, space)?.canonical
                continue
            }
            // `president of Puntland Abdirahman Mohamed Farole`: a listed place and the person's first name (a
            // capital, then small letters: not `Georgia AD Greg McGarity`), read as one name before the rest of the
            // person's.
            if kept[n].label != .person, kept[n].label.isName, n + 1 < kept.count, kept[n + 1].label == .person,
               kept[n + 1].start == e + 1, b[e] == 0x20, let r = a.wordIndex.range(words, kept[n]), r.count >= 2,
               case let k = r.upperBound - 1, words[k].capitalized, !words[k].possessive, words[k].flags & Self.notPlaces == 0,
               words[k].count >= 3, b[words[k].start + 1] &- 0x61 < 26,
               let place = Self.match(a.matches, kept[n].start, words[k - 1].end), place.label == .gpe {
                let first = words[k].start
                kept[n + 1].start = first
                kept[n + 1].canonical = .text(start: first, end: kept[n + 1].end)
                kept[n].end = words[k - 1].end
                kept[n].label = .gpe
                kept[n].canonical = place.canonical
                continue
            }
            // `The São Paulo Police Ombudsman`: a listed place, then a body's word, is the body.
            if kept[n].label == .gpe, let r = a.wordIndex.range(words, kept[n]), r.count >= 3,
               let k = (r.lowerBound + 1..<r.upperBound).first(where: {
                   words[$0].capitalized && words[$0].flags & Feature.orgSuffixes.rawValue != 0 && words[$0].flags & Feature.gpeSuffixes.rawValue == 0
               }),
               Self.match(a.matches, kept[n].start, words[k - 1].end)?.label == .gpe {
                kept[n].label = .org
                kept[n].canonical = nil
                continue
            }
            // `Asamenew G/Wold`: a name ending in a lone capital, a slash, then a capitalized word.
            if kept[n].label.isName, e - kept[n].start >= 4, e + 2 < b.count, b[e] == 0x2F, b[e - 1] &- 0x41 < 26, b[e - 2] == 0x20,
               b[e + 1] &- 0x41 < 26, let k = Consistency.firstWord(words, at: e + 1), words[k].start == e + 1 {
                let end = words[k].end
                let start = kept[n].start
                kept.removeAll { $0.start >= e && $0.end <= end && $0.start != start }
                kept[n].end = end
                kept[n].label = .person
                kept[n].canonical = .text(start: kept[n].start, end: end)
            }
        }
    }

    /// The last word of the place a bracket opened at word `k` holds: one to three capitalized words (with `de`,
    /// `del`, `la` between), closed by the bracket, not all in capitals, no hyphen.
    private func bracketedPlace(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, from k: Int) -> Int? {
        let words = a.words
        var j = k, capitals = 0
        while j < words.count, j - k < 4 {
            let w = words[j]
            // (A hyphen is a party's and a seat's: `(PH-Bukit Mertang)`, `(R-Texas)`, read by the seats' repair.)
            if j > k && w.gap != .space || (w.start..<w.end).contains(where: { b[$0] == 0x2D }) { return nil }
            if w.flags & Self.notPlaces != 0 { return nil }
            if w.capitalized {
                capitals += 1
                if (w.start..<w.end).allSatisfy({ b[$0] &- 0x41 < 26 }) && w.count > 1 { return nil }
            } else if !(j > k && WordMatch.isAny(b, w, Self.placeJoiners)) {
                return nil
            }
            if w.end < b.count, b[w.end] == 0x29 {
                return w.capitalized && capitals <= 3 ? j : nil
            }
            j += 1
        }
        return nil
    }

    /// Words that make a bracket's name a building's, a body's or an office's (`(Grand Mosque)`, `(City Council)`).
    static let notPlaces = Feature.facilityHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue | Feature.titles.rawValue

    /// A party's name or short name in brackets after a member (`(Ind)`, `(Green)`, `(Lab)`), which is no place.
    static let partyWords: WordList = ["ind", "independent", "green", "greens", "labour", "labor", "liberal", "liberals",
                                       "conservative", "democrat", "democratic", "republican", "lib", "dem", "con", "lab",
                                       "tory", "unionist", "nationalist", "socialist", "progressive", "reform", "alliance"]

    static let placeJoiners: WordList = ["de", "del", "la", "las", "los", "do", "da", "dos"]
}
