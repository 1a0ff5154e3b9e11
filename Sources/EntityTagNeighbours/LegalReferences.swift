import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// How court and legislative news cites a law, which the model reads as names:
/// - a law's division and its number (`Part 3 of Article 258`, `Section 12`, `Clause 4`) is no name, whatever
///   the model read in the capital;
/// - a law named for its country takes the country (`the Criminal Code of Ukraine`, `the Constitution of the
///   Philippines`): one `LAW`, no place inside it;
/// - a capitalized bill after `the` is a law (`the passage of the Creative Australia Bill`), not a body or a
///   place named in it, and so is one with a bracket in its name (`the Local Authorities Elections (Special
///   Provisions) Bill`); `the Bill` alone is no one;
/// - `Law on` and the capitalized words after it are a law (`the Law on Local Governments`), as the laws of much of
///   Europe are called in English.
extension Recognizer {
    package func repairLegalReferences(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label.isName && !dropped.contains(n) {
            // Most names are none of the three: a byte or two turns them away before their words are found.
            let s = kept[n].start, e = kept[n].end
            let numbered = e + 1 < b.count && b[e] == 0x20 && b[e + 1] &- 0x30 < 10
            let bill = e - s > 5 && b[e - 4] == 0x42 && b[e - 1] == 0x6C
            guard numbered || bill || kept[n].label == .law, let r = a.wordIndex.range(words, kept[n]) else { continue }
            let last = words[r.upperBound - 1]
            if r.count == 1, kept[n].label != .law, r.upperBound < words.count, words[r.upperBound].gap == .space,
               words[r.upperBound].digit, WordMatch.isAny(b, words[r.lowerBound], Self.lawDivisions) {
                dropped.append(n)
            } else if kept[n].label == .law, n + 1 < kept.count, kept[n + 1].label == .gpe,
                      let g = a.wordIndex.range(words, kept[n + 1]), Self.ofBetween(b, words, r.upperBound, g.lowerBound) {
                kept[n].end = kept[n + 1].end
                kept[n].canonical = nil
                dropped.append(n + 1)
            } else if kept[n].label != .law, r.count >= 2, r.lowerBound > 0, last.capitalized, !last.possessive,
                      WordMatch.isWord(b, last, "bill"), words[r.lowerBound].gap == .space,
                      WordMatch.isWord(b, words[r.lowerBound - 1], "the") {
                kept[n].label = .law
                kept[n].canonical = nil
            }
        }
        for n in dropped.sorted().reversed() { kept.remove(at: n) }
        addLawsOn(&kept, b, a)
        addBracketedLaws(&kept, b, a)
    }

    /// `the Local Authorities Elections (Special Provisions) Bill`, `The Public Order (Criminal Justice) Act`: a law
    /// whose name holds a bracket, found at the closing brackets before `Act` or `Bill`, is one law, whatever the model
    /// read in its pieces. (`the Bill` alone is dropped once people are settled.)
    private func addBracketedLaws(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var from = 0
        while let at = Self.nextByte(0x29, in: b, from: from) {
            from = at + 1
            guard at + 5 < b.count, b[at + 1] == 0x20, b[at + 2] == 0x41 && b[at + 3] == 0x63 && b[at + 4] == 0x74
                    || at + 6 < b.count && b[at + 2] == 0x42 && b[at + 3] == 0x69 && b[at + 4] == 0x6C && b[at + 5] == 0x6C,
                  let k = Consistency.firstWord(words, at: at + 2), words[k].start == at + 2,
                  WordMatch.isWord(b, words[k], "act") || WordMatch.isWord(b, words[k], "bill"),
                  let law = bracketedLaw(kept, b, a, bill: k) else { continue }
            // A name the model began at the law's `The` goes with the law's other pieces.
            let the = law.lowerBound - 4
            guard !kept.contains(where: { $0.start < law.lowerBound && $0.end > law.lowerBound && $0.start != the
                      || $0.start < law.upperBound && $0.end > law.upperBound }) else { continue }
            Self.replace(&kept, with: law, alsoFrom: the)
            from = law.upperBound
        }
    }

