#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

// How every output file is made durable, shared by AtomicFile, StagedFile, CommitSet and OutputFolder:
// written under a temporary name beside its final one, fsynced, renamed into place, folder fsynced.

/// The name an output is written under until it is committed: hidden, beside it, marked with the pid.
func temporaryName(for path: String) -> String {
    ".\(Paths.fileName(path))\(temporaryMarker)\(getpid())"
}

let temporaryMarker = ".lede-tmp-"

/// Whether a file name is one ``temporaryName(for:)`` makes.
func isTemporaryName(_ name: String) -> Bool {
    name.hasPrefix(".") && name.contains(temporaryMarker)
}

/// Renames a finished, fsynced temporary file to its final name, then fsyncs the folder so the rename
/// itself survives a power loss.
func moveIntoPlace(_ temporary: String, _ path: String) throws {
    guard rename(temporary, path) == 0 else {
        throw IOFailure("cannot move the finished file into place: \(String(cString: strerror(errno)))", path: path)
    }
    let dirfd = open(Paths.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dirfd >= 0 {
        fsync(dirfd)
        close(dirfd)
    }
}

/// fsyncs a folder, so the renames in it survive a power loss.
func syncFolder(_ path: String) {
    let dirfd = open(Paths.fileSystemPath(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dirfd >= 0 {
        fsync(dirfd)
        close(dirfd)
    }
}
