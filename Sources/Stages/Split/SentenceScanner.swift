import LedeText


/// Finds sentence boundaries in one paragraph by scanning its UTF-8 bytes once.
///
/// It decides at each `.`, `?`, `!` or ellipsis by looking at the word before (abbreviation, initial,
/// acronym, number) and the word after (its case, whether it usually starts a sentence), and it starts a
/// new sentence before inline list markers (`2.)`, `• 10.`, `b.`). The cases it handles are the English
/// Golden Rules plus news copy: `Oct. 28`, `Gen. Kim`, `U.S. officials`, quotes that close after the stop.
struct SentenceScanner: Sendable {
    let abbreviations: Abbreviations

    /// Sentence ranges (trimmed, absolute byte offsets) within `start..<end`.
    func sentences(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        let markers = ListMarkers(b, start, end)
        var result: [Range<Int>] = []
        var sentenceStart = skipSpace(b, start, end)
        var i = sentenceStart

        func cut(at boundary: Int, next: Int) {
            let trimmedEnd = trimEnd(b, sentenceStart, boundary)
            if trimmedEnd > sentenceStart { result.append(sentenceStart..<trimmedEnd) }
            sentenceStart = skipSpace(b, next, end)
        }

        if let line = headlineLineEnd(b, sentenceStart, end) {
            cut(at: line, next: line)
            i = sentenceStart
        }

        // List markers are rare: walk their sorted offsets with a cursor instead of testing every byte.
        let starts = markers.starts.sorted()
        var nextStart = 0
        while i < end {
            let c = b[i]
            if nextStart < starts.count, i >= starts[nextStart] {
                if i == starts[nextStart], i > sentenceStart, hasWordCharacter(b, sentenceStart, i) {
                    cut(at: i, next: i)
                }
                nextStart += 1
                continue
            }
            guard c == 0x2E || c == 0x3F || c == 0x21 || c == 0xE2 else {
                // Skip ahead eight bytes at a time while none of them can end a sentence.
                i += 1
                let limit = nextStart < starts.count ? min(end, starts[nextStart]) : end
                while i + 8 <= limit, !Self.mayEnd(Self.load8(b, i)) { i += 8 }
                continue
            }
            if c == 0x2E || c == 0x3F || c == 0x21 || isEllipsisChar(b, i, end) {
                if c == 0x2E, !markers.periods.isEmpty, markers.periods.contains(i) {
                    i += 1
                    continue
                }
                let decision = decide(b, at: i, sentenceStart: sentenceStart, end: end)
                switch decision {
                case .continueAt(let next):
                    i = next
                case .boundary(let after, let next):
                    cut(at: after, next: next)
                    i = max(next, after)
                }
                continue
            }
            i += 1
        }
        if sentenceStart < end {
            let trimmedEnd = trimEnd(b, sentenceStart, end)
            if trimmedEnd > sentenceStart { result.append(sentenceStart..<trimmedEnd) }
        }
        return result
    }

