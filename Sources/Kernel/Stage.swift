import Foundation
import Synchronization
import Logging

/// Options of a stage: a plain Codable struct whose `init()` holds the defaults.
///
/// Decode every key with `decodeIfPresent(...) ?? default`: the Kernel then knows each key the stage
/// accepts, rejects unknown ones with a suggestion, and fills defaults for `lede explain`.
public protocol StageOptions: Codable, Sendable {
    /// The defaults.
    init()
}

/// What every stage says about itself. `requires` and `produces` let `lede validate` check stage order.
public struct StageDescriptor: Sendable {
    /// The name used in pipeline files (`quote-extract`).
    public var name: String
    /// One line, shown by `lede stages`.
    public var summary: String
    /// The stage's own version, recorded in the run manifest. Bump it when output changes.
    public var version: String
    /// Layers that must exist before this stage runs.
    public var requires: [String]
    /// Layers this stage writes.
    public var produces: [String]
    /// One line of help for each option key, in the order to show them.
    public var options: [OptionHelp]

    /// Creates a descriptor.
    public init(name: String, summary: String, version: String = "1", requires: [String] = [],
                produces: [String] = [], options: [OptionHelp] = []) {
        self.name = name
        self.summary = summary
        self.version = version
        self.requires = requires
        self.produces = produces
        self.options = options
    }
}

/// Help for one option key.
public struct OptionHelp: Sendable {
    /// The key as written in YAML.
    public var key: String
    /// What it does.
    public var help: String

    /// Creates option help.
    public init(_ key: String, _ help: String) {
        self.key = key
        self.help = help
    }
}

/// What a stage is given when it is created: where relative paths in its options point, how many
/// documents the run works on at once, and a logger.
public struct StageContext: Sendable {
    /// The folder of the pipeline file; relative paths in options resolve against it.
    public var baseDirectory: String
    /// The run's `--jobs`: how many documents go through per-document stages at once. A stage that starts
    /// worker processes starts this many by default.
    public var jobs: Int
    /// Diagnostics. Stages log; they never print.
    public var logger: Logger
    /// The files the stage read through ``read(_:)``, for the run manifest.
    public let files = StageFiles()

    /// Creates a context.
    public init(baseDirectory: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                logger: Logger = Logger(label: "lede")) {
        self.baseDirectory = baseDirectory
        self.jobs = max(1, jobs)
        self.logger = logger
    }

    /// The largest file a stage's options may name: 64 MiB (documented in docs/pipeline-format.md).
    public static let optionFileLimit = 64 << 20

    /// Resolves a path from the pipeline file against ``baseDirectory``.
    public func resolve(_ path: String) -> String {
        Paths.join(baseDirectory, path)
    }

    /// Reads a file that the stage's options name (a gazetteer, a rule file), relative to the pipeline file.
    /// The run manifest records its size and SHA-256 under the stage, so `lede verify` can tell when it has
    /// changed: a stage reads files only this way, never on its own.
    ///
    /// The file must be a regular file of at most ``optionFileLimit`` bytes: a device such as `/dev/zero`,
    /// a FIFO (which would block), a socket or a folder is refused by its kind, and a larger file by its
    /// size before it is read. The error is an ``IOFailure`` naming the path; the pipeline loader reports
    /// it at the option's `FILE:LINE:COLUMN` (exit 2).
    public func read(_ path: String) throws -> [UInt8] {
        let resolved = resolve(path)
        let bytes = try Paths.readRegularFile(resolved, limit: Self.optionFileLimit)
        files.record(Manifest.File(path: path, location: Paths.absolute(resolved), bytes: bytes.count,
                                   sha256: Digest.sha256(bytes)))
        return bytes
    }
}

/// The files a stage read through its ``StageContext``, in the order read.
public final class StageFiles: Sendable {
    private let recorded = Mutex<[Manifest.File]>([])

    /// Creates an empty record.
    public init() {}

