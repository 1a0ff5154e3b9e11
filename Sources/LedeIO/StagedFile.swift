#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file that another library writes (a SQLite database, say) under a temporary name in its final
/// folder; ``commit()`` fsyncs it, renames it into place and fsyncs the folder, like ``AtomicFile``.
public final class StagedFile {
    /// The final path.
    public let path: String
    /// Where the library should write until the file is committed.
    public let temporaryPath: String
    private var done = false
    private var commitSet: CommitSet?

    /// Names a temporary path beside `path`, removing any stale file left there by a killed run.
    public convenience init(path: String) { self.init(path: path, commitSet: nil) }

    init(path: String, commitSet: CommitSet?) {
        self.commitSet = commitSet
        self.path = path
        temporaryPath = Paths.join(Paths.directory(of: path), temporaryName(for: path))
        removeTemporary()
    }

    deinit { if !done { discard() } }

    /// Makes the written file durable and moves it into place.
    public func commit() throws {
        guard !done else { return }
        let fd = open(temporaryPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure("the staged file is missing: \(String(cString: strerror(errno)))", path: path) }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced else {
            discard()
            throw IOFailure("fsync failed", path: path)
        }
        if let commitSet, commitSet.isGathering {
            done = true
            commitSet.add(temporary: temporaryPath, final: path, sha256: nil, bytes: 0)
            return
        }
        do {
            try moveIntoPlace(temporaryPath, path)
        } catch {
            discard()
            throw error
        }
        done = true
    }

    /// Deletes the temporary file (and any SQLite journal beside it); the final path is left as it was.
    public func discard() {
        guard !done else { return }
        done = true
        removeTemporary()
    }

    private func removeTemporary() {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporaryPath + suffix) }
    }
}
