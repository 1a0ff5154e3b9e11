@testable import Kernel
import Testing

struct InputDigestsTests {
    @Test("The reader keeps each input's size and digest compactly and gives them back as the manifest needs them")
    func digestsOfTextAndJSONLinesInputs() throws {
        let dir = TempDir()
        let a = dir.write("a.txt", "first article")
        let b = dir.write("b.txt", "")
        let lines = dir.write("c.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"y\",\"text\":\"two\"}\n")
        let files = [a, dir.path + "/missing.txt", b].map { InputFile(path: $0, display: "shown/" + Paths.stem($0), idBase: Paths.stem($0)) }
        var reader = InputReader(files: files, format: .text)
        while reader.next() != nil {}
        let digests = Array(reader.digests)
        #expect(digests.map(\.index) == [0, 1, 2] && reader.digests.count == 3)
        #expect(digests.map(\.location) == files.map(\.path) && digests.map(\.path) == ["shown/a", "shown/missing", "shown/b"])
        #expect(digests[0].sha256 == Digest.sha256(Array("first article".utf8)) && digests[0].bytes == 13)
        #expect(digests[1].sha256 == nil && digests[1].bytes == 0)
        #expect(digests[2].sha256 == Digest.sha256([UInt8]()) && digests[2].bytes == 0)

        var jsonl = InputReader(files: [InputFile(path: lines, display: "c.jsonl", idBase: "c")], format: .jsonl)
        var count = 0
        while jsonl.next() != nil { count += 1 }
        let whole = try Paths.read(lines)
        #expect(count == 2 && Array(jsonl.digests).map(\.sha256) == [Digest.sha256(whole)])
        #expect(Digest.hex(Digest.sha256Bytes(whole)) == Digest.sha256(whole) && Digest.hex([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
    }
}
