import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeTestSupport
import Testing

/// Issue #24: every independent mistake of a pipeline is reported in one pass, each located as when it is
/// the only one, in file order; a mistake that follows from another is not.
struct AllErrorsTests {
    /// `(line, column)` of each error, to compare in one expectation.
    func places(_ errors: [ConfigError]) -> [[Int]] { errors.map { [$0.location?.line ?? 0, $0.location?.column ?? 0] } }

    @Test("Mistakes in different stages' options are all reported, with their stage, place and hint")
    func differentStagesOptions() throws {
        let errors = configErrors("""
            lede: 1
            input: { paths: [in.txt] }
            stages:
              - mark: { wrod: x }
              - needs-marks
              - id-list: { flie: ids.txt }
            """)
        #expect(errors.map(\.message) == ["unknown key 'wrod'", "unknown key 'flie'"])
        #expect(errors.map(\.stage) == ["mark", "id-list"])
        #expect(places(errors) == [[4, 13], [6, 16]])
        #expect(errors.map(\.hint) == ["did you mean 'word'?", "did you mean 'file'?"])
    }

    @Test("Several unknown keys in one stage are each reported")
    func severalUnknownKeysInOneStage() throws {
        let errors = configErrors("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { wrod: x, strcit: true, word: y }\n")
        #expect(errors.map(\.message) == ["unknown key 'wrod'", "unknown key 'strcit'"])
        #expect(places(errors) == [[4, 13], [4, 22]])
        #expect(errors.map(\.hint) == ["did you mean 'word'?", "did you mean 'strict'?"])
    }

