import Foundation
import LedeIO

/// The state of a collecting stage during one run. It is used from one task only, except ``prepare``.
public protocol Collector: AnyObject {
    /// What ``prepare`` makes of one document for ``consume(_:prepared:)``: a writer's serialized record,
    /// the stats' figures. A collector without a prepare step leaves it `Void`.
    associatedtype Prepared: Sendable = Void
    /// Sees one document, in input order. It may add to the document (per-document stats) for later collectors.
    func consume(_ document: inout Document) throws
    /// The part of `consume` that needs no other document (computing a document's figures, serializing its
    /// record), or nil. The engine runs it on the worker tasks, in parallel, right after the per-document
    /// stages and after the `prepare` of the collectors before this one, and hands what it returns to
    /// ``consume(_:prepared:)`` in input order; so a writer's serializing scales with `--jobs` while its
    /// file is still written in order. It may change the document, as `consume` may.
    var prepare: (@Sendable (inout Document) throws -> Prepared)? { get }
    /// Sees one document, in input order, with what ``prepare`` returned for it.
    func consume(_ document: inout Document, prepared: Prepared) throws
    /// Sees a rejected document, in input order.
    func rejected(_ reject: Reject)
    /// Ends the run: publish batch results into the summary, commit output files.
    func finish(_ summary: inout RunSummary) throws
    /// The run failed: drop anything uncommitted.
    func discard()
}

extension Collector {
    /// By default a collector does all its work in `consume`.
    public var prepare: (@Sendable (inout Document) throws -> Prepared)? { nil }
    /// By default, `consume(_:)`.
    public func consume(_ document: inout Document, prepared: Prepared) throws { try consume(&document) }
    /// By default a collector ignores rejects.
    public func rejected(_ reject: Reject) {}
    /// By default a collector has nothing to drop.
    public func discard() {}
}

/// A collector with its ``Collector/Prepared`` type erased, in the one place that erases it: the engine
/// and the write stage, which hold collectors of many kinds, keep them as this. What its ``prepare`` makes
/// goes back to the same collector's `consume`, so the type is restored without a cast that could fail
/// silently: a wrong one stops the program.
public struct AnyCollector {
    /// The collector itself, for the calls that involve no prepared value.
    public let base: any Collector
    /// The collector's prepare step, its result erased; nil when it has none.
    public let prepare: (@Sendable (inout Document) throws -> any Sendable)?
    private let consumePrepared: (inout Document, any Sendable) throws -> Void

    /// Wraps a collector.
    public init<C: Collector>(_ collector: C) {
        base = collector
        if let step = collector.prepare {
            prepare = { document in try step(&document) }
        } else {
            prepare = nil
        }
        consumePrepared = { document, value in
            guard let prepared = value as? C.Prepared else {
                preconditionFailure("\(C.self) was handed a prepared value of another collector: \(type(of: value))")
            }
            try collector.consume(&document, prepared: prepared)
        }
    }

    /// Consumes a document with what ``prepare`` made of it, or with nothing when no prepare step ran.
    public func consume(_ document: inout Document, prepared: (any Sendable)?) throws {
        if let prepared { try consumePrepared(&document, prepared) } else { try base.consume(&document) }
    }
}