    func record(_ file: Manifest.File) { recorded.withLock { $0.append(file) } }

    /// What was read.
    public var all: [Manifest.File] { recorded.withLock { $0 } }
}

/// The common part of every stage: a name, options and examples.
public protocol Stage: Sendable {
    /// The stage's options.
    associatedtype Options: StageOptions
    /// Name, summary, version, layers required and produced, option help.
    static var descriptor: StageDescriptor { get }
    /// Examples (input → expected spans). One generic test runs them all; `lede stages NAME` prints them.
    static var examples: [StageExample] { get }
    /// Creates the stage, validating options once. Throw ``OptionError`` for a bad value.
    init(options: Options, context: StageContext) throws
}

/// A stage that annotates (or cleans) one document at a time. It runs on many documents in parallel.
public protocol DocumentStage: Stage {
    /// Annotates one document. Throw ``DocumentError`` to quarantine it.
    func process(_ document: inout Document) throws
}

/// A per-document stage that waits on something outside the process (a plugin, a service) rather than
/// computing. The engine keeps more documents in flight while such stages wait, and calls ``finish()``
/// once at the end of the run, also when the run fails.
public protocol AsyncDocumentStage: Stage {
    /// Annotates one document. Throw ``DocumentError`` to quarantine it, ``StageFailure`` to stop the run.
    func process(_ document: inout Document) async throws
    /// Releases what the stage holds (stops worker processes). Called once, after the last document.
    func finish() async
}

/// A stage that may turn one input into several documents (a wire dump into articles), annotating each.
public protocol ExpandingStage: Stage {
    /// Returns the documents this input becomes, in order: usually just the one.
    func expand(_ document: Document) throws -> [Document]
}

/// A stage that sees every document once, in input order, after all per-document stages: stats, writers.
public protocol CollectingStage: Stage {
    /// Starts a collector for one run.
    func makeCollector(_ context: CollectorContext) throws -> any Collector
    /// The files these options make the stage write, relative to the output folder, each with the option
    /// that names it. The pipeline loader refuses two outputs with one name and an output with a name Lede
    /// keeps for itself (``OutputNames/reserved``), at the option's `FILE:LINE:COLUMN`. The default: none.
    static func outputs(of options: Options) -> [DeclaredOutput]
}

extension CollectingStage {
    /// By default a collecting stage declares no output file.
    public static func outputs(of options: Options) -> [DeclaredOutput] { [] }
}

/// A file a collecting stage will write, as its options name it.
public struct DeclaredOutput: Sendable, Hashable {
    /// The path relative to the output folder.
    public var path: String
    /// Where in the stage's options it is named (`["jsonl"]`), for the error's location.
    public var option: [OptionPathComponent]

    /// Creates a declaration.
    public init(_ path: String, option: [OptionPathComponent]) {
        self.path = path
        self.option = option
    }
}

/// The names in an output folder that belong to Lede itself.
public enum OutputNames {
    /// Written by the engine, not by a stage: `manifest.json`, `rejects.jsonl`, a shard's `order.jsonl`, and
    /// the lock. Everything under `.lede/` (the journal) is Lede's too, and temporary names (`.lede-tmp-`).
    public static let reserved = ["manifest.json", "rejects.jsonl", "order.jsonl", ".lede.lock"]

    /// Why `path` cannot be a stage's output, or nil when it can.
    public static func whyReserved(_ path: String) -> String? {
        let normalized = Paths.normalize(path)
        if reserved.contains(normalized) { return "'\(normalized)' is written by Lede itself" }
        if normalized == ".lede" || normalized.hasPrefix(".lede/") { return "'.lede/' holds Lede's journal" }
        if normalized.contains(".lede-tmp-") { return "names with '.lede-tmp-' are Lede's temporary files" }
        if normalized == "." { return "it names the output folder itself" }
        return nil
    }
}

