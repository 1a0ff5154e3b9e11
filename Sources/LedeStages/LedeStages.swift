import CleanCaptionsStage
import EntityTagStage
import ExecStage
import LedeCore
import QuoteExtractStage
import SplitStage
import SummarizeStatsStage
import WriteStage
// new-stage: imports of new stages are added above this line.

/// The built-in stages: the one place that names them all.
public enum LedeStages {
    /// Every built-in stage, in the order a news pipeline uses them.
    public static let all: [StageType] = [
        StageType(SplitStage.self),
        StageType(CleanCaptionsStage.self),
        StageType(EntityTagStage.self),
        StageType(QuoteExtractStage.self),
        StageType(SummarizeStatsStage.self),
        StageType(WriteStage.self),
        StageType(ExecStage.self),
        // new-stage: new stages are added above this line.
    ]

    /// A registry of the built-in stages, to which embedders add their own.
    public static var registry: StageRegistry { StageRegistry(all) }
}
