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
        // The run is stopped (SIGSTOP) while the test looks, so that the SIGTERM is sent, and pending, before
        // the commit can go on: when the run continues, the signal is delivered before the commit ends.
        var signalled = false
        for _ in 0..<600_000 where process.isRunning {
            if FileManager.default.fileExists(atPath: dir + "/out/news.jsonl") {
                kill(process.processIdentifier, SIGSTOP)
                Self.waitUntilStopped(process.processIdentifier)
                // Only with renames still to come (the SQLite database, the report, the statistics, the manifest):
                // a signal sent as the last rename ends may reach its handler on another thread after the run's final
                // check, which no process can rule out; that is not what this test is about.
                let after = ["news.sqlite", "report.html", "stats.json", "manifest.json"]
                    .filter { !FileManager.default.fileExists(atPath: dir + "/out/" + $0) }
                print("CommitSignalTests: outputs not yet in place when the run was stopped: \(after)")
                signalled = after.count >= 2 && after.contains("manifest.json")
                if signalled { kill(process.processIdentifier, SIGTERM) }
                kill(process.processIdentifier, SIGCONT)
                break
            }
            usleep(100)
        }
        process.waitUntilExit()
        let message = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        guard signalled else {  // the commit was over before the signal could be sent
            print("CommitSignalTests: the commit ended before the test could stop the run; nothing was checked")
            return
        }
        #expect(process.terminationStatus == 143, "\(message)")
        #expect(message.contains("commit was finished"), "\(message)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
    }

    /// Waits until every thread of `pid` is stopped (state `T` in `/proc/PID/task/*/stat`): `kill` only
    /// sends SIGSTOP, and the threads run on until they take it.
    static func waitUntilStopped(_ pid: pid_t) {
        for _ in 0..<10_000 {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            let states = tasks.compactMap { task -> Character? in
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { return nil }
                return stat[stat.index(after: close)...].first { $0 != " " }
            }
            if states.isEmpty || states.allSatisfy({ $0 == "T" || $0 == "t" || $0 == "Z" || $0 == "X" }) { return }
            usleep(100)
        }
    }
}
