import LedeCore
import LedeIO


/// Whole-batch statistics. Every field is a sum or a count, so two shards' statistics merged with
/// ``merge(_:)`` equal the statistics of one run over both.
public struct BatchStats: Sendable, Equatable {
    /// The figures of one document.
    public struct DocumentFigures: Sendable, Equatable {
        /// Unicode code points.
        public var characters = 0
        /// Whitespace-separated words.
        public var words = 0
        /// Paragraphs.
        public var paragraphs = 0
        /// Sentences.
        public var sentences = 0
        /// Words in each sentence.
        public var sentenceWords: [Int] = []
        /// Removals by reason, in order of first appearance.
        public var removedTally = Tally()
        /// Entities by label, in order of first appearance.
        public var entityTally = Tally()
        /// Every entity, in text order, by label and canonical form (the text where there is none).
        public var entityMentions: [EntityMention] = []
        /// Quotes by kind, in order of first appearance.
        public var quoteTally = Tally()
        /// Quotes by speaker, in order of first appearance.
        public var speakerTally = Tally()
        /// Warnings by kind (``DocumentWarning/kind``), in order of first appearance.
        public var warningTally = Tally()
        /// Removals by reason.
        public var removed: [String: Int] { removedTally.dictionary }
        /// Entities by label.
        public var entities: [String: Int] { entityTally.dictionary }
        /// Quotes by kind.
        public var quotes: [String: Int] { quoteTally.dictionary }
        /// Quotes by speaker.
        public var speakerNames: [String: Int] { speakerTally.dictionary }
        /// Warnings by kind.
        public var warnings: [String: Int] { warningTally.dictionary }
        /// Distinct speakers.
        public var speakers = 0
        /// Reading time in minutes, to one decimal.
        public var readingMinutes = 0.0

        /// The record's `stats` object: a copy of ``RecordTemplate/fields`` with its values set in place, so that
        /// no key is hashed again for every document.
        var recordFields: [String: AttributeValue] {
            var fields = RecordTemplate.fields
            let at = RecordTemplate.positions
            fields.values[at[0]] = .int(characters)
            fields.values[at[1]] = .int(words)
            fields.values[at[2]] = .int(paragraphs)
            fields.values[at[3]] = .int(sentences)
            fields.values[at[4]] = removedTally.attribute
            fields.values[at[5]] = entityTally.attribute
            fields.values[at[6]] = quoteTally.attribute
            fields.values[at[7]] = .int(speakers)
            fields.values[at[8]] = .double(readingMinutes)
            return fields
        }
    }

    /// The keys of a record's `stats` object, hashed once, and where each lies in the dictionary, in the
    /// order ``DocumentFigures/recordFields`` sets them. A copy of a dictionary keeps its positions.
    enum RecordTemplate {
        static let keys = ["characters", "words", "paragraphs", "sentences", "removed", "entities", "quotes", "speakers", "reading_minutes"]
        static let fields = Dictionary(uniqueKeysWithValues: keys.map { ($0, AttributeValue.null) })
        static let positions = keys.map { fields.index(forKey: $0)! }
    }

    /// Counts of a few distinct strings (one document's labels, reasons, speakers) in a short list, searched
    /// from the start: a dictionary hashes every string it is given, and most documents have a handful.
    public struct Tally: Sendable, Equatable {
        /// The strings and their counts, in order of first appearance.
        public private(set) var entries: [(key: String, count: Int)] = []

        /// An empty tally.
        public init() {}

        /// Distinct strings counted.
        public var count: Int { entries.count }

        /// Counts `n` more of `key` (one by default), and returns where it stands in ``entries``.
        @discardableResult
        public mutating func add(_ key: String, _ n: Int = 1) -> Int {
            let found = entries.withUnsafeMutableBufferPointer { entries -> Int? in
                // The same String again (a label is one String for all the entities a stage labels with it):
                // found by its representation alone, two words compared, before any string comparison.
                if MemoryLayout<String>.size == MemoryLayout<SIMD2<UInt64>>.size {
                    let bits = Self.representation(key)
                    for i in entries.indices where Self.representation(entries[i].key) == bits {
                        entries[i].count += n
                        return i
                    }
                }
                let length = key.utf8.count
                for i in entries.indices where entries[i].key.utf8.count == length && entries[i].key == key {
                    entries[i].count += n
                    return i
                }
                return nil
            }
            if let found { return found }
            if entries.isEmpty { entries.reserveCapacity(8) }
            entries.append((key, n))
            return entries.count - 1
        }

