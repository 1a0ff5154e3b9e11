import LedeText

/// Where a document came from.
public struct DocumentSource: Sendable, Hashable {
    /// The input file as named in the pipeline or on the command line (`-` for standard input).
    public var path: String
    /// 1-based line, for documents read from JSON Lines.
    public var line: Int?
    /// 1-based part number, for documents split out of one input at its separator lines (`input.separator`).
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

/// A problem worth knowing that did not stop a document: a short, stable kind that statistics count
/// (`not-english`, `looks-like-html`) and a message for people, which may change between versions.
public struct DocumentWarning: Sendable, Hashable {
    /// The kind: lowercase words joined by hyphens, one of the constants below for Lede's own warnings.
    public var kind: String
    /// What happened and what to do, as the record's `warnings` list shows it.
    public var message: String

    /// A warning of a given kind.
    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    /// A warning of the kind ``kind(of:)`` reads from its message.
    public init(_ message: String) {
        self.init(kind: Self.kind(of: message), message: message)
    }

    /// split: the text looks like a web page's HTML or XML rather than an article.
    public static let looksLikeHTML = "looks-like-html"
    /// split: few of the text's words are everyday English words.
    public static let notEnglish = "not-english"
    /// quote-extract: a paragraph has a quotation mark without its pair.
    public static let unbalancedQuotes = "unbalanced-quotes"
    /// quote-extract: a quotation runs to the end of its paragraph.
    public static let unclosedQuote = "unclosed-quote"
    /// exec: the plugin printed a line that is not an answer.
    public static let pluginOutput = "plugin-output"
    /// exec: a warning the plugin gave in its answer.
    public static let pluginWarning = "plugin-warning"
    /// Input: a UTF-8 byte-order mark was removed.
    public static let byteOrderMark = "byte-order-mark"
    /// Input: the text was decoded from UTF-16.
    public static let utf16 = "utf-16"
    /// Input: bytes that were not valid in the input's encoding were replaced with U+FFFD.
    public static let invalidEncoding = "invalid-encoding"
    /// Input: the text contains NUL characters.
    public static let nulCharacters = "nul-characters"
    /// HTML input: elements nested too deeply were flattened.
    public static let deepHTML = "deep-html"
    /// A warning of no kind Lede knows (a stage's own).
    public static let other = "other"

    /// The kind of a warning given only as its message: the warnings of Lede's input readers, which are
    /// made where no kind can be given, and every warning of Lede's stages, are known by how their message
    /// begins; any other message is ``other``.
    public static func kind(of message: String) -> String {
        if message.hasPrefix("the text looks like HTML") { return looksLikeHTML }
        if message.hasPrefix("the text does not look like English") { return notEnglish }
        if message.hasPrefix("unbalanced quotation marks") { return unbalancedQuotes }
        if message.hasPrefix("unclosed quotation") { return unclosedQuote }
        if message.hasPrefix("plugin '"), message.contains("' printed: ") { return pluginOutput }
        if message.hasPrefix("removed a UTF-8 byte-order mark") { return byteOrderMark }
        if message.hasPrefix("decoded from UTF-16") { return utf16 }
        if message.hasPrefix("replaced "), message.contains("with U+FFFD") { return invalidEncoding }
        if message.hasPrefix("contains NUL characters") { return nulCharacters }
        if message.hasPrefix("elements nested deeper than") { return deepHTML }
        return other
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
    /// Problems worth knowing that did not stop the document, each with its kind (see ``DocumentWarning``).
    public var detailedWarnings: [DocumentWarning]
    /// The messages of ``detailedWarnings`` ("unbalanced quote in paragraph 3"), as records write them.
    ///
    /// Setting it keeps the kind of every warning whose message is unchanged at its place, and gives any
    /// other message the kind ``DocumentWarning/kind(of:)`` reads from it.
    public var warnings: [String] {
        get { detailedWarnings.map(\.message) }
        set {
            let old = detailedWarnings
            detailedWarnings = newValue.enumerated().map { i, message in
                i < old.count && old[i].message == message ? old[i] : DocumentWarning(message)
            }
        }
    }
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
        self.detailedWarnings = []
        self.stats = [:]
    }

    /// A document exactly as it was, from every field a journal record keeps (see ``DocumentCodec``).
    package init(id: String, source: DocumentSource, text: String, originalText: String, metadata: [String: AttributeValue],
         layers: [String: [Span]], removed: [Removal], warnings: [DocumentWarning], stats: [String: AttributeValue],
         deletions: [(origin: Int, length: Int)]) {
        self.id = id
        self.source = source
        self.text = text
        self.originalText = originalText
        self.metadata = metadata
        self.layers = layers
        self.removed = removed
        self.detailedWarnings = warnings
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

    /// Adds a warning to the document's record, of the kind ``DocumentWarning/kind(of:)`` reads from its
    /// message (`other` for a message Lede does not know).
    public mutating func warn(_ message: String) { detailedWarnings.append(DocumentWarning(message)) }

    /// Adds a warning of a given kind (such as ``DocumentWarning/notEnglish``) to the document's record.
    public mutating func warn(_ message: String, kind: String) {
        detailedWarnings.append(DocumentWarning(kind: kind, message: message))
    }

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
