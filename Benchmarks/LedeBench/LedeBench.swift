import Foundation
import Kernel
import LedeStages

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
                print("usage: lede-bench [--mb N] [--stage NAME]... [--repeat N] [--write-corpus DIR]")
                exit(2)
            }
        }
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path
        let corpus = try SyntheticCorpus(samplesFolder: samples)
        if let corpusOut {
            let written = try corpus.write(to: corpusOut, bytes: megabytes * 1_000_000)
            print("wrote \(written.files) files, \(written.bytes) bytes to \(corpusOut)")
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
        for stage in pipeline.stages {
            guard let run = instance(stage.instance) else { continue }
            if only.isEmpty || only.contains(stage.name) {
                var best = Double.infinity
                for _ in 0..<repeats {
                    let start = DispatchTime.now().uptimeNanoseconds
                    for document in documents { _ = try run(document) }
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                let name = stage.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                print(name + String(format: "%8.1f MB/s   (%.3f s for %.1f MB, best of %d, one core)",
                                    Double(totalBytes) / 1e6 / best, best, Double(totalBytes) / 1e6, repeats))
            }
            documents = try documents.map { try run($0) }
        }
    }

    static func instance(_ instance: StageInstance) -> ((Document) throws -> Document)? {
        switch instance {
        case .document(let process):
            return { var d = $0; try process(&d); return d }
        case .expanding(let expand):
            return { try expand($0).first ?? $0 }
        case .collecting:
            return nil
        }
    }
}
