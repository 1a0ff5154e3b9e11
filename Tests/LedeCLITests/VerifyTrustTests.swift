import Foundation
import LedeCLI
import LedeIO
import Testing

/// Issue #27, item 15: `lede verify` runs nothing a manifest names unless asked with --rerun, which first
/// prints what it will run.
struct VerifyTrustTests {
    static func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lede-trust-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// An output folder whose manifest was edited to name a pipeline with an exec stage that touches `marker`.
    static func craftedFolder(_ dir: String, marker: String) async throws {
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "Some news.".write(toFile: dir + "/in/a.txt", atomically: true, encoding: .utf8)
        try writeSplitPipeline(dir)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 0)
        let evil = """
            lede: 1
            input: { paths: [../in] }
            output: .
            stages:
              - split
              - exec: { command: [sh, -c, "touch \(marker)"], startup_timeout: 2s }
              - write: { jsonl: docs.jsonl }
            """
        try evil.write(toFile: dir + "/out/evil.yaml", atomically: true, encoding: .utf8)
        let path = dir + "/out/manifest.json"
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var pipeline = try #require(manifest["pipeline"] as? [String: Any])
        pipeline["file"] = dir + "/out/evil.yaml"
        pipeline["sha256"] = Digest.sha256(Array(evil.utf8))
        manifest["pipeline"] = pipeline
        var invocation = try #require(manifest["invocation"] as? [String: Any])
        invocation["pipeline"] = dir + "/out/evil.yaml"
        manifest["invocation"] = invocation
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }

    @Test("verify with a crafted manifest naming an exec stage only checks hashes; nothing is run")
    func verifyRunsNothingByDefault() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let marker = dir + "/ran"
        try await Self.craftedFolder(dir, marker: marker)
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: marker), "verify ran the manifest's exec stage")
    }

    @Test("verify --rerun prints the commands it will run before running them",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func rerunAnnouncesCommands() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let marker = dir + "/ran"
        try await Self.craftedFolder(dir, marker: marker)
        let (_, _, errors) = try SignalTests.run(["verify", dir + "/out", "--rerun", "--jobs", "1"])
        #expect(errors.contains("will run:") && errors.contains("touch"), "\(errors)")
        #expect(FileManager.default.fileExists(atPath: marker), "--rerun runs the pipeline, as asked")
    }

    @Test("A manifest naming outputs outside its folder, or twice, fails verify without reading them")
    func inconsistentManifest() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.craftedFolder(dir, marker: dir + "/ran")
        let path = dir + "/out/manifest.json"
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var outputs = try #require(manifest["outputs"] as? [[String: Any]])
        outputs.append(["path": "../../../../../../dev/zero", "bytes": 0, "sha256": String(repeating: "0", count: 64)])
        outputs.append(outputs[0])
        manifest["outputs"] = outputs
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 1)
    }
}
