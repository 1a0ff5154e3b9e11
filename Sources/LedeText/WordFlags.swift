/// Words and the lists each belongs to, as bits: one lookup per word answers every "is it a month, a
/// title, a common word ..." that a stage's rules ask of it.
///
/// Words are keyed by a 64-bit hash of their ASCII-lowercased bytes, so a lookup needs no String
/// whatever the word's length; two different words sharing a hash is a one-in-2^64 event per pair.
public struct WordFlags: Sendable {
    /// Key and flags side by side (`2i`, `2i + 1`), so a lookup touches one cache line.
    /// (`@usableFromInline` for ``flags(key:)``, which the stages' modules inline: a lookup per word was a call.)
    @usableFromInline private(set) var slots: [UInt64] = Array(repeating: 0, count: 32)
    @usableFromInline private(set) var shift: UInt64 = 60
    private var count = 0

    /// Creates an empty table.
    public init() {}

    private var capacity: Int { slots.count / 2 }

    /// Adds `flags` to a word's flags.
    public mutating func insert(_ word: String, _ flags: UInt64) {
        var word = word
        insert(key: word.withUTF8 { Self.hash($0, 0..<$0.count) }, flags)
    }

    /// Adds `flags` to every line of a text, one word per line (empty lines skipped), hashed straight from
    /// its bytes: a bundled list of 40,000 words is read without making 40,000 Strings.
    public mutating func insert(lines text: String, _ flags: UInt64) {
        var text = text
        text.withUTF8 { b in
            // Grown to its final size first: growing while inserting would rehash 40,000 words 12 times.
            let lines = b.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            while (count + lines) * 2 > capacity { grow() }
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x0A {
                if i > start { insert(key: Self.hash(b, start..<i), flags) }
                start = i + 1
            }
        }
    }

    /// Adds `flags` to the word at `range` of `bytes`, hashed straight from them.
    public mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ flags: UInt64) {
        guard !range.isEmpty else { return }
        insert(key: Self.hash(bytes, range), flags)
    }

    /// Makes room for `more` words beyond those held, so that adding them rehashes nothing.
    public mutating func reserve(_ more: Int) {
        while (count + more) * 2 > capacity { grow() }
    }

    private mutating func insert(key: UInt64, _ flags: UInt64) {
        var i = slot(key)
        if slots[2 * i] == key {
            slots[2 * i + 1] |= flags
            return
        }
        if (count + 1) * 2 > capacity {
            grow()
            i = slot(key)
        }
        slots[2 * i] = key
        slots[2 * i + 1] = flags
        count += 1
    }

    /// Adds `flags` to each word.
    public mutating func insert(_ words: some Sequence<String>, _ flags: UInt64) {
        for word in words { insert(word, flags) }
    }

    /// The flags of the word at `range`, or 0.
    public func flags(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        guard !range.isEmpty else { return 0 }
        return flags(key: Self.hash(bytes, range))
    }

    /// The flags of the word whose ``hash(_:_:)`` is `key`, or 0: for callers that keep a word's hash to
    /// look it up in several tables.
    @inlinable public func flags(key: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { table in
            let mask = table.count / 2 - 1
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift) & mask
            while true {
                let k = table[2 &* i]
                if k == key { return table[2 &* i &+ 1] }
                if k == 0 { return 0 }
                i = (i &+ 1) & mask
            }
        }
    }

    /// The flags of a word, or 0.
    public func flags(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { flags($0, 0..<$0.count) }
    }

    /// A 64-bit hash of the ASCII-lowercased bytes, eight at a time; never 0, which marks an empty slot.
    /// Lowercasing is done on all eight bytes at once (A–Z only, as ``WordSet/lower(_:)``).
    @inlinable @inline(__always) public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        // Wrapping arithmetic and masking shifts throughout: every value is in range by construction, and
        // the checks Swift would otherwise add were a third of a lookup's instructions.
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: range.count)
        var i = range.lowerBound
        let end = range.upperBound
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i &+ 8 <= end {
            h = mix(h ^ lowered(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i &+= 8
        }
        if i < end {
            // The last one to seven bytes, as if packed one by one: from one load wherever eight bytes around
            // them lie inside the buffer (little-endian, so the first byte is the lowest).
            let r = UInt64(truncatingIfNeeded: end &- i)
            var w: UInt64
            if end >= 8 {
                w = base.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self) &>> (64 &- 8 &* r)
            } else if i &+ 8 <= bytes.count {
                w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & ((1 &<< (8 &* r)) &- 1)
            } else {
                w = 0
                var s: UInt64 = 0
                while i < end {
                    w |= UInt64(bytes[i]) << s
                    s += 8
                    i += 1
                }
            }
            h = mix(h ^ lowered(w))
        }
        return h == 0 ? 1 : h
    }

    /// Eight bytes with A–Z lowercased: a byte is upper case when its low seven bits are at least 0x41
    /// and below 0x5B and its high bit is clear; adding to the low seven bits never carries into the next byte.
    @inlinable @inline(__always) static func lowered(_ w: UInt64) -> UInt64 {
        let low = w & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = low &+ 0x2525_2525_2525_2525
        let upper = atLeastA & ~pastZ & ~w & 0x8080_8080_8080_8080
        return w | (upper >> 2)
    }

    @inlinable @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 32
        return x
    }

    private func slot(_ key: UInt64) -> Int {
        let mask = capacity - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while slots[2 * i] != 0, slots[2 * i] != key { i = (i + 1) & mask }
        return i
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        shift -= 1
        for j in stride(from: 0, to: old.count, by: 2) where old[j] != 0 {
            let i = slot(old[j])
            slots[2 * i] = old[j]
            slots[2 * i + 1] = old[j + 1]
        }
    }
}
