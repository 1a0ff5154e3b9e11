import Foundation
import LedeCLI
import LedeEngine
import LedePipeline
import LedeIO
import Testing

/// Deterministic outputs, shards and merge, and verify, through the command line.
struct ReproducibilityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A scratch folder with the samples, one undecodable file (a reject), and the news pipeline with its gazetteer.
    func batch() throws -> String {
        let dir = NSTemporaryDirectory() + "lede-repro-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.root.path + "/Samples") where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(atPath: Self.root.path + "/Samples/" + name, toPath: dir + "/in/" + name)
        }
        _ = FileManager.default.createFile(atPath: dir + "/in/05b-broken.txt", contents: Data([0x6E, 0xFF, 0xFE, 0x21]))
        let yaml = try String(contentsOfFile: Self.root.path + "/Pipelines/news.yaml", encoding: .utf8)
            .replacingOccurrences(of: "../Samples/*.txt", with: "in/*.txt")
        try yaml.write(toFile: dir + "/news.yaml", atomically: true, encoding: .utf8)
        // The pipeline's own files travel with it.
        try FileManager.default.copyItem(atPath: Self.root.path + "/Pipelines/gazetteers", toPath: dir + "/gazetteers")
        return dir
    }

    func files(_ folder: String) throws -> [String] {
        let all = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return all.filter { !$0.hasPrefix(".") && Paths.kind(folder + "/" + $0) == .file }.sorted()
    }

    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    @Test("Every output is byte-identical with 1 and 4 jobs")
    func jobsDoNotChangeBytes() async throws {
        let dir = try batch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["run", dir + "/news.yaml", "--output", dir + "/j1", "--jobs", "1", "--quiet"]) == 1)
        #expect(await Lede.run(arguments: ["run", dir + "/news.yaml", "--output", dir + "/j4", "--jobs", "4", "--quiet"]) == 1)
        let names = try files(dir + "/j1")
        #expect(names == ["manifest.json", "news.jsonl", "news.sqlite", "rejects.jsonl", "report.html", "stats.json",
                          "tables/documents.csv", "tables/entities.csv", "tables/layers.csv", "tables/quotes.csv"])
        for name in names { #expect(bytes(dir + "/j1/" + name) == bytes(dir + "/j4/" + name), "\(name) differs") }
    }

    @Test("Three shards merged give exactly what one run gives: every output, the report included")
    func shardsMergeIntoOneRun() async throws {
        let dir = try batch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = await Lede.run(arguments: ["run", dir + "/news.yaml", "--output", dir + "/single", "--quiet"])
        var sizes: [Int] = []
        for k in 0..<3 {
            _ = await Lede.run(arguments: ["run", dir + "/news.yaml", "--output", dir + "/shard\(k)", "--shard", "\(k)/3", "--quiet"])
            sizes.append(try Manifest.read(folder: dir + "/shard\(k)").counts.documents)
        }
        #expect(sizes.reduce(0, +) == 9 && sizes.allSatisfy { $0 < 9 }, "shards: \(sizes)")
        #expect(await Lede.run(arguments: ["merge", dir + "/shard2", dir + "/shard0", dir + "/shard1", "--output", dir + "/merged", "--quiet"]) == 0)
        // Every file a single run writes, and no other; each byte for byte, the manifest aside.
        let names = try files(dir + "/single")
        #expect(names.contains("report.html") && names.contains("news.sqlite") && names.contains("rejects.jsonl"))
        #expect(try files(dir + "/merged") == names)
        for name in names where name != Manifest.fileName {
            #expect(!bytes(dir + "/merged/" + name).isEmpty, "\(name) missing")
            #expect(bytes(dir + "/merged/" + name) == bytes(dir + "/single/" + name), "\(name) differs from a single run")
        }
        let merged = try Manifest.read(folder: dir + "/merged"), single = try Manifest.read(folder: dir + "/single")
        #expect(merged.inputs == single.inputs && merged.counts == single.counts && merged.shard == nil)
        #expect(merged.outputs == single.outputs)
        // A shard missing, or given twice, is refused.
        #expect(await Lede.run(arguments: ["merge", dir + "/shard0", dir + "/shard1", "--output", dir + "/bad"]) == 2)
        #expect(await Lede.run(arguments: ["merge", dir + "/shard0", dir + "/shard0", dir + "/shard1", "--output", dir + "/bad"]) == 2)
        // A shard whose journal is gone cannot give its documents back: refused, with nothing written.
        try FileManager.default.removeItem(atPath: dir + "/shard1/.lede/journal")
        #expect(await Lede.run(arguments: ["merge", dir + "/shard0", dir + "/shard1", dir + "/shard2", "--output", dir + "/bad"]) == 2)
        #expect(try files(dir + "/bad").isEmpty)
        // Nor can a shard run with --no-journal.
        _ = await Lede.run(arguments: ["run", dir + "/news.yaml", "--output", dir + "/shard1", "--shard", "1/3", "--no-journal", "--quiet"])
        #expect(await Lede.run(arguments: ["merge", dir + "/shard0", dir + "/shard1", dir + "/shard2", "--output", dir + "/bad"]) == 2)
        #expect(try files(dir + "/bad").isEmpty)
    }

    @Test("Shards of one JSON Lines file merge into one run, and the file is listed once")
    func jsonLinesShards() async throws {
        let dir = NSTemporaryDirectory() + "lede-repro-jsonl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var lines = ""
        for i in 0..<40 {
            lines += "{\"id\": \"d\(i)\", \"text\": \"Officials in Seoul said on Oct. \(i % 28 + 1) that \(i) people came. \\\"It is a start,\\\" she said.\"}\n"
        }
        try lines.write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        let common = ["--input", dir + "/in.jsonl", "--format", "jsonl", "--quiet"]
        let pipeline = Self.root.path + "/Pipelines/news.yaml"
        _ = await Lede.run(arguments: ["run", pipeline, "--output", dir + "/one"] + common)
        for k in 0..<3 { _ = await Lede.run(arguments: ["run", pipeline, "--output", dir + "/s\(k)", "--shard", "\(k)/3"] + common) }
        #expect(await Lede.run(arguments: ["merge", dir + "/s0", dir + "/s1", dir + "/s2", "--output", dir + "/all", "--quiet"]) == 0)
        let names = try files(dir + "/one")
        #expect(try files(dir + "/all") == names)
        for name in names where name != Manifest.fileName {
            #expect(name == "rejects.jsonl" || !bytes(dir + "/all/" + name).isEmpty, "\(name) is empty")
            #expect(bytes(dir + "/all/" + name) == bytes(dir + "/one/" + name), "\(name)")
        }
        #expect(try Manifest.read(folder: dir + "/all").inputs == Manifest.read(folder: dir + "/one").inputs)
    }

    @Test("verify passes on an untouched output, and fails when an output or an input changed")
    func verify() async throws {
        let dir = try batch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = await Lede.run(arguments: ["run", dir + "/news.yaml", "--output", dir + "/out", "--quiet"])
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 0)
        #expect(await Lede.run(arguments: ["verify", dir + "/out", "--rerun"]) == 0)
        let jsonl = dir + "/out/news.jsonl"
        let original = bytes(jsonl)
        try (String(decoding: original, as: UTF8.self) + "{}\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 1)
        try original.write(to: URL(fileURLWithPath: jsonl))
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 0)
        try "A different article.".write(toFile: dir + "/in/07-marathon.txt", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 1)
    }

    @Test("The manifest records the files a stage read, and verify fails when one changed")
    func stageFiles() async throws {
        let dir = try batch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = await Lede.run(arguments: ["run", dir + "/news.yaml", "--output", dir + "/out", "--quiet"])
        let stage = try #require(try Manifest.read(folder: dir + "/out").pipeline.stages.first { $0.name == "entity-tag" })
        let file = try #require(stage.files?.first)
        #expect(file.path == "gazetteers/aliases.tsv")
        #expect(file.sha256 == Digest.sha256(bytes(dir + "/gazetteers/aliases.tsv")) && file.bytes > 0)
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 0)
        try "Hanul Bridge Alliance\tGPE\n".write(toFile: dir + "/gazetteers/aliases.tsv", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 1)
    }

    @Test("--incremental after editing one input processes only it, and gives the bytes of a fresh run",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func incremental() async throws {
        let dir = try batch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lede = SignalTests.run
        _ = try lede(["run", dir + "/news.yaml", "--output", dir + "/out"])
        try "Officials in Busan said, \"The bridge opens on Monday.\"".write(toFile: dir + "/in/07-marathon.txt", atomically: true, encoding: .utf8)
        let (status, printed, _) = try lede(["run", dir + "/news.yaml", "--output", dir + "/out", "--incremental"])
        #expect(status == 1, "the broken input is still rejected: \(printed)")
        // Ten inputs (the undecodable one's reject is journaled too), one edited: nine reused.
        #expect(printed.contains("9 input(s) taken from the journal"), "\(printed)")
        _ = try lede(["run", dir + "/news.yaml", "--output", dir + "/fresh", "--no-journal"])
        for name in try files(dir + "/fresh") where name != "manifest.json" {
            #expect(bytes(dir + "/out/" + name) == bytes(dir + "/fresh/" + name), "\(name) differs from a fresh run")
        }
        // A changed gazetteer changes entity-tag's results: nothing is reused.
        try "Hanul Bridge Alliance\tGPE\n".write(toFile: dir + "/gazetteers/aliases.tsv", atomically: true, encoding: .utf8)
        let (_, after, _) = try lede(["run", dir + "/news.yaml", "--output", dir + "/out", "--incremental"])
        #expect(!after.contains("taken from the journal"), "\(after)")
    }
}
