import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LedeIO
import LedePipeline
import LedeInput

/// How a run uses the journal in its output folder (`.lede/journal/`).
///
/// The journal keeps, for every input, what the per-document stages made of it: the documents (every
/// layer, removal, warning and figure) or the reject. It is written in part files, each committed like an
/// output (temporary name, fsync, rename, fsync of the folder) about once a second, so a run that is killed,
/// even with SIGKILL, loses at most the last second of work and never leaves a half-written part behind.
/// Each result is filed under a key: the SHA-256 of the run's fingerprint (the Lede build, the input
/// settings, and every per-document stage with its resolved options and the files it read) and the input's
/// id, source and bytes (for a whole file, the SHA-256 of its bytes). A result is reused only when its key
/// matches exactly, so a reused result is the one the stages would compute again. Collecting stages
/// (writers, statistics) always run over every document, so every output is rebuilt, byte for byte as an
/// uninterrupted run writes it.
public enum JournalMode: Sendable, Equatable {
    /// No journal: nothing is kept for a later run, and the folder's old journal is deleted at the end.
    case off
    /// Keep a journal of this run (the default), so that a later run can resume or be incremental.
    case write
    /// Keep one, and take every input whose key is in the journal from it instead of running the stages:
    /// `lede run --resume` after a crash, `--incremental` after a change to some inputs.
    case reuse
}

/// A result's key in the journal: a SHA-256.
struct JournalKey: Hashable, Sendable {
    var a: UInt64, b: UInt64, c: UInt64, d: UInt64

    /// Reads the 32 bytes of a digest, little-endian words as the part index stores them.
    init(reading r: inout ByteReader) throws {
        a = try r.fixed64(); b = try r.fixed64(); c = try r.fixed64(); d = try r.fixed64()
    }

    func write(into w: inout ByteWriter) {
        for word in [a, b, c, d] { w.fixed64(word) }
    }

    /// The 32 bytes in hexadecimal, in the order a part stores them, for a shard's `order.jsonl`.
    var hex: String {
        var w = ByteWriter(capacity: 32)
        write(into: &w)
        return w.bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// Reads a key written as ``hex``; nil for anything else.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for i in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        var r = ByteReader(bytes)
        guard let key = try? JournalKey(reading: &r) else { return nil }
        self = key
    }
}

/// The journal of an output folder as a run finds it: an index of the results in committed parts, read by
/// the workers concurrently, and the fingerprint this run files its own results under.
final class JournalStore: Sendable {
    /// The journal's folder, relative to the output folder.
    static let folder = ".lede/journal"
    static let magic = Array("LEDEJRN2".utf8)
    static let endMagic = Array("LEDEJEND".utf8)
    /// Bytes of one index entry at the end of a part: key; its block's offset, stored length and checksum;
    /// the record's offset and length in the inflated block.
    static let entrySize = 32 + 8 * 5

    /// Where a record is: in which block of which part, and where inside that block once inflated.
    struct Location: Sendable {
        var part: Int
        var offset: Int
        var length: Int
        var checksum: UInt64
        /// The record's bytes in the inflated block.
        var record: Range<Int>
    }

    let path: String
    let fingerprint: [UInt8]
    /// Every part present when the run started, deleted when it ends well (their results that this run
    /// used are in its own parts by then).
    let oldParts: [String]
    /// The number the run's first new part gets.
    let nextNumber: Int
    private let index: [JournalKey: Location]
    private let descriptors: [Int32]

