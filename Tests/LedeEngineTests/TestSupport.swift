import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeIO
import LedeRecord
import LedeTestSupport

/// A per-document stage for tests: marks every occurrence of `word`, throws on `fail_on`, and can be
/// made slow for some documents so that completion order differs from input order.
struct MarkStage: DocumentStage {
    struct Options: StageOptions {
        var word = "news"
        var failOn = "POISON"
        var strict = false
        var repeats = 1
        var slowEvery = 0

        enum CodingKeys: String, CodingKey {
            case word, strict, repeats
            case failOn = "fail_on"
            case slowEvery = "slow_every"
        }

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            word = try c.decodeIfPresent(String.self, forKey: .word) ?? "news"
            failOn = try c.decodeIfPresent(String.self, forKey: .failOn) ?? "POISON"
            strict = try c.decodeIfPresent(Bool.self, forKey: .strict) ?? false
            repeats = try c.decodeIfPresent(Int.self, forKey: .repeats) ?? 1
            slowEvery = try c.decodeIfPresent(Int.self, forKey: .slowEvery) ?? 0
        }
    }

    static let descriptor = StageDescriptor(name: "mark", summary: "marks a word", produces: ["marks"],
                                            options: [OptionHelp("word", "the word")])
    static let examples: [StageExample] = []
    let options: Options

    init(options: Options, context: StageContext) throws {
        guard !options.word.isEmpty else { throw OptionError("word must not be empty", at: ["word"]) }
        self.options = options
    }

    func process(_ document: inout Document) throws {
        if document.text.contains(options.failOn) { throw DocumentError("found \(options.failOn)") }
        if options.slowEvery > 0, let n = Int(document.id.filter(\.isNumber)), n % options.slowEvery == 0 {
            Thread.sleep(forTimeInterval: 0.01)
        }
        var spans: [Span] = []
        let bytes = Array(document.text.utf8), word = Array(options.word.utf8)
        var i = 0
        while i + word.count <= bytes.count {
            if Array(bytes[i..<(i + word.count)]) == word {
                spans.append(Span(start: i, end: i + word.count, label: "MARK"))
                i += word.count
            } else {
                i += 1
            }
        }
        try document.setLayer("marks", spans)
    }
}

/// Needs the `marks` layer.
struct NeedsMarksStage: DocumentStage {
    struct Options: StageOptions {
        init() {}
        init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
        enum CodingKeys: String, CodingKey { case none }
        func encode(to encoder: any Encoder) throws {}
    }

    static let descriptor = StageDescriptor(name: "needs-marks", summary: "needs marks", requires: ["marks"])
    static let examples: [StageExample] = []
    init(options: Options, context: StageContext) throws {}
    func process(_ document: inout Document) throws {}
}

/// Writes each document's id on a line of `ids.txt`, in the order it sees them.
struct IDListStage: CollectingStage {
    struct Options: StageOptions {
        var file = "ids.txt"
        /// Do the per-document part in `prepare`, on the worker tasks.
        var prepared = false
        init() {}
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            file = try c.decodeIfPresent(String.self, forKey: .file) ?? "ids.txt"
            prepared = try c.decodeIfPresent(Bool.self, forKey: .prepared) ?? false
        }
        enum CodingKeys: String, CodingKey { case file, prepared }
    }

    static let descriptor = StageDescriptor(name: "id-list", summary: "lists ids")
    static let examples: [StageExample] = []
    let options: Options
    init(options: Options, context: StageContext) throws { self.options = options }

    func makeCollector(_ context: CollectorContext) throws -> any Collector {
        IDList(file: try context.output.create(options.file), name: options.file, prepared: options.prepared)
    }

    final class IDList: Collector {
        let file: AtomicFile
        let name: String
        let prepared: Bool
        init(file: AtomicFile, name: String, prepared: Bool) { self.file = file; self.name = name; self.prepared = prepared }
        func consume(_ document: inout Document) throws { try file.write(document.id + "\n") }
        var prepare: (@Sendable (inout Document) throws -> (any Sendable)?)? {
            guard prepared else { return nil }
            return { document in
                document.stats["length"] = .int(document.text.utf8.count)
                return "prepared " + document.id
            }
        }
        func consume(_ document: inout Document, prepared: (any Sendable)?) throws {
            guard let line = prepared as? String else { return try consume(&document) }
            try file.write(line + " \(document.stats["length"]?.int ?? -1)\n")
        }
        func finish(_ summary: inout RunSummary) throws {
            try file.commit()
            summary.outputs.append(name)
        }
        func discard() { file.discard() }
    }
}

