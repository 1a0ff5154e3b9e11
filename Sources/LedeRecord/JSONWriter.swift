#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LedeCore

/// Growth of a byte buffer that owns its memory (``JSONWriter``, and the HTML report's): one piece of code
/// for both, kept out of their inlined appends.
public enum OwnedBytes {
    /// Moves the `count` bytes at `base` into memory of at least twice `capacity` with room for `n` more,
    /// frees the old memory, and updates `base` and `capacity`.
    public static func grow(_ base: inout UnsafeMutablePointer<UInt8>, count: Int, capacity: inout Int, toFit n: Int) {
        var newCapacity = capacity * 2
        while newCapacity < count + n { newCapacity *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = newCapacity
    }
}

/// A small, fast JSON writer over a byte buffer. Keys are written in the order given; callers sort them.
///
/// Foundation's `JSONEncoder` runs at about a seventh of this speed and does not fix key order, so the
/// hot path (one record per document) uses this instead. The writer owns its buffer (it is not copyable):
/// a write checks the room left once and stores bytes straight into memory, where appending to an
/// `[UInt8]` checked uniqueness and capacity at every append, a third of the JSON Lines writer's time.
public struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    public private(set) var count = 0
    private var capacity: Int
    /// One bit per open container, innermost lowest: set once the container holds a value, so the next
    /// one needs a comma. Containers nested deeper than 63 keep their bits in `deeper`.
    private var commas: UInt64 = 0
    private var depth = 0
    private var deeper: [UInt64] = []

    /// Creates an empty writer.
    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { withBytes { Array($0) } }

    /// Calls `body` with the bytes written so far, without copying them.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Empties the writer for the next value, keeping its buffer.
    public mutating func reset() {
        count = 0
        resetSeparator()
    }

    /// Starts a new top-level value after the bytes written so far (the next line of JSON Lines), without
    /// a comma before it.
    public mutating func resetSeparator() {
        commas = 0
        depth = 0
        deeper = []
    }

    /// Appends one byte as it is (a newline between JSON Lines records).
    public mutating func raw(_ byte: UInt8) {
        reserve(1)
        put(byte)
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        OwnedBytes.grow(&base, count: count, capacity: &capacity, toFit: n)
    }

    /// Stores a byte in room already reserved.
    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Stores bytes in room already reserved.
    @inline(__always)
    private mutating func put(_ source: UnsafeRawPointer, _ n: Int) {
        memcpy(base + count, source, n)
        count &+= n
    }

    @inline(__always)
    private mutating func separate() {
        if commas & 1 != 0 { raw(UInt8(ascii: ",")) }
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

    /// Opens a container with its bracket, after a comma when one is due.
    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        separate()
        raw(bracket)
        push()
    }

