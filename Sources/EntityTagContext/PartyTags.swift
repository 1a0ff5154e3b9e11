import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// A councillor's or a member's party in brackets after the name, as local news writes it (`Cllr Donagh Kealy (FF)`,
/// `Councillor Aine Doyle (Ind)`, `Mr Ravel (SNP)`): two to five capitals are the party, a body; `Ind`, `Ind.` or
/// `Independent` names no body and is no entity; neither is part of the person or the person's initials.
extension Recognizer {
    func repairPartyTags(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var dropped: [Int] = []
        var added: [Candidate] = []
        for n in kept.indices where kept[n].label == .person {
            // `Name (XY)`: a bracket right after the name, one word, a closing bracket.
            let e = kept[n].end
            guard e + 3 < b.count, b[e] == 0x20, b[e + 1] == 0x28, let k = a.wordIndex.range(words, kept[n])?.upperBound,
                  k < words.count, words[k].start == e + 2, words[k].end < b.count, b[words[k].end] == 0x29
                    || words[k].end + 1 < b.count && b[words[k].end] == 0x2E && b[words[k].end + 1] == 0x29 else { continue }
            let tag = words[k]
            let over = kept.indices.first { kept[$0].start == tag.start }
            if WordMatch.isAny(b, tag, ["ind", "ind.", "independent"]) {
                if let m = over { dropped.append(m) }
            } else if let letters = Self.capitalLetters(b, tag), (2...5).contains(letters), !WordMatch.isAny(b, tag, Self.notParties) {
                if let m = over {
                    guard kept[m].end == tag.end, kept[m].label == .person || kept[m].label == .org else { continue }
                    kept[m].label = .org
                    kept[m].canonical = nil
                    kept[m].priority = Candidate.byContext
                } else {
                    added.append(Candidate(start: tag.start, end: tag.end, label: .org, canonical: nil, priority: Candidate.byContext))
                }
            }
        }
        guard !dropped.isEmpty || !added.isEmpty else { return }
        for m in Set(dropped).sorted(by: >) { kept.remove(at: m) }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Capitals in brackets after a name that are no party: an age's or a role's letters, a country's code.
    static let notParties: WordList = ["ceo", "md", "mp", "mla", "qc", "kc", "sc", "jr", "sr", "ii", "iii", "iv", "uk", "us",
                                       "usa", "uae", "rip", "pbuh"]

    /// `Saint George Soccer Club (Kidus Giorgis)`: a body's other name, one to three capitalized words in brackets right
    /// after it, is the body too, where the model read a person or nothing (not a place: `Ajax (Netherlands)`).
    func repairBracketedAliases(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var added: [Candidate] = []
        for n in kept.indices where kept[n].label == .org {
            let e = kept[n].end
            guard e + 4 < b.count, b[e] == 0x20, b[e + 1] == 0x28, b[e + 2] &- 0x41 < 26,
                  let r = a.wordIndex.range(words, kept[n]), r.upperBound < words.count else { continue }
            var k = r.upperBound
            guard words[k].start == e + 2 else { continue }
            let first = k
            while k < words.count, k - first < 3, words[k].capitalized, k == first || words[k].gap == .space { k += 1 }
            // (One word of capitals alone is initials, which consistency links to the body already.)
            guard k > first + 1 || Self.capitalLetters(b, words[first]) != words[first].count, words[k - 1].end < b.count, b[words[k - 1].end] == 0x29 else { continue }
            let start = words[first].start, end = words[k - 1].end
            if Self.match(a.matches, start, end).map({ $0.label == .gpe || $0.label == .loc }) ?? false { continue }
            if let m = kept.indices.first(where: { kept[$0].start < end && kept[$0].end > start }) {
                guard kept[m].start == start, kept[m].end == end, kept[m].label == .person else { continue }
                kept[m].label = .org
                kept[m].canonical = nil
                kept[m].priority = Candidate.byContext
            } else {
                added.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
            }
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// `the PP mayor of Benalauría`, `a DA councillor`: two to four capitals before a politician's word in lower case
    /// are the party, a body, where nothing else was read there (and not a place's code the lists hold: `UK`).
    func addPartyInitials(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var added: [Candidate] = []
        let politicianKeys = Self.politicianKeys
        // (Nothing to do where no word of the document is one of the keys the loop looks for: a few reads, not a pass.)
        guard politicianKeys.mayOccur(in: a.wordIndex) else { return }
        for k in 1..<max(1, words.count - 1) where words[k].count >= 2 && words[k].count <= 4 && b[words[k].start] &- 0x41 < 26
            && !words[k + 1].capitalized && words[k + 1].gap == .space && politicianKeys.contains(words[k + 1].key) {
            let w = words[k]
            // (After an article or a word of standing, or opening the sentence: `Major league ERA leader` is no party.)
            guard let letters = Self.capitalLetters(b, w), letters == w.count,
                  a.initial[k] || (!words[k - 1].capitalized || a.initial[k - 1]) && WordMatch.isAny(b, words[k - 1], Self.partyLeads),
                  !kept.contains(where: { $0.start < w.end && $0.end > w.start }), Self.match(a.matches, w.start, w.end) == nil
            else { continue }
            added.append(Candidate(start: w.start, end: w.end, label: .org, canonical: nil, priority: Candidate.byContext))
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Words before a party's initials and a politician's word: articles and words of standing.
    static let partyLeads: WordList = ["the", "a", "an", "its", "their", "his", "her", "current", "former", "local", "opposition",
                                       "ruling", "senior", "veteran", "rival", "fellow", "two", "three", "several", "many"]

    /// Politicians' words after a party's initials: `mayor`, `councillor`, `MP`-like offices written in lower case.
    static let politicianKeys = KeySet(["mayor", "councillor", "councillors", "councilor", "councilors", "senator", "senators",
                                        "lawmaker", "lawmakers", "legislator", "legislators", "candidate", "candidates", "leader",
                                        "leaders", "spokesman", "spokeswoman", "spokesperson", "politician", "politicians",
                                        "activists", "supporters", "deputy", "deputies", "minister", "ministers"].map { wordKey($0) })
}
