import ArgumentParser
import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeInput
import LedeIO
import Logging

extension InputSpec.Format: ExpressibleByArgument {}

struct PipelineArguments: ParsableArguments {
    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @Option(name: .long, parsing: .upToNextOption, help: "Input files, folders or globs, replacing the pipeline's input.paths ('-' for standard input).")
    var input: [String] = []

    @Option(name: .long, help: "The output folder, replacing the pipeline's output; '-' writes the JSON Lines records to standard output (and everything else to standard error), keeping no other output.")
    var output: String?

    /// `--output -`: the records go to standard output.
    var toStandardOutput: Bool { output == "-" }

    /// What `--output -` sets: the first write stage's JSON Lines to standard output, and its other outputs off
    /// (they would only be written into a folder that is deleted).
    static let standardOutputSettings = ["write.jsonl=-", "write.csv=", "write.sqlite=", "write.html="]

    @Option(name: .long, help: "The input format, replacing the pipeline's input.format: text, jsonl or html.")
    var format: InputSpec.Format?

    @Option(name: .long, help: ArgumentHelp("For JSON Lines input: the field holding the text, replacing the pipeline's input.text_field.",
                                            valueName: "NAME"))
    var textField: String?

    @Option(name: .long, help: ArgumentHelp("For JSON Lines input (and JSON Lines of HTML pages): the field holding the id, replacing the pipeline's input.id_field.",
                                            valueName: "NAME"))
    var idField: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Set one stage option, typed and checked like the YAML (repeatable): STAGE is the first stage of that name, VALUE a YAML value such as none, 3, true or [a, b]; empty for the option's default.",
        valueName: "STAGE.KEY=VALUE"))
    var settings: [String] = []

    func load(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Pipeline {
        // A malformed --set is reported together with the file's own mistakes, which are checked without it.
        var flagErrors: [ConfigError] = []
        var parsed: [Setting] = []
        for argument in settings {
            do { parsed.append(try Setting(parsing: argument)) } catch let error as ConfigError { flagErrors.append(error) }
        }
        var pipeline: Pipeline
        do {
            pipeline = try Pipeline.load(file: self.pipeline, registry: Environment.current.registry,
                                         inputOverride: input.isEmpty ? nil : input, outputOverride: output, jobs: jobs,
                                         settings: parsed
                                            + (toStandardOutput ? try Self.standardOutputSettings.map { try Setting(parsing: $0, flag: "--output -") } : []))
        } catch {
            guard !flagErrors.isEmpty, let fileErrors = ConfigErrors.all(in: error) else { throw error }
            throw ConfigErrors(fileErrors + flagErrors, file: self.pipeline)
        }
        if let error = flagErrors.first { throw flagErrors.count == 1 ? error : ConfigErrors(flagErrors, file: self.pipeline) }
        if let format { pipeline.input.format = format }
        try pipeline.overrideFields(text: textField, id: idField)
        return pipeline
    }
}

