import Foundation
@testable import LedeEngine
@testable import LedePipeline
@testable import LedeInput
@testable import LedeIO
import LedeTestSupport
@testable import LedeText
import Testing

struct InputDigestsTests {
    @Test("The reader keeps each input's size and digest compactly and gives them back as the manifest needs them")
    func digestsOfTextAndJSONLinesInputs() throws {
        let dir = TempDir()
        let a = dir.write("a.txt", "first article")
        let b = dir.write("b.txt", "")
        let lines = dir.write("c.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"y\",\"text\":\"two\"}\n")
        let files = [a, dir.path + "/missing.txt", b].map { InputFile(path: $0, display: "shown/" + Paths.stem($0), idBase: Paths.stem($0)) }
        // Text files are listed by the reader and read where they are loaded (on the workers, in a run).
        var reader = InputReader(files: files, format: .text)
        var loaded = InputDigests(files: files)
        while let raw = reader.next() {
            guard case .file(_, let size) = raw.payload else { Issue.record("\(raw.payload) was read in order"); continue }
            let read = raw.loaded()
            #expect(read.byteCount == size)
            if let digest = read.fileDigest { loaded.append(digest) }
        }
        #expect(reader.digests.count == 0)
        let digests = Array(loaded)
        #expect(digests.map(\.index) == [0, 1, 2] && loaded.count == 3)
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

    @Test("Past spillRecords the digests go to a temporary file and come back in order, copies keeping their own")
    func digestsSpillToATemporaryFile() throws {
        let files = InputList((0..<40).map { InputFile(path: "/in/\($0).txt", display: "\($0).txt", idBase: "\($0)") })
        func hash(_ i: Int) -> [UInt8]? { i % 7 == 3 ? nil : Digest.sha256Bytes(Array("file \(i)".utf8)) }
        var inMemory = InputDigests(files: files), spilled = InputDigests(files: files)
        spilled.spillRecords = 4
        for i in stride(from: 0, to: 40, by: 2) {
            inMemory.append(index: i, bytes: i * 100, sha256: hash(i))
            spilled.append(index: i, bytes: i * 100, sha256: hash(i))
        }
        #expect(spilled.count == 20 && inMemory.count == 20)
        #expect(Array(spilled) == Array(inMemory))
        #expect(Array(spilled).map(\.index) == Array(stride(from: 0, to: 40, by: 2)) && Array(spilled)[2].bytes == 400)
        #expect(Array(spilled)[2].sha256 == Digest.hex(hash(4)!) && Array(spilled)[5].sha256 == nil && Array(spilled)[5].path == "10.txt")
        // A copy that appends takes a file of its own: the original is unchanged.
        var copy = spilled
        var expected = inMemory
        for i in stride(from: 1, to: 40, by: 2) {
            copy.append(index: i, bytes: i, sha256: hash(i))
            expected.append(index: i, bytes: i, sha256: hash(i))
        }
        #expect(Array(copy) == Array(expected) && copy.count == 40)
        #expect(Array(spilled) == Array(inMemory) && spilled.count == 20)
        var joined = InputDigests(files: files)
        joined.spillRecords = 3
        joined.append(contentsOf: spilled)
        joined.append(contentsOf: inMemory)
        #expect(Array(joined) == Array(inMemory) + Array(inMemory))
    }

    @Test("Lines are split at LF (a CR before it dropped) across the reader's 1 MB buffers, the last without an end")
    func linesAcrossBuffers() throws {
        var rng = SplitMix64(seed: 11)
        var text: [UInt8] = [], expected: [[UInt8]] = []
        while text.count < 3 << 20 {
            // Mostly short lines, some longer than a buffer, some empty, some ending in CR LF.
            let length = Int.random(in: 0..<100, using: &rng) == 0 ? Int.random(in: 0..<1_500_000, using: &rng) : Int.random(in: 0..<300, using: &rng)
            let line = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            expected.append(line)
            text += line
            text += Bool.random(using: &rng) ? [0x0D, 0x0A] : [0x0A]
        }
        text += Array("last".utf8)
        expected.append(Array("last".utf8))
        let dir = TempDir()
        let path = dir.path + "/lines.jsonl"
        try Data(text).write(to: URL(fileURLWithPath: path))
        let reader = try LineReader(path: path)
        var lines: [[UInt8]] = []
        read: while true {
            switch reader.next() {
            case .line(let bytes, let number):
                #expect(number == lines.count + 1)
                lines.append(bytes)
            case .failed(let reason, _): Issue.record("\(reason)"); break read
            case .oversized(let size, _): Issue.record("no limit was set, yet a line of \(size) bytes was skipped"); break read
            case .end: break read
            }
        }
        #expect(lines.count == expected.count)
        #expect(lines == expected)
    }
}
