import Foundation
import LedeIO
import Logging
import Synchronization

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
        files.record(RecordedFile(path: path, location: Paths.absolute(resolved), bytes: bytes.count,
                                   sha256: Digest.sha256(bytes)))
        return bytes
    }
}

/// The files a stage read through its ``StageContext``, in the order read.
public final class StageFiles: Sendable {
    private let recorded = Mutex<[RecordedFile]>([])

    /// Creates an empty record.
    public init() {}

    func record(_ file: RecordedFile) { recorded.withLock { $0.append(file) } }

    /// What was read.
    public var all: [RecordedFile] { recorded.withLock { $0 } }
}
