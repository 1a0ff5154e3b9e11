import Kernel

/// Writes the annotated documents: JSON Lines now; CSV, SQLite and the HTML report come with issue #6.
public struct WriteStage: CollectingStage {
    /// Options of `write`.
    public struct Options: StageOptions {
        /// The JSON Lines file, relative to the output folder; empty for none.
        public var jsonl = "news.jsonl"

        enum CodingKeys: String, CodingKey { case jsonl, csv, sqlite, html }

        /// The defaults.
        public init() {}

        /// Decodes, with defaults for missing keys.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            jsonl = try c.decodeIfPresent(String.self, forKey: .jsonl) ?? "news.jsonl"
            for key in [CodingKeys.csv, .sqlite, .html] where c.contains(key) {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription:
                    "the \(key.rawValue) writer is not available in this version of lede; write jsonl for now")
            }
        }

        /// Encodes the settings in use.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(jsonl, forKey: .jsonl)
        }
    }

    /// `write`.
    public static let descriptor = StageDescriptor(
        name: "write",
        summary: "Writes the documents as JSON Lines (one record per document, format version 1)",
        version: "1",
        options: [OptionHelp("jsonl", "the JSON Lines file, relative to the output folder (empty: none)")]
    )

    /// Writers have no spans to show; their output format is in docs/output-format.md.
    public static let examples: [StageExample] = []

    let options: Options

    /// Creates the stage.
    public init(options: Options, context: StageContext) throws {
        self.options = options
    }

    /// Opens the output files.
    public func makeCollector(_ context: CollectorContext) throws -> any Collector {
        JSONLCollector(path: options.jsonl, file: options.jsonl.isEmpty ? nil : try context.output.create(options.jsonl))
    }
}

final class JSONLCollector: Collector {
    let path: String
    let file: AtomicFile?
    var json = JSONWriter(capacity: 1 << 16)

    init(path: String, file: AtomicFile?) {
        self.path = path
        self.file = file
    }

    func consume(_ document: inout Document) throws {
        guard let file else { return }
        json.reset()
        Record.write(document, into: &json)
        json.bytes.append(0x0A)
        try file.write(json.bytes)
    }

    func finish(_ summary: inout RunSummary) throws {
        guard let file else { return }
        try file.commit()
        summary.outputs.append(path)
    }

    func discard() { file?.discard() }
}
