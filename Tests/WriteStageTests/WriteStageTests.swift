import Foundation
import Kernel
import Testing
import WriteStage

struct WriteStageTests {
    @Test func jsonLinesRecordsLoadAndCarryEveryField() throws {
        let dir = NSTemporaryDirectory() + "lede-write-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = OutputFolder(path: dir)
        try out.prepare()
        let stage = try WriteStage(options: .init(), context: StageContext(baseDirectory: "."))
        let collector = try stage.makeCollector(CollectorContext(output: out, pipelineName: "t"))
        for i in 0..<3 {
            var doc = Document(id: "d\(i)", text: "Line \(i) with \"quotes\" and é\n", source: .init(path: "in.txt"))
            try doc.setLayer(Layer.paragraphs, [Span(start: 0, end: 10)])
            try collector.consume(&doc)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/news.jsonl"))
        var summary = RunSummary()
        try collector.finish(&summary)
        let lines = try String(contentsOfFile: dir + "/news.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        for (i, line) in lines.enumerated() {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(record["lede"] as? Int == 1 && record["id"] as? String == "d\(i)")
            for key in ["source", "text", "paragraphs", "sentences", "entities", "quotes", "removed", "layers", "stats", "meta", "warnings"] {
                #expect(record[key] != nil, "missing \(key)")
            }
        }
    }

    @Test func writersThatAreNotAvailableYetAreAConfigurationError() throws {
        #expect(throws: (any Error).self) { try OptionsLoader.decode(WriteStage.Options.self, yaml: "{ csv: tables/ }", file: "t") }
    }
}
