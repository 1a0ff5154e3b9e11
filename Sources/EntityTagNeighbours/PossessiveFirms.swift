import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Names the model cuts at a possessive or runs on into an acronym:
/// - a firm named for its founder's possessive and a firm's word (`Dr Reddy's Laboratories`, `Divi's Laboratories`,
///   `Nathan's Industries`) is one body, not a person and a word; so is an office named for its holder's title
///   (`the Prime Minister's Office`, `the President's Department`);
/// - a body's initials written right after its name without brackets (`Kenya National Union of Nurses KNUN`,
///   `Coalition Forces of Change-CFC`) are a second mention, not part of the name;
/// - a person read over a possessive (`Tarvo Mining’s Kellerby`, `Astin Resources’ Brookvale`) is two names: a firm, when
///   the possessor ends in a firm's word, and what it owns, which is a name only where the lists hold it.
extension Recognizer {
    package func repairPossessiveFirms(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        guard words.count > 2 else { return }
        var added: [Candidate] = []
        let titles = Feature.titles.rawValue
        // (No pass at all where no word of the document is a head the loop looks for: a few reads of its key bits.)
        let first = Self.possessiveHeadKeys.mayOccur(in: a.wordIndex) ? 0 : words.count - 1
        for k in first..<(words.count - 1) where words[k].possessive && words[k].capitalized {
            let h = k + 1
            let head = words[h]
            guard head.capitalized, head.gap == .space, head.count >= 3,
                  h + 1 == words.count || !words[h + 1].capitalized || words[h + 1].gap != .space else { continue }
            let office = words[k].flags & titles != 0
            guard office ? WordMatch.isAny(b, head, ["office", "department", "secretariat"])
                         : WordMatch.isAny(b, head, Self.foundersFirmWords) else { continue }
            // The capitalized words joined to the possessive before it: `Dr Reddy's`, `Prime Minister's`.
            var s = k
            while s > 0, k - s < 2, words[s].gap == .space, words[s - 1].capitalized, !words[s - 1].possessive,
                  words[s - 1].flags & Feature.functionWords.rawValue == 0 { s -= 1 }
            if s < k, a.initial[s], WordMatch.isWord(b, words[s], "the") { s += 1 }
            let start = words[s].start, end = head.end
            // (Not where a longer name the model found holds it already.)
            guard !kept.contains(where: { $0.label.isName && $0.start <= start && $0.end >= end && $0.label == .org }) else { continue }
            added.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
        }
        if !added.isEmpty {
            kept.removeAll { c in c.label.isName && added.contains { c.start < $0.end && c.end > $0.start } }
            kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        }
        splitTrailingInitials(&kept, b, a)
        splitPossessedPeople(&kept, b, a)
    }

    /// `Astin Resources’ Brookvale operations`: a person whose words run over a possessive (`'s`, `’s` or a plural's bare
    /// `'` or `’`) is no person. The possessor ending in a firm's word is the firm; what it owns keeps the lists' label, or
    /// goes.
    private func splitPossessedPeople(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var added: [Candidate] = []
        var dropped = false
        for n in kept.indices where kept[n].label == .person {
            // An apostrophe inside the name, found on its bytes before its words are asked for.
            guard (kept[n].start..<kept[n].end).contains(where: { b[$0] == 0x27 || b[$0] == 0x99 }),
                  let r = a.wordIndex.range(words, kept[n]), r.count >= 3,
                  let k = (r.lowerBound..<(r.upperBound - 1)).first(where: { Self.endsPossessive(b, words[$0], before: words[$0 + 1]) })
            else { continue }
            var owner = words[k]
            if owner.end - owner.start > 3, b[owner.end - 1] == 0x99, b[owner.end - 3] == 0xE2 { owner.end -= 3 }
            if owner.end - owner.start > 1, b[owner.end - 1] == 0x27 { owner.end -= 1 }
            guard k > r.lowerBound, owner.end > owner.start,
                  owner.flags & Feature.orgSuffixes.rawValue != 0 || WordMatch.isAny(b, owner, Self.firmTradeWords) else { continue }
            let rest = Self.match(a.matches, words[k + 1].start, kept[n].end)
            added.append(Candidate(start: kept[n].start, end: owner.end, label: .org, canonical: nil, priority: Candidate.byContext))
            if let rest, rest.label.isName {
                added.append(Candidate(start: words[k + 1].start, end: kept[n].end, label: rest.label, canonical: nil,
                                       priority: Candidate.byContext))
            }
            kept[n].end = kept[n].start
            dropped = true
        }
        guard dropped else { return }
        kept.removeAll { $0.end == $0.start }
        kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Whether a possessive mark ends `w` (or stands between it and `next`): `'s`, `’s`, or a bare `'` or `’` after an `s`.
    private static func endsPossessive(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, before next: Word) -> Bool {
        if w.possessive { return true }
        let e = next.start - 1
        guard e > w.start, b[e] == 0x20 else { return false }
        if b[e - 1] == 0x27 { return b[e - 2] == 0x73 }
        return e >= 4 && b[e - 1] == 0x99 && b[e - 2] == 0x80 && b[e - 3] == 0xE2 && b[e - 4] == 0x73
    }

    /// The heads the loop of ``repairPossessiveFirms(_:_:_:)`` looks for, as keys: an office's, and ``foundersFirmWords``.
    static let possessiveHeadKeys = KeySet((["office", "department", "secretariat"] + foundersFirmWords.words.map(\.description)).map { wordKey($0) })

    /// A firm's words after a founder's possessive.
    static let foundersFirmWords: WordList = ["laboratories", "laboratory", "labs", "pharmaceuticals", "pharma", "industries",
                                              "corporation", "restaurants", "brewery", "bakery", "holdings", "enterprises"]

    /// `Kenya National Union of Nurses KNUN`: a body's name whose last word (or the capitals after its last hyphen) are
    /// the initials of the words before it is two names, the body and its initials.
    private func splitTrailingInitials(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var added: [Candidate] = []
        for n in kept.indices where kept[n].label == .org || kept[n].label == .gpe {
            // (Read off the bytes first: two capitals at the name's end.)
            let e = kept[n].end
            guard e - kept[n].start >= 10, b[e - 1] &- 0x41 < 26, b[e - 2] &- 0x41 < 26,
                  let r = a.wordIndex.range(words, kept[n]), r.count >= 3 else { continue }
            let last = words[r.upperBound - 1]
            var capitals = last.start
            if let dash = (last.start..<last.end).last(where: { b[$0] == 0x2D }) { capitals = dash + 1 }
            guard (capitals..<last.end).allSatisfy({ b[$0] &- 0x41 < 26 }), (2...6).contains(last.end - capitals) else { continue }
            let nameEnd = capitals == last.start ? r.upperBound - 1 : r.upperBound
            var initials: [UInt8] = []
            for k in r.lowerBound..<nameEnd where words[k].capitalized { initials.append(b[words[k].start]) }
            guard initials.count >= 2, initials.elementsEqual(UnsafeBufferPointer(rebasing: b[capitals..<last.end])) else { continue }
            let bodyEnd = capitals == last.start ? words[r.upperBound - 2].end : capitals - 1
            added.append(Candidate(start: capitals, end: last.end, label: .org, canonical: nil, priority: Candidate.byContext))
            kept[n].end = bodyEnd
            kept[n].label = .org
            kept[n].canonical = nil
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }
}
