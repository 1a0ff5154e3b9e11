import Foundation
import LedeCore
import LedeText


/// Splits text into paragraphs and sentences. (Splitting one input into several documents is the reader's
/// job: `input: { separator: "---" }`.)
public struct SplitStage: DocumentStage {
    /// Options of `split`.
    public struct Options: DeclaredOptions, Equatable {
        /// Paragraph separation.
        @StageOption(help: "auto, blank-line or line: what separates paragraphs")
        public var paragraphs: TextLayout.ParagraphMode = .auto
        /// Whether to find sentences (paragraphs are always found).
        @StageOption(help: "find sentences as well as paragraphs")
        public var sentences = true
        /// Abbreviations to add to the built-in list (`Gov.`, `Brig.`); the trailing period is optional.
        @StageOption(help: "extra abbreviations that never end a sentence (Prov., Supt.)")
        public var abbreviations: [String] = []
        /// Use only `abbreviations`, dropping the built-in lists.
        @StageOption(help: "use only 'abbreviations', not the built-in lists")
        public var replaceAbbreviations = false
        /// Built-in abbreviations to forget.
        @StageOption(help: "built-in abbreviations to drop. Titles, never ending a sentence: " +
                Abbreviations.defaultTitles.joined(separator: ", ") + ". Before numbers: " +
                Abbreviations.defaultBeforeNumbers.joined(separator: ", ") + ". Others: " +
                Abbreviations.defaultGeneral.joined(separator: ", ") + ". US states, in datelines: " +
                Abbreviations.defaultStates.joined(separator: ", "))
        public var notAbbreviations: [String] = []

        /// The defaults.
        public init() {}

        /// Keys of earlier versions, now the reader's (`input.separator`): read only to say where they went.
        public static var retiredKeys: [(key: String, explanation: any Decodable.Type)] {
            [("unit", MovedToReader.self), ("separator", MovedToReader.self)]
        }

        /// The value of a key that moved to the reader: decoding it is the error, located at the value.
        struct MovedToReader: Decodable {
            init(from decoder: any Decoder) throws {
                let key = decoder.codingPath.last?.stringValue ?? "this key"
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: """
                    split no longer cuts inputs into documents: the reader does, with `input: { separator: "---" }` \
                    (and no `unit`); remove '\(key)' here
                    """))
            }
        }
    }

    /// `split`.
    public static let descriptor = StageDescriptor(
        name: "split",
        summary: "Paragraphs and sentences, with news abbreviations",
        version: "1",
        produces: [Layer.paragraphs, Layer.sentences],
        options: Options.help
    )

    let options: Options
    let scanner: SentenceScanner
    /// The stages' shared word scanner, for the language check.
    let words = WordScanner()

    /// Creates the stage.
    public init(options: Options, context: StageContext) throws {
        self.options = options
        scanner = SentenceScanner(abbreviations: Abbreviations(
            extra: options.abbreviations,
            replace: options.replaceAbbreviations ? options.abbreviations : nil,
            remove: options.notAbbreviations))
    }

    /// Adds the paragraph and sentence layers.
    public func process(_ document: inout Document) throws {
        try annotate(&document)
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
}
