/// A file a stage read, as read: the run manifest lists these for each stage.
public struct RecordedFile: Codable, Sendable, Equatable {
    /// The path as the pipeline names it.
    public var path: String
    /// The absolute path it was read from.
    public var location: String
    /// Bytes read.
    public var bytes: Int
    /// SHA-256 of those bytes.
    public var sha256: String
}
