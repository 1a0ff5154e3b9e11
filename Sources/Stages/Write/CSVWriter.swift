import Foundation
import LedeCore
import LedeIO
import LedeRecord

/// One RFC 4180 CSV file: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
/// doubled. Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, TAB,
/// CR or NUL) get a leading apostrophe.
struct CSVTable {
    let file: AtomicFile
    let path: String

    init(file: AtomicFile, path: String, header: [String]) throws {
        self.file = file
        self.path = path
        var line = CSVLines()
        for name in header { line.text(name) }
        line.end()
        try file.write(line.bytes)
    }

    /// Fields that must be quoted, as a byte table: comma, quote, CR, LF.
    static func needsQuoting(_ b: UInt8) -> Bool { b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A }

    /// Appends one text cell.
    static func appendText(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let guarded = bytes.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D || $0 == 0x00 } ?? false
        guard guarded || bytes.contains(where: needsQuoting) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        if guarded { out.append(0x27) }
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }

    /// One cell as it would be written, for tests.
    static func encode(_ s: String) -> String {
        var line = CSVLines()
        line.text(s)
        return String(decoding: line.bytes, as: UTF8.self)
    }
}

/// Rows rendered into bytes, cell by cell, with no intermediate values: what a document's rows become on
/// a worker (``CSVCollector/prepare``) before they are appended in order.
struct CSVLines: Sendable {
    var bytes: [UInt8] = []
    private var first = true

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    mutating func text(_ b: UnsafeBufferPointer<UInt8>) {
        separate()
        CSVTable.appendText(b, to: &bytes)
    }

    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { text($0) }
    }

    mutating func number(_ n: Int) {
        separate()
        JSONWriter.appendDecimal(n, to: &bytes)
    }

    mutating func number(_ n: Int?) {
        if let n { number(n) } else { empty() }
    }

    mutating func decimal(_ d: Double?) {
        separate()
        if let d { bytes.append(contentsOf: d.description.utf8) }
    }

    mutating func empty() { separate() }

    /// Ends the row.
    mutating func end() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        first = true
    }
}

/// `documents.csv`, `entities.csv`, `quotes.csv` and `layers.csv` (every other layer: a plugin's, a custom
/// stage's) in one folder. Offsets are code points into each document's cleaned text, as in the JSON Lines
/// records.
final class CSVCollector: Collector {
    let folder: String
    let documents: CSVTable
    let entities: CSVTable
    let quotes: CSVTable
    let layers: CSVTable
    var tables: [CSVTable] { [documents, entities, quotes, layers] }

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
        layers = try CSVTable(file: open("layers.csv"), path: Paths.join(folder, "layers.csv"),
                              header: ["document", "layer", "start", "end", "label", "text", "attributes"])
    }

    /// A document's rows in the four tables.
    struct Rows: Sendable {
        var documents = CSVLines(), entities = CSVLines(), quotes = CSVLines(), layers = CSVLines()
    }

    static func rows(_ document: Document) -> Rows {
        var rows = Rows()
        let index = CodePointIndex(document.text)
        let entitySpans = document.spans(Layer.entities)
        let quoteSpans = document.spans(Layer.quotes)
        var text = document.text
        text.withUTF8 { t in
            func piece(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: t[start..<end]) }
            var d = CSVLines()
            d.text(document.id); d.text(document.source.path); d.number(index(t.count)); d.number(document.stats["words"]?.int)
            d.number(document.spans(Layer.paragraphs).count); d.number(document.spans(Layer.sentences).count)
            d.number(entitySpans.count); d.number(quoteSpans.count); d.number(document.removed.count)
            d.decimal({ if case .double(let v)? = document.stats["reading_minutes"] { return v } else { return nil } }())
            d.text(document.warnings.joined(separator: "; "))
            d.end()
            rows.documents = d
            for span in entitySpans {
                rows.entities.text(document.id); rows.entities.number(index(span.start)); rows.entities.number(index(span.end))
                rows.entities.text(span.label ?? ""); rows.entities.text(piece(span.start, span.end))
                if let canonical = span.attributes["canonical"]?.string { rows.entities.text(canonical) } else { rows.entities.empty() }
                rows.entities.end()
            }
            for span in quoteSpans {
                let speaker = span.attributes["speaker"]?.spanRef
                let mention = speaker?.extra["mention"]?.spanRef
                rows.quotes.text(document.id); rows.quotes.number(index(span.start)); rows.quotes.number(index(span.end))
                rows.quotes.text(span.attributes["kind"]?.string ?? span.label ?? ""); rows.quotes.text(span.attributes["cue"]?.string ?? "")
                if let speaker {
                    // The full name when quote-extract found one (`Ko` said, `Ko Eun-bi` named earlier), so a person counts once.
                    if let canonical = speaker.extra["canonical"]?.string { rows.quotes.text(canonical) } else { rows.quotes.text(piece(speaker.start, speaker.end)) }
                    rows.quotes.number(index(speaker.start)); rows.quotes.number(index(speaker.end))
                } else {
                    rows.quotes.empty(); rows.quotes.empty(); rows.quotes.empty()
                }
                if let mention { rows.quotes.text(piece(mention.start, mention.end)) } else { rows.quotes.empty() }
                rows.quotes.text(piece(span.start, span.end))
                rows.quotes.end()
            }
            for (name, spans) in CustomLayers.of(document) {
                for span in spans {
                    rows.layers.text(document.id); rows.layers.text(name)
                    rows.layers.number(index(span.start)); rows.layers.number(index(span.end))
                    if let label = span.label { rows.layers.text(label) } else { rows.layers.empty() }
                    rows.layers.text(piece(span.start, span.end))
                    CustomLayers.attributes(span, text: document.text, index: index).withBytes { rows.layers.text($0) }
                    rows.layers.end()
                }
            }
        }
        return rows
    }

    /// Rendering runs on the workers; only the appending happens in order.
    var prepare: (@Sendable (inout Document) throws -> Rows)? { { Self.rows($0) } }

    func consume(_ document: inout Document) throws {
        try write(Self.rows(document))
    }

    func consume(_ document: inout Document, prepared rows: Rows) throws {
        try write(rows)
    }

    private func write(_ rows: Rows) throws {
        try documents.file.write(rows.documents.bytes)
        if !rows.entities.bytes.isEmpty { try entities.file.write(rows.entities.bytes) }
        if !rows.quotes.bytes.isEmpty { try quotes.file.write(rows.quotes.bytes) }
        if !rows.layers.bytes.isEmpty { try layers.file.write(rows.layers.bytes) }
    }

    func finish(_ summary: inout RunSummary) throws {
        for table in tables {
            try table.file.commit()
            summary.outputs.append(table.path)
        }
    }

    func discard() {
        for table in tables { table.file.discard() }
    }
}
