#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LedeHTML

/// One unit of input before decoding: a whole text file, or one JSON Lines line.
public struct RawInput: Sendable {
    /// What the input holds.
    public enum Payload: Sendable {
        /// The bytes of a whole text file.
        case text([UInt8])
        /// The bytes of one JSON Lines line.
        case jsonLine([UInt8])
        /// A text file not read yet, and its size when it was listed. The worker that takes it reads it
        /// (``loaded()``), so that opening, reading and hashing thousands of small files is not done in
        /// input order on the one task that every worker waits on.
        case file(path: String, size: Int)
        /// The input could not be read; the reason.
        case unreadable(String)
    }

    /// The id the document will get (JSON Lines records may name their own).
    public var id: String
    /// Where it came from.
    public var source: DocumentSource
    /// The bytes.
    public var payload: Payload
    /// Where it stands in the run's input order: the file's index in the expanded input list, and the line
    /// (0 for a whole file). Shards and merges order documents by this, whatever order files sit on disk.
    public var position: InputPosition = InputPosition(file: 0, line: 0)
    /// A whole file's size and SHA-256, once it has been read, for the run manifest.
    public var fileDigest: FileDigest?
    /// The largest document accepted (`input.max_document`): a text file over it is quarantined with its
    /// size by ``loaded()`` without being read.
    public var maxBytes: Int = .max

    /// The size in bytes, for progress and throughput (of a file not read yet, its size when listed).
    public var byteCount: Int {
        switch payload {
        case .text(let b), .jsonLine(let b): return b.count
        case .file(_, let size): return size
        case .unreadable: return 0
        }
    }

    /// The input with a ``Payload/file(path:size:)`` read: its bytes as ``Payload/text(_:)`` with their
    /// digest, or the reason it could not be read. Any other input as it is.
    public func loaded() -> RawInput {
        guard case .file(let path, _) = payload else { return self }
        let limit = maxBytes
        return reading { try Paths.readRegularFile(path, limit: limit, limitName: InputSpec.maxDocumentKey) }
    }

    /// The input with the bytes `read` gives as its text, with their size and digest, or with the reason
    /// they could not be read.
    func reading(_ read: () throws -> [UInt8]) -> RawInput {
        var raw = self
        do {
            let bytes = try read()
            raw.payload = .text(bytes)
            raw.fileDigest = FileDigest(index: position.file, bytes: bytes.count, sha256: Digest.sha256Bytes(bytes))
        } catch {
            raw.payload = .unreadable((error as? IOFailure)?.message ?? "\(error)")
            raw.fileDigest = FileDigest(index: position.file, bytes: 0, sha256: nil)
        }
        return raw
    }
}

/// The size and SHA-256 of a whole input file as it was read (nil when it could not be read).
public struct FileDigest: Sendable {
    /// The file's index in the pipeline's expanded input list.
    public var index: Int
    /// Bytes read.
    public var bytes: Int
    /// SHA-256 of those bytes.
    public var sha256: [UInt8]?
}

/// A place in the run's input order.
public struct InputPosition: Sendable, Hashable, Comparable {
    /// The index of the file in the pipeline's expanded input list.
    public var file: Int
    /// The line within a JSON Lines file (from 1), or 0 for a whole text file.
    public var line: Int

    /// Creates a position.
    public init(file: Int, line: Int) {
        self.file = file
        self.line = line
    }

    /// By file, then line.
    public static func < (a: Self, b: Self) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// The size and SHA-256 of an input as it was read, for the run manifest.
public struct InputDigest: Sendable, Hashable {
    /// The path as shown in records.
    public var path: String
    /// The path it was opened at.
    public var location: String
    /// Its index in the pipeline's expanded input list.
    public var index: Int
    /// Bytes read.
    public var bytes: Int
    /// SHA-256 of those bytes, or nil when the file could not be read.
    public var sha256: String?
}

/// The sizes and SHA-256 digests of the input files read, in order, for the run manifest. A batch of a
/// million files keeps them until the run ends, so each takes 49 bytes here (its place in the input list,
/// its size, the digest's 32 bytes and whether it was read) rather than two strings and a hex string;
/// ``InputDigest``s are made one at a time as the manifest is written.
public struct InputDigests: Sequence, Sendable {
    let files: [InputFile]
    private var indexes: [Int] = []
    private var sizes: [Int] = []
    private var hashes: [UInt8] = []
    private var hashed: [Bool] = []

