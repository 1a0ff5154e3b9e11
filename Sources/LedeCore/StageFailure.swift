/// A stage can no longer work at all (a plugin that keeps crashing, or exited while documents waited for
/// it). Unlike ``DocumentError`` it is not about one document: the run stops, outputs are discarded, and
/// the runner exits with 3.
public struct StageFailure: Error, Sendable, CustomStringConvertible {
    /// The stage.
    public var stage: String
    /// What went wrong, in words a user can act on.
    public var message: String

    /// Creates a stage failure.
    public init(stage: String, _ message: String) {
        self.stage = stage
        self.message = message
    }

    /// `error: stage 'x': message`.
    public var description: String { "error: stage '\(stage)': \(message)" }
}
