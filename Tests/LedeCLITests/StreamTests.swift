import Foundation
import LedeCLI
import LedeEngine
import LedePipeline
import Testing

/// Issue #24, streams: `--output -` (or `write: { jsonl: "-" }`) puts the JSON Lines records on standard
/// output and everything else on standard error, so lede works inside Unix pipes.
struct StreamTests {
    static let news = CLITests.root.appendingPathComponent("Pipelines/news.yaml").path

    func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lede-stream-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `sh -c script` in `folder` with the built lede as $LEDE: status, standard output and error.
    func shell(_ script: String, in folder: String) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(["LEDE": SignalTests.lede!]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        let errorsPath = folder + "/.stderr"
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output, try String(contentsOfFile: errorsPath, encoding: .utf8))
    }

    @Test("--output -: the records on standard output, byte for byte the JSON Lines a folder gets; the summary on stderr; no folder",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func recordsOnStandardOutput() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let copy = dir + "/p"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        // The pipeline copied beside the samples' path it names, so that its default output would land in dir.
        try String(contentsOfFile: Self.news, encoding: .utf8)
            .replacingOccurrences(of: "../Samples/*.txt", with: CLITests.root.path + "/Samples/*.txt")
            .replacingOccurrences(of: "gazetteers/aliases.tsv", with: CLITests.root.path + "/Pipelines/gazetteers/aliases.tsv")
            .write(toFile: copy + "/news.yaml", atomically: true, encoding: .utf8)
        let (status, output, errors) = try shell("\"$LEDE\" run p/news.yaml --output - --jobs 2", in: dir)
        #expect(status == 0, "\(errors)")
        #expect(errors.contains("news: 9 documents, 0 rejected"), "\(errors)")
        #expect(errors.contains("wrote 9 record(s) to standard output"), "\(errors)")
        let lines = output.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 9)
        #expect(await Lede.run(arguments: ["run", copy + "/news.yaml", "--output", dir + "/folder", "--quiet", "--jobs", "2"]) == 0)
        #expect(output == (try Data(contentsOf: URL(fileURLWithPath: dir + "/folder/news.jsonl"))))
        for name in ["-", "out", "p/-", "p/../out"] {
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + name), "\(name) was created")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("lede-stdout-") }
        #expect(left.allSatisfy { !$0.contains("-\(getpid())-") })
    }

    @Test("lede run --output - | head -2: two JSON lines, and lede stops as by SIGPIPE (141) with one line on stderr",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func intoHead() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let record = "{\"text\": \"Mayor Ann Lee said on Monday that the port would reopen, and the council agreed.\"}\n"
        try String(repeating: record, count: 2000).write(toFile: dir + "/in.jsonl", atomically: true, encoding: .utf8)
        let (status, output, errors) = try shell(
            "set -o pipefail; \"$LEDE\" run \"\(Self.news)\" --input in.jsonl --format jsonl --output - --jobs 2 | head -2", in: dir)
        let lines = output.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 2)
        for line in lines { _ = try JSONSerialization.jsonObject(with: Data(line)) }
        #expect(status == 141, "\(errors)")
        #expect(errors == "lede: standard output was closed by its reader; stopped\n", "\(errors)")
    }

    @Test("--limit on an endless standard input: lede reads what it needs and ends",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func limitOnEndlessInput() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, output, errors) = try shell(
            "yes '{\"text\": \"Mayor Ann Lee spoke on Monday.\"}' | timeout 60 \"$LEDE\" run \"\(Self.news)\" --input - --format jsonl --limit 3 --output - --quiet",
            in: dir)
        #expect(status == 0, "\(errors)")
        #expect(output.split(separator: UInt8(ascii: "\n")).count == 3)
    }

    @Test("--output - takes no --resume or --incremental, and needs a write stage")
    func usageErrors() async throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", "-", "--resume"]) == 2)
        #expect(await Lede.run(arguments: ["run", Self.news, "--output", "-", "--incremental"]) == 2)
        try "x".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try "lede: 1\ninput: { paths: [a.txt] }\nstages: [split, summarize-stats]\n".write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", "-", "--quiet"]) == 2)
    }

    @Test("write: { jsonl: \"-\" } with a folder: records on standard output, the other outputs in the folder, '-' not in the manifest",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func jsonlDashInThePipeline() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Mayor Ann Lee spoke.".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try "lede: 1\ninput: { paths: [a.txt] }\nstages:\n  - split\n  - write: { jsonl: \"-\", csv: tables/ }\n"
            .write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let (status, output, errors) = try shell("\"$LEDE\" run p.yaml --output out", in: dir)
        #expect(status == 0, "\(errors)")
        #expect(output.split(separator: UInt8(ascii: "\n")).count == 1)
        #expect(FileManager.default.fileExists(atPath: dir + "/out/tables/documents.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/-"))
        #expect(try Manifest.read(folder: dir + "/out").outputs.map(\.path).allSatisfy { $0 != "-" })
    }
}
