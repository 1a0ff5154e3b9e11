@testable import EntityTagStage
import Testing

/// The word scanner's eight-at-a-time step must agree with its byte-by-byte definition.
struct WordScannerTests {
    @Test("asciiWordRun counts the leading ASCII letters and digits, for every byte value in every lane")
    func asciiWordRunMatchesBytewise() {
        func isASCIIWord(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) }
        for byte in 0...255 {
            for lane in 0..<8 {
                for filler: UInt8 in [0x61, 0x5A, 0x35, 0x20] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[lane] = UInt8(byte)
                    var w: UInt64 = 0
                    for (k, c) in bytes.enumerated() { w |= UInt64(c) << (8 * UInt64(k)) }
                    let expected = bytes.firstIndex { !isASCIIWord($0) } ?? 8
                    #expect(WordScanner.asciiWordRun(w) == expected, "byte \(byte) in lane \(lane), filler \(filler)")
                }
            }
        }
    }
}