    /// None yet, for inputs from `files`.
    public init(files: [InputFile]) { self.files = files }

    /// How many inputs have a digest.
    public var count: Int { indexes.count }

    /// Records a text file's digest, as the worker that read it found it.
    mutating func append(_ digest: FileDigest) {
        append(index: digest.index, bytes: digest.bytes, sha256: digest.sha256)
    }

    /// Records the input at `index` of the file list: its size, and its digest (nil when it could not be
    /// read whole).
    mutating func append(index: Int, bytes: Int, sha256: [UInt8]?) {
        indexes.append(index)
        sizes.append(bytes)
        hashes += sha256 ?? [UInt8](repeating: 0, count: 32)
        hashed.append(sha256 != nil)
    }

    /// Records another list's digests after these.
    mutating func append(contentsOf other: InputDigests) {
        for i in 0..<other.count {
            append(index: other.indexes[i], bytes: other.sizes[i],
                   sha256: other.hashed[i] ? Array(other.hashes[(i * 32)..<(i * 32 + 32)]) : nil)
        }
    }

    /// The digests in the order read.
    public func makeIterator() -> some IteratorProtocol<InputDigest> {
        (0..<count).lazy.map { i in
            let file = files[indexes[i]]
            return InputDigest(path: file.display, location: file.path, index: indexes[i], bytes: sizes[i],
                               sha256: hashed[i] ? Digest.hex(hashes[(i * 32)..<(i * 32 + 32)]) : nil)
        }.makeIterator()
    }
}

/// Streams raw inputs from the expanded input files, one at a time, in order. Only one buffer of a JSON
/// Lines file is in memory at once; text files are listed, not read (``RawInput/loaded()`` reads one), and
/// their digests come with the loaded inputs rather than in ``digests``.
public struct InputReader {
    let files: [InputFile]
    let format: InputSpec.Format
    private var fileIndex = 0
    private var lines: LineReader?
    private var current: InputFile?
    /// Size and SHA-256 of every JSON Lines file read so far, in order.
    public private(set) var digests: InputDigests
    /// Only inputs of this shard are produced (whole text files outside it are not even read).
    public var shard: Shard?
    /// The largest document accepted (`input.max_document`), in bytes. A JSON Lines line over it is
    /// skipped without being held in memory, a text file over it is not read; either comes out as an
    /// ``RawInput/Payload/unreadable(_:)`` input whose reason gives its size, and is quarantined.
    public var maxDocument: Int = .max

    /// Creates a reader over the files in order.
    public init(files: [InputFile], format: InputSpec.Format) {
        self.files = files
        self.format = format
        digests = InputDigests(files: files)
    }

