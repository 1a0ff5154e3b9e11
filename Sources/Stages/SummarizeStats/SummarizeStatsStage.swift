import Foundation
import Kernel

/// Per-document figures (into each record's `stats`) and whole-batch totals that merge across shards.
public struct SummarizeStatsStage: CollectingStage {
    /// Options of `summarize-stats`.
    public struct Options: StageOptions {
        /// Where the batch statistics go, relative to the output folder; empty for nowhere.
        public var output = "stats.json"
        /// How many top entities per label and top speakers to list.
        public var top = 10
        /// Reading speed for `reading_minutes`.
        public var wordsPerMinute = 230

        enum CodingKeys: String, CodingKey {
            case output, top
            case wordsPerMinute = "words_per_minute"
        }

        /// The defaults.
        public init() {}

        /// Decodes, with defaults for missing keys.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            output = try c.decodeIfPresent(String.self, forKey: .output) ?? "stats.json"
            top = try c.decodeIfPresent(Int.self, forKey: .top) ?? 10
            wordsPerMinute = try c.decodeIfPresent(Int.self, forKey: .wordsPerMinute) ?? 230
        }
    }

    /// `summarize-stats`.
    public static let descriptor = StageDescriptor(
        name: "summarize-stats",
        summary: "Per-document figures and whole-batch totals (mergeable across shards)",
        version: "1",
        produces: [Layer.stats],
        options: [
            OptionHelp("output", "the batch statistics file, relative to the output folder (empty: none)"),
            OptionHelp("top", "how many top entities per label and top speakers to list"),
            OptionHelp("words_per_minute", "reading speed used for reading_minutes"),
        ]
    )

    /// Per-document figures, shown by `lede stages summarize-stats`.
    public static let examples: [StageExample] = []

    let options: Options

    /// Creates the stage.
    public init(options: Options, context: StageContext) throws {
        guard options.top >= 0 else { throw OptionError("top must not be negative", at: ["top"]) }
        guard options.wordsPerMinute > 0 else { throw OptionError("words_per_minute must be positive", at: ["words_per_minute"]) }
        self.options = options
    }

    /// Starts the run's totals.
    public func makeCollector(_ context: CollectorContext) throws -> any Collector {
        StatsCollector(options: options, output: options.output.isEmpty ? nil : try context.output.create(options.output))
    }

    /// The figures of one document.
    public static func documentStats(_ document: Document, wordsPerMinute: Int) -> BatchStats.DocumentFigures {
        var figures = BatchStats.DocumentFigures()
        let sentences = document.spans(Layer.sentences)
        let entities = document.spans(Layer.entities)
        var text = document.text
        var sentenceWords: [Int] = []
        sentenceWords.reserveCapacity(sentences.count)
        var mentions: [BatchStats.EntityMention] = []
        mentions.reserveCapacity(entities.count)
        text.withUTF8 { b in
            figures.characters = codePoints(b)
            figures.words = countWords(b, 0..<b.count)
            for sentence in sentences { sentenceWords.append(countWords(b, sentence.range)) }
            for entity in entities {
                mentions.append(BatchStats.EntityMention(
                    label: entity.label ?? "?",
                    name: entity.attributes["canonical"]?.string ?? String(decoding: UnsafeBufferPointer(rebasing: b[entity.range]), as: UTF8.self)))
            }
        }
        figures.sentenceWords = sentenceWords
        figures.paragraphs = document.spans(Layer.paragraphs).count
        figures.sentences = sentences.count
        for removal in document.removed { figures.removed[removal.reason, default: 0] += 1 }
        // Labels are few: counted in a short list, then made a dictionary once.
        var byLabel: [(label: String, count: Int)] = []
        for mention in mentions {
            if let i = byLabel.firstIndex(where: { $0.label == mention.label }) { byLabel[i].count += 1 } else { byLabel.append((mention.label, 1)) }
        }
        figures.entities = Dictionary(uniqueKeysWithValues: byLabel.map { ($0.label, $0.count) })
        figures.entityMentions = mentions
        var speakers: Set<String> = []
        for quote in document.spans(Layer.quotes) {
            figures.quotes[quote.attributes["kind"]?.string ?? quote.label ?? "?", default: 0] += 1
            // A pronoun that quote-extract could not resolve is its own speaker and mention: "she" is nobody's
            // name, so it is not counted as a speaker.
            if let speaker = quote.attributes["speaker"]?.spanRef,
               speaker.extra["mention"]?.spanRef.map({ $0.start != speaker.start || $0.end != speaker.end }) ?? true {
                let name = document.substring(speaker.start..<speaker.end)
                speakers.insert(name)
                figures.speakerNames[name, default: 0] += 1
            }
        }
        figures.speakers = speakers.count
        figures.readingMinutes = Double((figures.words * 10 + wordsPerMinute - 1) / wordsPerMinute) / 10
        return figures
    }

    /// Unicode code points of valid UTF-8: every byte but continuation bytes (10xxxxxx), eight at a time.
    static func codePoints(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = b.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuations = 0, i = 0
        while i + 8 <= b.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            continuations &+= (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < b.count {
            continuations &+= b[i] & 0xC0 == 0x80 ? 1 : 0
            i += 1
        }
        return b.count - continuations
    }

    /// Whitespace-separated words (space, tab, line feed, carriage return): the bytes where a run of
    /// non-space starts, found eight bytes at a time.
    static func countWords(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = b.baseAddress, !range.isEmpty else { return 0 }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // The high bit of each byte that differs from `c` (exact, with no carry between bytes).
        @inline(__always) func differs(_ w: UInt64, _ c: UInt64) -> UInt64 {
            let x = w ^ c
            return (((x & low) &+ low) | x) & high
        }
        var count = 0, i = range.lowerBound
        var previousWord = false
        while i + 8 <= range.upperBound {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let word = differs(w, 0x2020_2020_2020_2020) & differs(w, 0x0909_0909_0909_0909)
                & differs(w, 0x0A0A_0A0A_0A0A_0A0A) & differs(w, 0x0D0D_0D0D_0D0D_0D0D)
            let before = word << 8 | (previousWord ? 0x80 : 0)
            count &+= (word & ~before).nonzeroBitCount
            previousWord = word >> 63 != 0
            i += 8
        }
        while i < range.upperBound {
            let c = b[i]
            let isWord = !(c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D)
            if isWord && !previousWord { count += 1 }
            previousWord = isWord
            i += 1
        }
        return count
    }
}

