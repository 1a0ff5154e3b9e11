import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Headlines and page lines in title case, where every word has a capital and the model's cue of a capital is gone:
/// - a name that spans a whole line of four words or more that the lists do not hold is the line, a headline or a
///   menu's item, not a name (`Council Approves Operating Budget`), and so is one of four words or more with a word
///   that links a headline's clauses (`Mayor and Board Battle Over Police Budget`);
/// - a person whose words are all everyday words, none a given or a family name, one a body's or a place's head, on
///   such a line is none (`Mayor Accepts City Council Budget for Fiscal Year 2016` gives no person `Council Budget`;
///   `Tiger Woods` stays).
/// And anywhere: a body's head word alone read as a person (`the Council's proposed budget`) is the body.
extension Recognizer {
    func repairTitleCaseLines(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var dropped: [Int] = []
        let named = Feature.given.rawValue | Feature.surnames.rawValue
        let heads = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.placeHeads.rawValue | Feature.facilityHeads.rawValue
        for n in kept.indices where kept[n].label == .person || kept[n].label == .org {
            guard let r = a.wordIndex.range(words, kept[n]) else { continue }
            if kept[n].label == .person, r.count == 1, words[r.lowerBound].flags & Feature.orgHeads.rawValue != 0,
               words[r.lowerBound].flags & named == 0 {
                kept[n].label = .org
                kept[n].canonical = nil
                continue
            }
            // (What the name is made of first: the line around it is read only for the few names that may be one.)
            let whole = r.count >= 4 && Self.match(a.matches, kept[n].start, kept[n].end) == nil
            let everyday = !whole && kept[n].label == .person && r.contains(where: { words[$0].flags & heads != 0 })
                && r.allSatisfy({ input.common(words[$0]) && words[$0].flags & named == 0 })
            guard whole || everyday, let line = Self.titleCaseLine(b, words, around: r) else { continue }
            if everyday || r == line || r.dropFirst().contains(where: { WordMatch.isAny(b, words[$0], Self.headlineLinks) }) {
                dropped.append(n)
            }
        }
        for n in dropped.reversed() { kept.remove(at: n) }
    }

    /// Words that join a headline's clauses and never stand inside a name (`Mayor and Board Battle Over Police Budget`).
    static let headlineLinks: WordList = ["over", "amid", "after", "despite", "following", "into", "onto", "versus", "vs",
                                          "vs.", "ahead", "during", "until"]

    /// The words of the line that holds `r`, when that line is in title case: four words or more, no full stop at its
    /// end, and every word of four letters or more capitalized.
    static func titleCaseLine(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], around r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound, hi = r.upperBound
        // (A line's words: no line break between them. A word's gap says what stands before it.)
        func lineBreakBefore(_ k: Int) -> Bool {
            k == 0 || (words[k - 1].end..<words[k].start).contains { b[$0] == 0x0A }
        }
        while !lineBreakBefore(lo) { lo -= 1; if r.upperBound - lo > 40 { return nil } }
        while hi < words.count, !lineBreakBefore(hi) { hi += 1; if hi - lo > 40 { return nil } }
        guard hi - lo >= 4 else { return nil }
        let end = words[hi - 1].end
        if end < b.count, b[end] == 0x2E { return nil }
        for k in lo..<hi where words[k].count >= 4 && !words[k].capitalized && !words[k].digit { return nil }
        return lo..<hi
    }

    /// `Council Member Kathy Orr`, `Board Member Jane Doyle`: a body's word and `Member` are an office before the name,
    /// not a body; the person after it is a person, and the office alone (`Board Member`) is no name.
    func splitMemberOffices(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label == .org && kept[n].end - kept[n].start >= 12 {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 2,
                  let m = r.dropFirst().first(where: { words[$0].capitalized && WordMatch.isAny(b, words[$0], "member", "members") }),
                  words[m - 1].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0 else { continue }
            if m + 1 == r.upperBound {
                dropped.append(n)
            } else if words[m + 1].flags & Feature.given.rawValue != 0, r.upperBound - m - 1 <= 4, words[m + 1].gap == .space {
                kept[n].start = words[m + 1].start
                kept[n].label = .person
                kept[n].canonical = nil
            }
        }
        for n in dropped.reversed() { kept.remove(at: n) }
    }
}