struct RunCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over its inputs.",
        discussion: """
        The pipeline is validated completely before any document is read. Documents that a stage cannot \
        handle are quarantined in rejects.jsonl with the reason, and the rest of the batch goes on. Every \
        output is written to a temporary file and renamed into place when complete.

        A journal in the output folder (.lede/journal) keeps what the per-document stages made of each \
        input. After a crash, kill or Ctrl-C, --resume continues from it; after editing some inputs, \
        --incremental processes only those. Either way every output is rebuilt, byte-identical to a full run.

        Examples:
          lede run Pipelines/news.yaml
          lede run Pipelines/news.yaml --input wire/*.txt --output out/wire --jobs 2
          cat articles.jsonl | lede run Pipelines/news.yaml --input - --format jsonl --quiet
          lede run Pipelines/news.yaml --resume
          lede run Pipelines/news.yaml --limit 20 --output out/peek
          lede run Pipelines/news.yaml --output - | head -2
          lede run Pipelines/news.yaml --set entity-tag.model=none
        """
    )

    @OptionGroup var arguments: PipelineArguments

    @Option(name: .long, help: "Parallel workers for per-document stages (default: all cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Print nothing but errors: no progress line, no summary, and --log-level error (unless a higher level is given).")
    var quiet = false

    @OptionGroup var logging: LoggingOptions

    var logSettings: LogSettings { logging.settings(quiet: quiet) }

    @Option(name: .long, help: ArgumentHelp(
        "Process one slice of the inputs: K/N (from 0), or 'auto' to take it from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX and LEDE_SHARD_COUNT. Combine the shards with 'lede merge'.",
        valueName: "K/N|auto"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp(
        "Process only the first N documents of the input, in input order (N text files, or N non-blank JSON Lines lines), for a quick look. Counted before --shard slices them; recorded in the manifest. --resume continues only a run with the same --limit.",
        valueName: "N"))
    var limit: Int?

    @Flag(name: .long, help: "Continue a run that was killed or interrupted: inputs the journal already holds are not processed again.")
    var resume = false

    @Flag(name: .long, help: "Process only inputs that changed since the last run into this output folder (all of them if a per-document stage, its options or the Lede build changed).")
    var incremental = false

    @Flag(name: .long, help: "Keep no journal in the output folder (.lede/journal): saves disk space, but a later --resume or --incremental starts from nothing.")
    var noJournal = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if noJournal, resume || incremental { throw ValidationError("--no-journal cannot be combined with --resume or --incremental") }
        if arguments.toStandardOutput, resume || incremental {
            throw ValidationError("--output - keeps no output folder, so there is no journal for --resume or --incremental")
        }
        if let shard, shard != "auto", Shard.parse(shard) == nil {
            throw ValidationError("--shard takes K/N with 0 <= K < N (such as 0/3), or auto")
        }
    }

    /// How the write stage's message begins when standard output's reader has closed it (EPIPE).
    static let readerGone = "standard output was closed by its reader"

    /// The first input named like JSON Lines (`.jsonl`, `.ndjson`) when the pipeline reads text: most likely
    /// a forgotten `--format jsonl`, which would make the whole file one document full of JSON syntax.
    static func jsonLinesReadAsText(_ pipeline: Pipeline) -> InputFile? {
        guard pipeline.input.format == .text else { return nil }
        return pipeline.inputs.first { $0.path.lowercased().hasSuffix(".jsonl") || $0.path.lowercased().hasSuffix(".ndjson") }
    }

    func run() async throws {
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var pipeline = try arguments.load(jobs: jobs)
        // --output -: the run's other files go to a temporary folder, deleted at the end whatever happens.
        let toStdout = arguments.toStandardOutput
        if toStdout {
            pipeline.output = NSTemporaryDirectory() + "lede-stdout-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        }
        defer { if toStdout { try? FileManager.default.removeItem(atPath: pipeline.output) } }
        // Records on standard output (--output -, or `write: { jsonl: "-" }`): everything else goes to standard error.
        let recordsOnStdout = toStdout || pipeline.stages.contains {
            $0.name == "write" && PlanReport.optionValues($0.options).contains { $0.0 == "jsonl" && $0.1 == "\"-\"" }
        }
        let logger = ledeLogger()
        Self.logPlan(pipeline, jobs: jobs, to: logger)
        if !pipeline.excludedInputs.isEmpty {
            logger.notice("""
                note: \(pipeline.excludedInputs.count) file(s) inside the output folder, a .lede folder or an earlier run's output folder are Lede's own \
                and are not read as input (the first: \(pipeline.excludedInputs[0]))
                """)
        }
        if let jsonl = Self.jsonLinesReadAsText(pipeline) {
            logger.warning("""
                warning: \(jsonl.display) is read as one text document, since the input format is text; \
                pass --format jsonl (or set input.format: jsonl) for one document per line
                """)
        }
        var slice: Shard?
        if shard == "auto" {
            guard let found = try Shard.fromEnvironment(ProcessInfo.processInfo.environment) else {
                throw ConfigError("--shard auto, but neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set")
            }
            slice = found
        } else if let shard {
            slice = Shard.parse(shard)
        }
        if let slice { logger.debug("shard \(slice.index)/\(slice.count) of the inputs") }
        let journalMode: JournalMode = noJournal || toStdout ? .off : (resume || incremental ? .reuse : .write)
        logger.debug("journal: \(journalMode)\(limit.map { ", limit \($0) document(s)" } ?? "")")
        // The progress line is not a log message: on a terminal, in the text format, unless --quiet.
        let showProgress = !quiet && logSettings.format == .text && Console.stderrIsTerminal
        let progress: (@Sendable (RunProgress) -> Void)? = showProgress ? { @Sendable in ProgressLine.show($0) } : nil
        let engine = Engine(pipeline: pipeline, jobs: jobs, logger: logger, progress: progress,
                            shard: slice, tool: BuildInfo.tool, journal: journalMode, limit: limit, resuming: resume)
        let summary: RunSummary
        do {
            summary = try await Interrupts.run { try await engine.run() }
        } catch var stopped as Interrupts.Stopped {
            stopped.resumable = !noJournal && !toStdout
            throw stopped
        } catch let failure as IOFailure where recordsOnStdout && failure.path == "-" && failure.message.hasPrefix(Self.readerGone) {
            // `lede run p.yaml --output - | head -2`: the reader has what it wanted. Stopped as by SIGPIPE, quietly.
            if showProgress { ProgressLine.clear() }
            logger.notice("lede: \(Self.readerGone); stopped")
            throw ExitStatus(code: 128 + SIGPIPE)
        }
        if showProgress { ProgressLine.clear() }
        Self.logFinished(summary, to: logger)
        if !quiet {
            var report = SummaryReport.render(summary, pipeline: pipeline, jobs: jobs)
            if toStdout {
                // Nothing of the folder is kept: say where the records went instead.
                report = report.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix("  wrote ") ? "  wrote \(summary.documents) record(s) to standard output (--output -); no other output is kept" : String($0) }
                    .joined(separator: "\n")
            }
            // On standard error (the records being on standard output) the summary is a log message.
            if recordsOnStdout { logger.info("\(report)") } else { Console.out(report) }
        }
        if summary.rejected > 0 { throw ExitStatus(code: 1) }
    }
}

