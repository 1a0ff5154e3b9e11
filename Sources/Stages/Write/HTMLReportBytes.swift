import LedeRecord

/// A byte buffer the HTML report is rendered into: markup is appended as UTF-8 bytes, and text is escaped
/// by scanning its UTF-8 bytes and copying each run that needs no escaping with one append, never per
/// `Character` or `Unicode.Scalar`.
///
/// The buffer owns its memory (it is not copyable), so an append checks the room left once and copies
/// straight into it, where appending to an `[UInt8]` checked uniqueness and capacity at every append.
struct HTMLBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Empties the buffer, keeping its memory.
    mutating func reset() { count = 0 }

    @inline(never)
    private mutating func grow(_ n: Int) {
        OwnedBytes.grow(&base, count: count, capacity: &capacity, toFit: n)
    }

    /// Appends one byte.
    @inline(__always)
    mutating func byte(_ value: UInt8) {
        if count == capacity { grow(1) }
        base[count] = value
        count &+= 1
    }

    /// Appends bytes as they are.
    @inline(__always)
    mutating func put(_ other: UnsafeBufferPointer<UInt8>) {
        let n = other.count
        guard n > 0 else { return }
        if count &+ n > capacity { grow(n) }
        (base + count).update(from: other.baseAddress!, count: n)
        count &+= n
    }

    /// Appends markup (or text known to need no escaping) as it is.
    mutating func append(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ put($0) }) { return done }
        var copy = text
        copy.withUTF8 { put($0) }
    }

    /// Appends markup written in the source as it is.
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends bytes as they are.
    @inline(__always)
    mutating func append(_ other: [UInt8]) {
        other.withUnsafeBufferPointer { put($0) }
    }

    /// Appends a number in decimal.
    @inline(__always)
    mutating func append(_ n: Int) {
        guard n >= 0 else { return append(String(n)) }
        var rest = n, divisor = 1
        while rest >= 10 { rest /= 10; divisor &*= 10 }
        rest = n
        while divisor > 0 {
            byte(UInt8(truncatingIfNeeded: rest / divisor) &+ 0x30)
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends text escaped as ``HTML/escape(_:)`` escapes it.
    mutating func escape(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ escape($0, 0..<$0.count) }) { return done }
        var copy = text
        copy.withUTF8 { escape($0, 0..<$0.count) }
    }

    /// For each byte value, whether escaping may change the text there: 1 for `&`, `<`, `>`, `"`, `'`, the
    /// C0 controls but tab, line feed and carriage return, and DEL; 2 for the first byte of a control it
    /// shows (0xD8, 0xE2, 0xEF), to look at further; 0 for every other byte.
    private static let attention: [UInt8] = (0..<256).map { byte -> UInt8 in
        switch byte {
        case 0x09, 0x0A, 0x0D: 0
        case 0x00...0x1F, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F: 1
        case 0xD8, 0xE2, 0xEF: 2
        default: 0
        }
    }

    /// Appends a UTF-8 range of `text` (which starts and ends on scalar boundaries) escaped for element
    /// content and attribute values: `& < > " '` as entities; bidi and zero-width controls (U+200B–U+200F,
    /// U+202A–U+202E, U+2066–U+2069, U+FEFF, U+061C) and C0 controls but tab, line feed and carriage
    /// return, and DEL, as visible `U+XXXX` code points.
    mutating func escape(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= text.count, "a range outside the text")
        var i = range.lowerBound, run = i
        let end = range.upperBound
        @inline(__always) func flush(_ upTo: Int) {
            if upTo > run { put(UnsafeBufferPointer(rebasing: text[run..<upTo])) }
        }
        Self.attention.withUnsafeBufferPointer { attention in
            while i < end {
                let b = text[i]
                let kind = attention[Int(b)]
                if kind == 0 {
                    i &+= 1
                    continue
                }
                if kind == 1 {
                    flush(i)
                    switch b {
                    case 0x26: raw("&amp;")
                    case 0x3C: raw("&lt;")
                    case 0x3E: raw("&gt;")
                    case 0x22: raw("&quot;")
                    case 0x27: raw("&#39;")
                    default: control(UInt32(b))
                    }
                    i += 1
                    run = i
                    continue
                }
                // 0xD8, 0xE2 or 0xEF: a bidi or zero-width control (U+061C; U+200B–U+200F, U+202A–U+202E,
                // U+2066–U+2069; U+FEFF), or another character.
                var length = 0
                if i + 1 < end {
                    let b1 = text[i + 1]
                    if b == 0xD8 {
                        if b1 == 0x9C { length = 2 }
                    } else if i + 2 < end {
                        let b2 = text[i + 2]
                        if b == 0xE2 {
                            if b1 == 0x80, (0x8B...0x8F).contains(b2) || (0xAA...0xAE).contains(b2) { length = 3 }
                            if b1 == 0x81, (0xA6...0xA9).contains(b2) { length = 3 }
                        } else if b1 == 0xBB, b2 == 0xBF {
                            length = 3
                        }
                    }
                }
                guard length > 0 else {
                    i += 1
                    continue
                }
                flush(i)
                let b1 = text[i + 1]
                let value = length == 2
                    ? UInt32(b & 0x1F) << 6 | UInt32(b1 & 0x3F)
                    : UInt32(b & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F)
                control(value)
                i += length
                run = i
            }
        }
        flush(end)
    }

    /// A control shown as its code point.
    private mutating func control(_ value: UInt32) {
        raw("<span class=\"ctl\">U+")
        append(String(value, radix: 16, uppercase: true))
        raw("</span>")
    }

    /// Appends text as a JSON string literal, as ``ReportCatalog/jsonString(_:)`` writes it.
    mutating func jsonString(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ jsonString($0) }) { return done }
        var copy = text
        copy.withUTF8 { jsonString($0) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends UTF-8 text as a JSON string literal that is also safe inside an HTML `<script>` element.
    mutating func jsonString(_ text: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        var i = 0, run = 0
        let end = text.count
        @inline(__always) func flush(_ upTo: Int) {
            if upTo > run { put(UnsafeBufferPointer(rebasing: text[run..<upTo])) }
        }
        while i < end {
            let b = text[i]
            var length = 1
            var escaped: UInt8? = nil
            switch b {
            case 0x22: escaped = 0x22
            case 0x5C: escaped = 0x5C
            case 0x0A: escaped = UInt8(ascii: "n")
            case 0x0D: escaped = UInt8(ascii: "r")
            case 0x09: escaped = UInt8(ascii: "t")
            case 0x3C, 0x3E, 0x26, 0x00...0x1F, 0x7F: break
            case 0xE2 where i + 2 < end && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9): length = 3
            default:
                i += 1
                continue
            }
            flush(i)
            if let escaped {
                byte(0x5C)
                byte(escaped)
            } else {
                let value = length == 3 ? 0x2000 | UInt32(text[i + 2] & 0x3F) : UInt32(b)
                let hex = Self.hex
                byte(0x5C)
                byte(UInt8(ascii: "u"))
                byte(hex[Int(value >> 12 & 0xF)])
                byte(hex[Int(value >> 8 & 0xF)])
                byte(hex[Int(value >> 4 & 0xF)])
                byte(hex[Int(value & 0xF)])
            }
            i += length
            run = i
        }
        flush(end)
        byte(0x22)
    }
}
