import LedeCore
import LedeText
import QuoteAttribution
import QuoteLexicon
import QuoteScanning


/// Finds direct quotations with their speaker and cue verb.
///
/// Quotation marks are paired over the whole document (a speech may run over several paragraphs; British
/// single quotes pair too, apostrophes never), then each quotation is attributed from the words just before
/// and after it: `SPEAKER CUE, "..."`, `"...," CUE SPEAKER`, `"...," SPEAKER CUE`, `according to SPEAKER`,
/// `SPEAKER: "..."`, a participle or `and` that continues the quotation before it (`adding, "..."`), any verb
/// in the past tense after a quotation ending in a comma (`"...," beamed the coach`, `"...," she sighed`), a bare
/// quotation right after one from the same speaker, after a paragraph reporting someone's words (`..., Sergeant
/// Ana Tupou says.`) or before one that names its speaker (`Senator X had this to say ...`). A pronoun
/// speaker (`They added`) resolves to the nearest earlier person, group or organization it can refer to, a
/// role noun (`the Premier`, `the CC`) to the person holding the office, an age (`the 45-year-old`) to the person
/// the text gave it, and the record keeps both; a title goes to
/// `speaker.title` and a surname gets its full name in `speaker.canonical`. A quotation set inside a sentence
/// after a lowercase word (`hopes for a "new life"`, a quoted name) is `partial`, never speech. A quotation
/// with no closing mark is closed at its paragraph's end and marked `unclosed`, unless it opened after its
/// attribution inside its paragraph and the next paragraph's only mark closes it at that paragraph's end (a
/// continuation whose opening mark was left out): then it runs on into that paragraph.
public struct QuoteExtractStage: DocumentStage {
    /// Options of `quote-extract`.
    public struct Options: DeclaredOptions {
        /// Cue verbs to add to the built-in list.
        @StageOption(help: "cue verbs to add to the built-in ones: " + defaultCues.joined(separator: ", "))
        public var cues: [String] = []
        /// Built-in cue verbs to forget.
        @StageOption(help: "built-in cue verbs to forget")
        public var notCues: [String] = []
        /// Use only `cues`, dropping the built-in list.
        @StageOption(help: "true: use only `cues`")
        public var replaceCues = false
        /// A quotation that starts a sentence, has no attribution and follows no quotation of a known speaker
        /// is `direct` (with no speaker) when it has at least this many words, else `partial`.
        @StageOption(help: "an unattributed quotation opening a sentence, with no speaker before it, is direct from this many words")
        public var minDirectWords = 4

        /// The defaults.
        public init() {}

        /// `min_direct_words` is at least 1.
        public func validate() throws {
            guard minDirectWords >= 1 else { throw invalid($minDirectWords, "must be at least 1") }
        }
    }

    /// `quote-extract`.
    public static let descriptor = StageDescriptor(
        name: "quote-extract",
        summary: "Direct quotations with their speaker (pronouns resolved) and cue verb",
        version: "1",
        requires: [Layer.paragraphs],
        produces: [Layer.quotes],
        options: Options.help
    )

    /// The built-in cue verbs, finite forms and participles.
    public static let defaultCues = [
        "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks", "stated", "states",
        "noted", "notes", "insisted", "insists", "warned", "warns", "explained", "explains", "replied", "replies",
        "recalled", "recalls", "announced", "announces", "declared", "declares", "argued", "argues", "claimed", "claims",
        "continued", "continues", "concluded", "stressed", "stresses", "emphasized", "emphasised", "acknowledged",
        "admitted", "agreed", "answered", "commented", "confirmed", "predicted", "promised", "remarked", "responded",
        "revealed", "shouted", "suggested", "urged", "vowed", "wondered", "cautioned", "pleaded", "joked", "posted",
        "maintained", "observed", "conceded", "testified", "tweeted", "cried", "whispered", "exclaimed", "demanded",
        "quipped", "quips", "elaborated", "denied", "denies", "reads", "read", "assured", "reiterated", "retorted", "countered",
        "lamented", "mused", "recounted", "concedes", "insist", "boasted", "complained", "snapped", "charged",
        "ruled", "alleged", "alleges", "asserted", "asserts", "disclosed", "opined", "fumed", "texted", "emailed",
        "clarified", "advised",
        // The present tense of reported speech, which features and profiles use (`Ssempala, however, maintains that`).
        "maintains", "contends", "observes", "admits", "acknowledges", "reveals", "confirms", "suggests", "predicts",
        "emphasises", "emphasizes", "responds", "comments", "concludes", "reiterates", "cautions", "laments", "recounts",
        "remarks",
        // South Asian and African English reports speech with these too (`The official informed that ...`).
        "informed", "informs", "highlighted", "underscored", "affirmed", "indicated", "mentioned", "contended", "averred",
        "bemoaned", "decried", "questioned", "queried", "quizzed",
        "saying", "adding", "mentioning", "writing", "noting", "telling", "asking", "stressing", "warning", "explaining",
        "insisting", "arguing", "declaring", "stating", "recalling", "urging", "calling",
        // A crowd's words (`with the protesters chanting, "..."`).
        "shouting", "chanting", "yelling", "chanted", "yelled",
    ]