struct MergeCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output folders of all shards of a batch into what one run would have written.",
        discussion: """
        Each folder must come from 'lede run --shard K/N' with the same pipeline, and all N shards must be \
        given, each with its journal (.lede/journal, kept by default). The documents the shards kept there \
        go through the pipeline's writers and statistics again, in the order of a single run, so every \
        output, the HTML report included, is what one run writes. A manifest is written for the result.

        Example:
          lede merge out/shard-0 out/shard-1 out/shard-2 --output out/all
        """
    )

    @Argument(help: "The shards' output folders.")
    var shards: [String]

    @Option(name: .long, help: "The folder to write the merged outputs to.")
    var output: String

    @Flag(name: .long, help: "Print nothing but errors: no summary, and --log-level error (unless a higher level is given).")
    var quiet = false

    @OptionGroup var logging: LoggingOptions

    var logSettings: LogSettings { logging.settings(quiet: quiet) }

    func run() async throws {
        let (shards, output) = (self.shards, self.output)
        let logger = ledeLogger()
        logger.debug("merging \(shards.count) shard(s) into \(output): \(shards.joined(separator: ", "))")
        let summary: RunSummary
        do {
            summary = try await Interrupts.run {
                try Merge.run(shards: shards, output: output, registry: Environment.current.registry, tool: BuildInfo.tool, logger: logger)
            }
        } catch var stopped as Interrupts.Stopped {
            if !stopped.finishedFirst { stopped.stoppedWhat = "merge stopped; nothing was committed and its temporary files were removed" }
            throw stopped
        }
        RunCommand.logFinished(summary, to: logger)
        if !quiet {
            Console.out("merged \(shards.count) shards: \(summary.documents) documents, \(summary.rejected) rejected")
            Console.out("  wrote " + (summary.outputs + [Manifest.fileName]).map { Paths.join(output, $0) }.joined(separator: ", "))
        }
    }
}

