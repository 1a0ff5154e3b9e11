#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive lock on an output folder, held with `flock` so the kernel releases it if the process dies.
package final class FolderLock {
    private var fd: Int32

    /// Takes the lock, or fails at once if another run holds it.
    package init(folder: String) throws {
        let lockPath = Paths.join(folder, ".lede.lock")
        fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOFailure("cannot create lock file: \(String(cString: strerror(errno)))", path: lockPath) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw IOFailure("another lede run is writing to this output folder", path: folder)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
