import Foundation
import LedeCore
import LedeInput
import LedeIO
import LedePipeline
import LedeRecord
import Logging

/// Runs a validated pipeline: streams inputs through the per-document stages on `jobs` parallel tasks,
/// puts results back into input order, and feeds the collecting stages. Memory stays bounded by the
/// number of documents in flight.
public struct Engine: Sendable {
    /// The pipeline.
    public let pipeline: Pipeline
    /// Parallel workers for per-document stages.
    public let jobs: Int
    /// Called from time to time with progress.
    public let progress: (@Sendable (RunProgress) -> Void)?
    /// Diagnostics.
    public let logger: Logger
    /// The slice of the inputs to process, when the batch is split across machines.
    public let shard: Shard?
    /// What the manifest says wrote the outputs.
    public let tool: Manifest.Tool
    /// Whether the run keeps a journal, and whether it reuses the one it finds.
    public let journal: JournalMode
    /// `--limit N`: only the first N inputs (text files, or JSON Lines lines), in input order, are read.
    public let limit: Int?
    /// `--resume`: the run refuses to continue a journal left by a run with another ``limit``.
    public let resuming: Bool

    /// The file, in a shard's output folder, that lists its documents in order with their input positions,
    /// so that `lede merge` can interleave shards into the order of a single run.
    public static let orderFile = "order.jsonl"