    /// The next input, or nil at the end.
    public mutating func next() -> RawInput? {
        while true {
            if let reader = lines, let file = current {
                let index = fileIndex - 1
                let position = { InputPosition(file: index, line: $0) }
                reader.maxLine = maxDocument
                switch reader.next() {
                case .line(let bytes, let number):
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    if let shard, !shard.contains(id: "\(file.idBase):\(number)") { continue }
                    return RawInput(id: "\(file.idBase):\(number)", source: DocumentSource(path: file.display, line: number),
                                    payload: .jsonLine(bytes), position: position(number))
                case .oversized(let size, let number):
                    if let shard, !shard.contains(id: "\(file.idBase):\(number)") { continue }
                    return RawInput(id: "\(file.idBase):\(number)", source: DocumentSource(path: file.display, line: number),
                                    payload: .unreadable(InputSpec.tooLarge(size, limit: maxDocument)), position: position(number))
                case .failed(let reason, let number):
                    lines = nil
                    digests.append(index: fileIndex - 1, bytes: reader.digest.count, sha256: nil)
                    return RawInput(id: "\(file.idBase):\(number)", source: DocumentSource(path: file.display, line: number),
                                    payload: .unreadable(reason), position: position(number))
                case .end:
                    lines = nil
                    digests.append(index: fileIndex - 1, bytes: reader.digest.count, sha256: reader.digest.bytes())
                }
            }
            guard fileIndex < files.count else { return nil }
            let file = files[fileIndex]
            fileIndex += 1
            current = file
            let position = InputPosition(file: fileIndex - 1, line: 0)
            switch format {
            case .jsonl,
                 // In the HTML format, a JSON Lines file holds one page a line.
                 .html where InputFile.isJSONLines(file.path):
                do {
                    lines = try LineReader(path: file.path)
                } catch {
                    digests.append(index: fileIndex - 1, bytes: 0, sha256: nil)
                    return RawInput(id: file.idBase, source: DocumentSource(path: file.display), payload: .unreadable("\(error)"),
                                    position: position)
                }
            case .text, .html:
                if let shard, !shard.contains(id: file.idBase) { continue }
                var listed = RawInput(id: file.idBase, source: DocumentSource(path: file.display),
                                      payload: .file(path: file.path, size: file.path == "-" ? 0 : Paths.size(file.path) ?? 0),
                                      position: position)
                listed.maxBytes = maxDocument
                // Standard input can be read only here, once; a file is read by the worker that takes it.
                let limit = maxDocument
                return file.path == "-" ? listed.reading { try LineReader.readAll(fd: 0, limit: limit) } : listed
            }
        }
    }
}

/// Reads a file (or standard input) line by line in large buffers. Lines end at LF; a CR before it is dropped.
public final class LineReader {
    /// A line (without its end) and its number from 1, a line longer than ``maxLine`` (its size and number;
    /// its bytes were skipped, never held), a read failure, or the end.
    public enum Item { case line([UInt8], Int), oversized(Int, Int), failed(String, Int), end }

    /// The longest line returned; a longer one is skipped as it is read and reported as `.oversized`, so
    /// memory stays within this plus one buffer whatever the input holds.
    public var maxLine: Int = .max

    private let fd: Int32
    private let ownsFD: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var lineNumber = 0
    private let chunk = 1 << 20
    /// SHA-256 of every byte read.
    let digest = Digest.Running()

    /// Opens a file, or standard input for `-`.
    public init(path: String) throws {
        if path == "-" {
            fd = 0
            ownsFD = false
        } else {
            fd = open(Paths.fileSystemPath(path), O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw IOFailure(String(cString: strerror(errno)), path: path) }
            ownsFD = true
        }
    }

    deinit { if ownsFD { close(fd) } }

    /// The next line.
    public func next() -> Item {
        while true {
            // memchr finds the line's end sixteen or more bytes at a time; `firstIndex(of:)` took one at a time.
            let found = buffer.withUnsafeBytes { b -> Int? in
                guard start < b.count, let p = memchr(b.baseAddress! + start, 0x0A, b.count - start) else { return nil }
                return UnsafeRawPointer(p) - b.baseAddress!
            }
            if let newline = found {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                if end - start > maxLine {
                    let size = end - start
                    start = newline + 1
                    lineNumber += 1
                    return .oversized(size, lineNumber)
                }
                let line = Array(buffer[start..<end])
                start = newline + 1
                lineNumber += 1
                return .line(line, lineNumber)
            }
            if eof {
                guard start < buffer.count else { return .end }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                if end - start > maxLine {
                    let size = end - start
                    start = buffer.count
                    lineNumber += 1
                    return .oversized(size, lineNumber)
                }
                let line = Array(buffer[start..<end])
                start = buffer.count
                lineNumber += 1
                return .line(line, lineNumber)
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if buffer.count > maxLine { return skipLine() }
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            var n: Int
            repeat {
                n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
            } while n < 0 && errno == EINTR
            if n < 0 {
                buffer.removeSubrange(old...)
                eof = true
                return .failed("read failed: \(String(cString: strerror(errno)))", lineNumber + 1)
            }
            buffer.removeSubrange((old + n)...)
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[old..<(old + n)])) }
            if n == 0 { eof = true }
        }
    }

    /// The rest of a line already longer than ``maxLine``: the buffer (the line's start) is dropped, and
    /// the input is read and hashed up to the next LF without keeping it.
    private func skipLine() -> Item {
        var size = buffer.count
        buffer.removeAll(keepingCapacity: true)
        start = 0
        lineNumber += 1
        let number = lineNumber
        var block = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                eof = true
                return .failed("read failed: \(String(cString: strerror(errno)))", number)
            }
            if n == 0 {
                eof = true
                return .oversized(size, number)
            }
            block.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            if let newline = block[0..<n].firstIndex(of: 0x0A) {
                size += newline
                // The rest of the block starts the next line.
                buffer.append(contentsOf: block[(newline + 1)..<n])
                return .oversized(size, number)
            }
            size += n
        }
    }

    /// Reads all of `fd` (standard input). Past `limit` bytes the rest is read and counted but not kept,
    /// and the failure gives the whole size.
    static func readAll(fd: Int32, limit: Int = .max) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(String(cString: strerror(errno)), path: "-")
            }
            if n == 0 {
                if total > limit { throw IOFailure(InputSpec.tooLarge(total, limit: limit), path: "-") }
                return bytes
            }
            total += n
            if total <= limit {
                bytes.append(contentsOf: chunk[0..<n])
            } else if !bytes.isEmpty {
                bytes = []
            }
        }
    }
}

