@testable import LedeText
import Testing

struct WordFlagsTests {
    @Test("Eight-at-a-time lowercasing agrees with WordSet.lower for every byte in every lane")
    func loweredMatchesBytewise() {
        for byte in 0...255 {
            for lane in 0..<8 {
                let w = UInt64(byte) << (8 * lane) | 0x4141_4141_4141_4141 & ~(0xFF << (8 * UInt64(lane)))
                var expected: UInt64 = 0
                for j in 0..<8 { expected |= UInt64(WordSet.lower(UInt8(truncatingIfNeeded: w >> (8 * j)))) << (8 * j) }
                #expect(WordFlags.lowered(w) == expected, "byte \(byte) in lane \(lane)")
            }
        }
    }

    @Test("Lookups ignore ASCII case only, at every length across the eight-byte boundary")
    func lookups() {
        var table = WordFlags()
        let words = (1...24).map { String(repeating: "ab", count: $0 / 2) + ($0 % 2 == 1 ? "c" : "") } + ["Ünïcode", "Straße"]
        for (i, word) in words.enumerated() { table.insert(word, 1 << UInt64(i % 60)) }
        for (i, word) in words.enumerated() {
            #expect(table.flags(word) == 1 << UInt64(i % 60), "\(word)")
            #expect(table.flags(word.uppercased()) == (word.allSatisfy(\.isASCII) ? 1 << UInt64(i % 60) : table.flags(word.uppercased())))
            #expect(table.flags(word + "x") == 0 || words.contains(word + "x"))
        }
        #expect(table.flags("üNïCODE") == 0, "non-ASCII letters keep their case")
        #expect(table.flags("") == 0 && table.flags("zzz") == 0)
        // Inserting again adds bits; thousands of words grow the table without losing any.
        table.insert("ab", 1 << 62)
        #expect(table.flags("AB") == (1 << 62 | 1 << UInt64(words.firstIndex(of: "ab")!)))
        var big = WordFlags()
        for i in 0..<5000 { big.insert("w\(i)", UInt64(i + 1)) }
        #expect((0..<5000).allSatisfy { big.flags("W\($0)") == UInt64($0 + 1) })
    }

    @Test("A word's hash is the same wherever it lies in a buffer: at its start, its end, or inside")
    func hashIgnoresPosition() {
        let text = Array("Kim Young-mi told the Assembly on Oct. 28 that 15,000 people had left.".utf8)
        text.withUnsafeBufferPointer { buffer in
            for start in 0..<buffer.count {
                for end in (start + 1)...min(buffer.count, start + 20) {
                    // The definition, eight bytes packed one by one, the last word zero-padded.
                    var expected: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(end - start)
                    for chunk in stride(from: start, to: end, by: 8) {
                        var w: UInt64 = 0
                        for (k, i) in (chunk..<min(end, chunk + 8)).enumerated() { w |= UInt64(buffer[i]) << (8 * UInt64(k)) }
                        expected = WordFlags.mix(expected ^ WordFlags.lowered(w))
                    }
                    if expected == 0 { expected = 1 }
                    #expect(WordFlags.hash(buffer, start..<end) == expected, "\(start)..<\(end)")
                }
            }
        }
    }

    @Test("Inserting the lines of a text is inserting each word; empty lines add nothing")
    func insertLines() {
        var byLines = WordFlags(), byWords = WordFlags()
        let words = (0..<3000).map { "word\($0)" }
        byLines.insert(lines: "\n" + words.joined(separator: "\n") + "\n\n", 4)
        byWords.insert(words, 4)
        #expect(words.allSatisfy { byLines.flags($0) == 4 && byWords.flags($0) == 4 })
        #expect(byLines.flags("") == 0 && byLines.flags("word3000") == 0)
        var last = WordFlags()
        last.insert(lines: "alpha\nbeta", 1)
        #expect(last.flags("beta") == 1 && last.flags("alpha") == 1)
    }
}
