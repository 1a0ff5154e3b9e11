import Foundation
import LedeCore
import LedeInput
import LedeIO
import LedePipeline

/// `lede verify`: checks an output folder against its manifest and, only when asked (`--rerun`), runs the
/// manifest's pipeline again on the same inputs in a temporary folder and compares every output's SHA-256.
///
/// A manifest is data anyone can write, and the pipeline it names is code (an `exec` stage runs any
/// command), so by default nothing it names is run: only SHA-256s are compared, of regular files only, and
/// the manifest's own consistency is checked.
public enum Verify {
    /// What verification found.
    public struct Report: Sendable {
        /// Outputs compared.
        public var outputs = 0
        /// Inputs compared.
        public var inputs = 0
        /// Everything that differs, one line each; empty when the run reproduces exactly.
        public var problems: [String] = []
        /// Whether the pipeline was run again.
        public var rerun = false
    }

    /// Why an output path in a manifest cannot be one Lede wrote: absolute, leaving the folder, or one of
    /// the folder's own files. Nil when it is fine.
    static func unsafeOutputPath(_ path: String) -> String? {
        if path.isEmpty { return "an empty path" }
        if path.hasPrefix("/") { return "an absolute path" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) { return "a path with '..', '.' or an empty part" }
        if path == Manifest.fileName || parts.first == ".lede" || path == ".lede.lock" { return "one of Lede's own files" }
        return nil
    }

    /// Verifies `folder`. With `rerun`, `beforeRerun` is given the loaded pipeline before anything of it runs
    /// (the CLI prints the commands it will run); it may throw to stop.
    public static func run(folder: String, registry: StageRegistry, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                           tool: Manifest.Tool, rerun: Bool = false,
                           beforeRerun: (Pipeline) throws -> Void = { _ in }) async throws -> Report {
        var report = Report()
        // A commit cut short by a kill: finished here when the folder can be locked (no run is writing),
        // which every file it lists allows; otherwise reported.
        if Paths.kind(Paths.join(folder, CommitSet.intentName)) == .file {
            if let lock = try? FolderLock(folder: folder) {
                defer { withExtendedLifetime(lock) {} }
                _ = try CommitSet.finishInterrupted(in: folder)
            } else {
                report.problems.append("a commit of the outputs is in progress or was cut short (\(CommitSet.intentName)); run again when it is over")
            }
        }
        let manifest = try Manifest.read(folder: folder)
        // The manifest's own consistency: every output once, inside the folder.
        var seen = Set<String>()
        var safeOutputs: [Manifest.Output] = []
        for output in manifest.outputs {
            if let why = unsafeOutputPath(output.path) {
                report.problems.append("the manifest names output '\(output.path)', \(why): not an output Lede writes; not checked")
            } else if !seen.insert(output.path).inserted {
                report.problems.append("the manifest names output '\(output.path)' twice")
            } else {
                safeOutputs.append(output)
            }
        }
        // The folder as it is now.
        for output in safeOutputs {
            try Task.checkCancellation()
            report.outputs += 1
            let path = Paths.join(folder, output.path)
            if let (hex, _) = try? Digest.sha256(file: path, regularOnly: true) {
                if hex != output.sha256 { report.problems.append("\(output.path): changed since the run (SHA-256 differs from the manifest)") }
            } else {
                report.problems.append("\(output.path): missing from \(folder)")
            }
        }
        for input in manifest.inputs where input.location != "-" {
            try Task.checkCancellation()
            report.inputs += 1
            guard let (hex, _) = try? Digest.sha256(file: input.location, regularOnly: true) else {
                report.problems.append("input \(input.path): missing or not a regular file (\(input.location))")
                continue
            }
            if hex != input.sha256 { report.problems.append("input \(input.path): changed since the run") }
        }
        for stage in manifest.pipeline.stages {
            for file in stage.files ?? [] {
                try Task.checkCancellation()
                guard let (hex, _) = try? Digest.sha256(file: file.location, regularOnly: true), hex == file.sha256 else {
                    report.problems.append("stage '\(stage.name)' file \(file.path): missing or changed since the run")
                    continue
                }
            }
        }
        guard rerun else { return report }
        report.rerun = true
        report.outputs = 0
        guard let bytes = try? Paths.readRegularFile(manifest.pipeline.file, limit: Pipeline.maxFileSize),
              Digest.sha256(bytes) == manifest.pipeline.sha256 else {
            report.problems.append("pipeline \(manifest.pipeline.file): missing or changed since the run; not run again")
            return report
        }
        if manifest.inputs.contains(where: { $0.location == "-" }) {
            report.problems.append("the run read standard input, which cannot be read again; not run again")
            return report
        }
        if manifest.tool.version != tool.version {
            report.problems.append("the outputs were made by \(manifest.tool.name) \(manifest.tool.version), this is \(tool.version)")
        }

        // Run again, from the same working folder, so paths in records come out the same.
        let scratch = NSTemporaryDirectory() + "lede-verify-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let here = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(manifest.invocation.directory) else {
            report.problems.append("cannot enter \(manifest.invocation.directory), where the run started; not run again")
            return report
        }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(here) }
        var pipeline = try Pipeline.load(file: manifest.invocation.pipeline, registry: registry,
                                         inputOverride: manifest.invocation.input, outputOverride: scratch, jobs: jobs,
                                         settings: try (manifest.invocation.set ?? []).map { try Setting(parsing: $0) })
        if let format = InputSpec.Format(rawValue: manifest.invocation.format) { pipeline.input.format = format }
        try pipeline.overrideFields(text: manifest.invocation.textField, id: manifest.invocation.idField)
        try beforeRerun(pipeline)
        _ = try await Engine(pipeline: pipeline, jobs: jobs, shard: manifest.shard, tool: tool, journal: .off,
                       limit: manifest.invocation.limit).run()
        for output in safeOutputs {
            report.outputs += 1
            guard let (hex, _) = try? Digest.sha256(file: Paths.join(scratch, output.path)) else {
                report.problems.append("\(output.path): not written when run again")
                continue
            }
            if hex != output.sha256 { report.problems.append("\(output.path): differs when run again") }
        }
        return report
    }
}