    /// Lists the journal of `output` and, for `reuse`, indexes the parts written under the same fingerprint.
    init(output: OutputFolder, fingerprint: [UInt8], mode: JournalMode) {
        let path = Paths.join(output.path, Self.folder)
        self.path = path
        self.fingerprint = fingerprint
        let parts = Self.parts(in: path)
        let oldParts = parts.map(\.path)
        self.oldParts = oldParts
        nextNumber = (parts.last?.number ?? 0) + 1
        var index: [JournalKey: Location] = [:]
        var descriptors: [Int32] = []
        if mode == .reuse {
            for part in oldParts {
                let fd = open(part, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { continue }
                guard let entries = Self.entries(fd: fd, fingerprint: fingerprint) else {
                    close(fd)
                    continue
                }
                for (key, var location) in entries {
                    location.part = descriptors.count
                    index[key] = location
                }
                descriptors.append(fd)
            }
        }
        self.index = index
        self.descriptors = descriptors
    }

    deinit { for fd in descriptors { close(fd) } }

    /// The committed parts in a journal folder, by number: the order they were written in.
    static func parts(in folder: String) -> [(number: Int, path: String)] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).compactMap { name in
            guard name.hasPrefix("part-"), name.hasSuffix(".bin"), let number = Int(name.dropFirst(5).dropLast(4)) else { return nil }
            return (number, Paths.join(folder, name))
        }.sorted { $0.number < $1.number }
    }

    /// The index at the end of a committed part, when it was written under `fingerprint` (any, when nil).
    fileprivate static func entries(fd: Int32, fingerprint: [UInt8]?) -> [(JournalKey, Location)]? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let head = magic.count + 32, tail = 16
        guard size >= head + tail, let header = read(fd, at: 0, count: head), header.starts(with: magic),
              fingerprint.map({ header == magic + $0 }) ?? true,
              let end = read(fd, at: size - tail, count: tail), Array(end[8...]) == endMagic else { return nil }
        var r = ByteReader(end)
        guard let count = try? r.fixed64(), count <= UInt64(size), size >= head + tail + Int(count) * entrySize,
              let table = read(fd, at: size - tail - Int(count) * entrySize, count: Int(count) * entrySize) else { return nil }
        var t = ByteReader(table)
        var entries: [(JournalKey, Location)] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let key = try? JournalKey(reading: &t), let offset = try? t.fixed64(), let length = try? t.fixed64(),
                  let checksum = try? t.fixed64(), let recordOffset = try? t.fixed64(), let recordLength = try? t.fixed64(),
                  offset >= UInt64(head), length <= UInt64(size), offset + length <= UInt64(size),
                  recordOffset <= UInt64(Int32.max), recordLength <= UInt64(Int32.max) else { return nil }
            entries.append((key, Location(part: 0, offset: Int(offset), length: Int(length), checksum: checksum,
                                          record: Int(recordOffset)..<Int(recordOffset + recordLength))))
        }
        return entries
    }

    fileprivate static func read(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }

    /// The key of an input's result: nil for an input that could not be read, which is always read again.
    func key(for raw: RawInput) -> JournalKey? {
        let bytes: [UInt8]
        let kind: UInt8
        switch raw.payload {
        case .text(let b):
            // A whole file already hashed for the manifest: its SHA-256 stands for its bytes, which are not
            // hashed a second time (a kind of its own, so that it can never equal a text's key).
            if let file = raw.fileDigest, let sha256 = file.sha256, file.bytes == b.count {
                bytes = sha256; kind = 3
            } else {
                bytes = b; kind = 1
            }
        case .jsonLine(let b): bytes = b; kind = 2
        case .unreadable: return nil
        case .file: return key(for: raw.loaded())
        }
        var w = ByteWriter(capacity: 64 + raw.id.utf8.count + raw.source.path.utf8.count)
        w.raw(fingerprint)
        w.byte(kind)
        w.string(raw.id)
        w.string(raw.source.path)
        w.uint(raw.source.line ?? 0)
        w.uint(bytes.count)
        let digest = Digest.Running()
        w.bytes.withUnsafeBytes { digest.update($0) }
        bytes.withUnsafeBytes { digest.update($0) }
        var digestBytes = ByteReader(digest.bytes())
        return try? JournalKey(reading: &digestBytes)
    }

    /// The record filed under `key`, its block checked against its checksum; nil when there is none or it is
    /// damaged. `cache` keeps the last block inflated, since a batch's records share one.
    func load(_ key: JournalKey, cache: inout JournalBlockCache) -> [UInt8]? {
        guard let location = index[key] else { return nil }
        return cache.record(at: location) { Self.read(descriptors[location.part], at: location.offset, count: location.length) }
    }

    /// Deletes the parts the run found, once its own parts hold everything it used; then the folders, if empty.
    func removeOldParts() {
        for part in oldParts { unlink(part) }
        rmdir(path)
        rmdir(Paths.directory(of: path))
    }

    /// What a result depends on besides its input: the Lede build (its GNU build id, or the executable's
    /// SHA-256 when it has none), the input settings, and each per-document stage as the manifest records it.
    static func fingerprint(of pipeline: Pipeline, tool: Manifest.Tool) -> [UInt8] {
        let digest = Digest.Running()
        func add(_ s: String) {
            var s = s + "\n"
            s.withUTF8 { digest.update(UnsafeRawBufferPointer($0)) }
        }
        add("lede journal 2")
        add("\(tool.name) \(tool.version) \(tool.commit ?? "-")")
        add(buildIdentity)
        let input = pipeline.input
        add("\(input.format.rawValue) \(input.textField) \(input.idField) \(input.onInvalidUTF8)" + (input.format == .html ? " \(input.htmlField)" : ""))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (stage, record) in zip(pipeline.stages, Manifest.stages(of: pipeline)) {
            if case .collecting = stage.instance { continue }
            let json = (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? "\(record)"
            add(json)
        }
        return digest.bytes()
    }

    /// The running executable's identity, computed once.
    static let buildIdentity: String = {
        var id = [UInt8](repeating: 0, count: 64)
        let n = lede_build_id(&id, id.count)
        if n > 0 { return "build-id " + id[..<n].map { String(format: "%02x", $0) }.joined() }
        if let (hex, _) = try? Digest.sha256(file: "/proc/self/exe") { return "exe " + hex }
        return "unknown build"
    }()
}

