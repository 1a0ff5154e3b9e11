import ArgumentParser
import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeRecord
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `--log-format`: how diagnostics are written on standard error.
enum LogFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Lines for people: each message as it reads, debug and trace ones marked as such.
    case text
    /// One JSON object per line, for log collectors (Kubernetes, Loki).
    case json
}

/// `--log-level`: swift-log's levels, by their names.
enum LogLevel: String, CaseIterable, ExpressibleByArgument, Sendable {
    case trace, debug, info, notice, warning, error, critical

    /// The swift-log level.
    var level: Logger.Level { Logger.Level(rawValue: rawValue)! }
}

/// How one command logs: the lowest level written, and the format.
struct LogSettings: Sendable, Equatable {
    var level: Logger.Level = .info
    var format: LogFormat = .text

    /// The settings of the command that runs on this task and its child tasks; the defaults elsewhere. Lede's
    /// handlers read it at every message, so that the tests' many commands in one process, each with its own
    /// flags, need no second `LoggingSystem.bootstrap` (which swift-log allows once per process).
    @TaskLocal static var current = LogSettings()
}

/// `--log-level` and `--log-format`, for the subcommands that log.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The least severe messages written to standard error; debug adds what the command resolved as it starts and what it did as it ends.",
        valueName: "level"))
    var logLevel: LogLevel = .info

    @Option(name: .long, help: ArgumentHelp(
        "json: one JSON object per line on standard error (ts, level, label, message, metadata), for log collectors; never a progress line.",
        valueName: "format"))
    var logFormat: LogFormat = .text

    /// The settings these options give; `--quiet` is `--log-level error`, unless a higher level is given.
    func settings(quiet: Bool = false) -> LogSettings {
        LogSettings(level: quiet ? max(logLevel.level, .error) : logLevel.level, format: logFormat)
    }
}

/// A subcommand whose diagnostics follow its own `--log-level` and `--log-format`.
protocol LoggingCommand {
    /// The settings its options give.
    var logSettings: LogSettings { get }
}

/// swift-log's handler for everything Lede logs: lines on standard error, in the format and from the level
/// of ``LogSettings/current`` (or of settings fixed when it was made).
///
/// In the text format a message is written as it reads, so the notes, warnings, errors and summaries that
/// `lede` printed before it logged through swift-log are byte for byte what they were; a debug or trace
/// message starts with its level, and metadata follows a message as ` key=value`. In the JSON format every
/// message is one object on one line: `{"ts":"2026-01-02T03:04:05.678Z","level":"info","label":"lede",
/// "message":"...","metadata":{...}}`, keys in that order, metadata keys sorted.
struct LedeLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    /// Settings fixed when the handler was made; nil: ``LogSettings/current`` at each message.
    private let fixed: LogSettings?
    /// A level set on the logger itself, which then wins.
    private var levelOverride: Logger.Level?
    /// Where finished lines go (each ends with a line feed).
    private let sink: @Sendable (String) -> Void

    /// A handler writing to standard error.
    init(label: String, settings: LogSettings? = nil, sink: @escaping @Sendable (String) -> Void = LedeLogHandler.standardError) {
        self.label = label
        self.fixed = settings
        self.sink = sink
    }

    var logLevel: Logger.Level {
        get { levelOverride ?? (fixed ?? LogSettings.current).level }
        set { levelOverride = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let given = event.metadata { all.merge(given) { $1 } }
        if let error = event.error { all["error"] = .string("\(error)") }
        let line = switch (fixed ?? LogSettings.current).format {
        case .text: Self.text(level: event.level, message: event.message.description, metadata: all)
        case .json: Self.json(time: Self.now(), level: event.level, label: label, message: event.message.description, metadata: all)
        }
        sink(line)
    }

    /// A text line: the message, after its level for debug and trace, then ` key=value` for each metadata key
    /// (a string as it is, any other value as JSON).
    static func text(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var line = level < .info ? "\(level.rawValue): \(message)" : message
        for key in metadata.keys.sorted() {
            line += " \(key)="
            if case .string(let s) = metadata[key]! {
                line += s
            } else {
                var json = JSONWriter(capacity: 64)
                value(metadata[key]!, into: &json)
                line += json.withBytes { String(decoding: $0, as: UTF8.self) }
            }
        }
        return line + "\n"
    }

    /// A JSON line: `ts`, `level`, `label`, `message` and `metadata`, in that order, written by the records'
    /// own JSON writer.
    static func json(time: String, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        json.key("ts"); json.string(time)
        json.key("level"); json.string(level.rawValue)
        json.key("label"); json.string(label)
        json.key("message"); json.string(message)
        json.key("metadata"); value(.dictionary(metadata), into: &json)
        json.endObject()
        json.raw(0x0A)
        return json.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// A metadata value as JSON: integers, finite doubles and booleans given as such are numbers and
    /// booleans, anything else converted its string.
    private static func value(_ value: Logger.MetadataValue, into json: inout JSONWriter) {
        switch value {
        case .string(let s):
            json.string(s)
        case .stringConvertible(let v):
            switch v {
            case let b as Bool: json.bool(b)
            case let i as any BinaryInteger:
                if let exact = Int(exactly: i) { json.int(exact) } else { json.string(v.description) }
            case let d as Double where d.isFinite: json.double(d)
            default: json.string(v.description)
            }
        case .dictionary(let fields):
            json.beginObject()
            for key in fields.keys.sorted() {
                json.key(key)
                Self.value(fields[key]!, into: &json)
            }
            json.endObject()
        case .array(let items):
            json.beginArray()
            for item in items { Self.value(item, into: &json) }
            json.endArray()
        }
    }

    /// The time in UTC, to the millisecond: `2026-01-02T03:04:05.678Z`.
    static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(spec.tv_nsec / 1_000_000))
    }

    /// Writes a line to standard error, whole (lines of concurrent tasks do not interleave), first clearing
    /// the progress line if one is shown.
    @Sendable static func standardError(_ line: String) { ProgressLine.writeLogLine(line) }

    /// Whether ``bootstrap()`` has run.
    private static let bootstrapped = Mutex(false)

    /// Makes this handler the one of every `Logger(label:)` in the process (a stage's own, say), once: swift-log
    /// allows one `LoggingSystem.bootstrap` per process, so only ``Lede/main(extraStages:)`` calls it.
    static func bootstrap() {
        guard bootstrapped.withLock({ done in defer { done = true }; return !done }) else { return }
        LoggingSystem.bootstrap { LedeLogHandler(label: $0) }
    }
}

