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
        // The run is started by a shell that writes its exit status to a file, not through Foundation's `Process`
        // nor reaped here: while other tests run processes, `Process` may reap any child of the test process (or take
        // a stop, below, for an end), and `waitpid` here then finds nothing, with no status and no message yet.
        let errorsPath = dir + "/stderr.txt", statusPath = errorsPath + ".status"
        let shell = try Self.spawn(["/bin/sh", "-c", "e=$1; shift; \"$@\" 2>\"$e\"; echo $? >\"$e.status\"", "sh", errorsPath,
                                    SignalTests.lede!, "run", SignalTests.root.path + "/Pipelines/news.yaml", "--input", dir + "/in",
                                    "--output", dir + "/out", "--jobs", "2", "--quiet", "--no-journal"])
        var pid: pid_t = 0
        for _ in 0..<20_000 where pid == 0 {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            pid = children.split(separator: " ").first.flatMap { pid_t($0) } ?? 0
            if pid == 0 { usleep(500) }
        }
        #expect(pid != 0, "the shell started no lede")
        func exited() -> Bool { FileManager.default.fileExists(atPath: statusPath) }
        // news.jsonl appears under its final name when the first writer commits: the commit has begun, and
        // the SQLite database, the report, the statistics and the manifest are still to come.
        // The run is stopped (SIGSTOP) while the test looks, so that the SIGTERM is sent, and pending, before
        // the commit can go on: when the run continues, the signal is delivered before the commit ends.
        var signalled = false
        var over = false
        for _ in 0..<600_000 {
            if exited() { over = true; break }
            if FileManager.default.fileExists(atPath: dir + "/out/news.jsonl") {
                kill(pid, SIGSTOP)
                Self.waitUntilStopped(pid)
                // Only with renames still to come (the SQLite database, the report, the statistics, the manifest):
                // a signal sent as the last rename ends may reach its handler on another thread after the run's final
                // check, which no process can rule out; that is not what this test is about.
                let after = ["news.sqlite", "report.html", "stats.json", "manifest.json"]
                    .filter { !FileManager.default.fileExists(atPath: dir + "/out/" + $0) }
                print("CommitSignalTests: outputs not yet in place when the run was stopped: \(after)")
                signalled = after.count >= 2 && after.contains("manifest.json")
                if signalled { kill(pid, SIGTERM) }
                kill(pid, SIGCONT)
                break
            }
            usleep(100)
        }
        for _ in 0..<600_000 where !over && !exited() { usleep(1_000) }
        // The shell's `$?`: the exit code, or 128 + the signal that killed the run.
        var code: Int32 = -1
        for _ in 0..<1_000 where code < 0 {  // (the file may be there a moment before its line)
            code = Int32(((try? String(contentsOfFile: statusPath, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            if code < 0 { usleep(1_000) }
        }
        let message = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        guard signalled else {  // the commit was over before the signal could be sent
            print("CommitSignalTests: the commit ended before the test could stop the run; nothing was checked")
            return
        }
        #expect(code == 143, "\(message)")
        #expect(message.contains("commit was finished"), "\(message)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
    }

    /// Starts `arguments[0]` with the rest as its arguments.
    static func spawn(_ arguments: [String]) throws -> pid_t {
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], nil, nil, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        return pid
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
