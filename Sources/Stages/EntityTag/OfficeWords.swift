import EntityTagModel
import EntityTagRules
import LedeText

/// Words of an office that the model reads as a name or as part of one:
/// - a minister's portfolio before the office (`Foreign Minister`, `Defence Secretary`): `Foreign` names no body,
///   and `UAE Foreign Minister` holds the place `UAE` alone (a body's name before an office stays whole:
///   `Homeland Security Secretary`);
/// - a span of nothing but titles read as a person (`Deputy-Director`, `and the Director`), or a title standing
///   before the name it belongs to as a person of its own (`Sheikh` of `Sheikh Abdullah bin Zayed`).
extension Recognizer {
    func dropOfficeWords(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n] else { continue }
            // The portfolio before an office: the office follows the span, or ends it.
            var end = r.upperBound
            // (Only a place keeps what stands before the portfolio: `Kenya Police` and `Homeland Security` are bodies.)
            if end < words.count, Self.joinedBySpace(b, words[end - 1], words[end]), WordMatch.isAny(b, words[end], RepairWords.portfolioOffices) {
                while end > r.lowerBound, WordMatch.isAny(b, words[end - 1], RepairWords.portfolios) { end -= 1 }
                if end > r.lowerBound, kept[n].label != .gpe { end = r.upperBound }
            } else if r.count >= 2, WordMatch.isAny(b, words[end - 1], RepairWords.portfolioOffices),
                      (r.lowerBound..<(end - 1)).allSatisfy({ WordMatch.isAny(b, words[$0], RepairWords.portfolios) }) {
                end = r.lowerBound
            }
            if end == r.lowerBound {
                dropped.append(n)
                continue
            }
            if end < r.upperBound {
                kept[n].end = words[end - 1].end
                kept[n].canonical = kept[n].label == .person ? .text(start: kept[n].start, end: kept[n].end) : nil
                continue
            }
            guard kept[n].label == .person, r.allSatisfy({ isTitleOrJoiner(b, words[$0]) }),
                  r.contains(where: { !WordMatch.isAny(b, words[$0], RepairWords.acronymJoiners) }) else { continue }
            // Titles alone: two words or more (`and the Director`), a title joined by a hyphen to another
            // (`Deputy-Director`), or one before the name it belongs to.
            let before = n + 1 < kept.count && kept[n + 1].label == .person && r.upperBound < words.count
                && kept[n + 1].start == words[r.upperBound].start && Self.joinedBySpace(b, words[r.upperBound - 1], words[r.upperBound])
            if r.count >= 2 || WordMatch.hasHyphen(b, words[r.lowerBound]) || before { dropped.append(n) }
        }
        for n in dropped.reversed() { kept.remove(at: n) }
    }

    /// Whether `w` is a title (`Director`, `Sheikh`), titles joined by hyphens (`Deputy-Director`), or a word that
    /// joins titles (`and`, `the`, `of`).
    func isTitleOrJoiner(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        if w.flags & (Feature.titles.rawValue | Feature.ranks.rawValue) != 0 { return true }
        if !w.capitalized { return WordMatch.isAny(b, w, RepairWords.acronymJoiners) }
        guard WordMatch.hasHyphen(b, w) else { return false }
        var start = w.start
        for k in w.start...w.end where k == w.end || b[k] == 0x2D {
            guard k > start, tagger.lex.flags.flags(b, start..<k) & Feature.titles.rawValue != 0 else { return false }
            start = k + 1
        }
        return true
    }
}
