import LedeText

/// Where a document came from.
public struct DocumentSource: Sendable, Hashable {
    /// The input file as named in the pipeline or on the command line (`-` for standard input).
    public var path: String
    /// 1-based line, for documents read from JSON Lines.
    public var line: Int?
    /// 1-based part number, for documents split out of one input by an expanding stage.
    public var part: Int?

    /// Creates a source.
    public init(path: String, line: Int? = nil, part: Int? = nil) {
        self.path = path
        self.line = line
        self.part = part
    }

    /// `path`, `path:line` or `path#part`, for messages.
    public var description: String {
        var s = path
        if let line { s += ":\(line)" }
        if let part { s += "#\(part)" }
        return s
    }
}

/// One article: its text and the standoff layers the stages add to it.
///
/// The text changes only through ``remove(_:)``, which remaps every span of every layer and records what
/// was removed against ``originalText``. No stage does offset arithmetic by hand.
public struct Document: Sendable {
    /// A stable id, unique within the batch.
    public var id: String
    /// Where the document came from.
    public var source: DocumentSource
    /// The current (cleaned) text.
    public private(set) var text: String
    /// The text as read, before any removal. Removal offsets point into it.
    public private(set) var originalText: String
    /// Fields carried over from the input (other JSON Lines fields), written under `meta`.
    public var metadata: [String: AttributeValue]
    /// Layers by name. Spans are kept sorted by start, then end.
    public private(set) var layers: [String: [Span]]
    /// What cleaning removed, in the order of the original text.
    public private(set) var removed: [Removal]
    /// Problems worth knowing that did not stop the document ("unbalanced quote in paragraph 3").
    public var warnings: [String]
    /// Per-document figures, written as the record's `stats`.
    public var stats: [String: AttributeValue]
    /// Deleted ranges of the original text, as (original offset, length), sorted and disjoint.
    private var deletions: [(origin: Int, length: Int)] = []

    /// Creates a document with no layers.
    public init(id: String, text: String, source: DocumentSource, metadata: [String: AttributeValue] = [:]) {
        var text = text
        text.makeContiguousUTF8()
        self.id = id
        self.text = text
        self.originalText = text
        self.source = source
        self.metadata = metadata
        self.layers = [:]
        self.removed = []
        self.warnings = []
        self.stats = [:]
    }

    /// A document exactly as it was, from every field a journal record keeps (see ``DocumentCodec``).
    package init(id: String, source: DocumentSource, text: String, originalText: String, metadata: [String: AttributeValue],
         layers: [String: [Span]], removed: [Removal], warnings: [String], stats: [String: AttributeValue],
         deletions: [(origin: Int, length: Int)]) {
        self.id = id
        self.source = source
        self.text = text
        self.originalText = originalText
        self.metadata = metadata
        self.layers = layers
        self.removed = removed
        self.warnings = warnings
        self.stats = stats
        self.deletions = deletions
    }

    /// Deleted ranges of the original text, as (original offset, length), for ``DocumentCodec``.
    package var deletedRanges: [(origin: Int, length: Int)] { deletions }

    /// The spans of a layer, or none.
    public func spans(_ layer: String) -> [Span] { layers[layer] ?? [] }

    /// Whether a stage has written this layer (possibly empty).
    public func hasLayer(_ layer: String) -> Bool { layers[layer] != nil }

    /// The text of a UTF-8 range of the current text.
    public func substring(_ range: Range<Int>) -> String {
        Self.slice(text, range)
    }

    /// The text of a UTF-8 range of the original text.
    public func originalSubstring(_ range: Range<Int>) -> String {
        Self.slice(originalText, range)
    }

