import LedeText

/// A word compared with the word lists (``RepairWords``), ignoring case: what the rules and the repairs ask of
/// a word they look at.
package enum WordMatch {
    /// Whether `w` is one of `list`, ignoring case. Most words asked are in no list, and the list's filter
    /// turns them away before any of its words is compared.
    package static func isAny(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ list: WordList) -> Bool {
        guard list.mayHold(b, w) else { return false }
        return list.words.contains { isWord(b, w, $0) }
    }

    /// Whether `w` is `s1` or `s2` (lower case), ignoring case: ``isAny(_:_:_:)`` of two words, without a list made at
    /// each call (a list written in place is an array allocated and its filter worked out every time).
    @inline(__always) package static func isAny(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ s1: StaticString, _ s2: StaticString) -> Bool {
        isWord(b, w, s1) || isWord(b, w, s2)
    }

    /// Whether `w` is `s1`, `s2` or `s3` (lower case), ignoring case: ``isAny(_:_:_:)`` of three words, without a list.
    @inline(__always) package static func isAny(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ s1: StaticString, _ s2: StaticString,
                                                _ s3: StaticString) -> Bool {
        isWord(b, w, s1) || isWord(b, w, s2) || isWord(b, w, s3)
    }

    /// Whether `w` is `s` (lower case), ignoring case.
    @inline(__always) package static func isWord(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ s: StaticString) -> Bool {
        guard w.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<w.count where WordSet.lower(b[w.start + k]) != p[k] { return false }
        return true
    }

    /// Whether `w` ends in a hyphen and a participle that describes the name after it (`-based`, `-owned`, `-driven`).
    package static func isDescribedBy(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        // The participle is three to thirteen letters after the last hyphen: looked for from the end, which most
        // words (no hyphen near it) leave at once.
        guard w.count > 5, hasHyphen(b, w) else { return false }
        var dash = w.end - 4
        while dash > w.start, w.end - dash <= 14, b[dash] != 0x2D { dash -= 1 }
        guard dash > w.start, b[dash] == 0x2D else { return false }
        let tail = UnsafeBufferPointer(rebasing: b[(dash + 1)..<w.end])
        if RepairWords.describing.words.contains(where: { tail.elementsEqual(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }) {
            return true
        }
        // Any other participle in lower case after a capitalized name (`US-driven`, `Saudi-brokered`, `Iran-aligned`).
        guard tail.count >= 5, b[w.start] >= 0x41, b[w.start] <= 0x5A, tail.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        let last2 = (tail[tail.count - 2], tail[tail.count - 1])
        return last2 == (0x65, 0x64) || last2 == (0x65, 0x6E) // -ed, -en
    }

    /// Whether `w` holds a hyphen, tested eight bytes at a time (a byte loop took five instructions a byte).
    @inline(__always) package static func hasHyphen(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        let raw = UnsafeRawPointer(b.baseAddress!)
        /// Whether one of the eight bytes of `v` is a hyphen: a byte of `v ^ 0x2D...` is zero where it is, and
        /// `(x - 0x01...) & ~x & 0x80...` is nonzero exactly when a byte of `x` is zero.
        @inline(__always) func holds(_ v: UInt64) -> Bool {
            let x = v ^ 0x2D2D_2D2D_2D2D_2D2D
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
        }
        var end = w.end
        while end &- w.start >= 8 {
            if holds(raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self)) { return true }
            end &-= 8
        }
        let n = end &- w.start
        guard n > 0 else { return false }
        guard end >= 8 else { return (w.start..<end).contains { b[$0] == 0x2D } }
        // The eight bytes that end at `end` (little-endian: the word's are the top `n`), the others made spaces.
        let keep: UInt64 = ~0 &<< UInt64(8 &* (8 &- n))
        return holds(raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self) & keep | 0x2020_2020_2020_2020 & ~keep)
    }

    /// `Tan Sri`, `Toh Puan`: Malaysian honours whose first word is also a family name.
    package static func isHonourPair(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ i: Int) -> Bool {
        i + 1 < words.count && (WordMatch.isWord(b, words[i], "tan") && WordMatch.isWord(b, words[i + 1], "sri")
            || WordMatch.isWord(b, words[i], "toh") && WordMatch.isWord(b, words[i + 1], "puan"))
    }
}

/// Lower-case words that a document's words are compared with, ignoring case (``WordMatch/isAny(_:_:_:)``),
/// with a filter of 128 bits, one set for each length and first letter the list holds: a word whose length
/// and first letter set no bit is in no list, and is turned away in one test instead of a comparison with
/// each word of the list (a word asked of the repairs' lists was a hundred instructions and more).
package struct WordList: ExpressibleByArrayLiteral, Sendable {
    /// The words, in lower case.
    package let words: [StaticString]
    private let low: UInt64
    private let high: UInt64

    package init(arrayLiteral words: StaticString...) {
        self.words = words
        var low: UInt64 = 0, high: UInt64 = 0
        for s in words where s.utf8CodeUnitCount > 0 {
            let bit = Self.bit(count: s.utf8CodeUnitCount, first: s.utf8Start[0])
            if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
        }
        self.low = low
        self.high = high
    }

    /// The filter's bit of a word of `count` bytes that starts with `first`.
    @inline(__always) private static func bit(count: Int, first: UInt8) -> Int {
        (count &* 37 &+ Int(first)) & 127
    }

    /// False when `w` is surely none of ``words``: its length and first letter (case folded) set no bit.
    /// (An empty word sets none, and is left to the comparison.)
    @inline(__always) package func mayHold(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        guard w.count > 0 else { return true }
        let bit = Self.bit(count: w.count, first: WordSet.lower(b[w.start]))
        return (bit < 64 ? low >> UInt64(bit) : high >> UInt64(bit - 64)) & 1 != 0
    }
}
