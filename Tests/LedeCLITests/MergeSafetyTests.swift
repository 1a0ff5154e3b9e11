import Foundation
import LedeCLI
import LedeEngine
import LedePipeline
import Testing

/// Issue #27, items 13 and 14: merge refuses to overwrite a shard, and refuses shards of different batches.
struct MergeSafetyTests {
    static func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lede-mergesafe-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A pipeline over `in/` and two shards of it in s0 and s1.
    static func shards(_ dir: String) async throws {
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for i in 0..<6 { try "Article number \(i).".write(toFile: dir + "/in/a\(i).txt", atomically: true, encoding: .utf8) }
        try """
            lede: 1
            input: { paths: [in] }
            stages:
              - split
              - write: { jsonl: docs.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        for k in 0..<2 {
            #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", dir + "/s\(k)", "--shard", "\(k)/2", "--quiet"]) == 0)
        }
    }

    @Test("merge --output naming a shard, or a folder inside one, is refused and the shard is untouched")
    func outputIsAShard() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.shards(dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/s0/manifest.json"))
        #expect(await Lede.run(arguments: ["merge", dir + "/s0", dir + "/s1", "--output", dir + "/s0", "--quiet"]) == 2)
        #expect(await Lede.run(arguments: ["merge", dir + "/s0", dir + "/s1", "--output", dir + "/s1/../s0/x", "--quiet"]) == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/s0/manifest.json")) == before)
        #expect(!FileManager.default.fileExists(atPath: dir + "/s0/x"))
        #expect(await Lede.run(arguments: ["merge", dir + "/s0", dir + "/s1", "--output", dir + "/all", "--quiet"]) == 0)
    }

    @Test("Shards cut from different input lists are refused; the manifest of a shard records the plan")
    func differentInputs() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.shards(dir)
        let plan = try #require(try Manifest.read(folder: dir + "/s0").plan)
        #expect(plan.files == 6 && plan.shards == 2)
        // Shard 1 again, after one more article appeared: same pipeline, same N, another batch.
        try "A late article.".write(toFile: dir + "/in/a9.txt", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", dir + "/s1", "--shard", "1/2", "--quiet"]) == 0)
        #expect(await Lede.run(arguments: ["merge", dir + "/s0", dir + "/s1", "--output", dir + "/all", "--quiet"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/all/manifest.json"))
        // A run that is not a shard records no plan, so its manifest is as before.
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", dir + "/one", "--quiet"]) == 0)
        #expect(try Manifest.read(folder: dir + "/one").plan == nil)
    }
}
