@testable import ExecStage
import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeIO
import LedeRecord
import LedeTestSupport
import Testing

/// The plugins in Examples/plugins: one that works and several that misbehave on purpose.
let pluginFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/plugins").path

/// python3 on the PATH, which the example plugins need.
let python3: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

/// Keeps every document's record, so tests can read what the plugin added.
struct CaptureStage: CollectingStage {
    struct Options: StageOptions {}
    static let descriptor = StageDescriptor(name: "capture", summary: "keeps records")
    static let examples: [StageExample] = []
    init(options: Options, context: StageContext) throws {}
    func makeCollector(_ context: CollectorContext) throws -> any Collector { try Capture(context.output) }

    final class Capture: Collector {
        let file: AtomicFile
        init(_ output: OutputFolder) throws { file = try output.create("records.jsonl") }
        func consume(_ document: inout Document) throws { try file.write(Record.line(document)) }
        func finish(_ summary: inout RunSummary) throws { try file.commit() }
        func discard() { file.discard() }
    }
}

let registry = StageRegistry([StageType(ExecStage.self), StageType(CaptureStage.self)])

/// A temporary folder (LedeTestSupport's) that also writes exec pipelines.
typealias Scratch = TempDir

extension TempDir {
    /// The text of `name` in the folder, or "" when there is none.
    func text(_ name: String) -> String { read(name) ?? "" }

    /// Writes `docs/NNN.txt` for each text, and a pipeline running `plugin` with extra options.
    func pipeline(_ plugin: String, _ options: String = "", texts: [String], jobs: Int = 2) throws -> Pipeline {
        for (i, text) in texts.enumerated() { write(String(format: "docs/%03d.txt", i), text) }
        let yaml = """
        lede: 1
        input: { paths: [docs] }
        output: out
        stages:
          - exec: { command: [python3, \(pluginFolder)/\(plugin)]\(options.isEmpty ? "" : ", " + options) }
          - capture

        """
        return try Pipeline.load(file: write("p.yaml", yaml), registry: registry, jobs: jobs)
    }

    /// The JSON records captured, by id.
    func records(_ folder: String = "out") throws -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for line in text(folder + "/records.jsonl").split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out[object["id"] as! String] = object
        }
        return out
    }

    /// rejects.jsonl, id to reason.
    func rejects() throws -> [String: String] {
        var out: [String: String] = [:]
        for line in text("out/rejects.jsonl").split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out[object["id"] as! String] = object["reason"] as? String
        }
        return out
    }
}

func marks(_ record: [String: Any]?) -> [[String: Any]] {
    ((record?["layers"] as? [String: Any])?["marks"] as? [[String: Any]]) ?? []
}

/// Under a sanitizer (scripts/sanitize.sh) everything runs several times slower; the limit is for hangs.
let sanitized = ProcessInfo.processInfo.environment["LEDE_SANITIZER"] != nil

@Suite(.enabled(if: python3 != nil, "python3 is not on the PATH; the exec tests run the Python plugins in Examples/plugins"),
       .timeLimit(.minutes(sanitized ? 10 : 2)))
