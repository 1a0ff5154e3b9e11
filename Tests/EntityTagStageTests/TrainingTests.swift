import EntityTagStage
import Foundation
import LedeCore
import Testing

/// `lede train entity-tag`: a model learned from a small IOB file and from Lede's own records, loaded back
/// by a pipeline's `model:` option.
struct TrainingTests {
    /// A tiny annotated corpus in which an unknown company name keeps coming back as ORG.
    static func corpus() -> String {
        var lines: [String] = []
        let rows: [[(String, String)]] = [
            [("Zorvex", "B-ORG"), ("Holdings", "I-ORG"), ("said", "O"), ("on", "O"), ("Monday", "O"), (".", "O")],
            [("Analysts", "O"), ("at", "O"), ("Zorvex", "B-ORG"), ("expect", "O"), ("growth", "O"), (".", "O")],
            [("Mira", "B-PER"), ("Tallis", "I-PER"), ("joined", "O"), ("Zorvex", "B-ORG"), ("in", "O"), ("Quello", "B-LOC"), (".", "O")],
        ]
        for _ in 0..<30 {
            lines.append("-DOCSTART- O")
            lines.append("")
            for sentence in rows {
                lines += sentence.map { "\($0.0) \($0.1)" }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    func train(_ folder: URL, name: String) throws -> URL {
        let data = folder.appendingPathComponent("train.iob")
        try Self.corpus().write(to: data, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent(name)
        _ = try EntityTagStage.train(TrainingRequest(data: [data.path], test: [data.path], output: output.path, epochs: 3))
        return output
    }

    @Test func aModelTrainedFromIOBTagsWhatItLearnedAndTheSameDataGiveTheSameBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-train-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try train(folder, name: "a.model")
        let second = try train(folder, name: "b.model")
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))

        func tags(model: String) throws -> [String] {
            var options = EntityTagStage.Options()
            options.model = model
            let stage = try EntityTagStage(options: options, context: StageContext(baseDirectory: folder.path))
            let text = "Analysts at Zorvex expect growth."
            var doc = Document(id: "d", text: text, source: .init(path: "t"))
            try doc.setLayer(Layer.sentences, [Span(start: 0, end: text.utf8.count)])
            try stage.process(&doc)
            return doc.spans(Layer.entities).map { "\($0.label ?? "") \(String(decoding: Array(text.utf8)[$0.start..<$0.end], as: UTF8.self))" }
        }
        // Only the model that learned the name knows it: the rules alone have no reason to.
        #expect(try tags(model: first.lastPathComponent).contains("ORG Zorvex"))
        #expect(try !tags(model: "none").contains("ORG Zorvex"))

        // A model whose first two keys are swapped (a file edited or cut badly) is refused, not half used.
        var bytes = [UInt8](try Data(contentsOf: first))
        let keys = 12 + bytes[8..<12].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let a = Array(bytes[keys..<keys + 8])
        bytes[keys..<keys + 8] = bytes[keys + 8..<keys + 16]
        bytes[keys + 8..<keys + 16] = a[...]
        try Data(bytes).write(to: folder.appendingPathComponent("swapped.model"))
        var options = EntityTagStage.Options()
        options.model = "swapped.model"
        #expect { try EntityTagStage(options: options, context: StageContext(baseDirectory: folder.path)) } throws: {
            ($0 as? OptionError)?.path == ["model"] && ($0 as? OptionError)?.message.contains("increasing order") == true
        }
    }

    @Test func aFileThatIsNoModelIsALocatedOptionError() throws {
        var options = EntityTagStage.Options()
        options.model = "aliases.tsv"
        #expect { try EntityTagStage(options: options, context: StageContext(baseDirectory: EntityTagStageTests.fixtures)) } throws: {
            ($0 as? OptionError)?.path == ["model"]
        }
    }
}
