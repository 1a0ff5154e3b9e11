import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// A person the model ran together with a body beside them, and a person's name read as a title or a body:
/// - `director Artis Ozols and Justice Ministry`, `Tristan Reed and Robot Army`: a person, `and`, then a body of two
///   words or more whose last word is a body's (`Ministry`, `Army`), one name to the model, are two; the person is
///   known by a listed given name, by a person's noun before (`director`), or by the document's other mentions
///   (`Daniel Ferrow and Company` stays one firm);
/// - `the Conservatives’ Fabian Lund`: a body's possessive, then two or three capitalized words no dictionary
///   holds (a listed given name may be one) and no list names (`Sotheby’s Hong Kong` stays), are the body and its
///   member;
/// - `said Dean Ormond`: `Dean` before a lone family name, neither `the` nor a capital before it, is the given
///   name, not the office (`Dean of Students`, `Law School Dean Ruiz` keep the office);
/// - `the Albanese Government`, `the Morrison administration`: a government named for its leader names the
///   leader, a person, when the lists or the document know the family name as one.
extension Recognizer {
    package func repairPeopleBesideBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var added: [Candidate] = []
        for n in kept.indices where kept[n].label.isName && kept[n].label != .person && kept[n].end - kept[n].start >= 9 {
            // Only a name with `and` or an apostrophe inside, or ending in a government's word, is asked for its words.
            guard Self.mayHoldTwo(b, kept[n].start, kept[n].end) else { continue }
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 3 else {
                if let r = a.wordIndex.range(words, kept[n]), r.count == 2, kept[n].label == .org {
                    leaderGovernment(&kept[n], b, a, r, people: kept)
                }
                continue
            }
            if let k = r.dropFirst(2).first(where: { WordMatch.isWord(b, words[$0], "and") }), k - r.lowerBound <= 3,
               k + 2 < r.upperBound, personBeforeAnd(kept, b, a, r.lowerBound..<k),
               words[r.upperBound - 1].flags & (Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue) != 0 {
                added.append(person(words, r.lowerBound..<k))
                kept[n].start = words[k + 1].start
                kept[n].canonical = nil
            } else if let k = r.dropFirst().first(where: { Self.endsPossessive(b, words[$0 - 1]) }), r.upperBound - k >= 2,
                      r.upperBound - k <= 3, words[k].flags & Feature.given.rawValue != 0 || !input.common(words[k]),
                      (k..<r.upperBound).allSatisfy({ words[$0].capitalized && words[$0].flags & Self.bodyWords == 0 && !input.common(words[$0]) }),
                      Self.match(a.matches, words[k].start, words[r.upperBound - 1].end) == nil {
                added.append(person(words, k..<r.upperBound))
                kept[n].end = Self.possessiveStart(b, words[k - 1])
                if kept[n].label != .gpe || Self.match(a.matches, kept[n].start, kept[n].end)?.label != .gpe { kept[n].label = .org }
                kept[n].canonical = nil
            }
        }
        joinDeans(&kept, b, a)
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// `of Students`, what a title's removal left of `Dean of Students`, is no one. (Run after the document's names
    /// are settled, which would give the title back its model's label.)
    ///
    /// And a given name alone after `the`, `this` or `the said` in lower case is a thing the text names with a
    /// capital, no one (`the Bill was passed`, `the said Bill`, `the Will`).
    package static func dropHeadlessPeople(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        kept.removeAll { $0.label == .person && $0.end - $0.start > 3 && b[$0.start] == 0x6F && b[$0.start + 1] == 0x66 && b[$0.start + 2] == 0x20 }
        let words = a.words
        kept.removeAll { c in
            guard c.label == .person, c.start >= 4, b[c.start - 1] == 0x20, b[c.start - 2] &- 0x61 < 26, !b[c.start..<c.end].contains(0x20),
                  let k = Consistency.firstWord(words, at: c.start), k >= 1, words[k].start == c.start,
                  words[k].flags & Feature.given.rawValue != 0, words[k].gap == .space,
                  WordMatch.isWord(b, words[k - 1], "the") || WordMatch.isWord(b, words[k - 1], "this")
                      || k >= 2 && WordMatch.isWord(b, words[k - 1], "said") && WordMatch.isWord(b, words[k - 2], "the") else { return false }
            return k + 1 == words.count || !(words[k + 1].capitalized && words[k + 1].gap == .space)
        }
    }

    /// Whether the bytes of a name hold ` and `, an apostrophe (`'` or the last byte of `’`), or end in `ment` or
    /// `tion` (`Government`, `Administration`).
    static func mayHoldTwo(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if b[e - 1] == 0x74 && b[e - 2] == 0x6E && b[e - 3] == 0x65 || b[e - 1] == 0x6E && b[e - 2] == 0x6F && b[e - 3] == 0x69 { return true }
        var i = s
        while i < e {
            let c = b[i]
            if c == 0x27 || c == 0x99 { return true }
            if c == 0x20, i + 4 < e, b[i + 1] == 0x61, b[i + 2] == 0x6E, b[i + 3] == 0x64, b[i + 4] == 0x20 { return true }
            i += 1
        }
        return false
    }

