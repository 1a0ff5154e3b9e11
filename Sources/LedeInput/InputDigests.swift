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
/// million files keeps them until the run ends, so each takes 49 bytes here (its place in the input list,
/// its size, the digest's 32 bytes and whether it was read) rather than two strings and a hex string;
/// ``InputDigest``s are made one at a time as the manifest is written.
public struct InputDigests: Sequence, Sendable {
    let files: InputList
    private var indexes: [Int] = []
    private var sizes: [Int] = []
    private var hashes: [UInt8] = []
    private var hashed: [Bool] = []

    /// None yet, for inputs from `files`.
    public init(files: InputList) { self.files = files }

    /// None yet, for inputs from `files`.
    public init(files: [InputFile]) { self.init(files: InputList(files)) }

    /// How many inputs have a digest.
    public var count: Int { indexes.count }

    /// Records a text file's digest, as the worker that read it found it.
    package mutating func append(_ digest: FileDigest) {
        append(index: digest.index, bytes: digest.bytes, sha256: digest.sha256)
    }

    /// Records the input at `index` of the file list: its size, and its digest (nil when it could not be
    /// read whole).
    package mutating func append(index: Int, bytes: Int, sha256: [UInt8]?) {
        indexes.append(index)
        sizes.append(bytes)
        hashes += sha256 ?? [UInt8](repeating: 0, count: 32)
        hashed.append(sha256 != nil)
    }

    /// Records another list's digests after these.
    package mutating func append(contentsOf other: InputDigests) {
        for i in 0..<other.count {
            append(index: other.indexes[i], bytes: other.sizes[i],
                   sha256: other.hashed[i] ? Array(other.hashes[(i * 32)..<(i * 32 + 32)]) : nil)
        }
    }

    /// The digests in the order read.
    public func makeIterator() -> some IteratorProtocol<InputDigest> {
        (0..<count).lazy.map { i in
            let file = files[indexes[i]]
            return InputDigest(path: file.display, location: file.path, index: indexes[i], bytes: sizes[i],
                               sha256: hashed[i] ? Digest.hex(hashes[(i * 32)..<(i * 32 + 32)]) : nil)
        }.makeIterator()
    }
}
