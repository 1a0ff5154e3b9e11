import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// What repairs in both modules read of words: a word's case-folded key, a run of capitals, and a list of names.
extension Recognizer {
    /// The case-folded hash of `word`, as ``Word/key`` holds it.
    package static func wordKey(_ word: String) -> UInt64 {
        Array(word.utf8).withUnsafeBufferPointer { WordFlags.hash($0, 0..<$0.count) }
    }

    /// Two to six capitals, no lower-case letter (`RCMP`, `PNP`).
    package static func initials(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        w.count >= 2 && w.count <= 6 && (w.start..<w.end).allSatisfy { b[$0] &- 0x41 < 26 }
    }

    /// What the items of a list of names may be: how many words each, which words none holds, whether digits and a
    /// possessive inside one may stand, and how many items at most.
    package struct ListShape {
        package let maxWords: Int
        package let excluded: UInt64
        package let digits: Bool
        package let possessiveEnds: Bool
        package let maxItems: Int
        /// Whether an item may be made of everyday words alone (clubs: `Dynamos`, `Chicken Inn`).
        package var everyday = false

        /// Places: one to three words, no body's, title's or date's word, no number.
        package static let places = ListShape(maxWords: 3, excluded: Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue
                                          | Feature.titles.rawValue | Feature.ranks.rawValue | Feature.months.rawValue
                                          | Feature.weekdays.rawValue, digits: false, possessiveEnds: false, maxItems: 30)
        /// Bodies: one to four words (a body's words allowed), no title's, date's or function word, a possessive ending one.
        package static let bodies = ListShape(maxWords: 4, excluded: Feature.titles.rawValue | Feature.ranks.rawValue
                                          | Feature.months.rawValue | Feature.weekdays.rawValue | Feature.functionWords.rawValue,
                                      digits: true, possessiveEnds: true, maxItems: 20)
        /// Clubs: as bodies, and an item may be made of everyday words.
        package static let clubs: ListShape = {
            var shape = bodies
            shape.everyday = true
            return shape
        }()
    }

    /// The items of a list of names from word `k`: runs of capitalized words as `shape` allows, set apart by commas and a
    /// last `and` or `or`, two items at least, closing the sentence (or the line) or followed by a word in lower case. Nil
    /// when any item is made of everyday words alone (`Health, Education and Housing`; clubs' may be) or holds a word `shape` excludes.
    package static func listItems(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], from k: Int, input: NameInput,
                          shape: ListShape = .places) -> [Range<Int>]? {
        var items: [Range<Int>] = []
        var i = k
        var closed = false
        while i < words.count, items.count < shape.maxItems {
            var j = i
            while j < words.count, j - i <= shape.maxWords, words[j].capitalized, shape.digits || !words[j].digit,
                  j == i || words[j].gap == .space && !(shape.possessiveEnds && words[j - 1].possessive) { j += 1 }
            guard j > i, j - i <= shape.maxWords, shape.everyday || (i..<j).contains(where: { !input.common(words[$0]) }),
                  !(i..<j).contains(where: { words[$0].flags & shape.excluded != 0 }) else { return nil }
            items.append(i..<j)
            if closed { break }
            guard j < words.count else { break }
            if words[j].gap == .comma, words[j].capitalized {
                i = j
            } else if words[j].gap == .space || words[j].gap == .comma, !words[j].capitalized, WordMatch.isAny(b, words[j], ["and", "or"]),
                      j + 1 < words.count, words[j + 1].capitalized, words[j + 1].gap == .space {
                i = j + 1
                closed = true
            } else {
                break
            }
        }
        guard items.count >= 2 else { return nil }
        // What follows the list: the sentence's end, or a word in lower case.
        let after = items.last!.upperBound
        guard after == words.count || words[after].gap == .stop || words[after].gap == .other || !words[after].capitalized else { return nil }
        return items
    }
}

/// A few words' hashes (``Word/key``), asked of every word of a text: two masks of their bits 0–5 and 6–11 turn most
/// words away with two tests, where a `Set` would hash the hash again. Inlined into the repairs that ask it, in the
/// other module too (a call per word cost 2.5% of the stage).
package struct KeySet: Sendable {
    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64
    @usableFromInline let keys: [UInt64]

    package init(_ keys: [UInt64]) {
        self.keys = keys.sorted()
        low = keys.reduce(0) { $0 | 1 << ($1 & 63) }
        high = keys.reduce(0) { $0 | 1 << ($1 >> 6 & 63) }
    }

    /// Whether a word of the indexed document may be one of the keys: false means none is, and a loop that looks
    /// for them finds nothing.
    package func mayOccur(in index: WordIndex) -> Bool {
        index.mayHoldAny(of: keys)
    }

    /// How many of the keys the words of the indexed document may hold: no fewer than they do.
    package func mayOccurCount(in index: WordIndex) -> Int {
        index.mayHoldCount(of: keys)
    }

    @inlinable @inline(__always) package func contains(_ key: UInt64) -> Bool {
        low & 1 << (key & 63) != 0 && high & 1 << (key >> 6 & 63) != 0 && search(key)
    }

    /// Whether the sorted keys hold `key`: a binary search.
    @inlinable package func search(_ key: UInt64) -> Bool {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key
    }
}