/// The records of one batch of results, compressed together (records of one batch are alike, so they
/// compress to half the size they would alone), and where each lies in the block once inflated. Made by
/// the ``JournalFiler``; written whole by ``JournalWriter/append(_:)``.
struct JournalBlock: Sendable {
    /// The block as a part stores it (``JournalRecord/pack(_:with:)``).
    let stored: [UInt8]
    /// Each record's key, and its offset and length in the inflated block.
    let entries: [(key: JournalKey, offset: Int, length: Int)]

    /// Packs `records`, in their order.
    init(records: [(JournalKey, [UInt8])], deflater: Deflater) {
        var all: [UInt8] = []
        all.reserveCapacity(records.reduce(0) { $0 + $1.1.count })
        var entries: [(key: JournalKey, offset: Int, length: Int)] = []
        for (key, record) in records {
            entries.append((key, all.count, record.count))
            all.append(contentsOf: record)
        }
        self.init(packing: all, entries: entries, deflater: deflater)
    }

    /// Packs records already laid end to end in `all`, where `entries` says each lies.
    init(packing all: [UInt8], entries: [(key: JournalKey, offset: Int, length: Int)], deflater: Deflater) {
        stored = JournalRecord.pack(all, with: deflater)
        self.entries = entries
    }
}

/// The last block a reader inflated, so that reading a batch's records one by one inflates its block once.
struct JournalBlockCache {
    private var part = -1
    private var offset = -1
    private var bytes: [UInt8] = []

    /// The record at `location`; `read` gives the stored block when it is not the one in the cache. Nil
    /// when the block is damaged or the record lies outside it.
    mutating func record(at location: JournalStore.Location, read: () -> [UInt8]?) -> [UInt8]? {
        if location.part != part || location.offset != offset {
            part = -1
            guard let stored = read(), Checksum.of(stored) == location.checksum,
                  let inflated = try? JournalRecord.unpack(stored) else { return nil }
            (part, offset, bytes) = (location.part, location.offset, inflated)
        }
        guard location.record.upperBound <= bytes.count else { return nil }
        return Array(bytes[location.record])
    }
}

/// A block of records as a journal part stores it: compressed with DEFLATE (zlib's fastest level), so that
/// a journal takes less room than its inputs. A method byte (0 stored, 1 deflated), the size inflated as a
/// varint, then the bytes.
enum JournalRecord {
    /// The stored form of `record`.
    static func pack(_ record: [UInt8], with deflater: Deflater) -> [UInt8] {
        var head = ByteWriter(capacity: 12)
        head.byte(1)
        head.uint(record.count)
        var out = head.bytes
        out.reserveCapacity(out.count + record.count / 2 + 64)
        if deflater.compress(record, appendingTo: &out) { return out }
        var stored = ByteWriter(capacity: record.count + 12)
        stored.byte(0)
        stored.uint(record.count)
        return stored.bytes + record
    }

