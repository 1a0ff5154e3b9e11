import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// A family name with a particle in lower case (`van Gisbergen`, `de Jong`, `da Silva`), named again without the given
/// name: the particle stays with the family name when the document wrote the person in full with it (`Shane van
/// Gisbergen`), where the model read the capital only.
extension Recognizer {
    package func joinParticleSurnames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        for n in kept.indices where kept[n].label == .person {
            // A small letter and a space before the name, or it is not asked.
            let s = kept[n].start
            guard s >= 3, b[s - 1] == 0x20, b[s - 2] &- 0x61 < 26,
                  let r = a.wordIndex.range(words, kept[n]), r.count == 1, r.lowerBound >= 1, words[r.lowerBound].gap == .space,
                  case let p = words[r.lowerBound - 1], !p.capitalized, p.count <= 4,
                  WordMatch.isAny(b, p, RepairWords.particles), n == 0 || kept[n - 1].end <= p.start else { continue }
            let with = b[p.start..<kept[n].end]
            let written = kept.contains { c in
                c.label == .person && c.end - c.start > with.count && c.end != kept[n].end
                    && b[(c.end - with.count)..<c.end].elementsEqual(with) && b[c.end - with.count - 1] == 0x20
            }
            guard written else { continue }
            kept[n].start = p.start
            kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
        }
    }
}
