import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// An office named by its title and the body it serves, before the person who holds it, as police and government
/// news in South Asia and Africa write it (`Commissioner of Police (CP) Sanjay Rao`, `Superintendent of Police Ravi
/// Das`, `Director General of Police A K Singh`): the office is no body, its initials in brackets are none, and the
/// name after them is a person's, where the model, misled by the body's word just before, read a body.
extension Recognizer {
    package func repairOfficeTitles(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label == .org && kept[n].end - kept[n].start >= 10 {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 3, r.count <= 5,
                  words[r.lowerBound].flags & Feature.titles.rawValue != 0,
                  let of = r.dropFirst().first(where: { WordMatch.isWord(b, words[$0], "of") }), of + 1 < r.upperBound,
                  (r.lowerBound..<of).allSatisfy({ words[$0].flags & Feature.titles.rawValue != 0 }),
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            // What follows: the office's initials in brackets, then the holder's name.
            var next = n + 1
            if next < kept.count, kept[next].start >= kept[n].end + 2, kept[next].start <= kept[n].end + 3,
               b[kept[next].start - 1] == 0x28, kept[next].end < b.count, b[kept[next].end] == 0x29,
               kept[next].end - kept[next].start <= 5, (kept[next].start..<kept[next].end).allSatisfy({ b[$0] &- 0x41 < 26 }) {
                dropped.append(next)
                next += 1
            }
            let gapStart = next == n + 1 ? kept[n].end : kept[next - 1].end + 1
            guard next < kept.count, kept[next].label == .org || kept[next].label == .person,
                  kept[next].start == gapStart + 1, b[gapStart] == 0x20,
                  let h = a.wordIndex.range(words, kept[next]), h.count >= 2, h.count <= 5,
                  h.allSatisfy({ words[$0].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.placeHeads.rawValue) == 0 }),
                  Self.match(a.matches, kept[next].start, kept[next].end) == nil else { continue }
            dropped.append(n)
            if kept[next].label != .person {
                kept[next].label = .person
                kept[next].canonical = .text(start: kept[next].start, end: kept[next].end)
                kept[next].priority = Candidate.byContext
            }
        }
        // A rank's first short word before the rest of the rank and a person (`Pol Col Somchai`, `Air Cdre Lee`), which the
        // model read as a name of its own.
        for n in kept.indices where kept[n].label.isName && kept[n].end - kept[n].start <= 4 && n + 1 < kept.count
            && kept[n + 1].label == .person {
            // (`Pol`, not initials: `KVX CEO Dan Marr` names the firm.)
            guard let r = a.wordIndex.range(words, kept[n]), r.count == 1, r.upperBound < words.count,
                  b[kept[n].start + 1] &- 0x61 < 26, words[r.upperBound].capitalized,
                  words[r.upperBound].flags & Feature.titles.rawValue != 0, words[r.upperBound].gap == .space,
                  words[r.upperBound].start < kept[n + 1].start, Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            dropped.append(n)
        }
        for n in Set(dropped).sorted(by: >) { kept.remove(at: n) }
        // `Dutchman Pieter de Jongh`: a nationality's noun before a person is no part of the name.
        // (Whatever the model read the whole as: `Dutchman Joost de Vries` came out a body.)
        for n in kept.indices where (kept[n].label == .person || kept[n].label == .org) && b[kept[n].start] &- 0x41 < 26 {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 3, r.count <= 5, words[r.lowerBound + 1].gap == .space,
                  WordMatch.isAny(b, words[r.lowerBound], Self.nationalityNouns) else { continue }
            kept[n].start = words[r.lowerBound + 1].start
            kept[n].label = .person
            kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
        }
    }

    /// Nouns of a nationality that news writes before a person's name, as a title: `Dutchman Pieter de Jongh`.
    static let nationalityNouns: WordList = ["dutchman", "dutchwoman", "frenchman", "frenchwoman", "englishman", "englishwoman",
                                             "irishman", "irishwoman", "scotsman", "scotswoman", "welshman", "welshwoman",
                                             "briton", "spaniard", "swede", "cornishman", "manxman", "ulsterman"]
}