    @inline(__always) static func load8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }

    /// Whether any of eight bytes is `.`, `?`, `!` or 0xE2 (which starts `…`), tested all at once.
    @inline(__always) static func mayEnd(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return hasZero(w ^ (ones &* 0x2E)) | hasZero(w ^ (ones &* 0x3F)) | hasZero(w ^ (ones &* 0x21))
            | hasZero(w ^ (ones &* 0xE2)) != 0
    }

    enum Decision {
        /// Not a boundary; resume scanning here.
        case continueAt(Int)
        /// A sentence ends at `after`; the next one may start at `next`.
        case boundary(after: Int, next: Int)
    }

    enum NextKind { case upper, lower, digit, other, end }

    // MARK: The decision at a terminal

    private func decide(_ b: UnsafeBufferPointer<UInt8>, at i: Int, sentenceStart: Int, end: Int) -> Decision {
        let attached = i > 0 && !isSpace(b[i - 1])

        // `compounds. . . . The`: an attached period, then a spaced ellipsis that belongs to the next sentence.
        if b[i] == 0x2E, attached, let (dotsEnd, _) = spacedDots(b, from: i + 1, end: end) {
            let (kind, _, _) = nextWord(b, after: dotsEnd, end: end)
            if kind == .upper { return .boundary(after: i + 1, next: i + 1) }
            return .continueAt(dotsEnd)
        }

        // A spaced ellipsis on its own: `weakened . . . was`, `period . . . . Next`.
        if b[i] == 0x2E, !attached, let (dotsEnd, dots) = spacedDots(b, from: i, end: end) {
            let after = skipMarks(.closers, b, dotsEnd, end)
            guard after == end || isSpace(b[after]) else { return .continueAt(after) }
            let (kind, _, _) = nextWord(b, after: after, end: end)
            if dots >= 4 && (kind == .upper || kind == .digit) { return .boundary(after: after, next: after) }
            return .continueAt(after)
        }

        // The run of terminal marks: `.`, `?!`, `...`, `…`.
        var j = i
        var dots = 0, questionOrBang = false, ellipsisChar = false
        while j < end {
            if b[j] == 0x2E { dots += 1; j += 1 }
            else if b[j] == 0x3F || b[j] == 0x21 { questionOrBang = true; j += 1 }
            else if isEllipsisChar(b, j, end) { ellipsisChar = true; j += 3 }
            else { break }
        }
        let after = skipMarks(.closers, b, j, end)
        guard after < end else { return .continueAt(after) }
        guard isSpace(b[after]) else { return .continueAt(j) }
        let (kind, wordStart, wordEnd) = nextWord(b, after: after, end: end)
        if kind == .end { return .continueAt(after) }
        let boundary = Decision.boundary(after: after, next: after)

        if questionOrBang {
            return kind == .lower ? .continueAt(after) : boundary
        }
        if ellipsisChar || dots >= 3 {
            if kind == .lower || kind == .other { return .continueAt(after) }
            let opener = skipSpace(b, after, end)
            if opener < end, b[opener] == 0x28 { return .continueAt(after) }
            return boundary
        }
        if dots == 2 { return kind == .upper ? boundary : .continueAt(after) }

        // A single period: look at the word before it.
        let (ws, we) = wordBefore(b, i, sentenceStart)
        if kind == .lower { return .continueAt(after) }
        if ws == we { return kind == .upper || kind == .digit ? boundary : .continueAt(after) }

        if let acronym = acronymKind(b, ws, we) {
            let starter = kind == .upper && abbreviations.starters.contains(b, wordStart..<wordEnd)
            switch acronym {
            case .latin: return .continueAt(after)
            case .clock:
                if starter { return boundary }
                return kind == .upper && wordCount(b, sentenceStart, i) > 3 ? boundary : .continueAt(after)
            case .other:
                return starter ? boundary : .continueAt(after)
            }
        }
        if we - ws == 1, isUpperASCII(b[ws]) {
            // `Jonas E. Smith` is an initial; `you and I. Did` is the pronoun ending a sentence.
            if b[ws] == 0x49, let previous = previousWordInitial(b, ws, sentenceStart), !isUpperASCII(previous) {
                return kind == .upper ? boundary : .continueAt(after)
            }
            return .continueAt(after)
        }
        if abbreviations.titles.contains(b, ws..<we) { return .continueAt(after) }
        // `LITTLE ROCK, Ark. (AP) —`: a state in a dateline, before the agency or the dash.
        if abbreviations.states.contains(b, ws..<we), opensDatelineEnd(b, after, end) { return .continueAt(after) }
        if abbreviations.beforeNumbers.contains(b, ws..<we) {
            if kind == .digit { return .continueAt(after) }
            return kind == .upper && abbreviations.starters.contains(b, wordStart..<wordEnd) ? boundary : .continueAt(after)
        }
        if abbreviations.general.contains(b, ws..<we) {
            return kind == .upper ? boundary : .continueAt(after)
        }
        return kind == .upper || kind == .digit || kind == .other ? boundary : .continueAt(after)
    }

    /// Whether an agency in parentheses or a dash comes next (`(AP) —`, `—`, `--`).
    private func opensDatelineEnd(_ b: UnsafeBufferPointer<UInt8>, _ after: Int, _ end: Int) -> Bool {
        let k = skipSpace(b, after, end)
        guard k < end else { return false }
        if b[k] == 0x28 || b[k] == 0x2D { return true }
        return b[k] == 0xE2 && k + 2 < end && b[k + 1] == 0x80 && (b[k + 2] == 0x94 || b[k + 2] == 0x93)
    }

    /// Where a headline line ends, when a paragraph starts with one: a first line with no closing punctuation,
    /// shorter than the line after it, which starts with a capital (`Judge halts ban` then `LITTLE ROCK, Ark.
    /// (AP) — ...` after a single line break). A line wrapped inside a sentence ends in a word that goes on,
    /// or is as long as the next one.
    private func headlineLineEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var nl = start
        while nl < end, b[nl] != 0x0A, b[nl] != 0x0D { nl += 1 }
        guard nl < end, nl - start <= 160 else { return nil }
        let lineEnd = trimEnd(b, start, nl)
        guard lineEnd > start else { return nil }
        let last = b[lineEnd - 1]
        // Closing punctuation or a comma: a sentence (or a wrapped one) that the scanner handles as usual.
        if last == 0x2E || last == 0x3F || last == 0x21 || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x2D { return nil }
        if last >= 0x80 { return nil }
        let next = skipSpace(b, nl, end)
        guard next < end else { return nil }
        var nextEnd = next
        while nextEnd < end, b[nextEnd] != 0x0A, b[nextEnd] != 0x0D { nextEnd += 1 }
        guard isUpperASCII(b[next]) || b[next] == 0x22, (lineEnd - start) * 10 < (nextEnd - next) * 8 else { return nil }
        // The last word of a wrapped line is often a function word: `the`, `of`, `and`.
        var ws = lineEnd
        while ws > start, !isSpace(b[ws - 1]) { ws -= 1 }
        if b[ws] >= 0x61 && b[ws] <= 0x7A, lineEnd - ws <= 4 { return nil }
        return lineEnd
    }

    enum AcronymKind { case latin, clock, other }

    /// `U.S`, `a.m`, `Ph.D`, `e.g`: letters in groups of one or two joined by periods.
    private func acronymKind(_ b: UnsafeBufferPointer<UInt8>, _ ws: Int, _ we: Int) -> AcronymKind? {
        var groups = 0, run = 0, hasDot = false
        for k in ws..<we {
            let c = b[k]
            if isLetterASCII(c) {
                run += 1
                if run > 2 { return nil }
            } else if c == 0x2E {
                guard run > 0 else { return nil }
                hasDot = true
                groups += 1
                run = 0
            } else {
                return nil
            }
        }
        guard hasDot, run > 0 else { return nil }
        let lower = (ws..<we).map { b[$0] | 0x20 }
        if lower == Array("a.m".utf8) || lower == Array("p.m".utf8) { return .clock }
        if lower == Array("e.g".utf8) || lower == Array("i.e".utf8) || lower == Array("c.f".utf8) { return .latin }
        return .other
    }

    // MARK: Byte helpers

    /// The word before a terminal: back to whitespace or an opening bracket or quote.
    private func wordBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ lowerLimit: Int) -> (Int, Int) {
        var s = i
        while s > lowerLimit {
            let c = b[s - 1]
            if isSpace(c) || c == 0x28 || c == 0x5B || c == 0x22 || c == 0x27 { break }
            if s >= lowerLimit + 3, b[s - 3] == 0xE2, b[s - 2] == 0x80, b[s - 1] == 0x9C || b[s - 1] == 0x98 { break }
            s -= 1
        }
        return (s, i)
    }

    /// The first byte of the word before the word at `ws`, if there is one in this sentence.
    private func previousWordInitial(_ b: UnsafeBufferPointer<UInt8>, _ ws: Int, _ lowerLimit: Int) -> UInt8? {
        var k = ws
        while k > lowerLimit, isSpace(b[k - 1]) { k -= 1 }
        guard k > lowerLimit, k < ws else { return nil }
        while k > lowerLimit, !isSpace(b[k - 1]) { k -= 1 }
        return b[k]
    }

    /// What follows: skips spaces and opening quotes or brackets, and classifies the first character.
    private func nextWord(_ b: UnsafeBufferPointer<UInt8>, after: Int, end: Int) -> (NextKind, Int, Int) {
        let k = skipMarks(.openers, b, skipSpace(b, after, end), end)
        guard k < end else { return (.end, k, k) }
        var e = k
        while e < end, isWordByte(b[e]) { e += 1 }
        let c = b[k]
        if c < 0x80 {
            if isUpperASCII(c) { return (.upper, k, e) }
            if c >= 0x61 && c <= 0x7A { return (.lower, k, e) }
            if c >= 0x30 && c <= 0x39 { return (.digit, k, e) }
            return (.other, k, e)
        }
        let scalar = decodeScalar(b, k, end)
        if scalar.properties.isUppercase { return (.upper, k, e) }
        if scalar.properties.isLowercase { return (.lower, k, e) }
        return (.other, k, e)
    }

    /// A run of ` . . .`-style dots starting at `from` (a dot, then space-dot pairs): its end and dot count.
    /// Needs at least three dots.
    private func spacedDots(_ b: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> (Int, Int)? {
        var k = from
        if k < end, b[k] == 0x20 { k += 1 }
        guard k < end, b[k] == 0x2E else { return nil }
        var dots = 1
        k += 1
        while k + 1 < end, b[k] == 0x20, b[k + 1] == 0x2E {
            dots += 1
            k += 2
        }
        return dots >= 3 ? (k, dots) : nil
    }

    /// The quotation marks and brackets on one side of a sentence boundary: straight quotes, a bracket and a
    /// square bracket, the curly double and single quotes (their last UTF-8 byte after E2 80) and a guillemet
    /// (its byte after C2).
    struct Marks {
        var bracket: UInt8, squareBracket: UInt8, curlyDouble: UInt8, curlySingle: UInt8, guillemet: UInt8

        /// What may open the next sentence: `( [ “ ‘ «`.
        static var openers: Marks { Marks(bracket: 0x28, squareBracket: 0x5B, curlyDouble: 0x9C, curlySingle: 0x98, guillemet: 0xAB) }
        /// What may close the sentence ending: `) ] ” ’ »`.
        static var closers: Marks { Marks(bracket: 0x29, squareBracket: 0x5D, curlyDouble: 0x9D, curlySingle: 0x99, guillemet: 0xBB) }
    }

    /// Steps over any run of `marks` (and straight quotes) from `from`.
    private func skipMarks(_ marks: Marks, _ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var k = from
        while k < end {
            let c = b[k]
            if c == 0x22 || c == 0x27 || c == marks.bracket || c == marks.squareBracket { k += 1; continue }
            if c == 0xE2, k + 2 < end, b[k + 1] == 0x80, b[k + 2] == marks.curlyDouble || b[k + 2] == marks.curlySingle {
                k += 3
                continue
            }
            if c == 0xC2, k + 1 < end, b[k + 1] == marks.guillemet { k += 2; continue }
            break
        }
        return k
    }

    private func wordCount(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0, inWord = false
        for k in start..<end {
            if isSpace(b[k]) { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    private func hasWordCharacter(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for k in start..<end where isWordByte(b[k]) && b[k] < 0x80 { return true }
        return false
    }
}

@inline(__always) func isSpace(_ c: UInt8) -> Bool { TextLayout.isSpace(c) }
@inline(__always) func isUpperASCII(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
@inline(__always) func isLetterASCII(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
@inline(__always) func isWordByte(_ c: UInt8) -> Bool {
    isLetterASCII(c) || (c >= 0x30 && c <= 0x39) || c >= 0x80 || c == 0x27 || c == 0x2D
}

@inline(__always) func isEllipsisChar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
    b[i] == 0xE2 && i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0xA6
}

func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
    var k = from
    while k < end, isSpace(b[k]) { k += 1 }
    return k
}

func trimEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var k = end
    while k > start, isSpace(b[k - 1]) { k -= 1 }
    return k
}

func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Unicode.Scalar {
    var iterator = UnsafeBufferPointer(rebasing: b[i..<min(end, i + 4)]).makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
    return "\u{FFFD}"
}
