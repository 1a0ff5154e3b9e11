import Foundation
import LedeCore
import LedeInput
import LedeIO

/// A stage in a validated pipeline: its type, its options with defaults filled in, and where it was written.
public struct PlannedStage: Sendable {
    /// The stage type.
    public let type: StageType
    /// Its resolved options.
    public let options: any StageOptions
    /// The ready-to-run stage.
    public let instance: StageInstance
    /// Where the stage is named in the pipeline file.
    public let location: SourceLocation?
    /// The files the stage read while it was set up.
    public let files: [RecordedFile]

    /// The stage's name.
    public var name: String { type.descriptor.name }
}
