import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Regions named by a compass adjective and a place, and bodies named by a place with `of` inside:
/// - `Western Queensland`, `Southern California`, `Northern England`: a part of a governed place, no governed place
///   itself (OntoNotes LOC), unless the lists hold the whole (`Western Australia`, `Northern Ireland`, `Central Java`);
///   the model reads the adjective as a people's (`Western`) or the whole as a state;
/// - `Bay of Plenty Regional Council`: a place the gazetteer holds whose end the model took as the start of a body
///   (`Bay` and `Plenty Regional Council`) opens that body.
extension Recognizer {
    func repairRegionNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var removed: Set<Int> = []
        var changed = false
        for n in kept.indices where kept[n].label == .gpe && !removed.contains(n) {
            guard let r = a.wordIndex.range(words, kept[n]), r.count <= 3 else { continue }
            // The adjective inside the name (`Southern California` read whole), or the word before it.
            var adjective = r.lowerBound
            var place = r
            if r.count >= 2, WordMatch.isAny(b, words[adjective], Self.compassAdjectives) {
                place = (adjective + 1)..<r.upperBound
            } else if adjective > 0, words[adjective].gap == .space, WordMatch.isAny(b, words[adjective - 1], Self.compassAdjectives) {
                adjective -= 1
            } else { continue }
            let start = words[adjective].start, end = kept[n].end
            guard words[adjective].capitalized, Self.match(a.matches, start, end) == nil,
                  Self.match(a.matches, words[place.lowerBound].start, words[place.upperBound - 1].end)?.label == .gpe,
                  kept.indices.allSatisfy({ m in m == n || kept[m].end <= start || kept[m].start >= end
                      || kept[m].start == start && kept[m].end == words[adjective].end }) else { continue }
            for m in kept.indices where m != n && kept[m].start == start && kept[m].end == words[adjective].end { removed.insert(m) }
            kept[n].start = start
            kept[n].label = .loc
            kept[n].canonical = nil
            changed = true
        }
        // `Bay of Plenty Regional Council`.
        for m in a.matches.indices where a.matches[m].label == .gpe || a.matches[m].label == .loc {
            let (start, end) = (a.matches[m].start, a.matches[m].end)
            guard end - start >= 8, let n = kept.firstIndex(where: { $0.start > start && $0.start < end && $0.end > end && $0.label == .org }),
                  let r = a.wordIndex.range(words, kept[n]), words[r.upperBound - 1].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0,
                  kept.indices.allSatisfy({ k in k == n || kept[k].end <= start || kept[k].start >= kept[n].end
                      || kept[k].start >= start && kept[k].end <= kept[n].start }) else { continue }
            for k in kept.indices where k != n && kept[k].start >= start && kept[k].end <= kept[n].start { removed.insert(k) }
            kept[n].start = start
            kept[n].canonical = nil
            changed = true
        }
        guard changed else { return }
        for m in removed.sorted(by: >) { kept.remove(at: m) }
        kept.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Compass adjectives (not `North`, `East`, which open official names: `East Sussex`, `North Carolina`).
    static let compassAdjectives: WordList = ["western", "eastern", "northern", "southern", "central", "northwestern",
                                              "northeastern", "southwestern", "southeastern", "north-western", "north-eastern",
                                              "south-western", "south-eastern"]
}