    /// The record that `stored` holds; throws for one that is damaged.
    static func unpack(_ stored: [UInt8]) throws -> [UInt8] {
        var r = ByteReader(stored)
        let method = try r.byte()
        let count = try r.uint()
        let body = stored[r.offset...]
        switch method {
        case 0:
            guard body.count == count else { throw DocumentCodec.Damaged(description: "a stored record of the wrong size") }
            return Array(body)
        case 1:
            // A record inflates to at most about a thousand times its compressed size: a damaged size
            // cannot make this allocate more.
            guard count <= body.count * 1032 + 64 else { throw DocumentCodec.Damaged(description: "a record's size is impossible") }
            return try Inflate.bytes(body, count: count)
        default:
            throw DocumentCodec.Damaged(description: "a record compressed by an unknown method")
        }
    }
}

/// Reads the results of a finished run's journal in the order the run filed them, which is its input order:
/// what `lede merge` replays from each shard. Only one part is open at a time.
final class JournalSequence {
    private var parts: ArraySlice<String>
    private var number = -1
    private var fd: Int32 = -1
    private var path = ""
    private var entries: [(JournalKey, JournalStore.Location)] = []
    private var cursor = 0
    private var cache = JournalBlockCache()

    /// Lists the journal of the output folder `folder`; nil when it has none.
    init?(outputFolder folder: String) {
        let parts = JournalStore.parts(in: Paths.join(folder, JournalStore.folder)).map(\.path)
        guard !parts.isEmpty else { return nil }
        self.parts = parts[...]
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The next result and its key, nil after the last; throws for a part or a record that is damaged.
    func next() throws -> (key: JournalKey, record: [UInt8])? {
        while cursor == entries.count {
            guard let part = parts.popFirst() else { return nil }
            if fd >= 0 { close(fd) }
            fd = open(part, O_RDONLY | O_CLOEXEC)
            path = part
            number += 1
            guard fd >= 0 else { throw IOFailure("cannot open: \(String(cString: strerror(errno)))", path: part) }
            guard let entries = JournalStore.entries(fd: fd, fingerprint: nil) else {
                throw IOFailure("is not a complete journal part", path: part)
            }
            self.entries = entries
            cursor = 0
        }
        var (key, location) = entries[cursor]
        cursor += 1
        location.part = number
        let fd = self.fd
        guard let record = cache.record(at: location, read: { JournalStore.read(fd, at: location.offset, count: location.length) }) else {
            throw IOFailure("holds a damaged record", path: path)
        }
        return (key, record)
    }
}

/// Writes a run's results into new journal parts, committing one about every second or 8 MB. Used only
/// through the ``JournalFiler``, one block at a time.
final class JournalWriter {
    private let folder: String
    private let fingerprint: [UInt8]
    private var number: Int
    private var file: AtomicFile?
    private var entries = ByteWriter()
    private var entryCount = 0
    private var offset = 0
    private var opened = 0.0
    /// Results in committed parts.
    private(set) var committed = 0
    /// Results written but not yet committed.
    private var pending = 0

    static let partBytes = 8 << 20
    static let partSeconds = 1.0

    init(store: JournalStore) throws {
        folder = store.path
        fingerprint = store.fingerprint
        number = store.nextNumber
        try OutputFolder.makeDirectories(folder)
    }

    /// Files the records of a batch's results, as one block.
    func append(_ block: JournalBlock) throws {
        guard !block.entries.isEmpty else { return }
        if file == nil {
            file = try AtomicFile(path: Paths.join(folder, String(format: "part-%06d.bin", number)))
            number += 1
            try file!.write(JournalStore.magic + fingerprint)
            offset = JournalStore.magic.count + fingerprint.count
            opened = Self.now()
        }
        try file!.write(block.stored)
        let checksum = Checksum.of(block.stored)
        for entry in block.entries {
            entry.key.write(into: &entries)
            entries.fixed64(UInt64(offset))
            entries.fixed64(UInt64(block.stored.count))
            entries.fixed64(checksum)
            entries.fixed64(UInt64(entry.offset))
            entries.fixed64(UInt64(entry.length))
        }
        entryCount += block.entries.count
        offset += block.stored.count
        pending += block.entries.count
        if offset >= Self.partBytes || Self.now() - opened >= Self.partSeconds { try commit() }
    }

    /// Commits the open part, if any: its results survive whatever happens next.
    func commit() throws {
        guard let part = file else { return }
        file = nil
        var tail = entries
        tail.fixed64(UInt64(entryCount))
        tail.raw(JournalStore.endMagic)
        entries = ByteWriter()
        entryCount = 0
        try part.write(tail.bytes)
        try part.commit()
        committed += pending
        pending = 0
    }