    /// Creates an engine.
    public init(pipeline: Pipeline, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                logger: Logger = Logger(label: "lede"), progress: (@Sendable (RunProgress) -> Void)? = nil,
                shard: Shard? = nil, tool: Manifest.Tool = Manifest.Tool(version: "unknown"), journal: JournalMode = .write,
                limit: Int? = nil, resuming: Bool = false) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
        self.logger = logger
        self.progress = progress
        self.shard = shard
        self.tool = tool
        self.journal = journal
        self.limit = limit
        self.resuming = resuming
    }

    /// One document's way through the per-document stages: documents and rejects, in order.
    enum Outcome: Sendable {
        /// A document that went through, with what each collector's `prepare` returned for it.
        case document(Document, prepared: [(any Sendable)?])
        case rejected(Reject, stageIndex: Int)
    }

    /// The collectors' `prepare` steps, in pipeline order (nil where a collector has none).
    typealias Preparers = [(@Sendable (inout Document) throws -> any Sendable)?]

    struct Result: Sendable {
        var outcomes: [Outcome]
        /// Where the input stands in the run's input order.
        var position: InputPosition
        var bytes: Int
        var seen: [Int]
        var passed: [Int]
        /// A stage that cannot go on: the run stops when this result's turn comes.
        var failure: StageFailure?
        /// A collector's `prepare` failed: the run stops when this result's turn comes, as if `consume` had.
        var prepareFailure: IOFailure? = nil
        /// The result's key in the journal (nil when it is not journaled).
        var key: JournalKey? = nil
        /// Taken from the journal rather than computed.
        var reused = false
        /// The size and digest of the text file this result came from, read on the worker.
        var fileDigest: FileDigest? = nil
    }

    /// Runs the pipeline.
    ///
    /// - Throws: ``IOFailure`` when outputs cannot be written, `CancellationError` when the task is
    ///   cancelled; either way nothing partial is left under a final name.
    public func run() async throws -> RunSummary {
        let start = Date()
        let output = OutputFolder(path: pipeline.output)
        // Every output of this run is committed as one unit, after the manifest is written.
        let lock = try output.open()
        defer { withExtendedLifetime(lock) {} }
        try RunLimit.check(output: output.path, limit: limit, resuming: resuming, journal: journal)
        let store = JournalStore(output: output, fingerprint: JournalStore.fingerprint(of: pipeline, tool: tool), mode: journal)
        let journalFiler = journal == .off ? nil : try JournalFiler(store: store)

        let perDocument: [(Int, String, StageInstance)] = pipeline.stages.enumerated().compactMap { index, stage in
            if case .collecting = stage.instance { return nil }
            return (index, stage.name, stage.instance)
        }
        let sink = try RunSink(pipeline: pipeline, output: output, logger: logger, writesOrder: shard != nil)

        // Only progress reports need it: a stat of every input, on this one task, before the first is read.
        let totalBytes = progress == nil ? nil : pipeline.inputs.reduce(0) { total, file -> Int? in
            guard let total, file.path != "-", let size = Paths.size(file.path) else { return nil }
            return total + size
        }
        var completed = 0
        var reused = 0
        var lastReport = Date()
        var inputs = InputDigests(files: [])
        // Text files are read (and hashed) on the workers: their digests arrive with the results, in order.
        var textDigests = InputDigests(files: pipeline.inputs)

        func consume(_ result: Result) throws {
            try sink.consume(result)
            if result.reused { reused += 1 }
            if let digest = result.fileDigest { textDigests.append(digest) }
            completed += 1
            if let progress, Date().timeIntervalSince(lastReport) >= 0.2 {
                lastReport = Date()
                progress(RunProgress(completed: completed, bytes: sink.summary.inputBytes, totalBytes: totalBytes,
                                  elapsed: Date().timeIntervalSince(start)))
            }
        }

        do {
            var reader = InputReader(files: pipeline.inputs, format: pipeline.input.format)
            reader.shard = shard
            reader.limit = limit
            reader.maxDocument = pipeline.input.maxDocument
            let spec = pipeline.input
            let stages = perDocument.map { ($0.1, $0.2) }
            let stageIndexes = perDocument.map(\.0)
            let preparers = sink.preparers
            let preparerNames = sink.preparerNames
            let outputPath = output.path
            // Stages that wait on other processes (exec) need several documents in flight per worker, so
            // the pipe to each worker never sits idle; the pool's threads still bound the computing.
            let waits = stages.contains { if case .waiting = $0.1 { return true } else { return false } }
            let width = waits ? jobs * 8 : jobs
            // Inputs go to the workers in small batches, which each stage runs over in turn: a stage's
            // tables (a gazetteer, a word list) stay in the cache across the batch instead of being evicted
            // by the next stage's after every document. Plugin stages keep one input per task, so many
            // stay in flight.
            let batchInputs = waits ? 1 : Self.batchInputs
            let maxAhead = width * (waits ? 8 : 4)
            let cache = JournalCache(store: journalFiler == nil ? nil : store, reuse: journal == .reuse, stages: stages.count)
            try await OrderedMap.run(width: width, maxAhead: maxAhead, next: { () -> [RawInput]? in
                var batch: [RawInput] = []
                var bytes = 0
                while batch.count < batchInputs, bytes < Self.batchBytes, let raw = reader.next() {
                    bytes += raw.byteCount
                    batch.append(raw)
                }
                return batch.isEmpty ? nil : batch
            }, transform: { batch in
                let batch = batch.map { $0.loaded() }
                var (results, kept) = await cache.results(for: batch) { fresh in
                    await Engine.process(fresh, spec: spec, stages: stages, stageIndexes: stageIndexes)
                }
                for n in results.indices {
                    results[n].fileDigest = batch[n].fileDigest
                    Engine.prepare(&results[n], preparers, names: preparerNames, output: outputPath)
                }
                return (results, kept)
            }, consume: { results, kept in
                for result in results { try consume(result) }
                if let journalFiler, let kept { try journalFiler.file(kept) }
            })
            await Engine.finish(stages)
            // A signal that came before the commit stops the run with nothing new committed. Once the commit
            // has begun it is finished (the runner still exits 130/143): stopping between two files would
            // leave outputs from two different runs side by side.
            try Task.checkCancellation()
            // The journal is committed before the outputs: should they fail (a full disk), the work is kept.
            try journalFiler?.commit()
            try sink.finish()
            switch pipeline.input.format {
            case .text: inputs = textDigests
            case .jsonl: inputs = reader.digests
            case .html:
                // Pages are read by the workers, JSON Lines of pages by the reader.
                inputs = textDigests
                inputs.append(contentsOf: reader.digests)
            }
        } catch {
            // Whatever stopped the run (a signal, a failing stage, a full disk), the results computed so far
            // stay in the journal for `--resume`; if even that cannot be written, nothing under a final name.
            do { try journalFiler?.commit() } catch { journalFiler?.discard() }
            await Engine.finish(perDocument.map { ($0.1, $0.2) })
            sink.discard()
            throw error
        }
        var summary = sink.summary
        summary.reused = reused
        do {
            try writeManifest(summary: summary, inputs: inputs, output: output)
            try output.commitGathered()
        } catch {
            output.commitSet.discardAll()
            throw error
        }
        summary.outputs.append(Manifest.fileName)
        // Every result this run used is in its own parts now; the parts it found are no longer needed.
        store.removeOldParts()
        summary.journaled = journalFiler?.committed ?? 0
        summary.seconds = Date().timeIntervalSince(start)
        if let progress {
            progress(RunProgress(completed: completed, bytes: summary.inputBytes, totalBytes: totalBytes, elapsed: summary.seconds))
        }
        return summary
    }

    /// Inputs a worker takes at once, and the bytes at which a batch closes early (a long document goes alone).
    /// Sixty-four short news articles (about 70 KB) let each stage run long enough over the batch to keep its
    /// tables in the cache: about a tenth less CPU per run than sixteen on the benchmark's corpus. The byte limit,
    /// which bounds the memory in flight, is unchanged.
    static let batchInputs = 64
    static let batchBytes = 256 << 10

    /// Decodes a batch of inputs and runs them through the per-document stages, one stage over the whole
    /// batch at a time. Each input's outcomes keep its documents' order (an input split at its separator
    /// lines gives several). Pure: the same inputs always give the same outcomes.
    static func process(_ raws: [RawInput], spec: InputSpec, stages: [(String, StageInstance)], stageIndexes: [Int]) async -> [Result] {
        /// One place in an input's outcomes: a document still going through the stages, or settled.
        enum Slot {
            case live(Document)
            case settled(Outcome)
        }
        var results: [Result] = []
        var slots: [[Slot]] = []
        for raw in raws {
            results.append(Result(outcomes: [], position: raw.position, bytes: raw.byteCount, seen: Array(repeating: 0, count: stages.count),
                                  passed: Array(repeating: 0, count: stages.count), failure: nil))
            switch InputDecoder.documents(from: raw, spec: spec) {
            case .failure(let reject): slots.append([.settled(.rejected(reject, stageIndex: -1))])
            case .success(let documents): slots.append(documents.map { .live($0) })
            }
        }
        for (index, (name, instance)) in stages.enumerated() {
            for n in results.indices where results[n].failure == nil {
                // The slots are taken out of `slots`, so that each document is held once: a second holder would
                // make the stage's first change to the document copy its layers, stats and lists.
                var current = slots[n]
                slots[n] = []
                current.reverse()
                var next: [Slot] = []
                next.reserveCapacity(current.count)
                while let slot = current.popLast() {
                    var document: Document
                    switch consume slot {
                    case .live(let live) where results[n].failure == nil: document = live
                    case let other:
                        next.append(other)
                        continue
                    }
                    results[n].seen[index] += 1
                    do {
                        switch instance {
                        case .document(let process):
                            try process(&document)
                            results[n].passed[index] += 1
                            next.append(.live(document))
                        case .waiting(let process, _):
                            try await process(&document)
                            results[n].passed[index] += 1
                            next.append(.live(document))
                        case .collecting:
                            next.append(.live(document))
                        }
                    } catch let failure as StageFailure {
                        results[n].failure = failure
                    } catch {
                        let reason = (error as? DocumentError)?.reason ?? "\(error)"
                        next.append(.settled(.rejected(Reject(id: document.id, source: document.source, stage: name, reason: reason),
                                                       stageIndex: stageIndexes[index])))
                    }
                }
                slots[n] = next
            }
        }
        for n in results.indices where results[n].failure == nil {
            results[n].outcomes = slots[n].map { slot in
                switch slot {
                case .live(let document): return .document(document, prepared: [])
                case .settled(let outcome): return outcome
                }
            }
        }
        return results
    }

    /// Writes `manifest.json`, last: every output is committed by now.
    func writeManifest(summary: RunSummary, inputs: InputDigests, output: OutputFolder) throws {
        let manifest = Manifest(
            manifest: Manifest.version,
            invocation: Manifest.Invocation(directory: FileManager.default.currentDirectoryPath, pipeline: pipeline.file,
                                            input: pipeline.inputOverride, format: pipeline.input.format.rawValue, limit: limit,
                                            textField: pipeline.textFieldOverride, idField: pipeline.idFieldOverride,
                                            set: pipeline.settings.isEmpty ? nil : pipeline.settings.map(\.argument)),
            tool: tool,
            pipeline: Manifest.PipelineInfo(file: Paths.absolute(pipeline.file), sha256: Digest.sha256(pipeline.fileBytes),
                                            name: pipeline.name, inputFormat: pipeline.input.format.rawValue,
                                            stages: Manifest.stages(of: pipeline)),
            shard: shard,
            inputs: [],
            outputs: try Manifest.outputs(summary.outputs, in: output),
            counts: Manifest.Counts(summary),
            plan: shard.map { Manifest.Plan(inputs: pipeline.inputs, shards: $0.count, limit: limit) },
            skipped: pipeline.skippedInputs.isEmpty ? nil : pipeline.skippedInputs)
        let workingFolder = FileManager.default.currentDirectoryPath
        try manifest.write(to: output, inputs: inputs.lazy.map {
            Manifest.Input(path: $0.path, location: Paths.absolute($0.location, workingFolder: workingFolder), index: $0.index,
                           bytes: $0.bytes, sha256: $0.sha256)
        })
    }

    /// Runs the collectors' `prepare` steps on each document of a result, in pipeline order.
    static func prepare(_ result: inout Result, _ preparers: Preparers, names: [String], output: String) {
        // Without prepare steps the outcomes keep their empty lists, which consume reads as all nil.
        guard preparers.contains(where: { $0 != nil }) else { return }
        for (n, outcome) in result.outcomes.enumerated() {
            guard case .document(var document, _) = outcome else { continue }
            var prepared: [(any Sendable)?] = []
            for (i, prepare) in preparers.enumerated() {
                do {
                    prepared.append(try prepare.map { try $0(&document) })
                } catch {
                    result.prepareFailure = collectorFailure(error, stage: names[i], document: document.id, output: output)
                    return
                }
            }
            result.outcomes[n] = .document(document, prepared: prepared)
        }
    }

    /// A collector failed on a document: the run stops as for any output failure (exit 3).
    static func collectorFailure(_ error: any Error, stage: String, document: String, output: String) -> IOFailure {
        error as? IOFailure ?? IOFailure("stage '\(stage)' failed on document '\(document)': \(error)", path: output)
    }

    /// Ends the stages that hold resources (worker processes), once per run.
    static func finish(_ stages: [(String, StageInstance)]) async {
        for (_, instance) in stages {
            if case .waiting(_, let finish) = instance { await finish() }
        }
    }
}