    /// Closes a container with its bracket.
    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        pop()
        raw(bracket)
    }

    /// `{`.
    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// `}`.
    public mutating func endObject() { close(UInt8(ascii: "}")) }

    /// `[`.
    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    /// `]`.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An object key; the next value written belongs to it.
    public mutating func key(_ key: String) {
        separate()
        appendString(key)
        raw(UInt8(ascii: ":"))
        commas &= ~1
    }

    /// Values after a key get no comma: `key` cleared the flag, and this sets it again.
    @inline(__always)
    private mutating func valueStart() { separate() }

    /// A string value.
    public mutating func string(_ value: String) {
        valueStart()
        appendString(value)
    }

    /// An object key known to need no escaping (a literal), written without scanning it.
    ///
    /// Inlined, so that the literal's length is known where it is written and its bytes are stored as a
    /// few moves rather than by a call to memcpy.
    @inline(__always)
    public mutating func key(literal: StaticString) {
        let n = literal.utf8CodeUnitCount
        // Room for the comma too, so that the key is one reservation (as `separate` and `key` would write it).
        reserve(n &+ 4)
        if commas & 1 != 0 { put(UInt8(ascii: ",")) }
        put(UInt8(ascii: "\""))
        put(literal.utf8Start, n)
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
        commas &= ~1
    }

    /// An integer value, formatted without allocating.
    public mutating func int(_ value: Int) {
        valueStart()
        reserve(20)
        count &+= Self.storeDecimal(value, at: base + count)
    }

    /// Stores an integer's decimal digits (at most 20 bytes) and returns how many there are: the length
    /// first, then the digits from the last, so nothing is reversed.
    @inline(__always)
    static func storeDecimal(_ value: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        if value >= 0 && value < 10_000 {
            // Offsets and counts, most of what a record holds: their digits directly, without the loops.
            let zero = UInt8(ascii: "0")
            let v = UInt(bitPattern: value)
            if v < 10 {
                out[0] = zero &+ UInt8(truncatingIfNeeded: v)
                return 1
            }
            if v < 100 {
                out[0] = zero &+ UInt8(truncatingIfNeeded: v / 10)
                out[1] = zero &+ UInt8(truncatingIfNeeded: v % 10)
                return 2
            }
            if v < 1000 {
                out[0] = zero &+ UInt8(truncatingIfNeeded: v / 100)
                out[1] = zero &+ UInt8(truncatingIfNeeded: v / 10 % 10)
                out[2] = zero &+ UInt8(truncatingIfNeeded: v % 10)
                return 3
            }
            out[0] = zero &+ UInt8(truncatingIfNeeded: v / 1000)
            out[1] = zero &+ UInt8(truncatingIfNeeded: v / 100 % 10)
            out[2] = zero &+ UInt8(truncatingIfNeeded: v / 10 % 10)
            out[3] = zero &+ UInt8(truncatingIfNeeded: v % 10)
            return 4
        }
        var v = value.magnitude
        var out = out
        if value < 0 { out.pointee = UInt8(ascii: "-"); out += 1 }
        var digits = 1
        var limit: UInt = 10
        while v >= limit {
            digits &+= 1
            if digits == 20 { break }
            limit &*= 10
        }
        var at = digits
        repeat {
            at &-= 1
            out[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        } while at > 0
        return digits &+ (value < 0 ? 1 : 0)
    }

    /// Appends an integer's decimal digits, without allocating (for other writers of text formats, too).
    public static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 0 && value < 10_000 {
            // Offsets and counts: the common case, a byte at a time (cheaper than a buffer for four digits).
            let zero = UInt8(ascii: "0")
            if value >= 1000 { bytes.append(zero + UInt8(value / 1000)) }
            if value >= 100 { bytes.append(zero + UInt8(value / 100 % 10)) }
            if value >= 10 { bytes.append(zero + UInt8(value / 10 % 10)) }
            bytes.append(zero + UInt8(value % 10))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            let n = storeDecimal(value, at: digits.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<n]))
        }
    }

    /// Opens a span object with its offsets, `{"start":S,"end":E`, in one append: records write this for
    /// every span. Keys and values that follow go into the same object; close it with ``endObject()``.
    public mutating func beginSpan(start: Int, end: Int) {
        separate()
        push()
        commas |= 1
        reserve(64)
        let open: StaticString = #"{"start":"#, middle: StaticString = #","end":"#
        put(open.utf8Start, open.utf8CodeUnitCount)
        count &+= Self.storeDecimal(start, at: base + count)
        put(middle.utf8Start, middle.utf8CodeUnitCount)
        count &+= Self.storeDecimal(end, at: base + count)
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
            reserve(20)
            count &+= Self.storeDecimal(Int(value), at: base + count)
        } else {
            rawText(value.description)
        }
    }

    /// A Boolean value.
    public mutating func bool(_ value: Bool) {
        valueStart()
        literal(value ? "true" : "false")
    }

    /// null.
    public mutating func null() {
        valueStart()
        literal("null")
    }

    /// Appends a literal's bytes as they are, without making a String of it.
    @inline(__always)
    private mutating func literal(_ text: StaticString) {
        reserve(text.utf8CodeUnitCount)
        put(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Appends a string's UTF-8 as it is, unquoted and unescaped.
    package mutating func rawText(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            reserve(utf8.count)
            if let source = utf8.baseAddress { put(source, utf8.count) }
        }
    }

    /// `key: {` in one call.
    public mutating func beginObject(_ key: String) {
        self.key(key)
        open(UInt8(ascii: "{"))
    }

    /// `key: [` in one call.
    public mutating func beginArray(_ key: String) {
        self.key(key)
        open(UInt8(ascii: "["))
    }

    /// Appends a quoted, escaped string. Bytes that need no escaping are copied in runs.
    private mutating func appendString(_ value: String) {
        // Read where it lies (any native String's bytes are contiguous): a copy to call `withUTF8` on would be
        // retained and released, for every key and label of a record.
        let written: Void? = value.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if written == nil {
            var value = value
            value.withUTF8 { appendEscaped($0) }
        }
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

    /// 0x80 in each lane whose byte needs escaping (below 0x20, `"` or `\`), 0 in the others. Lanes do not
    /// borrow from each other, so every flag is exact, and only lane arithmetic is used: the compiler makes
    /// vector code of it.
    @inline(__always)
    private static func escapeLanes(_ v: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let control = (v &- SIMD16(repeating: 0x20)) & ~v              // bytes >= 0x80 are masked by ~v
        let q = v ^ SIMD16(repeating: 0x22), b = v ^ SIMD16(repeating: 0x5C)
        let quote = (q &- SIMD16(repeating: 1)) & ~q, backslash = (b &- SIMD16(repeating: 1)) & ~b
        return (control | quote | backslash) & SIMD16(repeating: 0x80)
    }

    /// How many bytes at the start of the buffer need no escaping, found sixteen bytes at a time (then eight) and counted
    /// in whole words of eight: the buffer's length when no byte does.
    @inline(__always)
    private static func cleanPrefix(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let source = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(source), n = buffer.count
        var i = 0
        while i &+ 16 <= n {
            let flags = unsafeBitCast(escapeLanes(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)), to: SIMD2<UInt64>.self)
            if flags[0] | flags[1] != 0 { return flags[0] != 0 ? i : i &+ 8 }
            i &+= 16
        }
        while i &+ 8 <= n {
            if escapeFlags(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) != 0 { return i }
            i &+= 8
        }
        if i < n {
            var flags: UInt64
            if n >= 8 {
                // The last eight bytes, some of them seen already.
                flags = escapeFlags(raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
            } else {
                var w: UInt64 = 0
                memcpy(&w, raw, n)
                // The zero bytes above the string would count as control characters.
                flags = escapeFlags(UInt64(littleEndian: w)) & ((1 &<< UInt64(n &* 8)) &- 1)
            }
            if flags != 0 { return i }
        }
        return n
    }

    /// Appends a quoted, escaped string. Most strings (keys, labels, words, whole paragraphs) need no
    /// escaping: they are checked eight bytes at a time and copied whole. A text that does (a line feed
    /// between paragraphs) is copied whole up to the first word that needs it.
    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        if buffer.count <= 16, appendShort(buffer) { return }
        let clean = Self.cleanPrefix(buffer)
        guard clean < buffer.count else {
            reserve(buffer.count &+ 2)
            put(UInt8(ascii: "\""))
            if let source = buffer.baseAddress { put(source, buffer.count) }
            put(UInt8(ascii: "\""))
            return
        }
        appendEscapedBlocks(buffer, from: clean)
    }

    /// Appends a quoted string of at most 16 bytes (a label, a key, a name) when none of its bytes needs
    /// escaping, and returns whether it did. The bytes are held in two words, checked and stored whole
    /// (the second overlapping the first), without a call to copy a few bytes.
    @inline(__always)
    private mutating func appendShort(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = buffer.count
        guard let source = buffer.baseAddress else { return false }
        let raw = UnsafeRawPointer(source)
        var first: UInt64 = 0, last: UInt64 = 0
        if n >= 8 {
            first = raw.loadUnaligned(as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            guard Self.escapeFlags(first) | Self.escapeFlags(last) == 0 else { return false }
        } else if n >= 4 {
            // Two loads of four bytes, the second overlapping the first, with byte i at bits 8i as a
            // little-endian load would place it (bytes in both are the same byte, so OR keeps them).
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)))
            first = low | high &<< UInt64((n &- 4) &* 8)
            guard Self.escapeFlags(first) & ((1 &<< UInt64(n &* 8)) &- 1) == 0 else { return false }
            first = UInt64(littleEndian: first)
        } else {
            // Byte i at bits 8i, as a little-endian load would place it.
            for i in 0..<n { first |= UInt64(source[i]) &<< UInt64(i &* 8) }
            // The zero bytes above the string would count as control characters.
            guard Self.escapeFlags(first) & ((1 &<< UInt64(n &* 8)) &- 1) == 0 else { return false }
            first = UInt64(littleEndian: first)
        }
        // Room for a whole word after the quote, whatever the length.
        reserve(n &+ 10)
        let out = UnsafeMutableRawPointer(base + count)
        out.storeBytes(of: UInt8(ascii: "\""), as: UInt8.self)
        out.storeBytes(of: first, toByteOffset: 1, as: UInt64.self)
        if n >= 8 { out.storeBytes(of: last, toByteOffset: n &- 7, as: UInt64.self) }
        out.storeBytes(of: UInt8(ascii: "\""), toByteOffset: n &+ 1, as: UInt8.self)
        count &+= n &+ 2
        return true
    }

    /// Appends a quoted, escaped string, a block at a time: room for the block's worst case (every byte a
    /// `\u00XX`) is made once, and eight bytes are stored at a time while none needs escaping.
    /// The bytes before `start` need no escaping and are copied as they are.
    private mutating func appendEscapedBlocks(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) {
        let block = 4096
        reserve(1 &+ start)
        put(UInt8(ascii: "\""))
        var i = start
        if let source = buffer.baseAddress {
            if start > 0 { put(source, start) }
            let raw = UnsafeRawPointer(source)
            while i < buffer.count {
                let end = min(buffer.count, i &+ block)
                // Six bytes out per byte in at worst, and eight more: a word is stored whole before it is
                // known how much of it counts.
                reserve((end &- i) &* 6 &+ 8)
                var out = base + count
                while i < end {
                    if end == buffer.count, end &- i < 8 {
                        // The last one to seven bytes: the final eight bytes of the buffer when it has as
                        // many (the tail is their high end), or a copy; stored whole when none needs escaping.
                        let n = end &- i
                        var w: UInt64 = 0
                        if buffer.count >= 8 {
                            w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self)) &>> UInt64((8 &- n) &* 8)
                        } else {
                            memcpy(&w, raw + i, n)
                            w = UInt64(littleEndian: w)
                        }
                        if Self.escapeFlags(w) & ((1 &<< UInt64(n &* 8)) &- 1) == 0 {
                            UnsafeMutableRawPointer(out).storeBytes(of: w.littleEndian, as: UInt64.self)
                            out += n
                            i = end
                            break
                        }
                    }
                    if i &+ 16 <= end {
                        // Sixteen bytes stored whole and checked in vector lanes; on a byte that needs escaping,
                        // the clean bytes before it count and it is escaped below.
                        let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                        UnsafeMutableRawPointer(out).storeBytes(of: v, as: SIMD16<UInt8>.self)
                        let flags = unsafeBitCast(Self.escapeLanes(v), to: SIMD2<UInt64>.self)
                        if flags[0] | flags[1] == 0 {
                            i &+= 16
                            out += 16
                            continue
                        }
                        let clean = flags[0] != 0 ? flags[0].trailingZeroBitCount &>> 3 : 8 &+ flags[1].trailingZeroBitCount &>> 3
                        i &+= clean
                        out += clean
                    } else if i &+ 8 <= end {
                        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        UnsafeMutableRawPointer(out).storeBytes(of: w, as: UInt64.self)
                        let flags = Self.escapeFlags(w)
                        if flags == 0 {
                            i &+= 8
                            out += 8
                            continue
                        }
                        let clean = flags.trailingZeroBitCount &>> 3
                        i &+= clean
                        out += clean
                    }
                    let b = source[i]
                    i &+= 1
                    if b >= 0x20 && b != 0x22 && b != 0x5C {
                        out.pointee = b
                        out += 1
                        continue
                    }
                    out[0] = 0x5C
                    switch b {
                    case 0x22: out[1] = 0x22; out += 2
                    case 0x5C: out[1] = 0x5C; out += 2
                    case 0x0A: out[1] = UInt8(ascii: "n"); out += 2
                    case 0x0D: out[1] = UInt8(ascii: "r"); out += 2
                    case 0x09: out[1] = UInt8(ascii: "t"); out += 2
                    default:
                        let hex: StaticString = "0123456789abcdef"
                        out[1] = UInt8(ascii: "u")
                        out[2] = 0x30
                        out[3] = 0x30
                        out[4] = hex.utf8Start[Int(b &>> 4)]
                        out[5] = hex.utf8Start[Int(b & 0xF)]
                        out += 6
                    }
                }
                count = out - base
            }
        }
        reserve(1)
        put(UInt8(ascii: "\""))
    }

    /// Writes an attribute value. Spans are written with code-point offsets into `text`, with their text.
    public mutating func attribute(_ value: AttributeValue, text: String, index: CodePointIndex) {
        var text = text
        text.withUTF8 { attribute(value, utf8: $0, index: index) }
    }

    /// Writes an attribute value, its spans' text taken from `utf8` (the text's UTF-8, which `index` indexes):
    /// the text is opened once for a record rather than for every span in an attribute.
    mutating func attribute(_ value: AttributeValue, utf8: UnsafeBufferPointer<UInt8>, index: CodePointIndex) {
        switch value {
        case .string(let s): string(s)
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .bool(let b): bool(b)
        case .null: null()
        case .span(let ref):
            open(UInt8(ascii: "{"))
            key(literal: "start"); int(index(ref.start))
            key(literal: "end"); int(index(ref.end))
            key(literal: "text")
            // Straight from the text's bytes: slicing a String for it cost more than writing it.
            string(utf8: UnsafeBufferPointer(rebasing: utf8[ref.start..<ref.end]))
            ref.extra.entries.withUnsafeBufferPointer { entries in
                // Read in place, not copied out (which retains each key and value).
                for i in entries.indices {
                    key(entries[i].key)
                    attribute(entries[i].value, utf8: utf8, index: index)
                }
            }
            endObject()
        case .list(let items):
            open(UInt8(ascii: "["))
            items.withUnsafeBufferPointer { items in
                for i in items.indices { attribute(items[i], utf8: utf8, index: index) }
            }
            endArray()
        case .map(let fields):
            open(UInt8(ascii: "{"))
            Self.forEachSortedKey(fields) { k, value in
                key(k)
                attribute(value, utf8: utf8, index: index)
            }
            endObject()
        }
    }

    /// Sorts the positions of a large dictionary's entries by key, in the order of `<`, with the keys' UTF-8
    /// copied once into one buffer: two keys that are both ASCII compare by their bytes, which is the order
    /// `<` gives them, without the standard library's comparison for every pair (a report's map of thousands
    /// of names). Each key's first eight bytes are kept as a big-endian number beside it, so most pairs are
    /// told apart by one integer comparison, without reaching the buffer. Any other pair is compared by `<`.
    @usableFromInline
    static func sortByBytes<V>(_ slots: UnsafeMutableBufferPointer<Dictionary<String, V>.Index>, of dictionary: [String: V]) {
        // Per slot: the first eight bytes (zeros after a shorter key; equal prefixes are compared in full), the
        // key's offset into `bytes`, its length, or -1 for a key that is not ASCII, and the slot's place.
        var keys: [(prefix: UInt64, offset: Int, length: Int, slot: Int)] = []
        keys.reserveCapacity(slots.count)
        var bytes: [UInt8] = []
        for k in slots.indices {
            var key = dictionary[slots[k]].key
            key.withUTF8 { utf8 in
                let ascii = utf8.allSatisfy { $0 < 0x80 }
                var prefix: UInt64 = 0
                if ascii {
                    for i in 0..<min(8, utf8.count) { prefix |= UInt64(utf8[i]) &<< UInt64(56 &- 8 &* i) }
                    keys.append((prefix, bytes.count, utf8.count, k))
                    bytes.append(contentsOf: utf8)
                } else {
                    keys.append((0, bytes.count, -1, k))
                }
            }
        }
        bytes.withUnsafeBufferPointer { b in
            let base = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
            keys.sort { a, c in
                guard a.length >= 0, c.length >= 0 else { return dictionary[slots[a.slot]].key < dictionary[slots[c.slot]].key }
                if a.prefix != c.prefix { return a.prefix < c.prefix }
                let common = memcmp(base + a.offset, base + c.offset, min(a.length, c.length))
                return common != 0 ? common < 0 : a.length < c.length
            }
        }
        let sorted = keys.map { slots[$0.slot] }
        for (k, slot) in sorted.enumerated() { slots[k] = slot }
    }

    /// Calls `body` with each key of a dictionary in sorted order, sorting in stack memory rather than
    /// allocating an array (records write this for every span).
    @inlinable
    public static func forEachSortedKey<V>(_ dictionary: [String: V], _ body: (String, V) -> Void) {
        switch dictionary.count {
        case 0: return
        case 1: for (key, value) in dictionary { body(key, value) }
        default:
            // The entries' positions are sorted, not the keys: reading an entry by position hashes nothing.
            withUnsafeTemporaryAllocation(of: Dictionary<String, V>.Index.self, capacity: dictionary.count) { slots in
                var n = 0
                var i = dictionary.startIndex
                while i != dictionary.endIndex {
                    (slots.baseAddress! + n).initialize(to: i)
                    n += 1
                    i = dictionary.index(after: i)
                }
                var initialized = UnsafeMutableBufferPointer(rebasing: slots[0..<n])
                if n > 32 {
                    sortByBytes(initialized, of: dictionary)
                } else {
                    initialized.sort { dictionary[$0].key < dictionary[$1].key }
                }
                for slot in initialized {
                    let (key, value) = dictionary[slot]
                    body(key, value)
                }
                _ = initialized.deinitialize()
            }
        }
    }
}
