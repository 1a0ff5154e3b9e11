/// A word or a punctuation mark of a text: a range of its UTF-8 bytes.
public struct Token: Sendable, Equatable {
    /// What the token is.
    public enum Kind: UInt8, Sendable {
        case word, comma, stop, colon, dash, quote, other
    }

    /// What stands between a word and the word before it.
    public enum Gap: UInt8, Sendable {
        /// Nothing but spaces (or a no-break space).
        case space
        /// A comma, and spaces.
        case comma
        /// A full stop, a question or exclamation mark, or an ellipsis.
        case stop
        /// Anything else: a line break, a quotation mark, a bracket, a dash, a colon; and the start of the text.
        case other
    }

    /// The first byte.
    public var start: Int
    /// The byte after the last.
    public var end: Int
    /// Word or punctuation.
    public var kind: Kind
    /// For a word: what separates it from the word before.
    public var gap: Gap
    /// For a word ending in a possessive `'s` or `’s`: the possessive's length in bytes (2 or 4), which
    /// `start..<end` includes.
    public var possessive: UInt8

    /// Creates a token.
    @inlinable public init(start: Int, end: Int, kind: Kind, gap: Gap = .space, possessive: UInt8 = 0) {
        self.start = start
        self.end = end
        self.kind = kind
        self.gap = gap
        self.possessive = possessive
    }

    /// `start..<end`.
    @inlinable public var range: Range<Int> { start..<end }
    /// The word without its possessive (`Moody` of `Moody's`).
    @inlinable public var stem: Range<Int> { start..<(end - Int(possessive)) }
}

/// Splits text into words and punctuation in one pass over its UTF-8 bytes: the one tokenizer of the stages
/// that read words (entity-tag, quote-extract).
///
/// A word is ASCII letters and digits and non-ASCII letters (any scalar from U+00C0 on, but general
/// punctuation and symbols, U+2000–U+2FFF), with inner hyphens and apostrophes (`Se-yul`, `O'Brien`,
/// `Ji’s`) and digit separators between digits (`15,000`, `3.5`). A possessive `'s` stays in the word and
/// is measured in ``Token/possessive``; a bare apostrophe after an `s` (`workers'`) stays in it too. The period
/// of an abbreviation (``Abbreviations/periodWords``: `Gov.`, `Oct.`, `Inc.`), of an initial (`J.`) and of
/// an initialism (`U.S.`, `a.m.`) belongs to its word, so that it is no full stop.
public struct WordScanner: Sendable {
    /// The words whose following period belongs to them.
    public let abbreviations: WordSet

    /// A scanner that knows these abbreviations (``Abbreviations/periodWords`` by default).
    public init(abbreviations: WordSet = Abbreviations.periodWords) {
        self.abbreviations = abbreviations
    }

    /// Calls `body` with each token of `range` in order, words only unless `punctuation` is set, until
    /// `body` returns false.
    @inlinable
    public func scan(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, punctuation: Bool,
                     _ body: (Token) -> Bool) {
        var i = range.lowerBound
        let n = range.upperBound
        var gap = Token.Gap.other
        guard let base = b.baseAddress else { return }
        while i < n {
            let c = b[i]
            if c == 0x20 { i &+= 1; continue }
            if !Self.isWordByte(b, i, n) {
                var kind = Token.Kind.other
                var length = 1
                switch c {
                case 0x2C:
                    kind = .comma
                    gap = gap == .space ? .comma : gap
                case 0x2E, 0x21, 0x3F:
                    kind = .stop
                    gap = .stop
                case 0x3A, 0x3B:
                    kind = .colon
                    gap = .other
                case 0x22:
                    kind = .quote
                    gap = .other
                case 0x2D:
                    kind = .dash
                    gap = .other
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                    // Tabs and line breaks part words but are no tokens.
                    gap = .other
                    i &+= 1
                    continue
                case 0xC2 where i &+ 1 < n && b[i + 1] == 0xA0:
                    i &+= 2 // a no-break space is a space
                    continue
                case 0xC2 where i &+ 1 < n && (b[i + 1] == 0xAB || b[i + 1] == 0xBB):
                    length = 2
                    kind = .quote
                    gap = .other
                case 0xE2 where i &+ 2 < n && b[i + 1] == 0x80:
                    length = 3
                    switch b[i + 2] {
                    case 0x93, 0x94: kind = .dash; gap = .other
                    case 0x98, 0x99, 0x9C, 0x9D, 0x9E: kind = .quote; gap = .other
                    case 0xA6: kind = .stop; gap = .stop // …
                    case 0x80...0x8A, 0xAF: i &+= 3; continue // Unicode spaces
                    default: gap = .other
                    }
                default:
                    length = c < 0x80 ? 1 : Self.scalarLength(c)
                    gap = .other
                }
                let end = min(n, i &+ length)
                if punctuation, !body(Token(start: i, end: end, kind: kind, gap: gap)) { return }
                i = end
                continue
            }
            let start = i
            let isDigit = c >= 0x30 && c <= 0x39
            var e = i
            let raw = UnsafeRawPointer(base)
            while e < n {
                // ASCII letters and digits eight at a time (most of a word), then byte by byte from the first
                // byte that is not one.
                if e &+ 8 <= n {
                    let run = Self.asciiWordRun(raw.loadUnaligned(fromByteOffset: e, as: UInt64.self))
                    e &+= run
                    if run == 8 { continue }
                }
                guard e < n else { break }
                let d = b[e]
                if Self.isWordByte(b, e, n) {
                    e &+= d < 0x80 ? 1 : Self.scalarLength(d)
                } else if (d == 0x2D || d == 0x27) && e &+ 1 < n && Self.isWordByte(b, e + 1, n) {
                    e &+= 1
                } else if d == 0xE2, e &+ 3 < n, b[e + 1] == 0x80, b[e + 2] == 0x99, Self.isWordByte(b, e + 3, n) {
                    e &+= 3
                } else if isDigit, d == 0x2C || d == 0x2E, e &+ 1 < n, Self.isDigit(b[e + 1]), Self.isDigit(b[e - 1]) {
                    e &+= 1 // 15,000 and 3.5
                } else {
                    break
                }
            }
            var possessive: UInt8 = 0
            if e - start > 2, b[e - 1] | 0x20 == 0x73, b[e - 2] == 0x27 {
                possessive = 2
            } else if e - start > 4, b[e - 1] | 0x20 == 0x73, b[e - 2] == 0x99, b[e - 3] == 0x80, b[e - 4] == 0xE2 {
                possessive = 4
            } else if e < n, b[e] == 0x2E, isAbbreviation(b, start..<e) {
                e &+= 1
                while e &+ 1 < n, Self.isLetter(b[e]), b[e + 1] == 0x2E { e &+= 2 } // U.S., a.m.
            } else if !isDigit, b[e - 1] | 0x20 == 0x73 {
                // A bare apostrophe after an `s` is a plural's possessive (`workers'`, `Jones’`) and stays with
                // its word; after anything else it closes a quotation (`‘Kiki’ Mwangi`).
                if e < n, b[e] == 0x27 {
                    e &+= 1
                } else if e &+ 2 < n, b[e] == 0xE2, b[e + 1] == 0x80, b[e + 2] == 0x99 {
                    e &+= 3
                }
            }
            if !body(Token(start: start, end: e, kind: .word, gap: gap, possessive: possessive)) { return }
            gap = .space
            i = e
        }
    }

