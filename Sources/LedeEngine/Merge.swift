import Foundation
import LedeCore
import LedeIO
import LedePipeline
import LedeInput
import LedeRecord
import Logging

/// Combines the output folders of the shards of one batch (`lede run --shard K/N`) into the outputs a
/// single run over all the inputs would have written, with its manifest.
///
/// The shards must come from the same pipeline file (same SHA-256) and cover every shard index once.
/// Each shard kept, in its journal, what the per-document stages made of each of its inputs. The merge
/// takes those results back in the order a single run over all the inputs would have computed them (each
/// shard's `order.jsonl` gives its inputs' positions) and feeds them through the same collecting stages
/// and the same ``RunSink`` as a run: every output, the HTML report included, is the single run's, byte
/// for byte. No collector reads another's files.
public enum Merge {
    /// Merges `shards` into `output`, returning the summary of the merged run.
    public static func run(shards: [String], output outputPath: String, registry: StageRegistry,
                           tool: Manifest.Tool, logger: Logger = Logger(label: "lede")) throws -> RunSummary {
        guard !shards.isEmpty else { throw ConfigError("lede merge needs the output folders of the shards") }
        guard !outputPath.isEmpty else { throw ConfigError("--output is empty", hint: "name the folder for the merged outputs") }
        // The output folder may be neither a shard nor inside one: writing there would overwrite the shard.
        let target = Paths.resolved(outputPath)
        for folder in shards {
            let shard = Paths.resolved(folder)
            if target == shard || target.utf8.starts(with: (shard == "/" ? "/" : shard + "/").utf8) {
                throw ConfigError("the output folder \(outputPath) is \(target == shard ? "" : "inside ")the shard \(folder), which the merge reads",
                                  hint: "merge into a new folder: --output \(Paths.join(Paths.directory(of: Paths.normalize(folder)), "merged"))")
            }
        }
        let manifests = try shards.map { try Manifest.read(folder: $0) }
        let first = manifests[0]
        guard let count = first.shard?.count else {
            throw ConfigError("\(shards[0]) is not the output of a shard (its manifest has no shard)", hint: "run with --shard K/N")
        }
        // Every shard must be a slice of the same batch: the same full input list, cut into the same N.
        guard let plan = first.plan else {
            throw ConfigError("\(shards[0]) does not record the batch it is a shard of (made by an older lede?)",
                              hint: "run the shards again with this version of lede")
        }
        var indexes: [Int: String] = [:]
        for (folder, manifest) in zip(shards, manifests) {
            if let other = manifest.plan, other.limit != plan.limit {
                func said(_ limit: Int?) -> String { limit.map { "--limit \($0)" } ?? "no --limit" }
                throw ConfigError("\(folder) was run with \(said(other.limit)), \(shards[0]) with \(said(plan.limit))",
                                  hint: "run every shard with the same --limit")
            }
            guard manifest.plan == plan else {
                throw ConfigError("\(folder) was cut from other inputs than \(shards[0]) " +
                                  "(\(manifest.plan.map { "\($0.files) input files, list SHA-256 \($0.sha256.prefix(12))" } ?? "no plan recorded") " +
                                  "against \(plan.files) input files, list SHA-256 \(plan.sha256.prefix(12)))",
                                  hint: "run every shard with the same pipeline, --input and --shard K/\(plan.shards)")
            }
            guard manifest.pipeline.sha256 == first.pipeline.sha256 else {
                throw ConfigError("\(folder) was made by another pipeline than \(shards[0]) (pipeline SHA-256 differs)")
            }
            guard manifest.invocation.set == first.invocation.set else {
                func said(_ set: [String]?) -> String { set.map { $0.map { "--set \($0)" }.joined(separator: " ") } ?? "no --set" }
                throw ConfigError("\(folder) was run with \(said(manifest.invocation.set)), \(shards[0]) with \(said(first.invocation.set))",
                                  hint: "run every shard with the same --set overrides")
            }
            guard let shard = manifest.shard, shard.count == count else {
                throw ConfigError("\(folder) is not one of the \(count) shards of \(shards[0])")
            }
            if let other = indexes[shard.index] { throw ConfigError("\(folder) and \(other) are both shard \(shard)") }
            indexes[shard.index] = folder
        }
        let missing = (0..<count).filter { indexes[$0] == nil }
        guard missing.isEmpty else {
            throw ConfigError("shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing: a merge needs all \(count)")
        }

        // The pipeline, as the shards ran it: its file must not have changed.
        let pipelineFile = first.pipeline.file
        guard let bytes = try? Paths.read(pipelineFile), Digest.sha256(bytes) == first.pipeline.sha256 else {
            throw ConfigError("the pipeline \(pipelineFile) is missing or has changed since the shards ran")
        }
        // With the shards' overrides: a `--set` on a writer changes what the merge writes too.
        let settings = try (first.invocation.set ?? []).map { try Setting(parsing: $0, flag: "--set") }
        let pipeline = try Pipeline.load(file: pipelineFile, registry: registry, outputOverride: outputPath, resolveInputs: false,
                                         settings: settings)

        let output = OutputFolder(path: pipeline.output)
        let lock = try output.open()
        defer { withExtendedLifetime(lock) {} }
        let cursors = try shards.map { try ShardCursor(folder: $0) }
        let stages = pipeline.stages.filter { if case .collecting = $0.instance { false } else { true } }.count
        let sink = try RunSink(pipeline: pipeline, output: output, logger: logger, writesOrder: false)
        // Until the commit, a signal (a cancelled task) stops every write and discards what was written.
        output.interruption.isOn = true
        do {
            // Each shard's order file is in input order: the next input of the single run is the first
            // among the shards' next ones. Kept sorted by position, latest shard first on a tie (none occur).
            var heads: [(position: InputPosition, shard: Int)] = []
            func advance(_ s: Int) throws {
                guard let position = try cursors[s].advance() else { return }
                let at = heads.firstIndex { $0.position > position } ?? heads.endIndex
                heads.insert((position, s), at: at)
            }
            for s in cursors.indices { try advance(s) }
            var count = 0
            while !heads.isEmpty {
                let (_, s) = heads.removeFirst()
                var result = try cursors[s].result(stages: stages)
                Engine.prepare(&result, sink.preparers, names: sink.preparerNames, output: output.path)
                try sink.consume(result)
                try advance(s)
                count += 1
                if count & 1023 == 0 { try Task.checkCancellation() }
            }
            for cursor in cursors { try cursor.checkEnd() }
            // The commit, once begun, is finished (see Engine.run).
            try Task.checkCancellation()
            output.interruption.isOn = false
            try sink.finish()
        } catch {
            sink.discard()
            throw error
        }
        let summary = sink.summary

        let manifest = Manifest(
            manifest: Manifest.version, invocation: first.invocation, tool: tool, pipeline: first.pipeline, shard: nil,
            // JSON Lines files are read by every shard (each keeps its own lines): list each file once.
            inputs: Dictionary(manifests.flatMap(\.inputs).map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
                .values.sorted { $0.index < $1.index },
            outputs: try Manifest.outputs(summary.outputs, in: output),
            counts: Manifest.Counts(summary),
            skipped: first.skipped)
        do {
            try manifest.write(to: output)
            try output.commitGathered()
        } catch {
            output.commitSet.discardAll()
            throw error
        }
        return summary
    }
}

/// One shard as the merge reads it: its order file, its journal, and its rejects, each in input order.
final class ShardCursor {
    /// One line of a shard's order file (``RunSink/orderLine(_:)``).
    struct Entry: Decodable {
        var file: Int
        var line: Int
        var key: String?
        var documents: Int?
        var rejects: Int?
    }