let testRegistry = StageRegistry([StageType(MarkStage.self), StageType(NeedsMarksStage.self), StageType(IDListStage.self)])

/// Loads a pipeline written into a temporary folder that also holds an input file `in.txt`.
func loadPipeline(_ yaml: String, in dir: TempDir = TempDir(), registry: StageRegistry = testRegistry) throws -> Pipeline {
    dir.write("in.txt", "Some news text.")
    let file = dir.write("p.yaml", yaml)
    return try Pipeline.load(file: file, registry: registry)
}

/// The ConfigError a pipeline gives (the first, when it gives several), or nil when it loads.
func configError(_ yaml: String, registry: StageRegistry = testRegistry) -> ConfigError? {
    configErrors(yaml, registry: registry).first
}

/// Every ConfigError a pipeline gives, in the order they are reported; empty when it loads.
func configErrors(_ yaml: String, registry: StageRegistry = testRegistry, settings: [Setting] = []) -> [ConfigError] {
    do {
        let dir = TempDir()
        dir.write("in.txt", "Some news text.")
        _ = try Pipeline.load(file: dir.write("p.yaml", yaml), registry: registry, settings: settings)
        return []
    } catch {
        return ConfigErrors.all(in: error) ?? [ConfigError("unexpected error type: \(error)")]
    }
}

/// Writes every document as its full JSON Lines record to `records.jsonl`, and every reject to `rejects.txt`:
/// what a writer sees, byte for byte.
struct RecordListStage: CollectingStage {
    struct Options: StageOptions {
        init() {}
        init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
        enum CodingKeys: String, CodingKey { case none }
        func encode(to encoder: any Encoder) throws {}
    }

    static let descriptor = StageDescriptor(name: "record-list", summary: "writes full records")
    static let examples: [StageExample] = []
    init(options: Options, context: StageContext) throws {}

    func makeCollector(_ context: CollectorContext) throws -> any Collector {
        Records(records: try context.output.create("records.jsonl"))
    }

    final class Records: Collector {
        let records: AtomicFile
        init(records: AtomicFile) { self.records = records }
        func consume(_ document: inout Document) throws { try records.write(Record.line(document)) }
        func rejected(_ reject: Reject) { try? records.write(Record.line(reject)) }
        func finish(_ summary: inout RunSummary) throws {
            try records.commit()
            summary.outputs.append("records.jsonl")
        }
        func discard() { records.discard() }
    }
}

/// Cuts every `[...]` from the text, as a cleaning stage does, and adds an attribute of every kind to the marks.
struct CutAndDecorateStage: DocumentStage {
    struct Options: StageOptions {
        init() {}
        init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
        enum CodingKeys: String, CodingKey { case none }
        func encode(to encoder: any Encoder) throws {}
    }

    static let descriptor = StageDescriptor(name: "cut-and-decorate", summary: "cuts brackets", requires: ["marks"])
    static let examples: [StageExample] = []
    init(options: Options, context: StageContext) throws {}

    func process(_ document: inout Document) throws {
        let bytes = Array(document.text.utf8)
        var cuts: [Cut] = []
        var open: Int?
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "[") { open = i }
            if b == UInt8(ascii: "]"), let o = open {
                cuts.append(Cut(o..<(i + 1), reason: "bracket", rule: "test", absorbsWhitespace: true))
                open = nil
            }
        }
        let marks = document.spans("marks").enumerated().map { n, span -> Span in
            var span = span
            span.attributes = ["n": .int(n - 3), "ratio": .double(Double(n) / 7), "odd": .bool(n % 2 == 1), "none": .null,
                               "self": .span(SpanRef(start: span.start, end: span.end, extra: ["mention": "it"])),
                               "list": .list([.string("a\u{301}"), .int(-1), .map(["k": .double(-0.0)])])]
            return span
        }
        try document.setLayer("marks", marks)
        try document.remove(cuts)
        document.stats["cuts"] = .int(cuts.count)
        if !cuts.isEmpty { document.warn("cut \(cuts.count) bracket(s)") }
    }
}

let journalRegistry = StageRegistry([StageType(MarkStage.self), StageType(CutAndDecorateStage.self),
                                     StageType(RecordListStage.self), StageType(IDListStage.self)])