struct VerifyCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an output folder against its manifest; with --rerun, also run its pipeline again and compare.",
        discussion: """
        Reads OUTDIR/manifest.json and checks that every output, input and stage file still has the SHA-256 \
        the manifest records, and that the manifest is consistent (every output once, inside OUTDIR). \
        Nothing the manifest names is run.

        --rerun also runs the manifest's pipeline again on the same inputs in a temporary folder and \
        compares every output's SHA-256. A pipeline is code, like a Makefile: an exec stage runs any \
        command. So --rerun prints the pipeline's stages and every command it will run before running \
        anything; use it only on output folders you trust.

        Exit 0 when everything matches, 1 otherwise.
        """
    )

    @Argument(help: "An output folder with a manifest.json.")
    var folder: String

    @Flag(name: .long, help: "Run the manifest's pipeline again and compare the outputs. This runs code the manifest names (exec stages run commands): only for folders you trust.")
    var rerun = false

    @Option(name: .long, help: "Parallel workers for the re-run (default: all cores).")
    var jobs: Int?

    @OptionGroup var logging: LoggingOptions

    var logSettings: LogSettings { logging.settings() }

    /// What a re-run will run, printed on standard error before it starts.
    static func announce(_ pipeline: Pipeline) -> String {
        var lines = ["verify --rerun: running \(pipeline.file) again (\(pipeline.stages.count) stages, \(pipeline.inputs.count) input file(s)):"]
        for stage in pipeline.stages {
            lines.append("  \(stage.name)")
            for (key, value) in PlanReport.optionValues(stage.options) where key == "command" {
                lines.append("    will run: \(value)")
            }
        }
        return lines.joined(separator: "\n")
    }

    func run() async throws {
        let (folder, rerun, jobs) = (self.folder, self.rerun, self.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        ledeLogger().debug("verifying \(folder) against its manifest\(rerun ? ", running its pipeline again with \(jobs) job(s)" : "")")
        let report: Verify.Report
        do {
            report = try await Interrupts.run {
                try await Verify.run(folder: folder, registry: Environment.current.registry, jobs: jobs, tool: BuildInfo.tool,
                                     rerun: rerun, beforeRerun: { ledeLogger().notice("\(Self.announce($0))") })
            }
        } catch var stopped as Interrupts.Stopped {
            stopped.stoppedWhat = "verify stopped; its temporary folder was removed"
            stopped.finishedFirst = false
            throw stopped
        }
        if report.problems.isEmpty {
            if report.rerun {
                Console.out("\(folder): verified: \(report.outputs) outputs identical when run again, \(report.inputs) inputs unchanged")
            } else {
                Console.out("\(folder): verified: \(report.outputs) outputs and \(report.inputs) inputs match the manifest (not run again; --rerun runs the pipeline again)")
            }
            return
        }
        Console.out("\(folder): \(report.problems.count) difference(s):")
        for problem in report.problems { Console.out("  " + problem) }
        throw ExitStatus(code: 1)
    }
}

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline without reading any document.",
        discussion: "Checks YAML syntax, stage names, options, stage order and that the inputs exist. Exit 0 if valid, 2 if not."
    )

    @OptionGroup var arguments: PipelineArguments

    func run() async throws {
        let pipeline = try arguments.load()
        Console.out("\(pipeline.file): valid: \(pipeline.stages.count) stages, \(pipeline.inputs.count) input file(s), output \(pipeline.output)")
    }
}

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the resolved plan: inputs, output and every stage with its options, defaults filled in."
    )

    @OptionGroup var arguments: PipelineArguments

    func run() async throws {
        let pipeline = try arguments.load()
        var report = PlanReport.render(pipeline)
        // What replaced the file's own values (a --set or a field is also marked where it applies).
        var given: [String] = []
        if !arguments.input.isEmpty { given.append("--input " + arguments.input.joined(separator: " ")) }
        if let output = arguments.output { given.append("--output \(output)") }
        if let format = arguments.format { given.append("--format \(format.rawValue)") }
        if let field = arguments.textField { given.append("--text-field \(field)") }
        if let field = arguments.idField { given.append("--id-field \(field)") }
        given += arguments.settings.map { "--set \($0)" }
        if !given.isEmpty { report += "\nfrom the command line (replacing the file's values): " + given.joined(separator: ", ") }
        Console.out(report)
    }
}

