import ArgumentParser
import Foundation
import LedeStages
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import LedeCore
import LedeIO

/// The `lede` command line, as a library: call ``Lede/main(extraStages:)`` from your own executable to get
/// the full CLI with your stages registered.
public enum Lede {
    /// The Lede version.
    public static let version = "0.1.0"

    /// Runs the CLI with the built-in stages plus `extraStages`, and exits with its exit code.
    ///
    /// It bootstraps swift-log (`LoggingSystem.bootstrap`) with Lede's handler, so that every `Logger` in the
    /// process follows `--log-level` and `--log-format`: an executable that calls it must not bootstrap
    /// swift-log itself.
    public static func main(extraStages: [any Stage.Type] = []) async -> Never {
        LedeLogHandler.bootstrap()
        var registry = LedeStages.registry
        for type in extraStages {
            guard let stageType = StageType(any: type) else {
                Console.error("error: \(type) is not a DocumentStage, AsyncDocumentStage or CollectingStage")
                exit(2)
            }
            registry.register(stageType)
        }
        let code = await run(arguments: Array(CommandLine.arguments.dropFirst()), registry: registry)
        exit(code)
    }

    /// Runs one command line and returns its exit code (0 fine, 1 some documents rejected, 2 bad usage or
    /// configuration, 3 I/O failure). Tests call this directly.
    public static func run(arguments: [String], registry: StageRegistry = LedeStages.registry) async -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        // A file size limit (ulimit -f) then fails the write with EFBIG, reported like a full disk,
        // instead of killing the process with no message.
        signal(SIGXFSZ, SIG_IGN)
        Console.guardStandardDescriptors()
        Console.reset()
        let code = await runCommand(arguments: arguments, registry: registry)
        return Console.finish(code)
    }

    private static func runCommand(arguments: [String], registry: StageRegistry) async -> Int32 {
        let environment = Environment(registry: registry)
        return await Environment.$current.withValue(environment) {
            // The command's --log-level and --log-format, once it is parsed, for what it logs and for its error.
            var settings = LogSettings()
            do {
                var command = try LedeCommand.parseAsRoot(arguments)
                settings = (command as? any LoggingCommand)?.logSettings ?? settings
                try await LogSettings.$current.withValue(settings) {
                    if var asyncCommand = command as? any AsyncParsableCommand {
                        try await asyncCommand.run()
                    } else {
                        try command.run()
                    }
                }
                return 0
            } catch let exit as ExitStatus {
                return exit.code
            } catch let error as ConfigError {
                ledeLogger(settings).error("\(error.description)")
                return 2
            } catch let errors as ConfigErrors {
                // Each error as one is printed, then how many there are.
                Console.error(errors.description)
                return 2
            } catch let error as IOFailure {
                ledeLogger(settings).error("\(error.description)")
                return 3
            } catch let error as StageFailure {
                ledeLogger(settings).error("\(error.description)")
                return 3
            } catch let stopped as Interrupts.Stopped {
                ledeLogger(settings).error("\(stopped.message)")
                return 128 + stopped.signal
            } catch {
                let code = LedeCommand.exitCode(for: error).rawValue
                let message = LedeCommand.fullMessage(for: error)
                if code == 0 {
                    Console.out(message)
                } else {
                    ledeLogger(settings).error("\(message)")
                }
                return code == 0 ? 0 : 2
            }
        }
    }
}

/// What the commands share during one invocation.
struct Environment: Sendable {
    @TaskLocal static var current = Environment(registry: LedeStages.registry)
    var registry: StageRegistry
}

/// A non-zero exit that is not an error message (for example: finished, but some documents were rejected).
struct ExitStatus: Error {
    var code: Int32
}

/// Output to the terminal, kept in one place.
///
/// Writes go through `write(2)`, never `FileHandle.write`, which traps (exit 132) when the write fails:
/// `lede verify out | head -1` (EPIPE, SIGPIPE being ignored), `lede --version >/dev/full` (ENOSPC) or a
/// closed standard output (EBADF). The first failure on standard output is remembered, later output is
/// dropped, and ``finish(_:)`` reports it on standard error and turns exit 0 into 3.
enum Console {
    /// The errno of the first failed write to standard output, or 0.
    private static let stdoutError = Mutex<Int32>(0)

    static func out(_ text: String) {
        guard stdoutError.withLock({ $0 }) == 0 else { return }
        if let failure = Descriptor.writeAll(1, Array((text + "\n").utf8)) {
            stdoutError.withLock { if $0 == 0 { $0 = failure } }
        }
    }

    static func error(_ text: String) {
        // Nothing better can be done when standard error itself cannot be written.
        _ = Descriptor.writeAll(2, Array((text + "\n").utf8))
    }

    /// The exit code once a command has finished: a failed write to standard output is reported on
    /// standard error, and a run that otherwise succeeded exits 3 (an input/output failure). Other
    /// non-zero codes (1 rejected documents, 2 usage, 130/143 signals) say more and are kept.
    static func finish(_ code: Int32) -> Int32 {
        let failure = stdoutError.withLock { $0 }
        guard failure != 0 else { return code }
        error("error: could not write to standard output: \(String(cString: strerror(failure))) (errno \(failure))")
        return code == 0 ? 3 : code
    }

    /// `lede run ... >&-` starts with descriptor 1 closed, and the first file Lede opens (the lock, a
    /// journal part) would take its number and receive the summary. Closed standard descriptors are
    /// therefore reopened on /dev/null, standard output read-only, so that writing to it fails (EBADF)
    /// and is reported like any other failed write.
    static func guardStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != fd {
                _ = dup2(opened, fd)
                close(opened)
            }
        }
    }

    /// Forgets an earlier failure on standard output (tests run several commands in one process).
    static func reset() { stdoutError.withLock { $0 = 0 } }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

extension Lede {
    /// The subcommands of `lede`, by name, in the order `lede --help` lists them.
    public static var subcommandNames: [String] {
        LedeCommand.configuration.subcommands.map { $0._commandName }
    }

    /// What `lede [SUBCOMMAND] --help` prints, at a fixed width: the text that the help snapshot tests keep.
    public static func helpText(for subcommand: String? = nil, columns: Int = 100) -> String {
        guard let subcommand else { return LedeCommand.helpMessage(columns: columns) }
        guard let type = LedeCommand.configuration.subcommands.first(where: { $0._commandName == subcommand }) else {
            return ""
        }
        return LedeCommand.helpMessage(for: type, columns: columns)
    }
}

struct LedeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Clean, annotate and summarize batches of news articles with a YAML pipeline.",
        discussion: """
        Lede reads articles (text files, folders, globs, JSON Lines or standard input), runs the stages of a \
        pipeline over each one, and writes JSON Lines plus batch statistics into an output folder.

        Start with:
          lede run Pipelines/news.yaml
          lede stages
          lede explain Pipelines/news.yaml

        Exit codes: 0 all fine; 1 finished, but some documents were rejected (see rejects.jsonl), \
        or verify found a difference; 2 bad usage or configuration; 3 input/output failure, or a \
        plugin that cannot go on; 130 and 143 stopped by SIGINT or SIGTERM, with nothing committed.
        """,
        version: Lede.version,
        subcommands: [RunCommand.self, ValidateCommand.self, StagesCommand.self, ExplainCommand.self, MergeCommand.self,
                      VerifyCommand.self, TrainCommand.self]
    )
}
