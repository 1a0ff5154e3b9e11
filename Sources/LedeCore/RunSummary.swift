/// Counts the engine keeps for one stage: documents in, documents out, documents rejected.
public struct StageCount: Sendable, Hashable {
    /// The stage's name.
    public var stage: String
    /// Documents the stage saw.
    public var seen = 0
    /// Documents it passed on.
    public var passed = 0
    /// Documents it rejected.
    public var rejected = 0

    /// Creates counts.
    public init(stage: String, seen: Int = 0, passed: Int = 0, rejected: Int = 0) {
        self.stage = stage
        self.seen = seen
        self.passed = passed
        self.rejected = rejected
    }
}

/// What a run did: counts, timing, and batch results that collecting stages publish.
public struct RunSummary: Sendable {
    /// Documents that came through every stage.
    public var documents = 0
    /// Documents quarantined in `rejects.jsonl`.
    public var rejected = 0
    /// Warnings recorded on documents.
    public var warnings = 0
    /// Input bytes read.
    public var inputBytes = 0
    /// Wall-clock seconds.
    public var seconds = 0.0
    /// Per-stage counts, in pipeline order.
    public var stages: [StageCount] = []
    /// The first rejects, for the summary on the terminal.
    public var firstRejects: [Reject] = []
    /// Documents whose id an earlier document of the run already had (ids are meant to be unique; both
    /// are kept), and the first few such ids.
    public var duplicateIds = 0
    /// The first duplicated ids, for the summary.
    public var firstDuplicateIds: [String] = []
    /// Output files committed, relative to the output folder, in the order written.
    public var outputs: [String] = []
    /// Batch results by name (for example `stats`), for later collectors and the runner's summary.
    public var sections: [String: AttributeValue] = [:]
    /// Human-readable tables that collectors want shown at the end of the run, in order.
    public var tables: [String] = []
    /// Inputs whose results were taken from the journal (`--resume`, `--incremental`) rather than computed.
    public var reused = 0
    /// Inputs whose results the run's journal holds when it ends (0 without a journal).
    public var journaled = 0

    /// An empty summary.
    public init() {}
}
