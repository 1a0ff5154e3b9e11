import Foundation
import LedeCLI
import LedeEngine
import LedePipeline
import LedeIO
import LedeStages
import Testing

/// Issue #27, item 3: one oversized document is quarantined with its size; the batch goes on.
struct DocumentSizeTests {
    static func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lede-size-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func rejects(_ out: String) throws -> [[String: Any]] {
        try jsonLines(out + "/rejects.jsonl")
    }

    @Test("A JSON Lines line over input.max_document is quarantined with its size; the lines around it go through")
    func anOversizedLineIsQuarantined() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 3 MB of text on one line, beside two small records; the limit is 64 KB. The reader's buffer is
        // 1 MiB, so the line is skipped across several reads.
        let big = String(repeating: "word ", count: 600_000)
        let lines = ["{\"id\": \"a\", \"text\": \"Small one.\"}", "{\"id\": \"big\", \"text\": \"\(big)\"}",
                     "{\"id\": \"c\", \"text\": \"Small two.\"}"]
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: [in.jsonl], format: jsonl, max_document: 64KB }
            output: out
            stages:
              - split
              - write: { jsonl: docs.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 1)
        let ids = try jsonLines(dir + "/out/docs.jsonl").map { $0["id"] as? String }
        #expect(ids == ["a", "c"])
        let rejects = try Self.rejects(dir + "/out")
        #expect(rejects.count == 1)
        let reason = rejects.first?["reason"] as? String ?? ""
        #expect(reason.contains("\(lines[1].utf8.count) bytes"), "\(reason)")
        #expect(reason.contains("max_document"), "\(reason)")
    }

    @Test("A text file over the limit is quarantined with its size without being read; the default is 16 MiB")
    func anOversizedFileIsQuarantined() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "A small article.".write(toFile: dir + "/in/a.txt", atomically: true, encoding: .utf8)
        // A sparse 20 MiB file: over the default limit, costing no disk.
        #expect(FileManager.default.createFile(atPath: dir + "/in/b.txt", contents: nil))
        #expect(truncate(dir + "/in/b.txt", 20 << 20) == 0)
        try writeSplitPipeline(dir)
        #expect(try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry).input.maxDocument == 16 << 20)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 1)
        let rejects = try Self.rejects(dir + "/out")
        #expect(rejects.count == 1)
        let reason = rejects.first?["reason"] as? String ?? ""
        #expect(reason.contains("\(20 << 20) bytes"), "\(rejects)")
    }

    @Test("max_document takes sizes with units and refuses anything else at its line and column")
    func theLimitIsParsed() {
        #expect(ByteSize.parse("16MB") == 16 << 20)
        #expect(ByteSize.parse("512 KiB") == 512 << 10)
        #expect(ByteSize.parse("1048576") == 1 << 20)
        #expect(ByteSize.parse("0") == nil)
        #expect(ByteSize.parse("-1MB") == nil)
        #expect(ByteSize.parse("16 parsecs") == nil)
        #expect(ByteSize.parse("99999999999999GB") == nil)
    }
}
