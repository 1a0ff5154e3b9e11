import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LedeCore
import LedeIO

/// How to start and supervise plugin workers.
struct ExecConfig: Sendable {
    /// The command, its first element resolved to a path.
    var arguments: [String]
    /// The child's whole environment, as `NAME=value`.
    var environment: [String]
    /// The child's working folder.
    var directory: String
    /// Seconds a plugin may spend on one document.
    var timeout: Double
    /// Seconds a plugin may take to start and answer the handshake.
    var startupTimeout: Double
    /// How many times, in all, crashed or killed workers are started again.
    var restarts: Int
    /// Worker processes.
    var workers: Int
    /// The longest line a plugin may write, in bytes.
    var maxLineBytes: Int
    /// The pipeline's name for the stage, for messages.
    var stageName: String
    /// The layers the pipeline lets the plugin replace (the `replaces` option), sorted; its handshake must
    /// declare exactly these.
    var replaces: [String] = []
}

/// What a plugin says about itself in the handshake.
struct Handshake: Sendable, Equatable {
    var name: String
    var layers: [String]
    /// The plugin declared `"offsets": "codepoints"`: its spans may leave out `text`.
    var codePointOffsets = false
    /// The layers whose spans the plugin may replace as a whole (`"replaces"`), sorted.
    var replaces: [String] = []
}

/// Why a worker's process ended, as the reader thread sees it.
private enum Ending {
    case timedOut(Double)
    case strayLine
}

/// A set of long-lived plugin processes, each fed several documents at once: requests are written as they
/// come, a reader thread per process matches answers to requests in order, and a watchdog kills a process
/// that spends too long on one document.
final class ExecPool: @unchecked Sendable {
    let config: ExecConfig
    private let lock = NSLock()
    private var workers: [Worker] = []
    private var restartsLeft: Int
    private var handshake: Handshake?
    private var nextWorker = 0
    private var finished = false
    private var watchdog: Thread?

    init(config: ExecConfig) {
        self.config = config
        restartsLeft = config.restarts
        workers = (0..<config.workers).map { Worker(index: $0) }
        for worker in workers { worker.pool = self }
    }

    /// The plugin's name: from its handshake once it has answered, else the command.
    var pluginName: String {
        lock.lock(); defer { lock.unlock() }
        return handshake?.name ?? Paths.stem(config.arguments[0])
    }

    /// Whether the plugin declared that its offsets count code points, once a worker has started.
    var declaredCodePoints: Bool {
        lock.lock(); defer { lock.unlock() }
        return handshake?.codePointOffsets ?? false
    }

    /// The layers the plugin declared, once a worker has started.
    var declaredLayers: [String] {
        lock.lock(); defer { lock.unlock() }
        return handshake?.layers ?? []
    }

    /// Sends one request line and waits for its answer line, with what the plugin printed meanwhile.
    func submit(id: String, line: [UInt8]) async throws -> Reply {
        let worker: Worker? = lock.withLock {
            if finished { return nil }
            defer { nextWorker = (nextWorker + 1) % workers.count }
            if watchdog == nil { startWatchdog() }
            return workers[nextWorker]
        }
        guard let worker else {
            throw StageFailure(stage: config.stageName, "the plugin was asked for a document after the run ended")
        }
        // A cancelled run (SIGINT, SIGTERM, another stage's failure) does not wait for plugins: every worker
        // group is killed at once, and the documents waiting on them fail.
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                worker.send(Pending(id: id, line: line, continuation: continuation))
            }
        } onCancel: {
            self.abort()
        }
    }

    /// Kills every worker's process group now, without waiting for answers or a grace period; the
    /// documents waiting fail with a ``StageFailure``. For a run that is stopping.
    func abort() {
        lock.lock()
        finished = true
        lock.unlock()
        for worker in workers { worker.abort() }
    }

    /// Closes every worker's input, waits for the workers to exit, and kills what is left.
    func finish() {
        lock.lock()
        if finished { lock.unlock(); return }
        finished = true
        lock.unlock()
        for worker in workers { worker.close(grace: 5) }
    }

    /// Takes one restart from the budget; false when it is spent.
    fileprivate func takeRestart() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard restartsLeft > 0 else { return false }
        restartsLeft -= 1
        return true
    }

    /// Records the first handshake; later workers must say the same.
    fileprivate func agree(_ said: Handshake) throws {
        lock.lock(); defer { lock.unlock() }
        if let handshake, handshake != said {
            throw StageFailure(stage: config.stageName,
                               "plugin workers disagree: one said \(handshake.name) \(handshake.layers), another \(said.name) \(said.layers)")
        }
        handshake = said
    }

    private func startWatchdog() {
        let period = max(0.01, min(0.1, config.timeout / 4))
        let thread = Thread { [weak self] in
            while let pool = self {
                pool.lock.lock()
                let done = pool.finished
                pool.lock.unlock()
                if done { return }
                for worker in pool.workers { worker.enforceTimeout(pool.config.timeout) }
                Thread.sleep(forTimeInterval: period)
            }
        }
        thread.name = "lede-exec-watchdog"
        thread.start()
        watchdog = thread
    }
}

