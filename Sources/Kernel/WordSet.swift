/// A set of short lowercase words, looked up straight from UTF-8 bytes without making a String.
///
/// Words of up to 8 bytes are packed into a UInt64; longer words fall back to a String set. Stages use it
/// for the word lists they check on every token (abbreviations, cue verbs, titles).
public struct WordSet: Sendable {
    private var short: Set<UInt64> = []
    private var long: Set<String> = []

    /// Creates a set of these words, compared without ASCII case.
    public init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { insert(word) }
    }

    /// Adds a word.
    public mutating func insert(_ word: String) {
        let lower = Array(word.lowercased().utf8)
        if let key = Self.pack(lower[...]) { short.insert(key) } else { long.insert(String(decoding: lower, as: UTF8.self)) }
    }

    /// Removes a word.
    public mutating func remove(_ word: String) {
        let lower = Array(word.lowercased().utf8)
        if let key = Self.pack(lower[...]) { short.remove(key) } else { long.remove(String(decoding: lower, as: UTF8.self)) }
    }

    /// Whether the bytes, ASCII-lowercased, are in the set.
    public func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        if range.count <= 8 {
            var key: UInt64 = 0
            for i in range { key = key << 8 | UInt64(Self.lower(bytes[i])) }
            return short.contains(key)
        }
        guard !long.isEmpty else { return false }
        return long.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased())
    }

    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for b in bytes { key = key << 8 | UInt64(lower(b)) }
        return key
    }

    /// ASCII lowercase of one byte.
    @inline(__always) public static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}

extension WordSet {
    /// Whether a word, ASCII-lowercased, is in the set.
    public func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains($0, 0..<$0.count) }
    }
}
