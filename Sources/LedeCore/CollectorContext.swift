import Foundation
import LedeIO
import Logging

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
