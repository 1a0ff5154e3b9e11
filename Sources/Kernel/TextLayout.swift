/// Byte-level layout helpers shared by stages: lines and paragraphs of UTF-8 text.
///
/// Lines end at LF, CRLF or a lone CR, so text from any platform splits the same way.
public enum TextLayout {
    /// How paragraphs are separated.
    public enum ParagraphMode: String, Codable, Sendable, CaseIterable {
        /// Blank lines if the text has any between content, otherwise single line breaks.
        case auto
        /// Blank lines; single line breaks stay inside a paragraph.
        case blankLine = "blank-line"
        /// Every line break.
        case line
    }

    /// Whether a byte is ASCII whitespace.
    @inline(__always) public static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x0B
    }

    /// Line ranges, without their terminators.
    public static func lines(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>? = nil) -> [Range<Int>] {
        let range = range ?? 0..<b.count
        var lines: [Range<Int>] = []
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
        if mode == .auto {
            mode = .line
            var sawContent = false, sawBlankAfterContent = false
            for line in lines {
                if trim(b, line).isEmpty {
                    if sawContent { sawBlankAfterContent = true }
                } else {
                    if sawBlankAfterContent { mode = .blankLine; break }
                    sawContent = true
                }
            }
        }
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

    /// Paragraph ranges of a string.
    public static func paragraphs(of text: String, mode: ParagraphMode) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { paragraphs($0, mode: mode) }
    }
}

/// A byte-level Aho–Corasick automaton: finds every occurrence of many literal patterns in one pass.
///
/// Stages use it for gazetteers and rule triggers instead of running regular expressions per token.
public struct ByteAutomaton: Sendable {
    private var next: [Int32]          // states × 256 transitions (a full DFA)
    private var outputs: [[Int32]]     // pattern ids ending at each state
    private var lengths: [Int32]       // pattern lengths by id
    /// The number of patterns.
    public var count: Int { lengths.count }

    /// Builds the automaton. Pattern ids are their indexes in `patterns`. With `caseInsensitive`, ASCII
    /// letters match in either case.
    public init(_ patterns: [[UInt8]], caseInsensitive: Bool = false) {
        func fold(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
        var outputs: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let b = Int(fold(byte))
                if goto[state][b] < 0 {
                    goto[state][b] = Int32(goto.count)
                    goto.append(Array(repeating: -1, count: 256))
                    outputs.append([])
                }
                state = Int(goto[state][b])
            }
            outputs[state].append(Int32(id))
        }
        // Breadth-first: failure links folded into a full transition table.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for b in 0..<256 {
            if goto[0][b] < 0 { goto[0][b] = 0 } else {
                fail[Int(goto[0][b])] = 0
                queue.append(Int(goto[0][b]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state].append(contentsOf: outputs[Int(fail[state])])
            for b in 0..<256 {
                let target = goto[state][b]
                if target < 0 {
                    goto[state][b] = goto[Int(fail[state])][b]
                } else {
                    fail[Int(target)] = goto[Int(fail[state])][b]
                    queue.append(Int(target))
                }
            }
        }
        if caseInsensitive {
            for s in 0..<goto.count { for b in 0x41...0x5A { goto[s][b] = goto[s][b | 0x20] } }
        }
        next = goto.flatMap { $0 }
        self.outputs = outputs
        lengths = patterns.map { Int32($0.count) }
    }

    /// Calls `found(patternID, range)` for every occurrence in `range`, in order of their end offsets.
    public func scan(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ found: (Int, Range<Int>) -> Void) {
        var state = 0
        next.withUnsafeBufferPointer { table in
            for i in range {
                state = Int(table[state &* 256 &+ Int(b[i])])
                let out = outputs[state]
                if !out.isEmpty {
                    for id in out {
                        let length = Int(lengths[Int(id)])
                        found(Int(id), (i + 1 - length)..<(i + 1))
                    }
                }
            }
        }
    }

    /// Whether any pattern occurs in `range`.
    public func contains(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var state = 0
        return next.withUnsafeBufferPointer { table in
            for i in range {
                state = Int(table[state &* 256 &+ Int(b[i])])
                if !outputs[state].isEmpty { return true }
            }
            return false
        }
    }
}