    let cues: WordSet
    let minDirectWords: Int
    let scanner = WordScanner()
    let lists = Lists()

    /// Creates the stage.
    public init(options: Options, context: StageContext) throws {
        if options.replaceCues, options.cues.isEmpty {
            throw OptionError("replace_cues is true but cues is empty, so no quotation could be attributed",
                              at: ["cues"], hint: "list the cue verbs under cues, or drop replace_cues")
        }
        for (i, cue) in (options.cues + options.notCues).enumerated()
        where cue.isEmpty || cue.utf8.contains(where: { TextLayout.isSpace($0) }) {
            let inCues = i < options.cues.count
            throw OptionError("cue '\(cue)' must be a single word",
                              at: [inCues ? "cues" : "not_cues", .index(inCues ? i : i - options.cues.count)])
        }
        var set = WordSet(options.replaceCues ? [] : Self.defaultCues)
        for cue in options.cues { set.insert(cue) }
        for cue in options.notCues { set.remove(cue) }
        cues = set
        minDirectWords = options.minDirectWords
    }

    /// The layer in which a cleaning stage marks a page's headline (clean-captions' `structure`): a quotation in the
    /// headline (`‘Things will go well’ for X, says Y`) is the page's title, no speech reported in the text.
    static let structureLayer = "structure"

    /// Adds the quotes layer.
    public func process(_ document: inout Document) throws {
        let paragraphs = document.spans(Layer.paragraphs).map(\.range)
        let headlines = document.hasLayer(Self.structureLayer)
            ? document.spans(Self.structureLayer).filter { $0.label == "headline" && $0.attributes["flagged"] != .bool(true) }.map(\.range)
            : []
        var text = document.text
        let (spans, unbalanced, unclosed) = text.withUTF8 { b -> ([Span], [Int], [Int]) in
            let scanned = QuoteScanner.scan(b, paragraphs: paragraphs, cues: cues)
            var quotes = scanned.quotes
            if !headlines.isEmpty {
                quotes.removeAll { q in headlines.contains { $0.lowerBound <= q.open && q.close <= $0.upperBound } }
            }
            guard !quotes.isEmpty else { return ([], scanned.unbalanced, scanned.unclosed) }
            var attributor = Attributor(
                b: b, tokenizer: Tokenizer(b: b, scanner: scanner), cues: cues, minDirectWords: minDirectWords,
                paragraphs: paragraphs, quotes: quotes,
                sentences: document.hasLayer(Layer.sentences) ? document.spans(Layer.sentences).map(\.range) : paragraphs,
                entities: document.spans(Layer.entities), tagged: document.hasLayer(Layer.entities), lists: lists)
            let spans = attributor.attributeAll()
            return (spans, scanned.unbalanced, (scanned.unclosed + attributor.splitParagraphs).sorted())
        }
        for p in unbalanced {
            document.warn("unbalanced quotation marks in paragraph \(p + 1): its unpaired quotation was skipped",
                          kind: DocumentWarning.unbalancedQuotes)
        }
        for p in unclosed {
            document.warn("unclosed quotation in paragraph \(p + 1): closed at the paragraph's end and marked unclosed",
                          kind: DocumentWarning.unclosedQuote)
        }
        try document.setLayer(Layer.quotes, spans)
    }
}
