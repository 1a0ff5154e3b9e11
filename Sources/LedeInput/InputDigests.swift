#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LedeIO
import LedeCore

/// A place in the run's input order.
public struct InputPosition: Sendable, Hashable, Comparable {
    /// The index of the file in the pipeline's expanded input list.
    public var file: Int
    /// The line within a JSON Lines file (from 1), or 0 for a whole text file.
    public var line: Int

    /// Creates a position.
    public init(file: Int, line: Int) {
        self.file = file
        self.line = line
    }

    /// By file, then line.
    public static func < (a: Self, b: Self) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// The size and SHA-256 of an input as it was read, for the run manifest.
public struct InputDigest: Sendable, Hashable {
    /// The path as shown in records.
    public var path: String
    /// The path it was opened at.
    public var location: String
    /// Its index in the pipeline's expanded input list.
    public var index: Int
    /// Bytes read.
    public var bytes: Int
    /// SHA-256 of those bytes, or nil when the file could not be read.
    public var sha256: String?
}

/// The sizes and SHA-256 digests of the input files read, in order, for the run manifest. A batch of a
/// million files keeps them until the run ends, so each is a 49-byte record (its place in the input list,
/// its size, whether it was read, the digest's 32 bytes) rather than two strings and a hex string, and
/// past ``spillRecords`` of them the records go to an unlinked temporary file: memory holds at most
/// ``spillRecords`` records (3 MB), however many files the batch has. ``InputDigest``s are made one at a
/// time as the manifest is written. Should no temporary file be made, the records stay in memory.
public struct InputDigests: Sequence, Sendable {
    let files: InputList
    /// Records not yet in the spill file.
    private var pending: [UInt8] = []
    /// The file holding the first records, and how many of its bytes are this value's (a copy that appends
    /// takes a file of its own).
    private var spill: Spill?
    private var spilledBytes = 0
    /// Records kept in memory before they are written to the spill file.
    package var spillRecords = 1 << 16

    /// Bytes of one record: index, size (8 bytes each, little-endian), read or not, SHA-256.
    static let recordSize = 49

    /// None yet, for inputs from `files`.
    public init(files: InputList) { self.files = files }

    /// None yet, for inputs from `files`.
    public init(files: [InputFile]) { self.init(files: InputList(files)) }

    /// How many inputs have a digest.
    public var count: Int { (spilledBytes + pending.count) / Self.recordSize }

    /// Records a text file's digest, as the worker that read it found it.
    package mutating func append(_ digest: FileDigest) {
        append(index: digest.index, bytes: digest.bytes, sha256: digest.sha256)
    }

    /// Records the input at `index` of the file list: its size, and its digest (nil when it could not be
    /// read whole).
    package mutating func append(index: Int, bytes: Int, sha256: [UInt8]?) {
        withUnsafeBytes(of: Int64(index).littleEndian) { pending += $0 }
        withUnsafeBytes(of: Int64(bytes).littleEndian) { pending += $0 }
        pending.append(sha256 == nil ? 0 : 1)
        pending += sha256 ?? [UInt8](repeating: 0, count: 32)
        if pending.count / Self.recordSize >= spillRecords { spillPending() }
    }

    /// Records another list's digests after these.
    package mutating func append(contentsOf other: InputDigests) {
        other.forEachRecord { record in
            pending += record
            if pending.count / Self.recordSize >= spillRecords { spillPending() }
        }
    }