    private func person(_ words: [Word], _ r: Range<Int>) -> Candidate {
        let s = words[r.lowerBound].start, e = words[r.upperBound - 1].end
        return Candidate(start: s, end: e, label: .person, canonical: .text(start: s, end: e), priority: Candidate.byContext)
    }

    /// Whether the two or three capitalized words of `r` read as a person's name: a listed given name first, a
    /// person's noun before them, or a person of the document's other names ending in the same word.
    private func personBeforeAnd(_ kept: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ r: Range<Int>) -> Bool {
        let words = a.words
        guard r.count >= 2, r.allSatisfy({ words[$0].capitalized && words[$0].flags & Self.bodyWords == 0 && !words[$0].possessive }),
              Self.match(a.matches, words[r.lowerBound].start, words[r.upperBound - 1].end) == nil else { return false }
        if words[r.lowerBound].flags & Feature.given.rawValue != 0 { return true }
        if r.lowerBound > 0, !words[r.lowerBound - 1].capitalized, words[r.lowerBound - 1].flags & Feature.personNouns.rawValue != 0 {
            return true
        }
        return Self.personEnding(in: words[r.upperBound - 1], kept, b)
    }

    /// Words that make a name a body's, an office's or a place's rather than a person's.
    static let bodyWords = Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue | Feature.titles.rawValue | Feature.placeHeads.rawValue

    /// Whether another of the document's people ends in the word `family` (`Rhoda Kessler` for `Kessler`).
    static func personEnding(in family: Word, _ kept: [Candidate], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        kept.contains { c in
            c.label == .person && c.end - c.start > family.count && c.end != family.end
                && b[(c.end - family.count)..<c.end].elementsEqual(b[family.start..<family.end]) && b[c.end - family.count - 1] == 0x20
        }
    }

    /// `Dean` before a one-word person, after neither `the` nor a capital that is no title (`CEO Dean Ormond` is a
    /// name), and before no capital.
    private func joinDeans(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        for n in kept.indices where kept[n].label == .person {
            let s = kept[n].start
            guard s >= 5, b[s - 1] == 0x20, b[s - 5] == 0x44, b[s - 2] == 0x6E,
                  let r = a.wordIndex.range(words, kept[n]), r.count == 1, r.lowerBound >= 1,
                  words[r.lowerBound].gap == .space, case let dean = r.lowerBound - 1, WordMatch.isWord(b, words[dean], "dean"),
                  words[dean].capitalized, n == 0 || kept[n - 1].end <= words[dean].start,
                  dean == 0 || !(words[dean - 1].capitalized && words[dean].gap == .space && words[dean - 1].flags & Feature.titles.rawValue == 0)
                    && !WordMatch.isWord(b, words[dean - 1], "the"),
                  r.upperBound == words.count || !(words[r.upperBound].capitalized && words[r.upperBound].gap == .space) else { continue }
            kept[n].start = words[dean].start
            kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
        }
    }

    /// `Albanese Government`: the leader, when the family-name list or one of the document's people has the name.
    private func leaderGovernment(_ c: inout Candidate, _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ r: Range<Int>,
                                  people: [Candidate]) {
        let words = a.words
        let leader = words[r.lowerBound], head = words[r.upperBound - 1]
        guard WordMatch.isAny(b, head, Self.leaderGovernments), !leader.possessive,
              leader.flags & (Feature.orgSuffixes.rawValue | Feature.titles.rawValue | Feature.given.rawValue) == 0,
              Self.match(a.matches, leader.start, leader.end) == nil,
              leader.flags & Feature.surnames.rawValue != 0 || Self.personEnding(in: leader, people, b) else { return }
        c.end = leader.end
        c.label = .person
        c.canonical = .text(start: c.start, end: c.end)
    }

    /// A government named for its leader (`the Albanese Government`).
    static let leaderGovernments: WordList = ["government", "administration"]

    /// Whether a word ends in a possessive: `'s`, `’s` (kept apart from the word), or a plural's bare apostrophe.
    static func endsPossessive(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        if w.possessive { return true }
        guard w.count >= 3 else { return false }
        let e = w.end
        return b[e - 1] == 0x27 && b[e - 2] == 0x73 || w.count >= 5 && b[e - 3] == 0xE2 && b[e - 2] == 0x80 && b[e - 1] == 0x99 && b[e - 4] == 0x73
    }

    /// Where a possessive word's name ends: before its bare apostrophe, or at its end (`'s` is outside it already).
    static func possessiveStart(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Int {
        if w.possessive { return w.end }
        return b[w.end - 1] == 0x27 ? w.end - 1 : w.end - 3
    }
}
