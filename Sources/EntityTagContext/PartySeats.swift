import Glibc
import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// A party's initials and a seat in brackets after a person (`Chow Kon Yeow (PH-Padang Kota)`, `Ted Cruz (R-Texas)`,
/// `Kirsten Gillibrand (D-N.Y.)`): the initials are the party (an organization, unless a single letter) and what
/// follows the hyphen is the place the person sits for, whatever the model read the bracket as.
extension Recognizer {
    func splitPartySeats(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (Nothing to do in a document without an opening bracket: one memchr, not a pass over the words.)
        guard let base = b.baseAddress, memchr(base, 0x28, b.count) != nil else { return }
        var found: [Candidate] = []
        var spans: [Range<Int>] = []
        for k in 1..<max(1, words.count) {
            let w = words[k]
            // `(` right before, then one to four capitals and a hyphen inside the word, then a capital.
            guard w.start > 1, b[w.start - 1] == 0x28, b[w.start] &- 0x41 < 26, w.count >= 3,
                  let hyphen = (w.start + 1..<min(w.end - 1, w.start + 5)).first(where: { b[$0] == 0x2D }),
                  (w.start..<hyphen).allSatisfy({ b[$0] &- 0x41 < 26 }), b[hyphen + 1] &- 0x41 < 26 else { continue }
            // After a person's name.
            let before = words[k - 1]
            guard before.end + 2 == w.start, b[before.end] == 0x20,
                  kept.contains(where: { $0.label == .person && $0.end == before.end }) else { continue }
            // The seat runs over letters, spaces and periods to the closing bracket (`Padang Kota`, `N.Y.`).
            guard let close = (hyphen + 2..<min(b.count, hyphen + 32)).first(where: { b[$0] == 0x29 || b[$0] == 0x28 || b[$0] == 0x0A }),
                  b[close] == 0x29, b[close - 1] != 0x20,
                  (hyphen + 1..<close).allSatisfy({ b[$0] == 0x20 || b[$0] == 0x2E || b[$0] >= 0x80 || (b[$0] | 0x20) &- 0x61 < 26 })
            else { continue }
            let seatEnd = close
            if hyphen - w.start >= 2 { found.append(Candidate(start: w.start, end: hyphen, label: .org, canonical: nil, priority: Candidate.byContext)) }
            found.append(Candidate(start: hyphen + 1, end: seatEnd, label: .gpe, canonical: nil, priority: Candidate.byContext))
            spans.append(w.start..<seatEnd)
        }
        guard !spans.isEmpty else { return }
        kept.removeAll { c in c.label.isName && spans.contains { c.start < $0.upperBound && c.end > $0.lowerBound } }
        kept = (kept + found).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
