import LedeCore
import LedeIO
import LedeRecord


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
        json.raw(0x0A)
        try json.withBytes { try file.write($0) }
    }

    /// Records are serialized on the worker tasks; only the writing is in order.
    var prepare: (@Sendable (inout Document) throws -> [UInt8])? { { Record.line($0) } }

    func consume(_ document: inout Document, prepared line: [UInt8]) throws {
        try file.write(line)
    }

    /// Takes each document's line from its shard's file, in the merged order, checking the id.
    func merge(_ shards: [String], documents: [MergeStep]) throws {
        let readers = try shards.map { try LineReader(path: Paths.join($0, path)) }
        for step in documents {
            guard case .line(let line, _) = readers[step.shard].next() else {
                throw IOFailure("ends before document '\(step.id)'", path: Paths.join(shards[step.shard], path))
            }
            json.reset()
            json.beginObject()
            json.key("lede"); json.int(Record.version)
            json.key("id"); json.string(step.id)
            guard line.starts(with: json.bytes) else {
                throw IOFailure("holds another document where '\(step.id)' was expected", path: Paths.join(shards[step.shard], path))
            }
            try file.write(line + [0x0A])
        }
    }

    func finish(_ summary: inout RunSummary) throws {
        try file.commit()
        summary.outputs.append(path)
    }

    func discard() { file.discard() }
}
