import Foundation
import LedeCore
import LedeIO
import LedeRecord

/// Per-document figures (into each record's `stats`) and whole-batch totals that merge across shards.
public struct SummarizeStatsStage: CollectingStage {
    /// Options of `summarize-stats`.
    public struct Options: DeclaredOptions {
        /// Where the batch statistics go, relative to the output folder; empty for nowhere.
        @StageOption(help: "the batch statistics file, relative to the output folder (empty: none)")
        public var output = "stats.json"
        /// How many top entities per label and top speakers to list.
        @StageOption(help: "how many top entities per label and top speakers to list")
        public var top = 10
        /// Reading speed for `reading_minutes`.
        @StageOption(help: "reading speed used for reading_minutes")
        public var wordsPerMinute = 230

        /// The defaults.
        public init() {}

        /// `top` is not negative and `words_per_minute` is positive.
        public func validate() throws {
            guard top >= 0 else { throw invalid($top, "must not be negative") }
            guard wordsPerMinute > 0 else { throw invalid($wordsPerMinute, "must be positive") }
        }
    }

    /// `summarize-stats`.
    public static let descriptor = StageDescriptor(
        name: "summarize-stats",
        summary: "Per-document figures and whole-batch totals (mergeable across shards)",
        version: "1",
        produces: [Layer.stats],
        options: Options.help
    )

    /// Per-document figures, shown by `lede stages summarize-stats`.
    public static let examples: [StageExample] = []

    let options: Options

    /// Creates the stage.
    public init(options: Options, context: StageContext) throws {
        self.options = options
    }

    /// The statistics file, when there is one.
    public static func outputs(of options: Options) -> [DeclaredOutput] {
        options.output.isEmpty ? [] : [DeclaredOutput(options.output, option: ["output"])]
    }

    /// Starts the run's totals.
    public func makeCollector(_ context: CollectorContext) throws -> any Collector {
        StatsCollector(options: options, output: options.output.isEmpty ? nil : try context.output.create(options.output))
    }