    @Test("Several bad values in one stage are each reported, as are the unknown keys beside them")
    func severalBadValuesInOneStage() throws {
        let errors = configErrors("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { repeats: x, strict: on, wrod: y }\n")
        #expect(errors.map(\.message) == ["expected a whole number written in plain decimal, found 'x'",
                                          "expected true or false, found 'on'", "unknown key 'wrod'"])
        #expect(places(errors) == [[4, 22], [4, 33], [4, 37]])
        #expect(errors.allSatisfy { $0.stage == "mark" })
        // The input's options too.
        let input = configErrors("lede: 1\ninput: { paths: [in.txt], format: csv, text_feild: body }\nstages: [mark]\n")
        #expect(input.map(\.message) == ["'csv' is not a valid value; expected one of: text, jsonl, html", "unknown key 'text_feild'"])
    }

    @Test("An unknown stage, a bad top-level key, a bad value elsewhere and a missing input, in file order")
    func mixedMistakesInFileOrder() throws {
        let errors = configErrors("""
            lede: 1
            input: { paths: [in.txt, gone.txt] }
            stages:
              - mark: { repeats: [1, 2] }
              - mrak
              - needs-marks
            ouptut: out
            """)
        #expect(errors.count == 4)
        #expect(places(errors) == [[2, 26], [4, 22], [5, 5], [7, 1]])
        #expect(errors[0].message == "no such file or folder: 'gone.txt'")
        #expect(errors[1].message.contains("expected a whole number") && errors[1].stage == "mark")
        #expect(errors[2].message == "unknown stage 'mrak'" && errors[2].hint == "did you mean 'mark'?")
        #expect(errors[3].message == "unknown key 'ouptut'" && errors[3].hint == "did you mean 'output'?")
        // Each keeps its snippet with the caret under its own column.
        #expect(errors[2].snippet == "    - mrak\n      ^")
    }

    @Test("Only mistakes that stand on their own: a stage after an unknown one is not said to miss its layers")
    func dependentMistakesAreLeftOut() throws {
        // `mrak` might have been meant to produce the marks `needs-marks` needs.
        let unknown = configErrors("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mrak\n  - needs-marks\n")
        #expect(unknown.map(\.message) == ["unknown stage 'mrak'"])
        // A known stage with a bad option still produces its layers for the stages after it.
        let badOption = configErrors("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { wrod: x }\n  - needs-marks\n")
        #expect(badOption.map(\.message) == ["unknown key 'wrod'"])
        // But a stage's options and its place in the order are separate mistakes.
        let both = configErrors("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - needs-marks\n  - mark: { wrod: x }\n")
        #expect(both.map(\.message) == ["'needs-marks' needs the 'marks' layer, which no earlier stage produces", "unknown key 'wrod'"])
        // A value whose variable is unset is reported once, not also as a value that is not a number.
        let dir = TempDir()
        dir.write("in.txt", "x")
        let file = dir.write("p.yaml", "lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { repeats: \"${LEDE_TEST_UNSET_N}\", wrod: x }\n")
        do {
            _ = try Pipeline.load(file: file, registry: testRegistry, environment: [:])
            Issue.record("loaded")
        } catch {
            let errors = try #require(ConfigErrors.all(in: error))
            #expect(errors.map(\.message) == ["the environment variable 'LEDE_TEST_UNSET_N' is not set", "unknown key 'wrod'"])
        }
        // A newer format version is all there is to say: its keys may be new ones.
        #expect(configErrors("lede: 2\ninput: { paths: [in.txt] }\nstagez: [mark]\n").map(\.message)
                    == ["this pipeline is written for format version 2, but this lede reads version 1"])
    }

    @Test("A bad --set and the file's own mistake are reported together; the flag's comes after the file's")
    func aBadSettingAndAFileMistake() throws {
        let errors = configErrors("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark\n  - needs-marks: { x: 1 }\n",
                                  settings: [try Setting(parsing: "mark.wrod=a"), try Setting(parsing: "mrak.word=a")])
        #expect(errors.map(\.message) == ["unknown key 'x'",
                                          "--set mrak.word=a: the pipeline has no stage 'mrak'",
                                          "--set mark.wrod=a: unknown key 'wrod' of stage 'mark'"])
        #expect(errors[0].location?.line == 5)
        #expect(errors[1].location == nil && errors[1].hint == "did you mean 'mark'?")
        #expect(errors[2].location == nil && errors[2].hint == "did you mean 'word'?")
    }

    @Test("A --set on a stage whose options come through an alias is the flag's mistake, not the alias's")
    func aSettingThroughAnAliasStaysTheFlags() throws {
        let errors = configErrors("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - needs-marks: &o {}\n  - mark: *o\n",
                                  settings: [try Setting(parsing: "mark.repeats=x")])
        #expect(errors.map(\.message) == ["'needs-marks' needs the 'marks' layer, which no earlier stage produces",
                                          "--set mark.repeats=x: expected a whole number written in plain decimal, found 'x'"])
        #expect(errors.map(\.location?.line) == [4, nil])
    }

    @Test("YAML that does not parse stops at that one error")
    func unparsableYAMLStops() throws {
        let errors = configErrors("lede: 1\nnmae: x\nstages: [mark\ninput: {paths: [in.txt]}\n")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("invalid YAML") == true)
    }

    @Test("One mistake is thrown as a ConfigError, several as ConfigErrors, which prints each and a count line")
    func thrownTypesAndText() throws {
        let dir = TempDir()
        dir.write("in.txt", "x")
        let one = dir.write("one.yaml", "lede: 1\ninput: { paths: [in.txt] }\nstages: [mrak]\n")
        #expect(throws: ConfigError.self) { try Pipeline.load(file: one, registry: testRegistry) }
        let two = dir.write("two.yaml", "lede: 1\ninput: { paths: [in.txt] }\nstages: [mrak, mark: { wrod: x }]\n")
        do {
            _ = try Pipeline.load(file: two, registry: testRegistry)
            Issue.record("loaded")
        } catch let errors as ConfigErrors {
            #expect(errors.errors.count == 2)
            #expect(errors.summary == "2 errors in \(two)")
            #expect(errors.description == errors.errors.map(\.description).joined(separator: "\n") + "\n2 errors in \(two)")
            #expect(errors.description.hasPrefix("\(two):3:10: error: unknown stage 'mrak'\n"))
        }
    }
}
