import LedeCore
import LedeText

/// Tags topic keywords (`election`, `ballot`, ...) in a `keywords` layer, labelled by topic, matching
/// whole words, optionally ignoring case. One pass over the text with LedeText's byte automaton.
public struct KeywordTagStage: DocumentStage {
    /// Options, each declared once: the property's initial value is the default, `help` is what
    /// `my-lede stages keyword-tag` shows, and the YAML key is the name in snake_case (`ignore_case`).
    /// `DeclaredOptions` decodes them strictly (unknown keys are reported with a suggestion), encodes them
    /// for `lede explain` and the manifest, and lists their help.
    public struct Options: DeclaredOptions {
        /// Topic label → keywords.
        @StageOption(help: "topic label to its keywords, e.g. { ELECTION: [ballot, vote] }")
        public var topics: [String: [String]] = [:]
        /// Match regardless of ASCII case.
        @StageOption(help: "match keywords regardless of case")
        public var ignoreCase = true

        /// The defaults.
        public init() {}
    }

    /// Name, summary, version, the layer it writes and the options' help.
    public static let descriptor = StageDescriptor(
        name: "keyword-tag",
        summary: "Tags topic keywords in a 'keywords' layer",
        version: "1",
        produces: ["keywords"],
        options: Options.help
    )

    /// Examples: run by the tests, printed by `my-lede stages keyword-tag`.
    public static let examples: [StageExample] = [
        StageExample("Whole words, any case",
                     input: "Voters cast a Ballot; the ballots were counted.",
                     options: "{ topics: { ELECTION: [ballot, voters] } }",
                     expect: [.init("keywords", "Voters", label: "ELECTION"), .init("keywords", "Ballot", label: "ELECTION")]),
        StageExample("Case kept when asked",
                     input: "Ballot or ballot?",
                     options: "{ topics: { ELECTION: [ballot] }, ignore_case: false }",
                     expect: [.init("keywords", "ballot", label: "ELECTION")]),
    ]

    let automaton: ByteAutomaton
    let labels: [String]

    /// Validates the options once: an empty keyword is an error at its place in the pipeline file.
    public init(options: Options, context: StageContext) throws {
        var patterns: [[UInt8]] = []
        var labels: [String] = []
        for topic in options.topics.keys.sorted() {
            for (i, word) in options.topics[topic]!.enumerated() {
                guard !word.isEmpty else {
                    throw OptionError("keywords must not be empty", at: ["topics", .key(topic), .index(i)])
                }
                patterns.append(Array(word.utf8))
                labels.append(topic)
            }
        }
        automaton = ByteAutomaton(patterns, caseInsensitive: options.ignoreCase)
        self.labels = labels
    }

    /// Adds the layer. Throw `DocumentError` to quarantine a document; never print or read files.
    public func process(_ document: inout Document) throws {
        var text = document.text
        let spans = text.withUTF8 { bytes -> [Span] in
            var found: [Span] = []
            automaton.scan(bytes, 0..<bytes.count) { id, range in
                let before = range.lowerBound == 0 ? 0x20 : bytes[range.lowerBound - 1]
                let after = range.upperBound == bytes.count ? 0x20 : bytes[range.upperBound]
                if !Self.isWordByte(before), !Self.isWordByte(after) {
                    found.append(Span(start: range.lowerBound, end: range.upperBound, label: labels[id]))
                }
            }
            return found
        }
        try document.setLayer("keywords", spans)
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b >= 0x80
    }
}
