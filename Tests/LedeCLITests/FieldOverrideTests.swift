import Foundation
import LedeCLI
import LedeEngine
import LedePipeline
import Testing

/// Issue #24, overrides: `--text-field` and `--id-field` name the JSON Lines fields without editing the YAML.
struct FieldOverrideTests {
    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "lede-fields-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
            {"doc": "a1", "body": "Mayor Ann Lee spoke on Monday.", "text": "not this"}
            {"doc": 7, "body": "The council met again."}

            """.write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        try "lede: 1\ninput: { paths: [in.jsonl], format: jsonl }\nstages:\n  - split\n  - write: { jsonl: x.jsonl }\n"
            .write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        try "lede: 1\ninput: { paths: [in.jsonl] }\nstages:\n  - split\n  - write: { jsonl: x.jsonl }\n"
            .write(toFile: dir + "/text.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("--text-field body --id-field doc: the text and id come from those fields, and verify --rerun uses them again")
    func fieldsFromTheCommandLine() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", dir + "/out", "--quiet",
                                           "--text-field", "body", "--id-field", "doc"]) == 0)
        let records = try jsonLines(dir + "/out/x.jsonl")
        #expect(records.map { $0["id"] as? String } == ["a1", "7"])
        #expect(records.map { $0["text"] as? String } == ["Mayor Ann Lee spoke on Monday.", "The council met again."])
        let manifest = try Manifest.read(folder: dir + "/out")
        #expect(manifest.invocation.textField == "body")
        #expect(manifest.invocation.idField == "doc")
        #expect(await Lede.run(arguments: ["verify", dir + "/out", "--rerun"]) == 0)
        // Without them, the pipeline's fields (text, id) are read: the second record has no text and is rejected.
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", dir + "/plain", "--quiet"]) == 1)
        #expect(try jsonLines(dir + "/plain/x.jsonl").first?["text"] as? String == "not this")
        #expect(!(try String(contentsOfFile: dir + "/plain/manifest.json", encoding: .utf8)).contains("_field"))
    }

    @Test("--text-field on text input, or an empty field name, is a usage error (exit 2); --format jsonl makes it right")
    func fieldsThatCannotApply() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["validate", dir + "/text.yaml", "--text-field", "body"]) == 2)
        #expect(await Lede.run(arguments: ["validate", dir + "/text.yaml", "--id-field", "doc"]) == 2)
        #expect(await Lede.run(arguments: ["validate", dir + "/p.yaml", "--text-field", ""]) == 2)
        #expect(await Lede.run(arguments: ["validate", dir + "/text.yaml", "--format", "jsonl", "--text-field", "body"]) == 0)
        #expect(await Lede.run(arguments: ["validate", dir + "/text.yaml", "--format", "html", "--id-field", "doc"]) == 0)
    }

    @Test("lede explain shows a field from the command line as such",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func explainSaysWhereTheFieldCameFrom() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, output, errors) = try SignalTests.run(["explain", dir + "/p.yaml", "--text-field", "body"])
        #expect(status == 0, "\(errors)")
        #expect(output.contains("text_field body (from --text-field), id_field id"), "\(output)")
    }
}
