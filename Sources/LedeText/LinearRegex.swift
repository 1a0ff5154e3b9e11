/// A regular expression matched in time linear in the text: a Thompson NFA run as a Pike VM, over the
/// Unicode scalars of UTF-8 text, as RE2 does.
///
/// It parses the subset of ICU's syntax that is regular and answers exactly what `NSRegularExpression`
/// answers for it: leftmost-first (Perl) matches, with the same capture groups, since the VM keeps its
/// threads in the order a backtracking matcher would try them. A pattern it cannot answer for exactly
/// (backreferences, lookaround, atomic groups, possessive quantifiers, a repeated group that can match
/// nothing, set operations, script properties, anything else it does not parse) throws ``Unsupported``,
/// and the caller keeps ICU with its time limit (``BoundedRegex``). clean-captions runs users' caption
/// patterns on it; it lives here because nothing in it is about captions.
///
/// Supported: literals and escapes (`\t \n \r \f \a \e \xhh \x{h…} \uhhhh \Uhhhhhhhh \0ooo`, escaped
/// punctuation), `.`, classes `[…]` with ranges, negation and escapes, `\d \D \w \W \s \S` and `\p{…} \P{…}`
/// for general categories (as ICU defines them: `\w` is `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200C\u200D]`,
/// `\s` is White_Space), `^ $ \A \z \b \B`, groups `( )`, `(?: )`, `(?<name> )`, alternation,
/// `* + ? {m} {m,} {m,n}` and their lazy forms, and the flags `i`, `m`, `s` as `(?i)`, `(?i-s)` or `(?i: )`.
/// Case-insensitive matching uses simple case folding; a text that holds a character whose full case
/// folding is longer than one character (such as `ß`) is left to ICU (``Result/unsure``).
public struct LinearRegex: Sendable {
    /// Why a pattern is left to ICU.
    public struct Unsupported: Error, Sendable, CustomStringConvertible {
        /// What the parser met.
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// One search's answer.
    public enum Result: Equatable, Sendable {
        /// No match.
        case noMatch
        /// A match: for group `k` (0 is the whole match), byte offsets `slots[2k]..<slots[2k+1]`, or -1 when
        /// the group took no part.
        case match(slots: [Int])
        /// The text needs full case folding, which this engine does not do: ask ICU.
        case unsure
    }

    let program: [Inst]
    let sets: [ScalarSet]
    /// Capture groups, not counting the whole match.
    public let groupCount: Int
    /// Whether any instruction compares case-insensitively.
    let foldsCase: Bool
    /// Whether every match must begin at the start of the text (`^` or `\A` first, without `(?m)`).
    let anchoredStart: Bool
    /// The bytes a match can begin with (ASCII characters and UTF-8 lead bytes), when the pattern must
    /// begin with a character: positions where no match is under way skip to the next such byte.
    let firstBytes: [Bool]?

    /// Compiles `pattern`, or throws ``Unsupported`` when it uses anything this engine cannot answer for.
    public init(_ pattern: String) throws(Unsupported) {
        var parser = Parser(Array(pattern.unicodeScalars))
        let tree = try parser.parseWhole()
        var compiler = Compiler()
        compiler.sets = parser.sets
        compiler.emit(.save, 0)
        try compiler.compile(tree)
        compiler.emit(.save, 1)
        compiler.emit(.match)
        guard compiler.program.count <= 100_000 else { throw Unsupported("the pattern compiles to too many states") }
        program = compiler.program
        sets = compiler.sets
        groupCount = parser.groupCount
        foldsCase = compiler.program.contains { $0.op == .scalarFold } || compiler.sets.contains { $0.fold }
        anchoredStart = Self.starts(with: .textStart, tree)
        firstBytes = Self.firstBytes(compiler.program, compiler.sets)
        // ICU tries a pattern that begins with `(?m)^` only where a line begins, never inside CR LF; where
        // `(?m)^` stands elsewhere, it holds inside CR LF too. Only the first case is taken here.
        if parser.lineStarts > 0, parser.lineStarts > 1 || !Self.starts(with: .lineStart, tree) {
            throw Unsupported("a (?m)^ that does not begin the pattern")
        }
    }

    /// The bytes the characters that can begin a match start with, or nil when the pattern can match
    /// without a character first (an empty match, an assertion) or begin with almost anything.
    private static func firstBytes(_ program: [Inst], _ sets: [ScalarSet]) -> [Bool]? {
        var first = Array(repeating: false, count: 256)
        var seen = Set<Int>()
        var todo = [0]
        func mark(_ c: UInt32) {
            var utf8 = Array(String(Unicode.Scalar(c)!).utf8)
            if utf8.isEmpty { utf8 = [0] }
            first[Int(utf8[0])] = true
        }
        while let pc = todo.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let inst = program[pc]
            switch inst.op {
            case .jump: todo.append(inst.a)
            case .split: todo.append(inst.a); todo.append(inst.b)
            case .save: todo.append(pc + 1)
            case .assert, .match, .dot, .dotAll: return nil
            case .scalar: mark(UInt32(inst.a))
            case .scalarFold: for v in CaseFolding.variants(UInt32(inst.a)) { mark(v) }
            case .set:
                for c in UInt32(0)..<128 where sets[inst.a].contains(c) { first[Int(c)] = true }
                let set = sets[inst.a]
                if set.negated || set.fold || !set.classes.isEmpty || set.ranges.contains(where: { $0.upperBound >= 0x80 }) {
                    for b in 0xC0..<256 { first[b] = true }
                }
            }
        }
        return first
    }

