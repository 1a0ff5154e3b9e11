import Foundation
import LedeCLI
import LedeEngine
import LedePipeline
import Testing

/// Issue #24, overrides: `--set STAGE.KEY=VALUE` through the command line.
struct SetTests {
    static let news = CLITests.root.appendingPathComponent("Pipelines/news.yaml").path

    @Test("A misspelt --set key: exit 2, the flag named, the nearest key suggested",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func misspeltKey() throws {
        let (status, _, errors) = try SignalTests.run(["run", Self.news, "--set", "entity-tag.modle=none", "--output", "/nonexistent/never"])
        #expect(status == 2)
        #expect(errors == "error: --set entity-tag.modle=none: unknown key 'modle' of stage 'entity-tag'\n  hint: did you mean 'model'?\n", "\(errors)")
    }

    @Test("lede explain marks a value that came from --set",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func explainMarksSettings() throws {
        let (status, output, errors) = try SignalTests.run(["explain", Self.news, "--set", "entity-tag.model=none", "--set", "split.sentences=false"])
        #expect(status == 0, "\(errors)")
        #expect(output.contains("model: \"none\"  (from --set entity-tag.model=none)"), "\(output)")
        #expect(output.contains("sentences: false  (from --set split.sentences=false)"), "\(output)")
        #expect(output.hasSuffix("from the command line (replacing the file's values): --set entity-tag.model=none, --set split.sentences=false\n"),
                "\(output)")
        let (_, other, _) = try SignalTests.run(["explain", Self.news, "--format", "text", "--output", "elsewhere"])
        #expect(other.hasSuffix("from the command line (replacing the file's values): --output elsewhere, --format text\n"), "\(other)")
    }

    @Test("A run with --set records it in the manifest, and verify --rerun sets it again")
    func manifestRecordsSettings() async throws {
        let out = NSTemporaryDirectory() + "lede-set-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", out, "--quiet", "--set", "entity-tag.model=none"]) == 0)
        let manifest = try Manifest.read(folder: out)
        #expect(manifest.invocation.set == ["entity-tag.model=none"])
        #expect(manifest.pipeline.stages.first { $0.name == "entity-tag" }?.options == .object(["model": .string("none")]) ||
                "\(manifest.pipeline.stages.first { $0.name == "entity-tag" }!.options)".contains("none"))
        #expect(await Lede.run(arguments: ["verify", out, "--rerun", "--jobs", "2"]) == 0)
    }
}
