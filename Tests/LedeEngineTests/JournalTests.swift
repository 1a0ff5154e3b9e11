import Foundation
@testable import LedeCore
@testable import LedeEngine
@testable import LedePipeline
@testable import LedeRecord
import LedeTestSupport
@testable import LedeText
import Testing

/// The run journal: documents read back exactly, results reused only when their key matches, and outputs
/// that do not depend on what was reused.
struct JournalTests {
    static let pipeline = """
        lede: 1
        input: { paths: [docs] }
        output: out
        stages:
          - mark: { word: news }
          - cut-and-decorate
          - record-list
          - id-list
        """

    func makeInputs(_ dir: TempDir, count: Int) {
        for i in 0..<count {
            let poison = i % 17 == 5 ? " POISON" : ""
            dir.write(String(format: "docs/%03d.txt", i), "news [photo \(i)] item \(i) news é\u{301} 🇰🇷 news\(poison)\n\nmore news [x]")
        }
    }

    func run(_ dir: TempDir, _ yaml: String = pipeline, output: String = "out", mode: JournalMode, jobs: Int = 2) async throws -> RunSummary {
        let file = dir.write("p-\(output).yaml", yaml.replacingOccurrences(of: "output: out", with: "output: \(output)"))
        let p = try Pipeline.load(file: file, registry: journalRegistry)
        return try await Engine(pipeline: p, jobs: jobs, journal: mode).run()
    }