    private static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let hi = utf8.index(lo, offsetBy: range.count)
        return String(text[lo..<hi])
    }

    /// Adds a warning to the document's record.
    public mutating func warn(_ message: String) { warnings.append(message) }

    /// Replaces a layer. Spans are checked against the text and sorted.
    ///
    /// - Throws: ``DocumentError`` when a span lies outside the text or cuts a character in two.
    public mutating func setLayer(_ name: String, _ spans: [Span]) throws {
        var sorted = true
        var text = self.text
        try text.withUTF8 { b in
            for (i, span) in spans.enumerated() {
                try Self.check(span.start, span.end, in: b, layer: name)
                if i > 0, Self.spanOrder(span, spans[i - 1]) { sorted = false }
            }
        }
        layers[name] = sorted ? spans : spans.sorted(by: Self.spanOrder)
    }

    /// Adds spans to a layer, creating it if needed.
    public mutating func append(_ spans: [Span], to name: String) throws {
        try setLayer(name, spans + self.spans(name))
    }

    /// Removes a layer.
    public mutating func removeLayer(_ name: String) { layers[name] = nil }

    static func spanOrder(_ a: Span, _ b: Span) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        return (a.label ?? "") < (b.label ?? "")
    }

    private func check(_ start: Int, _ end: Int, layer: String) throws {
        var text = self.text
        try text.withUTF8 { try Self.check(start, end, in: $0, layer: layer) }
    }

    private static func check(_ start: Int, _ end: Int, in b: UnsafeBufferPointer<UInt8>, layer: String) throws {
        guard 0 <= start, start <= end, end <= b.count else {
            throw DocumentError("span \(start)..<\(end) in layer '\(layer)' lies outside the text (\(b.count) bytes)")
        }
        guard start == b.count || b[start] & 0xC0 != 0x80, end == b.count || b[end] & 0xC0 != 0x80 else {
            throw DocumentError("span \(start)..<\(end) in layer '\(layer)' splits a character")
        }
    }

    // MARK: Removal

    /// Removes ranges of the current text, remaps every span in every layer (and every ``SpanRef`` in their
    /// attributes), and records each cut against the original text.
    ///
    /// Spans that fall wholly inside removed text are dropped; spans that overlap it are clipped. Overlapping
    /// cuts are merged, and a cut inside an earlier one is recorded once.
    ///
    /// - Throws: ``DocumentError`` when a cut lies outside the text or splits a character.
    public mutating func remove(_ cuts: [Cut]) throws {
        guard !cuts.isEmpty else { return }
        var current = text
        try current.withUTF8 { bytes in
            for cut in cuts { try Self.check(cut.range.lowerBound, cut.range.upperBound, in: bytes, layer: Layer.removed) }
            try remove(cuts, in: bytes)
        }
    }

    private mutating func remove(_ cuts: [Cut], in bytes: UnsafeBufferPointer<UInt8>) throws {
        let n = bytes.count

        // What to delete, after whitespace absorption, sorted.
        var planned: [(delete: Range<Int>, cut: Cut)] = cuts.map { cut in
            var lo = cut.range.lowerBound, hi = cut.range.upperBound
            if cut.absorbsWhitespace {
                while hi < n, TextLayout.isSpace(bytes[hi]) { hi += 1 }
                if hi == n { while lo > 0, TextLayout.isSpace(bytes[lo - 1]) { lo -= 1 } }
            }
            return (lo..<hi, cut)
        }
        planned.sort { ($0.cut.range.lowerBound, -$0.cut.range.upperBound) < ($1.cut.range.lowerBound, -$1.cut.range.upperBound) }

        var merged: [Range<Int>] = []
        merged.reserveCapacity(planned.count)
        for item in planned.map(\.delete).sorted(by: { $0.lowerBound < $1.lowerBound }) where !item.isEmpty {
            if let last = merged.last, item.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, item.upperBound)
            } else {
                merged.append(item)
            }
        }
        // Several paragraphs removed at the end of the text: the whitespace before the first of them goes too,
        // as it does before a single one.
        if let last = merged.last, last.upperBound == n, planned.contains(where: { $0.cut.absorbsWhitespace && $0.delete.upperBound == n }) {
            var lo = last.lowerBound
            while lo > 0, TextLayout.isSpace(bytes[lo - 1]) { lo -= 1 }
            merged[merged.count - 1] = lo..<n
            if merged.count > 1, merged[merged.count - 2].upperBound >= lo {
                let previous = merged.remove(at: merged.count - 2)
                merged[merged.count - 1] = previous.lowerBound..<n
            }
        }

        // Records, in original coordinates; a cut inside an earlier recorded cut is not recorded again.
        var covered = -1
        for (_, cut) in planned where !cut.range.isEmpty && cut.range.upperBound > covered {
            let start = toOriginal(max(cut.range.lowerBound, covered), after: true)
            let end = toOriginal(cut.range.upperBound, after: false)
            covered = cut.range.upperBound
            guard start < end else { continue }
            removed.append(Removal(start: start, end: end, reason: cut.reason, rule: cut.rule))
        }
        removed.sort { ($0.start, $0.end) < ($1.start, $1.end) }

        // Deleted ranges in original coordinates, computed against the old deletions before updating them.
        let newDeletions = merged.map { (toOriginal($0.lowerBound, after: true), toOriginal($0.upperBound, after: false)) }
        for (lo, hi) in newDeletions where hi > lo {
            deletions.removeAll { $0.origin >= lo && $0.origin + $0.length <= hi }
            deletions.append((lo, hi - lo))
        }
        deletions.sort { $0.origin < $1.origin }

        // Remap every span.
        let remap = OffsetRemap(deleted: merged)
        layers = layers.mapValues { spans in
            var kept: [Span] = []
            kept.reserveCapacity(spans.count)
            for var span in spans {
                let wasEmpty = span.start == span.end
                span.start = remap(span.start)
                span.end = remap(span.end)
                if span.start == span.end && !wasEmpty { continue }
                if !span.attributes.isEmpty { span.attributes = span.attributes.mapValues { remap.attribute($0) } }
                kept.append(span)
            }
            return kept
        }

        let kept = n - merged.reduce(0) { $0 + $1.count }
        text = String(unsafeUninitializedCapacity: kept) { out in
            var position = 0, written = 0
            for range in merged + [n..<n] {
                let piece = UnsafeBufferPointer(rebasing: bytes[position..<range.lowerBound])
                _ = UnsafeMutableBufferPointer(rebasing: out[written..<(written + piece.count)]).initialize(from: piece)
                written += piece.count
                position = range.upperBound
            }
            return written
        }
    }

    /// Maps an offset of the current text to the original text. At a deletion point, `after` chooses the
    /// offset after the deleted text (for starts) rather than before it (for ends).
    public func toOriginal(_ offset: Int, after: Bool) -> Int {
        var original = offset
        for deletion in deletions {
            if deletion.origin < original || (after && deletion.origin == original) {
                original += deletion.length
            } else {
                break
            }
        }
        return original
    }
}

