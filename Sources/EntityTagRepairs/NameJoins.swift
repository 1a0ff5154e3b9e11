import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Bodies' names the model ended too early or began too late:
/// - `General` before a body's name is its first word (`General Egyptian Book Organization`, `General Authority for
///   Investment`), not a general's rank;
/// - a French, Spanish, Portuguese or Italian body's name goes on over `et`, `y` or `e` and its capitalized words
///   (`Compagnie Marocaine de Goutte-à-Goutte et de Pompage`), whatever the model read the first part as;
/// - a district's or a body's number after `#` or `No.` is part of its name (`Bourbon County RWD #4`, `Public Wholesale
///   Water Supply District #13`), and such a numbered district is a body, not a place.
extension Recognizer {
    package func joinBodyNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        for n in kept.indices where kept[n].label == .org || kept[n].label == .gpe || kept[n].label == .person {
            // (Read off the bytes first: `General ` before the name, or a space and `e`, `y`, `#` or `N` after it.)
            let (s0, e0) = (kept[n].start, kept[n].end)
            let generalBefore = s0 >= 8 && b[s0 - 8] == 0x47 && b[s0 - 1] == 0x20
            let after = e0 + 2 < b.count && b[e0] == 0x20 ? b[e0 + 1] : 0
            guard generalBefore || after == 0x65 || after == 0x79 || after == 0x23 || after == 0x4E,
                  let r = a.wordIndex.range(words, kept[n]) else { continue }
            let last = words[r.upperBound - 1]
            // `General` right before a body whose last word is a body's.
            if kept[n].label == .org, r.lowerBound > 0, case let general = words[r.lowerBound - 1], general.capitalized,
               WordMatch.isWord(b, general, "general"), words[r.lowerBound].gap == .space, n == 0 || kept[n - 1].end <= general.start,
               last.flags & Feature.orgSuffixes.rawValue != 0 || Self.bodies.contains(b, last.range) {
                kept[n].start = general.start
                kept[n].canonical = nil
            }
            // `... Goutte-à-Goutte et de Pompage`: `et`, `y` or `e`, a particle or two, and capitalized words.
            if kept[n].label != .gpe, r.upperBound + 1 < words.count, case let joiner = words[r.upperBound], joiner.gap == .space,
               !joiner.capitalized, WordMatch.isAny(b, joiner, ["et", "y", "e"]),
               r.contains(where: { !words[$0].capitalized && WordMatch.isAny(b, words[$0], RepairWords.particles) }) {
                var k = r.upperBound + 1
                while k < words.count, k - r.upperBound <= 3, words[k].gap == .space, !words[k].capitalized,
                      WordMatch.isAny(b, words[k], RepairWords.particles) { k += 1 }
                var end = k
                while end < words.count, end - k < 4, words[end].gap == .space, words[end].capitalized, !words[end].digit { end += 1 }
                if end > k, n + 1 == kept.count || kept[n + 1].start >= words[end - 1].end || kept[n + 1].label != .person {
                    let stop = words[end - 1].end
                    kept[n].end = stop
                    kept[n].label = .org // (no person's name goes on over `et de`)
                    kept[n].canonical = nil
                    var m = n + 1
                    while m < kept.count, kept[m].start < stop { kept[m].end = kept[m].start; m += 1 } // emptied, dropped below
                }
            }
            // `District #13`, `RWD No. 4`: the number after `#` or `No.`.
            guard kept[n].label != .person else { continue }
            let e = kept[n].end
            var digits = e
            if e + 2 < b.count, b[e] == 0x20, b[e + 1] == 0x23 { digits = e + 2 }
            else if e + 5 < b.count, b[e] == 0x20, b[e + 1] == 0x4E, b[e + 2] == 0x6F, b[e + 3] == 0x2E, b[e + 4] == 0x20 { digits = e + 5 }
            guard digits > e, digits < b.count, WordScanner.isDigit(b[digits]) else { continue }
            var stop = digits
            while stop < b.count, WordScanner.isDigit(b[stop]) { stop += 1 }
            guard stop == b.count || !WordScanner.isLetter(b[stop]), n + 1 == kept.count || kept[n + 1].start >= stop
                    || kept[n + 1].label.isName == false else { continue }
            kept[n].end = stop
            kept[n].canonical = nil
            if kept[n].label == .gpe { kept[n].label = .org }
        }
        // The names a longer one now holds, and numbers inside a name, go.
        var kept2: [Candidate] = []
        kept2.reserveCapacity(kept.count)
        for c in kept where c.end > c.start {
            if let last = kept2.last, last.label.isName, c.start < last.end, c.end <= last.end { continue }
            kept2.append(c)
        }
        kept = kept2
    }
}
