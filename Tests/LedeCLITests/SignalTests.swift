import Foundation
import Testing

/// SIGINT and SIGTERM during a run, sent to a real `lede` process.
struct SignalTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The `lede` built beside this test bundle (so a sanitizer build tests its own runner), else one in `.build`.
    static let lede: String? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path + "/lede"
        for path in [beside] + ["debug", "release"].map({ root.path + "/.build/\($0)/lede" }) {
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// Runs the built `lede` to its end: its exit status and what it printed on standard output and on
    /// standard error (which goes to a file, so a chatty child cannot fill a pipe nobody is reading).
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lede!)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        let errorsPath = NSTemporaryDirectory() + "lede-stderr-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorsPath) }
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, printed, (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "")
    }

    @Test("A signal mid-run stops it cleanly: exit 128+N, no output under a final name, no temporary file; --resume finishes it",
          .enabled(if: lede != nil, "no built lede binary in .build (swift build first)"),
          arguments: [SIGINT, SIGTERM])
    func signalStopsCleanly(_ number: Int32) async throws {
        let dir = NSTemporaryDirectory() + "lede-signal-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let sample = try String(contentsOfFile: Self.root.path + "/Samples/01-pow-letters.txt", encoding: .utf8)
        for i in 0..<4000 { try sample.write(toFile: String(format: "\(dir)/in/%05d.txt", i), atomically: false, encoding: .utf8) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.lede!)
        process.arguments = ["run", Self.root.path + "/Pipelines/news.yaml", "--input", dir + "/in", "--output", dir + "/out",
                             "--jobs", "2", "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Wait until the run has documents to keep (a journal part is open), then signal it. A fixed wait
        // is not enough on a loaded machine, where a debug build may not have finished one document yet.
        let journalFolder = dir + "/out/.lede/journal"
        for _ in 0..<2000 where process.isRunning {
            if !((try? FileManager.default.contentsOfDirectory(atPath: journalFolder)) ?? []).isEmpty { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus == 0 || process.terminationStatus == 1 {
            // The machine was fast enough to finish first; then the outputs must be complete.
            #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
            return
        }
        if message.contains("the commit was finished") {
            // The signal came during the commit, which is finished once begun (CommitSignalTests): the
            // status says interrupted, and the outputs are complete.
            #expect(process.terminationStatus == 128 + number, "\(message)")
            #expect(FileManager.default.fileExists(atPath: dir + "/out/manifest.json"))
            return
        }
        #expect(process.terminationStatus == 128 + number, "\(message)")
        #expect(message.contains("stopped cleanly"))
        let all = (FileManager.default.enumerator(atPath: dir + "/out")?.allObjects as? [String] ?? [])
            .filter { isPlainFile(dir + "/out/" + $0) && $0 != ".lede.lock" }
        // Only committed journal parts stay: the work done so far, for --resume.
        let journal = all.filter { $0.hasPrefix(".lede/journal/part-") && $0.hasSuffix(".bin") }
        let left = all.filter { !journal.contains($0) }
        #expect(left.isEmpty, "left behind: \(left)")
        #expect(!journal.isEmpty, "the documents finished before the signal are kept")
        #expect(message.contains("--resume"))

        let (status, printed, _) = try Self.run((process.arguments ?? []).filter { $0 != "--quiet" } + ["--resume"])
        #expect(status == 0, "\(printed)")
        #expect(printed.contains("taken from the journal"), "\(printed)")
        #expect(printed.contains("news: 4000 documents"), "\(printed)")
    }
}

private func isPlainFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
}

/// A full disk, simulated with a file size limit on a real lede process (ulimit -f).
struct FullDiskTests {
    @Test("Running out of space ends the run with exit 3 and leaves no file under a final name",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"),
          // ThreadSanitizer's runtime cannot start under a file size limit: even `lede --version` dies of SIGBUS.
          .disabled(if: ProcessInfo.processInfo.environment["LEDE_SANITIZER"] == "thread",
                    "ThreadSanitizer's runtime does not start under ulimit -f"))
    func fullDisk() throws {
        let dir = NSTemporaryDirectory() + "lede-full-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let sample = try String(contentsOfFile: SignalTests.root.path + "/Samples/01-pow-letters.txt", encoding: .utf8)
        for i in 0..<400 { try sample.write(toFile: String(format: "\(dir)/in/%04d.txt", i), atomically: false, encoding: .utf8) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // 256 KiB per file: the inputs fit, the JSON Lines output (about 1.5 MB) does not.
        process.arguments = ["-c", "ulimit -f 256 && exec \"$0\" run \"$1\" --input \"$2\" --output \"$3\" --quiet",
                             SignalTests.lede!, SignalTests.root.path + "/Pipelines/news.yaml", dir + "/in", dir + "/out"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 3, "\(message)")
        #expect(message.hasPrefix("error: "), "one clear message: \(message)")
        let all = (FileManager.default.enumerator(atPath: dir + "/out")?.allObjects as? [String] ?? [])
            .filter { isPlainFile(dir + "/out/" + $0) && $0 != ".lede.lock" }
        // Committed journal parts may stay (they are the work done, for --resume); nothing else may.
        let left = all.filter { !($0.hasPrefix(".lede/journal/part-") && $0.hasSuffix(".bin")) }
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
