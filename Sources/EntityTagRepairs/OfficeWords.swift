import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Words of an office that the model reads as a name or as part of one:
/// - a minister's portfolio before the office (`Foreign Minister`, `Defence Secretary`): `Foreign` names no body,
///   and `UAE Foreign Minister` holds the place `UAE` alone (a body's name before an office stays whole:
///   `Homeland Security Secretary`);
/// - a body's name run into the title of the person after it (`Microsoft Chief Financial` before `Officer Amy
///   Hood`) ends where the title starts, and initials no name covers before a person's titles are the body
///   (`RIM` of `RIM CEO Jim Balsillie`);
/// - a noun of people opening the sentence is no part of the name after it (`Journalist Ferial Haffajee`);
/// - everyday words before an office are the office, no person (`Artistic Director`), and so is a span of nothing
///   but titles read as a person (`Deputy-Director`, `and the Director`), or a title standing
///   before the name it belongs to as a person of its own (`Sheikh` of `Sheikh Abdullah bin Zayed`).
extension Recognizer {
    package func dropOfficeWords(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n] else { continue }
            // The portfolio before an office: the office follows the span, or ends it.
            var end = r.upperBound
            // (Only a place keeps what stands before the portfolio: `Kenya Police` and `Homeland Security` are bodies.)
            if end < words.count, WordMatch.isAny(b, words[end], RepairWords.portfolioOffices), Self.joinedBySpace(b, words[end - 1], words[end]) {
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
            // `Microsoft Chief Financial` before `Officer Amy Hood`: a body's name run into the title of the person
            // after it ends where the title starts.
            if kept[n].label != .person, r.count >= 2, r.upperBound < words.count, words[r.upperBound].capitalized,
               words[r.upperBound].flags & Feature.titles.rawValue != 0, Self.joinedBySpace(b, words[r.upperBound - 1], words[r.upperBound]),
               let title = r.dropFirst().first(where: { words[$0].flags & Feature.titles.rawValue != 0 }),
               (title..<r.upperBound).allSatisfy({ words[$0].capitalized }),
               Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                kept[n].end = words[title - 1].end
                kept[n].canonical = nil
                continue
            }
            // `Journalist Ferial Haffajee told ...`: a noun of people opening the sentence, its capital the sentence's, is
            // no part of the name after it.
            if kept[n].label == .person, r.count >= 3, a.initial[r.lowerBound], words[r.lowerBound].flags & Feature.personNouns.rawValue != 0,
               words[r.lowerBound + 1].gap == .space {
                kept[n].start = words[r.lowerBound + 1].start
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
                continue
            }
            // `Artistic Director`, `Managing Director`: everyday words before an office are the office, no person.
            if kept[n].label == .person, r.count >= 2, words[r.upperBound - 1].flags & Feature.titles.rawValue != 0,
               r.dropLast().allSatisfy({ input.common(words[$0]) && words[$0].flags & (Feature.given.rawValue | Feature.surnames.rawValue) == 0 }) {
                dropped.append(n)
                continue
            }
            // `(R)`, `(D)` after a legislator's name: a party's initial, no one's name.
            if kept[n].end - kept[n].start == 1, kept[n].start > 0, kept[n].end < b.count, b[kept[n].start - 1] == 0x28, b[kept[n].end] == 0x29 {
                dropped.append(n)
                continue
            }
            // `Tan Sri` before `Dr James Masing`: a Malaysian honour alone is no one's name.
            if kept[n].label == .person, r.count == 2, WordMatch.isHonourPair(b, words, r.lowerBound) {
                dropped.append(n)
                continue
            }
            // (A title's plural read as a body, `Councilmembers took a vote`, goes too; not a team's after `the`.)
            let pluralBody = kept[n].label == .org && r.count == 1 && b[words[r.lowerBound].end - 1] == 0x73
                && (r.lowerBound == 0 || !WordMatch.isWord(b, words[r.lowerBound - 1], "the"))
            guard kept[n].label == .person || pluralBody, r.allSatisfy({ isTitleOrJoiner(b, words[$0]) }),
                  r.contains(where: { !WordMatch.isAny(b, words[$0], RepairWords.acronymJoiners) }) else { continue }
            // Titles alone: two words or more (`and the Director`), a title joined by a hyphen to another
            // (`Deputy-Director`), one before the name it belongs to, or one addressed.
            let before = n + 1 < kept.count && kept[n + 1].label == .person && r.upperBound < words.count
                && kept[n + 1].start == words[r.upperBound].start && Self.joinedBySpace(b, words[r.upperBound - 1], words[r.upperBound])
            // (`Mr Speaker`, `Madam President`: an office addressed, no name.)
            let addressed = r.lowerBound > 0 && WordMatch.isAny(b, words[r.lowerBound - 1], ["mr", "mr.", "mrs", "mrs.", "madam", "madame"])
            // (Or a title's plural, `Councilmembers`, which names several people and none of them.)
            let plural = r.count == 1 && words[r.lowerBound].flags & Feature.titles.rawValue == 0 && b[words[r.lowerBound].end - 1] == 0x73
            if r.count >= 2 || WordMatch.hasHyphen(b, words[r.lowerBound]) || before || addressed || plural { dropped.append(n) }
        }
        for n in dropped.reversed() { kept.remove(at: n) }
        // `RIM CEO Jim Balsillie`: initials no name covers, right before the titles of a person, are the body the
        // person holds the office in.
        var bodies: [Candidate] = []
        let after = a.wordIndex.ranges(words, kept)
        for n in kept.indices where kept[n].label == .person {
            guard let r = after[n] else { continue }
            var t = r.lowerBound
            while t > 0, words[t - 1].capitalized, words[t - 1].flags & Feature.titles.rawValue != 0, words[t - 1].gap == .space || t == r.lowerBound { t -= 1 }
            guard t < r.lowerBound, t > 0, words[t].gap == .space, Self.initials(b, words[t - 1]), !input.shouted[t - 1],
                  words[t - 1].flags & (Feature.functionWords.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue) == 0,
                  n == 0 || kept[n - 1].end <= words[t - 1].start,
                  Self.match(a.matches, words[t - 1].start, words[t - 1].end).map({ $0.label == .org }) ?? true else { continue }
            bodies.append(Candidate(start: words[t - 1].start, end: words[t - 1].end, label: .org, canonical: nil, priority: 4))
        }
        if !bodies.isEmpty { kept = (kept + bodies).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Whether `w` is a title (`Director`, `Sheikh`), titles joined by hyphens (`Deputy-Director`), or a word that
    /// joins titles (`and`, `the`, `of`).
    func isTitleOrJoiner(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        if w.flags & (Feature.titles.rawValue | Feature.ranks.rawValue) != 0 { return true }
        if !w.capitalized { return WordMatch.isAny(b, w, RepairWords.acronymJoiners) }
        // A title's plural (`Councilmembers`, `Senators`).
        if w.count > 4, b[w.end - 1] == 0x73, tagger.lex.flags.flags(b, w.start..<(w.end - 1)) & Feature.titles.rawValue != 0 { return true }
        guard WordMatch.hasHyphen(b, w) else { return false }
        var start = w.start
        for k in w.start...w.end where k == w.end || b[k] == 0x2D {
            guard k > start, tagger.lex.flags.flags(b, start..<k) & Feature.titles.rawValue != 0 else { return false }
            start = k + 1
        }
        return true
    }
}
