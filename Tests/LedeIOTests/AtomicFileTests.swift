import Foundation
import LedeIO
import Testing

/// An output file holds the bytes written to it, in order, and its digest is theirs, however they were handed over.
struct AtomicFileTests {
    @Test("Small writes, blocks that meet a full buffer and blocks written from where they lie make one file and its digest")
    func blocksAndSmallWritesMakeTheSameFile() throws {
        let dir = NSTemporaryDirectory() + "lede-atomic-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = OutputFolder(path: dir)
        try folder.prepare()
        let file = try folder.create("out.bin")
        var expected: [UInt8] = []
        func write(_ count: Int, _ seed: UInt8) throws {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed }
            expected += bytes
            try bytes.withUnsafeBufferPointer { try file.write($0) }
        }
        try write(100, 1)                          // buffered
        try write(AtomicFile.block + 5, 2)         // the buffer is not empty: appended, then flushed
        try write(2 * AtomicFile.block + 3, 3)     // the buffer is empty: written where it lies
        try write(7, 4)                            // buffered again
        try write(AtomicFile.block, 5)             // the buffer is not empty
        try write(AtomicFile.block, 6)             // empty: written where it lies
        try file.commit()
        #expect(file.bytesWritten == expected.count)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/out.bin"))) == expected)
        let digest = try #require(folder.committedDigest(of: "out.bin"))
        #expect(digest.sha256 == Digest.sha256(expected))
        #expect(digest.bytes == expected.count)
    }
}
