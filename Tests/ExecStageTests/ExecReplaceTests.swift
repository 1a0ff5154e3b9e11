@testable import ExecStage
import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeIO
import LedeTestSupport
import Testing

/// Tags a few fixed names as entities, as a gazetteer would: every one a PERSON, which the plugins in
/// these tests correct. Each span carries a `source` attribute, so the tests see attributes come back.
struct PeopleStage: DocumentStage {
    struct Options: StageOptions {}
    static let descriptor = StageDescriptor(name: "people", summary: "fixed names as PERSON", produces: [Layer.entities])
    static let examples: [StageExample] = []
    static let names = ["Zoë Ortiz", "Acme Corp", "Bob"]
    init(options: Options, context: StageContext) throws {}
    func process(_ document: inout Document) throws {
        let bytes = Array(document.text.utf8)
        var spans: [Span] = []
        for name in Self.names {
            let needle = Array(name.utf8)
            guard needle.count <= bytes.count else { continue }
            for i in 0...(bytes.count - needle.count) where Array(bytes[i..<(i + needle.count)]) == needle {
                spans.append(Span(start: i, end: i + needle.count, label: "PERSON", attributes: ["source": .string("people")]))
            }
        }
        try document.setLayer(Layer.entities, spans)
    }
}

/// A plugin that speaks the protocol with the standard library only: the handshake it answers is
/// `handshake`, and `answer` is Python that turns `record` into the answer's keys besides `id`.
func replacingPlugin(handshake: String, answer: String) -> String {
    """
    import json, sys
    json.loads(sys.stdin.readline())
    print(json.dumps(\(handshake)), flush=True)
    for line in sys.stdin:
        record = json.loads(line)
        entities = record["entities"]
        text = record["text"]
        reply = \(answer)
        reply["id"] = record["id"]
        print(json.dumps(reply, ensure_ascii=False), flush=True)

    """
}

