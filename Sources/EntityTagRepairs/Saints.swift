import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Churches, schools and hospitals named for a saint (`St. Luke's Church`, `St Mary's College`, `Saint Joseph's
/// Hospital`): the saint's name and its possessive are the front of the body's name, which the model cuts at the
/// possessive into a person or a place and a head alone. The name is a building when its head names only one
/// (`St Paul's Cathedral`), else a body.
extension Recognizer {
    package func joinSaintsNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let heads = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.facilityHeads.rawValue
        // (Nothing to do where no word of the document is one of the keys the loop looks for: a few reads, not a pass.)
        guard Self.saintKeys.mayOccur(in: a.wordIndex) else { return }
        var found: [Candidate] = []
        var i = 1
        while i + 1 < words.count {
            defer { i += 1 }
            guard words[i].possessive, words[i].capitalized, words[i].gap == .space,
                  words[i - 1].capitalized, Self.saintKeys.contains(words[i - 1].key) else { continue }
            var e = i + 1
            while e < words.count, e - i <= 3, words[e].gap == .space, words[e].capitalized, !words[e - 1].possessive || e == i + 1 { e += 1 }
            guard let h = (i + 1..<e).last(where: { words[$0].flags & heads != 0 }) else { continue }
            let start = words[i - 1].start, end = words[h].end
            // (A longer name the model or the lists found around it stays; one that runs from its head on over `and`
            // to the next saint, `College and St. Joseph`, goes.)
            guard !kept.contains(where: { $0.start < start && $0.end > start }) else { continue }
            kept.removeAll { $0.start >= start && $0.start < end }
            let head = words[h]
            let building = head.flags & Feature.facilityHeads.rawValue != 0 && head.flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) == 0
            found.append(Candidate(start: start, end: end, label: building ? .fac : .org, canonical: nil, priority: Candidate.byContext))
            i = h
        }
        guard !found.isEmpty else { return }
        kept = (kept + found).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// `San Pedro Town`, `Santa Cruz`, `São Bento`: a place named for a saint in Spanish or Portuguese, which the model cut
    /// after `San` into a place and a person. `San` and the name after it are one place, unless the name is a body's.
    package func joinSaintsTowns(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var dropped: [Int] = []
        // (`n `, `a `, `o ` before the name: two bytes turn most names away.)
        for n in kept.indices where (kept[n].label == .person || kept[n].label == .gpe) && kept[n].start >= 4
            && b[kept[n].start - 1] == 0x20 && [0x6E, 0x61, 0x6F].contains(b[kept[n].start - 2]) {
            guard let r = a.wordIndex.range(words, kept[n]), r.lowerBound >= 1, words[r.lowerBound].gap == .space,
                  case let saint = words[r.lowerBound - 1], saint.capitalized, Self.townSaintKeys.contains(saint.key),
                  !r.contains(where: { words[$0].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0 }) else { continue }
            if n > 0, kept[n - 1].end > saint.start {
                // (`San` alone, as the model read it, joins; a longer name that ends there stays.)
                guard kept[n - 1].start == saint.start, kept[n - 1].end == saint.end else { continue }
                dropped.append(n - 1)
            }
            kept[n].start = saint.start
            kept[n].label = .gpe
            kept[n].canonical = nil
        }
        for n in dropped.reversed() { kept.remove(at: n) }
    }

    /// `San`, `Santa`, `Santo`, `São`, `Sao`, case folded.
    static let townSaintKeys = KeySet(["san", "santa", "santo", "são", "sao"].map { wordKey($0) })

    /// `St`, `St.`, `Saint`, `Ste`, `Ste.`, case folded.
    static let saintKeys = KeySet(["st", "st.", "saint", "ste", "ste."].map { wordKey($0) })
}
