import LedeCore
import LedeIO


/// Writes the annotated documents: JSON Lines, CSV tables, a SQLite database and an HTML report, in any
/// combination. Every path is relative to the output folder, and every file is written atomically.
public struct WriteStage: CollectingStage {
    /// Options of `write`. Naming any output writes only the outputs named; naming none writes JSON Lines.
    public struct Options: DeclaredOptions {
        /// The JSON Lines file.
        @StageOption(help: "the JSON Lines file, one record per document (format version 1); \"-\" for standard output")
        public var jsonl: String?
        /// The folder for documents.csv, entities.csv, quotes.csv and layers.csv.
        @StageOption(help: "a folder for documents.csv, entities.csv, quotes.csv and layers.csv (every other layer, a row per span)")
        public var csv: String?
        /// The SQLite database.
        @StageOption(help: "a SQLite database with documents, sentences, entities, quotes, removed and stats tables")
        public var sqlite: String?
        /// The HTML report.
        @StageOption(help: "an HTML report that fetches nothing: batch charts, a search and facet filters over every document, and documents with entities, quotes and removals marked, on pages NAME.html, NAME-2.html, ...")
        public var html: String?
        /// How many documents each page of the HTML report shows in full (0: none, the explorer only lists them).
        @StageOption(help: "how many documents each page of the HTML report shows in full (0: none)")
        public var reportDocuments = 500

        /// The defaults: with no output named (by the pipeline, or at all), JSON Lines. This runs after the
        /// options are decoded, too.
        public init() {
            if jsonl == nil, csv == nil, sqlite == nil, html == nil { jsonl = "news.jsonl" }
        }
    }

    /// `write`.
    public static let descriptor = StageDescriptor(
        name: "write",
        summary: "Writes JSON Lines records, CSV tables, a SQLite database and an HTML report",
        version: "1",
        options: Options.help
    )

    /// Writers have no spans to show; their formats are in docs/output-format.md.
    public static let examples: [StageExample] = []

    let options: Options

    /// Creates the stage; output paths are checked again when the run opens the output folder.
    public init(options: Options, context: StageContext) throws {
        guard options.reportDocuments >= 0 else { throw options.invalid(options.$reportDocuments, "must not be negative") }
        for (option, value) in [(options.$jsonl, options.jsonl), (options.$csv, options.csv), (options.$sqlite, options.sqlite),
                                (options.$html, options.html)] {
            if let value, value.isEmpty || value.hasPrefix("/") || value.split(separator: "/").contains("..") {
                throw OptionError("'\(value)' must be a path inside the output folder", at: [.key(Options.key(option))],
                                  hint: "write a relative path such as news.jsonl or tables/")
            }
        }
        self.options = options
    }

    /// Every file the options name: the CSV folder as its three tables, so that another output may share
    /// the folder but not a table's name.
    public static func outputs(of options: Options) -> [DeclaredOutput] {
        var files: [DeclaredOutput] = []
        // `-` is standard output, no file of the folder.
        if let jsonl = options.jsonl, jsonl != JSONLCollector.standardOutput { files.append(DeclaredOutput(jsonl, option: ["jsonl"])) }
        if let csv = options.csv {
            for table in ["documents.csv", "entities.csv", "quotes.csv", "layers.csv"] { files.append(DeclaredOutput(Paths.join(csv, table), option: ["csv"])) }
        }
        if let sqlite = options.sqlite { files.append(DeclaredOutput(sqlite, option: ["sqlite"])) }
        if let html = options.html { files.append(DeclaredOutput(html, option: ["html"])) }
        return files
    }

    /// Opens every output named.
    public func makeCollector(_ context: CollectorContext) throws -> any Collector {
        var writers: [any Collector] = []
        do {
            if let jsonl = options.jsonl { writers.append(try JSONLCollector(path: jsonl, output: context.output)) }
            if let csv = options.csv { writers.append(try CSVCollector(folder: csv, output: context.output)) }
            if let sqlite = options.sqlite { writers.append(try SQLiteCollector(path: sqlite, output: context.output)) }
            if let html = options.html {
                writers.append(try HTMLReportCollector(path: html, title: context.pipelineName, documentsPerPage: options.reportDocuments,
                                                       output: context.output))
            }
        } catch {
            for writer in writers { writer.discard() }
            throw error
        }
        return Writers(writers)
    }
}

/// Several writers behind one collector, fed in the same order.
final class Writers: Collector {
    let writers: [AnyCollector]
    init(_ writers: [any Collector]) { self.writers = writers.map { AnyCollector($0) } }

    func consume(_ document: inout Document) throws {
        for writer in writers { try writer.base.consume(&document) }
    }

    /// Each writer's prepared value, in order (nil for a writer without a prepare step).
    var prepare: (@Sendable (inout Document) throws -> [(any Sendable)?])? {
        let steps = writers.map(\.prepare)
        guard steps.contains(where: { $0 != nil }) else { return nil }
        return { document in
            var prepared: [(any Sendable)?] = []
            for step in steps { prepared.append(try step.map { try $0(&document) }) }
            return prepared
        }
    }

    func consume(_ document: inout Document, prepared: [(any Sendable)?]) throws {
        for (writer, part) in zip(writers, prepared) { try writer.consume(&document, prepared: part) }
    }

    func rejected(_ reject: Reject) {
        for writer in writers { writer.base.rejected(reject) }
    }

    func finish(_ summary: inout RunSummary) throws {
        for (i, writer) in writers.enumerated() {
            do {
                try writer.base.finish(&summary)
            } catch {
                for later in writers[(i + 1)...] { later.base.discard() }
                throw error
            }
        }
    }

    func discard() {
        for writer in writers { writer.base.discard() }
    }
}
