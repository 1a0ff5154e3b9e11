import Foundation
import GRDB
import GRDBSQLite
import LedeCore
import LedeIO
import LedeRecord
import Synchronization

/// The SQLite output: documents, sentences, entities, quotes, removed text and batch statistics, with
/// indexes for the usual questions (docs/output-format.md shows queries). Rows go in input order, in
/// batches of documents, one transaction each; the database is built under a temporary name and renamed
/// into place when complete, so a re-run replaces it atomically.
final class SQLiteCollector: Collector {
    /// `PRAGMA user_version` of the schema below.
    static let schemaVersion = 2

    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL,
            characters INTEGER NOT NULL, words INTEGER, paragraphs INTEGER NOT NULL, sentences INTEGER NOT NULL,
            reading_minutes REAL, stats TEXT NOT NULL, warnings TEXT NOT NULL);
        CREATE TABLE sentences (document TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL);
        CREATE TABLE entities (document TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            label TEXT NOT NULL, text TEXT NOT NULL, canonical TEXT);
        CREATE TABLE quotes (document TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, kind TEXT NOT NULL, cue TEXT, speaker TEXT, speaker_start INTEGER, speaker_end INTEGER, mention TEXT);
        CREATE TABLE removed (document TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, reason TEXT NOT NULL, rule TEXT NOT NULL);
        CREATE TABLE layers (document TEXT NOT NULL, layer TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, label TEXT, text TEXT NOT NULL, attributes TEXT NOT NULL);
        CREATE TABLE stats (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """

    static let indexes = """
        CREATE INDEX documents_id ON documents(id);
        CREATE INDEX sentences_document ON sentences(document);
        CREATE INDEX entities_document ON entities(document);
        CREATE INDEX entities_label ON entities(label);
        CREATE INDEX entities_canonical ON entities(canonical);
        CREATE INDEX quotes_document ON quotes(document);
        CREATE INDEX quotes_speaker ON quotes(speaker);
        CREATE INDEX removed_reason ON removed(reason);
        CREATE INDEX layers_document ON layers(document);
        CREATE INDEX layers_layer ON layers(layer, label);
        """

    /// Documents held before they are written in one transaction.
    static let batchSize = 128

    let path: String
    let staged: StagedFile
    private var queue: DatabaseQueue?
    private var seq = 0
    private var pending: [Document] = []
    private let writer = BackgroundWriter(label: "lede.sqlite", inFlight: 2)

    init(path: String, output: OutputFolder) throws {
        self.path = path
        staged = try output.stage(path)
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            let queue = try DatabaseQueue(path: staged.temporaryPath, configuration: configuration)
            try queue.inDatabase { db in
                // The file is temporary until committed, so durability comes from the rename, not SQLite.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA user_version = \(Self.schemaVersion)")
                try db.execute(sql: Self.schema)
                try db.execute(sql: "INSERT INTO meta VALUES ('schema_version', ?), ('lede_format', ?)",
                               arguments: [String(Self.schemaVersion), String(Record.version)])
            }
            self.queue = queue
        } catch {
            staged.discard()
            throw IOFailure("cannot create the database: \(error)", path: path)
        }
    }

    func consume(_ document: inout Document) throws {
        pending.append(document)
        if pending.count >= Self.batchSize { try flush() }
    }

    /// Hands the pending documents to the background writer. SQLite's own work (B-tree inserts, a fifth of a
    /// run's time) ran in the engine's in-order step, which every worker waits on; on its own thread it
    /// overlaps with them. Batches are written one after another in order, so the file is the same.
    private func flush() throws {
        try writer.failure.map { throw IOFailure("cannot write to the database: \($0)", path: path) }
        guard let queue, !pending.isEmpty else { return }
        let batch = pending
        let first = seq + 1
        pending.removeAll(keepingCapacity: true)
        seq += batch.count
        writer.write {
            try queue.inTransaction { db in
                for (i, document) in batch.enumerated() { try Self.insert(document, seq: first + i, into: db) }
                return .commit
            }
        }
    }

    /// Waits for the batches handed to the writer, and reports the first that failed.
    private func drain() throws {
        writer.wait()
        try writer.failure.map { throw IOFailure("cannot write to the database: \($0)", path: path) }
    }

    /// Writes one document's rows. Values are bound straight into SQLite's prepared statements, with
    /// entity and quote texts taken from the document's bytes in place: GRDB's `StatementArguments` boxes
    /// every value in an existential and was most of this writer's time.
    static func insert(_ d: Document, seq: Int, into db: Database) throws {
        let index = CodePointIndex(d.text)
        var stats = JSONWriter(capacity: 256)
        stats.attribute(.map(d.stats), text: d.text, index: index)
        var warnings = JSONWriter(capacity: 64)
        warnings.attribute(.list(d.warnings.map { .string($0) }), text: d.text, index: index)
        let reading: Double? = { if case .double(let v)? = d.stats["reading_minutes"] { return v } else { return nil } }()
        let documents = try db.cachedStatement(sql: "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)").sqliteStatement
        let sentence = try db.cachedStatement(sql: "INSERT INTO sentences VALUES (?,?,?,?)").sqliteStatement
        let entity = try db.cachedStatement(sql: "INSERT INTO entities VALUES (?,?,?,?,?,?,?)").sqliteStatement
        let quote = try db.cachedStatement(sql: "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)").sqliteStatement
        var text = d.text
        var documentID = d.id
        try documentID.withUTF8 { id in try text.withUTF8 { t in
            func piece(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: t[start..<end]) }
            var row = Insert(documents)
            row.int(seq); row.bytes(id); row.text(d.source.path); row.bytes(t); row.int(index(t.count))
            row.int(d.stats["words"]?.int); row.int(d.spans(Layer.paragraphs).count); row.int(d.spans(Layer.sentences).count)
            row.double(reading); stats.withBytes { row.bytes($0) }; warnings.withBytes { row.bytes($0) }
            try row.insert()
            for (i, s) in d.spans(Layer.sentences).enumerated() {
                var row = Insert(sentence)
                row.bytes(id); row.int(i); row.int(index(s.start)); row.int(index(s.end))
                try row.insert()
            }
            for (i, e) in d.spans(Layer.entities).enumerated() {
                var row = Insert(entity)
                row.bytes(id); row.int(i); row.int(index(e.start)); row.int(index(e.end)); row.text(e.label ?? "")
                row.bytes(piece(e.start, e.end)); row.text(e.attributes["canonical"]?.string)
                try row.insert()
            }
            for (i, q) in d.spans(Layer.quotes).enumerated() {
                let speaker = q.attributes["speaker"]?.spanRef
                let mention = speaker?.extra["mention"]?.spanRef
                var row = Insert(quote)
                row.bytes(id); row.int(i); row.int(index(q.start)); row.int(index(q.end)); row.bytes(piece(q.start, q.end))
                row.text(q.attributes["kind"]?.string ?? q.label ?? ""); row.text(q.attributes["cue"]?.string)
                if let speaker {
                    // The full name when quote-extract found one, so a person counts once.
                    if let canonical = speaker.extra["canonical"]?.string { row.text(canonical) } else { row.bytes(piece(speaker.start, speaker.end)) }
                    row.int(index(speaker.start)); row.int(index(speaker.end))
                } else {
                    row.null(); row.null(); row.null()
                }
                if let mention { row.bytes(piece(mention.start, mention.end)) } else { row.null() }
                try row.insert()
            }
            let custom = CustomLayers.of(d)
            if !custom.isEmpty {
                let layer = try db.cachedStatement(sql: "INSERT INTO layers VALUES (?,?,?,?,?,?,?,?)").sqliteStatement
                for (name, spans) in custom {
                    for (i, span) in spans.enumerated() {
                        var row = Insert(layer)
                        row.bytes(id); row.text(name); row.int(i); row.int(index(span.start)); row.int(index(span.end))
                        row.text(span.label); row.bytes(piece(span.start, span.end))
                        CustomLayers.attributes(span, text: d.text, index: index).withBytes { row.bytes($0) }
                        try row.insert()
                    }
                }
            }
        } }
        if !d.removed.isEmpty {
            let original = CodePointIndex(d.originalText)
            let removal = try db.cachedStatement(sql: "INSERT INTO removed VALUES (?,?,?,?,?,?,?)").sqliteStatement
            var originalText = d.originalText
            try originalText.withUTF8 { t in
                for (i, r) in d.removed.enumerated() {
                    var row = Insert(removal)
                    row.text(d.id); row.int(i); row.int(original(r.start)); row.int(original(r.end))
                    row.bytes(UnsafeBufferPointer(rebasing: t[r.start..<r.end])); row.text(r.reason); row.text(r.rule)
                    try row.insert()
                }
            }
        }
    }

    /// One row of an INSERT: values bound in column order, then stepped and reset. It holds only SQLite's
    /// statement pointer (the statement is kept by GRDB's cache), so a row retains and releases nothing.
    struct Insert {
        let statement: OpaquePointer
        var column: Int32 = 1

        init(_ statement: OpaquePointer) {
            self.statement = statement
        }

        mutating func int(_ value: Int) {
            sqlite3_bind_int64(statement, column, Int64(value))
            column += 1
        }

        mutating func int(_ value: Int?) {
            if let value { int(value) } else { null() }
        }

        mutating func double(_ value: Double?) {
            if let value { sqlite3_bind_double(statement, column, value) } else { sqlite3_bind_null(statement, column) }
            column += 1
        }

        mutating func null() {
            sqlite3_bind_null(statement, column)
            column += 1
        }

        /// UTF-8 text, copied by SQLite (SQLITE_TRANSIENT) before this returns.
        mutating func bytes(_ b: UnsafeBufferPointer<UInt8>) {
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            if let base = b.baseAddress, b.count > 0 {
                base.withMemoryRebound(to: CChar.self, capacity: b.count) { _ = sqlite3_bind_text(statement, column, $0, Int32(b.count), transient) }
            } else {
                sqlite3_bind_text(statement, column, "", 0, transient)
            }
            column += 1
        }

        mutating func bytes(_ b: [UInt8]) { b.withUnsafeBufferPointer { bytes($0) } }

        mutating func text(_ s: String) {
            var s = s
            s.withUTF8 { bytes($0) }
        }

        mutating func text(_ s: String?) {
            if let s { text(s) } else { null() }
        }

        func insert() throws {
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
            }
        }
    }

    func finish(_ summary: inout RunSummary) throws {
        do {
            try flush()
            try drain()
        } catch {
            discard()
            throw error
        }
        guard let queue else { return }
        do {
            try queue.inTransaction { db in
                if case .map(let sections)? = summary.sections[Layer.stats] {
                    let statement = try db.cachedStatement(sql: "INSERT INTO stats VALUES (?, ?)")
                    for key in sections.keys.sorted() {
                        var json = JSONWriter(capacity: 256)
                        json.attribute(sections[key]!, text: "", index: CodePointIndex(""))
                        try statement.execute(arguments: [key, String(decoding: json.bytes, as: UTF8.self)])
                    }
                }
                try db.execute(sql: Self.indexes)
                return .commit
            }
            try queue.close()
            self.queue = nil
        } catch {
            discard()
            throw IOFailure("cannot finish the database: \(error)", path: path)
        }
        try staged.commit()
        summary.outputs.append(path)
    }

    func discard() {
        pending.removeAll()
        writer.wait()
        try? queue?.close()
        queue = nil
        staged.discard()
    }
}

/// Runs blocks one after another on a thread of their own, at most `inFlight` waiting at a time (the
/// caller blocks past that, so memory stays bounded), and keeps the first error. After one fails, the rest
/// are skipped.
final class BackgroundWriter: Sendable {
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let error = Mutex<(any Error)?>(nil)

    init(label: String, inFlight: Int) {
        queue = DispatchQueue(label: label)
        slots = DispatchSemaphore(value: inFlight)
    }

    /// The first error a block threw, if any.
    var failure: (any Error)? { error.withLock { $0 } }

    /// Queues a block, waiting first while `inFlight` are queued.
    func write(_ block: @escaping @Sendable () throws -> Void) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure == nil else { return }
            do { try block() } catch let thrown { error.withLock { if $0 == nil { $0 = thrown } } }
        }
    }

    /// Returns when every queued block has run.
    func wait() { queue.sync {} }
}
