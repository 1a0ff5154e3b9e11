import Foundation
import Testing

/// Issue #27, item 5: a signal during the commit of the outputs. The commit is finished (no mix of two
/// runs' files), and the exit status still says the run was interrupted.
struct CommitSignalTests {
    @Test("SIGTERM while outputs are committed: the commit finishes, exit 143, manifest written, a message says so",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func signalDuringCommit() async throws {
        let dir = NSTemporaryDirectory() + "lede-commitsig-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let sample = try String(contentsOfFile: SignalTests.root.path + "/Samples/01-pow-letters.txt", encoding: .utf8)
        for i in 0..<1500 { try sample.write(toFile: String(format: "\(dir)/in/%05d.txt", i), atomically: false, encoding: .utf8) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SignalTests.lede!)
        process.arguments = ["run", SignalTests.root.path + "/Pipelines/news.yaml", "--input", dir + "/in", "--output", dir + "/out",
                             "--jobs", "2", "--quiet", "--no-journal"]
        let errorsPath = dir + "/stderr.txt"
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        try process.run()
        // news.jsonl appears under its final name when the first writer commits: the commit has begun, and
        // the SQLite database, the report, the statistics and the manifest are still to come.
        var signalled = false
        for _ in 0..<60_000 where process.isRunning {
            if FileManager.default.fileExists(atPath: dir + "/out/news.jsonl") {
                signalled = !FileManager.default.fileExists(atPath: dir + "/out/manifest.json")
                kill(process.processIdentifier, SIGTERM)
                break
            }
            usleep(1_000)
        }
        process.waitUntilExit()
        let message = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        guard signalled else { return }  // the commit was over before the signal could be sent
        #expect(process.terminationStatus == 143, "\(message)")
        #expect(message.contains("commit was finished"), "\(message)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
    }
}
