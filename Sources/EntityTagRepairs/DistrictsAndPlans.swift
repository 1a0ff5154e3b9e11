import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Two kinds of name that end like something else:
/// - a district named for a service (`Muncie Sanitary District`, `Palmdale Water District`, `Lakeside School
///   District`) is the body that runs it, not a governed place: it levies, borrows and hires; so is a place's name
///   with a possessive inside and a body's word last (`Barbados Workers' Union`);
/// - a plan, a policy or a strategy (`National Health Strategy`, `Sector Policy`) is a document, which OntoNotes
///   names with no label, not the body the model read (`National` and `Health` are bodies' words).
extension Recognizer {
    package func repairDistrictsAndPlans(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let serviceKeys = Self.serviceKeys, districtKeys = Self.districtKeys, planKeys = Self.planKeys, bodyKeys = Self.policyBodyKeys
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label == .gpe || kept[n].label == .org {
            // (Read off the last word's key: most names end in neither.)
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 2 else { continue }
            let last = words[r.upperBound - 1]
            // (And a governed place's name with a possessive inside and a body's word last: `Barbados Workers' Union`.)
            if kept[n].label == .gpe, districtKeys.contains(last.key) && serviceKeys.contains(words[r.upperBound - 2].key)
                || r.count >= 3 && words[r.dropLast()].contains(where: { $0.possessive || b[$0.end - 1] == 0x27 || b[$0.end - 1] == 0x99 && b[$0.end - 2] == 0x80 }) && WordMatch.isAny(b, last, RepairWords.bodyEnds) {
                kept[n].label = .org
                kept[n].canonical = nil
                kept[n].priority = Candidate.byContext
            } else if planKeys.contains(last.key), kept[n].label == .org, last.capitalized,
                      Self.match(a.matches, kept[n].start, kept[n].end) == nil,
                      // A body named for a policy keeps its name (`Centre for Health Policy`, `Policy Institute`).
                      !words[r.dropLast()].contains(where: { bodyKeys.contains($0.key) }) {
                dropped.append(n)
            }
        }
        for n in dropped.reversed() { kept.remove(at: n) }
    }

    /// The services a district is named for.
    static let serviceKeys = KeySet(["sanitary", "school", "water", "fire", "irrigation", "utility", "utilities", "conservation",
                                     "transit", "park", "library", "hospital", "sewer", "sewerage", "drainage", "flood", "levee",
                                     "mosquito", "power", "soil", "recreation", "cemetery", "sanitation", "improvement",
                                     "health"].map { wordKey($0) })
    /// Districts' and their like's last words.
    static let districtKeys = KeySet(["district", "districts"].map { wordKey($0) })
    /// Words of a body named for a policy, or of its field (`Centre for Health Policy`, `Policy Institute`).
    static let policyBodyKeys = KeySet(["for", "of", "on", "institute", "centre", "center", "council", "department", "ministry",
                                        "commission", "office", "agency", "foundation", "group", "unit", "committee", "board",
                                        "forum", "network", "bureau", "school", "university"].map { wordKey($0) })
    /// Documents' last words.
    static let planKeys = KeySet(["strategy", "policy", "plan", "framework", "roadmap", "blueprint"].map { wordKey($0) })
}
