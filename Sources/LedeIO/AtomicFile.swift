#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystem
import Foundation

/// A file written under a temporary name in its final folder, then fsynced and renamed into place.
///
/// A run that is killed leaves at most a hidden temporary file, never a truncated file under the final
/// name. Every output of Lede goes through this type.
public final class AtomicFile {
    /// The final path.
    public let path: String
    private let tempPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var done = false
    /// The SHA-256 of what is written, when the file's folder keeps one (``OutputFolder/create(_:)``).
    private let digest: Digest.Running?
    private let digests: CommittedDigests?
    /// Bytes written so far.
    public private(set) var bytesWritten = 0
    /// When on, a write in a cancelled task discards the file and throws `CancellationError`.
    private let interruption: InterruptionSwitch?
    /// When gathering, ``commit()`` makes the file durable and hands it to the set, which renames it
    /// into place with the others.
    private let commitSet: CommitSet?

    /// Opens a temporary file beside `path`.
    public convenience init(path: String) throws {
        try self.init(path: path, digests: nil)
    }

    /// Opens a temporary file beside `path`; with `digests`, hashes the bytes as they are written and files
    /// the digest there when the file is committed, so that the manifest need not read it back.
    init(path: String, digests: CommittedDigests?, interruption: InterruptionSwitch? = nil, commitSet: CommitSet? = nil) throws {
        self.path = path
        self.digests = digests
        self.interruption = interruption
        self.commitSet = commitSet
        digest = digests == nil ? nil : Digest.Running()
        let dir = Paths.directory(of: path)
        tempPath = Paths.join(dir, temporaryName(for: path))
        unlink(tempPath)
        fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOFailure("cannot create file: \(String(cString: strerror(errno)))", path: path) }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if !done { discard() } }

    /// Appends bytes.
    public func write<C: Collection>(_ bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends bytes from memory: one copy into the buffer, where the generic generic write is not
    /// specialized for its caller's type across modules.
    ///
    /// A block of a megabyte or more that finds the buffer empty (a writer that gathers its own blocks, as
    /// the JSON Lines writer does) is hashed and written from where it lies, without being copied: the same
    /// bytes in the same order, so the same file and digest.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.isEmpty, bytes.count >= Self.block {
            return try flush(UnsafeRawBufferPointer(bytes))
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.block { try flush() }
    }

    /// How many bytes are gathered before they are hashed and written.
    public static let block = 1 << 20

    /// Appends a string's UTF-8.
    public func write(_ string: String) throws {
        var string = string
        try string.withUTF8 { try write($0) }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try flush($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hashes and writes bytes that follow everything written so far (the buffer's, or a block of the caller's
    /// when the buffer is empty).
    private func flush(_ bytes: UnsafeRawBufferPointer) throws {
        if let interruption, interruption.isOn, Task.isCancelled {
            discard()
            throw CancellationError()
        }
        if let digest { digest.update(bytes) }
        if let failure = Descriptor.writeAll(fd, bytes) {
            discard()
            throw IOFailure("write failed: \(String(cString: strerror(failure)))", path: path)
        }
        // The disk starts on each megabyte as it is written, so that `commit`'s fsync waits for the last one
        // rather than the whole file. Only a hint: a file system that refuses it loses nothing.
        _ = lede_start_writeback(fd, off_t(bytesWritten), off_t(bytes.count))
        bytesWritten += bytes.count
    }

    /// Flushes, fsyncs, renames into place and fsyncs the folder. After this the file is committed.
    public func commit() throws {
        guard !done else { return }
        try flush()
        if fsync(fd) != 0 {
            let message = String(cString: strerror(errno))
            discard()
            throw IOFailure("fsync failed: \(message)", path: path)
        }
        close(fd)
        fd = -1
        if let commitSet, commitSet.isGathering {
            // Durable under its temporary name; the set renames it with the others, or deletes it.
            done = true
            commitSet.add(temporary: tempPath, final: path, sha256: digest?.finish(), bytes: bytesWritten)
            return
        }
        do {
            try moveIntoPlace(tempPath, path)
        } catch {
            discard()
            throw error
        }
        done = true
        if let digest, let digests { digests.record(path, sha256: digest.finish(), bytes: bytesWritten) }
    }

    /// Closes and deletes the temporary file. The final path is left as it was.
    public func discard() {
        guard !done else { return }
        done = true
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(tempPath)
    }
}
