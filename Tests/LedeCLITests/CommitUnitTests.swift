import Foundation
import LedeCLI
import LedeIO
import Testing

/// Issue #27, item 10: the outputs of a run are committed as a unit; a commit cut short by `kill -9` is
/// finished by the next run or by verify.
struct CommitUnitTests {
    @Test("A commit cut short half-way (old and new outputs side by side) is finished by verify, then by a run")
    func halfDoneCommitIsFinished() async throws {
        let dir = NSTemporaryDirectory() + "lede-commitunit-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        for (name, text) in [("in1", "The first batch."), ("in2", "A second, different batch of text.")] {
            try fm.createDirectory(atPath: dir + "/" + name, withIntermediateDirectories: true)
            try text.write(toFile: dir + "/\(name)/a.txt", atomically: true, encoding: .utf8)
        }
        try """
            lede: 1
            input: { paths: [in1] }
            stages:
              - split
              - summarize-stats
              - write: { jsonl: docs.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", dir + "/out", "--quiet", "--no-journal"]) == 0)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--input", dir + "/in2", "--output", dir + "/new", "--quiet", "--no-journal"]) == 0)
        // What a run into `out` over in2 leaves when killed half-way through its commit: every new file
        // durable under its temporary name, the list of renames written, the first renames done.
        let names = ["docs.jsonl", "rejects.jsonl", "stats.json", "manifest.json"]
        var list = ""
        for name in names {
            let temporary = ".\(name).lede-tmp-99999"
            try fm.copyItem(atPath: dir + "/new/" + name, toPath: dir + "/out/" + temporary)
            list += "\(temporary)\t\(name)\n"
        }
        try fm.createDirectory(atPath: dir + "/out/.lede", withIntermediateDirectories: true)
        try list.write(toFile: dir + "/out/" + CommitSet.intentName, atomically: true, encoding: .utf8)
        for name in names.prefix(2) {
            #expect(rename(dir + "/out/.\(name).lede-tmp-99999", dir + "/out/" + name) == 0)
        }
        // verify finishes the commit: every output is then the new run's, consistent with its manifest.
        #expect(await Lede.run(arguments: ["verify", dir + "/out"]) == 0)
        #expect(!fm.fileExists(atPath: dir + "/out/" + CommitSet.intentName))
        for name in names { #expect(fm.contents(atPath: dir + "/out/" + name) == fm.contents(atPath: dir + "/new/" + name), "\(name)") }
    }

    @Test("A run commits through the list and leaves none behind; finishing an empty folder does nothing")
    func runLeavesNoList() async throws {
        let dir = NSTemporaryDirectory() + "lede-commitunit2-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["run", SignalTests.root.path + "/Pipelines/news.yaml", "--output", dir, "--quiet"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + CommitSet.intentName))
        #expect(try CommitSet.finishInterrupted(in: dir) == false)
        #expect(await Lede.run(arguments: ["verify", dir]) == 0)
    }
}
