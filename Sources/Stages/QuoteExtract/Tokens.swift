import LedeText


/// A word or punctuation mark of the text around a quotation.
struct Token {
    enum Kind: UInt8 {
        case word, comma, stop, colon, dash, quote, other
    }

    /// UTF-8 range.
    var start: Int
    var end: Int
    var kind: Kind

    var range: Range<Int> { start..<end }
}

/// Splits short stretches of text into tokens, over UTF-8 bytes.
///
/// A word is letters, digits and non-ASCII letters, with inner hyphens and apostrophes (`Se-yul`,
/// `union's`, `workers’`). A period after a title or an initial (`Dr.`, `Gov.`, `E.`, `U.S.`) belongs to
/// the word, so it does not end a sentence.
struct Tokenizer {
    let b: UnsafeBufferPointer<UInt8>
    let titles: WordSet

    /// The tokens of `range`; with `untilStop`, only those before the first full stop.
    func tokens(_ range: Range<Int>, untilStop: Bool = false) -> [Token] {
        var out: [Token] = []
        tokens(range, untilStop: untilStop, into: &out)
        return out
    }

    /// Fills `out` with the tokens of `range`, reusing its storage; with `appending`, after what it holds.
    func tokens(_ range: Range<Int>, untilStop: Bool = false, into out: inout [Token], appending: Bool = false,
                maxTokens: Int = .max) {
        if !appending { out.removeAll(keepingCapacity: true) }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end, out.count < maxTokens {
            let c = b[i]
            if TextLayout.isSpace(c) { i += 1; continue }
            if c == 0xC2, i + 1 < end, b[i + 1] == 0xA0 { i += 2; continue } // no-break space
            if Self.isWordStart(b, i, end) {
                var e = i
                while e < end {
                    let d = b[e]
                    if Self.isLetterOrDigit(d) && !Self.isPunctuationLead(b, e, end) {
                        e += d < 0x80 ? 1 : Self.scalarLength(d)
                    } else if (d == 0x2D || d == 0x27) && e + 1 < end && Self.isLetterOrDigit(b[e + 1]) && !Self.isPunctuationLead(b, e + 1, end) {
                        e += 1
                    } else if d == 0xE2, e + 3 < end, b[e + 1] == 0x80, b[e + 2] == 0x99, Self.isLetterOrDigit(b[e + 3]) {
                        e += 3 // ’ inside a word
                    } else {
                        break
                    }
                }
                // The period of a title, an initial or an initialism stays with the word.
                if e < end, b[e] == 0x2E, isAbbreviation(i..<e) {
                    e += 1
                    while e + 1 < end, Self.isLetter(b[e]), b[e + 1] == 0x2E { e += 2 } // U.S.
                }
                // A possessive or plural apostrophe at the end (`workers’`, `Workers'`) belongs to the word.
                if e < end, b[e] == 0x27 { e += 1 } else if e + 2 < end, b[e] == 0xE2, b[e + 1] == 0x80, b[e + 2] == 0x99 { e += 3 }
                out.append(Token(start: i, end: e, kind: .word))
                i = e
                continue
            }
            var kind = Token.Kind.other
            var length = 1
            switch c {
            case 0x2C: kind = .comma
            case 0x2E, 0x21, 0x3F: kind = .stop
            case 0x3A, 0x3B: kind = .colon
            case 0x22: kind = .quote
            case 0x2D: kind = .dash
            case 0xE2 where i + 2 < end && b[i + 1] == 0x80:
                length = 3
                switch b[i + 2] {
                case 0x93, 0x94: kind = .dash
                case 0x98, 0x99, 0x9C, 0x9D, 0x9E: kind = .quote
                case 0xA6: kind = .stop // …
                default: kind = .other
                }
            case 0xC2 where i + 1 < end && (b[i + 1] == 0xAB || b[i + 1] == 0xBB):
                length = 2
                kind = .quote
            default:
                length = c < 0x80 ? 1 : Self.scalarLength(c)
            }
            if untilStop, kind == .stop { break }
            out.append(Token(start: i, end: min(end, i + length), kind: kind))
            i += length
        }
    }

    private func isAbbreviation(_ r: Range<Int>) -> Bool {
        if r.count == 1 { return b[r.lowerBound] >= 0x41 && b[r.lowerBound] <= 0x5A } // an initial
        return titles.contains(b, r)
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isLetterOrDigit(_ c: UInt8) -> Bool { isLetter(c) || (c >= 0x30 && c <= 0x39) || c >= 0x80 }

    /// Whether the bytes at `i` are a punctuation character written with a non-ASCII lead byte
    /// (general punctuation U+2000–U+206F, guillemets, no-break space).
    @inline(__always) static func isPunctuationLead(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let c = b[i]
        if c == 0xE2, i + 1 < end, b[i + 1] == 0x80 || b[i + 1] == 0x81 { return true }
        if c == 0xC2, i + 1 < end, b[i + 1] == 0xAB || b[i + 1] == 0xBB || b[i + 1] == 0xA0 { return true }
        return false
    }

    @inline(__always) static func isWordStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        isLetterOrDigit(b[i]) && !isPunctuationLead(b, i, end) && (b[i] < 0x80 || b[i] >= 0xC0)
    }

    @inline(__always) static func scalarLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }
}