    /// Drops the open part.
    func discard() {
        file?.discard()
        file = nil
        pending = 0
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Files batches in the journal on a thread of its own, in the order they are given: encoding a batch's
/// results and compressing them is a tenth of a run's work, and done here it neither holds up the ordered
/// consumer nor, with one worker, the stages. At most a few batches wait, so memory stays flat. The parts
/// are committed as ``JournalWriter`` commits them, so a kill loses what it lost before: the open part.
///
/// Used by the engine's ordered consumer; the writer and the compressor are touched only on the filer's
/// queue (hence `@unchecked Sendable`), the failure only under the lock.
final class JournalFiler: @unchecked Sendable {
    private let writer: JournalWriter
    private let deflater = Deflater()
    private let queue = DispatchQueue(label: "lede.journal")
    private let room = DispatchSemaphore(value: 4)
    private let lock = NSLock()
    private var failure: (any Error)?

    init(store: JournalStore) throws {
        writer = try JournalWriter(store: store)
    }

    /// Queues a batch to be filed after those queued before it; waits while the queue is full. Throws
    /// the error that stopped an earlier batch from being filed.
    func file(_ batch: JournalBatch) throws {
        try rethrow()
        room.wait()
        queue.async { [self] in
            defer { room.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do {
                try writer.append(batch.block(deflater: deflater))
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    private func rethrow() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Files every batch queued, then commits the open part: its results survive whatever happens next.
    func commit() throws {
        queue.sync {}
        try rethrow()
        try queue.sync { try writer.commit() }
    }

    /// Waits for the batches queued, then drops the open part.
    func discard() {
        queue.sync { writer.discard() }
    }

    /// Results in committed parts.
    var committed: Int { queue.sync { writer.committed } }
}

extension ByteWriter {
    /// Eight bytes, little-endian, for the fixed-size index entries of a part.
    mutating func fixed64(_ value: UInt64) {
        for j in 0..<8 { byte(UInt8(truncatingIfNeeded: value >> (8 * j))) }
    }
}

extension ByteReader {
    mutating func fixed64() throws -> UInt64 {
        let b = try raw(8)
        var v: UInt64 = 0
        for (j, byte) in b.enumerated() { v |= UInt64(byte) << (8 * j) }
        return v
    }
}

extension Engine {
    /// A result as the journal keeps it: counts per stage, then each outcome.
    static func record(of result: Result) -> [UInt8] {
        var w = ByteWriter(capacity: 4096)
        record(of: result, into: &w)
        return w.bytes
    }

    /// Appends the record of `result` to `w`: the bytes ``record(of:)`` returns.
    static func record(of result: Result, into w: inout ByteWriter) {
        w.uint(result.bytes)
        w.uint(result.seen.count)
        for n in result.seen { w.uint(n) }
        for n in result.passed { w.uint(n) }
        w.uint(result.outcomes.count)
        for outcome in result.outcomes {
            switch outcome {
            case .document(let document, _):
                w.byte(0)
                DocumentCodec.encode(document, into: &w)
            case .rejected(let reject, let stageIndex):
                w.byte(1)
                w.int(stageIndex)
                DocumentCodec.encode(reject, into: &w)
            }
        }
    }

    /// A result read back from the journal, for the input it was filed under.
    static func result(from record: [UInt8], at position: InputPosition, stages: Int) throws -> Result {
        var r = ByteReader(record)
        let bytes = try r.uint()
        let count = try r.count()
        guard count == stages else { throw DocumentCodec.Damaged(description: "a record for another pipeline") }
        var seen: [Int] = [], passed: [Int] = []
        for _ in 0..<count { seen.append(try r.uint()) }
        for _ in 0..<count { passed.append(try r.uint()) }
        var outcomes: [Outcome] = []
        for _ in 0..<(try r.count()) {
            switch try r.byte() {
            case 0: outcomes.append(.document(try DocumentCodec.decodeDocument(&r), prepared: []))
            case 1:
                let stageIndex = try r.int()
                outcomes.append(.rejected(try DocumentCodec.decodeReject(&r), stageIndex: stageIndex))
            default: throw DocumentCodec.Damaged(description: "an unknown outcome")
            }
        }
        guard r.atEnd else { throw DocumentCodec.Damaged(description: "bytes after the record") }
        return Result(outcomes: outcomes, position: position, bytes: bytes, seen: seen, passed: passed, failure: nil)
    }
}
