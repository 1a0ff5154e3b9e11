import Foundation

/// A quarantined document: which one, where from, which stage refused it and why.
public struct Reject: Error, Sendable, Hashable {
    /// The document id (or the best id known, if it could not be read).
    public var id: String
    /// Where it came from.
    public var source: DocumentSource
    /// The stage that failed, or `read` when the input itself was bad.
    public var stage: String
    /// Why.
    public var reason: String

    /// Creates a reject record.
    public init(id: String, source: DocumentSource, stage: String, reason: String) {
        self.id = id
        self.source = source
        self.stage = stage
        self.reason = reason
    }
}
