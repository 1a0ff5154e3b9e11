#if canImport(Glibc)
import Glibc
#endif

/// A byte-level Aho–Corasick automaton: finds every occurrence of many literal patterns in one pass.
///
/// Stages use it for gazetteers and rule triggers instead of running regular expressions per token. Bytes
/// are mapped to classes first (every byte that occurs in no pattern shares class 0), which keeps the
/// transition table small enough to stay in cache.
public struct ByteAutomaton: Sendable {
    private let classOf: [UInt8]        // byte -> class
    private let classCount: Int
    /// States × classes transitions (a full DFA). Each entry is the target row's offset (state × classes)
    /// times two, plus one when a pattern ends at the target, so a step is one load and no multiply.
    private let next: [Int32]
    /// The same table in 16 bits when every entry fits, which halves its size in cache.
    private let next16: [UInt16]?
    /// Bytes that leave the start state. In the start state the scanner skips every other byte in a tight
    /// loop, so text with few candidate bytes is scanned at memory speed rather than table speed.
    private let leavesStart: [Bool]
    private let outputs: [[Int32]]      // pattern ids ending at each state
    private let lengths: [Int32]        // pattern lengths by id
    /// The number of patterns.
    public var count: Int { lengths.count }

    /// Builds the automaton. Pattern ids are their indexes in `patterns`. With `caseInsensitive`, ASCII
    /// letters match in either case.
    public init(_ patterns: [[UInt8]], caseInsensitive: Bool = false) {
        func fold(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        var classOf = [UInt8](repeating: 0, count: 256)
        var classes = 1
        for pattern in patterns {
            for byte in pattern where classOf[Int(fold(byte))] == 0 {
                precondition(classes < 256, "too many distinct bytes")
                classOf[Int(fold(byte))] = UInt8(classes)
                classes += 1
            }
        }
        if caseInsensitive { for b in 0x41...0x5A { classOf[b] = classOf[b | 0x20] } }

        var goto: [[Int32]] = [Array(repeating: -1, count: classes)]
        var outputs: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let c = Int(classOf[Int(byte)])
                if goto[state][c] < 0 {
                    goto[state][c] = Int32(goto.count)
                    goto.append(Array(repeating: -1, count: classes))
                    outputs.append([])
                }
                state = Int(goto[state][c])
            }
            outputs[state].append(Int32(id))
        }
        // Breadth-first: failure links folded into a full transition table.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<classes {
            if goto[0][c] < 0 { goto[0][c] = 0 } else {
                fail[Int(goto[0][c])] = 0
                queue.append(Int(goto[0][c]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state].append(contentsOf: outputs[Int(fail[state])])
            for c in 0..<classes {
                let target = goto[state][c]
                if target < 0 {
                    goto[state][c] = goto[Int(fail[state])][c]
                } else {
                    fail[Int(target)] = goto[Int(fail[state])][c]
                    queue.append(Int(target))
                }
            }
        }
        self.classOf = classOf
        classCount = classes
        next = goto.flatMap { row in row.map { target in Int32(Int(target) * classes * 2 + (outputs[Int(target)].isEmpty ? 0 : 1)) } }
        next16 = goto.count * classes * 2 < Int(UInt16.max) ? next.map { UInt16($0) } : nil
        leavesStart = (0..<256).map { goto[0][Int(classOf[$0])] != 0 }
        self.outputs = outputs
        lengths = patterns.map { Int32($0.count) }
    }

    /// Calls `found(patternID, range)` for every occurrence in `range`, in order of their end offsets.
    public func scan(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ found: (Int, Range<Int>) -> Void) {
        if let next16 {
            next16.withUnsafeBufferPointer { scan(b, range, table: $0, found) }
        } else {
            next.withUnsafeBufferPointer { scan(b, range, table: $0, found) }
        }
    }

    @inline(__always)
    private func scan<T: FixedWidthInteger>(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, table: UnsafeBufferPointer<T>,
                                            _ found: (Int, Range<Int>) -> Void) {
        var entry = 0
        var i = range.lowerBound
        let end = range.upperBound
        classOf.withUnsafeBufferPointer { classOf in
            leavesStart.withUnsafeBufferPointer { leavesStart in
                while i < end {
                    if entry == 0 {
                        while i < end, !leavesStart[Int(b[i])] { i += 1 }
                        if i == end { break }
                    }
                    entry = Int(table[(entry >> 1) &+ Int(classOf[Int(b[i])])])
                    if entry & 1 != 0 {
                        for id in outputs[(entry >> 1) / classCount] {
                            let length = Int(lengths[Int(id)])
                            found(Int(id), (i + 1 - length)..<(i + 1))
                        }
                    }
                    i += 1
                }
            }
        }
    }
}
