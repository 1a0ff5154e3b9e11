/// A failure to read inputs or write outputs. It stops the run cleanly, leaving no partial output (exit 3).
public struct IOFailure: Error, Sendable, CustomStringConvertible {
    /// The path involved.
    public var path: String
    /// What failed.
    public var message: String

    /// Creates an I/O failure.
    public init(_ message: String, path: String) {
        self.message = message
        self.path = path
    }

    /// `error: PATH: message`.
    public var description: String { "error: \(path): \(message)" }
}
