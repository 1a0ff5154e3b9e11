import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// A national body named by its field and its country, as sport, arts and trade news names them (`Screen
/// Australia`, `Music Australia`, `Enterprise Ireland`, `Sport England`, `Cricket Australia`, `UK Athletics`, `New
/// Zealand Rugby`, `USA Swimming`): the place the lists hold and a capitalized field word beside it are one
/// organization, whether the model read the pair as a place or only the place. A third capitalized word beside
/// them makes a longer name, which is the model's to read (`Sport England Awards`).
extension Recognizer {
    package func repairSectorBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let misread = EntityLabel.gpe.bit | EntityLabel.person.bit | EntityLabel.loc.bit
        for n in kept.indices where kept[n].label.bit & misread != 0 {
            // A person or a location is asked only when it is two words or more, and a place alone only with a
            // capital before or after it.
            let s = kept[n].start, e = kept[n].end
            if kept[n].label == .gpe {
                let capitalBeside = s >= 2 && b[s - 1] == 0x20 && Self.capitalEndsAt(b, s - 2)
                    || e + 1 < b.count && b[e] == 0x20 && b[e + 1] &- 0x41 < 26
                guard capitalBeside || b[s..<e].contains(0x20) else { continue }
            } else {
                // A person or a location whose first or last word is a listed place: found by the bytes of the
                // words, before the words themselves are asked for.
                guard let space = (s..<e).first(where: { b[$0] == 0x20 }), let last = (s..<e).last(where: { b[$0] == 0x20 }),
                      Self.match(a.matches, s, space)?.label == .gpe || Self.match(a.matches, last + 1, e)?.label == .gpe else { continue }
            }
            guard let r = a.wordIndex.range(words, kept[n]), r.count <= 4 else { continue }
            let first = words[r.lowerBound], last = words[r.upperBound - 1]
            if r.count >= 2, first.capitalized, isSector(b, first), isPlace(a, words, r.lowerBound + 1..<r.upperBound) {
                kept[n].label = .org
            } else if r.count >= 2, last.capitalized, isSector(b, last), isPlace(a, words, r.lowerBound..<r.upperBound - 1) {
                kept[n].label = .org
            } else if kept[n].label == .gpe, isPlace(a, words, r) {
                let before = r.lowerBound - 1, after = r.upperBound
                if before >= 0, first.gap == .space, words[before].capitalized, !words[before].possessive, isSector(b, words[before]),
                   before == 0 || !words[before - 1].capitalized || words[before].gap != .space, Self.free(kept, words[before]) {
                    kept[n].start = words[before].start
                } else if after < words.count, !last.possessive, words[after].gap == .space, words[after].capitalized,
                          isSector(b, words[after]),
                          after + 1 == words.count || !words[after + 1].capitalized || words[after + 1].gap != .space, Self.free(kept, words[after]) {
                    kept[n].end = words[after].end
                } else {
                    continue
                }
            } else {
                continue
            }
            kept[n].label = .org
            kept[n].canonical = nil
            kept[n].priority = max(kept[n].priority, Candidate.byContext)
        }
    }

    /// Whether the word ending at byte `i` (inclusive) may start with a capital: a letter at `i` and, looking back
    /// at most fourteen bytes, a capital after a space or the text's start.
    private static func capitalEndsAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var k = i
        while k > 0, k > i - 14, b[k - 1] != 0x20, b[k - 1] != 0x0A { k -= 1 }
        return b[k] &- 0x41 < 26
    }

    /// Whether no name holds any of `w`'s bytes.
    static func free(_ kept: [Candidate], _ w: Word) -> Bool {
        !kept.contains { $0.start < w.end && w.start < $0.end }
    }

    /// Whether the words of `r` are a place the lists hold.
    private func isPlace(_ a: EntityTagger.Analysis, _ words: [Word], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        return Self.match(a.matches, words[r.lowerBound].start, words[r.upperBound - 1].end)?.label == .gpe
    }

    private func isSector(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        w.count >= 3 && w.count <= 14 && WordMatch.isAny(b, w, Self.sectorWords)
    }

    /// Fields a national body is named for.
    static let sectorWords: WordList = [
        "music", "screen", "film", "enterprise", "tourism", "sport", "sports", "cricket", "rugby", "athletics", "swimming",
        "netball", "hockey", "football", "basketball", "tennis", "golf", "cycling", "rowing", "sailing", "boxing",
        "gymnastics", "triathlon", "surfing", "volleyball", "softball", "baseball", "badminton", "squash", "equestrian",
        "archery", "judo", "taekwondo", "wrestling", "weightlifting", "fencing", "canoe", "bowls", "lacrosse", "motorsport",
        "skating", "transport", "water", "health", "education", "skills", "invest", "creative", "heritage", "historic",
        "natural", "visit", "infrastructure", "housing", "homes", "innovation", "digital", "exports",
    ]
}
