import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// A councillor's or a member's party in brackets after the name, as local news writes it (`Cllr Donagh Kealy (FF)`,
/// `Councillor Aine Doyle (Ind)`, `Mr Ravel (SNP)`): two to five capitals are the party, a body; `Ind`, `Ind.` or
/// `Independent` names no body and is no entity; neither is part of the person or the person's initials.
extension Recognizer {
    func repairPartyTags(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var dropped: [Int] = []
        var added: [Candidate] = []
        for n in kept.indices where kept[n].label == .person {
            // `Name (XY)`: a bracket right after the name, one word, a closing bracket.
            let e = kept[n].end
            guard e + 3 < b.count, b[e] == 0x20, b[e + 1] == 0x28, let k = a.wordIndex.range(words, kept[n])?.upperBound,
                  k < words.count, words[k].start == e + 2, words[k].end < b.count, b[words[k].end] == 0x29
                    || words[k].end + 1 < b.count && b[words[k].end] == 0x2E && b[words[k].end + 1] == 0x29 else { continue }
            let tag = words[k]
            let over = kept.indices.first { kept[$0].start == tag.start }
            if WordMatch.isAny(b, tag, ["ind", "ind.", "independent"]) {
                if let m = over { dropped.append(m) }
            } else if let letters = Self.capitalLetters(b, tag), (2...5).contains(letters), !WordMatch.isAny(b, tag, Self.notParties) {
                if let m = over {
                    guard kept[m].end == tag.end, kept[m].label == .person || kept[m].label == .org else { continue }
                    kept[m].label = .org
                    kept[m].canonical = nil
                    kept[m].priority = Candidate.byContext
                } else {
                    added.append(Candidate(start: tag.start, end: tag.end, label: .org, canonical: nil, priority: Candidate.byContext))
                }
            }
        }
        guard !dropped.isEmpty || !added.isEmpty else { return }
        for m in Set(dropped).sorted(by: >) { kept.remove(at: m) }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Capitals in brackets after a name that are no party: an age's or a role's letters, a country's code.
    static let notParties: WordList = ["ceo", "md", "mp", "mla", "qc", "kc", "sc", "jr", "sr", "ii", "iii", "iv", "uk", "us",
                                       "usa", "uae", "rip", "pbuh"]
}