/// The state of a collecting stage during one run. It is used from one task only, except ``prepare``.
public protocol Collector: AnyObject {
    /// Sees one document, in input order. It may add to the document (per-document stats) for later collectors.
    func consume(_ document: inout Document) throws
    /// The part of `consume` that needs no other document (computing a document's figures, serializing its
    /// record), or nil. The engine runs it on the worker tasks, in parallel, right after the per-document
    /// stages and after the `prepare` of the collectors before this one, and hands what it returns to
    /// ``consume(_:prepared:)`` in input order; so a writer's serializing scales with `--jobs` while its
    /// file is still written in order. It may change the document, as `consume` may.
    var prepare: (@Sendable (inout Document) throws -> (any Sendable)?)? { get }
    /// Sees one document, in input order, with what ``prepare`` returned for it.
    func consume(_ document: inout Document, prepared: (any Sendable)?) throws
    /// Sees a rejected document, in input order.
    func rejected(_ reject: Reject)
    /// Ends the run: publish batch results into the summary, commit output files.
    func finish(_ summary: inout RunSummary) throws
    /// The run failed: drop anything uncommitted.
    func discard()
    /// Fills this collector's outputs from the output folders of several shards instead of from documents,
    /// so that ``finish(_:)`` commits exactly what one run over all the inputs would have. `documents`
    /// says, in the order of that single run, which shard each document is in and its id; each shard's own
    /// outputs list its documents in the same relative order. Throw ``CannotMerge`` when the output cannot
    /// be rebuilt from shards.
    func merge(_ shards: [String], documents: [MergeStep]) throws
}

/// One document in the order of a merged run: the shard folder (an index into the list given to
/// ``Collector/merge(_:documents:)``) it is in, and its id.
public struct MergeStep: Sendable, Hashable {
    /// Index of the shard folder.
    public var shard: Int
    /// The document id.
    public var id: String

    /// Creates a step.
    public init(shard: Int, id: String) {
        self.shard = shard
        self.id = id
    }
}

/// A collector whose output cannot be rebuilt from shard outputs (the HTML report, which needs documents).
public struct CannotMerge: Error, Sendable, CustomStringConvertible {
    /// Why, and what to do instead.
    public var reason: String
    /// Creates the error.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}

extension Collector {
    /// By default a collector does all its work in `consume`.
    public var prepare: (@Sendable (inout Document) throws -> (any Sendable)?)? { nil }
    /// By default, `consume(_:)`.
    public func consume(_ document: inout Document, prepared: (any Sendable)?) throws { try consume(&document) }
    /// By default a collector ignores rejects.
    public func rejected(_ reject: Reject) {}
    /// By default a collector has nothing to drop.
    public func discard() {}
    /// By default a collector cannot merge.
    public func merge(_ shards: [String], documents: [MergeStep]) throws {
        throw CannotMerge("this output is not rebuilt from shards")
    }
}

/// What a collector is given: the output folder, through which every file is written atomically.
public struct CollectorContext: Sendable {
    /// The output folder.
    public var output: OutputFolder
    /// The pipeline's name.
    public var pipelineName: String
    /// Diagnostics.
    public var logger: Logger

    /// Creates a context.
    public init(output: OutputFolder, pipelineName: String, logger: Logger = Logger(label: "lede")) {
        self.output = output
        self.pipelineName = pipelineName
        self.logger = logger
    }
}

/// A quarantined document: which one, where from, which stage refused it and why.
public struct Reject: Error, Sendable, Hashable {
    /// The document id (or the best id known, if it could not be read).
    public var id: String
    /// Where it came from.
    public var source: DocumentSource
    /// The stage that failed, or `read` when the input itself was bad.
    public var stage: String
    /// Why.
    public var reason: String

