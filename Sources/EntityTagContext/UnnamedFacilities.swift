import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// An airport, a stadium or a motorway no list holds and the model passed over (`Tribhuvan International Airport`,
/// `Corrin Sports Arena`): capitalized words ending in a structure's noun that names nothing else are a building.
extension Recognizer {
    func addUnnamedFacilities(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let notName = Feature.functionWords.rawValue | Feature.titles.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue
        var found: [Candidate] = []
        // (The set in a local: a static read in the loop is a call to check it was made, per word.)
        let structureKeys = Self.structureKeys
        // (Nothing to do where no word of the document is one of the keys the loop looks for: a few reads, not a pass.)
        guard structureKeys.mayOccur(in: a.wordIndex) else { return }
        for k in 1..<max(1, words.count) {
            let w = words[k]
            // (In a sentence written in capitals a capital says nothing.)
            guard w.capitalized, w.count >= 5, w.gap == .space, structureKeys.contains(w.key), !input.shouted[k] else { continue }
            var first = k
            while first > 0, k - first < 4, words[first].gap == .space, words[first - 1].capitalized, !words[first - 1].possessive,
                  words[first - 1].flags & notName == 0, !input.shouted[first - 1] { first -= 1 }
            guard first < k, !a.initial[first] || k - first >= 2 else { continue }
            let start = words[first].start, end = w.end
            guard !kept.contains(where: { $0.start < end && $0.end > start }) else { continue }
            found.append(Candidate(start: start, end: end, label: .fac, canonical: nil, priority: Candidate.byContext))
        }
        guard !found.isEmpty else { return }
        kept = (kept + found).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Structures whose noun names no body too (not `Hospital` or `Museum`, which are institutions as well).
    static let structureKeys = KeySet(["airport", "stadium", "arena", "airfield", "aerodrome", "racecourse", "expressway",
                                       "motorway", "showground", "showgrounds", "airstrip"].map { wordKey($0) })
}
