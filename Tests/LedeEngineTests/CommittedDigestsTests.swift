import Foundation
@testable import LedeEngine
@testable import LedePipeline
@testable import LedeIO
import LedeTestSupport
@testable import LedeText
import Testing

/// Outputs are hashed as they are written, and the manifest takes those digests only for files unchanged since.
struct CommittedDigestsTests {
    @Test("A committed output's digest is that of its bytes, and a file changed since is hashed again")
    func outputsHashedAsWritten() throws {
        let dir = TempDir()
        let output = OutputFolder(path: dir.path + "/out")
        try output.prepare()
        // Larger than the file's 1 MiB buffer, so that it is hashed in several pieces, and an empty one.
        var generator = SplitMix64(seed: 3)
        let big = (0..<2_500_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for (name, bytes) in [("big.bin", big), ("empty.txt", []), ("tables/small.csv", Array("a,b\n1,2\n".utf8))] {
            let file = try output.create(name)
            for piece in stride(from: 0, to: bytes.count, by: 300_001) { try file.write(bytes[piece..<min(piece + 300_001, bytes.count)]) }
            try file.commit()
            let digest = try #require(output.committedDigest(of: name))
            #expect(digest.sha256 == Digest.sha256(bytes) && digest.bytes == bytes.count)
        }
        let outputs = try Manifest.outputs(["tables/small.csv", "big.bin", "empty.txt", "big.bin"], in: output)
        #expect(outputs.map(\.path) == ["big.bin", "empty.txt", "tables/small.csv"])

        // Rewritten behind the folder's back (even to the same size): read again, not taken from memory.
        try Data("x,y\n3,4\n".utf8).write(to: URL(fileURLWithPath: dir.path + "/out/tables/small.csv"))
        #expect(output.committedDigest(of: "tables/small.csv") == nil)
        let again = try Manifest.outputs(["tables/small.csv"], in: output)
        #expect(again[0].sha256 == Digest.sha256(Array("x,y\n3,4\n".utf8)))
        // A file discarded, or written by something else, has no digest on file.
        let dropped = try output.create("dropped.txt")
        try dropped.write(Array("gone".utf8))
        dropped.discard()
        #expect(output.committedDigest(of: "dropped.txt") == nil)
    }
}
