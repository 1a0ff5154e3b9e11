import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeStages
import Testing

/// Issue #27, item 2: every file a stage's options name must be a regular file under
/// `StageContext.optionFileLimit` (64 MiB), else a located error before anything is allocated or blocks.
struct OptionFileTests {
    /// Loads a pipeline whose entity-tag names `gazetteer`; the ConfigError, or nil when it loads.
    static func load(gazetteer: String, in dir: String) -> ConfigError? {
        let yaml = """
            lede: 1
            input: { paths: [in.txt] }
            stages:
              - split
              - entity-tag: { gazetteers: ['\(gazetteer)'] }
            """
        try? "Some news.".write(toFile: dir + "/in.txt", atomically: true, encoding: .utf8)
        try? yaml.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try Pipeline.load(file: dir + "/p.yaml", registry: LedeStages.registry)
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return ConfigError("unexpected error type: \(error)")
        }
    }

    static func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lede-optfile-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("gazetteers: [/dev/zero] is refused as a device, at the option's line and column, without reading it")
    func aDeviceIsRefused() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let error = try #require(Self.load(gazetteer: "/dev/zero", in: dir))
        #expect(error.message.contains("character device"), "\(error)")
        #expect(error.location?.line == 5, "\(error)")
        #expect(error.location?.column != nil)
        #expect(error.description.contains("p.yaml:5:"), "\(error)")
    }

    @Test("A FIFO named as a gazetteer is refused at once instead of blocking")
    func aFIFOIsRefused() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/names.tsv", 0o600) == 0)
        let error = try #require(Self.load(gazetteer: "names.tsv", in: dir))
        #expect(error.message.contains("FIFO"), "\(error)")
        #expect(error.location?.line == 5)
    }

    @Test("A gazetteer over 64 MiB is refused by its size before it is read (a sparse file: no disk used)")
    func anOversizedFileIsRefused() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/huge.tsv"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(StageContext.optionFileLimit + 1)) == 0)
        let error = try #require(Self.load(gazetteer: "huge.tsv", in: dir))
        #expect(error.message.contains("limit"), "\(error)")
        #expect(error.location?.line == 5)
        // A file at the limit is still read (a folder is refused by kind, too).
        #expect(Self.load(gazetteer: ".", in: dir)?.message.contains("folder") == true)
    }
}
