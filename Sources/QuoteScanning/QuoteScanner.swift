import LedeText


/// A quotation the scanner paired: its marks and its content, possibly over several paragraphs.
package struct Quotation {
    /// Offset of the opening mark.
    package var open: Int
    /// The content, between the outer marks.
    package var content: Range<Int>
    /// One past the closing mark.
    package var close: Int
    /// Index of the paragraph the quotation opens in.
    package var firstParagraph: Int
    /// Index of the paragraph it closes in.
    package var lastParagraph: Int
    /// No closing mark: the quotation was closed at its paragraph's end.
    package var unclosed = false

    package init(open: Int, content: Range<Int>, close: Int, firstParagraph: Int, lastParagraph: Int, unclosed: Bool = false) {
        (self.open, self.content, self.close) = (open, content, close)
        (self.firstParagraph, self.lastParagraph, self.unclosed) = (firstParagraph, lastParagraph, unclosed)
    }
}

/// Pairs quotation marks over a document's paragraphs in one pass over the UTF-8 bytes.
///
/// Double marks pair: straight `"`, curly `“ ”`, low `„`, and guillemets `« »`. Outside a double quotation,
/// single marks (`' ‘ ’`, the British style) pair too, but only as a whole: an opening mark at the start of a
/// word and a closing mark at the end of one in the same paragraph (or in a later paragraph that the
/// quotation reopens), so apostrophes (`don't`, `Smiths' house`, `’90s`) are never taken for quotation marks.
/// Inside a double quotation, single marks stay in the content, except a `’` typed for its closing mark; an opening
/// mark typed for the closing one before the attribution (`..., “ he said.`) closes it too.
///
/// A paragraph that ends inside a quotation continues it only when the next paragraph opens with a
/// quotation mark (the newspaper convention for a speech over several paragraphs); otherwise the quotation is
/// closed at the paragraph's end and marked `unclosed`, the paragraph is reported, and scanning starts
/// afresh, so a missing closing mark never joins two paragraphs' quotations. The one exception is a quotation
/// that opened inside its paragraph, after the words attributing it (`“...,” the chief said. “We are ... safe.`),
/// and a next paragraph whose only mark closes it at its end (`Once more, thank you ... station.”`): that
/// paragraph is the speech's continuation with its opening mark left out. (A quotation that opens its paragraph
/// is left as it was: the wild set's `40-borno-report` labels that form as two paragraphs, the first speech.)
package enum QuoteScanner {
    /// Paired quotations, and the indexes of paragraphs whose marks did not pair.
    package struct Result {
        package var quotes: [Quotation] = []
        package var unbalanced: [Int] = []
        /// Paragraphs whose last quotation had no closing mark and was closed at the paragraph's end.
        package var unclosed: [Int] = []
    }

    private enum Family { case straight, curly, guillemet }
    private enum Mark { case straight, opening(Family), closing(Family) }

    /// The mark at `i`, and its length in bytes.
    @inline(__always)
    private static func mark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Mark, Int)? {
        let c = b[i]
        if c == 0x22 { return (.straight, 1) }
        // `''We will act.''`: two apostrophes typed for a straight double mark (South Asian wire copy).
        if c == 0x27, i + 1 < end, b[i + 1] == 0x27 { return (.straight, 2) }
        // `‘’Then, they are left ...’’`: two curly single marks typed for a double one (West African wire copy), either
        // way round, so they open and close as a straight mark does.
        if doubledSingle(b, i, end) { return (.straight, 6) }
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

    /// Whether a closing curly double mark ends the text from `i` to `end` (but for spaces), with no double mark before it.
    private static func closesDoubleOnly(_ b: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int) -> Bool {
        var e = end
        while e > i, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        guard e - i >= 6, b[e - 3] == 0xE2, b[e - 2] == 0x80, b[e - 1] == 0x9D else { return false }
        var k = i
        while k < e - 3 {
            if b[k] == 0x22 || b[k] == 0xE2 && b[k + 1] == 0x80 && (b[k + 2] == 0x9C || b[k + 2] == 0x9D) { return false }
            k += 1
        }
        return true
    }

    /// Whether two curly single marks (`‘’`, `’’`, `‘‘`) stand at `i`.
    @inline(__always)
    private static func doubledSingle(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        i + 5 < end && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] & 0xFE == 0x98
            && b[i + 3] == 0xE2 && b[i + 4] == 0x80 && b[i + 5] & 0xFE == 0x98
    }

    /// Scans the paragraphs (sorted, disjoint ranges of `b`). With `cues` (the verbs of saying), an opening curly
    /// mark typed for the closing one before its attribution (`..., “ he said.`) closes the quotation.
    package static func scan(_ b: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>], cues: WordSet? = nil) -> Result {
        var result = Result()
        // The open quotation: where its mark starts, where its content starts, its family and paragraph.
        var open: (at: Int, content: Int, family: Family, paragraph: Int)?
        // Where scanning resumes after a single-quoted speech that ran into a later paragraph.
        var resume: (paragraph: Int, at: Int)?
        for (p, paragraph) in paragraphs.enumerated() {
            var i = paragraph.lowerBound
            let end = paragraph.upperBound
            if let r = resume {
                if p < r.paragraph { continue }
                i = r.at
                resume = nil
            }
            var bad = false
            var nested = 0 // straight quotations open inside a straight quotation
            if open != nil {
                // A quotation carried over (the previous paragraph checked that this one reopens it): skip the mark.
                while i < end, TextLayout.isSpace(b[i]) { i += 1 }
                if let (_, length) = mark(b, i, end) { i += length }
            }
            while i < end {
                let c = b[i]
                guard c == 0x22 || c == 0x27 || c == 0xE2 || c == 0xC2 else {
                    i = skipPlain(b, from: i + 1, to: end)
                    continue
                }
                let doubled = c == 0x27 && i + 1 < end && b[i + 1] == 0x27 || c == 0xE2 && doubledSingle(b, i, end)
                if open == nil, !doubled, let length = singleOpening(b, i, paragraph) {
                    if let q = pairSingle(b, paragraphs, p, at: i, length: length) {
                        result.quotes.append(q)
                        if q.lastParagraph > p {
                            resume = (q.lastParagraph, q.close)
                            break
                        }
                        i = q.close
                    } else if length == 3, startsParagraph(b, i, paragraph), closesDoubleOnly(b, from: i + length, to: end) {
                        // `‘We have seen ... last year.”`: a curly single mark typed for the double one that closes it.
                        open = (i, i + length, .curly, p)
                        i += length
                    } else {
                        i += length
                    }
                    continue
                }
                if let o = open, o.family == .curly, nested == 0, !doubled, singleClosesDouble(b, i, paragraph) {
                    // `“... on Tuesday,’ Quill said.`: a single closing mark typed for the double one.
                    Self.close(o, at: i, length: 3, paragraph: p, in: b, into: &result)
                    open = nil
                    i += 3
                    continue
                }
                guard let (m, length) = mark(b, i, end) else {
                    i += 1
                    continue
                }
                if let o = open, o.family == .guillemet, !Self.isClosing(m, .guillemet) {
                    i += length // inside guillemets, other double marks are nested quotations
                    continue
                }
                switch m {
                case .straight:
                    if let o = open {
                        if o.family == .straight, Self.looksOpening(b, i, paragraph), !Self.closesUnspaced(b, i, paragraph) {
                            nested += 1 // `"... called "research", would it?"`
                        } else if nested > 0 {
                            nested -= 1
                        } else {
                            Self.close(o, at: i, length: length, paragraph: p, in: b, into: &result)
                            open = nil
                        }
                    } else if i + length < end, !TextLayout.isSpace(b[i + length]) {
                        open = (i, i + length, .straight, p)
                    } else {
                        bad = true // a lone mark before a space: an inch sign or a stray
                    }
                case .opening(let family):
                    if let o = open, o.family == .curly, family == .curly, nested == 0, let cues,
                       openingCloses(b, i, length, paragraph, cues) {
                        // `“... a long time ago, “ he said.`: an opening mark typed for the closing one.
                        var e = i
                        while e > o.content, b[e - 1] == 0x20 { e -= 1 }
                        Self.close(o, at: e, length: i + length - e, paragraph: p, in: b, into: &result)
                        open = nil
                    } else if let o = open, o.family == family, family == .curly, nestedAhead(b, paragraphs, p, from: i + length) {
                        nested += 1 // `“... the “Office of the Past Governor” in the House.`: the same marks, nested
                    } else {
                        if let o = open, let stop = introducedSentence(b, o.content, i, paragraph, cues) {
                            // `“I agree with Jo.  He went on to say, “...”`: the earlier quotation never closed; it ends
                            // before the sentence that introduces this one.
                            let before = result.quotes.count
                            Self.close(o, at: stop, length: 0, paragraph: p, in: b, into: &result)
                            if result.quotes.count > before { result.quotes[before].unclosed = true }
                        } else if open != nil {
                            bad = true // the earlier quotation never closed
                        }
                        open = (i, i + length, family, p)
                    }
                case .closing(let family):
                    if open == nil, family == .curly, i >= paragraph.lowerBound + 3, b[i - 3] == 0xE2, b[i - 2] == 0x80, b[i - 1] == 0x9D {
                        // `... died,””- said Ms Katanga`: a closing mark typed twice; the second closes nothing.
                    } else if let o = open, o.family == .curly, family == .curly, nested > 0 {
                        nested -= 1
                    } else if let o = open, o.family == family || (family == .curly && o.family == .straight) {
                        Self.close(o, at: i, length: length, paragraph: p, in: b, into: &result)
                        open = nil
                    } else if open == nil, family == .curly, startsParagraph(b, i, paragraph) || introduces(b, i, paragraph),
                              i + length < end, !TextLayout.isSpace(b[i + length]) || startsParagraph(b, i, paragraph)
                                || spaceThenCapital(b, i + length, end) {
                        // `” Contrary to ...,” he added.`, `saying, ” First you go ...”`: a closing mark typed for an
                        // opening one.
                        open = (i, i + length, .curly, p)
                    } else if open == nil, family == .curly, i >= paragraph.lowerBound + 2, b[i - 1] == 0x20,
                              b[i - 2] == 0x2E || b[i - 2] == 0x3F || b[i - 2] == 0x21, i + length < end, b[i + length] &- 0x41 < 26 {
                        // `... for the result. ”Yes, of course. When you lose 5-0, ...," Costa said.`: after a sentence's
                        // end and before a capital, a closing mark opens.
                        open = (i, i + length, .curly, p)
                    } else {
                        bad = true
                    }
                }
                i += length
            }
            if resume != nil { continue }
            // `“It’s not about the increase ..., he said.` with no closing mark: the attribution ending the paragraph closes
            // the quotation at its comma, and the next paragraph's opening mark starts another.
            if let o = open, let comma = Self.tailAttribution(b, from: o.content, to: end, cues) {
                let before = result.quotes.count
                Self.close(o, at: comma, length: 0, paragraph: p, in: b, into: &result)
                if result.quotes.count > before { result.quotes[before].unclosed = true }
                result.unclosed.append(p)
                open = nil
                continue
            }
            if let o = open, !Self.nextReopens(b, paragraphs, after: p),
               o.paragraph < p || !Self.nextClosesBeforeCue(b, paragraphs, after: p, o.family, cues)
                && (startsParagraph(b, o.at, paragraph) || !Self.nextContinues(b, paragraphs, after: p, o.family)) {
                // Closed at the paragraph's end, never joined to the next paragraph's text.
                var e = end
                while e > o.content, TextLayout.isSpace(b[e - 1]) { e -= 1 }
                let before = result.quotes.count
                Self.close(o, at: e, length: end - e, paragraph: p, in: b, into: &result)
                if result.quotes.count > before { result.quotes[before].unclosed = true }
                result.unclosed.append(p)
                open = nil
            }
            if bad { result.unbalanced.append(p) }
        }
        return result
    }

    /// Skips bytes that cannot start a quotation mark: ASCII other than `"` and `'`, eight at a time.
    @inline(__always)
    private static func skipPlain(_ b: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int) -> Int {
        var i = i
        guard let base = b.baseAddress else { return i }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let dq = ones &* 0x22, sq = ones &* 0x27
        while i + 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let x = w ^ dq, y = w ^ sq
            if (w | ((x &- ones) & ~x) | ((y &- ones) & ~y)) & highs != 0 { break }
            i += 8
        }
        while i < end, b[i] < 0x80, b[i] != 0x22, b[i] != 0x27 { i += 1 }
        return i
    }

    /// Whether an opening curly mark inside a curly quotation is a nested quotation: two closing marks follow
    /// before any other opening mark, or one does and the paragraph's speech goes on in the next paragraph.
    private static func nestedAhead(_ b: UnsafeBufferPointer<UInt8>, _ paragraphs: [Range<Int>], _ p: Int, from i: Int) -> Bool {
        var k = i
        let end = paragraphs[p].upperBound
        var closings = 0
        while k + 2 < end {
            if b[k] == 0xE2, b[k + 1] == 0x80 {
                if b[k + 2] == 0x9C { return false }
                if b[k + 2] == 0x9D {
                    closings += 1
                    if closings == 2 { return true }
                }
            }
            k += 1
        }
        return closings == 1 && nextReopens(b, paragraphs, after: p)
    }

    /// Whether the curly opening mark at `i`, inside a curly quotation, closes it: a comma or a sentence's end
    /// stands before it (spaces between or not) and a verb of saying within the next four words after it
    /// (`ago, “ he said.`, `ago,“ Ms Quill added.`), so its words are the attribution, never a quotation; or the
    /// paragraph ends after it.
    private static func openingCloses(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int, _ paragraph: Range<Int>,
                                      _ cues: WordSet) -> Bool {
        var k = i
        while k > paragraph.lowerBound, b[k - 1] == 0x20 { k -= 1 }
        guard k > paragraph.lowerBound else { return false }
        let before = b[k - 1]
        guard before == 0x2C || before == 0x2E || before == 0x3F || before == 0x21 else { return false }
        var j = i + length
        while j < paragraph.upperBound, TextLayout.isSpace(b[j]) { j += 1 }
        if j == paragraph.upperBound { return true } // `... a long time ago.“` ending the paragraph
        for _ in 0..<4 {
            while j < paragraph.upperBound, b[j] == 0x20 { j += 1 }
            guard j < paragraph.upperBound, WordScanner.isLetter(b[j]) else { return false }
            var e = j
            while e < paragraph.upperBound, WordScanner.isLetter(b[e]) || b[e] == 0x2E { e += 1 }
            var w = e
            while w > j, b[w - 1] == 0x2E { w -= 1 } // `said.`
            if cues.contains(b, j..<w) { return true }
            j = e
        }
        return false
    }

    /// Whether the single closing mark `’` at `i`, inside a curly double quotation, closes it: it follows a comma or
    /// a sentence's end and stands before a space or the paragraph's end, the paragraph opens no single quotation
    /// (`‘`), and the next double mark after it opens a quotation (`“... Tuesday,’ Quill said. “I am ...”`).
    private static func singleClosesDouble(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ paragraph: Range<Int>) -> Bool {
        guard b[i] == 0xE2, i + 2 < paragraph.upperBound, b[i + 1] == 0x80, b[i + 2] == 0x99, i > paragraph.lowerBound else {
            return false
        }
        let before = b[i - 1]
        guard before == 0x2C || before == 0x2E || before == 0x3F || before == 0x21 else { return false }
        guard i + 3 == paragraph.upperBound || TextLayout.isSpace(b[i + 3]) else { return false }
        var k = paragraph.lowerBound
        var closingAhead = false, openingAhead = false
        while k + 2 < paragraph.upperBound {
            if b[k] == 0xE2, b[k + 1] == 0x80 {
                if b[k + 2] == 0x98 { return false }
                if k > i, !closingAhead, !openingAhead {
                    if b[k + 2] == 0x9D { closingAhead = true }
                    if b[k + 2] == 0x9C { openingAhead = true }
                }
            }
            k += 1
        }
        return !closingAhead
    }

    /// `“I agree with Jo.  He went on to say, “...`: where a quotation left open ends (one past its sentence's full stop,
    /// `?` or `!`) when the words between that stop and the opening mark at `i` are a short sentence of their own
    /// (a capital, at most ten words) with a verb of saying, ending in a comma or a colon before the mark.
    private static func introducedSentence(_ b: UnsafeBufferPointer<UInt8>, _ content: Int, _ i: Int, _ paragraph: Range<Int>,
                                           _ cues: WordSet?) -> Int? {
        guard let cues, introduces(b, i, paragraph) else { return nil }
        var k = i
        while k > content, b[k - 1] == 0x20 { k -= 1 }
        k -= 1 // the comma or colon
        // Back to the stop before a space, over no quotation mark, within eighty bytes.
        var stop = k
        while stop > content, k - stop <= 80 {
            let c = b[stop - 1]
            if c == 0x2E || c == 0x3F || c == 0x21, b[stop] == 0x20 { break }
            if c == 0x22 || c == 0x9C || c == 0x9D { return nil }
            stop -= 1
        }
        guard stop > content, k - stop <= 80, b[stop] == 0x20 else { return nil }
        // (Not the period of `Mr.` or `Dr.`: a short capitalized word before it.)
        var w = stop - 1
        while w > content, WordScanner.isLetter(b[w - 1]) { w -= 1 }
        guard stop - 1 - w > 3 || b[w] &- 0x41 >= 26 else { return nil }
        var j = stop
        while j < k, b[j] == 0x20 { j += 1 }
        guard j < k, b[j] &- 0x41 < 26 else { return nil }
        var words = 0, cue = false
        while j < k {
            guard WordScanner.isLetter(b[j]) else { j += 1; continue }
            var e = j
            while e < k, WordScanner.isLetter(b[e]) { e += 1 }
            words += 1
            if cues.contains(b, j..<e) { cue = true }
            j = e
        }
        return cue && words <= 10 ? stop : nil
    }

    /// Whether a colon or comma stands before the mark at `i`, with spaces between.
    private static func introduces(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ paragraph: Range<Int>) -> Bool {
        var k = i
        while k > paragraph.lowerBound, b[k - 1] == 0x20 { k -= 1 }
        return k > paragraph.lowerBound && (b[k - 1] == 0x3A || b[k - 1] == 0x2C)
    }

    /// A space, then an ASCII capital.
    private static func spaceThenCapital(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        i + 1 < end && b[i] == 0x20 && b[i + 1] >= 0x41 && b[i + 1] <= 0x5A
    }

    /// Whether only spaces stand between the paragraph's start and `i`.
    private static func startsParagraph(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ paragraph: Range<Int>) -> Bool {
        var k = paragraph.lowerBound
        while k < i, TextLayout.isSpace(b[k]) { k += 1 }
        return k == i
    }

    /// The length of the single mark at `i`: 1 for `'`, 3 for the curly one whose last UTF-8 byte is `curly`
    /// (0x98 `‘`, 0x99 `’`); nil for any other character.
    private static func singleMark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ paragraph: Range<Int>, curly: UInt8) -> Int? {
        if b[i] == 0x27 { return 1 }
        if b[i] == 0xE2, i + 2 < paragraph.upperBound, b[i + 1] == 0x80, b[i + 2] == curly { return 3 }
        return nil
    }

    /// The length of a single mark (`'` or `‘`) at `i` that can open a quotation: at a paragraph's start or
    /// after a space, bracket, dash or colon, and before a letter or digit (or an opening square bracket and one;
    /// or, at a paragraph's start, a space), but not a decade (`'90s`).
    private static func singleOpening(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ paragraph: Range<Int>) -> Int? {
        guard let length = singleMark(b, i, paragraph, curly: 0x98) else { return nil }
        let next = i + length
        guard next < paragraph.upperBound else { return nil }
        let atStart = startsParagraph(b, i, paragraph)
        if !atStart {
            let before = b[i - 1]
            let dash = before == 0x94 || before == 0x93 // — –
            guard before == 0x20 || before == 0x28 || before == 0x5B || before == 0x2D || before == 0x3A || before == 0x0A || dash
            else { return nil }
        }
        let after = b[next]
        if after == 0x20 {
            return atStart && next + 1 < paragraph.upperBound && Tokenizer.isLetterOrDigit(b[next + 1]) ? length : nil
        }
        // (`‘[Seeing the show] changed my life’`: a word the writer put in brackets may open it.)
        if after == 0x5B { return next + 1 < paragraph.upperBound && WordScanner.isWordByte(b, next + 1, paragraph.upperBound) ? length : nil }
        guard WordScanner.isWordByte(b, next, paragraph.upperBound) else { return nil }
        if after >= 0x30, after <= 0x39, next + 2 < paragraph.upperBound, b[next + 2] == 0x73 { return nil } // '90s
        return length
    }

    /// The length of a single mark (`'` or `’`) at `i` that can close a quotation: after a word or a
    /// punctuation mark, before a space, punctuation or the paragraph's end, and not a plural's apostrophe
    /// (`workers' union`: an `s` before it, a lowercase word after it).
    private static func singleClosing(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ paragraph: Range<Int>) -> Int? {
        guard let length = singleMark(b, i, paragraph, curly: 0x99) else { return nil }
        guard i > paragraph.lowerBound, !TextLayout.isSpace(b[i - 1]) else { return nil }
        let next = i + length
        guard next < paragraph.upperBound else { return length }
        let after = b[next]
        if WordScanner.isWordByte(b, next, paragraph.upperBound) { return nil }
        if b[i - 1] == 0x73, after == 0x20, next + 1 < paragraph.upperBound, b[next + 1] >= 0x61, b[next + 1] <= 0x7A { return nil }
        return length
    }

    /// The single-quoted quotation opening at `i`, if a closing mark ends it in this paragraph or in a later one
    /// that each paragraph in between reopens with a single mark; nil when the mark is an apostrophe after all.
    private static func pairSingle(_ b: UnsafeBufferPointer<UInt8>, _ paragraphs: [Range<Int>], _ p: Int,
                                   at i: Int, length: Int) -> Quotation? {
        var content = i + length
        while content < paragraphs[p].upperBound, b[content] == 0x20 { content += 1 } // `' As ministers, ...'`
        var q = p
        var k = content
        // The first `’` after an `s` and before a lowercase word (`remarks’ made`): a plural's apostrophe, unless a
        // second `‘` opens before any closing mark, which only a closed quotation lets happen (`for ‘remarks’ made
        // about her having ‘a vendetta’`). Curly opening marks are no apostrophes, so only those count.
        let curly = b[i] == 0xE2
        var plural: Int?
        while true {
            let paragraph = paragraphs[q]
            while k < paragraph.upperBound {
                let c = b[k]
                if c == 0x27 || c == 0xE2, let closing = singleClosing(b, k, paragraph) {
                    guard k > content + 1 else { return nil } // `rock 'n' roll`
                    return Quotation(open: i, content: content..<k, close: k + closing, firstParagraph: p, lastParagraph: q)
                }
                // `called them 'thugs' and 'cowards'`: with straight marks, the same, when the second mark is closed too.
                if !curly, q == p, c == 0x27 {
                    if plural == nil, k > content + 1, b[k - 1] == 0x73, k + 2 < paragraph.upperBound, b[k + 1] == 0x20,
                       b[k + 2] >= 0x61, b[k + 2] <= 0x7A { plural = k }
                    if let end = plural, k > end, singleOpening(b, k, paragraph) != nil,
                       (k + 1..<paragraph.upperBound).contains(where: { b[$0] == 0x27 && singleClosing(b, $0, paragraph) != nil }) {
                        return Quotation(open: i, content: content..<end, close: end + 1, firstParagraph: p, lastParagraph: p)
                    }
                }
                if curly, q == p, c == 0xE2, k + 2 < paragraph.upperBound, b[k + 1] == 0x80 {
                    if b[k + 2] == 0x99, plural == nil, k > content + 1, b[k - 1] == 0x73, k + 4 < paragraph.upperBound,
                       b[k + 3] == 0x20, b[k + 4] >= 0x61, b[k + 4] <= 0x7A { plural = k }
                    if b[k + 2] == 0x98, let end = plural, singleOpening(b, k, paragraph) != nil {
                        return Quotation(open: i, content: content..<end, close: end + 3, firstParagraph: p, lastParagraph: p)
                    }
                }
                k += 1
            }
            // A speech over several paragraphs: each paragraph opens with the mark, only the last closes it. The
            // first opens its paragraph or follows a colon or comma (`The Taoiseach said: 'I find ...`).
            guard startsParagraph(b, i, paragraphs[p]) || introduces(b, i, paragraphs[p]), q + 1 < paragraphs.count else { return nil }
            let next = paragraphs[q + 1]
            k = next.lowerBound
            while k < next.upperBound, TextLayout.isSpace(b[k]) { k += 1 }
            guard k < next.upperBound, let reopening = singleOpening(b, k, next) else { return nil }
            k += reopening
            q += 1
        }
    }

    /// `"... the footage, "inspector Sam Ode said.`: a straight mark typed against the attribution after it closes the
    /// quotation when punctuation and a space stand before it and no other straight mark follows in the paragraph
    /// (a nested quotation would need one to close it).
    private static func closesUnspaced(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ paragraph: Range<Int>) -> Bool {
        guard i >= paragraph.lowerBound + 2 else { return false }
        let p = b[i - 2]
        guard p == 0x2C || p == 0x2E || p == 0x3F || p == 0x21 else { return false }
        var k = i + 1
        while k < paragraph.upperBound {
            if b[k] == 0x22 { return false }
            k += 1
        }
        return true
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

    /// The comma before an attribution that ends a paragraph left inside a quotation: a pronoun or up to four
    /// capitalized words, a verb of saying among the next words, and the paragraph's full stop (`..., he said.`,
    /// `..., Ms Tovali added.`); nil when the paragraph ends otherwise.
    private static func tailAttribution(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ cues: WordSet?) -> Int? {
        guard let cues else { return nil }
        var e = end
        while e > start, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        guard e > start + 1, b[e - 1] == 0x2E else { return nil }
        var c = e - 2
        while c > start, e - c <= 64, b[c] != 0x2C { c -= 1 }
        guard c > start, b[c] == 0x2C else { return nil }
        // The words after the comma, to the full stop.
        var words: [Range<Int>] = []
        var i = c + 1
        while i < e - 1, words.count <= 7 {
            while i < e - 1, b[i] == 0x20 { i += 1 }
            var j = i
            while j < e - 1, b[j] != 0x20 { j += 1 }
            guard j > i, (i..<j).allSatisfy({ WordScanner.isLetter(b[$0]) || b[$0] >= 0x80 || b[$0] == 0x27 || b[$0] == 0x2E || b[$0] == 0x2D })
            else { return nil }
            words.append(i..<j)
            i = j
        }
        guard words.count >= 2, words.count <= 7, let k = words.indices.dropFirst().prefix(4).first(where: { cues.contains(b, words[$0]) })
        else { return nil }
        let subject = words[..<k]
        let pronoun = subject.count == 1 && ["he", "she", "they"].contains { word in
            word.utf8.count == subject[0].count && zip(word.utf8, b[subject[0]]).allSatisfy { $0 == WordSet.lower($1) } }
        guard pronoun || subject.allSatisfy({ b[$0.lowerBound] &- 0x41 < 26 }) else { return nil }
        return c
    }

    private static func nextReopens(_ b: UnsafeBufferPointer<UInt8>, _ paragraphs: [Range<Int>], after p: Int) -> Bool {
        guard p + 1 < paragraphs.count else { return false }
        var k = paragraphs[p + 1].lowerBound
        let end = paragraphs[p + 1].upperBound
        while k < end, TextLayout.isSpace(b[k]) { k += 1 }
        guard k < end, let (m, _) = mark(b, k, end) else { return false }
        return reopens(m)
    }

    /// Whether paragraph `p + 1` continues a quotation of `family` left open at the end of paragraph `p`
    /// though its opening mark is missing: its only quotation mark closes that family's quotation at the
    /// paragraph's end, after its words.
    /// Whether paragraph `p + 1` is the rest of a speech left open, closed before its attribution: it opens with a word,
    /// its first mark is a closing one of the family after a comma or a sentence's end, and a verb of saying follows
    /// within twelve words of the same sentence (`Instead, millions of kilos ... are burned,” the project's lead
    /// researcher, QU Professor X, told Y.`).
    /// A next paragraph that only ends on a closing mark, with no attribution, is left as two (the wild set's
    /// `40-borno-report`).
    private static func nextClosesBeforeCue(_ b: UnsafeBufferPointer<UInt8>, _ paragraphs: [Range<Int>], after p: Int,
                                            _ family: Family, _ cues: WordSet?) -> Bool {
        guard let cues, family == .curly, p + 1 < paragraphs.count else { return false }
        let next = paragraphs[p + 1]
        var k = next.lowerBound
        while k < next.upperBound, TextLayout.isSpace(b[k]) { k += 1 }
        guard k < next.upperBound, Tokenizer.isLetterOrDigit(b[k]) else { return false }
        while k < next.upperBound {
            if let (m, length) = mark(b, k, next.upperBound) {
                guard case .closing(.curly) = m, k > next.lowerBound, [0x2C, 0x2E, 0x3F, 0x21].contains(b[k - 1]) else { return false }
                var j = k + length
                for _ in 0..<12 {
                    // (Past a doubled closing mark and a dash: `... died,””- said Ms Katanga`.)
                    while j < next.upperBound {
                        if b[j] == 0x20 || b[j] == 0x2C || b[j] == 0x2D { j += 1 } else if let (_, l) = mark(b, j, next.upperBound) { j += l }
                        else if b[j] == 0xE2, j + 2 < next.upperBound, b[j + 1] == 0x80, b[j + 2] == 0x93 || b[j + 2] == 0x94 { j += 3 }
                        else { break }
                    }
                    guard j < next.upperBound, WordScanner.isLetter(b[j]) else { return false }
                    var e = j
                    while e < next.upperBound, WordScanner.isLetter(b[e]) || b[e] == 0x27 || b[e] == 0xE2 && e + 2 < next.upperBound
                        && b[e + 1] == 0x80 && b[e + 2] == 0x99 {
                        e += b[e] == 0xE2 ? 3 : 1
                    }
                    if cues.contains(b, j..<e) { return true }
                    j = e
                }
                return false
            }
            k += 1
        }
        return false
    }

    private static func nextContinues(_ b: UnsafeBufferPointer<UInt8>, _ paragraphs: [Range<Int>], after p: Int,
                                      _ family: Family) -> Bool {
        guard p + 1 < paragraphs.count else { return false }
        let next = paragraphs[p + 1]
        var e = next.upperBound
        while e > next.lowerBound, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        var k = next.lowerBound
        while k < e, TextLayout.isSpace(b[k]) { k += 1 }
        guard k < e, Tokenizer.isLetterOrDigit(b[k]) else { return false }
        while k < e {
            if let (m, length) = mark(b, k, e) {
                guard k + length == e else { return false } // a mark before the end: not this case
                switch m {
                case .straight: return family == .straight && !TextLayout.isSpace(b[k - 1])
                case .closing(let f): return f == family || (f == .curly && family == .straight)
                case .opening: return false
                }
            }
            k += 1
        }
        return false
    }

    private static func close(_ o: (at: Int, content: Int, family: Family, paragraph: Int), at i: Int, length: Int,
                              paragraph: Int, in b: UnsafeBufferPointer<UInt8>, into result: inout Result) {
        // Empty or blank content (`""`, a run of marks) is no quotation; a space after the mark is not content.
        var k = o.content
        while k < i, TextLayout.isSpace(b[k]) { k += 1 }
        guard k < i else { return }
        result.quotes.append(Quotation(open: o.at, content: k..<i, close: i + length,
                                       firstParagraph: o.paragraph, lastParagraph: paragraph))
    }
}
