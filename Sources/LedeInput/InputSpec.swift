import Foundation
import LedeCore
import LedeIO

/// How input files are read.
public struct InputSpec: Codable, Sendable, Equatable {
    /// The kinds of input file.
    public enum Format: String, Codable, Sendable, CaseIterable {
        /// One document per file (the whole file is the text).
        case text
        /// JSON Lines: one document per line, the text in `text_field`.
        case jsonl
        /// HTML pages (`.html`, `.htm`, gzip-compressed `.html.gz`), one article per page; JSON Lines files
        /// (`.jsonl`, `.ndjson`) give one page per line, the HTML in `html_field`.
        case html
    }

    /// What to do with bytes that are not valid UTF-8.
    public enum InvalidUTF8: String, Codable, Sendable, CaseIterable {
        /// Quarantine the document.
        case reject
        /// Replace each bad sequence with U+FFFD and record how many were replaced.
        case replace
    }

    /// Files, folders or glob patterns; `-` is standard input. Relative paths resolve against the pipeline file.
    public var paths: [String] = []
    /// The file format.
    public var format: Format = .text
    /// For JSON Lines: the field holding the text.
    public var textField: String = "text"
    /// For HTML read from JSON Lines: the field holding the page.
    public var htmlField: String = "html"
    /// For JSON Lines: the field holding the id (a string or a number).
    public var idField: String = "id"
    /// For invalid UTF-8: reject or replace.
    public var onInvalidUTF8: InvalidUTF8 = .reject
    /// The largest document accepted, in bytes (a text file, or a JSON Lines line): a larger one is
    /// quarantined with its size and never read whole into memory. `max_document: 16MB` in a pipeline.
    public var maxDocument: Int = InputSpec.defaultMaxDocument
    /// When set, an input holds several documents, separated by lines whose trimmed text is exactly this
    /// (`separator: "---"` for wire dumps): each stretch between them is a document of its own, with the
    /// input's id and `#1`, `#2`, … Text and JSON Lines inputs only (for JSON Lines, within the text field).
    public var separator: String?

    /// 16 MiB: far above any news article, far below what would take a batch down.
    public static let defaultMaxDocument = 16 << 20
    /// The key, for messages.
    public static let maxDocumentKey = "input.max_document"

    /// The reason an oversized document is quarantined.
    public static func tooLarge(_ size: Int, limit: Int) -> String {
        ByteSize.tooLarge(size, limit: limit, key: maxDocumentKey)
    }

    enum CodingKeys: String, CodingKey {
        case paths, format
        case textField = "text_field"
        case htmlField = "html_field"
        case idField = "id_field"
        case onInvalidUTF8 = "on_invalid_utf8"
        case maxDocument = "max_document"
        case separator
    }

    /// The defaults.
    public init() {}

    /// Decodes with defaults for missing keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        paths = try c.decodeIfPresent([String].self, forKey: .paths) ?? []
        format = try c.decodeIfPresent(Format.self, forKey: .format) ?? .text
        textField = try c.decodeIfPresent(String.self, forKey: .textField) ?? "text"
        htmlField = try c.decodeIfPresent(String.self, forKey: .htmlField) ?? "html"
        idField = try c.decodeIfPresent(String.self, forKey: .idField) ?? "id"
        onInvalidUTF8 = try c.decodeIfPresent(InvalidUTF8.self, forKey: .onInvalidUTF8) ?? .reject
        maxDocument = try c.decodeIfPresent(ByteSize.self, forKey: .maxDocument)?.bytes ?? Self.defaultMaxDocument
        separator = try c.decodeIfPresent(Separator.self, forKey: .separator)?.text
        if separator != nil, format == .html {
            throw DecodingError.dataCorruptedError(forKey: .separator, in: c,
                                                   debugDescription: "a separator splits text; an HTML page is one article")
        }
    }

    /// `input.separator`, checked where it is written: one line that is not blank.
    private struct Separator: Decodable {
        let text: String
        init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty, !text.contains(where: \.isNewline) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "the separator must be one line of text that is not blank, such as \"---\""))
            }
            self.text = text
        }
    }
}
