import Yams

/// How a stage runs: per document, or collecting all of them.
public enum StageKind: String, Sendable {
    /// ``DocumentStage``.
    case document
    /// ``CollectingStage``.
    case collecting
}

/// A stage made ready to run with its options.
public enum StageInstance: Sendable {
    /// Annotates one document in place.
    case document(@Sendable (inout Document) throws -> Void)
    /// Annotates one document in place, waiting on something outside the process; `finish` ends the run.
    case waiting(process: @Sendable (inout Document) async throws -> Void, finish: @Sendable () async -> Void)
    /// Starts a collector for the run.
    case collecting(@Sendable (CollectorContext) throws -> any Collector)
}

/// A registered stage type, with its stage-specific parts hidden behind closures.
public struct StageType: Sendable {
    /// Name, summary, version, layers and option help.
    public let descriptor: StageDescriptor
    /// The stage's examples, read when asked for: only `lede stages NAME` and the example tests show them, and
    /// reading them (a YAML file for some stages) at every registration cost a run a twentieth of its time on
    /// a few megabytes.
    public var examples: [StageExample] { loadExamples() }
    private let loadExamples: @Sendable () -> [StageExample]
    /// How it runs.
    public let kind: StageKind
    /// The options with their defaults.
    public let defaultOptions: @Sendable () -> any StageOptions
    package let decode: @Sendable (NodeDecodingBox) throws -> any StageOptions
    package let make: @Sendable (any StageOptions, StageContext) throws -> StageInstance
    /// Trains a model for the stage, if it learns (``TrainableStage``).
    public let train: (@Sendable (TrainingRequest) throws -> String)?
    /// The files a collecting stage will write with these options (``CollectingStage/outputs(of:)``).
    public private(set) var outputs: @Sendable (any StageOptions) -> [DeclaredOutput] = { _ in [] }

    private init<S: Stage>(_ type: S.Type, kind: StageKind,
                           make: @escaping @Sendable (S.Options, StageContext) throws -> StageInstance) {
        descriptor = S.descriptor
        loadExamples = { S.examples }
        self.kind = kind
        defaultOptions = { S.Options() }
        if let trainable = S.self as? any TrainableStage.Type {
            train = { @Sendable request in try trainable.train(request) }
        } else {
            train = nil
        }
        decode = { box in try box.decoding.decode(S.Options.self, from: box.node) }
        self.make = { options, context in
            guard let typed = options as? S.Options else {
                throw ConfigError("internal error: options of the wrong type for stage '\(S.descriptor.name)'")
            }
            if let declared = typed as? any DeclaredOptions { try declared.validate() }
            return try make(typed, context)
        }
    }

    /// Registers a per-document stage.
    public init<S: DocumentStage>(_ type: S.Type) {
        self.init(type, kind: .document) { options, context in
            let stage = try S(options: options, context: context)
            return .document { try stage.process(&$0) }
        }
    }

    /// Registers a per-document stage that waits on something outside the process.
    public init<S: AsyncDocumentStage>(_ type: S.Type) {
        self.init(type, kind: .document) { options, context in
            let stage = try S(options: options, context: context)
            return .waiting(process: { try await stage.process(&$0) }, finish: { await stage.finish() })
        }
    }

    /// Registers a collecting stage.
    public init<S: CollectingStage>(_ type: S.Type) {
        self.init(type, kind: .collecting) { options, context in
            let stage = try S(options: options, context: context)
            return .collecting { try stage.makeCollector($0) }
        }
        outputs = { options in (options as? S.Options).map { S.outputs(of: $0) } ?? [] }
    }

    /// Registers any stage type, by the protocol it conforms to; nil if it conforms to none of them.
    public init?(any type: any Stage.Type) {
        if let t = type as? any DocumentStage.Type {
            self = Self.document(t)
        } else if let t = type as? any AsyncDocumentStage.Type {
            self = Self.waiting(t)
        } else if let t = type as? any CollectingStage.Type {
            self = Self.collecting(t)
        } else {
            return nil
        }
    }

    private static func document<S: DocumentStage>(_ t: S.Type) -> StageType { StageType(t) }
    private static func waiting<S: AsyncDocumentStage>(_ t: S.Type) -> StageType { StageType(t) }
    private static func collecting<S: CollectingStage>(_ t: S.Type) -> StageType { StageType(t) }

    /// Creates the stage with options decoded elsewhere (tests, embedders).
    public func instantiate(_ options: any StageOptions, context: StageContext) throws -> StageInstance {
        try make(options, context)
    }
}
