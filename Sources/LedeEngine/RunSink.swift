import Foundation
import LedeCore
import LedeIO
import LedePipeline
import LedeRecord
import Logging

/// The ordered end of a run: takes each input's result in input order, counts it, hands its documents to
/// the collecting stages and its rejects to `rejects.jsonl` (and, for a shard, writes its line of
/// `order.jsonl`), then commits or discards every output as one unit.
///
/// `lede run` feeds it results computed by the stages or taken from the journal; `lede merge` feeds it the
/// results the shards kept in their journals, in the order one run over all the inputs would have seen
/// them, so a merged folder is written by the same code as a single run and is byte-identical to it.
final class RunSink {
    /// The counts so far; complete once ``finish()`` returns.
    private(set) var summary = RunSummary()
    /// The collecting stages, by name, in pipeline order.
    let collectors: [(name: String, collector: AnyCollector)]
    /// The collectors' `prepare` steps, for the workers (or the merge) to run before ``consume(_:)``.
    let preparers: Engine.Preparers
    /// The collectors' names, for errors from their `prepare` steps.
    let preparerNames: [String]

    private let output: OutputFolder
    private let rejects: AtomicFile
    private let order: AtomicFile?
    /// The pipeline index of each per-document stage, in the order of a result's `seen` and `passed`.
    private let perDocument: [Int]
    /// Where the collecting stages start in the pipeline.
    private let firstCollector: Int
    /// A 64-bit hash per id, not the id: a batch of ten million documents costs 80 MB, not a gigabyte.
    private var seenIds = Set<Int>()

    /// Opens the collectors and the engine's own files in `output`; `writesOrder` for a shard.
    init(pipeline: Pipeline, output: OutputFolder, logger: Logger, writesOrder: Bool) throws {
        self.output = output
        let context = CollectorContext(output: output, pipelineName: pipeline.name, logger: logger)
        var collectors: [(name: String, collector: AnyCollector)] = []
        var perDocument: [Int] = []
        do {
            for (index, stage) in pipeline.stages.enumerated() {
                if case .collecting(let make) = stage.instance {
                    collectors.append((stage.name, AnyCollector(try make(context))))
                } else {
                    perDocument.append(index)
                }
            }
            rejects = try output.create("rejects.jsonl")
            order = writesOrder ? try output.create(Engine.orderFile) : nil
        } catch {
            for (_, collector) in collectors { collector.base.discard() }
            throw error
        }
        self.collectors = collectors
        self.perDocument = perDocument
        firstCollector = pipeline.stages.count - collectors.count
        preparers = collectors.map(\.collector.prepare)
        preparerNames = collectors.map(\.name)
        summary.stages = pipeline.stages.map { StageCount(stage: $0.name) }
    }

    /// Takes one input's result, in input order. Throws when the result carries a stage's failure, or when
    /// a collector or an output fails: the run then stops, and ``discard()`` drops what was written.
    func consume(_ result: Engine.Result) throws {
        if let failure = result.failure { throw failure }
        if let failure = result.prepareFailure { throw failure }
        if let order { try order.write(Self.orderLine(result)) }
        summary.inputBytes += result.bytes
        for (i, seen) in result.seen.enumerated() { summary.stages[perDocument[i]].seen += seen }
        for (i, passed) in result.passed.enumerated() { summary.stages[perDocument[i]].passed += passed }
        for outcome in result.outcomes {
            switch outcome {
            case .document(var document, let prepared):
                if !seenIds.insert(document.id.hashValue).inserted {
                    summary.duplicateIds += 1
                    if summary.firstDuplicateIds.count < 5 { summary.firstDuplicateIds.append(document.id) }
                }
                for (i, (name, collector)) in collectors.enumerated() {
                    summary.stages[firstCollector + i].seen += 1
                    do {
                        try collector.consume(&document, prepared: i < prepared.count ? prepared[i] : nil)
                    } catch {
                        throw Engine.collectorFailure(error, stage: name, document: document.id, output: output.path)
                    }
                    summary.stages[firstCollector + i].passed += 1
                }
                summary.documents += 1
                summary.warnings += document.detailedWarnings.count
            case .rejected(let reject, let stageIndex):
                summary.rejected += 1
                if stageIndex >= 0 { summary.stages[stageIndex].rejected += 1 }
                if summary.firstRejects.count < 10 { summary.firstRejects.append(reject) }
                try rejects.write(Record.line(reject))
                for (_, collector) in collectors { collector.base.rejected(reject) }
            }
        }
    }

    /// Ends the collectors (each publishes into the summary and gathers its files for the commit), then
    /// `rejects.jsonl` and `order.jsonl`. On a failure the caller calls ``discard()``.
    func finish() throws {
        for (name, collector) in collectors {
            do {
                try collector.base.finish(&summary)
            } catch let error as IOFailure {
                throw error
            } catch {
                throw IOFailure("stage '\(name)' failed to finish: \(error)", path: output.path)
            }
        }
        try rejects.commit()
        summary.outputs.append("rejects.jsonl")
        if let order {
            try order.commit()
            summary.outputs.append(Engine.orderFile)
        }
    }

    /// Drops every output of the run that is not committed.
    func discard() {
        for (_, collector) in collectors { collector.base.discard() }
        rejects.discard()
        order?.discard()
        output.commitSet.discardAll()
    }

    /// A shard's line of `order.jsonl` for one input: its position in the full input list, the key of its
    /// result in the shard's journal (none for an input that could not be read, which is not journaled),
    /// and how many documents and rejects it gave, so that `lede merge` can take its outcomes back.
    static func orderLine(_ result: Engine.Result) -> [UInt8] {
        var documents = 0, rejected = 0
        for outcome in result.outcomes {
            if case .document = outcome { documents += 1 } else { rejected += 1 }
        }
        var json = JSONWriter(capacity: 128)
        json.beginObject()
        json.key("file"); json.int(result.position.file)
        json.key("line"); json.int(result.position.line)
        if let key = result.key { json.key("key"); json.string(key.hex) }
        json.key("documents"); json.int(documents)
        json.key("rejects"); json.int(rejected)
        json.endObject()
        json.raw(0x0A)
        return json.bytes
    }
}
