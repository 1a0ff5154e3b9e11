import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeIO
import LedeTestSupport
import Testing

/// Every way a hand-edited pipeline goes wrong gives one located error, before any document is read.
struct PipelineTests {
    @Test func aValidPipelineLoadsWithDefaultsFilledIn() throws {
        let p = try loadPipeline("""
            lede: 1
            name: t
            input: { paths: [in.txt] }
            stages:
              - mark: { word: text }
              - needs-marks
              - id-list
            """)
        #expect(p.name == "t")
        #expect(p.stages.map(\.name) == ["mark", "needs-marks", "id-list"])
        #expect(p.inputs.map(\.idBase) == ["in"])
        #expect((p.stages[0].options as? MarkStage.Options)?.word == "text")
        #expect((p.stages[0].options as? MarkStage.Options)?.failOn == "POISON")
        #expect(p.output.hasSuffix("/out"))
    }

    @Test func badYAMLSyntaxIsLocated() throws {
        let e = try #require(configError("lede: 1\nstages: [mark\ninput: {paths: [in.txt]}\n"))
        #expect(e.location?.line == 3)
        #expect(e.message.contains("invalid YAML"))
    }

    @Test func tabsGetAHint() throws {
        let e = try #require(configError("lede: 1\nstages:\n\t- mark\n"))
        #expect(e.location?.line == 3)
        #expect(e.hint?.contains("tabs") == true)
    }

    @Test func duplicateKeysPointAtTheSecondKey() throws {
        let e = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages: [mark]\nstages: [id-list]\n"))
        #expect(e.message.contains("duplicate key 'stages'"))
        #expect(e.location?.line == 4)
    }

    @Test func anUnknownStageSuggestsTheNearestName() throws {
        let e = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mrak: {}\n"))
        #expect(e.message == "unknown stage 'mrak'")
        #expect(e.location?.line == 4 && e.location?.column == 5)
        #expect(e.hint == "did you mean 'mark'?")
    }

    @Test func aMisspeltOptionSuggestsTheNearestKey() throws {
        let e = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { wrod: x }\n"))
        #expect(e.message == "unknown key 'wrod'")
        #expect(e.stage == "mark")
        #expect(e.location?.line == 4 && e.location?.column == 13)
        #expect(e.hint == "did you mean 'word'?")
        #expect(e.description.hasPrefix(e.location!.description + ": error: stage 'mark': unknown key 'wrod'"))
    }

    @Test func aWrongTypeSaysWhatWasExpected() throws {
        let e = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { repeats: [1, 2] }\n"))
        #expect(e.message.contains("expected a whole number"))
        #expect(e.location?.line == 4 && e.location?.column == 22)
    }

    @Test("The Norway problem: YAML 1.1 booleans and octal-looking numbers are refused, not coerced")
    func norwayProblem() throws {
        let on = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { strict: on }\n"))
        #expect(on.message.contains("expected true or false, found 'on'"))
        #expect(on.hint?.contains("ambiguous") == true)
        let octal = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { repeats: 012 }\n"))
        #expect(octal.message.contains("leading zero"))
        // `NO` is just a string where a string is expected.
        let p = try loadPipeline("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: NO }\n")
        #expect((p.stages[0].options as? MarkStage.Options)?.word == "NO")
    }

    @Test func aStageValidatingItsOwnOptionPointsAtTheValue() throws {
        let e = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark:\n      word: ''\n"))
        #expect(e.message == "word must not be empty")
        #expect(e.location?.line == 5 && e.location?.column == 13)
    }

    @Test func aMissingRequiredValueIsLocatedAtItsMapping() throws {
        // The pipeline's own `lede` key is required.
        let e = try #require(configError("name: x\ninput: { paths: [in.txt] }\nstages: [mark]\n"))
        #expect(e.message.contains("missing 'lede: 1'"))
        #expect(e.hint == "add 'lede: 1' as the first line")
        // An option written with no value takes its default.
        let p = try loadPipeline("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: }\n")
        #expect((p.stages[0].options as? MarkStage.Options)?.word == "news")
    }

    @Test func emptyStagesAndMissingStagesAreErrors() throws {
        #expect(try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages: []\n")).message.contains("'stages' is empty"))
        #expect(try #require(configError("lede: 1\ninput: { paths: [in.txt] }\n")).message.contains("missing 'stages'"))
    }

    @Test func aMissingInputPathIsLocated() throws {
        let e = try #require(configError("lede: 1\ninput:\n  paths: [in.txt, nowhere/*.txt]\nstages: [mark]\n"))
        #expect(e.message.contains("no files match 'nowhere/*.txt'"))
        #expect(e.location?.line == 3 && e.location?.column == 19)
        let missing = try #require(configError("lede: 1\ninput:\n  paths: [gone.txt]\nstages: [mark]\n"))
        #expect(missing.message.contains("no such file or folder"))
    }

    @Test func stageOrderIsCheckedAgainstRequiredLayers() throws {
        let e = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - needs-marks\n  - mark\n"))
        #expect(e.message.contains("needs the 'marks' layer"))
        #expect(e.hint == "add 'mark' before 'needs-marks'")
        #expect(e.location?.line == 4)
        let late = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages: [id-list, mark]\n"))
        #expect(late.message.contains("must come before 'id-list'"))
    }

