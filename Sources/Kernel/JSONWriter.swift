/// A small, fast JSON writer over a byte buffer. Keys are written in the order given; callers sort them.
///
/// Foundation's `JSONEncoder` runs at about a seventh of this speed and does not fix key order, so the
/// hot path (one record per document) uses this instead.
public struct JSONWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] = []
    /// One bit per open container, innermost lowest: set once the container holds a value, so the next
    /// one needs a comma. Containers nested deeper than 63 keep their bits in `deeper`.
    private var commas: UInt64 = 0
    private var depth = 0
    private var deeper: [UInt64] = []

    /// Creates an empty writer.
    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Empties the writer for the next value, keeping its buffer.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        commas = 0
        depth = 0
        deeper = []
    }

    /// Starts a new top-level value after the bytes written so far (the next line of JSON Lines), without
    /// a comma before it.
    public mutating func resetSeparator() {
        commas = 0
        depth = 0
        deeper = []
    }

    @inline(__always)
    private mutating func separate() {
        if commas & 1 != 0 { bytes.append(UInt8(ascii: ",")) }
        commas |= 1
    }

    /// Enters a container: a new, empty level.
    @inline(__always)
    private mutating func push() {
        if depth >= 63 { deeper.append(commas >> 63) }
        commas <<= 1
        depth += 1
    }

    /// Leaves a container.
    @inline(__always)
    private mutating func pop() {
        commas >>= 1
        depth -= 1
        if depth >= 63, let high = deeper.popLast() { commas |= high << 63 }
    }

    /// `{`.
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        push()
    }

    /// `}`.
    public mutating func endObject() {
        pop()
        bytes.append(UInt8(ascii: "}"))
    }

    /// `[`.
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        push()
    }

    /// `]`.
    public mutating func endArray() {
        pop()
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object key; the next value written belongs to it.
    public mutating func key(_ key: String) {
        separate()
        appendString(key)
        bytes.append(UInt8(ascii: ":"))
        commas &= ~1
    }

    /// Values after a key get no comma: `key` cleared the flag, and this sets it again.
    private mutating func valueStart() { separate() }

    /// A string value.
    public mutating func string(_ value: String) {
        valueStart()
        appendString(value)
    }

    /// An object key known to need no escaping (a literal), written without scanning it.
    public mutating func key(literal: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        commas &= ~1
    }

    /// An integer value, formatted without allocating.
    public mutating func int(_ value: Int) {
        valueStart()
        Self.appendDecimal(value, to: &bytes)
    }

    /// Appends an integer's decimal digits, without allocating (for other writers of text formats, too).
    public static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 0 && value < 10_000 {
            // Offsets and counts: the common case, without a digit buffer.
            let zero = UInt8(ascii: "0")
            if value >= 1000 { bytes.append(zero + UInt8(value / 1000)) }
            if value >= 100 { bytes.append(zero + UInt8(value / 100 % 10)) }
            if value >= 10 { bytes.append(zero + UInt8(value / 10 % 10)) }
            bytes.append(zero + UInt8(value % 10))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Opens a span object with its offsets, `{"start":S,"end":E`, in one append: records write this for
    /// every span. Keys and values that follow go into the same object; close it with ``endObject()``.
    public mutating func beginSpan(start: Int, end: Int) {
        separate()
        push()
        commas |= 1
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { out in
            var n = 0
            @inline(__always) func put(_ b: UInt8) { out[n] = b; n += 1 }
            @inline(__always) func put(_ s: StaticString) {
                s.withUTF8Buffer { for b in $0 { put(b) } }
            }
            @inline(__always) func number(_ value: Int) {
                var v = value.magnitude
                if value < 0 { put(UInt8(ascii: "-")) }
                let first = n
                repeat { put(UInt8(ascii: "0") + UInt8(v % 10)); v /= 10 } while v > 0
                var lo = first, hi = n - 1
                while lo < hi { out.swapAt(lo, hi); lo += 1; hi -= 1 }
            }
            put(#"{"start":"#)
            number(start)
            put(#","end":"#)
            number(end)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<n]))
        }
    }

    /// A string value taken straight from UTF-8 bytes (a slice of a document's text), without making a String.
    public mutating func string(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        valueStart()
        appendEscaped(buffer)
    }

    /// A floating-point value (shortest round-trip form; NaN and infinity become null).
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        valueStart()
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// A Boolean value.
    public mutating func bool(_ value: Bool) {
        valueStart()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// null.
    public mutating func null() {
        valueStart()
        bytes.append(contentsOf: "null".utf8)
    }

    private mutating func containerStart() { separate() }

    /// `key: {` in one call.
    public mutating func beginObject(_ key: String) {
        self.key(key)
        containerStart()
        bytes.append(UInt8(ascii: "{"))
        push()
    }

    /// `key: [` in one call.
    public mutating func beginArray(_ key: String) {
        self.key(key)
        containerStart()
        bytes.append(UInt8(ascii: "["))
        push()
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a quoted, escaped string. Bytes that need no escaping are copied in runs.
    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    /// Flags (0x80 in a byte) the eight bytes that may need escaping: below 0x20, `"` or `\`. Zero when
    /// none does; otherwise the lowest flag marks the first byte that does (flags above it may be false).
    @inline(__always)
    private static func escapeFlags(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (w &- ones &* 0x20) & ~w                      // bytes < 0x20 (bytes >= 0x80 are masked by ~w)
        let quote = ((w ^ (ones &* 0x22)) &- ones) & ~(w ^ (ones &* 0x22))
        let backslash = ((w ^ (ones &* 0x5C)) &- ones) & ~(w ^ (ones &* 0x5C))
        return (control | quote | backslash) & highs
    }

    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        do {
            var runStart = 0
            var i = 0
            let raw = UnsafeRawPointer(buffer.baseAddress)
            while i < buffer.count {
                // Eight bytes at a time through text that needs no escaping (almost all of it), then straight
                // to the first byte that may.
                if let raw, i + 8 <= buffer.count {
                    let flags = Self.escapeFlags(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    if flags == 0 {
                        i += 8
                        continue
                    }
                    i += flags.trailingZeroBitCount >> 3
                }
                let b = buffer[i]
                i += 1
                if b >= 0x20 && b != 0x22 && b != 0x5C { continue }
                let at = i - 1
                if runStart < at { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<at])) }
                runStart = at + 1
                bytes.append(0x5C)
                switch b {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(0x30)
                    bytes.append(0x30)
                    bytes.append(Self.hex[Int(b >> 4)])
                    bytes.append(Self.hex[Int(b & 0xF)])
                }
            }
            if runStart < buffer.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes an attribute value. Spans are written with code-point offsets into `text`, with their text.
    public mutating func attribute(_ value: AttributeValue, text: String, index: CodePointIndex) {
        switch value {
        case .string(let s): string(s)
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .bool(let b): bool(b)
        case .null: null()
        case .span(let ref):
            containerStart()
            bytes.append(UInt8(ascii: "{"))
            push()
            key("start"); int(index(ref.start))
            key("end"); int(index(ref.end))
            key("text"); string(Self.slice(text, ref.start, ref.end))
            for entry in ref.extra.entries {
                key(entry.key)
                attribute(entry.value, text: text, index: index)
            }
            endObject()
        case .list(let items):
            containerStart()
            bytes.append(UInt8(ascii: "["))
            push()
            for item in items { attribute(item, text: text, index: index) }
            endArray()
        case .map(let fields):
            containerStart()
            bytes.append(UInt8(ascii: "{"))
            push()
            Self.forEachSortedKey(fields) { k, value in
                key(k)
                attribute(value, text: text, index: index)
            }
            endObject()
        }
    }

    /// Calls `body` with each key of a dictionary in sorted order, sorting in stack memory rather than
    /// allocating an array (records write this for every span).
    @inlinable
    public static func forEachSortedKey<V>(_ dictionary: [String: V], _ body: (String, V) -> Void) {
        switch dictionary.count {
        case 0: return
        case 1: for (key, value) in dictionary { body(key, value) }
        default:
            withUnsafeTemporaryAllocation(of: String.self, capacity: dictionary.count) { keys in
                var n = 0
                for key in dictionary.keys {
                    (keys.baseAddress! + n).initialize(to: key)
                    n += 1
                }
                var initialized = UnsafeMutableBufferPointer(rebasing: keys[0..<n])
                initialized.sort()
                for key in initialized { body(key, dictionary[key]!) }
                _ = initialized.deinitialize()
            }
        }
    }

    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: start)
        return String(text[lo..<utf8.index(lo, offsetBy: end - start)])
    }
}