    private static func starts(with assertion: Assertion, _ node: Node) -> Bool {
        switch node {
        case .assertion(let a): return a == assertion
        case .group(let inner, _): return starts(with: assertion, inner)
        case .concat(let items): return items.first.map { starts(with: assertion, $0) } ?? false
        default: return false
        }
    }

    // MARK: Searching

    /// The first match in `bytes[window]` at or after byte offset `from` (default: the window's start). The
    /// window is the whole text as the pattern sees it: `^`, `$` and `\b` look no further.
    /// `capturing` limits the slots kept to those of groups `0...capturing` (fewer is faster); with nil the
    /// search only tells whether there is a match (and `slots` is empty), and stops at the first it meets.
    public func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ window: Range<Int>, from: Int? = nil, capturing: Int? = .max) -> Result {
        if foldsCase, Self.needsFullFolding(bytes, window) { return .unsure }
        let width = capturing.map { 2 * (min($0, groupCount) + 1) } ?? 0
        return search(bytes, window, from: from ?? window.lowerBound, width: width).map { .match(slots: $0) } ?? .noMatch
    }

    /// Every match in `bytes[window]`, as `NSRegularExpression` enumerates them: after an empty match the
    /// next search starts one character later. Nil when the text needs ICU (see ``Result/unsure``).
    /// `capturing` limits the slots kept to those of groups `0...capturing`.
    public func allMatches(_ bytes: UnsafeBufferPointer<UInt8>, _ window: Range<Int>, capturing: Int = .max) -> [[Int]]? {
        let width = 2 * (min(capturing, groupCount) + 1)
        if foldsCase, Self.needsFullFolding(bytes, window) { return nil }
        var found: [[Int]] = []
        var start = window.lowerBound
        while start <= window.upperBound, let slots = search(bytes, window, from: start, width: width) {
            found.append(slots)
            if slots[1] == slots[0] {
                guard slots[1] < window.upperBound else { break }
                start = slots[1] + Self.decode(bytes, slots[1]).length
            } else {
                start = slots[1]
            }
        }
        return found
    }

    /// Whether the text has a character whose full case folding is more than one character.
    static func needsFullFolding(_ bytes: UnsafeBufferPointer<UInt8>, _ window: Range<Int>) -> Bool {
        var i = window.lowerBound
        while i < window.upperBound {
            if bytes[i] < 0x80 { i += 1; continue }
            let (c, length) = decode(bytes, i)
            if CaseFolding.hasLongFolding(c) { return true }
            i += length
        }
        return false
    }

    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1]) & 0x3F, 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | (UInt32(p[i + 1]) & 0x3F) << 6 | UInt32(p[i + 2]) & 0x3F, 3) }
        return ((b0 & 0x07) << 18 | (UInt32(p[i + 1]) & 0x3F) << 12 | (UInt32(p[i + 2]) & 0x3F) << 6 | UInt32(p[i + 3]) & 0x3F, 4)
    }

    /// The scalar before byte offset `i`, and where it starts.
    @inline(__always)
    static func decodeBefore(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, start: Int) {
        var j = i - 1
        while p[j] & 0xC0 == 0x80 { j -= 1 }
        return (decode(p, j).scalar, j)
    }

    /// A list of threads in priority order: the instruction each waits at and its capture slots.
    private struct Threads {
        var pcs: [Int32] = []
        var slots: [Int] = []
        /// Marks an instruction in `visited` as already followed for this list.
        var generation: UInt32
    }

    private enum Frame {
        case explore(Int)
        case restore(slot: Int, value: Int)
    }

    /// The Pike VM: every thread advances one scalar at a time, in priority order; the first thread to
    /// reach `match` ends the threads of lower priority, and the search ends when none of higher priority
    /// remain.
    /// `width` is how many capture slots to keep (2 per group, from group 0); 0 asks only whether there is a match.
    private func search(_ text: UnsafeBufferPointer<UInt8>, _ window: Range<Int>, from start: Int, width: Int) -> [Int]? {
        var pos = start
        let end = window.upperBound
        if let firstBytes, !anchoredStart {
            // Nothing is allocated for a text where no match can begin.
            while pos < end, !firstBytes[Int(text[pos])] { pos += 1 }
            if pos >= end { return nil }
        } else if anchoredStart, start != window.lowerBound {
            return nil
        }
        // One mark per instruction, by list: no instruction is followed twice for one position. On the stack
        // when small, as it is for every built-in rule.
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: program.count) { visited in
            visited.initialize(repeating: 0)
            return run(text, window, from: pos, width: width, visited: visited)
        }
    }

    /// The search proper, from `pos`, with `visited` zeroed.
    private func run(_ text: UnsafeBufferPointer<UInt8>, _ window: Range<Int>, from start: Int, width: Int,
                     visited: UnsafeMutableBufferPointer<UInt32>) -> [Int]? {
        var pos = start
        let end = window.upperBound
        var current = Threads(generation: 1)
        var next = Threads(generation: 2)
        // Room for the usual number of threads at once, so that the lists rarely grow.
        let room = min(program.count, 32)
        current.pcs.reserveCapacity(room)
        next.pcs.reserveCapacity(room)
        current.slots.reserveCapacity(room * width)
        next.slots.reserveCapacity(room * width)
        var caps = Array(repeating: -1, count: width)
        var stack: [Frame] = []
        stack.reserveCapacity(room)
        var matched: [Int]?

        /// Follows every empty transition from `pc` at `at`, adding the threads that consume or match.
        func add(_ list: inout Threads, _ pc0: Int, at: Int) {
            stack.append(.explore(pc0))
            while let frame = stack.popLast() {
                switch frame {
                case .restore(let slot, let value):
                    caps[slot] = value
                case .explore(var pc):
                    explore: while visited[pc] != list.generation {
                        visited[pc] = list.generation
                        let inst = program[pc]
                        switch inst.op {
                        case .jump:
                            pc = inst.a
                        case .split:
                            stack.append(.explore(inst.b))
                            pc = inst.a
                        case .save where inst.a >= width:
                            pc += 1
                        case .save:
                            stack.append(.restore(slot: inst.a, value: caps[inst.a]))
                            caps[inst.a] = at
                            pc += 1
                        case .assert:
                            guard check(Assertion(rawValue: UInt8(inst.a))!, text, window, at) else { break explore }
                            pc += 1
                        default:
                            // An instruction that consumes a character, or `match`: a thread waits here.
                            list.pcs.append(Int32(pc))
                            list.slots.append(contentsOf: caps)
                            break explore
                        }
                    }
                }
            }
        }

        while true {
            if matched == nil, current.pcs.isEmpty, let firstBytes, !anchoredStart {
                while pos < end, !firstBytes[Int(text[pos])] { pos += 1 }
                if pos >= end { break }
            }
            if matched == nil, !anchoredStart || pos == window.lowerBound {
                for k in 0..<width { caps[k] = -1 }
                add(&current, 0, at: pos)
            }
            // No thread left, and none can start: a match was found, or the pattern is anchored at the start.
            if current.pcs.isEmpty, matched != nil || anchoredStart { break }
            let scalar: UInt32
            let length: Int
            if pos < end { (scalar, length) = Self.decode(text, pos) } else { (scalar, length) = (UInt32.max, 0) }
            let key = foldsCase && length > 0 ? CaseFolding.key(scalar) : scalar
            threads: for i in 0..<current.pcs.count {
                let pc = Int(current.pcs[i])
                let inst = program[pc]
                let ok: Bool
                switch inst.op {
                case .match:
                    if width == 0 { return [] }
                    matched = Array(current.slots[(i * width)..<((i + 1) * width)])
                    break threads
                case .scalar: ok = length > 0 && scalar == UInt32(inst.a)
                case .scalarFold: ok = length > 0 && key == UInt32(inst.a)
                case .set: ok = length > 0 && sets[inst.a].contains(scalar)
                case .dot: ok = length > 0 && !Self.isLineTerminator(scalar)
                case .dotAll: ok = length > 0
                default: ok = false
                }
                if ok {
                    for k in 0..<width { caps[k] = current.slots[i * width + k] }
                    add(&next, pc + 1, at: pos + length)
                }
            }
            if pos >= end { break }
            swap(&current, &next)
            next.pcs.removeAll(keepingCapacity: true)
            next.slots.removeAll(keepingCapacity: true)
            next.generation = current.generation + 1
            pos += length
        }
        return matched
    }

    @inline(__always)
    static func isLineTerminator(_ c: UInt32) -> Bool {
        (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029
    }

    /// Whether an assertion holds at byte offset `at`, as ICU decides it.
    private func check(_ assertion: Assertion, _ text: UnsafeBufferPointer<UInt8>, _ window: Range<Int>, _ at: Int) -> Bool {
        let end = window.upperBound
        switch assertion {
        case .textStart:
            return at == window.lowerBound
        case .lineStart:
            if at == window.lowerBound { return true }
            if at >= end { return false }
            let before = Self.decodeBefore(text, at).scalar
            return Self.isLineTerminator(before) && !(before == 0x0D && text[at] == 0x0A)
        case .textEnd:
            return at == end
        case .dollar:
            // The end, or before a line terminator (or CR LF) that ends the text, but not inside CR LF.
            if at >= end { return true }
            let (c, length) = Self.decode(text, at)
            if at + length == end {
                guard Self.isLineTerminator(c) else { return false }
                return !(c == 0x0A && at > window.lowerBound && text[at - 1] == 0x0D)
            }
            return c == 0x0D && at + 1 < end && text[at + 1] == 0x0A && at + 2 == end
        case .lineEnd:
            if at >= end { return true }
            let c = Self.decode(text, at).scalar
            guard Self.isLineTerminator(c) else { return false }
            return !(c == 0x0A && at > window.lowerBound && text[at - 1] == 0x0D)
        case .notBeforeLF:
            return at >= end || text[at] != 0x0A
        case .wordBoundary, .notWordBoundary:
            return isWordBoundary(text, window, at) == (assertion == .wordBoundary)
        }
    }

    /// ICU's `\b`: a change between word and non-word characters, skipping combining marks and format
    /// characters before the position; none at a combining mark or format character.
    private func isWordBoundary(_ text: UnsafeBufferPointer<UInt8>, _ window: Range<Int>, _ at: Int) -> Bool {
        var isWord = false
        if at < window.upperBound {
            let c = Self.decode(text, at).scalar
            if CharacterClass.isExtendOrFormat(c) { return false }
            isWord = CharacterClass.word.contains(c)
        }
        var before = false
        var i = at
        while i > window.lowerBound {
            let (p, start) = Self.decodeBefore(text, i)
            i = start
            if !CharacterClass.isExtendOrFormat(p) {
                before = CharacterClass.word.contains(p)
                break
            }
        }
        return isWord != before
    }
}

