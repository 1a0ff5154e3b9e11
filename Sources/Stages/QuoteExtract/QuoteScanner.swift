import Kernel

/// A quotation the scanner paired: its marks and its content, possibly over several paragraphs.
struct Quotation {
    /// Offset of the opening mark.
    var open: Int
    /// The content, between the outer marks.
    var content: Range<Int>
    /// One past the closing mark.
    var close: Int
    /// Index of the paragraph the quotation opens in.
    var firstParagraph: Int
    /// Index of the paragraph it closes in.
    var lastParagraph: Int
}

/// Pairs quotation marks over a document's paragraphs in one pass over the UTF-8 bytes.
///
/// Double marks pair: straight `"`, curly `“ ”`, low `„`, and guillemets `« »`. Single marks and
/// apostrophes (`‘ ’ '`) stay inside the content. A paragraph that ends inside a quotation continues it only
/// when the next paragraph opens with a quotation mark (the newspaper convention for a speech over several
/// paragraphs); otherwise the unclosed quotation is dropped, the paragraph is reported, and scanning starts
/// afresh, so one bad paragraph cannot shift the pairing of the rest.
enum QuoteScanner {
    /// Paired quotations, and the indexes of paragraphs whose marks did not pair.
    struct Result {
        var quotes: [Quotation] = []
        var unbalanced: [Int] = []
    }

    private enum Family { case straight, curly, guillemet }
    private enum Mark { case straight, opening(Family), closing(Family) }

    /// The mark at `i`, and its length in bytes.
    @inline(__always)
    private static func mark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Mark, Int)? {
        let c = b[i]
        if c == 0x22 { return (.straight, 1) }
        if c == 0xE2, i + 2 < end, b[i + 1] == 0x80 {
            switch b[i + 2] {
            case 0x9C, 0x9E: return (.opening(.curly), 3)
            case 0x9D: return (.closing(.curly), 3)
            default: return nil
            }
        }
        if c == 0xC2, i + 1 < end {
            if b[i + 1] == 0xAB { return (.opening(.guillemet), 2) }
            if b[i + 1] == 0xBB { return (.closing(.guillemet), 2) }
        }
        return nil
    }

    /// Scans the paragraphs (sorted, disjoint ranges of `b`).
    static func scan(_ b: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>]) -> Result {
        var result = Result()
        // The open quotation: where its mark starts, where its content starts, its family and paragraph.
        var open: (at: Int, content: Int, family: Family, paragraph: Int)?
        for (p, paragraph) in paragraphs.enumerated() {
            var i = paragraph.lowerBound
            let end = paragraph.upperBound
            var bad = false
            var nested = 0 // straight quotations open inside a straight quotation
            if open != nil {
                // A quotation carried over (the previous paragraph checked that this one reopens it): skip the mark.
                while i < end, TextLayout.isSpace(b[i]) { i += 1 }
                if let (_, length) = mark(b, i, end) { i += length }
            }
            while i < end {
                let c = b[i]
                guard c == 0x22 || c == 0xE2 || c == 0xC2, let (m, length) = mark(b, i, end) else {
                    i = TextLayout.skipASCII(b, from: i + 1, to: end, except: 0x22)
                    continue
                }
                if let o = open, o.family == .guillemet, !Self.isClosing(m, .guillemet) {
                    i += length // inside guillemets, other double marks are nested quotations
                    continue
                }
                switch m {
                case .straight:
                    if let o = open {
                        if o.family == .straight, Self.looksOpening(b, i, paragraph) {
                            nested += 1 // `"... called "research", would it?"`
                        } else if nested > 0 {
                            nested -= 1
                        } else {
                            Self.close(o, at: i, length: length, paragraph: p, in: b, into: &result)
                            open = nil
                        }
                    } else if i + 1 < end, !TextLayout.isSpace(b[i + 1]) {
                        open = (i, i + 1, .straight, p)
                    } else {
                        bad = true // a lone mark before a space: an inch sign or a stray
                    }
                case .opening(let family):
                    if open != nil { bad = true } // the earlier quotation never closed
                    open = (i, i + length, family, p)
                case .closing(let family):
                    if let o = open, o.family == family || (family == .curly && o.family == .straight) {
                        Self.close(o, at: i, length: length, paragraph: p, in: b, into: &result)
                        open = nil
                    } else {
                        bad = true
                    }
                }
                i += length
            }
            if open != nil, !Self.nextReopens(b, paragraphs, after: p) {
                bad = true
                open = nil
            }
            if bad { result.unbalanced.append(p) }
        }
        return result
    }

    /// A straight mark with a space (or the paragraph start) before it and a letter or digit after it.
    private static func looksOpening(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ paragraph: Range<Int>) -> Bool {
        guard i > paragraph.lowerBound, i + 1 < paragraph.upperBound else { return false }
        let before = b[i - 1], after = b[i + 1]
        return (before == 0x20 || before == 0x28) && (Tokenizer.isLetterOrDigit(after) && after < 0x80)
    }

    private static func isClosing(_ m: Mark, _ family: Family) -> Bool {
        if case .closing(let f) = m { return f == family }
        return false
    }

    private static func reopens(_ m: Mark) -> Bool {
        switch m {
        case .straight, .opening: return true
        case .closing: return false
        }
    }

    private static func nextReopens(_ b: UnsafeBufferPointer<UInt8>, _ paragraphs: [Range<Int>], after p: Int) -> Bool {
        guard p + 1 < paragraphs.count else { return false }
        var k = paragraphs[p + 1].lowerBound
        let end = paragraphs[p + 1].upperBound
        while k < end, TextLayout.isSpace(b[k]) { k += 1 }
        guard k < end, let (m, _) = mark(b, k, end) else { return false }
        return reopens(m)
    }

    private static func close(_ o: (at: Int, content: Int, family: Family, paragraph: Int), at i: Int, length: Int,
                              paragraph: Int, in b: UnsafeBufferPointer<UInt8>, into result: inout Result) {
        // Empty or blank content (`""`, a run of marks) is no quotation.
        var k = o.content
        while k < i, TextLayout.isSpace(b[k]) { k += 1 }
        guard k < i else { return }
        result.quotes.append(Quotation(open: o.at, content: o.content..<i, close: i + length,
                                       firstParagraph: o.paragraph, lastParagraph: paragraph))
    }
}
