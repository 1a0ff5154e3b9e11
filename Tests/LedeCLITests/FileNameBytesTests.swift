import Foundation
import LedeCLI
import LedeIO
import Testing

/// Issue #27, item 11: a file whose name is not valid UTF-8 is read by its bytes, shown escaped.
struct FileNameBytesTests {
    @Test("bad\\xff\\xfe.txt in an input folder is read, with the id and path shown as bad\\xff\\xfe")
    func invalidUTF8Name() async throws {
        let dir = NSTemporaryDirectory() + "lede-names-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        var path = Array((dir + "/in/bad").utf8) + [0xFF, 0xFE] + Array(".txt".utf8)
        path.append(0)
        let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        #expect(fd >= 0)
        _ = "Text from a badly named file.".withCString { write(fd, $0, 29) }
        close(fd)
        try "Another article.".write(toFile: dir + "/in/good.txt", atomically: true, encoding: .utf8)
        try writeSplitPipeline(dir)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 0)
        let records = try jsonLines(dir + "/out/docs.jsonl")
        let bad = try #require(records.first { ($0["id"] as? String) == "bad\\xff\\xfe" }, "\(records.map { $0["id"] ?? "" })")
        #expect(bad["text"] as? String == "Text from a badly named file.")
        // And the manifest lets verify find it again by its bytes.
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 0)
    }

    @Test("Every byte string survives the round trip through a String")
    func roundTrip() {
        let samples: [[UInt8]] = [Array("plain.txt".utf8), [0x62, 0xFF, 0xFE], [0xF4, 0x8F, 0xBE, 0x80], [0xC3], Array("é".utf8), [0xED, 0xA0, 0x80]]
        for bytes in samples {
            let name = bytes.withUnsafeBufferPointer { Paths.name(bytes: $0) }
            #expect(Paths.fileSystemPath(name).dropLast().map { UInt8(bitPattern: $0) } == bytes, "\(bytes)")
        }
        #expect(Paths.printable([0x62, 0xFF].withUnsafeBufferPointer { Paths.name(bytes: $0) }) == "b\\xff")
    }
}