// MARK: Case folding

/// Simple case folding, from the standard library's case mappings.
enum CaseFolding {
    /// A character's case-folding key: two characters are equal ignoring case when their keys are equal.
    @inline(__always)
    static func key(_ c: UInt32) -> UInt32 {
        if c < 0x80 { return c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        return slowKey(c)
    }

    static func slowKey(_ c: UInt32) -> UInt32 {
        // Dotless i and dotted capital I fold only in Turkic mode, which ICU does not use by default.
        if c == 0x130 || c == 0x131 { return c }
        guard let scalar = Unicode.Scalar(c), scalar.properties.changesWhenCaseMapped else { return c }
        let upper = scalar.properties.uppercaseMapping.unicodeScalars
        guard upper.count == 1, let u = upper.first else { return c }
        let lower = u.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let l = lower.first else { return c }
        return l.value
    }

    /// Whether a character's full case mappings are longer than one character (`ß`, `ŉ`, `ﬁ`, `İ`…).
    static func hasLongFolding(_ c: UInt32) -> Bool {
        guard c >= 0x80, let scalar = Unicode.Scalar(c), scalar.properties.changesWhenCaseMapped else { return false }
        let p = scalar.properties
        return p.uppercaseMapping.unicodeScalars.count > 1 || p.lowercaseMapping.unicodeScalars.count > 1
            || p.titlecaseMapping.unicodeScalars.count > 1
    }

    /// Every character with the same key as some other, by key (built once, when first needed).
    static let others: [UInt32: [UInt32]] = {
        var table: [UInt32: [UInt32]] = [:]
        for c in UInt32(0)..<0x20000 where !(0xD800...0xDFFF).contains(c) {
            let k = key(c)
            if k != c { table[k, default: []].append(c) }
        }
        return table
    }()

    /// `c` and every character equal to it ignoring case.
    static func variants(_ c: UInt32) -> [UInt32] {
        let k = key(c)
        var all = [c]
        if k != c { all.append(k) }
        for o in others[k] ?? [] where o != c { all.append(o) }
        return all
    }
}

// MARK: Character classes

/// A named class of characters, as ICU defines it.
enum CharacterClass: Sendable, Equatable {
    case digit, word, space, alphabetic, lowercase, uppercase
    case category(Set<Unicode.GeneralCategory>)

