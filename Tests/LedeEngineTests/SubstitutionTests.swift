import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeTestSupport
import Testing

/// Issue #24, overrides: `${NAME}` and `${NAME:-default}` in a pipeline's values, from the environment.
struct SubstitutionTests {
    func load(_ yaml: String, _ environment: [String: String]) throws -> Pipeline {
        let dir = TempDir()
        dir.write("in.txt", "Some news text.")
        return try Pipeline.load(file: dir.write("p.yaml", yaml), registry: testRegistry, environment: environment)
    }

    func error(_ yaml: String, _ environment: [String: String]) -> ConfigError? {
        do {
            _ = try load(yaml, environment)
            return nil
        } catch {
            return error as? ConfigError ?? ConfigError("unexpected error type: \(error)")
        }
    }

    @Test("Variables and defaults are substituted, then typed like a value written by hand")
    func substitutedAndTyped() throws {
        let yaml = """
            lede: 1
            name: ${NAME:-plain}
            input: { paths: ["${FILE}"] }
            stages:
              - mark:
                  word: w-${WORD}-${MISSING:-x}
                  repeats: ${N}
                  strict: "${STRICT:-false}"
            """
        let p = try load(yaml, ["FILE": "in.txt", "WORD": "news", "N": "3", "STRICT": ""])
        #expect(p.name == "plain")
        #expect(p.inputs.map(\.idBase) == ["in"])
        let options = try #require(p.stages[0].options as? MarkStage.Options)
        #expect(options.word == "w-news-x")
        #expect(options.repeats == 3)
        #expect(options.strict == false, "an empty variable with a default takes the default, as in the shell")
        #expect(p.substitutions.map(\.variable) == ["NAME", "FILE", "WORD", "MISSING", "N", "STRICT"])
        #expect(p.substitutions.first { $0.variable == "N" }?.location.line == 7)
        #expect(p.substitutions.first { $0.variable == "N" }?.location.column == 16)
        #expect(p.substitutions.first { $0.variable == "STRICT" }?.location.column == 16)
        #expect(p.substitutions.first { $0.variable == "MISSING" }?.defaulted == true)
        // A value of the wrong type is an error at the value, as if written there.
        let wrong = try #require(error(yaml, ["FILE": "in.txt", "WORD": "news", "N": "yes"]))
        #expect(wrong.message.contains("expected a whole number"))
        #expect(wrong.location?.line == 7)
        // Unquoted inside { }, the braces of ${ } end the mapping: the YAML error says to quote it.
        let flow = try #require(error("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: ${W} }\n", ["W": "x"]))
        #expect(flow.hint?.contains("quote a value that holds a variable") == true)
    }

    @Test("An unset variable without a default is a located error naming it")
    func unsetIsLocated() throws {
        let e = try #require(error("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark:\n      word: ${LEDE_TEST_UNSET_WORD}\n", [:]))
        #expect(e.message == "the environment variable 'LEDE_TEST_UNSET_WORD' is not set")
        #expect(e.location?.line == 5 && e.location?.column == 13)
        let quoted = try #require(error("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: \"a ${LEDE_TEST_UNSET_WORD}\" }\n", [:]))
        #expect(quoted.location?.line == 4 && quoted.location?.column == 22)
        #expect(e.hint?.contains("${LEDE_TEST_UNSET_WORD:-value}") == true)
        #expect(e.description.contains("^"), "with the line and a caret")
        let open = try #require(error("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: 'a${B' }\n", [:]))
        #expect(open.message.contains("without a closing"))
        #expect(open.location?.column == 21)
        let bad = try #require(error("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: 'a${1B}' }\n", [:]))
        #expect(bad.message.contains("does not name an environment variable"))
    }

    @Test("A value cannot add YAML structure; $${ is a literal ${; keys are not substituted")
    func noInjection() throws {
        let p = try load("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: \"${W}\", fail_on: \"$${W}\" }\n",
                         ["W": "x, strict: true }\n  - id-list"])
        #expect(p.stages.map(\.name) == ["mark"])
        let options = try #require(p.stages[0].options as? MarkStage.Options)
        #expect(options.word == "x, strict: true }\n  - id-list")
        #expect(options.strict == false)
        #expect(options.failOn == "${W}")
        let key = try #require(error("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark:\n      ${K}: x\n", ["K": "word"]))
        #expect(key.message.contains("unknown key '${K}'"))
    }

    @Test("An alias bomb with a variable in it is still refused at once, not walked in full")
    func aliasBomb() throws {
        var yaml = "lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: &l0 [\"${W}\", a, a, a, a, a, a, a, a, a] }\n"
        for n in 1...8 { yaml += "  - mark: { word: &l\(n) [" + Array(repeating: "*l\(n - 1)", count: 10).joined(separator: ", ") + "] }\n" }
        let start = Date()
        #expect(error(yaml, ["W": "x"]) != nil)
        // Walked in full, the nine levels of ten aliases are 10^9 strings: hours. Refused at once, it takes milliseconds;
        // the bound is wide because a CI machine under load took 3.4 s for it once.
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test("A file with no ${ loads exactly as before, whatever the environment")
    func untouched() throws {
        let p = try load("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: $HOME, fail_on: a$$b }\n", ["HOME": "/root"])
        #expect((p.stages[0].options as? MarkStage.Options)?.word == "$HOME")
        #expect((p.stages[0].options as? MarkStage.Options)?.failOn == "a$$b")
        #expect(p.substitutions.isEmpty)
    }
}
