import Foundation
import LedeCore
@testable import LedeEngine
import LedePipeline
import LedeInput
import LedeIO
import LedeTestSupport
import Testing

struct ManifestTests {
    func ids(_ text: String?) -> [String] { (text ?? "").split(separator: "\n").map(String.init) }

    @Test("The manifest records every input and output with its SHA-256, the resolved stages and the counts")
    func manifestContents() async throws {
        let dir = TempDir()
        for i in 0..<5 { dir.write(String(format: "docs/%02d.txt", i), i == 3 ? "POISON \(i)" : "news \(i) news") }
        let yaml = "lede: 1\ninput: { paths: [docs] }\noutput: out\nstages:\n  - mark: { word: news }\n  - id-list\n"
        let file = dir.write("p.yaml", yaml)
        let summary = try await Engine(pipeline: try Pipeline.load(file: file, registry: testRegistry), jobs: 2,
                                       tool: Manifest.Tool(version: "9.9", commit: String(repeating: "a", count: 40))).run()
        let manifest = try Manifest.read(folder: dir.path + "/out")
        #expect(manifest.tool == Manifest.Tool(version: "9.9", commit: String(repeating: "a", count: 40)))
        #expect(manifest.pipeline.sha256 == Digest.sha256(Array(yaml.utf8)))
        #expect(manifest.pipeline.file == file)
        #expect(manifest.pipeline.stages.map(\.name) == ["mark", "id-list"])
        if case .object(let options) = manifest.pipeline.stages[0].options {
            #expect(options["word"] == .string("news") && options["fail_on"] == .string("POISON"))
        } else {
            Issue.record("mark's options are not an object")
        }
        #expect(manifest.inputs.map(\.location) == (0..<5).map { String(format: "\(dir.path)/docs/%02d.txt", $0) })
        for input in manifest.inputs {
            #expect(input.sha256 == Digest.sha256(try Paths.read(input.location)))
        }
        #expect(manifest.outputs.map(\.path) == ["ids.txt", "rejects.jsonl"])
        for output in manifest.outputs {
            let bytes = try Paths.read(dir.path + "/out/" + output.path)
            #expect(output.sha256 == Digest.sha256(bytes) && output.bytes == bytes.count)
        }
        #expect(manifest.counts.documents == 4 && manifest.counts.rejected == 1 && manifest.counts.warnings == 0)
        #expect(summary.documents == 4)
        #expect(Digest.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("The manifest's one writer: the same JSON as JSONEncoder's, sorted keys, two-space indents, inputs streamed")
    func manifestInputsAreStreamedInTheSameLayout() async throws {
        let dir = TempDir()
        for i in 0..<3 { dir.write("docs/\(i).txt", "news \(i)") }
        let file = dir.write("p.yaml", "lede: 1\ninput: { paths: [docs] }\noutput: out\nstages:\n  - id-list\n")
        _ = try await Engine(pipeline: try Pipeline.load(file: file, registry: testRegistry), jobs: 1).run()
        var manifest = try Manifest.read(folder: dir.path + "/out")
        #expect(try Paths.read(dir.path + "/out/manifest.json") == manifest.encoded())
        func sameJSON(_ a: [UInt8], _ b: Data) throws -> Bool {
            try (JSONSerialization.jsonObject(with: Data(a)) as? NSDictionary) == (JSONSerialization.jsonObject(with: b) as? NSDictionary)
        }
        for count in [3, 1, 0] {
            manifest.inputs = Array(manifest.inputs.prefix(count))
            let bytes = try manifest.encoded()
            #expect(try sameJSON(bytes, JSONEncoder().encode(manifest)), "\(count) inputs")
            #expect(try JSONDecoder().decode(Manifest.self, from: Data(bytes)) == manifest)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix("{\n  \"counts\" : {\n    \"documents\" : ") && text.hasSuffix("\n}\n"))
            #expect(text.contains(count == 0 ? "\n  \"inputs\" : []," : "\n  \"inputs\" : [\n    {\n      \"bytes\" : "))
            // Top-level keys in sorted order.
            let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
            #expect(keys == keys.sorted() && keys.contains("inputs") && keys.contains("pipeline"))
        }
        // Quotes, backslashes, control characters and non-ASCII in paths, and an input that was not read:
        // escaped as JSON Lines records are (JSONEncoder writes \b where they write \u0008), read back equal.
        manifest.inputs = [
            .init(path: #"a "quoted" \ path"#, location: "/tmp/tab\there/new\nline", index: 0, bytes: 12, sha256: nil),
            .init(path: "기사/é\u{8}.txt", location: "/x/y", index: 7, bytes: 0, sha256: String(repeating: "f", count: 64)),
        ]
        let decoded = try JSONDecoder().decode(Manifest.self, from: Data(try manifest.encoded()))
        #expect(decoded == manifest)
    }

    @Test("The manifest is the same bytes with 1 and 4 jobs")
    func manifestIsDeterministic() async throws {
        let dir = TempDir()
        for i in 0..<40 { dir.write(String(format: "docs/%02d.txt", i), "news item \(i) news") }
        var manifests: [String] = []
        for jobs in [1, 4] {
            let p = try Pipeline.load(file: dir.write("p.yaml", "lede: 1\ninput: { paths: [docs] }\noutput: out\nstages: [mark, id-list]\n"),
                                      registry: testRegistry)
            _ = try await Engine(pipeline: p, jobs: jobs).run()
            manifests.append(try #require(dir.read("out/manifest.json")))
        }
        #expect(manifests[0] == manifests[1])
    }

    @Test("Shards split the inputs into disjoint slices that cover them all, by id alone")
    func shardsPartitionTheInputs() async throws {
        let dir = TempDir()
        for i in 0..<60 { dir.write(String(format: "docs/%02d.txt", i), "news \(i)") }
        let yaml = "lede: 1\ninput: { paths: [docs] }\nstages: [mark, id-list]\n"
        var seen: [String] = []
        for k in 0..<3 {
            let p = try Pipeline.load(file: dir.write("p.yaml", yaml), registry: testRegistry, outputOverride: dir.path + "/s\(k)")
            _ = try await Engine(pipeline: p, jobs: 2, shard: Shard(index: k, count: 3)).run()
            let slice = ids(dir.read("s\(k)/ids.txt"))
            #expect(slice.count > 10, "shard \(k) has only \(slice.count) of 60")
            #expect(slice == slice.sorted(), "a shard keeps input order")
            seen += slice
            // The same slice when the inputs are listed in another order on the command line.
            let files = (0..<60).reversed().map { String(format: "\(dir.path)/docs/%02d.txt", $0) }
            let q = try Pipeline.load(file: dir.write("p.yaml", yaml), registry: testRegistry, inputOverride: files,
                                      outputOverride: dir.path + "/r\(k)")
            _ = try await Engine(pipeline: q, jobs: 2, shard: Shard(index: k, count: 3)).run()
            #expect(Set(ids(dir.read("r\(k)/ids.txt")).map { $0.suffix(2) }) == Set(slice.map { $0.suffix(2) }))
            let manifest = try Manifest.read(folder: dir.path + "/s\(k)")
            #expect(manifest.shard == Shard(index: k, count: 3))
            #expect(manifest.inputs.count == slice.count, "a shard reads only its own text files")
            #expect(manifest.outputs.map(\.path).contains(Engine.orderFile))
        }
        #expect(seen.sorted() == (0..<60).map { String(format: "%02d", $0) })
    }

    @Test("Shards from the command line and from Slurm or Kubernetes")
    func shardSources() throws {
        #expect(Shard.parse("2/3") == Shard(index: 2, count: 3))
        #expect(Shard.parse("3/3") == nil && Shard.parse("-1/3") == nil && Shard.parse("1") == nil && Shard.parse("0/0") == nil)
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"]) == Shard(index: 1, count: 3))
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1"])
                == Shard(index: 2, count: 3))
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0", "LEDE_SHARD_COUNT": "4"]) == Shard(index: 0, count: 4))
        #expect(try Shard.fromEnvironment([:]) == nil)
        #expect(throws: ConfigError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0"]) }
        #expect(throws: ConfigError.self) { try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "3"]) }
    }

    @Test("Paths relative to the pipeline's folder, however it was spelled")
    func relativePaths() {
        #expect(Paths.relative("Samples/a.txt", from: "Pipelines") == "../Samples/a.txt")
        #expect(Paths.relative("/w/Samples/a.txt", from: "/w/Pipelines") == "../Samples/a.txt")
        #expect(Paths.relative("/w/Pipelines/in/a.txt", from: "/w/Pipelines") == "in/a.txt")
        #expect(Paths.relative("in/a.txt", from: ".") == "in/a.txt")
        #expect(Paths.relative("./in//a.txt", from: ".") == "in/a.txt")
        #expect(Paths.relative("/data/a.txt", from: "/w/p") == "../../data/a.txt")
    }
}
