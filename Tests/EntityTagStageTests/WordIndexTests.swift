@testable import EntityTagModel
import EntityTagRules
import LedeText
import Testing

/// ``WordIndex/ranges(_:_:)`` must find for every span the words that ``Consistency/wordRanges(_:_:)`` (the walk
/// it replaced in the recognizer and its repairs) finds.
struct WordIndexTests {
    @Test("WordIndex gives the word ranges of the walk, for 500 random texts and spans")
    func sameAsTheWalk() {
        var rng = SplitMix64(seed: 11)
        let pieces = ["Park", "Ji-hoon", "said", "the", "U.S.", "1,200", "Moody's", "—", ",", ".", "(UFP)", "Šimek", "a", "\n"]
        let tagger = EntityTagger.standard
        for round in 0..<500 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) {
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
                text += rng.next() % 5 == 0 ? "" : " "
            }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let words = tagger.scanner.words(b)
                let index = WordIndex(words, length: b.count)
                var spans: [Candidate] = []
                for _ in 0..<Int(rng.next() % 12) {
                    // Most spans start where a word does, some inside one; some are empty.
                    let start: Int
                    if !words.isEmpty, rng.next() % 4 != 0 {
                        start = words[Int(rng.next() % UInt64(words.count))].start
                    } else {
                        start = b.count == 0 ? 0 : Int(rng.next() % UInt64(b.count))
                    }
                    let end = min(b.count, start + Int(rng.next() % 20))
                    spans.append(Candidate(start: start, end: end, label: .person, priority: 1))
                }
                // In text order, as the callers have them, in most rounds.
                if round % 3 != 0 { spans.sort { $0.start < $1.start } }
                #expect(index.ranges(words, spans) == Consistency.wordRanges(words, spans), "round \(round): \(text)")
            }
        }
    }
}

/// ``WordMatch/hasHyphen(_:_:)`` tests eight bytes at a time what a byte loop would find.
struct HasHyphenTests {
    @Test("hasHyphen agrees with a byte loop on 2,000 random words at every offset of a text")
    func sameAsTheLoop() {
        var rng = SplitMix64(seed: 5)
        let alphabet = Array("ab-Z'’é".utf8)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(1 + rng.next() % 30)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            bytes.withUnsafeBufferPointer { b in
                let start = Int(rng.next() % UInt64(b.count))
                let end = start + Int(rng.next() % UInt64(b.count - start + 1))
                let w = Word(start: start, end: end, gap: .space, capitalized: false, digit: false, possessive: false, key: 1, flags: 0)
                #expect(WordMatch.hasHyphen(b, w) == (start..<end).contains { b[$0] == 0x2D })
            }
        }
    }
}
