import Kernel

/// Finds direct quotations with their speaker and cue verb.
///
/// This first version pairs straight, curly and guillemet quotes within a paragraph, attributes them with
/// `SPEAKER CUE, "..."`, `"...," CUE SPEAKER` and `"...," SPEAKER CUE`, and resolves he/she/they to the
/// last speaker. The full pattern set (according to, continuation paragraphs, nested single quotes)
/// comes with issue #5.
public struct QuoteExtractStage: DocumentStage {
    /// Options of `quote-extract`.
    public struct Options: StageOptions {
        /// Extra cue verbs.
        public var cues: [String] = []
        /// Quotes with fewer words than this and no cue are `partial`.
        public var minDirectWords = 4

        enum CodingKeys: String, CodingKey {
            case cues
            case minDirectWords = "min_direct_words"
        }

        /// The defaults.
        public init() {}

        /// Decodes, with defaults for missing keys.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            cues = try c.decodeIfPresent([String].self, forKey: .cues) ?? []
            minDirectWords = try c.decodeIfPresent(Int.self, forKey: .minDirectWords) ?? 4
        }
    }

    /// `quote-extract`.
    public static let descriptor = StageDescriptor(
        name: "quote-extract",
        summary: "Direct quotations with their speaker (pronouns resolved) and cue verb",
        version: "0",
        requires: [Layer.paragraphs],
        produces: [Layer.quotes],
        options: [
            OptionHelp("cues", "extra cue verbs (said, wrote, added ... are built in)"),
            OptionHelp("min_direct_words", "quotes shorter than this, with no cue, are partial"),
        ]
    )

    static let defaultCues = [
        "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks", "stated", "states",
        "noted", "notes", "insisted", "warned", "warns", "explained", "replied", "recalled", "announced", "declared",
        "argued", "claimed", "continued", "concluded", "saying", "adding", "mentioning", "writing", "noting", "stressed",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "He", "She", "They", "It", "it", "We", "we", "I"]

    let cues: Set<String>
    let minDirectWords: Int

    /// Creates the stage.
    public init(options: Options, context: StageContext) throws {
        guard options.minDirectWords >= 1 else { throw OptionError("min_direct_words must be at least 1", at: ["min_direct_words"]) }
        cues = Set(Self.defaultCues + options.cues.map { $0.lowercased() })
        minDirectWords = options.minDirectWords
    }

    /// Adds the quotes layer.
    public func process(_ document: inout Document) throws {
        let text = document.text
        let bytes = Array(text.utf8)
        var quotes: [Span] = []
        var lastSpeaker: SpanRef?
        for paragraph in document.spans(Layer.paragraphs) {
            let pairs = QuoteScanner.pairs(in: text, paragraph.range)
            if pairs.unbalanced {
                document.warn("unbalanced quotation marks in the paragraph at offset \(paragraph.start)")
            }
            for pair in pairs.quotes {
                let before = Words(bytes, paragraph.start..<pair.open)
                let after = Words(bytes, pair.close..<paragraph.end)
                var cue: String?
                var speaker: (Range<Int>)?
                // SPEAKER CUE, "..."
                if let last = before.last, cues.contains(last.lower) {
                    cue = last.text
                    speaker = before.phrase(endingBefore: before.count - 1)
                } else if let first = after.first, cues.contains(first.lower), after.count > 1 {
                    // "...," CUE SPEAKER
                    cue = first.text
                    speaker = after.phrase(startingAt: 1)
                } else if after.count > 1, let cueIndex = (0..<min(after.count, 6)).first(where: { cues.contains(after[$0].lower) }), cueIndex > 0 {
                    // "...," SPEAKER CUE
                    cue = after[cueIndex].text
                    speaker = after.words[0].range.lowerBound..<after.words[cueIndex - 1].range.upperBound
                }
                var speakerValue: AttributeValue = .null
                if let range = speaker {
                    let mention = document.substring(range)
                    if Self.pronouns.contains(mention), let resolved = lastSpeaker {
                        speakerValue = .span(SpanRef(start: resolved.start, end: resolved.end,
                                                     extra: ["mention": .span(SpanRef(start: range.lowerBound, end: range.upperBound))]))
                    } else {
                        let ref = SpanRef(start: range.lowerBound, end: range.upperBound, extra: ["mention": .null])
                        speakerValue = .span(ref)
                        if !Self.pronouns.contains(mention) { lastSpeaker = ref }
                    }
                }
                let words = Words(bytes, pair.open + pair.openLength..<pair.close - pair.closeLength).count
                let kind = cue != nil || words >= minDirectWords && before.count == 0 ? "direct" : "partial"
                quotes.append(Span(start: pair.open + pair.openLength, end: pair.close - pair.closeLength, attributes: [
                    "speaker": speakerValue, "cue": cue.map { .string($0) } ?? .null, "kind": .string(kind),
                ]))
            }
        }
        try document.setLayer(Layer.quotes, quotes)
    }
}
