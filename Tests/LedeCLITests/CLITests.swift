import Foundation
import LedeCLI
import LedeCore
import LedeEngine
import LedePipeline
import LedeIO
import LedeStages
import Testing

/// The `lede` command line, run in-process through `Lede.run(arguments:)`.
struct CLITests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ name: String) -> String { here.appendingPathComponent("Fixtures/" + name).path }

    func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lede-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theNewsPipelineRunsOnTheSamplesAndWritesLoadableJSONLines() async throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let code = await Lede.run(arguments: ["run", Self.root.appendingPathComponent("Pipelines/news.yaml").path, "--output", out, "--quiet"])
        #expect(code == 0)
        let lines = try String(contentsOfFile: out + "/news.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 9)
        for line in lines { _ = try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        #expect(FileManager.default.fileExists(atPath: out + "/stats.json"))
        #expect(try String(contentsOfFile: out + "/rejects.jsonl", encoding: .utf8).isEmpty)
    }

    @Test func theWirePipelineSplitsOneFileIntoSeveralDocuments() async throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let code = await Lede.run(arguments: ["run", Self.root.appendingPathComponent("Pipelines/wire.yaml").path, "--output", out, "--quiet"])
        #expect(code == 0)
        let ids = try String(contentsOfFile: out + "/wire.jsonl", encoding: .utf8).split(separator: "\n").map {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["id"] as! String
        }
        #expect(ids == ["briefs#1", "briefs#2", "briefs#3"])
    }

    static let hasPython = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

    @Test("The example plugin pipeline runs sentiment.py over the samples, through the whole CLI",
          .enabled(if: hasPython, "python3 is not on the PATH"))
    func theExamplePluginPipelineRuns() async throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let pipeline = Self.root.appendingPathComponent("Examples/plugins/sentiment.yaml").path
        #expect(await Lede.run(arguments: ["run", pipeline, "--output", out, "--quiet", "--jobs", "2"]) == 0)
        let records = try jsonLines(out + "/sentiment.jsonl")
        #expect(records.count == 9)
        for record in records {
            let sentences = try #require(record["sentences"] as? [[String: Any]])
            let labels = try #require((record["layers"] as? [String: Any])?["sentiment"] as? [[String: Any]])
            #expect(labels.count == sentences.count, "one sentiment span per sentence in \(record["id"] ?? "")")
            #expect(labels.allSatisfy { ["positive", "negative", "neutral"].contains($0["label"] as? String ?? "") })
        }
        // The port-strike sample has both kinds.
        let flood = try #require(records.first { $0["id"] as? String == "03-port-strike" })
        let labels = Set(((flood["layers"] as? [String: Any])?["sentiment"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String })
        #expect(labels.isSuperset(of: ["positive", "negative"]))
        // The plugin's script is recorded with its SHA-256, so verify and --resume notice when it changes.
        let manifest = try Manifest.read(folder: out)
        let exec = try #require(manifest.pipeline.stages.first { $0.name == "exec" })
        #expect(exec.files?.map { Paths.fileName($0.path) } == ["sentiment.py"])
    }

    @Test("A plugin that exits early ends the run with exit 3", .enabled(if: hasPython, "python3 is not on the PATH"))
    func aPluginThatExitsEarlyExitsThree() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plugin = Self.root.appendingPathComponent("Examples/plugins/early_exit.py").path
        let yaml = "lede: 1\ninput: { paths: [\(Self.root.path)/Samples] }\noutput: out\nstages:\n  - exec: { command: [python3, \(plugin)], workers: 1 }\n  - write: { jsonl: x.jsonl }\n"
        try yaml.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 3)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/x.jsonl"))
    }

    @Test("Each broken pipeline exits 2", arguments: [
        "broken-syntax.yaml", "unknown-stage.yaml", "misspelt-option.yaml", "wrong-type.yaml",
        "empty-stages.yaml", "missing-input.yaml", "alias-bomb.yaml",
    ])
    func brokenPipelinesExitTwo(_ name: String) async throws {
        let start = Date()
        let out = tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(await Lede.run(arguments: ["validate", Self.fixture(name)]) == 2)
        #expect(await Lede.run(arguments: ["run", Self.fixture(name), "--output", out, "--quiet"]) == 2)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("Each broken pipeline gives one precise, located error", arguments: [
        ("broken-syntax.yaml", 4, "invalid YAML"),
        ("unknown-stage.yaml", 5, "unknown stage 'entity-tagger'"),
        ("misspelt-option.yaml", 4, "unknown key 'sentense'"),
        ("wrong-type.yaml", 4, "expected true or false, found 'yes'"),
        ("empty-stages.yaml", 3, "'stages' is empty"),
        ("missing-input.yaml", 2, "no files match 'no-such-folder/*.txt'"),
    ])
    func brokenPipelinesAreLocated(_ name: String, _ line: Int, _ message: String) throws {
        #expect {
            try Pipeline.load(file: Self.fixture(name), registry: LedeStagesRegistry.registry)
        } throws: { error in
            guard let e = error as? ConfigError else { return false }
            return e.location?.line == line && e.message.contains(message) && e.description.hasPrefix(Self.fixture(name) + ":\(line):")
        }
    }

    @Test func suggestionsNameTheNearestStageAndKey() throws {
        do {
            _ = try Pipeline.load(file: Self.fixture("unknown-stage.yaml"), registry: LedeStagesRegistry.registry)
        } catch let e as ConfigError {
            #expect(e.hint == "did you mean 'entity-tag'?")
        }
        do {
            _ = try Pipeline.load(file: Self.fixture("misspelt-option.yaml"), registry: LedeStagesRegistry.registry)
        } catch let e as ConfigError {
            #expect(e.hint == "did you mean 'sentences'?")
        }
    }

    @Test func aRejectedDocumentMakesTheRunExitOne() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = FileManager.default.createFile(atPath: dir + "/bad.txt", contents: Data([0x41, 0xFF, 0x0A]))
        try "A fine article.".write(toFile: dir + "/good.txt", atomically: true, encoding: .utf8)
        let code = await Lede.run(arguments: ["run", Self.root.appendingPathComponent("Pipelines/news.yaml").path,
                                              "--input", dir + "/bad.txt", dir + "/good.txt", "--output", dir + "/out", "--quiet"])
        #expect(code == 1)
        #expect(try String(contentsOfFile: dir + "/out/rejects.jsonl", encoding: .utf8).contains("invalid UTF-8"))
        #expect(try String(contentsOfFile: dir + "/out/news.jsonl", encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func anUnwritableOutputFolderExitsThree() async throws {
        guard getuid() != 0 else { return }  // root can write anywhere; the lock and path tests cover the rest
        let dir = tempDir()
        chmod(dir, 0o500)
        defer { chmod(dir, 0o700); try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["run", Self.root.appendingPathComponent("Pipelines/news.yaml").path, "--output", dir + "/out", "--quiet"]) == 3)
    }

    @Test func anOutputPathThatIsAFileExitsThree() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/out", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", Self.root.appendingPathComponent("Pipelines/news.yaml").path, "--output", dir + "/out", "--quiet"]) == 3)
    }

    @Test("A .jsonl input read as text gets a warning naming --format jsonl; read as JSON Lines, none",
          .enabled(if: SignalTests.lede != nil, "the lede executable is not built"))
    func jsonLinesReadAsTextIsWarnedAbout() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"id": "a", "text": "Seoul said yes."}"#.write(toFile: dir + "/articles.jsonl", atomically: true, encoding: .utf8)
        func stderr(_ extra: [String]) throws -> String {
            let run = try SignalTests.run(["run", Self.root.appendingPathComponent("Pipelines/news.yaml").path,
                                           "--input", dir + "/articles.jsonl", "--output", dir + "/out", "--no-journal"] + extra)
            #expect(run.status == 0)
            return run.errors
        }
        #expect(try stderr([]).contains("articles.jsonl is read as one text document, since the input format is text; pass --format jsonl"))
        #expect(try !stderr(["--format", "jsonl"]).contains("warning"))
    }

    @Test func usageErrorsExitTwo() async {
        #expect(await Lede.run(arguments: ["run"]) == 2)
        #expect(await Lede.run(arguments: ["frobnicate"]) == 2)
        #expect(await Lede.run(arguments: ["run", "x.yaml", "--jobs", "0"]) == 2)
        #expect(await Lede.run(arguments: ["stages", "nope"]) == 2)
        #expect(await Lede.run(arguments: ["stages", "split"]) == 0)
        #expect(await Lede.run(arguments: ["--help"]) == 0)
    }
}

enum LedeStagesRegistry {
    static var registry: StageRegistry { LedeStages.registry }
}