    /// Writes the pending records to the spill file (made on first use; a copy of this value that shares
    /// the file copies its part first). They stay pending when the file cannot be made or written.
    private mutating func spillPending() {
        if spill == nil || !isKnownUniquelyReferenced(&spill!) || spill!.size != spilledBytes {
            guard let fresh = Spill.make() else { return spillRecords = .max }
            if let old = spill {
                var copied = 0
                while copied < spilledBytes {
                    let chunk = old.read(at: copied, count: Swift.min(1 << 20, spilledBytes - copied))
                    guard !chunk.isEmpty, fresh.write(chunk) else { return spillRecords = .max }
                    copied += chunk.count
                }
            }
            spill = fresh
        }
        guard spill!.write(pending) else { return spillRecords = .max }
        spilledBytes += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each record in order: those in the spill file, read a megabyte at a time, then
    /// those pending.
    private func forEachRecord(_ body: (ArraySlice<UInt8>) -> Void) {
        var offset = 0
        let chunkSize = (1 << 20) / Self.recordSize * Self.recordSize
        while offset < spilledBytes, let spill {
            let chunk = spill.read(at: offset, count: Swift.min(chunkSize, spilledBytes - offset))
            precondition(chunk.count % Self.recordSize == 0 && !chunk.isEmpty, "the input digests' temporary file was cut short")
            for start in stride(from: 0, to: chunk.count, by: Self.recordSize) { body(chunk[start..<(start + Self.recordSize)]) }
            offset += chunk.count
        }
        for start in stride(from: 0, to: pending.count, by: Self.recordSize) { body(pending[start..<(start + Self.recordSize)]) }
    }

    /// The digests in the order read.
    public func makeIterator() -> Iterator { Iterator(digests: self) }

    /// Reads the records a megabyte at a time.
    public struct Iterator: IteratorProtocol {
        let digests: InputDigests
        private var chunk: [UInt8] = []
        private var at = 0
        private var offset = 0
        private var pendingDone = false
        /// The input list from the last file named on: records come mostly in input order.
        private var files: InputList.Iterator?

        init(digests: InputDigests) { self.digests = digests }

        /// The next digest, or nil after the last.
        public mutating func next() -> InputDigest? {
            if at >= chunk.count {
                let chunkSize = (1 << 20) / InputDigests.recordSize * InputDigests.recordSize
                if offset < digests.spilledBytes, let spill = digests.spill {
                    chunk = spill.read(at: offset, count: Swift.min(chunkSize, digests.spilledBytes - offset))
                    precondition(chunk.count % InputDigests.recordSize == 0 && !chunk.isEmpty,
                                 "the input digests' temporary file was cut short")
                    offset += chunk.count
                } else if !pendingDone {
                    chunk = digests.pending
                    pendingDone = true
                } else {
                    return nil
                }
                at = 0
                if chunk.isEmpty { return nil }
            }
            let record = chunk[at..<(at + InputDigests.recordSize)]
            at += InputDigests.recordSize
            func int(_ from: Int) -> Int {
                var value: Int64 = 0
                withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: record[(record.startIndex + from)..<(record.startIndex + from + 8)]) }
                return Int(Int64(littleEndian: value))
            }
            let index = int(0)
            if files == nil || index < files!.position || index >= files!.position + InputList.blockSize {
                files = digests.files.makeIterator(from: index)
            }
            while files!.position < index { _ = files!.next() }
            let file = files!.next()!
            let hash = record.startIndex + 17
            return InputDigest(path: file.display, location: file.path, index: index, bytes: int(8),
                               sha256: record[record.startIndex + 16] == 1 ? Digest.hex(record[hash..<(hash + 32)]) : nil)
        }
    }
}

/// An unlinked temporary file that digest records are appended to: gone when the last value using it is.
final class Spill: @unchecked Sendable {
    // Safe to share: the descriptor never changes, and only the value that owns the file alone appends.
    private let fd: Int32
    /// Bytes written.
    private(set) var size = 0

    private init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    /// A new file in `TMPDIR` (else `/tmp`), unlinked at once; nil when none can be made.
    static func make() -> Spill? {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/lede-digests-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        return Spill(fd: fd)
    }

    /// Appends `bytes`; false when they could not all be written.
    func write(_ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, $0.count - done, off_t(size + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        size += done
        return true
    }

    /// Up to `count` bytes from `offset`.
    func read(at offset: Int, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return Array(bytes.prefix(done))
    }
}