    func contains(_ c: UInt32) -> Bool {
        if c < 0x80 {
            switch self {
            case .digit: return c >= 0x30 && c <= 0x39
            case .word: return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
            case .space: return c == 0x20 || (c >= 0x09 && c <= 0x0D)
            default: break
            }
        }
        guard let scalar = Unicode.Scalar(c) else { return false }
        let p = scalar.properties
        switch self {
        case .digit: return p.generalCategory == .decimalNumber
        case .word:
            if p.isAlphabetic || c == 0x200C || c == 0x200D { return true }
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
            default: return false
            }
        case .space: return p.isWhitespace
        case .alphabetic: return p.isAlphabetic
        case .lowercase: return p.isLowercase
        case .uppercase: return p.isUppercase
        case .category(let set): return set.contains(p.generalCategory)
        }
    }

    /// Combining marks (Grapheme_Extend) and format characters, which ICU's `\b` looks through.
    static func isExtendOrFormat(_ c: UInt32) -> Bool {
        guard c >= 0x80, let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
    }

    /// The class a `\p{name}` names, or nil for names this engine leaves to ICU (scripts, blocks…).
    static func named(_ name: String) -> CharacterClass? {
        let letters: [Unicode.GeneralCategory] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        let marks: [Unicode.GeneralCategory] = [.nonspacingMark, .spacingMark, .enclosingMark]
        let numbers: [Unicode.GeneralCategory] = [.decimalNumber, .letterNumber, .otherNumber]
        let punctuation: [Unicode.GeneralCategory] = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                                       .initialPunctuation, .finalPunctuation, .otherPunctuation]
        let symbols: [Unicode.GeneralCategory] = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        let separators: [Unicode.GeneralCategory] = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        let table: [String: [Unicode.GeneralCategory]] = [
            "L": letters, "Letter": letters,
            "Lu": [.uppercaseLetter], "Uppercase_Letter": [.uppercaseLetter],
            "Ll": [.lowercaseLetter], "Lowercase_Letter": [.lowercaseLetter],
            "Lt": [.titlecaseLetter], "Lm": [.modifierLetter], "Lo": [.otherLetter],
            "M": marks, "Mark": marks, "Mn": [.nonspacingMark], "Mc": [.spacingMark], "Me": [.enclosingMark],
            "N": numbers, "Number": numbers, "Nd": [.decimalNumber], "Nl": [.letterNumber], "No": [.otherNumber],
            "P": punctuation, "Punctuation": punctuation, "Pc": [.connectorPunctuation], "Pd": [.dashPunctuation],
            "Ps": [.openPunctuation], "Pe": [.closePunctuation], "Pi": [.initialPunctuation], "Pf": [.finalPunctuation],
            "Po": [.otherPunctuation],
            "S": symbols, "Symbol": symbols, "Sm": [.mathSymbol], "Sc": [.currencySymbol], "Sk": [.modifierSymbol], "So": [.otherSymbol],
            "Z": separators, "Separator": separators, "Zs": [.spaceSeparator], "Zl": [.lineSeparator], "Zp": [.paragraphSeparator],
            "Cc": [.control], "Cf": [.format], "Co": [.privateUse], "Cn": [.unassigned],
        ]
        if let categories = table[name] { return .category(Set(categories)) }
        switch name {
        case "Alphabetic": return .alphabetic
        case "Lowercase": return .lowercase
        case "Uppercase": return .uppercase
        default: return nil
        }
    }
}