struct ExecStageTests {
    @Test("The sentiment plugin labels every sentence, the same way with 1 and 4 workers")
    func sentiment() async throws {
        var outputs: [String] = []
        let scratch = Scratch()
        for jobs in [1, 4] {
            var texts: [String] = []
            for i in 0..<40 {
                texts.append(i % 2 == 0 ? "Rescuers welcomed the good progress. Officials praised the support." : "The storm damaged roads. Two people were injured in the flood.")
            }
            // Sentences by hand, as split would give them, with a non-ASCII one so offsets are code points.
            texts.append("Café owners welcomed the relief 👍. The fire was the worst in years.")
            let yaml = """
            lede: 1
            input: { paths: [docs] }
            output: out\(jobs)
            stages:
              - sentences
              - exec: { command: [python3, \(pluginFolder)/sentiment.py], timeout: 10s }
              - capture

            """
            for (i, text) in texts.enumerated() { scratch.write(String(format: "docs/%03d.txt", i), text) }
            var reg = registry
            reg.register(StageType(SentencesStage.self))
            let pipeline = try Pipeline.load(file: scratch.write("p.yaml", yaml), registry: reg, jobs: jobs)
            let summary = try await Engine(pipeline: pipeline, jobs: jobs).run()
            #expect(summary.documents == 41 && summary.rejected == 0)
            let records = try scratch.records("out\(jobs)")
            let last = try #require(records["040"])
            let spans = try #require((last["layers"] as? [String: Any])?["sentiment"] as? [[String: Any]])
            #expect(spans.map { $0["label"] as? String } == ["positive", "negative"])
            #expect(spans.map { $0["start"] as? Int } == [0, 35])
            #expect(spans[0]["text"] as? String == "Café owners welcomed the relief 👍.")
            #expect(spans[1]["cues"] as? [String] == ["fire", "worst"])
            let first = try #require((records["001"]?["layers"] as? [String: Any])?["sentiment"] as? [[String: Any]])
            #expect(first.map { $0["score"] as? Int } == [-2, -2])
            outputs.append(scratch.text("out\(jobs)/records.jsonl"))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test("A plugin that crashes is restarted, and the document it was on is quarantined with its stderr")
    func crash() async throws {
        let scratch = Scratch()
        let texts = (0..<12).map { $0 == 5 ? "this one will CRASH it" : "ordinary text \($0)" }
        let summary = try await Engine(pipeline: try scratch.pipeline("crash.py", "restarts: 2", texts: texts), jobs: 2).run()
        #expect(summary.documents == 11 && summary.rejected == 1)
        let reason = try #require(try scratch.rejects()["005"])
        #expect(reason.contains("plugin 'crash' crashed on this document (exit status 70)"))
        #expect(reason.contains("crash.py: cannot cope with document 005"))
        // Every other document went through a worker, the restarted one included.
        let records = try scratch.records()
        #expect(records.count == 11 && records.values.allSatisfy { marks($0).count == 1 })
    }

    @Test("When the restarts are used up the run stops with a clear message")
    func restartsUsedUp() async throws {
        let scratch = Scratch()
        let texts = (0..<8).map { $0 % 2 == 1 ? "CRASH \($0)" : "fine \($0)" }
        let pipeline = try scratch.pipeline("crash.py", "restarts: 1, workers: 1", texts: texts, jobs: 1)
        await #expect {
            try await Engine(pipeline: pipeline, jobs: 1).run()
        } throws: { error in
            let message = "\(error)"
            return error is StageFailure && message.contains("has used all 1 restart(s)") && message.contains("cannot cope")
        }
        // Nothing half-written under the final names.
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out/records.jsonl"))
    }

    @Test("A plugin that hangs is killed after the timeout, with the processes it started")
    func hang() async throws {
        let scratch = Scratch()
        let pids = scratch.path + "/pids.txt"
        let texts = (0..<6).map { $0 == 2 ? "this one will HANG" : "fine \($0)" }
        let pipeline = try scratch.pipeline("hang.py", "timeout: 500ms, env: { LEDE_TEST_PIDS: '\(pids)' }", texts: texts)
        let summary = try await Engine(pipeline: pipeline, jobs: 2).run()
        #expect(summary.documents == 5 && summary.rejected == 1)
        #expect(try scratch.rejects()["002"]?.contains("plugin 'hang' took longer than 500ms on this document and was killed") == true)
        let child = try #require(Int32(scratch.text("pids.txt").trimmingCharacters(in: .whitespacesAndNewlines)))
        // The plugin's own child was in its process group, so it died too (or is a zombie of init at worst).
        var alive = kill(child, 0) == 0
        for _ in 0..<50 where alive {
            usleep(20_000)
            alive = kill(child, 0) == 0 && !isZombie(child)
        }
        #expect(!alive, "the plugin's child process \(child) outlived the plugin")
    }

    @Test("Overlong lines, spans outside the text and undeclared layers quarantine one document each; stray output is a warning")
    func garbage() async throws {
        let scratch = Scratch()
        let texts = ["fine", "NOTJSON here", "fine", "LONGLINE here", "OUTSIDE here", "UNDECLARED", "emoji 😀😀 then WRONGTEXT and more",
                     "please REFUSE", "fine at the end"]
        let pipeline = try scratch.pipeline("garbage.py", "max_line_bytes: 4096, restarts: 3", texts: texts)
        let summary = try await Engine(pipeline: pipeline, jobs: 2).run()
        let rejects = try scratch.rejects()
        #expect(summary.documents == 4, "\(rejects)")
        // Lines that answer no document are the plugin's own output: kept as warnings, and the answers stay in step.
        #expect(rejects["001"] == nil)
        let printed = try #require(try scratch.records()["001"]?["warnings"] as? [String])
        #expect(printed == ["plugin 'garbage' printed: this is not { json", "plugin 'garbage' printed: {\"debug\": \"checkpoint\"}"])
        #expect(rejects["003"]?.contains("plugin 'garbage' wrote a line over 4096 bytes for this document") == true)
        #expect(rejects["004"]?.contains("[0, 17) is outside the text, which has 12 code points") == true)
        #expect(rejects["005"]?.contains("wrote layer 'other', which its handshake did not declare (declared: marks)") == true)
        #expect(rejects["006"]?.contains("its \"text\" string(\"WRONGTEXT\") is not the text at [16, 25), \"ONGTEXT a\"") == true, "\(rejects["006"] ?? "")")
        #expect(rejects["007"] == "plugin 'garbage': this document is not for me")
        #expect(Set(try scratch.records().keys) == ["000", "001", "002", "008"])
    }

    @Test("A plugin that exits while documents wait stops the run instead of hanging it")
    func earlyExit() async throws {
        let scratch = Scratch()
        let pipeline = try scratch.pipeline("early_exit.py", "workers: 1", texts: (0..<10).map { "text \($0)" })
        await #expect {
            try await Engine(pipeline: pipeline, jobs: 2).run()
        } throws: { error in
            "\(error)".contains("plugin 'early-exit' exited (exit status 0) before its input closed")
        }
    }