/// A request waiting for its answer.
struct Pending {
    var id: String
    var line: [UInt8]
    var continuation: CheckedContinuation<Reply, any Error>
    /// Lines the plugin wrote to stdout while this request was the oldest waiting that answer nothing.
    var printed: [String] = []
}

/// A plugin's answer line to one request, and any other lines it printed to stdout meanwhile (a stray
/// `print()` in a plugin): those are kept with the document as warnings instead of being taken for answers,
/// so one print cannot put every later answer out of step.
struct Reply: Sendable {
    var line: [UInt8]
    /// The line as JSON, when the reader parsed it to tell an answer from the plugin's own output; the
    /// stage reads the answer from it instead of parsing the line again.
    var value: JSONValue?
    var printed: [String]

    /// At most this many printed lines are kept per document, each cut to ``printedLength`` characters.
    static let printedLines = 5
    static let printedLength = 200

    /// `line` parsed, when it can be an answer: a JSON object whose `"id"` names one of the documents
    /// waiting (`ids`). An answer for another waiting document than the oldest is still an answer, and fails
    /// as out of order; anything else the plugin writes is its own output (nil).
    static func answer(_ line: [UInt8], ids: ArraySlice<Pending>) -> JSONValue? {
        guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }), first == 0x7B,
              let text = String(validating: line, as: UTF8.self),
              let value = try? JSONReader.parse(text),
              case .object(let fields) = value,
              case .string(let id)? = fields["id"], ids.contains(where: { $0.id == id }) else { return nil }
        return value
    }
}

/// One plugin process at a time, restarted when it dies.
private final class Worker: @unchecked Sendable {
    let index: Int
    weak var pool: ExecPool?
    /// Guards everything below. Never held while writing to the child.
    private let state = NSLock()
    /// Keeps requests in the order they are written, and keeps writes out while a process is replaced.
    private let writing = NSLock()
    private var process: ChildProcess?
    private var pending: [Pending] = []
    private var head = 0
    private var workingSince: UInt64 = 0
    private var ending: Ending?
    private var failure: StageFailure?
    private var closing = false
    private var readerDone: DispatchSemaphore?

    init(index: Int) { self.index = index }

    private var config: ExecConfig { pool!.config }

    private var waiting: Int { pending.count - head }

    func send(_ request: Pending) {
        writing.lock(); defer { writing.unlock() }
        state.lock()
        if let failure {
            state.unlock()
            request.continuation.resume(throwing: failure)
            return
        }
        if closing {
            state.unlock()
            request.continuation.resume(throwing: StageFailure(stage: config.stageName, "the run is stopping; the plugin was stopped"))
            return
        }
        if process == nil {
            do {
                try startLocked()
            } catch let error as StageFailure {
                failure = error
                state.unlock()
                request.continuation.resume(throwing: error)
                return
            } catch {
                state.unlock()
                request.continuation.resume(throwing: error)
                return
            }
        }
        if waiting == 0 { workingSince = DispatchTime.now().uptimeNanoseconds }
        pending.append(request)
        let fd = process!.input
        state.unlock()
        // A failed write means the child is gone; its reader thread sees the end and sorts out the requests.
        _ = Descriptor.writeAll(fd, request.line)
    }

