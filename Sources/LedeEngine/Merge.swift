import Foundation
import LedeCore
import LedeIO

/// Combines the output folders of the shards of one batch (`lede run --shard K/N`) into the outputs a
/// single run over all the inputs would have written, with its manifest.
///
/// The shards must come from the same pipeline file (same SHA-256) and cover every shard index once.
/// Documents are put back in the single run's order from each shard's `order.jsonl`; each collecting
/// stage then rebuilds its own outputs (``Collector/merge(_:documents:)``), and the engine merges
/// `rejects.jsonl`.
public enum Merge {
    /// One line of a shard's order file.
    struct Entry: Decodable {
        var file: Int
        var line: Int
        var n: Int
        var id: String
        var rejected: Bool?
    }

    /// Merges `shards` into `output`, returning the summary of the merged run.
    public static func run(shards: [String], output outputPath: String, registry: StageRegistry,
                           tool: Manifest.Tool) throws -> RunSummary {
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
        let pipeline = try Pipeline.load(file: pipelineFile, registry: registry, outputOverride: outputPath, resolveInputs: false)

        // Every document and reject, in the order one run would have produced them.
        var entries: [(Entry, Int)] = []
        for (s, folder) in shards.enumerated() {
            try Task.checkCancellation()
            let path = Paths.join(folder, Engine.orderFile)
            let reader = try LineReader(path: path)
            while case .line(let line, let number) = reader.next() {
                do {
                    entries.append((try JSONDecoder().decode(Entry.self, from: Data(line)), s))
                } catch {
                    throw IOFailure("line \(number) is not an order entry: \(error)", path: path)
                }
            }
        }
        entries.sort { a, b in (a.0.file, a.0.line, a.0.n) < (b.0.file, b.0.line, b.0.n) }
        let documents = entries.filter { $0.0.rejected != true }.map { MergeStep(shard: $0.1, id: $0.0.id) }

        let output = OutputFolder(path: pipeline.output)
        let lock = try output.open()
        defer { withExtendedLifetime(lock) {} }
        var summary = RunSummary()
        summary.stages = pipeline.stages.map { StageCount(stage: $0.name) }
        let context = CollectorContext(output: output, pipelineName: pipeline.name)
        var collectors: [any Collector] = []
        let rejects = try output.create("rejects.jsonl")
        // Until the commit, a signal (a cancelled task) stops every write and discards what was written.
        output.interruption.isOn = true
        do {
            for stage in pipeline.stages {
                if case .collecting(let make) = stage.instance { collectors.append(try make(context)) }
            }
            // Rejects, in order.
            let readers = try shards.map { try LineReader(path: Paths.join($0, "rejects.jsonl")) }
            for (entry, s) in entries where entry.rejected == true {
                guard case .line(let line, _) = readers[s].next() else {
                    throw IOFailure("has fewer rejects than its order file says", path: Paths.join(shards[s], "rejects.jsonl"))
                }
                try rejects.write(line + [0x0A])
            }
            for collector in collectors {
                try Task.checkCancellation()
                try collector.merge(shards, documents: documents)
            }
            // The commit, once begun, is finished (see Engine.run).
            try Task.checkCancellation()
            output.interruption.isOn = false
            for collector in collectors { try collector.finish(&summary) }
            try rejects.commit()
            summary.outputs.append("rejects.jsonl")
        } catch {
            for collector in collectors { collector.discard() }
            rejects.discard()
            output.commitSet.discardAll()
            throw error
        }
        summary.documents = manifests.map(\.counts.documents).reduce(0, +)
        summary.rejected = manifests.map(\.counts.rejected).reduce(0, +)
        summary.warnings = manifests.map(\.counts.warnings).reduce(0, +)

        let manifest = Manifest(
            manifest: Manifest.version, invocation: first.invocation, tool: tool, pipeline: first.pipeline, shard: nil,
            // JSON Lines files are read by every shard (each keeps its own lines): list each file once.
            inputs: Dictionary(manifests.flatMap(\.inputs).map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
                .values.sorted { $0.index < $1.index },
            outputs: try Manifest.outputs(summary.outputs, in: output),
            counts: Manifest.Counts(documents: summary.documents, rejected: summary.rejected, warnings: summary.warnings),
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
