#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The output folder of a run. It resolves relative output paths safely and hands out atomic files.
public struct OutputFolder: Sendable {
    /// The folder.
    public let path: String
    /// What the atomic files it handed out wrote, for the manifest.
    let committed = CommittedDigests()
    /// While on, an atomic file of this folder written in a cancelled task is discarded and the write
    /// throws `CancellationError`, so a long write (a merge) stops promptly on SIGINT or SIGTERM.
    package let interruption = InterruptionSwitch()
    /// The outputs of one run, committed as a unit (``CommitSet``) once ``CommitSet/gather()`` is called.
    package let commitSet: CommitSet

    /// Names a folder; nothing is created until ``prepare()``. The path is made absolute first, with the
    /// symbolic links of its existing part resolved, as the kernel would resolve it: SQLite works out a
    /// relative name on its own and refused `../tmp/x` from `/` ("SQLite error 14").
    public init(path: String) {
        self.path = Paths.resolved(path)
        commitSet = CommitSet(folder: self.path)
    }

    /// Creates the folder if needed and checks it can be written.
    public func prepare() throws {
        try Self.makeDirectories(path)
        guard access(path, W_OK) == 0 else {
            throw IOFailure("the output folder is not writable", path: path)
        }
    }

    /// Resolves a path relative to the folder, refusing absolute paths, `..` and symbolic links inside it.
    public func resolve(_ relative: String) throws -> String {
        guard !relative.isEmpty else { throw IOFailure("empty output path", path: path) }
        guard !relative.hasPrefix("/") else {
            throw IOFailure("output paths must be relative to the output folder", path: relative)
        }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." }) else {
            throw IOFailure("output paths may not leave the output folder ('..')", path: relative)
        }
        var current = path
        for part in parts where part != "." {
            current = Paths.join(current, String(part))
            if Paths.isSymlink(current) {
                throw IOFailure("output paths may not go through symbolic links", path: current)
            }
        }
        return current
    }

    /// Opens an atomic file at a relative path, creating folders inside the output folder as needed.
    public func create(_ relative: String) throws -> AtomicFile {
        let full = try resolve(relative)
        try Self.makeDirectories(Paths.directory(of: full))
        return try AtomicFile(path: full, digests: committed, interruption: interruption, commitSet: commitSet)
    }

    /// The SHA-256 and size of a file committed through ``create(_:)``, as it was written, if it has not
    /// changed since; otherwise nil.
    package func committedDigest(of relative: String) -> (sha256: String, bytes: Int)? {
        let full = Paths.join(path, relative)
        if let pending = commitSet.pending(full) { return pending.sha256.map { ($0, pending.bytes) } }
        return committed.digest(of: full)
    }

    /// Commits every gathered output as one unit, filing their digests for the manifest.
    public func commitGathered() throws {
        let committed = self.committed
        try commitSet.commitAll { path, sha256, bytes in committed.record(path, sha256: sha256, bytes: bytes) }
    }

    /// Where the bytes of an output are now: its temporary name while its commit is pending, else its name.
    package func location(of relative: String) -> String {
        let full = Paths.join(path, relative)
        return commitSet.pending(full)?.temporary ?? full
    }

    /// Makes the folder ready for a run or a merge: creates it, takes its lock, finishes a commit that a killed
    /// run left half done (before its temporary files could be swept), deletes stale temporary files, and
    /// starts gathering this run's outputs into one commit. The lock holds as long as the value returned lives.
    package func open() throws -> FolderLock {
        try prepare()
        let lock = try FolderLock(folder: path)
        try CommitSet.finishInterrupted(in: path)
        removeStaleTemporaries()
        commitSet.gather()
        return lock
    }

    /// Deletes temporary files that a killed run left behind (`.NAME.lede-tmp-PID`). Call it only while
    /// holding the folder's lock, so no running writer owns them.
    public func removeStaleTemporaries() {
        var stack = [path]
        while let dir = stack.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names {
                let full = Paths.join(dir, name)
                if isTemporaryName(name) {
                    unlink(full)
                } else if Paths.kind(full) == .directory, !Paths.isSymlink(full) {
                    stack.append(full)
                }
            }
        }
    }

    /// Names a staged file at a relative path, for outputs that another library writes.
    public func stage(_ relative: String) throws -> StagedFile {
        let full = try resolve(relative)
        try Self.makeDirectories(Paths.directory(of: full))
        return StagedFile(path: full, commitSet: commitSet)
    }

    package static func makeDirectories(_ path: String) throws {
        if Paths.kind(path) == .directory { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create folder: \(error.localizedDescription)", path: path)
        }
        guard Paths.kind(path) == .directory else { throw IOFailure("not a folder", path: path) }
    }
}
