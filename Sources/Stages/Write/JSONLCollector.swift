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

    func finish(_ summary: inout RunSummary) throws {
        try file.commit()
        summary.outputs.append(path)
    }

    func discard() { file.discard() }
}