/// The characters one class `[…]` (or `\w`, `\p{L}`…) matches.
struct ScalarSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var classes: [(CharacterClass, negated: Bool)] = []
    var negated = false
    /// Case-insensitive: a character is in the set when any of its case variants is.
    var fold = false
    /// Membership of the ASCII characters, after negation and folding.
    private var ascii: (UInt64, UInt64) = (0, 0)

    /// Fixes the ASCII table; call once the set is complete.
    mutating func seal() {
        var low: UInt64 = 0, high: UInt64 = 0
        for c in UInt32(0)..<128 where slowContains(c) {
            if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
        }
        ascii = (low, high)
    }

    @inline(__always)
    func contains(_ c: UInt32) -> Bool {
        if c < 64 { return ascii.0 >> UInt64(c) & 1 != 0 }
        if c < 128 { return ascii.1 >> UInt64(c - 64) & 1 != 0 }
        return slowContains(c)
    }

    func rawContains(_ c: UInt32) -> Bool {
        for r in ranges where r.contains(c) { return true }
        for (cls, negated) in classes where cls.contains(c) != negated { return true }
        return false
    }

    func slowContains(_ c: UInt32) -> Bool {
        let inSet = fold ? CaseFolding.variants(c).contains(where: rawContains) : rawContains(c)
        return inSet != negated
    }
}

// MARK: Syntax

enum Assertion: UInt8 {
    case textStart, lineStart, textEnd, dollar, lineEnd, wordBoundary, notWordBoundary
    /// Not before a line feed (for `.` with `(?s)` after a CR).
    case notBeforeLF
}

indirect enum Node {
    case empty
    case scalar(UInt32, fold: Bool)
    case set(Int)
    case dot(all: Bool)
    case assertion(Assertion)
    case group(Node, capture: Int?)
    case concat([Node])
    case alternation([Node])
    case repetition(Node, min: Int, max: Int?, greedy: Bool)

    /// Whether the node can match the empty string.
    var nullable: Bool {
        switch self {
        case .empty, .assertion: return true
        case .scalar, .set, .dot: return false
        case .group(let inner, _): return inner.nullable
        case .concat(let items): return items.allSatisfy(\.nullable)
        case .alternation(let items): return items.contains(where: \.nullable)
        case .repetition(let inner, let min, _, _): return min == 0 || inner.nullable
        }
    }
}

private struct Flags {
    var caseless = false
    var multiline = false
    var dotAll = false
}

