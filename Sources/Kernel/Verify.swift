import Foundation

/// `lede verify`: checks an output folder against its manifest, then runs the manifest's pipeline again
/// on the same inputs in a temporary folder and compares every output's SHA-256.
public enum Verify {
    /// What verification found.
    public struct Report: Sendable {
        /// Outputs compared.
        public var outputs = 0
        /// Inputs compared.
        public var inputs = 0
        /// Everything that differs, one line each; empty when the run reproduces exactly.
        public var problems: [String] = []
    }

    /// Verifies `folder`.
    public static func run(folder: String, registry: StageRegistry, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                           tool: Manifest.Tool) async throws -> Report {
        let manifest = try Manifest.read(folder: folder)
        var report = Report()
        // The folder as it is now.
        for output in manifest.outputs {
            let path = Paths.join(folder, output.path)
            if let (hex, _) = try? Digest.sha256(file: path) {
                if hex != output.sha256 { report.problems.append("\(output.path): changed since the run (SHA-256 differs from the manifest)") }
            } else {
                report.problems.append("\(output.path): missing from \(folder)")
            }
        }
        for input in manifest.inputs where input.location != "-" {
            report.inputs += 1
            guard let (hex, _) = try? Digest.sha256(file: input.location) else {
                report.problems.append("input \(input.path): missing (\(input.location))")
                continue
            }
            if hex != input.sha256 { report.problems.append("input \(input.path): changed since the run") }
        }
        for stage in manifest.pipeline.stages {
            for file in stage.files ?? [] {
                guard let (hex, _) = try? Digest.sha256(file: file.location), hex == file.sha256 else {
                    report.problems.append("stage '\(stage.name)' file \(file.path): missing or changed since the run")
                    continue
                }
            }
        }
        guard let bytes = try? Paths.read(manifest.pipeline.file), Digest.sha256(bytes) == manifest.pipeline.sha256 else {
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
                                         inputOverride: manifest.invocation.input, outputOverride: scratch, jobs: jobs)
        if let format = InputSpec.Format(rawValue: manifest.invocation.format) { pipeline.input.format = format }
        _ = try await Engine(pipeline: pipeline, jobs: jobs, shard: manifest.shard, tool: tool, journal: .off).run()
        for output in manifest.outputs {
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
