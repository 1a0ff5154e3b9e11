import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// South Asian and African copy writes a person's given names as dotted initials (`P.S. Narasimha`, `K.M. Joseph`,
/// `S.K. Kaul`), a shape the model knows best from `U.S.` and `U.N.`: initials the lists do not hold, then one or two
/// capitalized words that name no body, are a person, whatever the model read there (`J.C. Hill` too).
extension Recognizer {
    package func joinDottedInitials(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let notName = Feature.functionWords.rawValue | Feature.titles.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue
            | Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.gpeSuffixes.rawValue
        var found: [Candidate] = []
        var k = 0
        while k + 1 < words.count {
            defer { k += 1 }
            let w = words[k]
            // `X.Y.` or `X.Y.Z.`, read off the bytes.
            guard w.count == 4 || w.count == 6, b[w.start + 1] == 0x2E, b[w.start] &- 0x41 < 26, b[w.start + 2] &- 0x41 < 26,
                  b[w.start + 3] == 0x2E, w.count == 4 || b[w.start + 4] &- 0x41 < 26 && b[w.start + 5] == 0x2E,
                  !input.shouted[k], Self.match(a.matches, w.start, w.end) == nil else { continue }
            var e = k + 1
            while e < words.count, e - k <= 2, words[e].gap == .space, words[e].capitalized, !words[e].digit,
                  words[e].flags & notName == 0, !words[e - 1].possessive { e += 1 }
            // (A family name that is also a place's head or an everyday word, `J.C. Hill`, `A.B. Wood`, is still one after
            // initials, but not before another capitalized word: `T.V. Show Times`.)
            guard e > k + 1, !input.common(words[e - 1]) || words[e - 1].flags & (Feature.surnames.rawValue | Feature.given.rawValue) != 0
                    || e - k == 2 && (e == words.count || !words[e].capitalized || words[e].gap != .space)
            else { continue }
            let start = w.start, end = words[e - 1].end
            guard !kept.contains(where: { $0.start < end && $0.end > start && ($0.start < start || $0.end > end) }),
                  Self.match(a.matches, words[k + 1].start, end).map({ $0.label == .person }) ?? true,
                  Self.match(a.matches, start, end).map({ $0.label == .person }) ?? true else { continue } // `J.P. Morgan`
            kept.removeAll { $0.start >= start && $0.end <= end }
            found.append(Candidate(start: start, end: end, label: .person, canonical: .text(start: start, end: end), priority: Candidate.byContext))
            k = e - 1
        }
        guard !found.isEmpty else { return }
        kept = (kept + found).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
