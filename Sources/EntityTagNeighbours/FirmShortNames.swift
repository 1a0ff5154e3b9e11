import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// A firm named once in full and then by its short name, as business news writes it (`Golden Reef Resources` then
/// `Golden Reef`, `Varo Canada Ltd.` then `Varo's` and `Varo`, `iPay Corp.` then `iPay`), or a body of members beside
/// the body they belong to (`Harbour City Police Association` and `Harbour City Police`): the short name is the
/// firm wherever the model read a person, a place, a location or nothing (not a people: `Islamic`), unless the lists hold it as what the model
/// read. The short name is the full name without its legal form or trade word, and without a place the lists hold
/// before that (`Canada`).
extension Recognizer {
    package func repairFirmShortNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var keys: [UInt64] = []
        var lengths: [Int] = []
        let barred = Feature.given.rawValue | Feature.titles.rawValue | Feature.functionWords.rawValue | Feature.orgHeads.rawValue
        for c in kept where c.label == .org && c.end - c.start >= 8 {
            guard let r = a.wordIndex.range(words, c), r.count >= 2, r.count <= 5 else { continue }
            var end = r.upperBound - 1
            // `Royal Newfoundland Constabulary Association` then `the Royal Newfoundland Constabulary`: a body of members
            // named for what they belong to, two words or more.
            let members = r.count >= 3 && WordMatch.isAny(b, words[end], Self.memberBodyWords)
            guard members || WordMatch.isAny(b, words[end], RepairWords.legalForms) || WordMatch.isAny(b, words[end], Self.firmTradeWords)
            else { continue }
            // `Varo Canada Ltd.`: a listed place before the form goes too.
            if end - 1 > r.lowerBound, Self.match(a.matches, words[end - 1].start, words[end - 1].end)?.label == .gpe { end -= 1 }
            let first = words[r.lowerBound]
            guard end > r.lowerBound, first.flags & barred == 0, (r.lowerBound..<end).allSatisfy({ words[$0].capitalized || lowerCamel(b, words[$0]) }),
                  end - r.lowerBound > 1 || first.count >= 3 && !input.common(first) else { continue }
            keys.append(Consistency.phraseKey(words[r.lowerBound..<end]))
            lengths.append(end - r.lowerBound)
        }
        guard !keys.isEmpty else { return }
        let renamed = EntityLabel.person.bit | EntityLabel.gpe.bit | EntityLabel.loc.bit
        var covered = [Bool](repeating: false, count: words.count)
        for n in kept.indices {
            guard let r = a.wordIndex.range(words, kept[n]) else { continue }
            for k in r { covered[k] = true }
            guard kept[n].label.bit & renamed != 0, r.count <= 3, keys.contains(Consistency.phraseKey(words[r])),
                  Self.match(a.matches, kept[n].start, kept[n].end)?.label != kept[n].label else { continue }
            kept[n].label = .org
            kept[n].canonical = nil
            kept[n].end = words[r.upperBound - 1].end
        }
        // Short names the model left out (`The iPay announcement`): the same words, alone.
        var added: [Candidate] = []
        for (key, length) in zip(keys, lengths) {
            var k = 0
            while k + length <= words.count {
                defer { k += 1 }
                guard !covered[k], words[k].capitalized || lowerCamel(b, words[k]), (k..<(k + length)).allSatisfy({ !covered[$0] }),
                      (k..<(k + length)).allSatisfy({ words[$0].capitalized || lowerCamel(b, words[$0]) }),
                      Consistency.phraseKey(words[k..<(k + length)]) == key,
                      k == 0 || !words[k - 1].capitalized || words[k].gap != .space,
                      k + length == words.count || !words[k + length].capitalized || words[k + length].gap != .space else { continue }
                added.append(Candidate(start: words[k].start, end: words[k + length - 1].end, label: .org, canonical: nil,
                                       priority: Candidate.byContext))
                for j in k..<(k + length) { covered[j] = true }
            }
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// A firm's trade or kind after its name, which it drops when named again (`Golden Reef Resources`).
    static let firmTradeWords: WordList = ["resources", "mining", "minerals", "metals", "holdings", "group", "industries",
                                           "pharmaceuticals", "technologies", "corporation", "company", "energy", "petroleum"]

    /// The last words of a body of members named for what they belong to (`Police Federation`, `Bar Association`).
    static let memberBodyWords: WordList = ["association", "federation", "union", "society", "guild"]

    /// `iPay`, `eBay`: a small letter, then a capital.
    private func lowerCamel(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        w.count >= 3 && b[w.start] &- 0x61 < 26 && b[w.start + 1] &- 0x41 < 26
    }
}
