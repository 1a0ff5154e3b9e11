import Foundation
import Testing

/// Issue #27, item 1: a failed write to standard output (a closed pipe, a full device, a closed descriptor)
/// is an error Lede reports, never a trap (exit 132).
struct StandardOutputTests {
    /// Runs the built `lede` with its standard output on `stdoutFD` (or closed when nil) through `/bin/sh`;
    /// the exit status and standard error.
    static func run(_ arguments: [String], shellRedirect: String) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$@\" " + shellRedirect, "sh", SignalTests.lede!] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    @Test("lede --version >/dev/full: exit 3 and a message on stderr, not a trap",
          .enabled(if: SignalTests.lede != nil && FileManager.default.fileExists(atPath: "/dev/full"), "no built lede or no /dev/full"))
    func versionToAFullDevice() throws {
        let (status, errors) = try Self.run(["--version"], shellRedirect: ">/dev/full")
        #expect(status == 3, "\(errors)")
        #expect(errors.contains("could not write to standard output"), "\(errors)")
    }

    @Test("lede run with standard output closed (>&-): outputs committed, exit 3, the summary's failure reported",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func runWithStandardOutputClosed() throws {
        let out = NSTemporaryDirectory() + "lede-stdout-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (status, errors) = try Self.run(["run", SignalTests.root.path + "/Pipelines/news.yaml", "--output", out, "--jobs", "1"],
                                            shellRedirect: ">&-")
        #expect(status == 3, "\(errors)")
        #expect(errors.contains("could not write to standard output"), "\(errors)")
        #expect(FileManager.default.fileExists(atPath: out + "/manifest.json"), "the outputs were committed before the summary")
        // The summary went nowhere else: not into a file that took descriptor 1.
        let lock = (try? String(contentsOfFile: out + "/.lede.lock", encoding: .utf8)) ?? ""
        #expect(!lock.contains("documents"))
    }

    @Test("lede validate into a pipe whose reader has gone (EPIPE): exit 3, not SIGPIPE or a trap",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func writeToAClosedPipe() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])  // no reader: every write fails with EPIPE
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SignalTests.lede!)
        process.arguments = ["validate", SignalTests.root.path + "/Pipelines/news.yaml"]
        process.standardOutput = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 3, "\(message)")
        #expect(message.contains("Broken pipe") || message.contains("EPIPE") || message.contains("errno 32"), "\(message)")
    }
}
