import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeStages
import Testing

/// Issue #27, item 9: output names are checked against each other and against Lede's own, at validate.
struct OutputNameTests {
    /// The error for a pipeline whose collecting stages are `stages` (YAML list items), or nil.
    static func error(_ stages: String) -> ConfigError? {
        let dir = NSTemporaryDirectory() + "lede-names-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try! "A.".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try! ("lede: 1\ninput: { paths: [a.txt] }\nstages:\n  - split\n" + stages).write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry)
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return ConfigError("unexpected: \(error)")
        }
    }

    @Test("Reserved names and collisions are refused at the option's line and column",
          arguments: [
            ("  - write: { jsonl: manifest.json }\n", "written by Lede itself", 5),
            ("  - write: { jsonl: .lede.lock }\n", "written by Lede itself", 5),
            ("  - write: { jsonl: rejects.jsonl }\n", "written by Lede itself", 5),
            ("  - write: { sqlite: .lede/journal/x }\n", "journal", 5),
            ("  - write: { jsonl: a.jsonl, html: a.jsonl }\n", "also written", 5),
            ("  - summarize-stats\n  - write: { jsonl: stats.json }\n", "also written by 'summarize-stats'", 6),
            ("  - write: { jsonl: tables/quotes.csv, csv: tables/ }\n", "also written", 5),
            ("  - write: { jsonl: a.jsonl }\n  - write: { jsonl: ./a.jsonl }\n", "also written by 'write'", 6),
            ("  - write: { jsonl: x, sqlite: x/db.sqlite }\n", "inside or around", 5),
          ])
    func refused(_ stages: String, _ message: String, _ line: Int) throws {
        let error = try #require(Self.error(stages), "accepted: \(stages)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.location?.line == line, "\(error)")
        #expect(error.location?.column ?? 0 > 1, "\(error)")
    }

    @Test("Distinct names pass, including outputs sharing a folder")
    func accepted() {
        #expect(Self.error("  - summarize-stats\n  - write: { jsonl: out/a.jsonl, csv: out/, sqlite: out/a.sqlite, html: r.html }\n") == nil)
    }
}
