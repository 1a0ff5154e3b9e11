#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LedeIO
import Synchronization

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

    /// The first signal of the run, set by the handler itself, so the check at the end of a run sees a
    /// signal the moment the kernel delivers it. (A `DispatchSource` hands the signal to a queue first: a
    /// signal that came during the last renames of the commit could reach its handler after that check,
    /// and the run exited 0 though it had been told to stop.)
    private static let received = Atomic<Int32>(0)
    /// The write end of the pipe that wakes the thread cancelling the run; -1 when none.
    private static let wakeFD = Atomic<Int32>(-1)
    /// Cancels the run's task: called by the waking thread, never by the handler.
    private static let cancelRun = Mutex<(@Sendable () -> Void)?>(nil)

    /// The signal handler: async-signal-safe, as it only does a lock-free atomic exchange and `write(2)`.
    private static let handler: @convention(c) (Int32) -> Void = { number in
        _ = Interrupts.received.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
        let fd = Interrupts.wakeFD.load(ordering: .sequentiallyConsistent)
        if fd >= 0 {
            var byte: UInt8 = 1
            _ = write(fd, &byte, 1)
        }
    }

    /// Runs `body`, turning the first SIGINT or SIGTERM into the cancellation of its task.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        var ends: [Int32] = [-1, -1]
        // Close-on-exec, so that no plugin inherits it; the write end never blocks the handler.
        guard pipe(&ends) == 0 else {
            throw IOFailure("cannot make the pipe that wakes the run on a signal: \(String(cString: strerror(errno)))", path: "")
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        // Every static is made before the handler can run (their first use is not async-signal-safe).
        received.store(0, ordering: .sequentiallyConsistent)
        cancelRun.withLock { $0 = { task.cancel() } }
        wakeFD.store(writeEnd, ordering: .sequentiallyConsistent)
        let waker = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }  // the write end was closed: the run is over
                Interrupts.cancelRun.withLock { $0 }?()
            }
            close(readEnd)
        }
        waker.start()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        defer {
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            wakeFD.store(-1, ordering: .sequentiallyConsistent)
            cancelRun.withLock { $0 = nil }
            close(writeEnd)  // ends the waking thread, which closes nothing else
        }
        let value: T
        do {
            value = try await task.value
        } catch {
            let number = received.load(ordering: .sequentiallyConsistent)
            if number != 0 { throw Stopped(signal: number) }
            throw error
        }
        // The signal came when the work could no longer stop: while the outputs were being committed,
        // which is finished once begun. The outputs are complete, but the exit status still says the
        // command was interrupted.
        let number = received.load(ordering: .sequentiallyConsistent)
        if number != 0 {
            var stopped = Stopped(signal: number)
            stopped.finishedFirst = true
            throw stopped
        }
        return value
    }
}
