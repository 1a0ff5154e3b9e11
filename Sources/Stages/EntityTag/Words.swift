import LedeText


/// The OntoNotes labels entity-tag writes.
enum EntityLabel: String, CaseIterable, Sendable {
    case person = "PERSON", org = "ORG", gpe = "GPE", norp = "NORP", date = "DATE", cardinal = "CARDINAL"
    case loc = "LOC", time = "TIME", percent = "PERCENT", money = "MONEY", quantity = "QUANTITY"
    case event = "EVENT", law = "LAW", ordinal = "ORDINAL"
    case fac = "FAC", product = "PRODUCT", workOfArt = "WORK_OF_ART"

    /// The label's own bit, for sets of labels.
    var bit: UInt32 {
        switch self {
        case .person: 1 << 0
        case .org: 1 << 1
        case .gpe: 1 << 2
        case .norp: 1 << 3
        case .date: 1 << 4
        case .cardinal: 1 << 5
        case .loc: 1 << 6
        case .time: 1 << 7
        case .percent: 1 << 8
        case .money: 1 << 9
        case .quantity: 1 << 10
        case .event: 1 << 11
        case .law: 1 << 12
        case .ordinal: 1 << 13
        case .fac: 1 << 14
        case .product: 1 << 15
        case .workOfArt: 1 << 16
        }
    }

    /// Names, as against numbers, dates and amounts.
    var isName: Bool {
        switch self {
        case .person, .org, .gpe, .norp, .loc, .event, .law, .fac, .product, .workOfArt: true
        default: false
        }
    }
}

/// One word of a document, with what the rules ask of it.
struct Word {
    /// UTF-8 range, without a possessive `'s` (kept in `possessive`).
    var start: Int
    var end: Int
    /// What separates this word from the one before: nothing but spaces, a comma, a full stop, or anything
    /// else (a quotation mark, a bracket, a line break, a dash).
    var gap: Gap
    /// The first letter is an ASCII capital.
    var capitalized: Bool
    /// Starts with an ASCII digit.
    var digit: Bool
    /// Ended in `'s` or `’s`, which is not part of `start..<end`.
    var possessive: Bool
    /// The hash of its bytes, case folded (``WordFlags/hash(_:_:)``), made once for every table it is
    /// looked up in.
    var key: UInt64
    /// The lists the word is in (``Feature`` bits), but `common`, which the rules ask of the few that need it.
    var flags: UInt64

    enum Gap: UInt8 { case space, comma, stop, other }

    var range: Range<Int> { start..<end }
    var count: Int { end - start }
}

/// Splits a text into words in one pass over its UTF-8 bytes.
///
/// A word is ASCII letters and digits and any non-ASCII letters, with inner hyphens, apostrophes and
/// digit separators (`Se-yul`, `Workers'`, `15,000`, `3.5`). A period after a title, a month abbreviation or
/// an initial belongs to the word (`Gov.`, `Oct.`, `U.S.`).
struct WordScanner {
    /// Every word's features; the scanner asks it for abbreviations and stores each word's bits.
    let table: WordFlags
    /// Common words, which the rules look up for the capitalized words of a possible name.
    let common: WordFlags

