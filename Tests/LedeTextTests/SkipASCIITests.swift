import LedeText
import Testing

struct SkipASCIITests {
    @Test("skipASCII never passes a quote mark or a non-ASCII byte, whatever the alignment")
    func neverLate() {
        var generator = SplitMix64(seed: 11)
        let alphabet: [UInt8] = Array("abc ,.".utf8) + [0x22, 0xE2, 0xC2, 0x80]
        for _ in 0..<3000 {
            let count = Int(generator.next() % 40)
            let bytes = (0..<count).map { _ in generator.next() % 6 == 0 ? alphabet[6 + Int(generator.next() % 4)] : alphabet[Int(generator.next() % 6)] }
            bytes.withUnsafeBufferPointer { b in
                for start in 0...count {
                    let stop = TextLayout.skipASCII(b, from: start, to: count, except: 0x22)
                    let first = (start..<count).first { b[$0] == 0x22 || b[$0] >= 0x80 } ?? count
                    #expect(stop >= start && stop <= first && first - stop < 8, "\(bytes) from \(start)")
                }
            }
        }
    }
}