final class StatsCollector: Collector {
    let options: SummarizeStatsStage.Options
    let output: AtomicFile?
    var batch = BatchStats()

    init(options: SummarizeStatsStage.Options, output: AtomicFile?) {
        self.options = options
        self.output = output
    }

    func consume(_ document: inout Document) throws {
        let figures = SummarizeStatsStage.documentStats(document, wordsPerMinute: options.wordsPerMinute)
        document.stats = figures.recordFields
        batch.add(figures, source: document.source.path)
    }

    /// A document's figures are computed on the worker tasks; only adding them to the batch is in order.
    var prepare: (@Sendable (inout Document) throws -> (any Sendable)?)? {
        let wordsPerMinute = options.wordsPerMinute
        return { document in
            let figures = SummarizeStatsStage.documentStats(document, wordsPerMinute: wordsPerMinute)
            document.stats = figures.recordFields
            return figures
        }
    }

    func consume(_ document: inout Document, prepared: (any Sendable)?) throws {
        guard let figures = prepared as? BatchStats.DocumentFigures else { return try consume(&document) }
        batch.add(figures, source: document.source.path)
    }

    func rejected(_ reject: Reject) {
        batch.rejected[reject.stage, default: 0] += 1
    }

    /// Adds up the shards' full counts from their statistics files.
    func merge(_ shards: [String], documents: [MergeStep]) throws {
        guard !options.output.isEmpty else { return }
        for folder in shards {
            let path = Paths.join(folder, options.output)
            let bytes = try Paths.read(path)
            guard let report = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)), let stats = BatchStats(report: report) else {
                throw IOFailure("is not a statistics file this version can merge", path: path)
            }
            batch.merge(stats)
        }
    }

    func finish(_ summary: inout RunSummary) throws {
        let report = batch.report(top: options.top)
        summary.sections[Layer.stats] = report
        var json = JSONWriter()
        json.attribute(report, text: "", index: CodePointIndex(""))
        json.raw(0x0A)
        if let output {
            try json.withBytes { try output.write($0) }
            try output.commit()
            summary.outputs.append(options.output)
        }
        summary.tables.append(batch.table(top: min(options.top, 5)))
    }

    func discard() { output?.discard() }
}
