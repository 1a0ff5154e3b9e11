import Foundation
import LedeIO

/// The state of a collecting stage during one run. It is used from one task only, except ``prepare``.
public protocol Collector: AnyObject {
    /// Sees one document, in input order. It may add to the document (per-document stats) for later collectors.
    func consume(_ document: inout Document) throws
    /// The part of `consume` that needs no other document (computing a document's figures, serializing its
    /// record), or nil. The engine runs it on the worker tasks, in parallel, right after the per-document
    /// stages and after the `prepare` of the collectors before this one, and hands what it returns to
    /// ``consume(_:prepared:)`` in input order; so a writer's serializing scales with `--jobs` while its
    /// file is still written in order. It may change the document, as `consume` may.
    var prepare: (@Sendable (inout Document) throws -> (any Sendable)?)? { get }
    /// Sees one document, in input order, with what ``prepare`` returned for it.
    func consume(_ document: inout Document, prepared: (any Sendable)?) throws
    /// Sees a rejected document, in input order.
    func rejected(_ reject: Reject)
    /// Ends the run: publish batch results into the summary, commit output files.
    func finish(_ summary: inout RunSummary) throws
    /// The run failed: drop anything uncommitted.
    func discard()
    /// Fills this collector's outputs from the output folders of several shards instead of from documents,
    /// so that ``finish(_:)`` commits exactly what one run over all the inputs would have. `documents`
    /// says, in the order of that single run, which shard each document is in and its id; each shard's own
    /// outputs list its documents in the same relative order. Throw ``CannotMerge`` when the output cannot
    /// be rebuilt from shards.
    func merge(_ shards: [String], documents: [MergeStep]) throws
}

/// One document in the order of a merged run: the shard folder (an index into the list given to
/// ``Collector/merge(_:documents:)``) it is in, and its id.
public struct MergeStep: Sendable, Hashable {
    /// Index of the shard folder.
    public var shard: Int
    /// The document id.
    public var id: String

    /// Creates a step.
    public init(shard: Int, id: String) {
        self.shard = shard
        self.id = id
    }
}

/// A collector whose output cannot be rebuilt from shard outputs (the HTML report, which needs documents).
public struct CannotMerge: Error, Sendable, CustomStringConvertible {
    /// Why, and what to do instead.
    public var reason: String
    /// Creates the error.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}

extension Collector {
    /// By default a collector does all its work in `consume`.
    public var prepare: (@Sendable (inout Document) throws -> (any Sendable)?)? { nil }
    /// By default, `consume(_:)`.
    public func consume(_ document: inout Document, prepared: (any Sendable)?) throws { try consume(&document) }
    /// By default a collector ignores rejects.
    public func rejected(_ reject: Reject) {}
    /// By default a collector has nothing to drop.
    public func discard() {}
    /// By default a collector cannot merge.
    public func merge(_ shards: [String], documents: [MergeStep]) throws {
        throw CannotMerge("this output is not rebuilt from shards")
    }
}
