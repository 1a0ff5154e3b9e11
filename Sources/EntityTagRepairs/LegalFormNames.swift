import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// A firm named in full with its legal form (`Fuji Investment Management Co`, `Portek International Pte. Ltd.`,
/// `Tasik Holdings Sdn Bhd`) is one organization, with both words of a two-word form, whatever the model read in it
/// (`Co` alone as a place, `Ltd.` as a person) or left out. A single word ending in `bank` (`Aloqabank`, `Eurobank`,
/// `Raiffeisenbank`) is a bank, however the model read it.
extension Recognizer {
    func addLegalFormNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var found: [Candidate] = []
        var k = 1
        while k < words.count {
            defer { k += 1 }
            let w = words[k]
            // (Capitalized, short, and a form: read off the first byte and the length before the hash.)
            guard w.capitalized, w.count <= 8, w.gap == .space, Self.legalFormKeys.contains(w.key) || Self.formOpenerKeys.contains(w.key)
            else { continue }
            // The name before it: capitalized words, no joiner, no title, no sentence start but the name's own.
            var first = k
            while first > 0, k - first < 5, case let p = words[first - 1], p.capitalized, !p.possessive, !p.digit || first < k,
                  first == k || words[first].gap == .space,
                  p.flags & (Feature.functionWords.rawValue | Feature.titles.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue) == 0,
                  !Self.legalFormKeys.contains(p.key), !Self.describesPlace(b, p) { first -= 1 }
            guard first < k, words[first].gap != .space || first == 0 || !words[first - 1].capitalized
                    || words[first - 1].key == Self.theKey else { continue }
            // `Pte. Ltd.`, `Sdn Bhd`, `Co., Ltd.`: the second word of a two-word form.
            var last = k
            if last + 1 < words.count, words[last + 1].gap == .space || words[last + 1].gap == .comma, words[last + 1].capitalized,
               Self.legalFormKeys.contains(words[last + 1].key) { last += 1 }
            guard Self.legalFormKeys.contains(words[last].key) else { continue }
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

    func repairBankNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
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
}
