import Foundation
import Testing

/// Issue #27, item 5: a signal during the commit of the outputs. The commit is finished (no mix of two
/// runs' files), and the exit status still says the run was interrupted.
///
/// The signal comes from lede itself, after the commit's first rename (`LEDE_TEST_SIGNAL_DURING_COMMIT`,
/// a test hook like git's `GIT_TEST_*`): a signal sent from here would have to land inside a commit of a
/// few milliseconds, and on a loaded machine it either missed it or checked nothing.
struct CommitSignalTests {
    @Test("A signal in the middle of the commit: the commit finishes, exit 128 + signal, every output verified, a message says so",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"),
          arguments: [("TERM", SIGTERM), ("INT", SIGINT)])
    func signalDuringCommit(_ name: String, _ number: Int32) throws {
        let dir = NSTemporaryDirectory() + "lede-commitsig-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let sample = try String(contentsOfFile: SignalTests.root.path + "/Samples/01-pow-letters.txt", encoding: .utf8)
        for i in 0..<20 { try sample.write(toFile: String(format: "\(dir)/in/%05d.txt", i), atomically: false, encoding: .utf8) }
        let (code, message) = try Self.runThroughShell(
            [SignalTests.lede!, "run", SignalTests.root.path + "/Pipelines/news.yaml", "--input", dir + "/in",
             "--output", dir + "/out", "--jobs", "2", "--quiet", "--no-journal"],
            environment: ["LEDE_TEST_SIGNAL_DURING_COMMIT": name], errorsPath: dir + "/stderr.txt")
        #expect(code == 128 + number, "\(message)")
        #expect(message.contains("interrupted by SIG\(name)"), "\(message)")
        #expect(message.contains("commit was finished"), "\(message)")
        for output in ["news.jsonl", "news.sqlite", "report.html", "stats.json", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/out/" + output), "\(output) missing")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/.lede/commit"), "the commit list was left behind")
        // Every output is the one the manifest names, byte for byte.
        let verify = try SignalTests.run(["verify", dir + "/out"])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
    }

    /// Runs `arguments` through a shell that writes the exit status (`$?`: the code, or 128 + the signal that
    /// killed it) to a file, and returns it with the run's standard error. The test neither uses Foundation's
    /// `Process` nor reaps the run itself: while other tests run processes, `Process` may reap any child of the
    /// test process, and then no status is found.
    static func runThroughShell(_ arguments: [String], environment: [String: String], errorsPath: String) throws -> (Int32, String) {
        let statusPath = errorsPath + ".status"
        let shell = ["/bin/sh", "-c", "e=$1; shift; \"$@\" 2>\"$e\"; echo $? >\"$e.status.part\"; mv \"$e.status.part\" \"$e.status\"",
                     "sh", errorsPath] + arguments
        let argv = shell.map { strdup($0) } + [nil]
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, shell[0], nil, nil, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        for _ in 0..<600_000 where !FileManager.default.fileExists(atPath: statusPath) { usleep(1_000) }
        let status = (try? String(contentsOfFile: statusPath, encoding: .utf8)) ?? ""
        let code = Int32(status.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        return (code, (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "")
    }
}