    func words(_ b: UnsafeBufferPointer<UInt8>) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(b.count / 4 + 8) // news averages a word per 5.8 bytes; room for short words
        var i = 0
        let n = b.count
        var gap = Word.Gap.other
        while i < n {
            let c = b[i]
            if c == 0x20 {
                // Spaces, the commonest byte between words, keep the gap as it is.
                i &+= 1
                continue
            }
            if !Self.isWordByte(b, i, n) {
                if c == 0x2C {
                    gap = gap == .space ? .comma : (gap == .other ? .other : gap)
                } else if c == 0x2E || c == 0x21 || c == 0x3F {
                    gap = .stop
                } else if c == 0xC2, i &+ 1 < n, b[i + 1] == 0xA0 {
                    i &+= 1 // a no-break space
                } else {
                    gap = .other
                }
                i &+= 1
                continue
            }
            let start = i
            let isDigit = c >= 0x30 && c <= 0x39
            var e = i
            let raw = UnsafeRawPointer(b.baseAddress!)
            while e < n {
                // ASCII letters and digits eight at a time (most of a word), then byte by byte from the first
                // byte that is not one.
                if e &+ 8 <= n {
                    let run = Self.asciiWordRun(raw.loadUnaligned(fromByteOffset: e, as: UInt64.self))
                    e &+= run
                    if run == 8 { continue }
                }
                let d = b[e]
                if Self.isWordByte(b, e, n) {
                    e &+= d < 0x80 ? 1 : Self.scalarLength(d)
                } else if (d == 0x2D || d == 0x27) && e &+ 1 < n && Self.isWordByte(b, e + 1, n) {
                    e &+= 1
                } else if d == 0xE2, e &+ 3 < n, b[e + 1] == 0x80, b[e + 2] == 0x99, Self.isWordByte(b, e + 3, n) {
                    e &+= 3
                } else if isDigit, d == 0x2C || d == 0x2E, e &+ 1 < n, b[e + 1] >= 0x30, b[e + 1] <= 0x39, b[e - 1] >= 0x30, b[e - 1] <= 0x39 {
                    e &+= 1 // 15,000 and 3.5
                } else {
                    break
                }
            }
            var end = e
            var possessive = false
            // `'s` at the end is a possessive; a bare trailing apostrophe (`Workers'`) stays in the word.
            if end - start > 2, b[end - 1] == 0x73 || b[end - 1] == 0x53, b[end - 2] == 0x27 {
                end -= 2
                possessive = true
            } else if end - start > 4, b[end - 1] == 0x73, b[end - 2] == 0x99, b[end - 3] == 0x80, b[end - 4] == 0xE2 {
                end -= 4
                possessive = true
            } else if e < n, b[e] == 0x27, !isDigit {
                e &+= 1
                end = e
            } else if e < n, b[e] == 0x2E, isAbbreviation(b, start..<e) {
                e &+= 1
                while e &+ 1 < n, b[e] >= 0x41, b[e] <= 0x5A, b[e + 1] == 0x2E { e &+= 2 } // U.S., U.N.
                end = e
            }
            let key = WordFlags.hash(b, start..<end)
            out.append(Word(start: start, end: end, gap: gap, capitalized: c >= 0x41 && c <= 0x5A, digit: isDigit,
                            possessive: possessive, key: key, flags: isDigit ? 0 : table.flags(key: key)))
            gap = .space
            i = e
        }
        return out
    }

    private func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        if r.count == 1 { return b[r.lowerBound] >= 0x41 && b[r.lowerBound] <= 0x5A }
        return table.flags(b, r) & Feature.abbreviations.rawValue != 0
    }

    /// How many of the eight bytes (little-endian: the first is the lowest) are ASCII letters or digits
    /// before the first that is not. Each byte is range-checked in its own lane: with the high bit cleared
    /// first, adding a constant below 0x80 never carries into the next lane.
    @inline(__always) static func asciiWordRun(_ w: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = w & 0x7F7F_7F7F_7F7F_7F7F
        let folded = low7 | 0x2020_2020_2020_2020
        // a–z after folding: at least 0x61 and below 0x7B; 0–9: at least 0x30 and below 0x3A.
        let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)
        let digit = (low7 &+ 0x5050_5050_5050_5050) & ~(low7 &+ 0x4646_4646_4646_4646)
        let word = (letter | digit) & ~w & high
        return (~word & high).trailingZeroBitCount >> 3
    }

    @inline(__always) static func isWordByte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) }
        // Non-ASCII: letters, except general punctuation (U+2000–U+206F), Latin-1 punctuation and symbols
        // (U+0080–U+00BF), and other symbols led by E2 (arrows, dingbats, CJK punctuation starts at E3).
        if c == 0xE2 { return false }
        if c == 0xC2 { return false }
        return c >= 0xC3
    }

    @inline(__always) static func scalarLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }
}
