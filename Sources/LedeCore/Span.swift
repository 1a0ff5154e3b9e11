/// A range of a document's text with a label and typed attributes: one standoff annotation.
///
/// Offsets are UTF-8 byte offsets into ``Document/text`` while a document is in memory, because stages scan
/// bytes. Every output converts them to Unicode code-point offsets (see ``CodePointIndex``).
public struct Span: Sendable, Hashable {
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset one past the last byte.
    public var end: Int
    /// The span's label (`PERSON`, `direct`), or nil for layers that need none (sentences).
    public var label: String?
    /// Typed attributes. Sub-spans stored here (`.span`) are remapped with the text like the span itself.
    public var attributes: Attributes

    /// Creates a span.
    public init(start: Int, end: Int, label: String? = nil, attributes: Attributes = [:]) {
        self.start = start
        self.end = end
        self.label = label
        self.attributes = attributes
    }

    /// The UTF-8 range.
    public var range: Range<Int> { start..<end }
}

extension Array where Element == Span {
    /// The index of the first span starting at or after `offset`, by binary search. Layers are kept sorted
    /// by start (``Document/setLayer(_:_:)``), so `spans[i...]` from here are the spans starting there on.
    public func firstIndex(startingAtOrAfter offset: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A reference to a range of the text held inside an attribute, such as a quote's speaker.
public struct SpanRef: Sendable, Hashable {
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset one past the last byte.
    public var end: Int
    /// Further fields written beside `start`, `end` and `text` (a speaker's pronoun `mention`, say).
    public var extra: Attributes

    /// Creates a reference.
    public init(start: Int, end: Int, extra: Attributes = [:]) {
        self.start = start
        self.end = end
        self.extra = extra
    }
}
