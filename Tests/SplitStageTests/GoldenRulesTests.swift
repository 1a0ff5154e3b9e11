import Foundation
import LedeCore
import SplitStage
import Testing

/// The English "Golden Rules" of sentence boundary detection, read from ../shared/eval beside the clone.
struct GoldenRulesTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/eval/sbd_golden_en.jsonl").standardized.path
    static let available = FileManager.default.fileExists(atPath: file)

    struct Case: Decodable {
        var id: Int
        var text: String
        var sentences: [String]
    }

    /// pySBD passes 47 of the 48; this floor keeps Lede at least there.
    static let floor = 47

    @Test(.enabled(if: available, "../shared/eval/sbd_golden_en.jsonl is not beside this clone (it is evaluation data, not part of the repo)"))
    func goldenRulesPassRateStaysAtOrAboveTheFloor() throws {
        let lines = try String(contentsOfFile: Self.file, encoding: .utf8).split(separator: "\n")
        let cases = try lines.map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
        let stage = try SplitStage(options: .init(), context: StageContext(baseDirectory: "."))
        var passed = 0
        var failures: [String] = []
        for c in cases {
            var doc = Document(id: "\(c.id)", text: c.text, source: .init(path: "golden"))
            try stage.process(&doc)
            let got = doc.spans(Layer.sentences).map { doc.substring($0.range).trimmingCharacters(in: .whitespaces) }
            if got == c.sentences { passed += 1 } else { failures.append("#\(c.id): \(got)") }
        }
        print("Golden Rules: \(passed)/\(cases.count) passed (\(String(format: "%.1f", 100 * Double(passed) / Double(cases.count)))%)")
        for failure in failures { print("  failed \(failure)") }
        #expect(passed >= Self.floor, "only \(passed) of \(cases.count) Golden Rules pass; the floor is \(Self.floor)")
    }
}
