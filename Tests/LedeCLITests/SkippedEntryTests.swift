import Foundation
import LedeCLI
import LedeCore
import LedeEngine
import LedePipeline
import LedeStages
import Testing

/// Issue #27, items 12 and 18: entries of an input folder that are not read are listed with the reason,
/// and an input path that is not a file or folder says what it is.
struct SkippedEntryTests {
    @Test("A FIFO, dangling and device symlinks, a linked folder and an unreadable folder are listed in the manifest")
    func skippedEntriesAreListed() async throws {
        let dir = NSTemporaryDirectory() + "lede-skipped-" + UUID().uuidString
        defer {
            chmod(dir + "/in/locked", 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/in/locked", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/elsewhere", withIntermediateDirectories: true)
        try "A good article.".write(toFile: dir + "/in/good.txt", atomically: true, encoding: .utf8)
        try "Locked away.".write(toFile: dir + "/in/locked/x.txt", atomically: true, encoding: .utf8)
        #expect(mkfifo(dir + "/in/pipe.txt", 0o600) == 0)
        try fm.createSymbolicLink(atPath: dir + "/in/dangling.txt", withDestinationPath: dir + "/nowhere.txt")
        try fm.createSymbolicLink(atPath: dir + "/in/zero.txt", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: dir + "/in/linked", withDestinationPath: dir + "/elsewhere")
        chmod(dir + "/in/locked", 0)
        let root = geteuid() == 0  // root reads a folder whatever its mode
        try writeSplitPipeline(dir)
        #expect(await Lede.run(arguments: ["run", dir + "/p.yaml", "--quiet"]) == 0)
        let skipped = try #require(try Manifest.read(folder: dir + "/out").skipped)
        let reasons = Dictionary(skipped.map { ($0.path, $0.reason) }, uniquingKeysWith: { a, _ in a })
        #expect(reasons["in/pipe.txt"]?.contains("FIFO") == true, "\(reasons)")
        #expect(reasons["in/dangling.txt"]?.contains("dangling") == true, "\(reasons)")
        #expect(reasons["in/zero.txt"]?.contains("character device") == true, "\(reasons)")
        #expect(reasons["in/linked"]?.contains("not followed") == true, "\(reasons)")
        if !root { #expect(reasons["in/locked"]?.contains("cannot be read") == true, "\(reasons)") }
        #expect(skipped.count == (root ? 4 : 5))
    }

    @Test("--input /dev/null, /dev/zero or a FIFO says what it is and why it is refused",
          arguments: ["/dev/null", "/dev/zero", "fifo"])
    func specialInputIsExplained(_ input: String) throws {
        let dir = NSTemporaryDirectory() + "lede-special-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "lede: 1\nstages: [split]\n".write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        var path = input
        if input == "fifo" {
            path = dir + "/fifo"
            #expect(mkfifo(path, 0o600) == 0)
        }
        do {
            _ = try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry, inputOverride: [path])
            Issue.record("\(input) was accepted")
        } catch let error as ConfigError {
            #expect(error.message.contains(input == "fifo" ? "FIFO" : "character device"), "\(error)")
            #expect(!error.message.contains("no such file"), "\(error)")
        }
    }
}