/// Maps offsets of a text to offsets after deleting sorted, disjoint ranges of it.
struct OffsetRemap {
    let deleted: [Range<Int>]
    /// Offsets at which each deleted range starts in the new text.
    private let shiftBefore: [Int]

    init(deleted: [Range<Int>]) {
        self.deleted = deleted
        var shifts: [Int] = []
        var total = 0
        for range in deleted {
            shifts.append(total)
            total += range.count
        }
        shiftBefore = shifts
    }

    func callAsFunction(_ offset: Int) -> Int {
        // The last deleted range starting before `offset`.
        var lo = 0, hi = deleted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if deleted[mid].lowerBound < offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return offset }
        let range = deleted[lo - 1]
        let shift = shiftBefore[lo - 1]
        if offset >= range.upperBound { return offset - shift - range.count }
        return range.lowerBound - shift
    }

    func attribute(_ value: AttributeValue) -> AttributeValue {
        switch value {
        case .span(var ref):
            let wasEmpty = ref.start == ref.end
            ref.start = self(ref.start)
            ref.end = self(ref.end)
            if ref.start == ref.end && !wasEmpty { return .null }
            ref.extra = ref.extra.mapValues(attribute)
            return .span(ref)
        case .list(let items): return .list(items.map(attribute))
        case .map(let fields): return .map(fields.mapValues(attribute))
        default: return value
        }
    }
}
