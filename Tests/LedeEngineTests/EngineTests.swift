import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeInput
import LedeIO
import LedeTestSupport
import Testing

struct EngineTests {
    func makeInputs(_ dir: TempDir, count: Int, poison: Set<Int> = []) {
        for i in 0..<count {
            dir.write(String(format: "docs/%03d.txt", i), poison.contains(i) ? "bad POISON text \(i)" : "news item \(i) news")
        }
    }

    @Test("Output order is input order, whatever the number of jobs")
    func orderingUnderFourJobs() async throws {
        let dir = TempDir()
        makeInputs(dir, count: 120)
        let yaml = "lede: 1\ninput: { paths: [docs] }\noutput: out\nstages:\n  - mark: { slow_every: 7 }\n  - id-list\n"
        var outputs: [String] = []
        for jobs in [1, 4] {
            let p = try Pipeline.load(file: dir.write("p\(jobs).yaml", yaml.replacingOccurrences(of: "out\n", with: "out\(jobs)\n")), registry: testRegistry)
            let summary = try await Engine(pipeline: p, jobs: jobs).run()
            #expect(summary.documents == 120)
            outputs.append(try #require(dir.read("out\(jobs)/ids.txt")))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].split(separator: "\n") == (0..<120).map { String(format: "docs/%03d", $0)[...].dropFirst(5) })
    }

    @Test("A collector's prepare runs on the workers, and consume gets its result in input order")
    func collectorsPrepareInParallel() async throws {
        let dir = TempDir()
        makeInputs(dir, count: 60)
        var outputs: [String] = []
        for jobs in [1, 4] {
            let yaml = "lede: 1\ninput: { paths: [docs] }\noutput: out\(jobs)\nstages:\n  - mark: { slow_every: 5 }\n  - id-list: { prepared: true }\n"
            let p = try Pipeline.load(file: dir.write("p\(jobs).yaml", yaml), registry: testRegistry)
            _ = try await Engine(pipeline: p, jobs: jobs).run()
            outputs.append(try #require(dir.read("out\(jobs)/ids.txt")))
        }
        #expect(outputs[0] == outputs[1])
        let lines = outputs[0].split(separator: "\n")
        #expect(lines.count == 60)
        #expect(lines[7] == "prepared 007 \("news item 7 news".utf8.count)")
    }

    @Test("The reader splits an input at its separator lines: ids and parts in order, for text and JSON Lines, reused from the journal")
    func separatorSplitsInputs() async throws {
        let dir = TempDir()
        dir.write("docs/a.txt", "First story.\n---\n\n  ---  \nSecond story.\n---\n")
        dir.write("docs/b.txt", "Only one.")
        let yaml = "lede: 1\ninput: { paths: [docs], separator: \"---\" }\noutput: out\nstages: [mark, id-list]\n"
        let summary = try await Engine(pipeline: try Pipeline.load(file: dir.write("p.yaml", yaml), registry: testRegistry), jobs: 2).run()
        #expect(summary.documents == 3)
        #expect(try #require(dir.read("out/ids.txt")).split(separator: "\n") == ["a#1", "a#2", "b#1"])
        // Run again over the journal: the split documents come back from it, the same.
        let again = try await Engine(pipeline: try Pipeline.load(file: dir.write("p.yaml", yaml), registry: testRegistry), jobs: 1,
                                     journal: .reuse).run()
        #expect(again.reused == 2 && again.documents == 3)
        #expect(try #require(dir.read("out/ids.txt")).split(separator: "\n") == ["a#1", "a#2", "b#1"])

        dir.write("in.jsonl", #"{"id": "w", "text": "One.\n---\nTwo."}"# + "\n")
        let lines = "lede: 1\ninput: { paths: [in.jsonl], format: jsonl, separator: \"---\" }\noutput: out2\nstages: [mark, id-list]\n"
        _ = try await Engine(pipeline: try Pipeline.load(file: dir.write("q.yaml", lines), registry: testRegistry), jobs: 1).run()
        #expect(try #require(dir.read("out2/ids.txt")).split(separator: "\n") == ["w#1", "w#2"])

        // A blank separator, or one for HTML pages, is a located error.
        let blank = configError("lede: 1\ninput: { paths: [docs], separator: \"  \" }\nstages: [mark]\n")
        #expect(blank?.location?.line == 2 && blank?.message.contains("not blank") == true, "\(String(describing: blank))")
        let html = configError("lede: 1\ninput: { paths: [docs], format: html, separator: \"---\" }\nstages: [mark]\n")
        #expect(html?.message.contains("HTML page is one article") == true, "\(String(describing: html))")
    }

    @Test("A document that makes a stage throw is quarantined and the batch goes on")
    func quarantine() async throws {
        let dir = TempDir()
        makeInputs(dir, count: 10, poison: [3, 7])
        let p = try Pipeline.load(file: dir.write("p.yaml", "lede: 1\ninput: { paths: [docs] }\nstages: [mark, id-list]\n"), registry: testRegistry)
        let summary = try await Engine(pipeline: p, jobs: 4).run()
        #expect(summary.documents == 8)
        #expect(summary.rejected == 2)
        #expect(summary.stages[0] == StageCount(stage: "mark", seen: 10, passed: 8, rejected: 2))
        let rejects = try #require(dir.read("out/rejects.jsonl")).split(separator: "\n")
        #expect(rejects.count == 2)
        #expect(rejects[0].contains(#""id":"003""#) && rejects[0].contains(#""stage":"mark""#) && rejects[0].contains(#""reason":"found POISON""#))
        #expect(try #require(dir.read("out/ids.txt")).split(separator: "\n").count == 8)
    }

    @Test("Bad input bytes are quarantined with their reason, or repaired when asked")
    func invalidUTF8() async throws {
        let dir = TempDir()
        _ = FileManager.default.createFile(atPath: dir.path + "/bad.txt", contents: Data([0x6E, 0x65, 0x77, 0x73, 0x20, 0xFF, 0x21]))
        dir.write("good.txt", "news")
        let strict = try Pipeline.load(file: dir.write("p.yaml", "lede: 1\ninput: { paths: [bad.txt, good.txt] }\nstages: [mark, id-list]\n"), registry: testRegistry)
        let s1 = try await Engine(pipeline: strict, jobs: 2).run()
        #expect(s1.rejected == 1 && s1.documents == 1)
        #expect(try #require(dir.read("out/rejects.jsonl")).contains("invalid UTF-8 at byte 5"))
        let lenient = try Pipeline.load(file: dir.write("q.yaml", "lede: 1\ninput: { paths: [bad.txt], on_invalid_utf8: replace }\noutput: out2\nstages: [mark, id-list]\n"), registry: testRegistry)
        let s2 = try await Engine(pipeline: lenient, jobs: 2).run()
        #expect(s2.rejected == 0 && s2.documents == 1 && s2.warnings == 1)
    }

    @Test("JSON Lines input: ids and text from fields, bad lines quarantined")
    func jsonLinesInput() async throws {
        let dir = TempDir()
        dir.write("in.jsonl", "{\"id\": \"a\", \"body\": \"news one\", \"site\": \"x\"}\r\n\nnot json\n{\"id\": 7, \"body\": \"news two\"}\n{\"id\": \"c\"}\n")
        let p = try Pipeline.load(file: dir.write("p.yaml", "lede: 1\ninput: { paths: [in.jsonl], format: jsonl, text_field: body }\nstages: [mark, id-list]\n"), registry: testRegistry)
        let s = try await Engine(pipeline: p, jobs: 2).run()
        #expect(s.documents == 2 && s.rejected == 2)
        #expect(dir.read("out/ids.txt") == "a\n7\n")
        let rejects = try #require(dir.read("out/rejects.jsonl"))
        #expect(rejects.contains(#""source_line":3"#) && rejects.contains("not valid JSON"))
        #expect(rejects.contains("no 'body' field"))
    }

    @Test("Byte-order marks and UTF-16 are decoded")
    func byteOrderMarks() throws {
        let utf16 = [UInt8]([0xFF, 0xFE]) + Array("news".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        guard case .success(let (text, warnings)) = InputDecoder.decodeText(utf16, policy: .reject) else {
            Issue.record("UTF-16 was not decoded"); return
        }
        #expect(text == "news" && warnings.first?.contains("UTF-16LE") == true)
        guard case .success(let (plain, bomWarnings)) = InputDecoder.decodeText([0xEF, 0xBB, 0xBF, 0x61], policy: .reject) else {
            Issue.record("UTF-8 BOM was not decoded"); return
        }
        #expect(plain == "a" && bomWarnings.count == 1)
    }

    @Test("A second run into the same folder while one holds it is refused")
    func folderLock() throws {
        let dir = TempDir()
        let lock = try FolderLock(folder: dir.path)
        #expect(throws: IOFailure.self) { try FolderLock(folder: dir.path) }
        withExtendedLifetime(lock) {}
    }

    @Test("Output paths may not leave the output folder")
    func outputPathsStayInside() throws {
        let dir = TempDir()
        let out = OutputFolder(path: dir.path)
        #expect(throws: IOFailure.self) { try out.resolve("../x") }
        #expect(throws: IOFailure.self) { try out.resolve("/etc/passwd") }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: "/tmp")
        #expect(throws: IOFailure.self) { try out.resolve("link/x.txt") }
        #expect(try out.resolve("tables/a.csv") == dir.path + "/tables/a.csv")
    }

    @Test("An atomic file appears under its name only when committed")
    func atomicFile() throws {
        let dir = TempDir()
        let file = try AtomicFile(path: dir.path + "/a.txt")
        try file.write("partial")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/a.txt"))
        try file.commit()
        #expect(dir.read("a.txt") == "partial")
        let discarded = try AtomicFile(path: dir.path + "/b.txt")
        try discarded.write("x")
        discarded.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.txt"])
    }
}
