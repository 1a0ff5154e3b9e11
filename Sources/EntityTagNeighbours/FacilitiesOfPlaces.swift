import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// A place's name with a building's head inside it, before `of`, is the building (`Kharkiv Palace of Sports`, `Lagos
/// Palace of Justice`), which the model read as the city that opens it.
extension Recognizer {
    package func repairFacilitiesOfPlaces(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        for n in kept.indices where kept[n].label == .gpe && kept[n].end - kept[n].start >= 14 {
            guard (kept[n].start..<(kept[n].end - 3)).contains(where: { b[$0] == 0x20 && b[$0 + 1] == 0x6F && b[$0 + 2] == 0x66 && b[$0 + 3] == 0x20 }),
                  let r = a.wordIndex.range(words, kept[n]), r.count >= 4,
                  r.dropFirst().dropLast(2).contains(where: {
                      words[$0].capitalized && words[$0].flags & Feature.facilityHeads.rawValue != 0
                          && words[$0 + 1].gap == .space && WordMatch.isWord(b, words[$0 + 1], "of")
                  }) else { continue }
            kept[n].label = .fac
            kept[n].canonical = nil
        }
    }
}
