import Foundation
import Yams

/// One annotated article of a gold corpus: its plain text, its entities and its quotations.
public struct GoldDocument: Sendable {
    /// The file name without its extension.
    public var id: String
    /// The text with the entity markup taken out: what the pipeline reads.
    public var text: String
    /// Gold entities, at UTF-8 offsets of ``text``.
    public var entities: [GoldEntity]
    /// Gold quotations, matched by their text.
    public var quotes: [GoldQuote]
}

/// A gold entity: a UTF-8 range of the text and its OntoNotes label.
public struct GoldEntity: Sendable, Hashable {
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset one past the last byte.
    public var end: Int
    /// `PERSON`, `ORG`, `GPE`, ...
    public var label: String
    /// The entity's text.
    public var text: String
}

/// A gold quotation, as written in an article's `.quotes.yaml`.
public struct GoldQuote: Sendable, Decodable {
    /// The quotation's text without its outer marks, as it stands in the article.
    public var quote: String
    /// `direct` (speech), `partial` (a fragment inside a sentence) or `none` (a quoted name or sign,
    /// which may be reported as partial or not at all, but never as speech).
    public var kind: String
    /// The accepted texts of the resolved speaker; empty for a quote with no known speaker.
    public var speakers: [String]
    /// The pronoun that names the speaker, when one does.
    public var mention: String?
    /// The cue verb, when there is one.
    public var cue: String?

    enum CodingKeys: String, CodingKey { case quote, kind, speaker, mention, cue }

    /// Decodes one entry; `speaker` is a string or a list of accepted strings.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        quote = try c.decode(String.self, forKey: .quote)
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? "direct"
        if let list = try? c.decodeIfPresent([String].self, forKey: .speaker) {
            speakers = list
        } else {
            speakers = try c.decodeIfPresent(String.self, forKey: .speaker).map { [$0] } ?? []
        }
        mention = try c.decodeIfPresent(String.self, forKey: .mention)
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
        guard ["direct", "partial", "none"].contains(kind) else {
            throw GoldError("kind must be direct, partial or none, not '\(kind)'")
        }
    }
}

/// A malformed gold file.
public struct GoldError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, and where.
    public var description: String
    /// Creates the error.
    public init(_ description: String) { self.description = description }
}

/// Reads a gold corpus: a folder of `NAME.txt` articles with inline entity markup `[[text|LABEL]]`, each
/// with an optional `NAME.quotes.yaml` beside it (see Tests/Gold/README.md).
public enum GoldCorpus {
    /// Loads every article of a folder, sorted by name.
    public static func load(folder: String) throws -> [GoldDocument] {
        try mapArticles(in: folder) { name, id, marked in
            var document = try parse(marked, id: id)
            let quotesFile = folder + "/" + id + ".quotes.yaml"
            if FileManager.default.fileExists(atPath: quotesFile) {
                do {
                    document.quotes = try quotes(yaml: String(contentsOfFile: quotesFile, encoding: .utf8))
                } catch {
                    throw GoldError("\(quotesFile): \(error)")
                }
                for quote in document.quotes where !document.text.contains(quote.quote) {
                    throw GoldError("\(quotesFile): the quote '\(quote.quote.prefix(60))' is not in \(name)")
                }
            }
            return document
        }
    }

    /// `body` over each `NAME.txt` article of a folder, in name order, given the file's name, its id (the name
    /// without `.txt`) and its text: how this corpus and the wild quotation set (``WildQuotes``) are laid out.
    static func mapArticles<T>(in folder: String, _ body: (_ name: String, _ id: String, _ text: String) throws -> T) throws -> [T] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw GoldError("\(folder): no .txt articles") }
        return try names.map { name in
            try body(name, String(name.dropLast(4)), String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        }
    }

    /// Decodes a `.quotes.yaml` list.
    public static func quotes(yaml: String) throws -> [GoldQuote] {
        try YAMLDecoder().decode([GoldQuote].self, from: yaml)
    }

    /// Takes the `[[text|LABEL]]` markup out of an article, recording each entity's range.
    public static func parse(_ marked: String, id: String) throws -> GoldDocument {
        let bytes = Array(marked.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var entities: [GoldEntity] = []
        var i = 0
        func at(_ k: Int, _ a: UInt8, _ b: UInt8) -> Bool { k + 1 < bytes.count && bytes[k] == a && bytes[k + 1] == b }
        while i < bytes.count {
            guard at(i, 0x5B, 0x5B) else {
                text.append(bytes[i])
                i += 1
                continue
            }
            var bar = i + 2
            while bar < bytes.count, bytes[bar] != 0x7C, !at(bar, 0x5D, 0x5D), !at(bar, 0x5B, 0x5B) { bar += 1 }
            var close = bar
            while close < bytes.count, !at(close, 0x5D, 0x5D) { close += 1 }
            guard bar < bytes.count, bytes[bar] == 0x7C, close < bytes.count else {
                throw GoldError("\(id): unterminated [[...|LABEL]] at byte \(i)")
            }
            let inner = Array(bytes[(i + 2)..<bar])
            let label = String(decoding: bytes[(bar + 1)..<close], as: UTF8.self)
            guard !inner.isEmpty, !label.isEmpty, label == label.uppercased() else {
                throw GoldError("\(id): bad entity markup at byte \(i)")
            }
            let start = text.count
            text.append(contentsOf: inner)
            entities.append(GoldEntity(start: start, end: text.count, label: label, text: String(decoding: inner, as: UTF8.self)))
            i = close + 2
        }
        return GoldDocument(id: id, text: String(decoding: text, as: UTF8.self), entities: entities, quotes: [])
    }
}
