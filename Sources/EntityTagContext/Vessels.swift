import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// A ship is named after its prefix (`MV Fundy Rose`, `HMS Illustrious`, `USS Gerald R. Ford`, `BRP Sierra Madre`):
/// the name is a vehicle (OntoNotes PRODUCT) and the prefix stays outside it, whatever the model read there (a place,
/// a body, a person).
extension Recognizer {
    func repairVessels(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (Nothing to do where no word of the document is one of the keys the loop looks for: a few reads, not a pass.)
        guard Self.vesselKeys.mayOccur(in: a.wordIndex) else { return }
        var ships: [Candidate] = []
        var k = 0
        while k + 1 < words.count {
            defer { k += 1 }
            let w = words[k]
            // (Two to five capitals, read off the bytes first, then the word's hash.)
            guard w.count >= 2, w.count <= 5, b[w.start] &- 0x41 < 26, b[w.start + 1] &- 0x41 < 26 || b[w.start + 1] == 0x2F || b[w.start + 1] == 0x2E,
                  Self.vesselKeys.contains(w.key), b[w.end - 1] &- 0x61 >= 26 else { continue }
            var e = k + 1
            while e < words.count, e - k <= 4, words[e].gap == .space, words[e].capitalized || e > k + 1 && words[e].digit,
                  words[e].flags & (Feature.titles.rawValue | Feature.functionWords.rawValue | Feature.months.rawValue) == 0 { e += 1 }
            guard e > k + 1 else { continue }
            let start = words[k + 1].start, end = words[e - 1].end
            // (A name the model ran further on is left to it.)
            guard !kept.contains(where: { $0.start < end && $0.end > start && ($0.start < w.start || $0.end > end) }) else { continue }
            kept.removeAll { $0.start >= w.start && $0.end <= end }
            ships.append(Candidate(start: start, end: end, label: .product, canonical: nil, priority: Candidate.byContext))
            k = e - 1
        }
        guard !ships.isEmpty else { return }
        kept = (kept + ships).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Ships' prefixes, in capitals as written: merchant (`MV`, `MT`, `RMS`) and navies' (`HMS`, `USS`, `INS`, `BRP`).
    /// (Not `MS` or `SS`, which are also a person's initials: `MS Dhoni`.)
    static let vesselKeys = KeySet(["mv", "m/v", "m.v.", "mt", "rms", "hms", "uss", "usns", "hmas", "hmcs", "hmnzs", "ins", "pns", "brp",
                                    "kri", "rv", "fv", "hmy"].map { wordKey($0) })
}
