#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses JSON text (RFC 8259) into a ``JSONValue``, straight from its UTF-8 bytes.
///
/// Every JSON Lines input record and every plugin answer is parsed once. Foundation's `JSONDecoder` reaches
/// a `JSONValue` through Codable, probing each scalar as a Bool, an Int and a Double before a String, each
/// failed probe building an error: a seventh of a whole run reading JSON Lines. This reads the same values:
/// a number that is a whole number an `Int` holds exactly is `.int` (`1.0` and `1e2` too, as `JSONDecoder`
/// gives them), any other number `.number`; a repeated key keeps its first value, and a comma before a
/// closing bracket or brace is allowed, both as `JSONDecoder` does. Otherwise it is strict: no comments,
/// no control characters or lone surrogates in strings, nothing after the value but whitespace, and at
/// most ``maxDepth`` nested arrays and objects.
public struct JSONReader {
    /// Arrays and objects nested deeper than this are an error, not a stack overflow.
    public static let maxDepth = 512

    /// What is wrong with a JSON text, and the byte offset where it was found.
    public struct SyntaxError: Error, CustomStringConvertible, Equatable {
        /// What was expected or found.
        public var message: String
        /// Byte offset into the text.
        public var offset: Int
        /// The message with the position, counted from 1 like a column.
        public var description: String { "\(message) at byte \(offset + 1)" }
    }

    /// Parses a whole JSON text.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var reader = JSONReader(b: bytes)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.i == bytes.count else { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    /// Parses a whole JSON text that is an object, and also returns the text of the top-level member `key`
    /// when it is a number (its first occurrence, as the value kept): a JSON Lines id such as
    /// `12345678901234567890123`, which no Int holds and a Double would round, is then kept as its digits.
    public static func parse(_ text: String, numberTextOf key: String) throws(SyntaxError) -> (JSONValue, String?) {
        var text = text
        return try text.withUTF8 { b in
            Result { () throws(SyntaxError) in
                var reader = JSONReader(b: b)
                reader.capture = (Array(key.utf8), nil)
                reader.skipSpace()
                let value = try reader.value(depth: 0)
                reader.skipSpace()
                guard reader.i == b.count else { throw reader.error("unexpected text after the JSON value") }
                return (value, reader.capture?.text)
            }
        }.get()
    }

