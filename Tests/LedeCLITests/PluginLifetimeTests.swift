import Foundation
import Testing

/// Issue #27, item 6: plugin workers never outlive lede, and a signal does not wait for their timeout.
struct PluginLifetimeTests {
    static let hasPython = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

    /// A folder with a plugin that records its pid when a document reaches it (past the handshake, so that a signal
    /// finds lede inside a document) and then spends ten minutes on it. On a machine so loaded that Python takes
    /// longer than the default 30 s to start, lede gave up at the handshake and exited 1 before any signal was sent:
    /// the start-up allowance is long here, and the test waits for the document, not for the process.
    static func setUp() throws -> String {
        let dir = NSTemporaryDirectory() + "lede-lifetime-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for i in 0..<3 { try "Article \(i).".write(toFile: dir + "/in/a\(i).txt", atomically: true, encoding: .utf8) }
        try """
            import os, time
            from lede_plugin import serve
            def annotate(record):
                with open(os.environ["LEDE_TEST_PIDS"], "a") as f:
                    f.write(f"{os.getpid()}\\n")
                time.sleep(600)
            serve("stuck", ["marks"], annotate)
            """.write(toFile: dir + "/stuck.py", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: [in] }
            output: out
            stages:
              - exec: { command: [python3, stuck.py], timeout: 600s, startup_timeout: 300s, workers: 1,
                        env: { PYTHONPATH: '\(SignalTests.root.path)/Examples/plugins', LEDE_TEST_PIDS: '\(dir)/pids.txt' } }
              - write: { jsonl: docs.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    /// Starts lede on the pipeline and waits until its plugin worker has started; lede and the worker's pid.
    static func start(_ dir: String) async throws -> (Process, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SignalTests.lede!)
        process.arguments = ["run", dir + "/p.yaml", "--jobs", "1", "--quiet"]
        // (lede's messages go to a file, so that a run that ended before the signal says why.)
        _ = FileManager.default.createFile(atPath: dir + "/stderr.txt", contents: nil)
        process.standardError = FileHandle(forWritingAtPath: dir + "/stderr.txt")
        try process.run()
        for _ in 0..<4_000 {  // up to 100 s on a loaded machine
            if let pid = ((try? String(contentsOfFile: dir + "/pids.txt", encoding: .utf8)) ?? "").split(separator: "\n").first.flatMap({ Int32($0) }) {
                try await Task.sleep(for: .milliseconds(300))  // the worker is now on a document
                return (process, pid)
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        process.terminate()
        throw CancellationError()
    }

    static func gone(_ pid: Int32) async throws -> Bool {
        for _ in 0..<150 {
            if kill(pid, 0) != 0 { return true }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), stat.contains(") Z ") { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    @Test("kill -9 of lede takes its plugin workers with it (PR_SET_PDEATHSIG)",
          .enabled(if: SignalTests.lede != nil && hasPython, "no built lede or no python3"))
    func sigkillLeavesNoOrphans() async throws {
        let dir = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (process, worker) = try await Self.start(dir)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let gone = try await Self.gone(worker)
        if !gone { kill(worker, SIGKILL) }
        #expect(gone, "plugin worker \(worker) outlived lede")
    }

    @Test("SIGTERM stops a run promptly while a plugin works on a document with a 600 s timeout",
          .enabled(if: SignalTests.lede != nil && hasPython, "no built lede or no python3"))
    func sigtermDoesNotWaitForThePlugin() async throws {
        let dir = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (process, worker) = try await Self.start(dir)
        let start = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let gone = try await Self.gone(worker)
        if !gone { kill(worker, SIGKILL) }
        #expect(process.terminationStatus == 143,
                "lede's messages: \((try? String(contentsOfFile: dir + "/stderr.txt", encoding: .utf8)) ?? "none")")
        #expect(seconds < 15, "lede took \(seconds) s to stop")
        #expect(gone, "plugin worker \(worker) outlived lede")
    }
}
