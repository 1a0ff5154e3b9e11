/// A small, fast JSON writer over a byte buffer. Keys are written in the order given; callers sort them.
///
/// Foundation's `JSONEncoder` runs at about a seventh of this speed and does not fix key order, so the
/// hot path (one record per document) uses this instead.
public struct JSONWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    /// Creates an empty writer.
    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Empties the writer for the next value, keeping its buffer.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = [false]
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// `{`.
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    /// `}`.
    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    /// `[`.
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    /// `]`.
    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object key; the next value written belongs to it.
    public mutating func key(_ key: String) {
        separate()
        appendString(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
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
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma[needsComma.count - 1] = false
    }

    /// An integer value, formatted without allocating.
    public mutating func int(_ value: Int) {
        valueStart()
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
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
        needsComma.append(false)
    }

    /// `key: [` in one call.
    public mutating func beginArray(_ key: String) {
        self.key(key)
        containerStart()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a quoted, escaped string. Bytes that need no escaping are copied in runs.
    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        do {
            var runStart = 0
            for i in 0..<buffer.count {
                let b = buffer[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<i])) }
                runStart = i + 1
                switch b {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
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
            needsComma.append(false)
            key("start"); int(index(ref.start))
            key("end"); int(index(ref.end))
            key("text"); string(Self.slice(text, ref.start, ref.end))
            Self.forEachSortedKey(ref.extra) { k, value in
                key(k)
                attribute(value, text: text, index: index)
            }
            endObject()
        case .list(let items):
            containerStart()
            bytes.append(UInt8(ascii: "["))
            needsComma.append(false)
            for item in items { attribute(item, text: text, index: index) }
            endArray()
        case .map(let fields):
            containerStart()
            bytes.append(UInt8(ascii: "{"))
            needsComma.append(false)
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