        /// A String's two words as they are (a small string's bytes, or a pointer to its storage and its
        /// length), copied without retaining anything. Two Strings alive with equal words are equal (the same
        /// bytes, or the same immutable storage); unequal words say nothing, as equal strings can be stored apart.
        @inline(__always)
        static func representation(_ string: String) -> SIMD2<UInt64> {
            // Safe: called only where String is two words (checked by the caller), and the copy is only compared.
            unsafeBitCast(string, to: SIMD2<UInt64>.self)
        }

        /// The counts by string.
        public var dictionary: [String: Int] {
            var out = [String: Int](minimumCapacity: entries.count)
            for entry in entries { out[entry.key] = entry.count }
            return out
        }

        /// The counts as a record's map.
        var attribute: AttributeValue {
            var out = [String: AttributeValue](minimumCapacity: entries.count)
            for entry in entries { out[entry.key] = .int(entry.count) }
            return .map(out)
        }

        /// Same strings with the same counts, in the same order.
        public static func == (a: Self, b: Self) -> Bool {
            a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.count == $1.count }
        }
    }

    /// An entity as the statistics count it. Its hash is computed once, when it is made on the worker
    /// tasks, so adding it to the batch (in order, on one task) does not hash its text again.
    public struct EntityMention: Sendable, Hashable {
        /// The entity's label.
        public let label: String
        /// Its canonical form, or its text.
        public let name: String
        private let digest: UInt64

        /// Creates a mention.
        public init(label: String, name: String) {
            self.init(label: label, labelDigest: Self.digest(of: label), name: name)
        }

        /// Creates a mention whose label's ``digest(of:)`` is known: a document's mentions share a few labels.
        init(label: String, labelDigest: UInt64, name: String) {
            self.init(label: label, labelDigest: labelDigest, name: name, nameDigest: Self.digest(of: name))
        }

        /// Creates a mention whose label's and name's ``digest(of:)`` are known.
        init(label: String, labelDigest: UInt64, name: String, nameDigest: UInt64) {
            self.label = label
            self.name = name
            // The label's hash multiplied, so that swapping the two strings gives another digest.
            digest = (labelDigest &* 0x9E37_79B9_7F4A_7C15) ^ nameDigest
        }

        /// A string's hash, as a mention's digest combines them.
        static func digest(of string: String) -> UInt64 {
            var string = string
            return string.withUTF8 { Checksum.of(UnsafeRawBufferPointer($0)) }
        }

        /// Same label and name.
        public static func == (a: Self, b: Self) -> Bool {
            a.digest == b.digest && a.label == b.label && a.name == b.name
        }

        /// Feeds the precomputed digest.
        public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        /// The precomputed digest, mixed with the dictionary's seed, without running `Hasher` (SipHash) for
        /// every mention counted. Equal mentions have equal digests, as `==` requires.
        public func _rawHashValue(seed: Int) -> Int {
            var h = digest ^ UInt64(UInt(bitPattern: seed))
            h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return Int(truncatingIfNeeded: h ^ (h >> 33))
        }
    }

    /// Documents.
    public var documents = 0
    /// Sums of the per-document counts.
    public var characters = 0, words = 0, paragraphs = 0, sentences = 0
    /// Removals by reason.
    public var removed: [String: Int] = [:]
    /// Entities by label.
    public var entities: [String: Int] = [:]
    /// Entities by label and canonical form.
    public var entityNames: [EntityMention: Int] = [:]
    /// Quotes by kind.
    public var quotes: [String: Int] = [:]
    /// Quotes by speaker.
    public var speakers: [String: Int] = [:]
    /// Sentences by length in words, in buckets of five: element `i` counts sentences of `5i` to `5i + 4`
    /// words. The last element is never zero, so equal statistics have equal arrays.
    public var sentenceLengths: [Int] = []
    /// Documents by source file: every source while there are at most ``sourcesKept``; past that, at least the
    /// ``sourcesKept`` with the most documents (ties by name) and at most twice as many, the others added up
    /// in ``otherSources``. A batch of a million files would otherwise count a million sources.
    ///
    /// The figures are exact as long as each source's documents come together, as they do in input order (a
    /// run, and the documents `lede merge` replays): a source is left out only once it is complete and
    /// ``sourcesKept`` complete sources have more documents, or as many and an earlier name.
    public var sources: [String: Int] = [:]
    /// The sources left out of ``sources``, and their documents; zero while none were.
    public var otherSources = OtherSources()
    /// How many sources `stats.json` lists by name.
    public static let sourcesKept = 1000

    /// Sources counted together rather than by name.
    public struct OtherSources: Sendable, Equatable {
        /// How many sources.
        public var sources = 0
        /// Their documents.
        public var documents = 0

        /// None.
        public init() {}
    }
    /// Rejected documents by stage.
    public var rejected: [String: Int] = [:]
    /// Warnings on the documents by kind (``DocumentWarning/kind``), such as `not-english`.
    public var warnings: [String: Int] = [:]

    /// Empty statistics.
    public init() {}

    /// Adds one document. (Summing in place: building a one-document BatchStats to merge would allocate
    /// ten dictionaries per document.)
    public mutating func add(_ f: DocumentFigures, source: String) {
        var labels = LabelTotals()
        add(f, source: source, labels: &labels)
        fold(labels)
    }

    /// Counts by removal reason, entity label, quote kind and warning kind: a few strings each, counted in
    /// short lists while documents are added (``add(_:source:labels:)``) and added to the batch's
    /// dictionaries once (``fold(_:)``), rather than hashed for every document.
    struct LabelTotals {
        var removed = Tally(), entities = Tally(), quotes = Tally(), warnings = Tally()
    }

    /// Adds one document, its labels to `labels` rather than to the dictionaries.
    mutating func add(_ f: DocumentFigures, source: String, labels: inout LabelTotals) {
        documents += 1
        characters += f.characters
        words += f.words
        paragraphs += f.paragraphs
        sentences += f.sentences
        // Elements are read in place (not copied out, which retains and releases their strings).
        f.removedTally.entries.withUnsafeBufferPointer { for i in $0.indices { labels.removed.add($0[i].key, $0[i].count) } }
        f.entityTally.entries.withUnsafeBufferPointer { for i in $0.indices { labels.entities.add($0[i].key, $0[i].count) } }
        f.entityMentions.withUnsafeBufferPointer { mentions in
            for i in mentions.indices {
                // Found by position, the key is not copied: most mentions name an entity counted before.
                if let at = entityNames.index(forKey: mentions[i]) { entityNames.values[at] += 1 } else { entityNames[mentions[i]] = 1 }
            }
        }
        f.quoteTally.entries.withUnsafeBufferPointer { for i in $0.indices { labels.quotes.add($0[i].key, $0[i].count) } }
        for (k, v) in f.speakerTally.entries { speakers[k, default: 0] += v }
        for length in f.sentenceWords { countSentences(1, inBucket: length / 5) }
        f.warningTally.entries.withUnsafeBufferPointer { for i in $0.indices { labels.warnings.add($0[i].key, $0[i].count) } }
        countSource(source, 1)
    }

    /// Adds counts kept by ``add(_:source:labels:)``.
    mutating func fold(_ labels: LabelTotals) {
        for (k, v) in labels.removed.entries { removed[k, default: 0] += v }
        for (k, v) in labels.entities.entries { entities[k, default: 0] += v }
        for (k, v) in labels.quotes.entries { quotes[k, default: 0] += v }
        for (k, v) in labels.warnings.entries { warnings[k, default: 0] += v }
    }

    /// Adds `n` documents to a source. A new source is added only after the others are cut down to the
    /// ``sourcesKept`` that rank highest, once there are twice as many: every source but the newest is
    /// complete then, when each source's documents come together.
    private mutating func countSource(_ source: String, _ n: Int) {
        // Counted by position: the source is hashed once, not again to store the count.
        if let at = sources.index(forKey: source) {
            sources.values[at] += n
            return
        }
        if sources.count >= 2 * Self.sourcesKept { keepTopSources() }
        sources[source] = n
    }

    /// Leaves the ``sourcesKept`` sources with the most documents in ``sources`` and adds the rest to
    /// ``otherSources``.
    mutating func keepTopSources() {
        guard sources.count > Self.sourcesKept else { return }
        let ranked = Self.ranked(sources)
        for (_, n) in ranked[Self.sourcesKept...] {
            otherSources.sources += 1
            otherSources.documents += n
        }
        sources = Dictionary(uniqueKeysWithValues: ranked.prefix(Self.sourcesKept).map { ($0.0, $0.1) })
    }

    /// Statistics read back from a `stats.json` (``report(top:)`` writes every full count as well as the top
    /// lists), so that shards can be merged; nil when the file lacks a count.
    public init?(report: JSONValue) {
        guard case .object(let root) = report, case .object(let totals)? = root["totals"] else { return nil }
        func int(_ value: JSONValue?) -> Int? { if case .int(let i)? = value { return i } else { return nil } }
        func counts(_ value: JSONValue?) -> [String: Int]? {
            guard case .object(let fields)? = value else { return nil }
            var out: [String: Int] = [:]
            for (key, value) in fields {
                guard let n = int(value) else { return nil }
                out[key] = n
            }
            return out
        }
        guard let documents = int(totals["documents"]), let characters = int(totals["characters"]), let words = int(totals["words"]),
              let paragraphs = int(totals["paragraphs"]), let sentences = int(totals["sentences"]),
              let removed = counts(totals["removed"]), let entities = counts(totals["entities"]), let quotes = counts(totals["quotes"]),
              let warnings = counts(totals["warnings"]),
              let flatNames = counts(root["entity_counts"]), let speakers = counts(root["speaker_counts"]),
              let sources = counts(root["sources"]), let rejected = counts(root["rejected_by_stage"]),
              case .array(let lengths)? = root["sentence_lengths"] else { return nil }
        self.documents = documents
        self.characters = characters
        self.words = words
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.removed = removed
        self.entities = entities
        self.quotes = quotes
        self.warnings = warnings
        for (key, count) in flatNames {
            let parts = key.split(separator: "\t", maxSplits: 1).map(String.init)
            entityNames[EntityMention(label: parts[0], name: parts.count > 1 ? parts[1] : ""), default: 0] += count
        }
        self.speakers = speakers
        self.sources = sources
        if case .object(let other)? = root["sources_other"] {
            guard let n = int(other["sources"]), let documents = int(other["documents"]) else { return nil }
            otherSources.sources = n
            otherSources.documents = documents
        }
        self.rejected = rejected
        for bucket in lengths {
            // A sentence of 100 million words would need a document of 200 MB without a full stop; a larger
            // figure is not one this version wrote, and an array of its buckets would not fit in memory.
            guard case .object(let b) = bucket, let from = int(b["words_from"]), from >= 0, from % 5 == 0,
                  from < 100_000_000, let n = int(b["sentences"]) else { return nil }
            countSentences(n, inBucket: from / 5)
        }
        while sentenceLengths.last == 0 { sentenceLengths.removeLast() }
    }

    /// Adds `n` sentences to a length bucket, growing the array to reach it.
    private mutating func countSentences(_ n: Int, inBucket bucket: Int) {
        if bucket >= sentenceLengths.count { sentenceLengths += repeatElement(0, count: bucket - sentenceLengths.count + 1) }
        sentenceLengths[bucket] += n
    }

    /// Adds another shard's statistics.
    public mutating func merge(_ other: BatchStats) {
        documents += other.documents
        characters += other.characters
        words += other.words
        paragraphs += other.paragraphs
        sentences += other.sentences
        removed.merge(other.removed, uniquingKeysWith: +)
        entities.merge(other.entities, uniquingKeysWith: +)
        entityNames.merge(other.entityNames, uniquingKeysWith: +)
        quotes.merge(other.quotes, uniquingKeysWith: +)
        speakers.merge(other.speakers, uniquingKeysWith: +)
        for (bucket, n) in other.sentenceLengths.enumerated() { countSentences(n, inBucket: bucket) }
        // Highest first, so that which sources are cut does not depend on the dictionary's order.
        for (source, n) in Self.ranked(other.sources) { countSource(source, n) }
        otherSources.sources += other.otherSources.sources
        otherSources.documents += other.otherSources.documents
        rejected.merge(other.rejected, uniquingKeysWith: +)
        warnings.merge(other.warnings, uniquingKeysWith: +)
    }

    /// Highest count first, then by name, so ties are deterministic.
    static func ranked(_ counts: [String: Int]) -> [(String, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The first `k` of ``ranked(_:)``, without sorting the rest: a report lists the top ten of thousands
    /// of names, and most names are beaten by the tenth on their count alone.
    static func top(_ k: Int, of counts: [String: Int]) -> [(String, Int)] {
        guard k > 0 else { return [] }
        guard counts.count > 4 * k else { return Array(ranked(counts).prefix(k)) }
        var best: [(String, Int)] = []
        best.reserveCapacity(k + 1)
        for (name, count) in counts { offer(name, count, to: &best, keeping: k) }
        return best
    }

    /// Puts a name in its place among the first `k` of ``ranked(_:)`` so far, if it belongs there. Names
    /// offered are distinct.
    static func offer(_ name: String, _ count: Int, to best: inout [(String, Int)], keeping k: Int) {
        guard k > 0 else { return }
        if best.count == k, let last = best.last, count < last.1 || (count == last.1 && !(name < last.0)) { return }
        var i = best.count
        while i > 0, count > best[i - 1].1 || (count == best[i - 1].1 && name < best[i - 1].0) { i -= 1 }
        best.insert((name, count), at: i)
        if best.count > k { best.removeLast() }
    }

    /// The batch statistics as one value: totals, top lists, and the full counts that `lede merge` adds up.
    /// It is written as `stats.json` and published as the run summary's `stats` section.
    public func report(top: Int) -> AttributeValue {
        func counts(_ values: [String: Int]) -> AttributeValue { .map(values.mapValues { .int($0) }) }
        func ranked(_ values: [String: Int]) -> AttributeValue {
            .list(Self.top(top, of: values).map { .map(["name": .string($0.0), "count": .int($0.1)]) })
        }
        // Each label's top names are chosen as the names go by, rather than from a dictionary of names per
        // label: the same lists, without hashing every name again.
        var flatNames = [String: AttributeValue](minimumCapacity: entityNames.count)
        // Each name's label found in a short list (``Tally``, a handful of labels) rather than hashed for every
        // name: its place there is the place of its top list.
        var labels = Tally(), best: [[(String, Int)]] = []
        for (mention, count) in entityNames {
            flatNames[Self.flatKey(mention)] = .int(count)
            let l = labels.add(mention.label)
            if l == best.count { best.append([]) }
            Self.offer(mention.name, count, to: &best[l], keeping: top)
        }
        var topEntities = [String: AttributeValue](minimumCapacity: labels.count)
        for (l, entry) in labels.entries.enumerated() {
            topEntities[entry.key] = .list(best[l].map { .map(["name": .string($0.0), "count": .int($0.1)]) })
        }
        var kept = self
        kept.keepTopSources()
        var report: [String: AttributeValue] = [
            "lede": .int(1),
            "totals": .map([
                "documents": .int(documents), "rejected": .int(rejected.values.reduce(0, +)),
                "characters": .int(characters), "words": .int(words), "paragraphs": .int(paragraphs),
                "sentences": .int(sentences), "removed": counts(removed), "entities": counts(entities), "quotes": counts(quotes),
                "warnings": counts(warnings),
            ]),
            "top_entities": .map(topEntities),
            "top_speakers": ranked(speakers),
            "sentence_lengths": .list(sentenceLengths.indices.filter { sentenceLengths[$0] > 0 }.map {
                .map(["words_from": .int($0 * 5), "words_to": .int($0 * 5 + 4), "sentences": .int(sentenceLengths[$0])])
            }),
            "sources": counts(kept.sources),
            "rejected_by_stage": counts(rejected),
            "entity_counts": .map(flatNames),
            "speaker_counts": counts(speakers),
        ]
        if kept.otherSources.sources > 0 {
            report["sources_other"] = .map(["sources": .int(kept.otherSources.sources), "documents": .int(kept.otherSources.documents)])
        }
        return .map(report)
    }

    /// A mention's key in `entity_counts`: its label, a tab and its name, made in one allocation rather than
    /// grown by two appends.
    static func flatKey(_ mention: EntityMention) -> String {
        var label = mention.label, name = mention.name
        return label.withUTF8 { label in
            name.withUTF8 { name in
                String(unsafeUninitializedCapacity: label.count + 1 + name.count) { key in
                    // In bounds: the capacity is the sum of the three lengths.
                    _ = UnsafeMutableBufferPointer(rebasing: key[..<label.count]).initialize(fromContentsOf: label)
                    key[label.count] = UInt8(ascii: "\t")
                    _ = UnsafeMutableBufferPointer(rebasing: key[(label.count + 1)...]).initialize(fromContentsOf: name)
                    return label.count + 1 + name.count
                }
            }
        }
    }

    /// A short table for the terminal.
    func table(top: Int) -> String {
        var lines = ["documents \(documents)   words \(words)   sentences \(sentences)   rejected \(rejected.values.reduce(0, +))"]
        if !removed.isEmpty {
            lines.append("removed   " + removed.keys.sorted().map { "\($0) \(removed[$0]!)" }.joined(separator: "   "))
        }
        if !entities.isEmpty {
            lines.append("entities  " + entities.keys.sorted().map { "\($0) \(entities[$0]!)" }.joined(separator: "   "))
        }
        if !quotes.isEmpty {
            lines.append("quotes    " + quotes.keys.sorted().map { "\($0) \(quotes[$0]!)" }.joined(separator: "   "))
        }
        if !warnings.isEmpty {
            lines.append("warnings  " + warnings.keys.sorted().map { "\($0) \(warnings[$0]!)" }.joined(separator: "   "))
        }
        let speakersTop = Self.ranked(speakers).prefix(top)
        if !speakersTop.isEmpty {
            lines.append("speakers  " + speakersTop.map { "\($0.0) (\($0.1))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