    @Test("A handshake in another protocol version stops the run and says which versions")
    func protocolVersion() async throws {
        let scratch = Scratch()
        let pipeline = try scratch.pipeline("old_protocol.py", texts: ["text"])
        await #expect {
            try await Engine(pipeline: pipeline, jobs: 1).run()
        } throws: { error in
            "\(error)".contains("bad handshake: the plugin speaks protocol version 2, this lede speaks version 1")
        }
    }

    @Test("The plugin's environment is minimal: only what the pipeline names")
    func environment() async throws {
        setenv("LEDE_TEST_SECRET_TOKEN", "hunter2", 1)
        setenv("LEDE_TEST_PASSED", "yes", 1)
        let scratch = Scratch()
        let pipeline = try scratch.pipeline("garbage.py", "env: { GREETING: hello }, pass_env: [LEDE_TEST_PASSED]", texts: ["ENVIRONMENT"])
        _ = try await Engine(pipeline: pipeline, jobs: 1).run()
        let names = try #require(marks(try scratch.records()["000"]).first?["names"] as? [String])
        let expected = ["GREETING", "LANG", "LC_ALL", "LEDE_EXEC_PROTOCOL", "LEDE_TEST_PASSED", "PATH"]
        #expect(Set(expected).isSubset(of: Set(names)), "\(names)")
        // Nothing else of ours: a launcher such as pyenv's shim may add its own variables, never ours.
        for name in ["LEDE_TEST_SECRET_TOKEN", "HOME", "USER", "SSH_AUTH_SOCK"] { #expect(!names.contains(name), "\(names)") }
    }

    @Test("Bad options are reported at their line and column before any plugin starts")
    func options() throws {
        let scratch = Scratch()
        scratch.write("docs/a.txt", "text")
        func error(_ options: String) -> String {
            let yaml = "lede: 1\ninput: { paths: [docs] }\nstages:\n  - exec: \(options)\n"
            do {
                _ = try Pipeline.load(file: scratch.write("p.yaml", yaml), registry: registry)
                return "loaded"
            } catch {
                return "\(error)"
            }
        }
        #expect(error("{ command: [no-such-program-here] }").contains("p.yaml:4:23: error: stage 'exec': 'no-such-program-here' is not on the PATH"))
        #expect(error("{ command: [python3], timeout: soon }").contains("'soon' is not a duration"))
        #expect(error("{ timeout: 5s }").contains("'command' is required"))
        #expect(error("{ command: [./missing.py] }").contains("is not an executable file"))
        #expect(error("{ command: [python3], timout: 5s }").contains("did you mean 'timeout'?"))
        #expect(error("{ command: [python3], timeout: 5 }") == "loaded")
    }

    @Test("Durations")
    func durations() {
        #expect(ExecProtocol.duration("5s") == 5)
        #expect(ExecProtocol.duration("250ms") == 0.25)
        #expect(ExecProtocol.duration("2m") == 120)
        #expect(ExecProtocol.duration("1.5") == 1.5)
        #expect(ExecProtocol.duration("0s") == nil)
        #expect(ExecProtocol.duration("-1") == nil)
        #expect(ExecProtocol.seconds(0.5) == "500ms" && ExecProtocol.seconds(5) == "5s")
    }
}

/// A zombie has exited and only waits for its parent to collect it.
func isZombie(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(close, offsetBy: 2)] == "Z"
}

/// Sentences split at ". " for these tests (the real split stage is not a dependency of this target).
struct SentencesStage: DocumentStage {
    struct Options: StageOptions {}
    static let descriptor = StageDescriptor(name: "sentences", summary: "naive sentences", produces: [Layer.sentences])
    static let examples: [StageExample] = []
    init(options: Options, context: StageContext) throws {}
    func process(_ document: inout Document) throws {
        let bytes = Array(document.text.utf8)
        var spans: [Span] = [], start = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: ".") {
            spans.append(Span(start: start, end: i + 1))
            start = i + 1
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        }
        if start < bytes.count { spans.append(Span(start: start, end: bytes.count)) }
        try document.setLayer(Layer.sentences, spans)
    }
}