/// Turns raw input into documents: byte-order marks, UTF-16, invalid UTF-8 and JSON Lines fields.
public enum InputDecoder {
    /// Decodes one input into a document, or the reason it must be quarantined.
    public static func document(from raw: RawInput, spec: InputSpec) -> Result<Document, Reject> {
        func reject(_ reason: String) -> Result<Document, Reject> {
            .failure(Reject(id: raw.id, source: raw.source, stage: "read", reason: reason))
        }
        switch raw.payload {
        case .unreadable(let reason):
            return reject(reason)
        case .file:
            return document(from: raw.loaded(), spec: spec)
        case .text(let bytes) where spec.format == .html:
            return htmlDocument(bytes, id: raw.id, raw: raw, spec: spec, fields: [:], warnings: [])
        case .text(let bytes):
            switch decodeText(bytes, policy: spec.onInvalidUTF8) {
            case .failure(let error): return reject(error.reason)
            case .success(let (text, warnings)):
                var document = Document(id: raw.id, text: text, source: raw.source)
                document.warnings = warnings
                return .success(document)
            }
        case .jsonLine(let bytes):
            switch decodeText(bytes, policy: spec.onInvalidUTF8) {
            case .failure(let error): return reject(error.reason)
            case .success(let (line, warnings)):
                let value: JSONValue
                let idText: String?
                do {
                    (value, idText) = try JSONReader.parse(line, numberTextOf: spec.idField)
                } catch {
                    return reject("not valid JSON: \(error)")
                }
                guard case .object(var fields) = value else { return reject("a JSON Lines record must be an object") }
                var id = raw.id
                switch fields.removeValue(forKey: spec.idField) {
                case .string(let s)?:
                    guard !s.isEmpty else {
                        return reject("the '\(spec.idField)' field is empty; give each record an id, or leave the field out for FILE:LINE")
                    }
                    id = s
                case .int(let i)?: id = String(i)
                case .number?:
                    // A whole number too large for an Int is kept as it is written; a fraction is not an id.
                    guard let text = idText, text.utf8.allSatisfy({ $0 == 0x2D || ($0 >= 0x30 && $0 <= 0x39) }) else {
                        return reject("the '\(spec.idField)' field must be a string or a whole number")
                    }
                    id = text
                case nil, .null?: break
                default: return reject("the '\(spec.idField)' field must be a string or a whole number")
                }
                if spec.format == .html {
                    guard case .string(let page)? = fields.removeValue(forKey: spec.htmlField) else {
                        return reject("no '\(spec.htmlField)' string field (set input.html_field to the field that holds the page)")
                    }
                    return htmlDocument(Array(page.utf8), id: id, raw: raw, spec: spec, fields: fields, warnings: warnings)
                }
                guard let textValue = fields.removeValue(forKey: spec.textField) else {
                    return reject("no '\(spec.textField)' field (set input.text_field to the field that holds the text)")
                }
                guard case .string(let text) = textValue else { return reject("the '\(spec.textField)' field is not a string") }
                var document = Document(id: id, text: text, source: raw.source, metadata: fields.mapValues(\.attribute))
                document.warnings = warnings
                return .success(document)
            }
        }
    }