    /// The figures of one document.
    ///
    /// This runs for every document, so it hashes as little as it can: spans are read in place, and labels,
    /// reasons and speakers are counted in short lists (``BatchStats/Tally``).
    public static func documentStats(_ document: Document, wordsPerMinute: Int) -> BatchStats.DocumentFigures {
        var figures = BatchStats.DocumentFigures()
        // The layers in one pass over the document's layers, rather than a lookup (a hash of the name) for
        // each. The four names differ in length, so most names are told apart without comparing them.
        var sentences: [Span] = [], entities: [Span] = [], quotes: [Span] = []
        for (name, spans) in document.layers {
            switch name.utf8.count {
            case 10 where name == Layer.paragraphs: figures.paragraphs = spans.count
            case 9 where name == Layer.sentences: sentences = spans
            case 8 where name == Layer.entities: entities = spans
            case 6 where name == Layer.quotes: quotes = spans
            default: break
            }
        }
        var text = document.text
        var sentenceWords: [Int] = []
        sentenceWords.reserveCapacity(sentences.count)
        var mentions: [BatchStats.EntityMention] = []
        mentions.reserveCapacity(entities.count)
        text.withUTF8 { b in
            figures.characters = codePoints(b)
            figures.words = sentences.withUnsafeBufferPointer { countWords(b, sentences: $0, into: &sentenceWords) }
            // Each label's digest, by its place in the tally: hashed once per document, not per mention.
            // In stack memory rather than an array allocated for each document: there are no more labels than
            // entities.
            entities.withUnsafeBufferPointer { entities in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, entities.count)) { labelDigests in
                    var digested = 0
                    for i in entities.indices {
                        let label = entities[i].label ?? "?"
                        let n = figures.entityTally.add(label)
                        if n == digested {
                            labelDigests[n] = BatchStats.EntityMention.digest(of: label)
                            digested += 1
                        }
                        let canonical: String? = entities[i].attributes.isEmpty ? nil : value("canonical", in: entities[i].attributes)?.string
                        if let canonical {
                            mentions.append(BatchStats.EntityMention(label: label, labelDigest: labelDigests[n], name: canonical))
                            continue
                        }
                        let range = entities[i].range
                        let bytes = UnsafeBufferPointer(rebasing: b[range])
                        // The name's digest from the text's bytes where they are the name's UTF-8 (the span starts
                        // and ends between code points), rather than from the String made of them.
                        let name = String(decoding: bytes, as: UTF8.self)
                        let nameDigest = isScalarRange(range, of: b) ? Checksum.of(UnsafeRawBufferPointer(bytes)) : BatchStats.EntityMention.digest(of: name)
                        mentions.append(BatchStats.EntityMention(label: label, labelDigest: labelDigests[n], name: name, nameDigest: nameDigest))
                    }
                }
            }
        }
        figures.sentenceWords = sentenceWords
        figures.sentences = sentences.count
        for removal in document.removed { figures.removedTally.add(removal.reason) }
        for warning in document.detailedWarnings { figures.warningTally.add(warning.kind) }
        figures.entityMentions = mentions
        if !quotes.isEmpty {
            text.withUTF8 { b in
                quotes.withUnsafeBufferPointer { quotes in
                    for i in quotes.indices {
                        // Taken once for the lookups: each read from the span would retain them again.
                        let attributes = quotes[i].attributes
                        figures.quoteTally.add(value("kind", in: attributes)?.string ?? quotes[i].label ?? "?")
                        // A pronoun that quote-extract could not resolve is its own speaker and mention: "she" is
                        // nobody's name, so it is not counted as a speaker.
                        if let speaker = value("speaker", in: attributes)?.spanRef,
                           value("mention", in: speaker.extra)?.spanRef.map({ $0.start != speaker.start || $0.end != speaker.end }) ?? true {
                            figures.speakerTally.add(value("canonical", in: speaker.extra)?.string ?? slice(speaker.start..<speaker.end, of: b, document))
                        }
                    }
                }
            }
            figures.speakers = figures.speakerTally.count
        }
        figures.readingMinutes = Double((figures.words * 10 + wordsPerMinute - 1) / wordsPerMinute) / 10
        return figures
    }

    /// An attribute's value, as `attributes[key]` gives it, with the names compared by length first: a span's
    /// few attribute names mostly differ in length, and a length is read without comparing any bytes.
    @inline(__always)
    static func value(_ key: String, in attributes: Attributes) -> AttributeValue? {
        let length = key.utf8.count
        return attributes.entries.withUnsafeBufferPointer { entries -> AttributeValue? in
            for i in entries.indices where entries[i].key.utf8.count == length && entries[i].key == key { return entries[i].value }
            return nil
        }
    }

    /// Whether a range lies in the text `b` and starts and ends between code points, so that its bytes are the
    /// UTF-8 of the String decoded from them.
    @inline(__always)
    static func isScalarRange(_ range: Range<Int>, of b: UnsafeBufferPointer<UInt8>) -> Bool {
        range.lowerBound >= 0 && range.lowerBound <= range.upperBound && range.upperBound <= b.count
            && (range.lowerBound == b.count || b[range.lowerBound] & 0xC0 != 0x80)
            && (range.upperBound == b.count || b[range.upperBound] & 0xC0 != 0x80)
    }

    /// The text of a UTF-8 range of the document's text `b`, decoded from its bytes where the range starts and
    /// ends between characters (as every span does), which is what ``Document/substring(_:)`` gives too,
    /// without its index arithmetic; any other range is left to `substring`.
    @inline(__always)
    static func slice(_ range: Range<Int>, of b: UnsafeBufferPointer<UInt8>, _ document: Document) -> String {
        guard isScalarRange(range, of: b) else { return document.substring(range) }
        return String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }

    /// Unicode code points of valid UTF-8: every byte but continuation bytes (10xxxxxx), sixteen at a time
    /// (and the last few eight at a time, then one).
    static func codePoints(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = b.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuations = 0, i = 0
        // Sixteen bytes at a time, each lane counting in a byte, emptied into `continuations` before it can
        // overflow. Only lane arithmetic: the compiler makes vector code of it, not of SIMD comparisons.
        var lanes = SIMD16<UInt8>(), steps = 0
        while i &+ 16 <= b.count {
            let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            // 1 where the high bit is set and the next is not.
            lanes &+= (v & ~(v &<< 1)) &>> 7
            i &+= 16
            steps &+= 1
            if steps == 255 {
                continuations &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
                lanes = SIMD16<UInt8>()
                steps = 0
            }
        }
        continuations &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        while i + 8 <= b.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            continuations &+= highBits(w & ~(w << 1) & 0x8080_8080_8080_8080)
            i += 8
        }
        while i < b.count {
            continuations &+= b[i] & 0xC0 == 0x80 ? 1 : 0
            i += 1
        }
        return b.count - continuations
    }

    /// The words of the whole text, and (into `sentenceWords`) of each sentence. Sentences in order and
    /// apart, as split writes them, are counted in the same pass as the text between them; others are
    /// counted on their own.
    static func countWords(_ b: UnsafeBufferPointer<UInt8>, sentences: UnsafeBufferPointer<Span>, into sentenceWords: inout [Int]) -> Int {
        var total = 0, at = 0, inWord = false
        for i in sentences.indices {
            let range = sentences[i].range
            guard range.lowerBound >= at, range.upperBound <= b.count else {
                // Out of order or overlapping: count each sentence, and the text, on its own.
                sentenceWords.removeAll(keepingCapacity: true)
                for i in sentences.indices { sentenceWords.append(countWords(b, sentences[i].range)) }
                return countWords(b, 0..<b.count)
            }
            let gap = blankGap(b, at..<range.lowerBound, inWord: inWord) ?? wordStarts(b, at..<range.lowerBound, inWord: inWord)
            total += gap.count
            let sentence = wordStarts(b, range, inWord: false)
            sentenceWords.append(sentence.count)
            // A sentence that starts inside a word (after a byte that is not a space) counts that word, which
            // the whole text counted before it.
            total += sentence.count - (gap.inWord && !range.isEmpty && !isSpace(b[range.lowerBound]) ? 1 : 0)
            inWord = range.isEmpty ? gap.inWord : sentence.inWord
            at = range.upperBound
        }
        return total + wordStarts(b, at..<b.count, inWord: inWord).count
    }

    /// What ``wordStarts(_:_:inWord:)`` gives for the text between two sentences when it is all space (a space,
    /// a line end or two, as split leaves it): no word, and not inside one unless the range is empty. Nil when
    /// the range holds something else. A few bytes looked at, where the call set up for long ranges cost more.
    @inline(__always)
    static func blankGap(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, inWord: Bool) -> (count: Int, inWord: Bool)? {
        guard !range.isEmpty else { return (0, inWord) }
        guard range.count <= 8 else { return nil }
        for i in range where !isSpace(b[i]) { return nil }
        return (0, false)
    }

    /// Whitespace-separated words (space, tab, line feed, carriage return) in a range of the text.
    static func countWords(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        wordStarts(b, range, inWord: false).count
    }

    /// How many bytes of a word have their high bit set, where no other bit is: the bits moved to the low
    /// end of each byte and summed by one multiplication (the build's baseline x86-64 has no popcnt, and
    /// `nonzeroBitCount` costs a dozen instructions without it).
    @inline(__always)
    static func highBits(_ flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((flags &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// The bytes of a range where a run of non-space starts (the first byte counts unless `inWord` says a
    /// word runs into the range), eight bytes at a time, and whether the range ends inside a word.
    static func wordStarts(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, inWord: Bool) -> (count: Int, inWord: Bool) {
        guard let base = b.baseAddress, !range.isEmpty else { return (0, inWord) }
        let raw = UnsafeRawPointer(base)
        var count = 0, i = range.lowerBound
        var before: UInt64 = inWord ? 0x80 : 0
        let end = range.upperBound
        if end &- i >= 40 {
            // Long ranges (sentences, whole texts): the first eight bytes as below (the byte before them
            // counts only through `inWord`), then sixteen at a time, each against the byte before it.
            let word = wordBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            count &+= highBits(word & ~(word << 8 | before))
            i &+= 8
            // The spaces of sixteen bytes found in vector lanes, then counted as two words of eight, each
            // against the byte before it (the last one of the word before). The vector is not loaded
            // again one byte back, which the compiler turns into shuffles slower than the scalar code.
            var lastSpace: UInt64 = word >> 56 == 0 ? 0x80 : 0
            let high = SIMD16<UInt8>(repeating: 0x80)
            while i &+ 16 <= end {
                let space = unsafeBitCast(spaces(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)) & high,
                                          to: SIMD2<UInt64>.self)
                let low = space[0], up = space[1]
                count &+= highBits(~low & (low << 8 | lastSpace)) &+ highBits(~up & (up << 8 | low >> 56))
                lastSpace = up >> 56
                i &+= 16
            }
            before = lastSpace == 0 ? 0x80 : 0
        }
        while i &+ 8 <= end {
            let word = wordBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            count &+= highBits(word & ~(word << 8 | before))
            before = word >> 56
            i &+= 8
        }
        if i < end {
            // The last one to seven bytes: the eight bytes that end with them, shifted down, or (in a text
            // shorter than eight bytes) a copy.
            let n = end &- i
            var w: UInt64 = 0
            if b.count >= 8 {
                let at = min(i, b.count &- 8)
                w = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) >> UInt64((i &- at) &* 8)
            } else {
                memcpy(&w, raw + i, n)
            }
            let word = wordBytes(w) & ((1 &<< UInt64(n &* 8)) &- 1)
            count &+= highBits(word & ~(word << 8 | before))
            before = word >> UInt64(n &* 8 &- 8)
        }
        return (count, before != 0)
    }

    /// The high bit of each lane that holds a space (space, tab, line feed, carriage return); the other
    /// bits are noise. A lane equals `c` when `x ^ c` is zero, the one value whose high bit turns on when
    /// one is subtracted and was off before.
    @inline(__always)
    static func spaces(_ v: SIMD16<UInt8>) -> SIMD16<UInt8> {
        @inline(__always) func equal(_ c: UInt8) -> SIMD16<UInt8> {
            let d = v ^ SIMD16(repeating: c)
            return (d &- 1) & ~d
        }
        return equal(0x20) | equal(0x09) | equal(0x0A) | equal(0x0D)
    }

    /// The high bit of each of eight bytes that is not a space (space, tab, line feed, carriage return).
    /// Bytes from 0x21 up are word bytes; one below 0x20 (a tab or a line end, mostly) is rare, and without
    /// one the only space is 0x20. Every test is exact per byte: `(b & 0x7F) + k` never carries.
    @inline(__always)
    static func wordBytes(_ w: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let masked = w & low
        let above20 = ((masked &+ 0x5F5F_5F5F_5F5F_5F5F) | w) & high
        let below20 = ~((masked &+ 0x6060_6060_6060_6060) | w) & high
        if below20 == 0 { return above20 }
        @inline(__always) func differs(_ c: UInt64) -> UInt64 {
            let x = w ^ c
            return (((x & low) &+ low) | x) & high
        }
        return differs(0x2020_2020_2020_2020) & differs(0x0909_0909_0909_0909) & differs(0x0A0A_0A0A_0A0A_0A0A) & differs(0x0D0D_0D0D_0D0D_0D0D)
    }
}

