import Foundation

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
    /// How many times to train, each over the data in another order (seeds `seed`, `seed + 1`, …), averaging
    /// the weights: a model that depends less on one order. nil leaves it to the stage.
    public var shuffles: Int?
    /// Progress, one line at a time.
    public var log: @Sendable (String) -> Void

    /// Creates a request.
    public init(data: [String], test: [String] = [], output: String, epochs: Int? = nil, seed: UInt64 = 1,
                shuffles: Int? = nil, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.data = data
        self.test = test
        self.output = output
        self.epochs = epochs
        self.seed = seed
        self.shuffles = shuffles
        self.log = log
    }
}
