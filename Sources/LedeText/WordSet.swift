/// A set of short lowercase words, looked up straight from UTF-8 bytes without making a String.
///
/// Words of up to 8 bytes are packed into a UInt64 and kept in a small open-addressed table with a
/// multiplicative hash, so a lookup is a few instructions; longer words fall back to a String set. Stages
/// use it for the word lists they check on every token (abbreviations, cue verbs, titles).
public struct WordSet: Sendable {
    /// Packed keys; 0 marks an empty slot (no word packs to 0).
    private var table: [UInt64] = [0, 0, 0, 0]
    private var shift: UInt64 = 62
    private var count = 0
    /// Bit n set when some word has n bytes (n ≤ 63), so most lookups of other lengths stop at once.
    @usableFromInline var lengths: UInt64 = 0
    private var long: Set<String> = []

    /// Creates a set of these words, compared without ASCII case.
    public init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { insert(word) }
    }

    /// Adds a word.
    public mutating func insert(_ word: String) {
        let lower = Array(word.lowercased().utf8)
        guard !lower.isEmpty else { return }
        lengths |= 1 << UInt64(min(lower.count, 63))
        guard let key = Self.pack(lower[...]) else {
            long.insert(String(decoding: lower, as: UTF8.self))
            return
        }
        if slot(of: key).found { return }
        if (count + 1) * 2 > table.count { grow() }
        table[slot(of: key).index] = key
        count += 1
    }

    /// Removes a word.
    public mutating func remove(_ word: String) {
        let lower = Array(word.lowercased().utf8)
        guard let key = Self.pack(lower[...]) else {
            long.remove(String(decoding: lower, as: UTF8.self))
            return
        }
        guard slot(of: key).found else { return }
        let kept = table.filter { $0 != 0 && $0 != key }
        table = Array(repeating: 0, count: table.count)
        count = 0
        for k in kept {
            table[slot(of: k).index] = k
            count += 1
        }
    }

    /// Whether the bytes, ASCII-lowercased, are in the set.
    @inlinable public func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let n = range.count
        guard n > 0, lengths & (1 << UInt64(min(n, 63))) != 0 else { return false }
        if n <= 8 {
            var key: UInt64 = 0
            for i in range { key = key << 8 | UInt64(Self.lower(bytes[i])) }
            return containsKey(key)
        }
        return containsLong(bytes, range)
    }

    @usableFromInline func containsKey(_ key: UInt64) -> Bool { slot(of: key).found }

    @usableFromInline func containsLong(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !long.isEmpty else { return false }
        return long.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased())
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(of key: UInt64) -> (index: Int, found: Bool) {
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while true {
            let k = table[i]
            if k == key { return (i, true) }
            if k == 0 { return (i, false) }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = table
        table = Array(repeating: 0, count: old.count * 2)
        shift -= 1
        for k in old where k != 0 { table[slot(of: k).index] = k }
    }

    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for b in bytes { key = key << 8 | UInt64(lower(b)) }
        return key
    }

    /// ASCII lowercase of one byte.
    @inline(__always) @inlinable public static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}

extension WordSet {
    /// Whether a word, ASCII-lowercased, is in the set.
    public func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains($0, 0..<$0.count) }
    }
}
