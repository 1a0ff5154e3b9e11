import Kernel

/// The JSON Lines output: one record per document (docs/output-format.md).
final class JSONLCollector: Collector {
    let path: String
    let file: AtomicFile
    var json = JSONWriter(capacity: 1 << 16)

    init(path: String, output: OutputFolder) throws {
        self.path = path
        file = try output.create(path)
    }

    func consume(_ document: inout Document) throws {
        json.reset()
        Record.write(document, into: &json)
        json.bytes.append(0x0A)
        try file.write(json.bytes)
    }

    /// Records are serialized on the worker tasks; only the writing is in order.
    var prepare: (@Sendable (inout Document) throws -> (any Sendable)?)? { { Record.line($0) } }

    func consume(_ document: inout Document, prepared: (any Sendable)?) throws {
        guard let line = prepared as? [UInt8] else { return try consume(&document) }
        try file.write(line)
    }

    func finish(_ summary: inout RunSummary) throws {
        try file.commit()
        summary.outputs.append(path)
    }

    func discard() { file.discard() }
}
