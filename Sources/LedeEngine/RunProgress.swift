/// How far a run is, reported from the ordered consumer as documents complete.
public struct RunProgress: Sendable {
    /// Documents (and rejects) completed.
    public var completed: Int
    /// Input bytes completed.
    public var bytes: Int
    /// Total input bytes, when known from file sizes.
    public var totalBytes: Int?
    /// Seconds since the start.
    public var elapsed: Double
}
