import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// A portfolio is no body: what an office is for, named after it (`the Minister for International Trade and
/// Investment, Richard Maru`, `the Cabinet Member for Finance, Modernisation and Performance`) or listed before it
/// (`Health, Seniors and Long-Term Care Minister Uzoma Asagwara`), names no organization, and neither do the parts of
/// its list. A portfolio that holds a body's word or initials stays (`Minister for the Cabinet Office`, `Commissioner
/// for the NHS`).
extension Recognizer {
    func dropPortfolios(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        guard kept.contains(where: { $0.label == .org || $0.label == .gpe }) else { return }
        var removed: [Int] = []
        var n = 0
        while n < kept.count {
            defer { n += 1 }
            // (The model reads an unknown portfolio as a place as often as a body: `Health, Seniors and ... Minister`.)
            guard kept[n].label == .org || kept[n].label == .gpe, let r = a.wordIndex.range(words, kept[n]) else { continue }
            // (A place after `for` is a seat: `the Member for Tonota North`.) The office first: it turns most names
            // away with a word or two, where the portfolio's words look up the lists.
            let office = kept[n].label == .org && (officeBefore(b, words, r.lowerBound) || officeInside(b, a, r))
                || officeAfterList(b, words, r.upperBound)
            guard office, portfolioWords(b, a, r) else { continue }
            removed.append(n)
            // The rest of the list: capitalized words joined by commas and `and` (`, Modernisation and Performance`,
            // `, Seniors and Long-Term Care`), whose names the model read as bodies.
            var end = r.upperBound
            while end < words.count, words[end].gap == .space || words[end].gap == .comma,
                  words[end].capitalized || WordMatch.isAny(b, words[end], "and", "&") { end += 1 }
            while n + 1 < kept.count, let next = a.wordIndex.range(words, kept[n + 1]), next.upperBound <= end {
                n += 1
                if kept[n].label == .org || kept[n].label == .gpe, portfolioWords(b, a, next) { removed.append(n) }
            }
        }
        for m in removed.reversed() { kept.remove(at: m) }
    }

    /// Whether the words of `r` could be a portfolio: capitalized everyday words, none a body's last word, a body's
    /// head, a place or a people the lists know, or initials.
    private func portfolioWords(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ r: Range<Int>) -> Bool {
        let words = a.words
        for k in r {
            let w = words[k]
            if w.flags & Feature.functionWords.rawValue != 0, !w.capitalized { continue } // `and`, `of`
            guard w.capitalized, !w.digit, w.flags & Feature.orgHeads.rawValue == 0, !Self.bodies.contains(b, w.range),
                  Self.capitals(b, w) == nil else { return false }
        }
        let start = words[r.lowerBound].start, end = words[r.upperBound - 1].end
        return !a.matches.contains { $0.start < end && $0.end > start && $0.label != .org }
    }

    /// `Minister for`, `Cabinet Member for the`: an office and `for` or `of` right before word `i`.
    private func officeBefore(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ i: Int) -> Bool {
        var k = i - 1
        if k > 0, WordMatch.isWord(b, words[k], "the") { k -= 1 }
        guard k > 0, WordMatch.isAny(b, words[k], "for", "of"), !words[k].capitalized else { return false }
        return words[k - 1].capitalized && WordMatch.isAny(b, words[k - 1], Self.portfolioHolders)
    }

    /// `Cabinet Member for Finance` read whole: an office and `for` inside the name, after its first word, and no name the
    /// lists know before the office (`United Nations High Commissioner for Refugees` is an agency).
    private func officeInside(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ r: Range<Int>) -> Bool {
        let words = a.words
        guard r.count >= 3 else { return false }
        guard let k = ((r.lowerBound + 1)..<(r.upperBound - 1)).first(where: { k in
            WordMatch.isWord(b, words[k], "for") && words[k - 1].capitalized && WordMatch.isAny(b, words[k - 1], Self.portfolioHolders)
        }) else { return false }
        let start = words[r.lowerBound].start, end = words[k - 1].start
        return !a.matches.contains { $0.start < end && $0.end > start }
    }

    /// `Health, Seniors and Long-Term Care Minister`: a list of capitalized words, commas and `and` from `end` on, closed
    /// by a minister's or a secretary's title.
    private func officeAfterList(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ end: Int) -> Bool {
        guard end < words.count, words[end].gap == .comma else { return false }
        for k in end..<min(words.count, end + 8) {
            let w = words[k]
            guard k == end || w.gap == .space || w.gap == .comma else { return false }
            if w.capitalized, WordMatch.isAny(b, w, RepairWords.portfolioOffices) { return true }
            guard w.capitalized || WordMatch.isAny(b, w, "and", "&") else { return false }
        }
        return false
    }

    /// Offices named with what they are for (`Minister for`, `Member for`, `MEC for`).
    static let portfolioHolders: WordList = ["minister", "ministers", "secretary", "member", "mec", "spokesperson", "spokesman",
                                             "spokeswoman", "commissioner", "critic", "czar", "tsar", "councillor", "councilor"]
}
