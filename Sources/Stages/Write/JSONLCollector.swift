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
    var json = JSONWriter(capacity: 1 << 16)
    /// Bytes for standard output not written yet.
    private var pending: [UInt8] = []

    init(path: String, output: OutputFolder) throws {
        self.path = path
        file = path == Self.standardOutput ? nil : try output.create(path)
    }

    func consume(_ document: inout Document) throws {
        json.reset()
        Record.write(document, into: &json)
        json.raw(0x0A)
        try json.withBytes { try write($0) }
    }

    /// Records are serialized on the worker tasks; only the writing is in order.
    var prepare: (@Sendable (inout Document) throws -> [UInt8])? { { Record.line($0) } }

    func consume(_ document: inout Document, prepared line: [UInt8]) throws {
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
        try file.commit()
        summary.outputs.append(path)
    }

    func discard() { file?.discard() }
}
