import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// What stands before a body's name and belongs to it:
/// - the Crown's possessive of British and Commonwealth services (`His Majesty's Courts and Tribunals Service`,
///   `Her Majesty's Prison Service`, `HM Revenue and Customs`), which the model leaves outside the name;
/// - an owner's initials that no other name holds, right before a brand in one word of capitals inside
///   (`RACQ LifeFlight`, `NRMA Insurance`): the initials and the brand are one body.
extension Recognizer {
    package func joinOrganizationPrefixes(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        for n in kept.indices where kept[n].label == .org && kept[n].start >= 3 && b[kept[n].start - 1] == 0x20 {
            guard let r = a.wordIndex.range(words, kept[n]), r.lowerBound >= 1 else { continue }
            let before = words[r.lowerBound - 1]
            // (`Majesty's Prison Service`, the model's, after `Her`.)
            if Self.isMajesty(b, words[r.lowerBound]), WordMatch.isAny(b, before, ["his", "her"]), before.capitalized,
               n == 0 || kept[n - 1].end <= before.start {
                kept[n].start = before.start
                kept[n].canonical = nil
                continue
            }
            guard words[r.lowerBound].gap == .space, n == 0 || kept[n - 1].end <= before.start else { continue }
            // `His Majesty's`, `Her Majesty's`, `HM`.
            if r.lowerBound >= 2, Self.isMajesty(b, before),
               before.gap == .space, WordMatch.isAny(b, words[r.lowerBound - 2], ["his", "her"]), words[r.lowerBound - 2].capitalized,
               n == 0 || kept[n - 1].end <= words[r.lowerBound - 2].start {
                kept[n].start = words[r.lowerBound - 2].start
                kept[n].canonical = nil
            } else if before.count == 2, b[before.start] == 0x48, b[before.start + 1] == 0x4D {
                kept[n].start = before.start
                kept[n].canonical = nil
            } else if r.count == 1, let letters = Self.capitalLetters(b, before), (3...5).contains(letters),
                      !a.initial[r.lowerBound - 1], Self.innerCapital(b, words[r.lowerBound]) {
                // `RACQ LifeFlight`: a brand in one word with a capital inside, after initials nothing else took.
                kept[n].start = before.start
                kept[n].canonical = nil
            }
        }
    }

    /// `Majesty's`, `Majesty’s`, capitalized.
    static func isMajesty(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        w.possessive && w.capitalized && w.count >= 7 && "majesty".utf8.enumerated().allSatisfy { b[w.start + $0.offset] | 0x20 == $0.element }
    }

    /// Whether a word has a capital after its first letter and a lower-case letter before that capital (`LifeFlight`,
    /// `AirBaltic`), not an initialism (`NASA`) or a hyphened name (`Smith-Jones`).
    package static func innerCapital(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        guard w.count >= 4 else { return false }
        for i in (w.start + 2)..<w.end where b[i] &- 0x41 < 26 && b[i - 1] &- 0x61 < 26 { return true }
        return false
    }
}
