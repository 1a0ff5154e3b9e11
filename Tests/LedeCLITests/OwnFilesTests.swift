import Foundation
import LedeCLI
import LedeCore
import LedeEngine
import LedePipeline
import LedeStages
import Testing

/// Issue #27, item 16: Lede never reads its own outputs back in; empty paths are usage errors.
struct OwnFilesTests {
    static func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lede-own-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("With the output folder inside the input folder, a second run reads the same inputs, not news.jsonl")
    func outputInsideInput() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "One article.".write(toFile: dir + "/in/a.txt", atomically: true, encoding: .utf8)
        try "Another article.".write(toFile: dir + "/in/b.txt", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: [in] }
            output: in/out
            stages:
              - split
              - write: { jsonl: news.jsonl }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 0)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 0)
        let lines = try String(contentsOfFile: dir + "/in/out/news.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let pipeline = try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry)
        #expect(pipeline.inputs.map(\.idBase) == ["a", "b"])
        #expect(pipeline.excludedInputs.contains { $0.hasSuffix("news.jsonl") })
        // The same through a symbolic link to the input folder, and for a .lede folder named explicitly.
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/in")
        let linked = try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry, inputOverride: [dir + "/link"])
        #expect(linked.inputs.map(\.idBase) == ["a", "b"])
        try FileManager.default.createDirectory(atPath: dir + "/x/.lede", withIntermediateDirectories: true)
        try "x".write(toFile: dir + "/x/.lede/j.txt", atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) {
            try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry, inputOverride: [dir + "/x/.lede/j.txt"])
        }
    }

    @Test("An earlier run's output folder inside the input folder is not read, whichever output this run has")
    func earlierOutputInsideInput() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "One article.".write(toFile: dir + "/in/a.txt", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: [in] }
            output: in/old
            stages:
              - split
              - write: { jsonl: news.jsonl, csv: tables/ }
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 0)
        // A run into another folder still finds in/old (it holds a .lede folder) and leaves all of it out.
        let pipeline = try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry, outputOverride: dir + "/new")
        #expect(pipeline.inputs.map(\.idBase) == ["a"])
        #expect(pipeline.excludedInputs.contains { $0.hasSuffix("tables/documents.csv") })
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--output", dir + "/new", "--quiet"]) == 0)
        let lines = try String(contentsOfFile: dir + "/new/news.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
    }

    @Test("--input \"\" and --output \"\" are usage errors (exit 2); --input - twice is standard input once")
    func emptyPaths() async throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "A.".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try """
            lede: 1
            input: { paths: [a.txt] }
            stages: [split]
            """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        #expect(await Lede.run(arguments: ["validate", dir + "/p.yaml", "--input", ""]) == 2)
        #expect(await Lede.run(arguments: ["validate", dir + "/p.yaml", "--output", ""]) == 2)
        let twice = try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry, inputOverride: ["-", "-"])
        #expect(twice.inputs.map(\.path) == ["-"])
    }
}

/// Issue #27, item 17: a relative output path with '..' from the root folder.
struct RelativeOutputTests {
    @Test("cd / && lede run p.yaml --output ../tmp/x writes every output, SQLite included",
          .enabled(if: SignalTests.lede != nil, "no built lede binary in .build (swift build first)"))
    func dotDotFromTheRoot() throws {
        let name = "lede-dotdot-" + UUID().uuidString
        let absolute = "/tmp/" + name
        defer { try? FileManager.default.removeItem(atPath: absolute) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SignalTests.lede!)
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.arguments = ["run", SignalTests.root.path + "/Pipelines/news.yaml", "--output", "../tmp/" + name, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
        #expect(FileManager.default.fileExists(atPath: absolute + "/news.sqlite"))
    }
}