    /// `the Law on Local Governments`, `the Law on the Protection of Personal Data`: `Law on` and the capitalized words
    /// after it (joined by `of`, `and`, `the`, `for`, `in`) are one law, whatever names the model read inside. Found
    /// at the capital `L`s, which are few.
    private func addLawsOn(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var from = 0
        while let at = Self.nextByte(0x4C, in: b, from: from) {
            from = at + 1
            guard at + 7 < b.count, b[at + 1] == 0x61, b[at + 2] == 0x77, b[at + 3] == 0x20, b[at + 4] == 0x6F, b[at + 5] == 0x6E,
                  b[at + 6] == 0x20, let k = Consistency.firstWord(words, at: at), words[k].start == at, k + 2 < words.count,
                  words[k + 1].gap == .space, !words[k + 1].capitalized else { continue }
            var j = k + 2, end = -1
            while j < words.count, words[j].gap == .space {
                if words[j].capitalized {
                    end = j
                } else if !(WordMatch.isAny(b, words[j], Self.lawJoiners) && j + 1 < words.count && words[j + 1].capitalized) {
                    break
                }
                if words[j].possessive { break }
                j += 1
            }
            guard end >= k + 2 else { continue }
            let s = words[k].start, e = words[end].end
            guard !kept.contains(where: { $0.start < s && $0.end > s || $0.start < e && $0.end > e }) else { continue }
            Self.replace(&kept, with: s..<e)
            from = e
        }
    }

    /// Puts one law over `law`'s bytes in place of the names inside them (and of one that starts at `alsoFrom`).
    private static func replace(_ kept: inout [Candidate], with law: Range<Int>, alsoFrom: Int = -1) {
        kept.removeAll { ($0.start >= law.lowerBound || $0.start == alsoFrom) && $0.end <= law.upperBound }
        let index = kept.firstIndex { $0.start >= law.upperBound } ?? kept.count
        kept.insert(Candidate(start: law.lowerBound, end: law.upperBound, label: .law, priority: Candidate.byContext), at: index)
    }

    static let lawJoiners: WordList = ["of", "and", "the", "for", "in", "on"]

    /// The bytes of `the X Y (Z W) Bill` (or `Act`), from `X` to `Bill`: capitalized words (joined by `of`, `and`) before a
    /// bracket of capitalized words right before the bill, after `the`.
    private func bracketedLaw(_ kept: [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, bill: Int) -> Range<Int>? {
        let words = a.words
        let start = words[bill].start
        guard start >= 4, b[start - 1] == 0x20, b[start - 2] == 0x29 else { return nil }
        // The bracket's words, back to its opening.
        var k = bill - 1
        while k >= 0, words[k].start > start - 60, words[k].capitalized || WordMatch.isAny(b, words[k], Self.lawJoiners) {
            if words[k].start >= 1, b[words[k].start - 1] == 0x28 { break }
            k -= 1
        }
        guard k >= 1, k < bill, words[k].start >= 2, b[words[k].start - 1] == 0x28, b[words[k].start - 2] == 0x20 else { return nil }
        // The name before it.
        var first = k
        while first - 1 >= 0, words[first].gap == .other || words[first].gap == .space, !WordMatch.isWord(b, words[first - 1], "the"),
              words[first - 1].capitalized || WordMatch.isAny(b, words[first - 1], Self.lawJoiners) && first - 2 >= 0 && words[first - 2].capitalized {
            first -= 1
        }
        guard first < k, first >= 1, WordMatch.isWord(b, words[first - 1], "the"), words[first].capitalized else { return nil }
        return words[first].start..<words[bill].end
    }

    /// Whether the words from `from` up to `to` are `of` or `of the`, each after a space.
    static func ofBetween(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ from: Int, _ to: Int) -> Bool {
        guard to - from == 1 || to - from == 2, (from...to).allSatisfy({ words[$0].gap == .space }),
              WordMatch.isWord(b, words[from], "of") else { return false }
        return to - from == 1 || WordMatch.isWord(b, words[from + 1], "the")
    }

    /// The divisions of a law that a number names.
    static let lawDivisions: WordList = ["part", "article", "section", "clause", "chapter", "paragraph", "subsection",
                                         "schedule", "annex", "annexure", "regulation", "rule", "item"]
}
