import Foundation
import Testing

/// Issue #27, item 22: JSON Lines ids: huge whole numbers kept as written, empty ids refused, duplicates
/// counted and named in the summary.
struct JSONLinesIdTests {
    @Test("Ids: 12345678901234567890123 kept as its digits, an empty id quarantined, a duplicate warned about",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func ids() throws {
        let dir = NSTemporaryDirectory() + "lede-ids-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
            {"id": 12345678901234567890123, "text": "Huge id."}
            {"id": "", "text": "Empty id."}
            {"id": "a", "text": "First a."}
            {"id": "a", "text": "Second a."}
            {"id": 1.5, "text": "Fraction id."}
            {"id": "b", "text": "Dup key first.", "text": "Dup key second."}

            """.write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: [in.jsonl], format: jsonl }
            output: out
            stages:
              - split
              - write: { jsonl: docs.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let (status, printed, _) = try SignalTests.run(["run", dir + "/p.yaml"])
        #expect(status == 1, "\(printed)")
        let records = try jsonLines(dir + "/out/docs.jsonl")
        #expect(records.map { $0["id"] as? String } == ["12345678901234567890123", "a", "a", "b"])
        // A repeated key keeps its first value (documented).
        #expect(records.last?["text"] as? String == "Dup key first.")
        let rejects = try String(contentsOfFile: dir + "/out/rejects.jsonl", encoding: .utf8)
        #expect(rejects.contains("is empty") && rejects.contains("whole number"), "\(rejects)")
        #expect(printed.contains("1 document(s) have an id an earlier document already had (the first: 'a')"), "\(printed)")
    }
}
