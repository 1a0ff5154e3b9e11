import Foundation

/// Options of a stage: a Codable struct whose `init()` holds the defaults.
///
/// Declare each option once with `@StageOption` and conform to ``DeclaredOptions``, which decodes, encodes and
/// lists help from the declarations. A hand-written `init(from:)` must decode every key with
/// `decodeIfPresent(...) ?? default`: Lede then knows each key the stage accepts, rejects unknown ones with
/// a suggestion, and fills defaults for `lede explain`.
public protocol StageOptions: Codable, Sendable {
    /// The defaults.
    init()
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