    func parts(_ dir: TempDir, _ output: String = "out") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path + "/\(output)/.lede/journal")) ?? []).sorted()
    }

    func outputs(_ dir: TempDir, _ output: String) -> [String: Data] {
        var all: [String: Data] = [:]
        for name in ["records.jsonl", "ids.txt", "rejects.jsonl", "manifest.json"] {
            all[name] = FileManager.default.contents(atPath: dir.path + "/\(output)/" + name)
        }
        return all
    }

    /// The outputs, with the manifest's own output folder and pipeline path left out (they name the folder).
    func comparable(_ dir: TempDir, _ output: String) -> [String: Data] {
        var all = outputs(dir, output)
        all["manifest.json"] = nil
        return all
    }

    @Test("A document read back from its record writes the same JSON Lines record and maps offsets the same")
    func codecRoundTrip() throws {
        var document = Document(id: "doc-1", text: "Lead [caption] text é\u{301} 🇰🇷 \"quote\" [credit]\r\nend",
                                source: DocumentSource(path: "in/a.jsonl", line: 7, part: 2),
                                metadata: ["n": 3, "title": "Ti\u{0}tle", "tags": .list(["a", .null]), "deep": .map(["x": .double(1e300)])])
        try document.setLayer("marks", [Span(start: 0, end: 4, label: "LEAD", attributes: ["ref": .span(SpanRef(start: 15, end: 19, extra: ["mention": "he"]))]),
                                        Span(start: 15, end: 19)])
        try document.setLayer("empty", [])
        try document.remove([Cut(5..<14, reason: "caption", rule: "r1", absorbsWhitespace: true),
                             Cut(Array(document.text.utf8).count - 13..<Array(document.text.utf8).count - 5, reason: "credit", rule: "r2")])
        document.warn("a warning")
        document.stats = ["words": 5, "ratio": .double(0.1), "neg": .double(-0.0)]

        var w = ByteWriter()
        DocumentCodec.encode(document, into: &w)
        var r = ByteReader(w.bytes)
        let back = try DocumentCodec.decodeDocument(&r)
        #expect(r.atEnd)
        #expect(Record.line(back) == Record.line(document))
        #expect(back.text == document.text && back.originalText == document.originalText)
        #expect(back.layers == document.layers && back.hasLayer("empty"))
        #expect(back.removed == document.removed && back.warnings == document.warnings)
        #expect(back.metadata == document.metadata && back.stats == document.stats && back.source == document.source)
        for offset in 0...document.text.utf8.count {
            #expect(back.toOriginal(offset, after: true) == document.toOriginal(offset, after: true))
            #expect(back.toOriginal(offset, after: false) == document.toOriginal(offset, after: false))
        }

        // Every truncation is refused; no damaged byte crashes the decoder.
        for cut in 0..<w.bytes.count {
            var short = ByteReader(Array(w.bytes[..<cut]))
            #expect(throws: DocumentCodec.Damaged.self) { _ = try DocumentCodec.decodeDocument(&short) }
        }
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            var bytes = w.bytes
            bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            var damaged = ByteReader(bytes)
            _ = try? DocumentCodec.decodeDocument(&damaged)
        }
    }

    @Test("The text is rebuilt from the original and its deletions, and stored whole only when it is not that")
    func codecStoresTheTextOnlyWhenNeeded() throws {
        var document = Document(id: "d", text: "keep [drop] keep é [drop] end", source: DocumentSource(path: "a.txt"))
        let bytes = Array(document.text.utf8)
        func range(_ needle: String, from: Int) -> Range<Int> {
            let n = Array(needle.utf8)
            let start = (from...(bytes.count - n.count)).first { Array(bytes[$0..<($0 + n.count)]) == n }!
            return start..<(start + n.count)
        }
        let first = range("[drop]", from: 0)
        try document.remove([Cut(first, reason: "caption", rule: "a"), Cut(range("[drop]", from: first.upperBound), reason: "caption", rule: "b")])
        var w = ByteWriter()
        DocumentCodec.encode(document, into: &w)
        var r = ByteReader(w.bytes)
        #expect(try DocumentCodec.decodeDocument(&r).text == document.text)
        // The cleaned text is not in the record: only the original's bytes are.
        let cleaned = Array(document.text.utf8)
        #expect(!(0...(w.bytes.count - cleaned.count)).contains { Array(w.bytes[$0..<($0 + cleaned.count)]) == cleaned })

        // A document whose text is not its original minus its deletions keeps its own text.
        let odd = Document(id: "d", source: document.source, text: "something else", originalText: document.originalText,
                           metadata: [:], layers: [:], removed: [], warnings: [], stats: [:], deletions: document.deletedRanges)
        var w2 = ByteWriter()
        DocumentCodec.encode(odd, into: &w2)
        var r2 = ByteReader(w2.bytes)
        #expect(try DocumentCodec.decodeDocument(&r2).text == "something else")
    }

    @Test("A second run reuses every result, and its outputs are byte-identical to the first's")
    func reuseGivesTheSameBytes() async throws {
        let dir = TempDir()
        makeInputs(dir, count: 60)
        let first = try await run(dir, mode: .write)
        #expect(first.reused == 0 && first.journaled == 60 && first.rejected == 4)
        let before = comparable(dir, "out")
        let firstParts = parts(dir)
        #expect(!firstParts.isEmpty)

        let second = try await run(dir, mode: .reuse, jobs: 4)
        #expect(second.reused == 60 && second.journaled == 60)
        #expect(comparable(dir, "out") == before)
        #expect(second.stages.map(\.seen) == first.stages.map(\.seen) && second.stages.map(\.rejected) == first.stages.map(\.rejected))
        // The first run's parts are gone: the journal holds exactly the last run.
        #expect(Set(parts(dir)).isDisjoint(with: firstParts) && !parts(dir).isEmpty)

        // Without reuse, the same bytes again (so reuse changed nothing).
        _ = try await run(dir, output: "plain", mode: .off)
        #expect(comparable(dir, "plain") == before)
        #expect(parts(dir, "plain").isEmpty)
    }

    @Test("Only inputs whose bytes changed are processed again, and the outputs equal a fresh run's")
    func incremental() async throws {
        let dir = TempDir()
        makeInputs(dir, count: 40)
        _ = try await run(dir, mode: .write)
        dir.write("docs/003.txt", "news changed")
        dir.write("docs/010.txt", "POISON now")
        dir.write("docs/100.txt", "a new news file")
        try FileManager.default.removeItem(atPath: dir.path + "/docs/020.txt")
        let again = try await run(dir, mode: .reuse)
        #expect(again.reused == 37, "40 inputs, 2 changed, 1 deleted, 1 added")
        _ = try await run(dir, output: "fresh", mode: .off)
        #expect(comparable(dir, "out") == comparable(dir, "fresh"))
    }

    @Test("A change to a per-document stage's options reuses nothing; a collector's options do not matter")
    func fingerprint() async throws {
        let dir = TempDir()
        makeInputs(dir, count: 20)
        _ = try await run(dir, mode: .write)
        let otherWord = try await run(dir, Self.pipeline.replacingOccurrences(of: "word: news", with: "word: item"), mode: .reuse)
        #expect(otherWord.reused == 0)
        let otherCollector = try await run(dir, Self.pipeline.replacingOccurrences(of: "word: news", with: "word: item")
            .replacingOccurrences(of: "- id-list", with: "- id-list: { file: names.txt }"), mode: .reuse)
        #expect(otherCollector.reused == 20)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/names.txt"))
    }

    @Test("A damaged block is computed again, never trusted")
    func damagedPart() async throws {
        let dir = TempDir()
        // More inputs than one batch holds, so that the damaged block is not the whole journal.
        let count = Engine.batchInputs + 30
        makeInputs(dir, count: count)
        _ = try await run(dir, mode: .write, jobs: 1)
        let before = comparable(dir, "out")
        let part = dir.path + "/out/.lede/journal/" + parts(dir)[0]
        var bytes = try #require(FileManager.default.contents(atPath: part))
        bytes[200] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: part))
        let again = try await run(dir, mode: .reuse)
        // The results of the damaged block's batch (at most `Engine.batchInputs` inputs) are computed again; the
        // rest reused.
        #expect(again.reused >= count - Engine.batchInputs && again.reused < count, "reused \(again.reused)")
        #expect(comparable(dir, "out") == before)

        // A part cut short (not a committed part at all) is ignored as a whole.
        let cut = dir.path + "/out/.lede/journal/" + parts(dir)[0]
        let whole = try #require(FileManager.default.contents(atPath: cut))
        try whole.prefix(whole.count - 9).write(to: URL(fileURLWithPath: cut))
        let afterCut = try await run(dir, mode: .reuse)
        #expect(afterCut.reused < count)
        #expect(comparable(dir, "out") == before)
    }

    @Test("A cancelled run keeps what it finished in the journal, and resuming gives the uninterrupted bytes")
    func cancelledRunResumes() async throws {
        let dir = TempDir()
        makeInputs(dir, count: 300)
        let slow = Self.pipeline.replacingOccurrences(of: "word: news", with: "word: news, slow_every: 1")
        _ = try await run(dir, slow, output: "whole", mode: .off)
        let file = dir.write("p-out.yaml", slow)
        let p = try Pipeline.load(file: file, registry: journalRegistry)
        // Cancel from the engine's own progress report once 40 inputs are done, so the point does not
        // depend on when this test gets to run.
        let holder = TaskHolder()
        let task = Task {
            try await Engine(pipeline: p, jobs: 2, progress: { if $0.completed >= 40 { holder.cancel() } }, journal: .write).run()
        }
        holder.set(task)
        do {
            _ = try await task.value
            Issue.record("the run finished before it was cancelled")
        } catch {
            #expect(error is CancellationError)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/records.jsonl"))
        #expect(!parts(dir).isEmpty)
        let resumed = try await run(dir, slow, mode: .reuse)
        #expect(resumed.reused >= 40 && resumed.reused < 300, "\(resumed.reused)")
        #expect(comparable(dir, "out") == comparable(dir, "whole"))
    }
}

/// A task that a callback on another thread can cancel.
final class TaskHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<RunSummary, any Error>?
    private var cancelled = false

    func set(_ task: Task<RunSummary, any Error>) {
        lock.withLock {
            self.task = task
            if cancelled { task.cancel() }
        }
    }

    func cancel() {
        lock.withLock {
            cancelled = true
            task?.cancel()
        }
    }
}