    /// Kills the process group now and refuses further requests (the run is stopping).
    func abort() {
        state.lock()
        closing = true
        let process = self.process
        state.unlock()
        process?.kill()
    }

    /// Whether the reader may stop waiting for the end of the process's output: the process was killed
    /// (a timeout, a stray line) or is being closed, and it has exited. Whatever still holds its output
    /// then (a grandchild that called setsid() and so left the process group) is not waited for.
    fileprivate func mayAbandon(_ child: ChildProcess) -> Bool {
        state.lock()
        let killed = ending != nil || closing
        state.unlock()
        return killed && child.hasExited()
    }

    /// Kills the process when the request it is working on has taken too long.
    func enforceTimeout(_ timeout: Double) {
        state.lock(); defer { state.unlock() }
        guard let process, waiting > 0, ending == nil, !closing else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - workingSince) / 1e9
        if elapsed > timeout {
            ending = .timedOut(timeout)
            process.kill()
        }
    }

    /// Closes the input, waits up to `grace` seconds for the process to exit, then kills it.
    func close(grace: Double) {
        state.lock()
        closing = true
        let process = self.process
        let done = readerDone
        state.unlock()
        guard let process, let done else { return }
        writing.lock()
        process.closeInput()
        writing.unlock()
        if done.wait(timeout: .now() + grace) == .timedOut {
            process.kill()
            _ = done.wait(timeout: .now() + 5)
        }
    }

    /// Starts the process and exchanges handshakes. Called with `writing` and `state` held.
    private func startLocked() throws {
        let config = self.config
        let name = config.stageName
        let child: ChildProcess
        do {
            child = try ChildProcess.start(arguments: config.arguments, environment: config.environment, directory: config.directory)
        } catch {
            throw StageFailure(stage: name, "cannot start \(config.arguments.joined(separator: " ")): \(error)")
        }
        let errors = StderrTail(fd: child.errors)
        let hello = "{\"protocol\":\"lede-exec\",\"version\":\(ExecProtocol.version),\"worker\":\(index)}\n"
        let lines = LineSplitter(fd: child.output, limit: config.maxLineBytes)
        func fail(_ message: String) -> StageFailure {
            child.kill()
            let status = child.reap(grace: 1)
            _ = Glibc.close(child.input)
            _ = Glibc.close(child.output)
            let tail = errors.finish()
            return StageFailure(stage: name, message + " (\(status))" + (tail.isEmpty ? "" : "; its stderr ends:\n" + tail))
        }
        _ = Descriptor.writeAll(child.input, Array(hello.utf8))
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(config.startupTimeout * 1e9)
        switch lines.next(deadline: deadline) {
        case nil:
            throw fail("the plugin did not answer the handshake within \(ExecProtocol.seconds(config.startupTimeout))")
        case .end?:
            throw fail("the plugin exited before answering the handshake")
        case .tooLong?:
            throw fail("the plugin's handshake line is over \(config.maxLineBytes) bytes")
        case .line(let bytes)?:
            let said: Handshake
            do {
                said = try ExecProtocol.handshake(bytes)
            } catch let error as ExecProtocol.Violation {
                throw fail("bad handshake: \(error.message)")
            }
            if let mismatch = Self.replacesMismatch(plugin: said.replaces, pipeline: config.replaces) {
                throw fail("bad handshake: plugin '\(said.name)' \(mismatch)")
            }
            do { try pool!.agree(said) } catch let error as StageFailure { _ = fail(""); throw error }
        }
        process = child
        ending = nil
        let done = DispatchSemaphore(value: 0)
        readerDone = done
        let thread = Thread { [self] in
            self.read(child, lines: lines, errors: errors)
            done.signal()
        }
        thread.name = "lede-exec-\(index)"
        thread.start()
    }

    /// Why the layers a plugin's handshake says it replaces are not the ones the pipeline's `replaces`
    /// option allows, or nil when they agree. They must be the same: the option is what the manifest and the
    /// journal's fingerprint record, and a plugin must not rewrite a layer the pipeline does not say it does.
    static func replacesMismatch(plugin: [String], pipeline: [String]) -> String? {
        func list(_ layers: [String]) -> String { "[" + layers.joined(separator: ", ") + "]" }
        let extra = plugin.filter { !pipeline.contains($0) }
        if !extra.isEmpty {
            return "declares \"replaces\": \(list(extra)) in its handshake, which the pipeline does not allow; " +
                "a plugin replaces a layer only when the exec stage's options say so: replaces: \(list(plugin))"
        }
        let missing = pipeline.filter { !plugin.contains($0) }
        if !missing.isEmpty {
            return "does not declare \"replaces\": \(list(missing)) in its handshake, but the pipeline says it replaces " +
                "\(list(pipeline)); the pipeline's replaces and the plugin's must name the same layers"
        }
        return nil
    }

    /// The reader thread of one process: answers to requests in order, then what to do when it ends.
    private func read(_ child: ChildProcess, lines: LineSplitter, errors: StderrTail) {
        while true {
            // Lines are awaited a tenth of a second at a time, so that a killed process whose output another
            // process still holds open is noticed: the timeout then fires whatever holds the pipe.
            guard let next = lines.next(deadline: DispatchTime.now().uptimeNanoseconds + 100_000_000) else {
                if mayAbandon(child) {
                    ended(child, errors: errors)
                    return
                }
                continue
            }
            switch next {
            case .line(let bytes):
                guard case .answer(let value) = classify(bytes) else { continue }
                guard let request = answered(child) else { continue }
                request.continuation.resume(returning: Reply(line: bytes, value: value, printed: request.printed))
            case .tooLong:
                // The splitter drops the rest of the line, so the answers stay in step: only this document fails.
                guard let request = answered(child) else { continue }
                let plugin = pool?.pluginName ?? "plugin"
                request.continuation.resume(throwing: DocumentError(
                    "plugin '\(plugin)' wrote a line over \(config.maxLineBytes) bytes for this document (max_line_bytes)"))
            case .end:
                ended(child, errors: errors)
                return
            }
        }
    }

    /// What a line of the plugin's stdout is.
    private enum Line {
        /// An answer, parsed when it could be (nil for a line that looks like one while nothing waits).
        case answer(JSONValue?)
        /// The plugin's own output, kept with the oldest waiting request (or dropped when none waits).
        case printed
    }

    /// Tells an answer from the plugin's own output; the request an output line comes during keeps waiting.
    private func classify(_ bytes: [UInt8]) -> Line {
        state.lock(); defer { state.unlock() }
        guard waiting > 0 else {
            // With nothing waiting, only a line that looks like an answer is a protocol violation.
            return bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == 0x7B ? .answer(nil) : .printed
        }
        if let value = Reply.answer(bytes, ids: pending[head...]) { return .answer(value) }
        if pending[head].printed.count < Reply.printedLines {
            let text = String(decoding: bytes, as: UTF8.self)
            pending[head].printed.append(text.count > Reply.printedLength ? String(text.prefix(Reply.printedLength)) + "…" : text)
        }
        return .printed
    }

    /// The request a line answers: the oldest waiting. A line when none waits is a protocol violation:
    /// the process is killed, and restarted by the end-of-output handling.
    private func answered(_ child: ChildProcess) -> Pending? {
        state.lock(); defer { state.unlock() }
        guard waiting > 0 else {
            if ending == nil { ending = .strayLine; child.kill() }
            return nil
        }
        return popLocked()
    }

    /// Takes the oldest request; the plugin starts on the next one now. Called with `state` held.
    private func popLocked() -> Pending {
        let request = pending[head]
        head += 1
        if head == pending.count || head > 1024 {
            pending.removeFirst(head)
            head = 0
        }
        workingSince = DispatchTime.now().uptimeNanoseconds
        return request
    }

    /// The process has closed its output: reap it, settle the request it was working on, restart or give up.
    private func ended(_ child: ChildProcess, errors: StderrTail) {
        let status = child.reap(grace: 1)
        _ = Glibc.close(child.output)
        let tail = errors.finish()
        let plugin = pool?.pluginName ?? "plugin"
        let stage = config.stageName

        writing.lock(); defer { writing.unlock() }
        state.lock()
        if !closing { _ = Glibc.close(child.input) }
        process = nil
        let ending = self.ending
        self.ending = nil
        var settled: [(Pending, any Error)] = []
        if closing {
            let error = StageFailure(stage: stage, "plugin '\(plugin)' ended (\(status)) with documents still waiting")
            settled = pending[head...].map { ($0, error) }
            pending = []
            head = 0
            state.unlock()
            for (request, error) in settled { request.continuation.resume(throwing: error) }
            return
        }
        let tailNote = tail.isEmpty ? "" : "; its stderr ends:\n" + tail
        // The request the process was working on when it died is the oldest one waiting.
        if waiting > 0 {
            let culprit = pending[head]
            let reason: String?
            switch ending {
            case .timedOut(let seconds)?:
                reason = "plugin '\(plugin)' took longer than \(ExecProtocol.seconds(seconds)) on this document and was killed"
            case .strayLine?:
                reason = nil // the documents waiting came after the stray line: none of them is to blame
            case nil:
                reason = status == .exited(0) ? nil : "plugin '\(plugin)' crashed on this document (\(status))\(tailNote)"
            }
            if let reason {
                head += 1
                settled.append((culprit, DocumentError(reason)))
            }
        }
        if ending == nil && status == .exited(0) {
            // A clean exit with the input still open is a plugin bug that would otherwise hang the run.
            failure = StageFailure(stage: stage, "plugin '\(plugin)' exited (\(status)) before its input closed, with \(waiting) document(s) waiting; a plugin must answer every line until it reads end-of-file\(tailNote)")
        } else if !(pool?.takeRestart() ?? false) {
            failure = StageFailure(stage: stage, "plugin '\(plugin)' failed again (\(status)) and has used all \(config.restarts) restart(s); the last document it was working on is in rejects.jsonl\(tailNote)")
        }
        var resend: [[UInt8]] = []
        if failure == nil && waiting > 0 {
            do {
                try startLocked()
                resend = pending[head...].map(\.line)
                workingSince = DispatchTime.now().uptimeNanoseconds
            } catch let error as StageFailure {
                failure = error
            } catch {
                failure = StageFailure(stage: stage, "\(error)")
            }
        }
        if let failure {
            settled += pending[head...].map { ($0, failure) }
            pending = []
            head = 0
        }
        let fd = process?.input
        state.unlock()
        for (request, error) in settled { request.continuation.resume(throwing: error) }
        if let fd { for line in resend { _ = Descriptor.writeAll(fd, line) } }
    }
}