    /// Parses a whole JSON text held in a string.
    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var text = text
        return try text.withUTF8 { b in Result { () throws(SyntaxError) in try parse(b) } }.get()
    }

    /// Parses a whole JSON text held in bytes.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { b in Result { () throws(SyntaxError) in try parse(b) } }.get()
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// Unescaped string bytes, reused by every string that has an escape.
    private var scratch: [UInt8] = []
    /// A top-level key whose number value's text is wanted, and that text once found.
    private var capture: (key: [UInt8], text: String?)?

    private init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

    private func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: i) }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i &+= 1 }
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
        guard i < b.count else { throw error("a value was expected, the text ended") }
        switch b[i] {
        case 0x22: return .string(try string())
        case 0x7B: return try object(depth: depth + 1)
        case 0x5B: return try array(depth: depth + 1)
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0x2D, 0x30...0x39: return try number()
        default: throw error("a value was expected")
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, word.utf8Start, n) == 0 else {
            throw error("'\(word)' was expected")
        }
        i += n
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        if try opensEmpty(0x7D, depth: depth) { return .object(fields) }
        while true {
            skipSpace()
            guard i < b.count, b[i] == 0x22 else { throw error("a key in double quotes was expected") }
            let key = try string()
            skipSpace()
            guard i < b.count, b[i] == 0x3A else { throw error("':' was expected after a key") }
            i += 1
            skipSpace()
            let start = i
            let value = try value(depth: depth)
            if fields[key] == nil {
                fields[key] = value
                if depth == 1, let wanted = capture, wanted.text == nil, key.utf8.elementsEqual(wanted.key),
                   b[start] == 0x2D || (b[start] >= 0x30 && b[start] <= 0x39) {
                    capture?.text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                }
            }
            if try closes(0x7D, "',' or '}'") { return .object(fields) }
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
        var items: [JSONValue] = []
        if try opensEmpty(0x5D, depth: depth) { return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth))
            if try closes(0x5D, "',' or ']'") { return .array(items) }
        }
    }

    /// Steps over an object's or array's opening bracket, refusing one nested too deep; true when `close`
    /// follows at once (`{}`, `[]`), stepped over too.
    private mutating func opensEmpty(_ close: UInt8, depth: Int) throws(SyntaxError) -> Bool {
        guard depth <= Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
        i += 1
        skipSpace()
        guard i < b.count, b[i] == close else { return false }
        i += 1
        return true
    }

    /// After a member or an element: true past the closing byte (after a trailing comma too, as
    /// JSONDecoder allows), false past a comma with more to come.
    private mutating func closes(_ close: UInt8, _ expected: String) throws(SyntaxError) -> Bool {
        skipSpace()
        guard i < b.count else { throw error("\(expected) was expected, the text ended") }
        if b[i] == 0x2C {
            i += 1
            skipSpace()
            guard i < b.count, b[i] == close else { return false }
        } else if b[i] != close {
            throw error("\(expected) was expected")
        }
        i += 1
        return true
    }

    /// A string at `i` (its opening quote). Without escapes, the bytes between the quotes are the string;
    /// with them, plain runs are copied whole between escapes.
    private mutating func string() throws(SyntaxError) -> String {
        i += 1
        let start = i
        skipPlain()
        guard i < b.count else { throw error("the string is not closed") }
        if b[i] == 0x22 {
            i += 1
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<(i - 1)]), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if c < 0x20 { throw error("a control character must be escaped in a string") }
            guard i + 1 < b.count else { break }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x22, 0x5C, 0x2F: scratch.append(e)
            case 0x62: scratch.append(0x08)
            case 0x66: scratch.append(0x0C)
            case 0x6E: scratch.append(0x0A)
            case 0x72: scratch.append(0x0D)
            case 0x74: scratch.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if scalar >= 0xD800, scalar < 0xDC00 {
                    guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { throw error("a high surrogate without its low surrogate") }
                    i += 2
                    let low = try hex4()
                    guard low >= 0xDC00, low < 0xE000 else { throw error("a high surrogate without its low surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00, scalar < 0xE000 {
                    throw error("a low surrogate without its high surrogate")
                }
                appendUTF8(scalar)
            default:
                i -= 1
                throw error("an unknown escape '\\\(Character(Unicode.Scalar(e)))'")
            }
            let run = i
            skipPlain()
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
        }
        throw error("the string is not closed")
    }

    /// Moves `i` to the next quote, backslash or control byte (or the end), eight bytes at a time.
    private mutating func skipPlain() {
        let base = UnsafeRawPointer(b.baseAddress!)
        while i &+ 8 <= b.count {
            let special = Self.specialBytes(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if special != 0 {
                i &+= special.trailingZeroBitCount >> 3
                return
            }
            i &+= 8
        }
        while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i &+= 1 }
    }

    /// The high bit of each byte lane that holds `"`, `\` or a byte below 0x20, exact up to the first such
    /// lane (the borrow of a subtraction can only mark lanes after a true one).
    @inline(__always) static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (0x22 &* ones), backslash = w ^ (0x5C &* ones)
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        let isControl = (w &- 0x20 &* ones) & ~w
        return (isQuote | isBackslash | isControl) & high
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard i + 4 <= b.count else { throw error("four hex digits were expected after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw error("four hex digits were expected after \\u")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    private mutating func appendUTF8(_ s: UInt32) {
        switch s {
        case 0..<0x80: scratch.append(UInt8(s))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | s >> 6)); scratch.append(UInt8(0x80 | s & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | s >> 12)); scratch.append(UInt8(0x80 | s >> 6 & 0x3F)); scratch.append(UInt8(0x80 | s & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | s >> 18)); scratch.append(UInt8(0x80 | s >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | s >> 6 & 0x3F)); scratch.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// A number, in the grammar's shape: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(SyntaxError) -> JSONValue {
        let start = i
        if b[i] == 0x2D { i += 1 }
        func digits(_ r: inout JSONReader) -> Int {
            let from = r.i
            while r.i < r.b.count, r.b[r.i] >= 0x30, r.b[r.i] <= 0x39 { r.i += 1 }
            return r.i - from
        }
        guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw error("a digit was expected") }
        if b[i] == 0x30 {
            i += 1
            if i < b.count, b[i] >= 0x30, b[i] <= 0x39 { throw error("a number cannot start with 0") }
        } else {
            _ = digits(&self)
        }
        var whole = true
        if i < b.count, b[i] == 0x2E {
            i += 1
            whole = false
            guard digits(&self) > 0 else { throw error("a digit was expected after '.'") }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            whole = false
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard digits(&self) > 0 else { throw error("a digit was expected in the exponent") }
        }
        let token = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if whole, let n = Int(token) { return .int(n) }
        guard let d = Double(token), d.isFinite else {
            i = start
            throw error("the number \(token) is out of range")
        }
        if let n = Int(exactly: d) { return .int(n) }
        return .number(d)
    }
}
