import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// An office held in a body, which the model read as part of the body's name, before `of` (`Group CEO of Guardian
/// Holdings Limited`, `Chairwoman of the Board of Directors of CNC`): the body is what follows `of`, and a board of
/// directors, trustees or management alone names none. (A board of governors is a body of its own: `Board of
/// Governors of the Federal Reserve System` stays whole; so is a body's named board, `Crossroads Arena Board of
/// Directors`, which blind sets annotate whole.)
extension Recognizer {
    package func splitOfficesOfBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var changed = false
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label == .org && kept[n].end - kept[n].start >= 10 {
            guard let whole = a.wordIndex.range(words, kept[n]), whole.count >= 3, Self.match(a.matches, kept[n].start, kept[n].end) == nil
            else { continue }
            var r = whole
            // The office and its `of`, as often as they come (`Chairwoman of the Board of Directors of CNC`).
            // (What is left must name a body by its form: a body's or a firm's last word, or initials; not `Public
            // Prosecutions` of `Director of Public Prosecutions`, nor `Police` of `Commissioner of Police`.)
            while let of = officeBefore(b, words, r) {
                var s = of + 1
                if s < r.upperBound, WordMatch.isWord(b, words[s], "the") { s += 1 }
                let last = words[r.upperBound - 1]
                guard s < r.upperBound, words[s].capitalized,
                      r.upperBound - s >= 2 && (last.flags & Feature.orgSuffixes.rawValue != 0 || WordMatch.isAny(b, last, RepairWords.legalForms))
                        || Self.capitals(b, last) != nil && last.count >= 2 else { break }
                r = s..<r.upperBound
            }
            // (A board alone, `Chairman of the Board of Directors`, names no body.)
            if r.count == 3, WordMatch.isWord(b, words[r.lowerBound], "board"), WordMatch.isAny(b, words[r.upperBound - 1], Self.boards) {
                r = r.lowerBound..<r.lowerBound
            }
            if r.isEmpty {
                dropped.append(n)
                continue
            }
            guard r != whole else { continue }
            kept[n].start = words[r.lowerBound].start
            kept[n].canonical = nil
            kept[n].priority = Candidate.byContext
            changed = true
        }
        for n in dropped.reversed() { kept.remove(at: n) }
        if changed { kept.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// The index of `of` after an office that opens the words of `r`: qualifiers (`Group`, `Managing`, `Deputy`) and an
    /// office (`CEO`, `Chairwoman`), or a board of directors, trustees or management; nil when `r` opens otherwise.
    private func officeBefore(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>) -> Int? {
        var k = r.lowerBound
        while k < r.upperBound, WordMatch.isAny(b, words[k], RepairWords.officeQualifiers) || WordMatch.isWord(b, words[k], "group") { k += 1 }
        guard k + 1 < r.upperBound else { return nil }
        if WordMatch.isAny(b, words[k], RepairWords.trailingOffices), WordMatch.isWord(b, words[k + 1], "of") { return k + 1 }
        if k + 3 < r.upperBound, WordMatch.isWord(b, words[k], "board"), WordMatch.isWord(b, words[k + 1], "of"),
           WordMatch.isAny(b, words[k + 2], Self.boards), WordMatch.isWord(b, words[k + 3], "of") {
            return k + 3
        }
        return nil
    }

    /// What a board that is no body of its own is made of.
    static let boards: WordList = ["directors", "trustees", "management"]
}
