import LedeText

/// A word compared with the word lists (``RepairWords``), ignoring case: what the rules and the repairs ask of
/// a word they look at.
package enum WordMatch {
    /// Whether `w` is one of `list`, ignoring case.
    package static func isAny(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ list: [StaticString]) -> Bool {
        list.contains { isWord(b, w, $0) }
    }

    /// Whether `w` is `s` (lower case), ignoring case.
    @inline(__always) package static func isWord(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ s: StaticString) -> Bool {
        guard w.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<w.count where WordSet.lower(b[w.start + k]) != p[k] { return false }
        return true
    }

    /// Whether `w` ends in a hyphen and a participle that describes the name after it (`-based`, `-owned`).
    package static func isDescribedBy(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        // The participle is three to thirteen letters after the last hyphen: looked for from the end, which most
        // words (no hyphen near it) leave at once.
        guard w.count > 5 else { return false }
        var dash = w.end - 4
        while dash > w.start, w.end - dash <= 14, b[dash] != 0x2D { dash -= 1 }
        guard dash > w.start, b[dash] == 0x2D else { return false }
        let tail = UnsafeBufferPointer(rebasing: b[(dash + 1)..<w.end])
        return RepairWords.describing.contains { tail.elementsEqual(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }
    }

    /// `Tan Sri`, `Toh Puan`: Malaysian honours whose first word is also a family name.
    package static func isHonourPair(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ i: Int) -> Bool {
        i + 1 < words.count && (WordMatch.isWord(b, words[i], "tan") && WordMatch.isWord(b, words[i + 1], "sri")
            || WordMatch.isWord(b, words[i], "toh") && WordMatch.isWord(b, words[i + 1], "puan"))
    }
}