private struct Parser {
    typealias Unsupported = LinearRegex.Unsupported
    let s: [Unicode.Scalar]
    var i = 0
    var groupCount = 0
    var depth = 0
    /// How many `^` the pattern has under `(?m)`.
    var lineStarts = 0
    var flags = Flags()
    var sets: [ScalarSet] = []

    init(_ s: [Unicode.Scalar]) { self.s = s }

    var atEnd: Bool { i >= s.count }
    func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    mutating func parseWhole() throws(Unsupported) -> Node {
        let node = try parseAlternation()
        guard atEnd else { throw Unsupported("unbalanced ')'") }
        return node
    }

    mutating func parseAlternation() throws(Unsupported) -> Node {
        var branches = [try parseSequence()]
        while peek() == "|" {
            i += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() throws(Unsupported) -> Node {
        var items: [Node] = []
        while let c = peek(), c != "|", c != ")" {
            guard let atom = try parseAtom() else { continue }
            items.append(try parseQuantifiers(atom))
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    mutating func parseQuantifiers(_ atom: Node) throws(Unsupported) -> Node {
        var node = atom
        var quantified = false
        while let c = peek() {
            var min = 0, max: Int? = nil
            switch c {
            case "*": i += 1
            case "+": i += 1; min = 1
            case "?": i += 1; max = 1
            case "{":
                guard let (m, n) = parseInterval() else { throw Unsupported("a '{' that is not a repetition count") }
                (min, max) = (m, n)
            default:
                return node
            }
            if quantified { throw Unsupported("a quantifier on a quantifier") }
            quantified = true
            if case .assertion = node { throw Unsupported("a quantified assertion") }
            var greedy = true
            if peek() == "?" { i += 1; greedy = false } else if peek() == "+" { throw Unsupported("a possessive quantifier") }
            if let max, max < min { throw Unsupported("a repetition count {m,n} with n < m") }
            if min > 1000 || (max ?? 0) > 1000 { throw Unsupported("a repetition count over 1000") }
            if node.nullable, max != 1 { throw Unsupported("a repeated group that can match nothing") }
            node = .repetition(node, min: min, max: max, greedy: greedy)
        }
        return node
    }

    mutating func parseInterval() -> (Int, Int?)? {
        var j = i + 1
        func number() -> Int? {
            var value: Int?
            while j < s.count, (0x30...0x39).contains(s[j].value) {
                value = (value ?? 0) * 10 + Int(s[j].value - 0x30)
                if value! > 100_000 { return nil }
                j += 1
            }
            return value
        }
        guard let m = number() else { return nil }
        var n: Int? = m
        if j < s.count, s[j] == "," {
            j += 1
            n = number()
        }
        guard j < s.count, s[j] == "}" else { return nil }
        i = j + 1
        return (m, n)
    }

    mutating func parseAtom() throws(Unsupported) -> Node? {
        let c = s[i]
        i += 1
        switch c {
        case "(":
            return try parseGroup()
        case "[":
            return .set(try parseClass())
        case ".":
            guard flags.dotAll else { return .dot(all: false) }
            // ICU's `.` with `(?s)` takes CR LF as one character: CR LF, or any other character, or a CR
            // that no LF follows (the three cannot overlap, so no choice is left to backtrack into).
            var notCR = ScalarSet()
            notCR.ranges = [0x0D...0x0D]
            notCR.negated = true
            return .alternation([.concat([.scalar(0x0D, fold: false), .scalar(0x0A, fold: false)]), .set(addSet(notCR)),
                                 .concat([.scalar(0x0D, fold: false), .assertion(.notBeforeLF)])])
        case "^":
            if flags.multiline { lineStarts += 1 }
            return .assertion(flags.multiline ? .lineStart : .textStart)
        case "$":
            return .assertion(flags.multiline ? .lineEnd : .dollar)
        case "\\":
            return try parseEscape()
        case "*", "+", "?", "{":
            throw Unsupported("a quantifier with nothing before it")
        default:
            return try literal(c.value)
        }
    }

    mutating func literal(_ c: UInt32) throws(Unsupported) -> Node {
        guard flags.caseless else { return .scalar(c, fold: false) }
        if CaseFolding.hasLongFolding(c) { throw Unsupported("a case-insensitive character with a multi-character folding") }
        return .scalar(CaseFolding.key(c), fold: true)
    }

    mutating func parseGroup() throws(Unsupported) -> Node? {
        // The parser, the compiler and `nullable` recurse once per level.
        depth += 1
        defer { depth -= 1 }
        guard depth <= 100 else { throw Unsupported("groups nested more than 100 deep") }
        let saved = flags
        var capture: Int?
        if peek() == "?" {
            i += 1
            switch peek() {
            case ":":
                i += 1
            case "<" where peek(1) != "=" && peek(1) != "!":
                i += 1
                while let c = peek(), c != ">" {
                    guard c.properties.isAlphabetic || ("0"..."9").contains(c) else { throw Unsupported("a group name") }
                    i += 1
                }
                guard peek() == ">" else { throw Unsupported("a group name") }
                i += 1
                groupCount += 1
                capture = groupCount
            case "=", "!", "<", ">", "#":
                throw Unsupported("lookaround, an atomic group or a comment")
            default:
                // Flags: (?ims-ims) for the rest of the enclosing group, or (?ims-ims: … ).
                var on = true
                while let f = peek(), f != ")", f != ":" {
                    switch f {
                    case "-": on = false
                    case "i": flags.caseless = on
                    case "m": flags.multiline = on
                    case "s": flags.dotAll = on
                    default: throw Unsupported("the flag '\(f)'")
                    }
                    i += 1
                }
                guard let f = peek() else { throw Unsupported("an unclosed group") }
                i += 1
                if f == ")" { return nil }  // flags now apply to what follows
            }
        } else {
            groupCount += 1
            capture = groupCount
        }
        let inner = try parseAlternation()
        guard peek() == ")" else { throw Unsupported("an unclosed group") }
        i += 1
        flags = saved
        return .group(inner, capture: capture)
    }

    mutating func addSet(_ set: ScalarSet) -> Int {
        var set = set
        set.seal()
        sets.append(set)
        return sets.count - 1
    }

    mutating func classSet(_ cls: CharacterClass, negated: Bool, fold: Bool = false) -> Int {
        var set = ScalarSet()
        set.classes = [(cls, negated)]
        set.fold = fold
        return addSet(set)
    }

    /// An escape outside a class.
    mutating func parseEscape() throws(Unsupported) -> Node {
        guard let c = peek() else { throw Unsupported("a trailing backslash") }
        switch c {
        case "d", "D": i += 1; return .set(classSet(.digit, negated: c == "D"))
        case "w", "W": i += 1; return .set(classSet(.word, negated: c == "W"))
        case "s", "S": i += 1; return .set(classSet(.space, negated: c == "S"))
        case "b": i += 1; return .assertion(.wordBoundary)
        case "B": i += 1; return .assertion(.notWordBoundary)
        case "A": i += 1; return .assertion(.textStart)
        case "z": i += 1; return .assertion(.textEnd)
        case "p", "P":
            i += 1
            let cls = try parseProperty()
            if c == "P" && flags.caseless { throw Unsupported("a case-insensitive \\P{…}") }
            return .set(classSet(cls, negated: c == "P", fold: flags.caseless))
        default:
            return try literal(try parseCharacterEscape())
        }
    }

    mutating func parseProperty() throws(Unsupported) -> CharacterClass {
        var name = ""
        if peek() == "{" {
            i += 1
            while let c = peek(), c != "}" { name.unicodeScalars.append(c); i += 1 }
            guard peek() == "}" else { throw Unsupported("an unclosed \\p{") }
            i += 1
        } else if let c = peek() {
            name = String(c)
            i += 1
        }
        guard let cls = CharacterClass.named(name) else { throw Unsupported("the property \\p{\(name)}") }
        return cls
    }

    /// An escape that stands for one character (after the backslash).
    mutating func parseCharacterEscape() throws(Unsupported) -> UInt32 {
        let c = s[i]
        i += 1
        switch c {
        case "t": return 0x09
        case "n": return 0x0A
        case "r": return 0x0D
        case "f": return 0x0C
        case "a": return 0x07
        case "e": return 0x1B
        case "x":
            if peek() == "{" {
                i += 1
                let v = try hex(maxDigits: 6, exact: false)
                guard peek() == "}" else { throw Unsupported("\\x{ without }") }
                i += 1
                return try valid(v)
            }
            return try valid(try hex(maxDigits: 2, exact: true))
        case "u": return try valid(try hex(maxDigits: 4, exact: true))
        case "U": return try valid(try hex(maxDigits: 8, exact: true))
        case "0":
            var v: UInt32 = 0, n = 0
            while n < 3, let d = peek(), ("0"..."7").contains(d) { v = v * 8 + d.value - 0x30; i += 1; n += 1 }
            return try valid(v)
        default:
            if c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) {
                throw Unsupported("the escape \\\(c)")
            }
            return c.value
        }
    }

    func valid(_ v: UInt32) throws(Unsupported) -> UInt32 {
        guard Unicode.Scalar(v) != nil else { throw Unsupported("an escape that is not a character") }
        return v
    }

    mutating func hex(maxDigits: Int, exact: Bool) throws(Unsupported) -> UInt32 {
        var v: UInt32 = 0, n = 0
        while n < maxDigits, let d = peek(), let digit = UInt32(String(d), radix: 16), d.isASCII {
            v = v * 16 + digit
            i += 1
            n += 1
        }
        guard n > 0, !exact || n == maxDigits else { throw Unsupported("a hexadecimal escape") }
        return v
    }

    /// A class `[…]`, after the `[`.
    mutating func parseClass() throws(Unsupported) -> Int {
        var set = ScalarSet()
        if peek() == "^" { i += 1; set.negated = true }
        if peek() == "]" { throw Unsupported("a ']' first in a class") }
        var first = true
        while let c = peek(), c != "]" {
            if c == "[" { throw Unsupported("a nested class or a POSIX class") }
            if c == "&" && peek(1) == "&" { throw Unsupported("a class intersection") }
            if c == "-" && peek(1) == "-" { throw Unsupported("a class difference") }
            if c == "-" && !first && peek(1) != "]" { throw Unsupported("a '-' that is not a range") }
            first = false
            // One item: a class escape, or a character, perhaps the start of a range.
            let low: UInt32
            if c == "\\" {
                i += 1
                guard let e = peek() else { throw Unsupported("an unclosed class") }
                switch e {
                case "d", "D", "w", "W", "s", "S":
                    i += 1
                    let cls: CharacterClass = e == "d" || e == "D" ? .digit : (e == "w" || e == "W" ? .word : .space)
                    set.classes.append((cls, e.properties.isUppercase))
                    continue
                case "p", "P":
                    i += 1
                    set.classes.append((try parseProperty(), e == "P"))
                    continue
                default:
                    low = try parseCharacterEscape()
                }
            } else {
                i += 1
                low = c.value
            }
            if peek() == "-", let after = peek(1), after != "]" {
                i += 1
                let high: UInt32
                if after == "\\" {
                    i += 1
                    guard let e = peek(), !"dDwWsSpP".unicodeScalars.contains(e) else { throw Unsupported("a range to a class") }
                    high = try parseCharacterEscape()
                } else if after == "[" {
                    throw Unsupported("a range to a class")
                } else {
                    i += 1
                    high = after.value
                }
                guard low <= high else { throw Unsupported("a reversed range") }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
        guard peek() == "]" else { throw Unsupported("an unclosed class") }
        i += 1
        if flags.caseless {
            set.fold = true
            // ICU closes a class over case; characters with long foldings add strings, which it matches its own way.
            var size = 0
            for r in set.ranges {
                size += r.count
                if size > 0x3000 { throw Unsupported("a large case-insensitive class") }
                for c in r where CaseFolding.hasLongFolding(c) { throw Unsupported("a case-insensitive class with a multi-character folding") }
            }
            // Negation before or after closing over case differs only for cased characters: leave those to ICU.
            if set.negated {
                if !set.classes.allSatisfy({ $0.0 == .digit || $0.0 == .space }) { throw Unsupported("a negated case-insensitive class") }
                for r in set.ranges { for c in r where CaseFolding.variants(c).count > 1 { throw Unsupported("a negated case-insensitive class") } }
            }
        }
        return addSet(set)
    }
}

// MARK: Program

struct Inst: Sendable {
    enum Op: UInt8, Sendable { case scalar, scalarFold, set, dot, dotAll, split, jump, save, assert, match }
    var op: Op
    var a: Int
    var b: Int
}

private struct Compiler {
    var program: [Inst] = []
    var sets: [ScalarSet] = []

    @discardableResult
    mutating func emit(_ op: Inst.Op, _ a: Int = 0, _ b: Int = 0) -> Int {
        program.append(Inst(op: op, a: a, b: b))
        return program.count - 1
    }

    mutating func compile(_ node: Node) throws(LinearRegex.Unsupported) {
        guard program.count <= 100_000 else { throw LinearRegex.Unsupported("the pattern compiles to too many states") }
        switch node {
        case .empty: break
        case .scalar(let c, let fold): emit(fold ? .scalarFold : .scalar, Int(c))
        case .set(let index): emit(.set, index)
        case .dot(let all): emit(all ? .dotAll : .dot)
        case .assertion(let a): emit(.assert, Int(a.rawValue))
        case .group(let inner, let capture):
            if let k = capture { emit(.save, 2 * k) }
            try compile(inner)
            if let k = capture { emit(.save, 2 * k + 1) }
        case .concat(let items):
            for item in items { try compile(item) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (n, branch) in branches.enumerated() {
                if n < branches.count - 1 {
                    let split = emit(.split)
                    program[split].a = program.count
                    try compile(branch)
                    jumps.append(emit(.jump))
                    program[split].b = program.count
                } else {
                    try compile(branch)
                }
            }
            for j in jumps { program[j].a = program.count }
        case .repetition(let inner, let min, let max, let greedy):
            for _ in 0..<min { try compile(inner) }
            if let max {
                // Optional copies, each entered only after the one before it: x{0,3} = (x(x(x)?)?)?.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(emit(.split))
                    try compile(inner)
                }
                for s in splits { prefer(s, body: s + 1, exit: program.count, greedy: greedy) }
            } else {
                let split = emit(.split)
                try compile(inner)
                emit(.jump, split)
                prefer(split, body: split + 1, exit: program.count, greedy: greedy)
            }
        }
    }

    mutating func prefer(_ split: Int, body: Int, exit: Int, greedy: Bool) {
        program[split].a = greedy ? body : exit
        program[split].b = greedy ? exit : body
    }
}
