import Foundation
import Kernel

/// One RFC 4180 CSV file: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
/// doubled. Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, TAB,
/// CR or NUL) get a leading apostrophe.
struct CSVTable {
    let file: AtomicFile
    let path: String
    private var line: [UInt8] = []

    init(file: AtomicFile, path: String, header: [String]) throws {
        self.file = file
        self.path = path
        try row(header.map { .text($0) })
    }

    enum Cell {
        case text(String)
        case number(Int)
        case decimal(Double)
        case empty
    }

    mutating func row(_ cells: [Cell]) throws {
        line.removeAll(keepingCapacity: true)
        for (i, cell) in cells.enumerated() {
            if i > 0 { line.append(UInt8(ascii: ",")) }
            switch cell {
            case .number(let n): line.append(contentsOf: String(n).utf8)
            case .decimal(let d): line.append(contentsOf: d.description.utf8)
            case .empty: break
            case .text(let s): Self.appendText(s, to: &line)
            }
        }
        line.append(contentsOf: [0x0D, 0x0A])
        try file.write(line)
    }

    static func appendText(_ s: String, to out: inout [UInt8]) {
        let bytes = Array(s.utf8)
        let guarded = bytes.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x00].contains($0) } ?? false
        let needsQuotes = guarded || bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        if needsQuotes { out.append(0x22) }
        if guarded { out.append(0x27) }
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        if needsQuotes { out.append(0x22) }
    }

    /// One cell as it would be written, for tests.
    static func encode(_ s: String) -> String {
        var out: [UInt8] = []
        appendText(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// `documents.csv`, `entities.csv` and `quotes.csv` in one folder. Offsets are code points into each
/// document's cleaned text, as in the JSON Lines records.
final class CSVCollector: Collector {
    let folder: String
    var documents: CSVTable
    var entities: CSVTable
    var quotes: CSVTable

    init(folder: String, output: OutputFolder) throws {
        self.folder = folder
        func open(_ name: String) throws -> AtomicFile { try output.create(Paths.join(folder, name)) }
        documents = try CSVTable(file: open("documents.csv"), path: Paths.join(folder, "documents.csv"), header: [
            "id", "source", "characters", "words", "paragraphs", "sentences", "entities", "quotes", "removed",
            "reading_minutes", "warnings",
        ])
        entities = try CSVTable(file: open("entities.csv"), path: Paths.join(folder, "entities.csv"),
                                header: ["document", "start", "end", "label", "text", "canonical"])
        quotes = try CSVTable(file: open("quotes.csv"), path: Paths.join(folder, "quotes.csv"), header: [
            "document", "start", "end", "kind", "cue", "speaker", "speaker_start", "speaker_end", "mention", "text",
        ])
    }

    func consume(_ document: inout Document) throws {
        let index = CodePointIndex(document.text)
        let entitySpans = document.spans(Layer.entities)
        let quoteSpans = document.spans(Layer.quotes)
        try documents.row([
            .text(document.id), .text(document.source.path),
            .number(document.text.unicodeScalars.count),
            document.stats["words"]?.int.map { .number($0) } ?? .empty,
            .number(document.spans(Layer.paragraphs).count), .number(document.spans(Layer.sentences).count),
            .number(entitySpans.count), .number(quoteSpans.count), .number(document.removed.count),
            { if case .double(let d)? = document.stats["reading_minutes"] { return .decimal(d) } else { return .empty } }(),
            .text(document.warnings.joined(separator: "; ")),
        ])
        for span in entitySpans {
            try entities.row([
                .text(document.id), .number(index(span.start)), .number(index(span.end)), .text(span.label ?? ""),
                .text(document.substring(span.range)), span.attributes["canonical"]?.string.map { .text($0) } ?? .empty,
            ])
        }
        for span in quoteSpans {
            let speaker = span.attributes["speaker"]?.spanRef
            let mention = speaker?.extra["mention"]?.spanRef
            try quotes.row([
                .text(document.id), .number(index(span.start)), .number(index(span.end)),
                .text(span.attributes["kind"]?.string ?? span.label ?? ""), .text(span.attributes["cue"]?.string ?? ""),
                speaker.map { .text(document.substring($0.start..<$0.end)) } ?? .empty,
                speaker.map { .number(index($0.start)) } ?? .empty, speaker.map { .number(index($0.end)) } ?? .empty,
                mention.map { .text(document.substring($0.start..<$0.end)) } ?? .empty,
                .text(document.substring(span.range)),
            ])
        }
    }

    /// Takes each document's rows from its shard's tables, in the merged order. Rows of one document are
    /// consecutive and start with its id, as written above.
    func merge(_ shards: [String], documents steps: [MergeStep]) throws {
        for table in [documents, entities, quotes] {
            let name = Paths.fileName(table.path)
            let readers = try shards.map { try CSVRecords(path: Paths.join(Paths.join($0, folder), name)) }
            for reader in readers { _ = try reader.next() } // the header, already written
            var cell: [UInt8] = []
            for step in steps {
                cell.removeAll(keepingCapacity: true)
                CSVTable.appendText(step.id, to: &cell)
                cell.append(UInt8(ascii: ","))
                let reader = readers[step.shard]
                var rows = 0
                while let record = try reader.peek(), record.starts(with: cell) {
                    try table.file.write(record)
                    _ = try reader.next()
                    rows += 1
                }
                if table.path == documents.path, rows != 1 {
                    throw IOFailure("has no row for document '\(step.id)' where one was expected", path: reader.path)
                }
            }
        }
    }

    func finish(_ summary: inout RunSummary) throws {
        for table in [documents, entities, quotes] {
            try table.file.commit()
            summary.outputs.append(table.path)
        }
    }

    func discard() {
        for table in [documents, entities, quotes] { table.file.discard() }
    }
}

/// The records of a CSV file written by ``CSVTable``, as raw bytes with their CRLF: a record ends at a
/// CRLF outside quotes, so quoted cells may hold line breaks of any kind.
final class CSVRecords {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var inQuotes = false
    private var eof = false
    private var pending: [UInt8]?

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw IOFailure("cannot open", path: path) }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next record without taking it.
    func peek() throws -> [UInt8]? {
        if pending == nil { pending = try read() }
        return pending
    }

    /// Takes the next record.
    func next() throws -> [UInt8]? {
        let record = try peek()
        pending = nil
        return record
    }

    private func read() throws -> [UInt8]? {
        while true {
            while scanned < buffer.count {
                let b = buffer[scanned]
                scanned += 1
                if b == 0x22 {
                    inQuotes.toggle()
                } else if b == 0x0A, !inQuotes, scanned >= 2, buffer[scanned - 2] == 0x0D, scanned - 2 >= start {
                    let record = Array(buffer[start..<scanned])
                    start = scanned
                    return record
                }
            }
            if eof {
                guard start < buffer.count else { return nil }
                throw IOFailure("ends inside a record", path: path)
            }
            if start > 0 {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
