import Foundation
import LedeCore
import LedeText


/// Splits text into paragraphs and sentences, and optionally one input into several documents.
public struct SplitStage: ExpandingStage {
    /// Options of `split`.
    public struct Options: StageOptions, Equatable {
        /// What one input is.
        public enum Unit: String, Codable, Sendable, CaseIterable {
            /// One input is one document.
            case file
            /// One input holds several documents, separated by `separator` lines.
            case document
        }

        /// Paragraph separation.
        public var paragraphs: TextLayout.ParagraphMode = .auto
        /// Whether to find sentences (paragraphs are always found).
        public var sentences = true
        /// Abbreviations to add to the built-in list (`Gov.`, `Brig.`); the trailing period is optional.
        public var abbreviations: [String] = []
        /// Use only `abbreviations`, dropping the built-in lists.
        public var replaceAbbreviations = false
        /// Built-in abbreviations to forget.
        public var notAbbreviations: [String] = []
        /// Whether one input is one document, or several separated by `separator` lines.
        public var unit: Unit = .file
        /// With `unit: document`, a line whose trimmed text equals this separates documents.
        public var separator = "---"

        enum CodingKeys: String, CodingKey {
            case paragraphs, sentences, abbreviations, unit, separator
            case replaceAbbreviations = "replace_abbreviations"
            case notAbbreviations = "not_abbreviations"
        }

        /// The defaults.
        public init() {}

        /// Decodes, with defaults for missing keys.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Options()
            paragraphs = try c.decodeIfPresent(TextLayout.ParagraphMode.self, forKey: .paragraphs) ?? d.paragraphs
            sentences = try c.decodeIfPresent(Bool.self, forKey: .sentences) ?? d.sentences
            abbreviations = try c.decodeIfPresent([String].self, forKey: .abbreviations) ?? d.abbreviations
            replaceAbbreviations = try c.decodeIfPresent(Bool.self, forKey: .replaceAbbreviations) ?? d.replaceAbbreviations
            notAbbreviations = try c.decodeIfPresent([String].self, forKey: .notAbbreviations) ?? d.notAbbreviations
            unit = try c.decodeIfPresent(Unit.self, forKey: .unit) ?? d.unit
            separator = try c.decodeIfPresent(String.self, forKey: .separator) ?? d.separator
        }
    }

    /// `split`.
    public static let descriptor = StageDescriptor(
        name: "split",
        summary: "Paragraphs and sentences, with news abbreviations; optionally one file into several documents",
        version: "1",
        produces: [Layer.paragraphs, Layer.sentences],
        options: [
            OptionHelp("paragraphs", "auto, blank-line or line: what separates paragraphs"),
            OptionHelp("sentences", "find sentences as well as paragraphs"),
            OptionHelp("abbreviations", "extra abbreviations that never end a sentence (Prov., Supt.)"),
            OptionHelp("replace_abbreviations", "use only 'abbreviations', not the built-in lists"),
            OptionHelp("not_abbreviations", "built-in abbreviations to drop. Titles, never ending a sentence: " +
                       Abbreviations.defaultTitles.joined(separator: ", ") + ". Before numbers: " +
                       Abbreviations.defaultBeforeNumbers.joined(separator: ", ") + ". Others: " +
                       Abbreviations.defaultGeneral.joined(separator: ", ") + ". US states, in datelines: " +
                       Abbreviations.defaultStates.joined(separator: ", ")),
            OptionHelp("unit", "file (one document per input) or document (split inputs on separator lines)"),
            OptionHelp("separator", "with unit: document, the line that separates documents"),
        ]
    )

    let options: Options
    let scanner: SentenceScanner
    /// The stages' shared word scanner, for the language check.
    let words = WordScanner()

    /// Creates the stage.
    public init(options: Options, context: StageContext) throws {
        if options.unit == .document, options.separator.trimmingCharacters(in: .whitespaces).isEmpty {
            throw OptionError("the separator must not be blank", at: ["separator"])
        }
        self.options = options
        scanner = SentenceScanner(abbreviations: Abbreviations(
            extra: options.abbreviations,
            replace: options.replaceAbbreviations ? options.abbreviations : nil,
            remove: options.notAbbreviations))
    }

    /// Splits one input into documents (when `unit: document`) and annotates each.
    public func expand(_ document: Document) throws -> [Document] {
        guard options.unit == .document else {
            var document = document
            try annotate(&document)
            return [document]
        }
        var children: [Document] = []
        for (n, range) in documentRanges(document.text).enumerated() {
            var child = Document(id: "\(document.id)#\(n + 1)", text: document.substring(range),
                                 source: DocumentSource(path: document.source.path, line: document.source.line, part: n + 1),
                                 metadata: document.metadata)
            child.detailedWarnings = document.detailedWarnings
            try annotate(&child)
            children.append(child)
        }
        return children
    }

    /// Adds the paragraph and sentence layers, and a warning when the text looks like markup or is not English.
    func annotate(_ document: inout Document) throws {
        var text = document.text
        let (markup, language) = text.withUTF8 { b in (InputChecks.markup(b), InputChecks.language(b, scanner: words)) }
        if let markup { document.warn(markup, kind: DocumentWarning.looksLikeHTML) }
        if let language { document.warn(language, kind: DocumentWarning.notEnglish) }
        let (paragraphs, sentences) = text.withUTF8 { b -> ([Span], [Span]) in
            let ranges = TextLayout.paragraphs(b, mode: options.paragraphs)
            var paragraphs: [Span] = []
            var sentences: [Span] = []
            paragraphs.reserveCapacity(ranges.count)
            for range in ranges {
                paragraphs.append(Span(start: range.lowerBound, end: range.upperBound))
                if options.sentences {
                    for s in scanner.sentences(b, range.lowerBound, range.upperBound) {
                        sentences.append(Span(start: s.lowerBound, end: s.upperBound))
                    }
                }
            }
            return (paragraphs, sentences)
        }
        try document.setLayer(Layer.paragraphs, paragraphs)
        if options.sentences { try document.setLayer(Layer.sentences, sentences) }
    }
    /// With `unit: document`: the non-blank stretches between separator lines.
    func documentRanges(_ text: String) -> [Range<Int>] {
        var text = text
        let separator = Array(options.separator.trimmingCharacters(in: .whitespaces).utf8)
        return text.withUTF8 { b -> [Range<Int>] in
            var result: [Range<Int>] = []
            var chunkStart = 0
            func close(_ end: Int) {
                let s = skipSpace(b, chunkStart, end)
                let e = trimEnd(b, s, end)
                if e > s { result.append(s..<e) }
            }
            for line in TextLayout.lines(b) {
                let s = skipSpace(b, line.lowerBound, line.upperBound)
                let e = trimEnd(b, s, line.upperBound)
                if e - s == separator.count, separator.withUnsafeBufferPointer({ sep in
                    (0..<sep.count).allSatisfy { b[s + $0] == sep[$0] }
                }) {
                    close(line.lowerBound)
                    chunkStart = line.upperBound
                }
            }
            close(b.count)
            return result
        }
    }
}
