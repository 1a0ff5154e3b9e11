import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LedeStages
import LedeCore
import LedeIO
import LedeEngine
import LedePipeline
import LedeRecord

/// Throughput benchmarks, in a release build:
///
///     swift run -c release lede-bench [--mb 20] [--stage NAME]...
///
/// The corpus is synthetic news made deterministically from Samples/ (see SyntheticCorpus). Each
/// per-document stage of Pipelines/news.yaml is timed alone, on one core, over documents that the stages
/// before it have prepared.
@main
struct LedeBench {
    static func main() throws {
        var megabytes = 20
        var only: [String] = []
        var corpusOut: String?
        var repeats = 3
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--mb": megabytes = Int(arguments.popFirst() ?? "") ?? megabytes
            case "--stage": only.append(arguments.popFirst() ?? "")
            case "--write-corpus": corpusOut = arguments.popFirst()
            case "--repeat": repeats = max(1, Int(arguments.popFirst() ?? "") ?? repeats)
            default:
                print("usage: lede-bench [--mb N] [--stage NAME]... [--repeat N] [--write-corpus DIR | --write-corpus FILE.jsonl]")
                exit(2)
            }
        }
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path
        let corpus = try SyntheticCorpus(samplesFolder: samples)
        if let corpusOut {
            let written = try corpus.write(to: corpusOut, bytes: megabytes * 1_000_000)
            let unit = corpusOut.hasSuffix(".jsonl") ? "documents" : "files"
            print("wrote \(written.files) \(unit), \(written.bytes) bytes of text to \(corpusOut)")
            return
        }
        let texts = corpus.documents(bytes: megabytes * 1_000_000)
        let totalBytes = texts.reduce(0) { $0 + $1.utf8.count }
        print(String(format: "corpus: %d documents, %.1f MB (synthetic, seed 1, from Samples/)", texts.count, Double(totalBytes) / 1e6))

        // Each stage is timed where it runs in Pipelines/news.yaml: on documents prepared (untimed) by the
        // stages before it, with the options that file gives it.
        let root = URL(fileURLWithPath: samples).deletingLastPathComponent().path
        let pipeline = try Pipeline.load(file: root + "/Pipelines/news.yaml", registry: LedeStages.registry,
                                         inputOverride: [samples], outputOverride: NSTemporaryDirectory() + "lede-bench-unused")
        var documents = texts.enumerated().map { Document(id: "\($0.offset)", text: $0.element, source: .init(path: "bench")) }
        let corpusMB = Double(totalBytes) / 1e6
        // The thread's CPU time of the fastest repeat, beside its wall-clock time: on a machine shared with
        // other work the wall clock counts the time the thread waited for a core, its CPU time does not.
        var lastCPU = 0.0
        func report(_ name: String, _ seconds: Double) {
            print(name.padding(toLength: 16, withPad: " ", startingAt: 0)
                  + String(format: "%8.1f MB/s   (%.3f s for %.1f MB, best of %d, one core; %.1f MB/s by CPU time)",
                           corpusMB / seconds, seconds, corpusMB, repeats, corpusMB / lastCPU))
        }
        func threadCPU() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        func best(_ body: () throws -> Void) rethrows -> Double {
            var best = Double.infinity, bestCPU = Double.infinity
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds, cpu = threadCPU()
                try timedRun(body)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                bestCPU = min(bestCPU, threadCPU() - cpu)
            }
            lastCPU = bestCPU
            return best
        }
        var stageSeconds: [(String, Double)] = []
        for stage in pipeline.stages {
            guard let run = instance(stage.instance) else { continue }
            // With --stage, the other stages only prepare the documents, untimed.
            if only.isEmpty || only.contains(stage.name) {
                // Stages build their bundled tables at the first document (Deferred): once per run, not
                // part of the per-MB figure.
                if let first = documents.first { _ = try run(first) }
                let seconds = try best { for document in documents { _ = try run(document) } }
                report(stage.name, seconds)
                stageSeconds.append((stage.name, seconds))
            }
            documents = try documents.map { try run($0) }
        }
        let collecting = ["summarize-stats", "jsonl", "csv", "sqlite", "html", "record"]
        guard only.isEmpty || only.contains(where: collecting.contains) else { return }
        if only.contains("record") {
            // Serialising records alone, without a file: the JSON writer's own cost.
            var json = JSONWriter(capacity: 1 << 16)
            var total = 0
            report("records only", best {
                for document in documents {
                    json.reset()
                    Record.write(document, into: &json)
                    total &+= json.count
                }
            })
            if total == 42 { print("") }
        }

        // Collecting stages, and each writer alone, into a scratch output folder.
        let scratch = OutputFolder(path: NSTemporaryDirectory() + "lede-bench-\(getpid())")
        try scratch.prepare()
        defer { try? FileManager.default.removeItem(atPath: scratch.path) }
        func collect(_ name: String, _ yaml: String) throws -> Double {
            guard let type = LedeStages.registry[name] else { return 0 }
            let options = try OptionsLoader.options(for: type, yaml: yaml)
            guard case .collecting(let make) = try type.instantiate(options, context: StageContext(baseDirectory: ".")) else { return 0 }
            return try best {
                let collector = try make(CollectorContext(output: scratch, pipelineName: "bench"))
                for var document in documents { try collector.consume(&document) }
                var summary = RunSummary()
                try collector.finish(&summary)
            }
        }
        let stats = only.isEmpty || only.contains("summarize-stats") ? try collect("summarize-stats", "{ output: stats.json }") : 0
        if only.isEmpty || only.contains("summarize-stats") { report("summarize-stats", stats) }
        var writers: [(String, Double)] = []
        for (name, yaml) in [("write jsonl", "{ jsonl: news.jsonl }"), ("write csv", "{ csv: tables/ }"),
                             ("write sqlite", "{ sqlite: news.sqlite }"), ("write html", "{ html: report.html }")]
            where only.isEmpty || only.contains(name) || only.contains(String(name.split(separator: " ")[1])) {
            let seconds = try collect("write", yaml)
            report(name, seconds)
            writers.append((name, seconds))
        }
        guard only.isEmpty else { return }
        let jsonl = writers.first?.1 ?? 0
        let lean = stageSeconds.map(\.1).reduce(0, +) + stats + jsonl
        let full = stageSeconds.map(\.1).reduce(0, +) + stats + writers.map(\.1).reduce(0, +)
        print(String(format: "Pipelines/news.yaml (all four outputs): %.1f MB/s on one core; writing JSON Lines is %.1f%% of it",
                     corpusMB / full, 100 * jsonl / full))
        print(String(format: "the same writing JSON Lines only:       %.1f MB/s on one core; writing JSON Lines is %.1f%% of it",
                     corpusMB / lean, 100 * jsonl / lean))
    }

    /// The timed work of one repeat. Never inlined, so that `Benchmarks/icount.sh` can count the
    /// instructions executed inside it and nowhere else (corpus generation, untimed preparation).
    @inline(never)
    static func timedRun(_ body: () throws -> Void) rethrows { try body() }

    static func instance(_ instance: StageInstance) -> ((Document) throws -> Document)? {
        switch instance {
        case .document(let process):
            return { var d = $0; try process(&d); return d }
        case .collecting, .waiting:
            return nil
        }
    }
}
