import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// A firm named in full with its legal form (`Fuji Investment Management Co`, `Portek International Pte. Ltd.`,
/// `Tasik Holdings Sdn Bhd`) is one organization, with both words of a two-word form, whatever the model read in it
/// (`Co` alone as a place, `Ltd.` as a person) or left out. A single word ending in `bank` (`Aloqabank`, `Eurobank`,
/// `Raiffeisenbank`) is a bank, however the model read it. A club's form before its name (`FK Partizan`, `FC Porto`,
/// `AC Milan`, `NK Osijek`) makes one club of both, however the model cut them.
extension Recognizer {
    package func addLegalFormNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (The sets in locals: a static read in the loop is a call to check it was made, per word.)
        let legalFormKeys = Self.legalFormKeys, formOpenerKeys = Self.formOpenerKeys, theKey = Self.theKey
        // (Nothing to do where no word of the document is one of the keys the loop looks for: a few reads, not a pass.)
        guard legalFormKeys.mayOccur(in: a.wordIndex) || formOpenerKeys.mayOccur(in: a.wordIndex) else { return }
        var found: [Candidate] = []
        var k = 1
        while k < words.count {
            defer { k += 1 }
            let w = words[k]
            // (Capitalized, short, and a form: read off the first byte and the length before the hash.)
            guard w.capitalized, w.count <= 8, w.gap == .space, legalFormKeys.contains(w.key) || formOpenerKeys.contains(w.key)
            else { continue }
            // The name before it: capitalized words, no joiner, no title, no sentence start but the name's own.
            var first = k
            while first > 0, k - first < 5, case let p = words[first - 1], p.capitalized, !p.possessive, !p.digit || first < k,
                  first == k || words[first].gap == .space,
                  p.flags & (Feature.functionWords.rawValue | Feature.titles.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue) == 0,
                  !legalFormKeys.contains(p.key), !Self.describesPlace(b, p) { first -= 1 }
            guard first < k, words[first].gap != .space || first == 0 || !words[first - 1].capitalized
                    || words[first - 1].key == theKey else { continue }
            // `Pte. Ltd.`, `Sdn Bhd`, `Co., Ltd.`: the second word of a two-word form.
            var last = k
            if last + 1 < words.count, words[last + 1].gap == .space || words[last + 1].gap == .comma, words[last + 1].capitalized,
               legalFormKeys.contains(words[last + 1].key) { last += 1 }
            guard legalFormKeys.contains(words[last].key) else { continue }
            let start = words[first].start, end = words[last].end
            // A name the model ran further on, or a person's name before the form, is left to the other repairs.
            guard !kept.contains(where: { $0.start < end && $0.end > start && ($0.start < start || $0.end > end)
                    || $0.start == start && $0.end == end && $0.label == .org }) else { continue }
            found.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
            k = last
        }
        guard !found.isEmpty else { return }
        kept.removeAll { c in found.contains { c.start >= $0.start && c.end <= $0.end } }
        kept = (kept + found).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The first words of two-word legal forms, which are no form alone (`Pte` of `Pte. Ltd.`, `Sdn` of `Sdn Bhd`, `Pty`
    /// of `Pty Ltd`).
    static let formOpenerKeys = KeySet(["pte", "pte.", "sdn", "sdn.", "pty", "pty.", "pvt", "pvt."].map { wordKey($0) })

    /// `Leeds-based`, `state-owned`: a word whose part after its last hyphen is in lower case describes the firm, and is
    /// no part of its name.
    static func describesPlace(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        guard let hyphen = (w.start..<w.end).last(where: { b[$0] == 0x2D }), hyphen + 1 < w.end else { return false }
        return b[hyphen + 1] &- 0x61 < 26
    }

    package func repairBankNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        for n in kept.indices where kept[n].label == .person || kept[n].label == .gpe || kept[n].label == .norp {
            let e = kept[n].end
            guard e - kept[n].start >= 7, !(kept[n].start..<e).contains(where: { b[$0] == 0x20 || b[$0] == 0x2D }),
                  b[e - 4] | 0x20 == 0x62, b[e - 3] == 0x61, b[e - 2] == 0x6E, b[e - 1] == 0x6B,
                  Self.match(a.matches, kept[n].start, e) == nil,
                  // (`Mr Burbank`: a family name after a title.)
                  let w = Consistency.firstWord(a.words, at: kept[n].start), w == 0 || a.words[w - 1].flags & Feature.titles.rawValue == 0,
                  a.words[w].flags & Feature.surnames.rawValue == 0 else { continue }
            kept[n].label = .org
            kept[n].canonical = nil
        }
    }

    package func joinClubPrefixes(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (Nothing to do where no word of the document is one of the keys the loop looks for: a few reads, not a pass.)
        guard Self.clubPrefixKeys.mayOccur(in: a.wordIndex) else { return }
        var found: [Candidate] = []
        for k in 0..<max(0, words.count - 1) {
            let w = words[k]
            // Two or three capitals, read off the bytes, then the form's hash.
            guard w.count == 2 || w.count == 3, b[w.start] &- 0x41 < 26, b[w.start + 1] &- 0x41 < 26, Self.clubPrefixKeys.contains(w.key),
                  // (In title case: `AS RANGERS BEAT INDIANS` is a headline in capitals.)
                  case let next = words[k + 1], next.gap == .space, next.capitalized, !next.digit, next.count >= 2,
                  b[next.start + 1] &- 0x61 < 26 || b[next.start + 1] >= 0x80,
                  next.flags & (Feature.functionWords.rawValue | Feature.titles.rawValue) == 0 else { continue }
            // (`AS`, `AC`, `SC` are also a person's initials, `AS Heagle`: those only before a place, `AC Milan`, `AS Roma`.)
            if Self.initialsLikePrefixKeys.contains(w.key),
               Self.match(a.matches, next.start, next.end).map({ $0.label != .gpe }) ?? true { continue }
            var e = k + 2
            while e < words.count, e - k <= 3, words[e].gap == .space, words[e].capitalized, !words[e - 1].possessive,
                  words[e].flags & (Feature.functionWords.rawValue | Feature.titles.rawValue) == 0 { e += 1 }
            let start = w.start, end = words[e - 1].end
            // (A name the model ran further on, or one that already holds both, is left alone.)
            guard !kept.contains(where: { $0.start < end && $0.end > start && ($0.start < start || $0.end > end)
                    || $0.start == start && $0.end == end }) else { continue }
            found.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
        }
        guard !found.isEmpty else { return }
        kept.removeAll { c in found.contains { c.start >= $0.start && c.end <= $0.end } }
        kept = (kept + found).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Clubs' forms written before the name: football's in Europe and South America (`FK`, `FC`, `NK`, `SK`, `KF`, `AC`,
    /// `AS`, `CD`, `SD`, `RC`, `SC`, `HNK`, `AFC`); those that are also initials only before a place.
    static let initialsLikePrefixKeys = KeySet(["ac", "as", "cd", "sd", "rc", "sc", "sv", "sk", "kf", "nk"].map { wordKey($0) })
    static let clubPrefixKeys = KeySet(["fk", "fc", "nk", "sk", "kf", "ac", "as", "cd", "sd", "rc", "sc", "hnk", "afc", "gnk", "sv", "vfb", "vfl", "tsg"].map { wordKey($0) })
}
