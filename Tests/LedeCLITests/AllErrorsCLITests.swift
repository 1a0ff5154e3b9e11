import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeStages
import Testing

/// Issue #24: `lede validate` and `lede run` print every independent mistake of a pipeline, each located as
/// the only one would be, then how many there are; the exit code is a configuration error's, 2.
struct AllErrorsCLITests {
    /// A pipeline with three independent mistakes: a misspelt top-level key, an unknown stage and an
    /// unknown option of another stage.
    static let yaml = """
        lede: 1
        input: { paths: [in] }
        ouptut: out
        stages:
          - splt
          - write: { jsnol: docs.jsonl }
        """

    static let expected = """
        p.yaml:3:1: error: unknown key 'ouptut'
          ouptut: out
          ^
          hint: did you mean 'output'?
        p.yaml:5:5: error: unknown stage 'splt'
            - splt
              ^
          hint: did you mean 'split'?
        p.yaml:6:14: error: stage 'write': unknown key 'jsnol'
            - write: { jsnol: docs.jsonl }
                       ^
          hint: did you mean 'jsonl'?
        3 errors in p.yaml

        """

    /// A folder with `in/a.txt` and the pipeline `p.yaml`.
    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "lede-all-errors-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "Some news.".write(toFile: dir + "/in/a.txt", atomically: true, encoding: .utf8)
        try Self.yaml.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("validate and run print all three mistakes with their places and hints, then the count; exit 2",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"),
          arguments: ["validate", "run"])
    func everyMistakeIsPrinted(_ command: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try SignalTests.run([command, dir + "/p.yaml"])
        #expect(result.status == 2)
        #expect(result.errors == Self.expected.replacingOccurrences(of: "p.yaml", with: dir + "/p.yaml"))
        #expect(result.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"), "nothing is run")
    }

    @Test("A malformed --set is reported with the file's mistakes, after them",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func aBadFlagAndTheFilesMistakes() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try SignalTests.run(["validate", dir + "/p.yaml", "--set", "write"])
        #expect(result.status == 2)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains(": error: ") || $0.hasPrefix("error: ") }.count == 4)
        #expect(lines.suffix(3) == ["error: --set write: no '=' before the value",
                                    "  hint: write --set STAGE.KEY=VALUE, such as --set entity-tag.model=none",
                                    "4 errors in \(dir)/p.yaml and on the command line"])
    }

    @Test("An option that names several clashing files is one mistake; the stage's other mistakes are still found")
    func oneMistakePerOutputOption() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // `csv:` names a folder of four tables, each inside the JSON Lines file's name.
        try "lede: 1\ninput: { paths: [in] }\nstages:\n  - split\n  - write: { jsonl: news.jsonl, csv: news.jsonl, sqlite: manifest.json }\n"
            .write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry)
            Issue.record("loaded")
        } catch {
            let errors = try #require(ConfigErrors.all(in: error))
            #expect(errors.map { $0.location?.column ?? 0 } == [38, 58])
            #expect(errors[0].message.contains("inside or around 'news.jsonl'"))
            #expect(errors[1].message.contains("written by Lede itself"))
        }
    }

    @Test("One mistake prints as before, with no count line",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func oneMistakeAsBefore() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "lede: 1\ninput: { paths: [in] }\nstages: [splt]\n".write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let result = try SignalTests.run(["validate", dir + "/p.yaml"])
        #expect(result.status == 2)
        #expect(result.errors == "\(dir)/p.yaml:3:10: error: unknown stage 'splt'\n  stages: [splt]\n           ^\n  hint: did you mean 'split'?\n")
    }
}
