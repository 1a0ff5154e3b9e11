import Foundation
import LedeCLI
import LedeText
import Testing

/// Issue #27, item 7: a user caption rule with an exponentially backtracking pattern (ReDoS) runs on the
/// linear-time engine when it is regular; one that needs ICU costs at most the time limit per paragraph and
/// quarantines its document; the batch goes on.
struct PatternLimitTests {
    /// Runs a pipeline whose one caption rule has `pattern` over a 501-character paragraph of a's and a plain
    /// article, in a process of its own; returns the exit status, stderr, rejects.jsonl, docs.jsonl and the time.
    func runRule(_ pattern: String) throws -> (status: Int32, errors: String, rejects: String, docs: String, seconds: Double) {
        let dir = NSTemporaryDirectory() + "lede-redos-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try ("Photo " + String(repeating: "a", count: 495)).write(toFile: dir + "/in/evil.txt", atomically: true, encoding: .utf8)
        try "A plain article about the harbour.".write(toFile: dir + "/in/fine.txt", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: [in] }
            output: out
            stages:
              - clean-captions:
                  rules:
                    - { id: evil, reason: caption, triggers: [Photo], pattern: '\(pattern)' }
              - write: { jsonl: docs.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        // A process of its own: in-process, the run would share the suite's two cooperative threads and its
        // wall time would measure the rest of the suite. Unbounded on ICU, these patterns run for minutes.
        let start = Date()
        let (status, _, errors) = try SignalTests.run(["run", dir + "/p.yaml", "--quiet", "--jobs", "1"])
        let seconds = Date().timeIntervalSince(start)
        let rejects = (try? String(contentsOfFile: dir + "/out/rejects.jsonl", encoding: .utf8)) ?? ""
        let docs = (try? String(contentsOfFile: dir + "/out/docs.jsonl", encoding: .utf8)) ?? ""
        return (status, errors, rejects, docs, seconds)
    }

    @Test("The ReDoS caption pattern of the issue runs on the linear engine: the document is processed at once",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func redosPatternIsLinear() throws {
        let run = try runRule("(a|aa)+(a|aa)+(a|aa)+(a|aa)+b")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.seconds < 30)
        #expect(!run.rejects.contains("evil"), "\(run.rejects)")
        #expect(run.docs.contains("\"fine\"") && run.docs.contains("\"evil\""))
    }

    @Test("A ReDoS caption pattern that needs ICU (lookahead) quarantines the document after the time limit",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func redosPatternOnICUIsStopped() throws {
        let run = try runRule("(?=(a|aa)+(a|aa)+(a|aa)+(a|aa)+b)")
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.seconds < 60)
        #expect(run.rejects.contains("evil") && run.rejects.contains("took longer than"), "\(run.rejects)")
        #expect(run.docs.contains("\"fine\""))
    }

    @Test("BoundedRegex finds what NSRegularExpression finds when it is fast")
    func sameAnswers() throws {
        let regex = try NSRegularExpression(pattern: "(\\w+)@(\\w+)")
        let text = "mail a@b and c@d"
        let range = NSRange(location: 0, length: text.utf16.count)
        let all = try BoundedRegex.matches(regex, in: text, range: range, rule: "t").map(\.range)
        #expect(all == regex.matches(in: text, range: range).map(\.range))
        #expect(try BoundedRegex.matches(regex, in: text, range: range, firstOnly: true, rule: "t").map(\.range) == [all[0]])
    }
}
