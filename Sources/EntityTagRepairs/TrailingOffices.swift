import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Names that run on into what follows them:
/// - an office after a body's or a place's name is no part of it (`SEDD Chairman`, `Supreme Council Member`, `Barrick
///   Lumwana Country Manager`, `Stellar Quines' Artistic Director`, `Tonota North Member of Parliament`): the name ends
///   before the office and the words that qualify it (`Country`, `Artistic`, `Managing`);
/// - two bodies joined by `and` that the model read as one are two when the document also writes one of them alone
///   (`MPower and Stellar Quines` beside `Stellar Quines`), or when the first ends in a place after `of`
///   (`Government of Botswana and De Beers`). A name whose second part alone ends in a body's head stays one
///   (`Scarborough and Whitby Local Area Committee`, `Liquor and Cannabis Board`).
extension Recognizer {
    func cutTrailingOffices(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        for n in kept.indices where kept[n].label == .org || kept[n].label == .gpe {
            guard let r = ranges[n], r.count >= 2, Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            var end = r.upperBound
            // `Corvane Holdings Country` before `Manager Ada Pell`: the words that qualify an office after the name.
            if end < words.count, words[end].gap == .space, words[end].capitalized, WordMatch.isAny(b, words[end], RepairWords.trailingOffices) {
                while end > r.lowerBound + 1, words[end - 1].capitalized, WordMatch.isAny(b, words[end - 1], RepairWords.officeQualifiers) { end -= 1 }
                if end < r.upperBound {
                    kept[n].end = words[end - 1].end
                    kept[n].canonical = nil
                }
                continue
            }
            // `Member of Parliament` after a constituency.
            if r.count >= 4, WordMatch.isWord(b, words[end - 1], "parliament"), WordMatch.isWord(b, words[end - 2], "of") { end -= 2 }
            // (`U.N. High Commissioner for Refugees`: an office named with what it is for is a name of its own.)
            if end == r.upperBound, end < words.count, words[end].gap == .space, WordMatch.isAny(b, words[end], ["for", "of"]) { continue }
            let office = words[end - 1]
            guard office.capitalized, !office.possessive, WordMatch.isAny(b, office, RepairWords.trailingOffices) else { continue }
            end -= 1
            while end > r.lowerBound, words[end - 1].capitalized, !words[end - 1].possessive,
                  WordMatch.isAny(b, words[end - 1], RepairWords.officeQualifiers) { end -= 1 }
            // (A span of nothing but an office is left to the other repairs; `Office of the Secretary` keeps its office.)
            guard end > r.lowerBound, case let last = words[end - 1], last.possessive || last.flags & Feature.functionWords.rawValue == 0
            else { continue }
            var e = last.end
            // `Stellar Quines'`: a plural's apostrophe is no part of the name.
            if b[e - 1] == 0x27 { e -= 1 } else if e - last.start > 3, b[e - 3] == 0xE2, b[e - 2] == 0x80, b[e - 1] == 0x99 { e -= 3 }
            kept[n].end = e
            kept[n].canonical = nil
        }
    }

    func splitJoinedBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var added: [Candidate] = []
        for n in kept.indices where kept[n].label == .org {
            guard let r = ranges[n], r.count >= 3, r.count <= 8, Self.match(a.matches, kept[n].start, kept[n].end) == nil,
                  let and = (r.lowerBound + 1..<(r.upperBound - 1)).first(where: { WordMatch.isWord(b, words[$0], "and") }),
                  words[and + 1].capitalized, words[and - 1].capitalized, !words[and - 1].possessive,
                  !(r.lowerBound..<r.upperBound).contains(where: { $0 != and && WordMatch.isWord(b, words[$0], "and") })
            else { continue }
            let left = r.lowerBound..<and, right = (and + 1)..<r.upperBound
            let leftKey = Consistency.phraseKey(words[left]), rightKey = Consistency.phraseKey(words[right])
            // (Written alone as a body: `Scarborough` alone is the town, and `Scarborough and Whitby Local Area Committee`
            // one body.)
            let writtenAlone = kept.indices.contains { m in
                guard m != n, let s = ranges[m], kept[m].label == .org else { return false }
                let key = Consistency.phraseKey(words[s])
                return key == leftKey || key == rightKey
            }
            let placeAfterOf = left.count >= 3 && WordMatch.isWord(b, words[left.upperBound - 2], "of")
                && (Self.match(a.matches, words[left.upperBound - 1].start, words[left.upperBound - 1].end)?.label == .gpe)
            // (`Scarborough and Whitby Local Area Committee`, `Liquor and Cannabis Board`: a head ends the second part
            // alone, so the whole is one body whatever the document writes alone.)
            let heads = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue
            let oneBody = words[r.upperBound - 1].flags & heads != 0 && words[and - 1].flags & heads == 0
            guard placeAfterOf || writtenAlone && !oneBody else { continue }
            added.append(Candidate(start: words[right.lowerBound].start, end: kept[n].end, label: .org, canonical: nil, priority: kept[n].priority))
            kept[n].end = words[left.upperBound - 1].end
            kept[n].canonical = nil
        }
        guard !added.isEmpty else { return }
        kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    func joinPossessiveBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        guard kept.count >= 2 else { return }
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var removed: [Int] = []
        for n in 0..<(kept.count - 1) where kept[n].label == .person || kept[n].label == .gpe {
            guard kept[n + 1].label == .org || kept[n + 1].label == .fac, let r = ranges[n], let s = ranges[n + 1], r.count >= 2,
                  s.lowerBound == r.upperBound, case let last = words[r.upperBound - 1], last.possessive,
                  WordMatch.isAny(b, last, RepairWords.possessingNouns),
                  // The possessive's `'s` and one space between the two.
                  b[last.end] == 0x27 || b[last.end] == 0xE2, case let gap = b[last.end..<words[s.lowerBound].start],
                  gap.last == 0x20, gap.count <= 5 else { continue }
            kept[n + 1].start = kept[n].start
            kept[n + 1].canonical = nil
            removed.append(n)
        }
        for n in removed.reversed() { kept.remove(at: n) }
    }

    func trimDanglingJoiners(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var removed: [Int] = []
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n], r.count >= 2, !words[r.upperBound - 1].capitalized,
                  WordMatch.isAny(b, words[r.upperBound - 1], ["of", "the", "and", "for", "in", "on", "at", "to"]) else { continue }
            var end = r.upperBound - 1
            while end > r.lowerBound, !words[end - 1].capitalized, words[end - 1].flags & Feature.functionWords.rawValue != 0 { end -= 1 }
            if end == r.lowerBound { removed.append(n); continue }
            kept[n].end = words[end - 1].end
            kept[n].canonical = nil
        }
        for n in removed.reversed() { kept.remove(at: n) }
    }
}
