import Dispatch
import Foundation

/// SIGINT and SIGTERM during a run: the run's task is cancelled, the engine stops at the next document,
/// drops every uncommitted output (temporary files go, nothing appears under a final name), stops plugin
/// workers, and the runner exits with 128 + the signal's number.
enum Interrupts {
    /// The signal that stopped the run, if one did.
    struct Stopped: Error {
        let signal: Int32
        /// Whether the run kept a journal, so that `--resume` continues it.
        var resumable = true
        /// What was stopped, when it is not a run (`verify`, `merge`): replaces the run's message.
        var stoppedWhat: String?
        /// The signal came during the commit of the outputs, which was finished: they are all in place.
        var finishedFirst = false
        var message: String {
            if finishedFirst {
                return "interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM") while the outputs were being committed: " +
                    "the commit was finished first, so every output and manifest.json is complete"
            }
            if let stoppedWhat {
                return "interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM"): \(stoppedWhat)"
            }
            return "interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM"): stopped cleanly; no output was committed. "
                + (resumable ? "The documents already done are kept in the journal: run the same command with --resume to continue"
                             : "It ran with --no-journal, so a new run starts from the beginning")
        }
    }

    private final class Received: @unchecked Sendable {
        let lock = NSLock()
        var signal: Int32?
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let received = Received()
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                received.lock.withLock { if received.signal == nil { received.signal = number } }
                task.cancel()
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        let value: T
        do {
            value = try await task.value
        } catch {
            if let number = received.lock.withLock({ received.signal }) { throw Stopped(signal: number) }
            throw error
        }
        // The signal came when the work could no longer stop: while the outputs were being committed,
        // which is finished once begun. The outputs are complete, but the exit status still says the
        // command was interrupted.
        if let number = received.lock.withLock({ received.signal }) {
            var stopped = Stopped(signal: number)
            stopped.finishedFirst = true
            throw stopped
        }
        return value
    }
}