    /// The tokens of `range`, punctuation included.
    public func tokens(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Token] {
        var out: [Token] = []
        scan(b, range, punctuation: true) { out.append($0); return true }
        return out
    }

    /// Whether the period after `r` belongs to it: an initial (`J.`), an initialism (`U.S.`, `a.m.`), or
    /// an abbreviation.
    @inlinable func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        if r.count == 1 {
            let c = b[r.lowerBound]
            if c >= 0x41 && c <= 0x5A { return true }
            // `a.m.`, `e.g.`: a lower-case letter, a period, a letter and a period.
            let e = r.upperBound
            return Self.isLetter(c) && e &+ 2 < b.count && Self.isLetter(b[e + 1]) && b[e + 2] == 0x2E
        }
        return abbreviations.contains(b, r)
    }

    /// How many of the eight bytes (little-endian: the first is the lowest) are ASCII letters or digits
    /// before the first that is not. Each byte is range-checked in its own lane: with the high bit cleared
    /// first, adding a constant below 0x80 never carries into the next lane.
    @inlinable @inline(__always) static func asciiWordRun(_ w: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = w & 0x7F7F_7F7F_7F7F_7F7F
        let folded = low7 | 0x2020_2020_2020_2020
        // a–z after folding: at least 0x61 and below 0x7B; 0–9: at least 0x30 and below 0x3A.
        let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)
        let digit = (low7 &+ 0x5050_5050_5050_5050) & ~(low7 &+ 0x4646_4646_4646_4646)
        let word = (letter | digit) & ~w & high
        return (~word & high).trailingZeroBitCount >> 3
    }

    /// Whether the byte at `i` starts (or continues) a word: an ASCII letter or digit, or a non-ASCII
    /// letter. Latin-1 punctuation and symbols (U+0080–U+00BF, lead byte C2) and general punctuation,
    /// symbols and arrows (U+2000–U+2FFF, lead byte E2) are not letters.
    @inlinable @inline(__always) public static func isWordByte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) }
        return c >= 0xC3 && c != 0xE2
    }

    /// Whether the scalar at `i` is an upper-case letter: `A`–`Z`, or a non-ASCII capital (`Š`, `Ł`, `Ö`,
    /// `Ж`, `Δ`), which names from most of the world begin with.
    @inlinable public static func startsUppercase(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return c >= 0x41 && c <= 0x5A }
        let n = b.count
        let value: UInt32
        if c >= 0xC2, c < 0xE0, i &+ 1 < n {
            value = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        } else if c >= 0xE0, c < 0xF0, i &+ 2 < n {
            value = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        } else {
            return false
        }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    /// An ASCII letter.
    @inlinable @inline(__always) public static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    /// An ASCII digit.
    @inlinable @inline(__always) public static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// The length in bytes of the scalar that `lead` starts.
    @inlinable @inline(__always) public static func scalarLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }
}
