#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// The outputs of one run, renamed into place together, so that a `kill -9` in the middle of the commit
/// never leaves new outputs beside old ones with nothing to say so.
///
/// While gathering, each output's commit only makes it durable under its temporary name. ``commitAll()``
/// then writes the list of renames to `.lede/commit` (fsynced, renamed into place), renames every file
/// (the manifest last, as it is added last), and removes the list. A run or `verify` that finds the list
/// (the previous commit was cut short) finishes it first: every file named there was complete and
/// fsynced before the list was written, so finishing is always possible (``finishInterrupted(in:)``).
package final class CommitSet: Sendable {
    struct Entry: Sendable {
        var temporary: String
        var final: String
        var sha256: String?
        var bytes: Int
    }

    private let folder: String
    private let state = Mutex<(gathering: Bool, entries: [Entry])>((false, []))
    /// The list of renames of a commit in progress, relative to the output folder.
    package static let intentName = ".lede/commit"

    init(folder: String) { self.folder = folder }

    /// A test hook, after git's `GIT_TEST_*` variables: with `LEDE_TEST_SIGNAL_DURING_COMMIT` set to `TERM` or
    /// `INT`, the process sends itself that signal right after the first rename of a commit, so that a test can
    /// check what a signal in the middle of the commit does without racing the commit's few milliseconds.
    /// Lede never sets it, and any other value is ignored.
    static let testSignal: Int32? = {
        switch ProcessInfo.processInfo.environment["LEDE_TEST_SIGNAL_DURING_COMMIT"] {
        case "TERM": SIGTERM
        case "INT": SIGINT
        default: nil
        }
    }()

    /// Sends the test hook's signal to the process and waits until a thread has taken it. The commit runs on a
    /// thread that blocks signals, so the signal goes to another thread; on a loaded machine that could happen
    /// after the run had ended and put the default action back, which ended the process with no message.
    /// (`raise` would leave it pending on this thread forever.)
    static func signalSelf(_ number: Int32) {
        kill(getpid(), number)
        var pending = sigset_t()
        for _ in 0..<5_000 {
            sigpending(&pending)
            if sigismember(&pending, number) == 0 { return }
            usleep(1_000)
        }
    }

    /// From now on, commits are gathered until ``commitAll()``.
    package func gather() { state.withLock { $0.gathering = true } }

    var isGathering: Bool { state.withLock { $0.gathering } }

    func add(temporary: String, final: String, sha256: String?, bytes: Int) {
        state.withLock { $0.entries.append(Entry(temporary: temporary, final: final, sha256: sha256, bytes: bytes)) }
    }

    func pending(_ final: String) -> Entry? { state.withLock { s in s.entries.last { $0.final == final } } }

    /// Deletes every gathered file; the outputs under their names stay as they were.
    package func discardAll() {
        let entries = state.withLock { s -> [Entry] in
            defer { s = (false, []) }
            return s.entries
        }
        for entry in entries {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(Paths.fileSystemPath(entry.temporary + suffix)) }
        }
    }

    /// Renames every gathered file into place as one commit, through the list in `.lede/commit`.
    package func commitAll(digests: CommittedDigestsRecorder? = nil) throws {
        let entries = state.withLock { s -> [Entry] in
            defer { s = (false, []) }
            return s.entries
        }
        guard !entries.isEmpty else { return }
        let prefix = folder == "/" ? "/" : folder + "/"
        func relative(_ path: String) -> String { path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path }
        var list: [UInt8] = []
        for entry in entries { list += Array((relative(entry.temporary) + "\t" + relative(entry.final) + "\n").utf8) }
        let intent = Paths.join(folder, Self.intentName)
        try OutputFolder.makeDirectories(Paths.directory(of: intent))
        let file = try AtomicFile(path: intent)
        try file.write(list)
        try file.commit()
        for (index, entry) in entries.enumerated() {
            try moveIntoPlace(entry.temporary, entry.final)
            if let sha256 = entry.sha256 { digests?(entry.final, sha256, entry.bytes) }
            if index == 0, let number = Self.testSignal { Self.signalSelf(number) }
        }
        unlink(Paths.fileSystemPath(intent))
        syncFolder(Paths.directory(of: intent))
    }

    /// Finishes a commit that a killed run left in `folder`: every file its list names that is still under
    /// its temporary name is renamed into place, then the list is removed. True if there was one. Call it
    /// only while holding the folder's lock, before temporary files are swept.
    @discardableResult
    package static func finishInterrupted(in folder: String) throws -> Bool {
        let intent = Paths.join(folder, intentName)
        guard Paths.kind(intent) == .file else { return false }
        let text = String(decoding: try Paths.readRegularFile(intent, limit: 64 << 20), as: UTF8.self)
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // Only names inside the folder, as Lede writes them: the list is data, and could be edited.
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..") }) else {
                throw IOFailure("a line of the commit list is not a pair of names inside the folder", path: intent)
            }
            let temporary = Paths.join(folder, parts[0]), final = Paths.join(folder, parts[1])
            if Paths.kind(temporary) == .file { try moveIntoPlace(temporary, final) }
        }
        unlink(Paths.fileSystemPath(intent))
        syncFolder(Paths.directory(of: intent))
        return true
    }
}

/// Records the digest of a file committed by a ``CommitSet``.
package typealias CommittedDigestsRecorder = (String, String, Int) -> Void
