/// A problem with one document. The engine quarantines the document in `rejects.jsonl` and the batch goes on.
///
/// Stages throw this for input they cannot handle; any other error a stage throws is treated the same way,
/// but this one lets the stage say why in words a user can act on.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    /// Why the document was rejected.
    public var reason: String

    /// Creates a document error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
