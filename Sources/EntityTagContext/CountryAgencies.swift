import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Commonwealth governments name their agencies by a field and the country (`Transport Canada`, `Police Scotland`,
/// `Tourism Australia`, `Sport Ireland`, `Historic England`): a body, which the model reads as the place it ends in.
/// A capitalized field's word before a place the gazetteer knows, inside a sentence, makes them one organization.
extension Recognizer {
    func repairCountryAgencies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var changed = false
        for n in kept.indices where kept[n].label == .gpe {
            guard let r = a.wordIndex.range(words, kept[n]), r.count <= 3 else { continue }
            // The field's word: the name's first (`Transport Canada` read whole), or the word before it.
            var f = r.lowerBound
            var place = r
            if r.count >= 2, Self.agencyKeys.contains(words[f].key) {
                place = (f + 1)..<r.upperBound
            } else if f > 0, Self.agencyKeys.contains(words[f - 1].key), words[f].gap == .space {
                f -= 1
            } else { continue }
            let field = words[f]
            guard field.capitalized, !a.initial[f], !input.shouted[f], f == 0 || !words[f - 1].capitalized || words[f].gap != .space,
                  Self.match(a.matches, words[place.lowerBound].start, words[place.upperBound - 1].end)?.label == .gpe,
                  !kept.contains(where: { $0.end == field.end && $0.start < field.start }) else { continue }
            kept.removeAll { $0.start >= field.start && $0.end <= field.end }
            guard let m = kept.firstIndex(where: { $0.start == words[r.lowerBound].start && $0.end == words[r.upperBound - 1].end }) else { continue }
            kept[m].start = field.start
            kept[m].label = .org
            kept[m].canonical = nil
            changed = true
        }
        if changed { kept.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// The fields such agencies are named for.
    static let agencyKeys = KeySet(["transport", "health", "parks", "statistics", "environment", "elections", "fisheries", "tourism",
                                    "sport", "police", "infrastructure", "services", "enterprise", "education", "housing",
                                    "employment", "innovation", "revenue", "heritage", "historic", "natural", "veterans",
                                    "immigration", "skills", "justice", "agriculture", "forestry", "biosecurity", "nutrition",
                                    "archives", "geoscience", "visit", "study", "trade"].map { wordKey($0) })
}