struct StagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the available stages, or show one stage's options, defaults and examples."
    )

    @Argument(help: "A stage name.")
    var name: String?

    func run() async throws {
        let registry = Environment.current.registry
        guard let name else {
            let width = registry.names.map(\.count).max() ?? 0
            for stageName in registry.names {
                let d = registry[stageName]!.descriptor
                Console.out(stageName.padding(toLength: width + 2, withPad: " ", startingAt: 0) + d.summary)
            }
            return
        }
        guard let type = registry[name] else {
            throw ConfigError("unknown stage '\(name)'",
                              hint: Suggest.nearest(name, in: registry.names).map { "did you mean '\($0)'?" }
                                  ?? "run 'lede stages' for the list")
        }
        Console.out(PlanReport.describe(type))
    }
}

struct TrainCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a stage's model from annotated text (entity-tag: CoNLL/IOB files or Lede JSON Lines records).",
        discussion: """
        lede train entity-tag --data train.iob --data corrected.jsonl --test test.iob --output my.model
        then, in a pipeline:  - entity-tag: { model: my.model }
        The same data, epochs and seed give the same model, byte for byte.
        """
    )

    @Argument(help: "The stage to train.")
    var stage: String

    @Option(name: .customLong("data"), help: "An annotated file to learn from (repeatable): IOB, or .jsonl records.")
    var data: [String] = []

    @Option(name: .customLong("test"), help: "An annotated file to score the model on, never learned from (repeatable).")
    var test: [String] = []

    @Option(help: "Where to write the model.")
    var output: String

    @Option(help: "Passes over the data.")
    var epochs: Int?

    @Option(help: "Seeds the order the data is seen in.")
    var seed: UInt64 = 1

    @Option(help: "Trains this many times over differently shuffled data and averages the weights.")
    var shuffles: Int?

    @OptionGroup var logging: LoggingOptions

    var logSettings: LogSettings { logging.settings() }

    func run() async throws {
        let registry = Environment.current.registry
        guard let type = registry[stage] else {
            throw ConfigError("unknown stage '\(stage)'",
                              hint: Suggest.nearest(stage, in: registry.names).map { "did you mean '\($0)'?" } ?? "run 'lede stages' for the list")
        }
        guard let train = type.train else {
            let trainable = registry.names.filter { registry[$0]?.train != nil }
            throw ConfigError("stage '\(stage)' does not learn", hint: "stages that do: " + trainable.joined(separator: ", "))
        }
        guard !data.isEmpty else { throw ConfigError("no training data", hint: "give --data FILE (IOB or .jsonl), once per file") }
        ledeLogger().debug("training \(stage) on \(data.joined(separator: ", "))\(test.isEmpty ? "" : ", testing on " + test.joined(separator: ", ")), seed \(seed)")
        let request = TrainingRequest(data: data, test: test, output: output, epochs: epochs, seed: seed,
                                      shuffles: shuffles, log: { ledeLogger().info("\($0)") })
        do {
            Console.out(try train(request))
        } catch let error as ConfigError {
            throw error
        } catch let errors as ConfigErrors {
            throw errors
        } catch {
            throw ConfigError("\(error)")
        }
    }
}
