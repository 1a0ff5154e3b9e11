#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LedeIO
import LedeCore

/// One unit of input before decoding: a whole text file, or one JSON Lines line.
public struct RawInput: Sendable {
    /// What the input holds.
    public enum Payload: Sendable {
        /// The bytes of a whole text file.
        case text([UInt8])
        /// The bytes of one JSON Lines line.
        case jsonLine([UInt8])
        /// A text file not read yet, and its size when it was listed. The worker that takes it reads it
        /// (``loaded()``), so that opening, reading and hashing thousands of small files is not done in
        /// input order on the one task that every worker waits on.
        case file(path: String, size: Int)
        /// The input could not be read; the reason.
        case unreadable(String)
    }

    /// The id the document will get (JSON Lines records may name their own).
    public var id: String
    /// Where it came from.
    public var source: DocumentSource
    /// The bytes.
    public var payload: Payload
    /// Where it stands in the run's input order: the file's index in the expanded input list, and the line
    /// (0 for a whole file). Shards and merges order documents by this, whatever order files sit on disk.
    public var position: InputPosition = InputPosition(file: 0, line: 0)
    /// A whole file's size and SHA-256, once it has been read, for the run manifest.
    public var fileDigest: FileDigest?
    /// The largest document accepted (`input.max_document`): a text file over it is quarantined with its
    /// size by ``loaded()`` without being read.
    public var maxBytes: Int = .max

    /// The size in bytes, for progress and throughput (of a file not read yet, its size when listed).
    public var byteCount: Int {
        switch payload {
        case .text(let b), .jsonLine(let b): return b.count
        case .file(_, let size): return size
        case .unreadable: return 0
        }
    }

    /// The input with a ``Payload/file(path:size:)`` read: its bytes as ``Payload/text(_:)`` with their
    /// digest, or the reason it could not be read. Any other input as it is.
    public func loaded() -> RawInput {
        guard case .file(let path, _) = payload else { return self }
        let limit = maxBytes
        return reading { try Paths.readRegularFile(path, limit: limit, limitName: InputSpec.maxDocumentKey) }
    }

    /// The input with the bytes `read` gives as its text, with their size and digest, or with the reason
    /// they could not be read.
    func reading(_ read: () throws -> [UInt8]) -> RawInput {
        var raw = self
        do {
            let bytes = try read()
            raw.payload = .text(bytes)
            raw.fileDigest = FileDigest(index: position.file, bytes: bytes.count, sha256: Digest.sha256Bytes(bytes))
        } catch {
            raw.payload = .unreadable((error as? IOFailure)?.message ?? "\(error)")
            raw.fileDigest = FileDigest(index: position.file, bytes: 0, sha256: nil)
        }
        return raw
    }
}

/// The size and SHA-256 of a whole input file as it was read (nil when it could not be read).
public struct FileDigest: Sendable {
    /// The file's index in the pipeline's expanded input list.
    public var index: Int
    /// Bytes read.
    public var bytes: Int
    /// SHA-256 of those bytes.
    public var sha256: [UInt8]?
}
