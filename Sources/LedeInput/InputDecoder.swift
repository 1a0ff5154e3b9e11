#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LedeHTML
import LedeIO
import LedeCore
import LedeText

/// Turns raw input into documents: byte-order marks, UTF-16, invalid UTF-8 and JSON Lines fields, and an
/// input that holds several documents split at its separator lines.
public enum InputDecoder {
    /// Decodes one input into its documents (one, or with ``InputSpec/separator`` as many as it holds,
    /// possibly none), or the reason it must be quarantined.
    public static func documents(from raw: RawInput, spec: InputSpec) -> Result<[Document], Reject> {
        switch document(from: raw, spec: spec) {
        case .failure(let reject): return .failure(reject)
        case .success(let document):
            guard let separator = spec.separator else { return .success([document]) }
            return .success(pieces(of: document.text, separator: separator).enumerated().map { n, range in
                var piece = Document(id: "\(document.id)#\(n + 1)", text: document.substring(range),
                                     source: DocumentSource(path: document.source.path, line: document.source.line, part: n + 1),
                                     metadata: document.metadata)
                piece.detailedWarnings = document.detailedWarnings
                return piece
            })
        }
    }

    /// The stretches of `text` between lines whose trimmed text is `separator`, each trimmed of blank space
    /// at both ends; stretches left empty are dropped.
    static func pieces(of text: String, separator: String) -> [Range<Int>] {
        var text = text
        let separator = Array(separator.trimmingCharacters(in: .whitespaces).utf8)
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C }
        return text.withUTF8 { b -> [Range<Int>] in
            func trimmed(_ range: Range<Int>) -> Range<Int> {
                var s = range.lowerBound, e = range.upperBound
                while s < e, isSpace(b[s]) { s += 1 }
                while e > s, isSpace(b[e - 1]) { e -= 1 }
                return s..<e
            }
            var result: [Range<Int>] = []
            var start = 0
            for line in TextLayout.lines(b) {
                let t = trimmed(line)
                if t.count == separator.count, separator.withUnsafeBufferPointer({ memcmp(b.baseAddress! + t.lowerBound, $0.baseAddress!, t.count) == 0 }) {
                    let piece = trimmed(start..<line.lowerBound)
                    if !piece.isEmpty { result.append(piece) }
                    start = line.upperBound
                }
            }
            let piece = trimmed(start..<b.count)
            if !piece.isEmpty { result.append(piece) }
            return result
        }
    }

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

    package static func firstInvalidOffset(_ body: ArraySlice<UInt8>) -> Int {
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