    let folder: String
    private let order: LineReader
    private let orderPath: String
    private let journal: JournalSequence?
    private let rejects: LineReader
    private var entry: Entry?
    private var entryLine = 0
    private let decoder = JSONDecoder()

    init(folder: String) throws {
        self.folder = folder
        orderPath = Paths.join(folder, Engine.orderFile)
        order = try LineReader(path: orderPath)
        journal = JournalSequence(outputFolder: folder)
        rejects = try LineReader(path: Paths.join(folder, "rejects.jsonl"))
    }

    /// Reads the shard's next input and returns its position; nil after the last.
    func advance() throws -> InputPosition? {
        guard case .line(let line, let number) = order.next() else {
            entry = nil
            return nil
        }
        entryLine = number
        let entry: Entry
        do {
            entry = try decoder.decode(Entry.self, from: Data(line))
        } catch {
            throw IOFailure("line \(number) is not an order entry: \(error)", path: orderPath)
        }
        guard entry.documents != nil, entry.rejects != nil else {
            throw ConfigError("\(folder) was written by an older lede, whose shards cannot be merged by this one",
                              hint: "run the shards again with this version of lede")
        }
        self.entry = entry
        return InputPosition(file: entry.file, line: entry.line)
    }

    /// The outcomes of the input ``advance()`` read: from the journal, or, for an input that could not be
    /// read (which is not journaled), its rejects.
    func result(stages: Int) throws -> Engine.Result {
        guard let entry, let documents = entry.documents, let rejected = entry.rejects else {
            preconditionFailure("result() before advance()")
        }
        let position = InputPosition(file: entry.file, line: entry.line)
        // The shard's rejects, in order; the merged run writes each again, from the same reject.
        var lines: [[UInt8]] = []
        for _ in 0..<rejected {
            guard case .line(let line, _) = rejects.next() else {
                throw IOFailure("has fewer rejects than its order file says", path: Paths.join(folder, "rejects.jsonl"))
            }
            lines.append(line)
        }
        guard let hex = entry.key else {
            guard documents == 0 else {
                throw ConfigError("\(folder) was run without a journal (--no-journal): its documents cannot be merged",
                                  hint: "run the shard again without --no-journal")
            }
            return Engine.Result(outcomes: try lines.map { .rejected(try Self.reject(from: $0), stageIndex: -1) },
                                 position: position, bytes: 0, seen: Array(repeating: 0, count: stages),
                                 passed: Array(repeating: 0, count: stages), failure: nil)
        }
        guard let journal else {
            throw ConfigError("\(folder) has no journal (.lede/journal): its documents cannot be merged",
                              hint: "run the shard again without --no-journal, and merge before deleting its journal")
        }
        guard let key = JournalKey(hex: hex), let (filed, record) = try journal.next(), filed == key else {
            throw IOFailure("its journal does not hold the results its order file lists (line \(entryLine))",
                            path: Paths.join(folder, JournalStore.folder))
        }
        let result: Engine.Result
        do {
            result = try Engine.result(from: record, at: position, stages: stages)
        } catch {
            throw IOFailure("its journal holds a record this pipeline cannot read: \(error)", path: Paths.join(folder, JournalStore.folder))
        }
        guard result.outcomes.count == documents + rejected else {
            throw IOFailure("its journal and its order file disagree on line \(entryLine)", path: orderPath)
        }
        return result
    }

    /// Checks that the shard's journal and rejects hold nothing its order file does not list.
    func checkEnd() throws {
        if case .line = rejects.next() {
            throw IOFailure("has more rejects than its order file lists", path: Paths.join(folder, "rejects.jsonl"))
        }
        if let journal, try journal.next() != nil {
            throw IOFailure("holds more results than its order file lists", path: Paths.join(folder, JournalStore.folder))
        }
    }

    /// A line of `rejects.jsonl` read back (``Record/line(_:)-(Reject)``).
    static func reject(from line: [UInt8]) throws -> Reject {
        struct Line: Decodable {
            var id: String
            var source: String
            var source_line: Int?
            var source_part: Int?
            var stage: String
            var reason: String
        }
        let l = try JSONDecoder().decode(Line.self, from: Data(line))
        return Reject(id: l.id, source: DocumentSource(path: l.source, line: l.source_line, part: l.source_part),
                      stage: l.stage, reason: l.reason)
    }
}
