import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeTestSupport
import Testing

/// Issue #24, overrides: `--set STAGE.KEY=VALUE`, typed and validated like the YAML, with errors that name the flag.
struct SettingTests {
    static let yaml = "lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: text }\n  - needs-marks\n  - mark\n"

    func load(_ settings: [String], yaml: String = SettingTests.yaml) throws -> Pipeline {
        let dir = TempDir()
        dir.write("in.txt", "Some news text.")
        return try Pipeline.load(file: dir.write("p.yaml", yaml), registry: testRegistry,
                                 settings: try settings.map { try Setting(parsing: $0) })
    }

    func error(_ settings: [String], yaml: String = SettingTests.yaml) -> ConfigError? {
        do {
            _ = try load(settings, yaml: yaml)
            return nil
        } catch {
            return error as? ConfigError ?? ConfigError("unexpected error type: \(error)")
        }
    }

    @Test("A --set replaces or adds an option of the first stage of that name, typed like the YAML")
    func setsTheFirstStage() throws {
        let p = try load(["mark.word=hello", "mark.repeats=3", "mark.strict=true", "mark.fail_on="])
        let first = try #require(p.stages[0].options as? MarkStage.Options)
        #expect(first.word == "hello" && first.repeats == 3 && first.strict)
        #expect(first.failOn == "POISON", "an empty value takes the default")
        #expect((p.stages[2].options as? MarkStage.Options)?.word == "news", "only the first stage of the name")
        #expect(p.settings.map(\.argument) == ["mark.word=hello", "mark.repeats=3", "mark.strict=true", "mark.fail_on="])
        // A stage written as a bare name gets options too; the last --set of a key wins.
        let bare = try load(["mark.word=a", "mark.word='b: c'"], yaml: "lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark\n")
        #expect((bare.stages[0].options as? MarkStage.Options)?.word == "b: c")
    }

    @Test("A wrong key, type or stage is an error that names the flag, with the usual hint")
    func errorsNameTheFlag() throws {
        let key = try #require(error(["mark.wrod=x"]))
        #expect(key.description == "error: --set mark.wrod=x: unknown key 'wrod' of stage 'mark'\n  hint: did you mean 'word'?")
        let type = try #require(error(["mark.repeats=yes"]))
        #expect(type.message.hasPrefix("--set mark.repeats=yes: expected a whole number"), "\(type)")
        #expect(type.location == nil)
        let boolean = try #require(error(["mark.strict=on"]))
        #expect(boolean.message.hasPrefix("--set mark.strict=on: expected true or false"), "\(boolean)")
        let stage = try #require(error(["mrak.word=x"]))
        #expect(stage.message == "--set mrak.word=x: the pipeline has no stage 'mrak'")
        #expect(stage.hint == "did you mean 'mark'?")
        let list = try #require(error(["mark.word=[a, b]"]))
        #expect(list.message.hasPrefix("--set mark.word=[a, b]: expected a string"), "\(list)")
        #expect(error(["mark.repeats=[1"])?.message.hasPrefix("--set mark.repeats=[1: the value is not a YAML value") == true)
        #expect(error(["mark.tag=!!str x"])?.message.contains("--set mark.tag=!!str x") == true)
        #expect(error(["markword=x"])?.message.contains("is not STAGE.KEY") == true)
        #expect(error(["mark.word"])?.message.contains("no '='") == true)
        // A mistake in the file is still reported at its place in the file.
        let file = try #require(error(["mark.word=x"], yaml: "lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { wrod: x }\n"))
        #expect(file.location?.line == 4)
        #expect(file.message == "unknown key 'wrod'")
    }

    @Test("A value cannot add YAML structure around it")
    func noInjection() throws {
        let e = try #require(error(["mark.word=x}, strict: true, {y: z"]))
        #expect(e.message.hasPrefix("--set mark.word=x}, strict: true, {y: z: the value is not"), "\(e)")
    }
}
