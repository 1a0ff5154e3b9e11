/// Pairs quotation marks within one paragraph, over UTF-8 bytes.
enum QuoteScanner {
    struct Pair {
        var open: Int
        var openLength: Int
        /// One past the closing mark.
        var close: Int
        var closeLength: Int
    }

    /// Quote pairs in a paragraph, and whether any mark was left unpaired.
    static func pairs(in text: String, _ range: Range<Int>) -> (quotes: [Pair], unbalanced: Bool) {
        var text = text
        return text.withUTF8 { b in
            var result: [Pair] = []
            var open: (Int, Int, UInt8)?
            var i = range.lowerBound
            while i < range.upperBound {
                let c = b[i]
                if c == 0x22 {
                    if let (start, length, kind) = open, kind == 0x22 {
                        result.append(Pair(open: start, openLength: length, close: i + 1, closeLength: 1))
                        open = nil
                    } else if open == nil {
                        open = (i, 1, 0x22)
                    }
                    i += 1
                    continue
                }
                if c == 0xE2, i + 2 < range.upperBound, b[i + 1] == 0x80 {
                    if b[i + 2] == 0x9C { if open == nil { open = (i, 3, 0x9C) } }
                    else if b[i + 2] == 0x9D, let (start, length, kind) = open, kind == 0x9C {
                        result.append(Pair(open: start, openLength: length, close: i + 3, closeLength: 3))
                        open = nil
                    }
                    i += 3
                    continue
                }
                if c == 0xC2, i + 1 < range.upperBound {
                    if b[i + 1] == 0xAB { if open == nil { open = (i, 2, 0xAB) } }
                    else if b[i + 1] == 0xBB, let (start, length, kind) = open, kind == 0xAB {
                        result.append(Pair(open: start, openLength: length, close: i + 2, closeLength: 2))
                        open = nil
                    }
                    i += 2
                    continue
                }
                i += 1
            }
            return (result, open != nil)
        }
    }
}

/// The words of a stretch of text, for attribution: letters, digits, hyphens and apostrophes.
struct Words {
    struct Word {
        var range: Range<Int>
        var text: String
        var lower: String { text.lowercased() }
        var isCapitalized: Bool { text.first?.isUppercase ?? false }
    }

    let words: [Word]
    /// Offsets of clause breaks (commas, periods) between words: a word index after which a break occurs.
    let breaks: Set<Int>

    /// Reads the words of `range` from the document's bytes, taken once per document by the caller.
    init(_ bytes: [UInt8], _ range: Range<Int>) {
        var words: [Word] = []
        var breaks: Set<Int> = []
        var i = range.lowerBound
        while i < range.upperBound {
            let c = bytes[i]
            if c == 0xE2 {
                i += 3
                continue
            }
            if Self.isWordByte(c) {
                var e = i
                while e < range.upperBound, Self.isWordByte(bytes[e]) || (bytes[e] == 0x2E && e + 1 < range.upperBound && Self.isWordByte(bytes[e + 1]) && (bytes[e + 1] | 0x20) >= 0x61) { e += 1 }
                words.append(Word(range: i..<e, text: String(decoding: bytes[i..<e], as: UTF8.self)))
                i = e
            } else {
                // The period of a title (`Dr.`, `Gen.`) belongs to the name that follows, not a clause break.
                if c == 0x2E, let last = words.last, last.range.upperBound == i, Self.titles.contains(last.text) {
                    words[words.count - 1] = Word(range: last.range.lowerBound..<(i + 1), text: last.text + ".")
                } else if c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A, !words.isEmpty {
                    breaks.insert(words.count - 1)
                }
                i += 1
            }
        }
        self.words = words
        self.breaks = breaks
    }

    static let titles: Set<String> = ["Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Gov", "Sen", "Rep", "Rev", "St"]

    static func isWordByte(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x27 || c >= 0x80 && c != 0xE2
    }

    var count: Int { words.count }
    var first: Word? { words.first }
    var last: Word? { words.last }
    subscript(i: Int) -> Word { words[i] }

    /// The noun phrase that ends just before word `index`: back to a clause break, at most eight words.
    func phrase(endingBefore index: Int) -> Range<Int>? {
        guard index > 0 else { return nil }
        var s = index - 1
        while s > 0, index - s < 8, !breaks.contains(s - 1) { s -= 1 }
        return words[s].range.lowerBound..<words[index - 1].range.upperBound
    }

    /// The noun phrase that starts at word `index`: up to a clause break, at most eight words.
    func phrase(startingAt index: Int) -> Range<Int>? {
        guard index < words.count else { return nil }
        var e = index
        while e + 1 < words.count, e - index < 7, !breaks.contains(e) { e += 1 }
        return words[index].range.lowerBound..<words[e].range.upperBound
    }
}