    @Test func anAliasBombIsStoppedWithALocatedError() throws {
        var yaml = "lede: 1\ninput: { paths: [in.txt] }\nbomb0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "bomb\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "stages:\n  - id-list: { file: *a9 }\n"
        let start = Date()
        let e = try #require(configError(yaml))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(e.location != nil)
        // The first complaint is the unknown top-level key; with it allowed the budget or the type stops it.
        let onlyAlias = "lede: 1\ninput: { paths: &p [in.txt] }\nstages:\n  - id-list: { file: *p }\n"
        #expect(try #require(configError(onlyAlias)).message.contains("expected a string"))
    }

    @Test func tagsAreRefused() throws {
        let e = try #require(configError("lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: !!python/object:os.system ls }\n"))
        #expect(e.message.contains("tags are not allowed"))
        #expect(e.location?.line == 4)
    }

    @Test func emptyFilesFoldersAndNonUTF8AreRefused() throws {
        let dir = TempDir()
        let empty = dir.write("empty.yaml", "# nothing\n\n")
        #expect(throws: ConfigError.self) { try Pipeline.load(file: empty, registry: testRegistry) }
        do {
            _ = try Pipeline.load(file: dir.path, registry: testRegistry)
            Issue.record("a folder loaded")
        } catch let e as ConfigError {
            #expect(e.message.contains("folder"))
        }
        let bad = dir.path + "/bad.yaml"
        _ = FileManager.default.createFile(atPath: bad, contents: Data("lede: 1\nname: caf\u{E9}\n".utf8.map { $0 } + [0xFF, 0x0A]))
        do {
            _ = try Pipeline.load(file: bad, registry: testRegistry)
            Issue.record("non-UTF-8 loaded")
        } catch let e as ConfigError {
            #expect(e.message.contains("not valid UTF-8"))
            #expect(e.location?.line == 3)
        }
    }

    @Test("Deep nesting and a huge scalar end in one clear error, not a crash or a hang")
    func nestingAndSizeLimits() throws {
        // 100,000 levels of flow sequences inside an option value.
        let deep = "lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - mark: { word: " + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + " }\n"
        let e = try #require(configError(deep))
        #expect(!e.message.isEmpty)
        // A 50 MB scalar: the file is refused by its size before it is parsed.
        let dir = TempDir()
        let big = dir.write("big.yaml", "lede: 1\nname: " + String(repeating: "x", count: 50_000_000) + "\n")
        do {
            _ = try Pipeline.load(file: big, registry: testRegistry)
            Issue.record("a 50 MB pipeline loaded")
        } catch let error as ConfigError {
            #expect(error.message.contains("MiB") || error.message.contains("too large"), "\(error.message)")
        }
    }

    @Test func aNewerFormatVersionIsRefused() throws {
        let e = try #require(configError("lede: 2\ninput: { paths: [in.txt] }\nstages: [mark]\n"))
        #expect(e.message.contains("format version 2"))
        #expect(e.location?.line == 1 && e.location?.column == 7)
    }

    @Test("A folder's files: sorted by bytes, hidden names skipped, linked files kept, linked folders not entered, shown relative to the pipeline")
    func folderInputsAreListedAndShownAsRelativePaths() throws {
        let dir = TempDir()
        for name in ["corpus/b.txt", "corpus/a.txt", "corpus/Z.txt", "corpus/sub/c.txt", "corpus/sub/deeper/d.txt",
                     "corpus/.hidden.txt", "corpus/.cache/e.txt", "corpus/pipes/f.txt", "corpus/sub/x.tar.gz", "corpus/v1.d/notes",
                     "elsewhere.txt"] {
            dir.write(name, "Some news.")
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.path + "/corpus/linked.txt", withDestinationPath: dir.path + "/elsewhere.txt")
        try fm.createSymbolicLink(atPath: dir.path + "/corpus/loop", withDestinationPath: dir.path + "/corpus")
        // The pipeline beside the folder, in another folder, inside the folder itself (`..`, and listed), and
        // with an absolute path to read.
        let pipelines = [("p.yaml", "corpus"), ("other/p.yaml", "../corpus"), ("corpus/pipes/p.yaml", ".."),
                         ("p2.yaml", dir.path + "/corpus/./sub/..")]
        for (pipeline, input) in pipelines { dir.write(pipeline, "lede: 1\ninput: { paths: [\(input)] }\nstages: [mark]\n") }
        let listed = ["Z.txt", "a.txt", "b.txt", "linked.txt", "pipes/f.txt", "pipes/p.yaml", "sub/c.txt", "sub/deeper/d.txt",
                      "sub/x.tar.gz", "v1.d/notes"]
        let ids = ["Z", "a", "b", "linked", "pipes/f", "pipes/p", "sub/c", "sub/deeper/d", "sub/x.tar", "v1.d/notes"]
        for (pipeline, _) in pipelines {
            let file = dir.path + "/" + pipeline
            let p = try Pipeline.load(file: file, registry: testRegistry)
            let base = Paths.directory(of: file)
            #expect(p.inputs.map(\.path) == listed.map { dir.path + "/corpus/" + $0 }, "\(pipeline)")
            #expect(p.inputs.map(\.display) == p.inputs.map { Paths.relative($0.path, from: base) }, "\(pipeline)")
            #expect(p.inputs.map(\.idBase) == ids, "\(pipeline)")
        }
        let inside = try Pipeline.load(file: dir.path + "/corpus/pipes/p.yaml", registry: testRegistry)
        #expect(inside.inputs.map(\.display).contains("f.txt"))
    }

    @Test func unknownTopLevelKeysSuggestTheNearest() throws {
        let e = try #require(configError("lede: 1\ninputs: { paths: [in.txt] }\nstages: [mark]\n"))
        #expect(e.hint == "did you mean 'input'?")
    }
}
