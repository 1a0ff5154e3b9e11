import Foundation
import LedeCLI
import LedeEngine
import LedePipeline
import Testing

/// Issue #24, overrides: `lede run --limit N` reads only the first N inputs, in input order.
struct LimitTests {
    static let news = CLITests.root.appendingPathComponent("Pipelines/news.yaml").path

    func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lede-limit-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func ids(_ file: String) throws -> [String] { try jsonLines(file).map { $0["id"] as! String } }

    @Test("--limit 3 over the samples: the first three documents in input order, and the limit in the manifest")
    func limitTakesTheFirstDocuments() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", dir + "/all", "--quiet", "--jobs", "2"]) == 0)
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", dir + "/some", "--quiet", "--jobs", "2", "--limit", "3"]) == 0)
        let all = try ids(dir + "/all/news.jsonl"), some = try ids(dir + "/some/news.jsonl")
        #expect(all.count == 9)
        #expect(some == Array(all.prefix(3)))
        #expect(try Manifest.read(folder: dir + "/some").invocation.limit == 3)
        #expect(try Manifest.read(folder: dir + "/all").invocation.limit == nil)
        let manifest = try String(contentsOfFile: dir + "/all/manifest.json", encoding: .utf8)
        #expect(!manifest.contains("\"limit\""), "a run without --limit writes the manifest it always did")
        // Only the three files read are inputs of the run, and verify --rerun runs it again with the limit.
        #expect(try Manifest.read(folder: dir + "/some").inputs.count == 3)
        #expect(await Lede.run(arguments: ["verify", dir + "/some", "--rerun", "--jobs", "2"]) == 0)
        // A limit above the number of inputs reads them all.
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", dir + "/more", "--quiet", "--limit", "100"]) == 0)
        #expect(try ids(dir + "/more/news.jsonl") == all)
    }

    @Test("--limit counts JSON Lines lines (not blank ones), and the file it stops in is still hashed whole")
    func limitOnJSONLines() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = (1...5).map { "{\"id\": \"d\($0)\", \"text\": \"Mayor Ann Lee spoke on day \($0).\"}" }
        try (lines[0] + "\n\n" + lines[1...].joined(separator: "\n") + "\n").write(toFile: dir + "/a.jsonl", atomically: true, encoding: .utf8)
        try (lines[0] + "\n").write(toFile: dir + "/b.jsonl", atomically: true, encoding: .utf8)
        try "lede: 1\ninput: { paths: [a.jsonl, b.jsonl], format: jsonl }\nstages:\n  - split\n  - write: { jsonl: x.jsonl }\n"
            .write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", dir + "/out", "--quiet", "--limit", "2"]) == 0)
        #expect(try ids(dir + "/out/x.jsonl") == ["d1", "d2"])
        let manifest = try Manifest.read(folder: dir + "/out")
        #expect(manifest.inputs.map(\.path) == ["a.jsonl"], "b.jsonl is not read at all")
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 0, "a.jsonl's digest is of the whole file")
    }

    @Test("--limit is counted before --shard: the shards of a limited run hold the limited run's documents")
    func limitBeforeShard() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", dir + "/one", "--quiet", "--limit", "5"]) == 0)
        for k in 0..<2 {
            #expect(await Lede.run(arguments: ["run", Self.news, "--output", dir + "/s\(k)", "--quiet", "--limit", "5", "--shard", "\(k)/2"]) == 0)
        }
        let shards = try ids(dir + "/s0/news.jsonl") + ids(dir + "/s1/news.jsonl")
        #expect(Set(shards) == Set(try ids(dir + "/one/news.jsonl")))
        #expect(shards.count == 5)
        #expect(try Manifest.read(folder: dir + "/s0").plan?.limit == 5)
        // Shards cut with different limits do not merge.
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", dir + "/s1", "--quiet", "--limit", "4", "--shard", "1/2"]) == 0)
        #expect(await Lede.run(arguments: ["merge", dir + "/s0", dir + "/s1", "--output", dir + "/merged", "--quiet"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/merged/news.jsonl"))
    }

    @Test("--resume continues only a run with the same --limit; --incremental may change it")
    func resumeKeepsTheLimit() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", out, "--quiet", "--limit", "2"]) == 0)
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", out, "--quiet", "--resume"]) == 2)
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", out, "--quiet", "--resume", "--limit", "3"]) == 2)
        #expect(try ids(out + "/news.jsonl").count == 2, "a refused resume leaves the outputs alone")
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", out, "--quiet", "--resume", "--limit", "2"]) == 0)
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", out, "--quiet", "--incremental"]) == 0)
        #expect(try ids(out + "/news.jsonl").count == 9)
        // The other way: a run over every input is not resumed into a limited one.
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", out, "--quiet", "--resume", "--limit", "2"]) == 2)
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", out, "--quiet", "--resume"]) == 0)
    }

    @Test("--limit 0 is a usage error")
    func limitZero() async {
        #expect(await Lede.run(arguments: ["run", Self.news, "--limit", "0", "--quiet"]) == 2)
    }
}
