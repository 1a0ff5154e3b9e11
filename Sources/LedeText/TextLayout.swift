#if canImport(Glibc)
import Glibc
#endif

/// Byte-level layout helpers shared by stages: lines and paragraphs of UTF-8 text.
///
/// Lines end at LF, CRLF or a lone CR, so text from any platform splits the same way.
public enum TextLayout {
    /// The UTF-8 offset of each code-point offset of `text`, and of its end: annotated data from Python
    /// counts in code points, the stages in bytes.
    public static func utf8Offsets(_ text: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.unicodeScalars.count + 1)
        var position = 0
        for scalar in text.unicodeScalars {
            offsets.append(position)
            position += UTF8.width(scalar)
        }
        offsets.append(position)
        return offsets
    }

    /// How paragraphs are separated.
    public enum ParagraphMode: String, Codable, Sendable, CaseIterable {
        /// Blank lines if the text has any between content and wraps its lines between them, otherwise single
        /// line breaks (``TextLayout/autoMode(_:_:)``).
        case auto
        /// Blank lines; single line breaks stay inside a paragraph.
        case blankLine = "blank-line"
        /// Every line break.
        case line
    }

    /// Whether a byte is ASCII whitespace.
    @inlinable @inline(__always) public static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x0B
    }

    /// The first offset at or after `i` (and before `end`) that could hold a non-ASCII byte or `byte`,
    /// skipping eight ASCII bytes at a time: for scanners that look only at a few marks in mostly ASCII text.
    /// It may stop early (at most seven bytes before such a byte), never late.
    @inlinable public static func skipASCII(_ b: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int, except byte: UInt8) -> Int {
        var i = i
        guard let base = b.baseAddress else { return i }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(byte)
        while i + 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let x = w ^ pattern
            if (w | ((x &- ones) & ~x)) & highs != 0 { break }
            i += 8
        }
        return i
    }

    /// Line ranges, without their terminators.
    public static func lines(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>? = nil) -> [Range<Int>] {
        let range = range ?? 0..<b.count
        var lines: [Range<Int>] = []
        guard let base = b.baseAddress, !range.isEmpty else { return lines }
        // Without any CR, memchr finds each LF directly.
        if memchr(base + range.lowerBound, 0x0D, range.count) == nil {
            var start = range.lowerBound
            while start < range.upperBound, let found = memchr(base + start, 0x0A, range.upperBound - start) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lines.append(start..<newline)
                start = newline + 1
            }
            if start < range.upperBound { lines.append(start..<range.upperBound) }
            return lines
        }
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                lines.append(start..<i)
                if c == 0x0D, i + 1 < range.upperBound, b[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < range.upperBound { lines.append(start..<range.upperBound) }
        return lines
    }

    /// The range with surrounding whitespace removed.
    public static func trim(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, isSpace(b[lo]) { lo += 1 }
        while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Paragraph ranges, trimmed of surrounding whitespace.
    public static func paragraphs(_ b: UnsafeBufferPointer<UInt8>, mode: ParagraphMode) -> [Range<Int>] {
        let lines = lines(b)
        var mode = mode
        if mode == .auto { mode = autoMode(b, lines) }
        var result: [Range<Int>] = []
        var current: Range<Int>?
        for line in lines {
            let trimmed = trim(b, line)
            if trimmed.isEmpty || mode == .line {
                if let p = current { result.append(p) }
                current = nil
                if trimmed.isEmpty { continue }
            }
            current = (current?.lowerBound ?? trimmed.lowerBound)..<trimmed.upperBound
        }
        if let p = current { result.append(p) }
        return result
    }

    /// What `auto` means for a text: blank lines when it has some between content and its lines inside the
    /// blank-separated blocks are wrapped, else single line breaks. A block whose line breaks mostly follow
    /// the end of a sentence is one paragraph a line, under a headline that a blank line set apart: there
    /// every line break is a paragraph's end.
    static func autoMode(_ b: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>]) -> ParagraphMode {
        var sawContent = false, sawBlankAfterContent = false
        var breaks = 0, sentenceBreaks = 0
        var last: Range<Int>?
        for line in lines {
            let trimmed = trim(b, line)
            guard !trimmed.isEmpty else {
                if sawContent { sawBlankAfterContent = true }
                last = nil
                continue
            }
            sawContent = true
            if let last {
                breaks += 1
                if endsSentence(b, last) && opensSentence(b, trimmed.lowerBound) { sentenceBreaks += 1 }
            }
            last = trimmed
        }
        guard sawBlankAfterContent else { return .line }
        return breaks >= 3 && sentenceBreaks * 10 >= breaks * 6 ? .line : .blankLine
    }

    /// Whether a line ends as a sentence does: `.`, `?`, `!` or `:`, or a closing quotation mark or bracket.
    private static func endsSentence(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let c = b[r.upperBound - 1]
        switch c {
        case 0x2E, 0x3F, 0x21, 0x3A, 0x22, 0x29, 0x5D: return true
        case 0x9D, 0x99, 0xA6: return r.count >= 3 && b[r.upperBound - 3] == 0xE2 && b[r.upperBound - 2] == 0x80 // ” ’ …
        default: return false
        }
    }

    /// Whether a line starts as a sentence does: a capital, a digit or a quotation mark.
    private static func opensSentence(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        return (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x22 || c == 0x27 || c >= 0xC3
    }

    /// Paragraph ranges of a string.
    public static func paragraphs(of text: String, mode: ParagraphMode) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { paragraphs($0, mode: mode) }
    }
}
