/// Converts UTF-8 offsets of one text into Unicode code-point offsets, the unit of every output.
public struct CodePointIndex: Sendable {
    /// For each 64-byte block of the text, two words: the code points before the block, and a mask with
    /// bit i set when byte i of the block is a UTF-8 continuation byte. Empty when the text has no
    /// continuation byte (it is ASCII), so offsets agree.
    @usableFromInline let blocks: [UInt64]

    /// Indexes a text: one pass, eight bytes at a time, and 16 bytes of memory per 64 bytes of text (none
    /// for ASCII), so the writers can each index every document they write.
    public init(_ text: String) {
        var text = text
        blocks = text.withUTF8 { Self.blocks(of: $0) } ?? []
    }

    static func blocks(of buffer: UnsafeBufferPointer<UInt8>) -> [UInt64]? {
        guard let base = buffer.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let n = buffer.count
        // Most news is ASCII: one pass for a high bit, eight bytes at a time, spares it the table.
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= n { high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < n { high |= UInt64(buffer[i]); i += 1 }
        guard high & 0x8080_8080_8080_8080 != 0 else { return nil }
        let blockCount = n / 64 + 1 // one more than the full blocks, so the end offset has its block
        var table = [UInt64](repeating: 0, count: 2 * blockCount)
        var any: UInt64 = 0
        var before: UInt64 = 0
        table.withUnsafeMutableBufferPointer { table in
            for k in 0..<blockCount {
                let start = 64 * k
                var mask: UInt64 = 0
                if start + 64 <= n {
                    for j in 0..<8 {
                        let w = raw.loadUnaligned(fromByteOffset: start + 8 * j, as: UInt64.self)
                        // The high bit of each continuation byte (10xxxxxx), gathered into eight bits.
                        let high = w & ~(w << 1) & 0x8080_8080_8080_8080
                        mask |= (((high >> 7) &* 0x0102_0408_1020_4080) >> 56) << (8 * UInt64(j))
                    }
                } else {
                    for i in start..<n where buffer[i] & 0xC0 == 0x80 { mask |= 1 << UInt64(i - start) }
                }
                table[2 * k] = before
                table[2 * k + 1] = mask
                any |= mask
                before += 64 - UInt64(mask.nonzeroBitCount)
            }
        }
        return any == 0 ? nil : table
    }

    /// The code-point offset of a UTF-8 offset (at most the text's length in bytes). Inlinable: the writers
    /// ask it twice for every span they write, from other modules.
    @inlinable @inline(__always)
    public func callAsFunction(_ utf8Offset: Int) -> Int {
        guard !blocks.isEmpty else { return utf8Offset }
        let k = utf8Offset >> 6, r = UInt64(utf8Offset & 63)
        let continuations = blocks[2 * k + 1] & ((1 << r) &- 1)
        return Int(blocks[2 * k]) + Int(r) - continuations.nonzeroBitCount
    }
}
