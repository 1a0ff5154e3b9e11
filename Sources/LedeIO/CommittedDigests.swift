#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// The SHA-256 and size of files as they were written and committed, each with the identity the file had
/// on disk just after (device, inode, size, modification time): a file that has changed since is hashed
/// again from its bytes.
final class CommittedDigests: Sendable {
    private struct Entry {
        var sha256: String
        var bytes: Int
        var identity: [Int]
    }

    private let entries = Mutex<[String: Entry]>([:])

    func record(_ path: String, sha256: String, bytes: Int) {
        guard let identity = Self.identity(of: path) else { return }
        entries.withLock { $0[path] = Entry(sha256: sha256, bytes: bytes, identity: identity) }
    }

    /// The digest filed for `path`, if the file there is still the one that was written.
    func digest(of path: String) -> (sha256: String, bytes: Int)? {
        guard let entry = entries.withLock({ $0[path] }), Self.identity(of: path) == entry.identity,
              entry.identity[2] == entry.bytes else { return nil }
        return (entry.sha256, entry.bytes)
    }

    private static func identity(of path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
    }
}
