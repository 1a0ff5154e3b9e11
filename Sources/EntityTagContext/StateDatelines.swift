import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// North American copy names a state or a province by its abbreviation after a town (`Bentonville, Ark.`,
/// `Charlottetown, P.E.I.`), most of all in a dateline (`BENTON COUNTY, Ark. (KNWA) — The county ...`), which no list
/// holds whole:
/// - the abbreviation after a comma and a capitalized word is a place (`Ark.`, its period and all), and so is the
///   name before it, which the model may read in capitals as a body;
/// - `The` after the dateline's dash opens the sentence, and is no part of the name after it.
extension Recognizer {
    func repairStateDatelines(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        repairShoutedDatelines(&kept, b, a)
        let words = a.words
        var added: [Candidate] = []
        var removed: Set<Int> = []
        for k in 1..<max(1, words.count) {
            let w = words[k]
            // (Read off the bytes first: a comma before, a capital, at most six bytes.)
            guard w.gap == .comma, w.capitalized, w.count <= 6, words[k - 1].capitalized,
                  let end = Self.stateEnd(b, w) else { continue }
            let start = w.start
            // The town before it: what the model named there, if anything, is that place.
            for n in kept.indices where kept[n].end == words[k - 1].end {
                guard [.org, .person, .gpe].contains(kept[n].label),
                      Self.match(a.matches, kept[n].start, kept[n].end).map({ $0.label == .gpe }) ?? true else { continue }
                if kept[n].label != .gpe { kept[n].label = .gpe; kept[n].canonical = nil }
            }
            for n in kept.indices where kept[n].start < end && kept[n].end > start { removed.insert(n) }
            added.append(Candidate(start: start, end: end, label: .gpe, canonical: nil, priority: Candidate.byContext))
        }
        // `— The Benton County quorum court`: the article after a dateline's dash.
        for n in kept.indices where !removed.contains(n) && kept[n].end - kept[n].start > 4 {
            let s = kept[n].start
            guard b[s] == 0x54, b[s + 1] == 0x68, b[s + 2] == 0x65, b[s + 3] == 0x20, s >= 4 else { continue } // `The `
            var p = s - 1
            while p > 0, b[p] == 0x20 { p -= 1 }
            guard p >= 2, b[p - 2] == 0xE2, b[p - 1] == 0x80, b[p] == 0x94 || b[p] == 0x93 else { continue } // — or –
            kept[n].start = s + 4
            kept[n].canonical = nil
        }
        guard !added.isEmpty else { return }
        for n in removed.sorted(by: >) { kept.remove(at: n) }
        kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The end of a state's or a province's abbreviation at `w`, its period included (`Ark.`, `P.E.I.`, `N.Y.`), or nil.
    static func stateEnd(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Int? {
        // An initialism keeps its periods inside the word (`P.E.I.`); another abbreviation's period follows it.
        let dotted = b[w.end - 1] == 0x2E
        guard dotted || w.end < b.count && b[w.end] == 0x2E else { return nil }
        guard Self.stateKeys.contains(w.key) else { return nil }
        return dotted ? w.end : w.end + 1
    }

    /// AP style's abbreviations of the US states and of Canada's provinces, as the word scanner reads them: without
    /// their period (`Ark`), or with it where an initialism keeps its periods (`P.E.I.`).
    static let stateKeys = KeySet((Abbreviations.defaultStates + ["p.e.i", "n.s", "n.b", "b.c", "n.l", "ont", "que", "sask", "alta", "nfld", "man"])
        .flatMap { [wordKey($0), wordKey($0 + ".")] })

    /// `PEOSTA, Iowa — Council members ...`: a town in capitals opening a paragraph, a comma and a place the text names,
    /// then a dash, is the dateline's town, which the model reads in capitals as a body or a person.
    private func repairShoutedDatelines(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        for n in kept.indices.dropLast() where kept[n].label == .org || kept[n].label == .person {
            let c = kept[n], next = kept[n + 1]
            guard c.start == 0 || b[c.start - 1] == 0x0A, c.end + 2 < b.count, b[c.end] == 0x2C, b[c.end + 1] == 0x20,
                  next.start == c.end + 2, next.label == .gpe,
                  (c.start..<c.end).allSatisfy({ !(b[$0] &- 0x61 < 26) }), (c.start..<c.end).contains(where: { b[$0] &- 0x41 < 26 }) else { continue }
            // A dash or a bracket after the place closes the dateline (`— `, `– `, `- `, `(`).
            var p = next.end
            while p < b.count, b[p] == 0x20 { p += 1 }
            guard p < b.count, b[p] == 0x2D || b[p] == 0x28 || b[p] == 0xE2 && p + 2 < b.count && b[p + 1] == 0x80
                    && (b[p + 2] == 0x93 || b[p + 2] == 0x94) else { continue }
            kept[n].label = .gpe
            kept[n].canonical = nil
        }
    }
}
