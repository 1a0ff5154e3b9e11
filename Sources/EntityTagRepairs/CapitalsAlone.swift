import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// A word of three to six capitals alone, in text that is not in capitals, is a body's initials (`SPÖ`, `BWU`, `PDSA`),
/// not a person's name, whatever the model made of it: news writes people's names in capitals only in headlines
/// and datelines, which the `shouted` words mark.
extension Recognizer {
    package func repairCapitalsAlone(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        for n in kept.indices where kept[n].label == .person && kept[n].end - kept[n].start >= 3 && kept[n].end - kept[n].start <= 12 {
            // (Not a dateline's town, `TOFTIR, Faroe Islands`, at a line's start before a comma.)
            guard let r = a.wordIndex.range(words, kept[n]), r.count == 1, !input.shouted[r.lowerBound],
                  !(r.upperBound < words.count && words[r.upperBound].gap == .comma && (kept[n].start == 0 || b[kept[n].start - 1] == 0x0A)),
                  let letters = Self.capitalLetters(b, words[r.lowerBound]), (3...6).contains(letters) else { continue }
            kept[n].label = .org
            kept[n].canonical = nil
            kept[n].priority = Candidate.byContext
        }
    }

    /// The number of letters of a word made of capitals only, ASCII or Latin-1 (`SPÖ`); nil when any is not.
    package static func capitalLetters(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Int? {
        var i = w.start, letters = 0
        while i < w.end {
            if b[i] &- 0x41 < 26 {
                i += 1
            } else if b[i] == 0xC3, i + 1 < w.end, b[i + 1] >= 0x80, b[i + 1] <= 0x9E, b[i + 1] != 0x97 {
                i += 2
            } else {
                return nil
            }
            letters += 1
        }
        return letters
    }
}