final class StatsCollector: Collector {
    let options: SummarizeStatsStage.Options
    let output: AtomicFile?
    var batch = BatchStats()
    /// The batch's label counts, added to it at the end.
    var labels = BatchStats.LabelTotals()

    init(options: SummarizeStatsStage.Options, output: AtomicFile?) {
        self.options = options
        self.output = output
    }

    func consume(_ document: inout Document) throws {
        let figures = SummarizeStatsStage.documentStats(document, wordsPerMinute: options.wordsPerMinute)
        document.stats = figures.recordFields
        batch.add(figures, source: document.source.path, labels: &labels)
    }

    /// A document's figures are computed on the worker tasks; only adding them to the batch is in order.
    var prepare: (@Sendable (inout Document) throws -> BatchStats.DocumentFigures)? {
        let wordsPerMinute = options.wordsPerMinute
        return { document in
            let figures = SummarizeStatsStage.documentStats(document, wordsPerMinute: wordsPerMinute)
            document.stats = figures.recordFields
            return figures
        }
    }

    func consume(_ document: inout Document, prepared figures: BatchStats.DocumentFigures) throws {
        batch.add(figures, source: document.source.path, labels: &labels)
    }

    func rejected(_ reject: Reject) {
        batch.rejected[reject.stage, default: 0] += 1
    }

    func finish(_ summary: inout RunSummary) throws {
        batch.fold(labels)
        labels = BatchStats.LabelTotals()
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