/// The logger of the CLI's commands, whatever the process bootstrapped: Lede's handler, following
/// ``LogSettings/current`` (or `settings`, when given).
func ledeLogger(_ settings: LogSettings? = nil) -> Logger {
    Logger(label: "lede") { LedeLogHandler(label: $0, settings: settings) }
}

extension RunCommand {
    /// At debug level: what the run resolved before it reads a document.
    static func logPlan(_ pipeline: Pipeline, jobs: Int, to logger: Logger) {
        guard logger.logLevel <= .debug else { return }
        logger.debug("pipeline \(pipeline.name) from \(pipeline.file): \(pipeline.stages.map(\.name).joined(separator: ", "))",
                     metadata: ["stages": .stringConvertible(pipeline.stages.count), "jobs": .stringConvertible(jobs)])
        for stage in pipeline.stages {
            let options = PlanReport.optionValues(stage.options).map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            logger.debug("stage \(stage.name) v\(stage.type.descriptor.version) (\(stage.type.kind.rawValue)): \(options.isEmpty ? "no options" : options)")
            for file in stage.files {
                logger.debug("stage \(stage.name) loaded \(file.path) (\(file.bytes) bytes, sha256 \(file.sha256.prefix(12)))",
                             metadata: ["stage": .string(stage.name), "file": .string(file.location), "bytes": .stringConvertible(file.bytes)])
            }
        }
        logger.debug("input: \(pipeline.inputs.count) file(s), format \(pipeline.input.format.rawValue); output \(pipeline.output)",
                     metadata: ["inputs": .stringConvertible(pipeline.inputs.count), "excluded": .stringConvertible(pipeline.excludedInputs.count),
                                "skipped": .stringConvertible(pipeline.skippedInputs.count)])
    }

    /// What a run did, as metadata: at debug level in the text format (whose summary says it all), and at
    /// info level in the JSON format, where it is the line a log collector counts from.
    static func logFinished(_ summary: RunSummary, to logger: Logger) {
        var metadata: Logger.Metadata = [
            "documents": .stringConvertible(summary.documents), "rejected": .stringConvertible(summary.rejected),
            "warnings": .stringConvertible(summary.warnings), "input_bytes": .stringConvertible(summary.inputBytes),
            "seconds": .stringConvertible((summary.seconds * 1000).rounded() / 1000),
            "reused": .stringConvertible(summary.reused), "journaled": .stringConvertible(summary.journaled),
        ]
        if case .map(let stats)? = summary.sections[Layer.stats], case .map(let totals)? = stats["totals"],
           case .map(let kinds)? = totals["warnings"] {
            metadata["warnings_by_kind"] = .dictionary(kinds.compactMapValues { $0.int.map { .stringConvertible($0) } })
        }
        if summary.reused > 0 { logger.debug("journal: \(summary.reused) input(s) reused, \(summary.journaled) held") }
        logger.log(level: LogSettings.current.format == .json ? .info : .debug, "finished", metadata: metadata)
    }
}
