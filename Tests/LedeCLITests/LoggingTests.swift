import Foundation
@testable import LedeCLI
import Logging
import Synchronization
import Testing

/// Issue #24: `--log-level` and `--log-format json` through swift-log, and warnings counted by kind.
struct LoggingTests {
    static let root = SignalTests.root

    /// A folder with `in/` holding an English article, one that looks like HTML and one in German, and
    /// `p.yaml`, which splits them and writes `out/stats.json` and `out/docs.jsonl`.
    static func batch() throws -> String {
        let dir = NSTemporaryDirectory() + "lede-logging-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try String(contentsOfFile: root.path + "/Samples/03-port-strike.txt", encoding: .utf8)
            .write(toFile: dir + "/in/a-english.txt", atomically: true, encoding: .utf8)
        try """
            <!DOCTYPE html>
            <html><head><title>Port strike</title></head>
            <body><div class="story"><h1>Port strike ends</h1>
            <p>The union said on Monday that the strike at the port was over, and that its members would return to work.</p>
            <p>It was the longest strike at the port in a decade, and it has cost the city a great deal of money.</p>
            </div></body></html>
            """.write(toFile: dir + "/in/b-page.txt", atomically: true, encoding: .utf8)
        try """
            Die Gewerkschaft hat am Montag erklärt, dass der Streik im Hafen beendet ist. Ihre Mitglieder werden \
            die Arbeit am Dienstag wieder aufnehmen. Es war der längste Streik im Hafen seit zehn Jahren, und er hat \
            die Stadt sehr viel Geld gekostet. Der Bürgermeister sagte, er sei froh über die Einigung, aber die \
            Verhandlungen über die Löhne würden noch lange dauern. Viele Händler hatten seit Wochen keine Waren \
            mehr bekommen und mussten ihre Geschäfte schließen.
            """.write(toFile: dir + "/in/c-german.txt", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: [in] }
            output: out
            stages:
              - split
              - summarize-stats: { output: stats.json }
              - write: { jsonl: docs.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    static func totals(_ path: String) throws -> [String: Any] {
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return try #require(stats["totals"] as? [String: Any])
    }

    @Test("stats.json counts warnings by kind: an HTML-looking and a German document, also when the journal gives them back")
    func statsCountWarningsByKind() async throws {
        let dir = try Self.batch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet", "--jobs", "1"]) == 0)
        let totals = try Self.totals(dir + "/out/stats.json")
        #expect(totals["warnings"] as? [String: Int] == ["looks-like-html": 1, "not-english": 1])
        let first = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/stats.json"))
        // Every input taken back from the journal: the kinds come back with the warnings, byte for byte.
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet", "--jobs", "1", "--incremental"]) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/out/stats.json")) == first)
    }

    @Test("--log-format json: every line on standard error is a JSON object with ts, level, label, message and metadata",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func jsonLinesParse() throws {
        let dir = try Self.batch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // With the records on standard output, the summary goes to standard error: as one more JSON line.
        let run = try SignalTests.run(["run", dir + "/p.yaml", "--output", "-", "--log-format", "json", "--log-level", "debug"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.errors.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count >= 4, "\(run.errors)")
        var levels: Set<String> = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            let level = try #require(object["level"] as? String, "\(line)")
            #expect(object["message"] is String && object["label"] as? String == "lede" && object["metadata"] is [String: Any], "\(line)")
            #expect((object["ts"] as? String)?.hasSuffix("Z") == true, "\(line)")
            levels.insert(level)
        }
        #expect(levels.isSuperset(of: ["debug", "info"]))
        let finished = try #require(lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["message"] as? String == "finished" })
        let metadata = try #require(finished["metadata"] as? [String: Any])
        #expect(metadata["documents"] as? Int == 3)
        #expect(metadata["warnings_by_kind"] as? [String: Int] == ["looks-like-html": 1, "not-english": 1])
        // The records themselves are untouched: no timestamp in any output.
        #expect(run.output.split(separator: "\n").count == 3 && !run.output.contains("\"ts\""))
    }

    @Test("--log-level error keeps info lines (here the summary of a run with records on standard output) off standard error",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func errorLevelSuppressesInfo() throws {
        let dir = try Self.batch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let chatty = try SignalTests.run(["run", dir + "/p.yaml", "--output", "-"])
        #expect(chatty.status == 0 && chatty.errors.contains("3 documents, 0 rejected"), "\(chatty.errors)")
        #expect(chatty.errors.contains("warnings  looks-like-html 1   not-english 1"), "\(chatty.errors)")
        for format in ["text", "json"] {
            let quiet = try SignalTests.run(["run", dir + "/p.yaml", "--output", "-", "--log-level", "error", "--log-format", format])
            #expect(quiet.status == 0)
            #expect(quiet.errors == "", "\(quiet.errors)")
            #expect(quiet.output.split(separator: "\n").count == 3)
        }
    }

    @Test("A bad --log-level or --log-format is a usage error naming the values it takes")
    func badLevelIsRejected() async throws {
        #expect(await Lede.run(arguments: ["run", "p.yaml", "--log-level", "loud"]) == 2)
        #expect(await Lede.run(arguments: ["merge", "a", "--output", "b", "--log-format", "xml"]) == 2)
        #expect(throws: (any Error).self) { try RunCommand.parse(["p.yaml", "--log-level", "loud"]) }
        do {
            _ = try RunCommand.parse(["p.yaml", "--log-level", "loud"])
        } catch {
            let message = RunCommand.fullMessage(for: error)
            #expect(message.contains("'loud'") && message.contains("--log-level") && message.contains("- warning"), "\(message)")
        }
        #expect(try RunCommand.parse(["p.yaml", "--log-level", "warning"]).logSettings.level == .warning)
        // --quiet is --log-level error, unless a higher level is given.
        #expect(try RunCommand.parse(["p.yaml", "--quiet"]).logSettings.level == .error)
        #expect(try RunCommand.parse(["p.yaml", "--quiet", "--log-level", "critical"]).logSettings.level == .critical)
        #expect(try RunCommand.parse(["p.yaml", "--quiet", "--log-level", "debug"]).logSettings.level == .error)
    }

    /// What a handler writes, kept for the test.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func add(_ line: String) { lines.withLock { $0.append(line) } }
    }

    @Test("The handler follows the task's settings: text as it reads, JSON escaped on one line, levels filtered")
    func handlerFollowsTheTaskSettings() async throws {
        let lines = Lines()
        let logger = Logger(label: "lede") { LedeLogHandler(label: $0, sink: { lines.add($0) }) }
        LogSettings.$current.withValue(LogSettings(level: .info, format: .text)) {
            logger.debug("hidden")
            logger.info("warning: two\nlines")
            logger.notice("counted", metadata: ["n": .stringConvertible(3)])
        }
        #expect(lines.all == ["warning: two\nlines\n", "counted n=3\n"])
        LogSettings.$current.withValue(LogSettings(level: .debug, format: .json)) {
            logger.debug("a \"quoted\"\tword\u{1}", metadata: ["kinds": .dictionary(["b": .stringConvertible(2), "a": "x"]), "ok": .stringConvertible(true)])
        }
        let json = try #require(lines.all.last)
        #expect(json.hasSuffix("\"level\":\"debug\",\"label\":\"lede\",\"message\":\"a \\\"quoted\\\"\\tword\\u0001\",\"metadata\":{\"kinds\":{\"a\":\"x\",\"b\":2},\"ok\":true}}\n"), "\(json)")
        #expect(json.hasPrefix("{\"ts\":\"") && json.filter { $0 == "\n" }.count == 1)
    }
}
