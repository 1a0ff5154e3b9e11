import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One plugin process: its own process group, pipes to its three standard streams, nothing else inherited,
/// and killed by the kernel if Lede dies (PR_SET_PDEATHSIG, set in the child by `lede_spawn`).
///
/// Written on posix_spawn rather than Foundation's `Process` or swift-subprocess because a plugin worker
/// needs all of: a process group to kill (a plugin's own children die with it), every other descriptor
/// closed in the child, an exact environment, signal dispositions reset (the runner ignores SIGPIPE), and
/// raw descriptors that dedicated threads read in large blocks.
final class ChildProcess: @unchecked Sendable {
    /// The child's pid, which is also its process group id.
    let pid: pid_t
    /// Our end of the child's standard input.
    let input: Int32
    /// Our end of the child's standard output.
    let output: Int32
    /// Our end of the child's standard error.
    let errors: Int32

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        self.errors = errors
    }

    /// How a process ended.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signalled(let signal): return "signal \(signal)" + (signal == SIGKILL ? " (killed)" : signal == SIGSEGV ? " (segmentation fault)" : "")
            }
        }
    }

    /// Starts `arguments[0]` in `directory` with exactly `environment` (`NAME=value` strings).
    static func start(arguments: [String], environment: [String], directory: String) throws -> ChildProcess {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errorsFromChild: [Int32] = [-1, -1]
        func close(_ fds: [Int32]) { for fd in fds where fd >= 0 { _ = Glibc.close(fd) } }
        guard lede_pipe(&toChild) == 0 else { throw SpawnError(errno: errno) }
        guard lede_pipe(&fromChild) == 0 else { close(toChild); throw SpawnError(errno: errno) }
        guard lede_pipe(&errorsFromChild) == 0 else { close(toChild + fromChild); throw SpawnError(errno: errno) }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                lede_spawn(a.baseAddress, e.baseAddress, directory, toChild[0], fromChild[1], errorsFromChild[1], &pid)
            }
        }
        close([toChild[0], fromChild[1], errorsFromChild[1]])
        guard rc == 0 else {
            close([toChild[1], fromChild[0], errorsFromChild[0]])
            throw SpawnError(errno: rc)
        }
        return ChildProcess(pid: pid, input: toChild[1], output: fromChild[0], errors: errorsFromChild[0])
    }

    /// Kills the whole process group.
    func kill() { _ = Glibc.kill(-pid, SIGKILL) }

    /// Whether the process has ended (it is not reaped: ``reap(grace:)`` still gets its status).
    func hasExited() -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return errno == ECHILD }
        return info.si_signo != 0
    }

    /// Closes the child's standard input: a plugin reads end-of-file and exits.
    func closeInput() { _ = Glibc.close(input) }

    /// Waits for the child to end, killing its group if it has not ended within `grace` seconds.
    func reap(grace: Double) -> Termination {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(grace * 1e9)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return .exited(-1) }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                kill()
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                break
            }
            usleep(2_000)
        }
        kill() // anything the plugin started goes with it
        let low = status & 0x7F
        return low == 0 ? .exited((status >> 8) & 0xFF) : .signalled(low)
    }
}

/// posix_spawn failed.
struct SpawnError: Error, CustomStringConvertible {
    var errno: Int32
    var description: String { String(cString: strerror(errno)) }
}

/// Splits a descriptor's bytes into lines, reading large blocks, with a limit on a line's length.
final class LineSplitter: @unchecked Sendable {
    enum Next {
        case line([UInt8])
        case tooLong
        case end
    }

    private let fd: Int32
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var block = [UInt8](repeating: 0, count: 1 << 16)
    private var discarding = false

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    /// The next line (without its newline), blocking. With a deadline, returns nil when it passes first.
    func next(deadline: UInt64? = nil) -> Next? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanned = start
                if start > 1 << 20 || start == buffer.count {
                    buffer.removeFirst(start)
                    start = 0
                    scanned = 0
                }
                if discarding {
                    discarding = false
                    continue
                }
                return line.count > limit ? .tooLong : .line(line)
            }
            scanned = buffer.count
            if buffer.count - start > limit {
                // Keep reading to the end of the overlong line, dropping it, so the stream stays in step.
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
                if !discarding {
                    discarding = true
                    return .tooLong
                }
            }
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < deadline else { return nil }
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ms = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
                if poll(&poller, 1, ms) == 0 { continue }
            }
            let n = block.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return .end }
            buffer.append(contentsOf: block[0..<n])
        }
    }
}
