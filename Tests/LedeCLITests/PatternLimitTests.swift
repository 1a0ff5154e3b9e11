import Foundation
import LedeCLI
import LedeText
import Testing

/// Issue #27, item 7: a user caption rule with an exponentially backtracking pattern (ReDoS) costs at
/// most the time limit per paragraph and quarantines its document; the batch goes on.
struct PatternLimitTests {
    @Test("A ReDoS caption pattern quarantines the document after the time limit instead of running for minutes",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func redosPatternIsStopped() async throws {
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
                    - { id: evil, reason: caption, triggers: [Photo], pattern: '(a|aa)+(a|aa)+(a|aa)+(a|aa)+b' }
              - write: { jsonl: docs.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        // A process of its own: in-process, the run would share the suite's two cooperative threads and its
        // wall time would measure the rest of the suite. Unbounded, this pattern runs for minutes.
        let start = Date()
        let (status, _, errors) = try SignalTests.run(["run", dir + "/p.yaml", "--quiet", "--jobs", "1"])
        #expect(status == 1, "\(errors)")
        #expect(Date().timeIntervalSince(start) < 60)
        let rejects = try String(contentsOfFile: dir + "/out/rejects.jsonl", encoding: .utf8)
        #expect(rejects.contains("evil") && rejects.contains("took longer than"), "\(rejects)")
        let docs = try String(contentsOfFile: dir + "/out/docs.jsonl", encoding: .utf8)
        #expect(docs.contains("\"fine\""))
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
