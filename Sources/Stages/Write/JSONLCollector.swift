#if canImport(Glibc)
import Glibc
#endif
import LedeCore
import LedeIO
import LedeRecord


/// The JSON Lines output: one record per document (docs/output-format.md). The path `-` is standard
/// output (`write: { jsonl: "-" }`, or `lede run --output -`): records are written there in input order
/// as the run goes, in blocks of up to 64 KiB, and are not an output file of the folder or its manifest.
final class JSONLCollector: Collector {
    /// The path that means standard output.
    static let standardOutput = "-"

    let path: String
    /// The file, or nil for standard output.
    let file: AtomicFile?
    /// The record being written (standard output), or the records gathered for the file's next block: room
    /// for a block and a record from the start, so that it does not grow (and copy) on the way there.
    var json = JSONWriter(capacity: 2 * AtomicFile.block)
    /// Bytes for standard output not written yet.
    private var pending: [UInt8] = []

    init(path: String, output: OutputFolder) throws {
        self.path = path
        file = path == Self.standardOutput ? nil : try output.create(path)
    }

    func consume(_ document: inout Document) throws {
        guard let file else {
            json.reset()
            Record.write(document, into: &json)
            json.raw(0x0A)
            return try json.withBytes { try write($0) }
        }
        // Records gather in the writer, a line after the other, and go to the file a block at a time, which
        // hashes and writes the block where it lies: each byte is stored once, not copied again into the
        // file's buffer, and the file is called once a megabyte rather than once a record.
        json.resetSeparator()
        Record.write(document, into: &json)
        json.raw(0x0A)
        if json.count >= AtomicFile.block { try writeGathered(to: file) }
    }

    /// Hands the records gathered in ``json`` to the file, and empties it.
    private func writeGathered(to file: AtomicFile) throws {
        guard json.count > 0 else { return }
        try json.withBytes { try file.write($0) }
        json.reset()
    }

    /// Records are serialized on the worker tasks; only the writing is in order.
    ///
    /// A record is about four and a half times its text (its offsets, entities and statistics): the writer
    /// starts with room for five times the text, so that most records are written without growing it (a new
    /// buffer and a copy), where `Record.line`'s room for twice the text grew for nearly every document.
    var prepare: (@Sendable (inout Document) throws -> [UInt8])? {
        { document in
            var json = JSONWriter(capacity: document.text.utf8.count &* 5 &+ 1024)
            Record.write(document, into: &json)
            json.raw(0x0A)
            return json.bytes
        }
    }

    func consume(_ document: inout Document, prepared line: [UInt8]) throws {
        // After any records gathered by `consume(_:)` (documents replayed from the journal come without a
        // prepared line), so that the lines stay in input order.
        if let file { try writeGathered(to: file) }
        try line.withUnsafeBufferPointer { try write($0) }
    }

    /// Copies the bytes once, into the file's buffer (or what is pending for standard output).
    private func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let file else {
            pending.append(contentsOf: bytes)
            if pending.count >= 1 << 16 { try flush() }
            return
        }
        try file.write(bytes)
    }

    /// Writes what is pending to standard output, retrying on EINTR and short writes.
    ///
    /// - Throws: ``IOFailure`` with path `-`; when the reader has gone (EPIPE, as after `| head -2`), its
    ///   message starts with ``readerGone``.
    private func flush() throws {
        defer { pending.removeAll(keepingCapacity: true) }
        try pending.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw IOFailure(Self.readerGone, path: Self.standardOutput) }
                    throw IOFailure("cannot write the records to standard output: \(String(cString: strerror(errno)))", path: Self.standardOutput)
                }
                offset += n
            }
        }
    }

    /// The start of the message when standard output's reader has closed it.
    static let readerGone = "standard output was closed by its reader"

    func finish(_ summary: inout RunSummary) throws {
        guard let file else { return try flush() }
        try writeGathered(to: file)
        try file.commit()
        summary.outputs.append(path)
    }

    func discard() { file?.discard() }
}