    /// Creates a reject record.
    public init(id: String, source: DocumentSource, stage: String, reason: String) {
        self.id = id
        self.source = source
        self.stage = stage
        self.reason = reason
    }
}

/// A worked example of a stage: input text, options, and the spans it must produce.
///
/// Like SwiftLint's rule examples, each records where it was written, so a failing example points at itself.
public struct StageExample: Sendable {
    /// What the example shows.
    public var title: String
    /// The input text.
    public var input: String
    /// The stage's options as a YAML flow mapping (`{ sentences: false }`), or empty for the defaults.
    public var options: String
    /// Expected spans. For every layer named here, the layer must hold exactly these spans, in order.
    public var expect: [ExpectedSpan]
    /// Layers that must be empty (or absent) after the stage.
    public var empty: [String]
    /// The text after the stage, for stages that remove text.
    public var expectText: String?
    /// Where the example is written.
    public var file: StaticString
    /// The line it is written on.
    public var line: UInt

    /// Creates an example.
    public init(_ title: String, input: String, options: String = "", expect: [ExpectedSpan] = [],
                empty: [String] = [], text: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.title = title
        self.input = input
        self.options = options
        self.expect = expect
        self.empty = empty
        self.expectText = text
        self.file = file
        self.line = line
    }
}

/// One expected span: its layer, its text, and optionally its label and attributes (compared as text).
public struct ExpectedSpan: Sendable, Hashable, CustomStringConvertible {
    /// The layer (`entities`), or `removed` for text a cleaning stage removed.
    public var layer: String
    /// The span's text.
    public var text: String
    /// The label (or, for `removed`, the reason), if it matters.
    public var label: String?
    /// Attributes that must match, rendered as text. A span attribute renders as its text, and its extra
    /// fields as `key.field` (a quote's `speaker.mention`).
    public var attributes: [String: String]

    /// Creates an expectation.
    public init(_ layer: String, _ text: String, label: String? = nil, _ attributes: [String: String] = [:]) {
        self.layer = layer
        self.text = text
        self.label = label
        self.attributes = attributes
    }

    /// `layer "text" [label] {attributes}`.
    public var description: String {
        var s = "\(layer) \"\(text)\""
        if let label { s += " [\(label)]" }
        if !attributes.isEmpty {
            s += " {" + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
        }
        return s
    }

    /// Shorthand for a sentence.
    public static func sentence(_ text: String) -> ExpectedSpan { .init(Layer.sentences, text) }
    /// Shorthand for a paragraph.
    public static func paragraph(_ text: String) -> ExpectedSpan { .init(Layer.paragraphs, text) }
    /// Shorthand for an entity.
    public static func entity(_ text: String, _ label: String) -> ExpectedSpan { .init(Layer.entities, text, label: label) }
    /// Shorthand for removed text and its reason.
    public static func removed(_ text: String, _ reason: String, rule: String? = nil) -> ExpectedSpan {
        .init(Layer.removed, text, label: reason, rule.map { ["rule": $0] } ?? [:])
    }
}

/// A stage that learns from annotated text (`lede train NAME --data PATH... --output MODEL`); a pipeline
/// then names the model in the stage's options.
public protocol TrainableStage: Stage {
    /// Trains a model from `request.data`, writes it to `request.output`, and returns a report to print:
    /// what it learned from, and its scores on `request.test`.
    static func train(_ request: TrainingRequest) throws -> String
}

/// What `lede train` was asked.
public struct TrainingRequest: Sendable {
    /// Annotated files to learn from.
    public var data: [String]
    /// Annotated files to score the model on, never learned from.
    public var test: [String]
    /// Where the model is written.
    public var output: String
    /// Passes over the data; nil leaves it to the stage.
    public var epochs: Int?
    /// Seeds the order the data is seen in: the same data and seed give the same model.
    public var seed: UInt64
    /// Progress, one line at a time.
    public var log: @Sendable (String) -> Void

    /// Creates a request.
    public init(data: [String], test: [String] = [], output: String, epochs: Int? = nil, seed: UInt64 = 1,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.data = data
        self.test = test
        self.output = output
        self.epochs = epochs
        self.seed = seed
        self.log = log
    }
}