/// The usual correcting plugin: `Acme Corp` becomes an ORG, `Bob` is deleted, the rest stays as it was.
let correcting = replacingPlugin(
    handshake: #"{"protocol": "lede-exec", "version": 1, "name": "fix-orgs", "replaces": ["entities"], "offsets": "codepoints"}"#,
    answer: #"{"replace": {"entities": [dict(e, label="ORG") if e["text"] == "Acme Corp" else e for e in entities if e["text"] != "Bob"]}}"#)

extension TempDir {
    /// Writes `plugin.py` and one document per text, and loads a pipeline: people, exec (with `options`), capture.
    func replacePipeline(_ plugin: String, _ options: String = "", texts: [String]) throws -> Pipeline {
        write("plugin.py", plugin)
        for (i, text) in texts.enumerated() { write(String(format: "docs/%03d.txt", i), text) }
        let yaml = """
        lede: 1
        input: { paths: [docs] }
        output: out
        stages:
          - people
          - exec: { command: [python3, plugin.py]\(options.isEmpty ? "" : ", " + options) }
          - capture

        """
        var reg = registry
        reg.register(StageType(PeopleStage.self))
        return try Pipeline.load(file: write("p.yaml", yaml), registry: reg, jobs: 2)
    }
}

func entities(_ record: [String: Any]?) -> [[String: Any]] { record?["entities"] as? [[String: Any]] ?? [] }

@Suite(.enabled(if: python3 != nil, "python3 is not on the PATH; the exec tests run Python plugins"),
       .timeLimit(.minutes(sanitized ? 10 : 2)))
struct ExecReplaceTests {
    @Test("A plugin that declares replaces: [entities] relabels a PERSON as ORG and deletes another; the record shows only its list")
    func relabelAndDelete() async throws {
        let scratch = Scratch()
        let texts = ["Zoë Ortiz 👋 joined Acme Corp, said Bob.", "Nobody here.", "Acme Corp and Acme Corp again."]
        let pipeline = try scratch.replacePipeline(correcting, "replaces: [entities]", texts: texts)
        let summary = try await Engine(pipeline: pipeline, jobs: 2).run()
        let rejects = try scratch.rejects()
        #expect(summary.documents == 3 && summary.rejected == 0, "\(rejects)")
        let records = try scratch.records()
        let first = entities(records["000"])
        #expect(first.map { $0["text"] as? String } == ["Zoë Ortiz", "Acme Corp"])
        #expect(first.map { $0["label"] as? String } == ["PERSON", "ORG"])
        // Code points, not bytes: "Zoë Ortiz 👋 joined " is 19 of them.
        #expect(first.map { $0["start"] as? Int } == [0, 19])
        // Attributes the plugin sent back are kept.
        #expect(first.allSatisfy { $0["source"] as? String == "people" })
        #expect(entities(records["001"]).isEmpty && records["001"]?["entities"] != nil)
        #expect(entities(records["002"]).map { $0["label"] as? String } == ["ORG", "ORG"])
    }

    @Test("A plugin that replaces a layer it did not declare in replaces has that document rejected, saying so")
    func undeclaredReplacement() async throws {
        let scratch = Scratch()
        // It may add to entities, but not replace them: the pipeline and the handshake name no replaces.
        let plugin = replacingPlugin(
            handshake: #"{"protocol": "lede-exec", "version": 1, "name": "sneaky", "layers": ["entities"], "offsets": "codepoints"}"#,
            answer: #"{"replace": {"entities": []}} if "Bob" in text else {"layers": {"entities": []}}"#)
        let pipeline = try scratch.replacePipeline(plugin, texts: ["Bob was here.", "Zoë Ortiz was here."])
        let summary = try await Engine(pipeline: pipeline, jobs: 1).run()
        #expect(summary.documents == 1 && summary.rejected == 1)
        let reason = try #require(try scratch.rejects()["000"])
        #expect(reason.contains(#"plugin 'sneaky' replaced layer 'entities', which its handshake did not declare in "replaces" (it declared none)"#), "\(reason)")
        #expect(entities(try scratch.records()["001"]).map { $0["label"] as? String } == ["PERSON"])
    }

    @Test("Replaced spans are checked as added spans are: outside the text, or a text that does not match, rejects the document")
    func badReplacementSpans() async throws {
        let scratch = Scratch()
        let plugin = replacingPlugin(
            handshake: #"{"protocol": "lede-exec", "version": 1, "name": "sloppy", "replaces": ["entities"]}"#,
            answer: #"{"replace": {"entities": [{"start": 0, "end": 3, "text": "Bob"}] if text.startswith("Bob") else [{"start": 0, "end": 99, "text": "x"}]}}"#)
        let pipeline = try scratch.replacePipeline(plugin, "replaces: [entities]", texts: ["Bob is fine.", "Too far."])
        let summary = try await Engine(pipeline: pipeline, jobs: 1).run()
        #expect(summary.documents == 1 && summary.rejected == 1)
        #expect(try scratch.rejects()["001"]?.contains("wrote a bad span (replace.entities[0]): [0, 99) is outside the text") == true)
        let kept = entities(try scratch.records()["000"])
        #expect(kept.count == 1 && kept[0]["label"] == nil && kept[0]["source"] == nil)
    }

    @Test("The pipeline's replaces and the plugin's handshake must agree, or the run stops saying which layers")
    func handshakeMustAgree() async throws {
        let undeclared = replacingPlugin(
            handshake: #"{"protocol": "lede-exec", "version": 1, "name": "adder", "layers": ["entities"]}"#,
            answer: #"{"layers": {}}"#)
        let scratch = Scratch()
        await #expect {
            try await Engine(pipeline: try scratch.replacePipeline(undeclared, "replaces: [entities]", texts: ["Bob"]), jobs: 1).run()
        } throws: { error in
            "\(error)".contains(#"plugin 'adder' does not declare "replaces": [entities] in its handshake, but the pipeline says it replaces [entities]"#)
        }
        let other = Scratch()
        await #expect {
            try await Engine(pipeline: try other.replacePipeline(correcting, texts: ["Bob"]), jobs: 1).run()
        } throws: { error in
            "\(error)".contains(#"plugin 'fix-orgs' declares "replaces": [entities] in its handshake, which the pipeline does not allow"#)
                && "\(error)".contains("replaces: [entities]")
        }
    }

    @Test("The manifest records the layers the exec stage replaces, and a plugin that only adds records none")
    func manifest() async throws {
        func replaces(_ options: String, _ plugin: String) async throws -> [String]? {
            let scratch = Scratch()
            _ = try await Engine(pipeline: try scratch.replacePipeline(plugin, options, texts: ["Bob"]), jobs: 1).run()
            let manifest = try #require(try JSONSerialization.jsonObject(with: Data(scratch.text("out/manifest.json").utf8)) as? [String: Any])
            let stages = try #require((manifest["pipeline"] as? [String: Any])?["stages"] as? [[String: Any]])
            let exec = try #require(stages.first { $0["name"] as? String == "exec" })
            return (exec["options"] as? [String: Any])?["replaces"] as? [String]
        }
        #expect(try await replaces("replaces: [entities]", correcting) == ["entities"])
        let adder = replacingPlugin(handshake: #"{"protocol": "lede-exec", "version": 1, "name": "adder", "layers": ["marks"]}"#,
                                    answer: #"{"layers": {}}"#)
        #expect(try await replaces("", adder) == [])
    }

    @Test("replaces cannot name removed, stats, or a layer twice; the error points at it")
    func options() throws {
        let scratch = Scratch()
        scratch.write("docs/a.txt", "text")
        func error(_ options: String) -> String {
            let yaml = "lede: 1\ninput: { paths: [docs] }\nstages:\n  - exec: { command: [python3], \(options) }\n"
            do {
                _ = try Pipeline.load(file: scratch.write("p.yaml", yaml), registry: registry)
                return "loaded"
            } catch {
                return "\(error)"
            }
        }
        #expect(error("replaces: [entities, removed]").contains("p.yaml:4:54: error: stage 'exec': 'removed' is not a layer a plugin can replace"))
        #expect(error("replaces: [stats]").contains("'stats' is not a layer a plugin can replace"))
        #expect(error("replaces: [quotes, quotes]").contains("'quotes' is named twice"))
        #expect(error("replaces: [entities, sentences, quotes]") == "loaded")
    }

    @Test("A span reference in a replaced span's attributes (a quote's speaker) comes back as a reference")
    func spanReferences() throws {
        let text = "“Hi,” said Zoë."
        let offsets = CodePointOffsets(text)
        let value = try JSONReader.parse(#"{"start": 0, "end": 5, "label": "direct", "speaker": {"start": 11, "end": 14, "text": "Zoë", "mention": null}, "note": {"start": 0, "end": 1, "text": "nope"}}"#)
        let span = try ExecStage.span(value, offsets: offsets, text: text, references: true)
        let speaker = try #require(span.attributes["speaker"]?.spanRef)
        // UTF-8 offsets inside: “ and ” are 3 bytes each.
        #expect(speaker.start == 15 && speaker.end == 19 && speaker.extra["mention"] == .null)
        // An object whose text does not match stays an object.
        #expect(span.attributes["note"]?.spanRef == nil)
        // Spans added to a layer keep plain objects, as before.
        #expect(try ExecStage.span(value, offsets: offsets, text: text).attributes["speaker"]?.spanRef == nil)
    }

    @Test("An answer may not both add to and replace one layer")
    func addAndReplace() {
        #expect(throws: ExecProtocol.Violation.self) {
            try ExecProtocol.answer(Array(#"{"id": "a", "layers": {"entities": []}, "replace": {"entities": []}}"#.utf8))
        }
        #expect(throws: ExecProtocol.Violation.self) {
            try ExecProtocol.handshake(Array(#"{"protocol": "lede-exec", "version": 1, "name": "x", "replaces": ["removed"]}"#.utf8))
        }
    }
}