    /// A page's article as a document: the article's text, the page's metadata (and any other JSON Lines
    /// fields) under `meta`, and its figure captions and credits recorded as removed text. They are appended
    /// to the text as read, a blank line before each, and removed at once, so the record's `removed` shows
    /// them against `original_text` as clean-captions' removals are.
    static func htmlDocument(_ bytes: [UInt8], id: String, raw: RawInput, spec: InputSpec, fields: [String: JSONValue],
                             warnings: [String]) -> Result<Document, Reject> {
        let article: HTMLArticle
        do {
            article = try HTMLExtractor().extract(bytes)
        } catch {
            return .failure(Reject(id: id, source: raw.source, stage: "read", reason: error.message))
        }
        var metadata = fields.mapValues(\.attribute)
        for (key, value) in article.meta { metadata[key] = .string(value) }
        metadata["charset"] = .string(article.charset)
        metadata["charset_source"] = .string(article.charsetSource.rawValue)
        var text = article.text
        var cuts: [Cut] = []
        for caption in article.captions {
            text += "\n\n"
            let start = text.utf8.count
            text += caption.text
            cuts.append(Cut(start..<text.utf8.count, reason: caption.role.rawValue, rule: "html-fig\(caption.role.rawValue)",
                            absorbsWhitespace: true))
        }
        var document = Document(id: id, text: text, source: raw.source, metadata: metadata)
        do {
            try document.remove(cuts)
        } catch {
            return .failure(Reject(id: id, source: raw.source, stage: "read", reason: "\(error)"))
        }
        document.warnings = warnings + article.warnings
        return .success(document)
    }

    /// Decodes bytes to text: strips a UTF-8 byte-order mark, decodes UTF-16 with a byte-order mark, and
    /// rejects or repairs invalid UTF-8. Returns the text and warnings about what was done.
    public static func decodeText(_ bytes: [UInt8], policy: InputSpec.InvalidUTF8) -> Result<(String, [String]), DocumentError> {
        var warnings: [String] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            warnings.append("removed a UTF-8 byte-order mark")
        } else if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            let little = body.first == 0xFF
            let payload = Array(body.dropFirst(2))
            guard payload.count % 2 == 0 else { return .failure(DocumentError("UTF-16 text with an odd number of bytes")) }
            var units: [UInt16] = []
            units.reserveCapacity(payload.count / 2)
            for i in stride(from: 0, to: payload.count, by: 2) {
                units.append(little ? UInt16(payload[i]) | UInt16(payload[i + 1]) << 8 : UInt16(payload[i]) << 8 | UInt16(payload[i + 1]))
            }
            var text = ""
            var bad = 0
            var iterator = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): text.unicodeScalars.append(s)
                case .emptyInput: break loop
                case .error:
                    bad += 1
                    text.unicodeScalars.append("\u{FFFD}")
                }
            }
            if bad > 0 && policy == .reject {
                return .failure(DocumentError("invalid UTF-16: \(bad) unpaired surrogate(s)"))
            }
            warnings.append("decoded from UTF-16\(little ? "LE" : "BE") (byte-order mark)")
            if bad > 0 { warnings.append("replaced \(bad) invalid UTF-16 sequence(s) with U+FFFD") }
            return .success((text, warnings))
        }
        if let text = String(validating: body, as: UTF8.self) {
            if body.contains(0) { warnings.append("contains NUL characters") }
            return .success((text, warnings))
        }
        let offset = firstInvalidOffset(body)
        guard policy == .replace else {
            return .failure(DocumentError("invalid UTF-8 at byte \(offset) (set input.on_invalid_utf8: replace to repair it)"))
        }
        let text = String(decoding: body, as: UTF8.self)
        let before = countReplacementCharacters(Array(body))
        let after = text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        warnings.append("replaced \(after - before) invalid UTF-8 sequence(s) with U+FFFD, the first at byte \(offset)")
        return .success((text, warnings))
    }

    static func firstInvalidOffset(_ body: ArraySlice<UInt8>) -> Int {
        let bytes = Array(body)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xF5 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            guard length > 0, i + length <= bytes.count,
                  String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return i }
            i += length
        }
        return i
    }

    static func countReplacementCharacters(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= 3 else { return 0 }
        var count = 0
        for i in 0..<(bytes.count - 2) where bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { count += 1 }
        return count
    }
}