/// Drains a plugin's standard error on its own thread, keeping the last few lines for error messages.
final class StderrTail: @unchecked Sendable {
    private let lock = NSLock()
    private var tail: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)
    private let fd: Int32
    /// Set when the stream is given up on (something that left the process group holds it open).
    private var abandoned = false
    static let keep = 2_000

    init(fd: Int32) {
        self.fd = fd
        let thread = Thread { [self] in
            var block = [UInt8](repeating: 0, count: 4096)
            while true {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, 100)
                if ready == 0 || (ready < 0 && errno == EINTR) {
                    if lock.withLock({ abandoned }) { break }
                    continue
                }
                let n = block.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                lock.lock()
                tail.append(contentsOf: block[0..<n])
                if tail.count > 2 * Self.keep { tail.removeFirst(tail.count - Self.keep) }
                lock.unlock()
            }
            done.signal()
        }
        thread.name = "lede-exec-stderr"
        thread.start()
    }

    /// Waits briefly for the stream to end, closes it, and returns its last lines.
    func finish() -> String {
        // A stream held open by something that escaped the process group is given up on after a second:
        // the reading thread sees that within a tenth of a second and stops, and only then is the
        // descriptor closed (closing it under a reader would be a race).
        if done.wait(timeout: .now() + 1) == .timedOut {
            lock.withLock { abandoned = true }
            done.wait()
        }
        _ = Glibc.close(fd)
        lock.lock(); defer { lock.unlock() }
        var bytes = tail.suffix(Self.keep)
        while let last = bytes.last, last == 0x0A || last == 0x20 { bytes.removeLast() }
        if bytes.isEmpty { return "" }
        var text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 12 { text = lines.suffix(12).joined(separator: "\n") }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
