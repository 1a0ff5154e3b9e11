import ArgumentParser
import Foundation
import Kernel
import LedeStages

/// The `lede` command line, as a library: call ``Lede/main(extraStages:)`` from your own executable to get
/// the full CLI with your stages registered.
public enum Lede {
    /// The Lede version.
    public static let version = "0.1.0"

    /// Runs the CLI with the built-in stages plus `extraStages`, and exits with its exit code.
    public static func main(extraStages: [any Stage.Type] = []) async -> Never {
        var registry = LedeStages.registry
        for type in extraStages {
            guard let stageType = StageType(any: type) else {
                FileHandle.standardError.write(Data("error: \(type) is not a DocumentStage, ExpandingStage or CollectingStage\n".utf8))
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
        let environment = Environment(registry: registry)
        return await Environment.$current.withValue(environment) {
            do {
                var command = try LedeCommand.parseAsRoot(arguments)
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return 0
            } catch let exit as ExitStatus {
                return exit.code
            } catch let error as ConfigError {
                Console.error(error.description)
                return 2
            } catch let error as IOFailure {
                Console.error(error.description)
                return 3
            } catch let error as StageFailure {
                Console.error(error.description)
                return 3
            } catch let stopped as Interrupts.Stopped {
                Console.error(stopped.message)
                return 128 + stopped.signal
            } catch {
                let code = LedeCommand.exitCode(for: error).rawValue
                let message = LedeCommand.fullMessage(for: error)
                if code == 0 {
                    Console.out(message)
                } else {
                    Console.error(message)
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
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
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
