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

/// A span's attributes: a few named values, kept sorted by name.
///
/// A span has a handful of attributes at most (`canonical`; `speaker`, `cue`, `kind`), and stages make one
/// set for every span they write, so this is a short sorted array rather than a hash table: making one
/// allocates once and hashes nothing, a lookup compares a few short strings, and writers get the keys in
/// order without sorting. It reads like a dictionary: `attributes["kind"]`, `attributes["cue"] = "said"`,
/// `["kind": "direct"]`, and `for (key, value) in attributes` in key order.
public struct Attributes: Sendable, Hashable {
    /// One attribute.
    public struct Entry: Sendable, Hashable {
        /// Its name.
        public let key: String
        /// Its value.
        public var value: AttributeValue
    }

    /// Sorted by key (String order, as records write them), keys unique.
    public private(set) var entries: [Entry]

    /// No attributes.
    public init() { entries = [] }

    /// One attribute: what a literal of one makes, without the literal's own array.
    public init(_ key: String, _ value: AttributeValue) { entries = [Entry(key: key, value: value)] }

    /// The attributes of a dictionary.
    public init(_ dictionary: [String: AttributeValue]) {
        entries = dictionary.map { Entry(key: $0.key, value: $0.value) }
        entries.sort { $0.key < $1.key }
    }

    /// Whether there are none.
    @inlinable public var isEmpty: Bool { entries.isEmpty }

    /// How many there are.
    @inlinable public var count: Int { entries.count }

    /// The names, sorted.
    public var keys: [String] { entries.map(\.key) }

    /// The attributes as a dictionary.
    public var dictionary: [String: AttributeValue] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
    }

    /// The value of an attribute, or nil; setting nil removes it.
    public subscript(key: String) -> AttributeValue? {
        get {
            for entry in entries where entry.key == key { return entry.value }
            return nil
        }
        set {
            let i = entries.firstIndex { $0.key >= key } ?? entries.endIndex
            let present = i < entries.endIndex && entries[i].key == key
            switch (newValue, present) {
            case (let value?, true): entries[i].value = value
            case (let value?, false): entries.insert(Entry(key: key, value: value), at: i)
            case (nil, true): entries.remove(at: i)
            case (nil, false): break
            }
        }
    }

    /// The same names with transformed values.
    public func mapValues(_ transform: (AttributeValue) throws -> AttributeValue) rethrows -> Attributes {
        var out = self
        for i in out.entries.indices { out.entries[i].value = try transform(out.entries[i].value) }
        return out
    }

    /// The attributes that satisfy a predicate.
    public func filter(_ isIncluded: ((key: String, value: AttributeValue)) throws -> Bool) rethrows -> Attributes {
        var out = Attributes()
        out.entries = try entries.filter { try isIncluded(($0.key, $0.value)) }
        return out
    }
}

extension Attributes: ExpressibleByDictionaryLiteral {
    /// Attributes from a literal; a repeated name keeps its last value.
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        // Stages write a literal for every quote and entity: one array, sorted in place (literals are a few
        // keys long), no allocation at all for `[:]`.
        guard !elements.isEmpty else {
            entries = []
            return
        }
        // One allocation of the exact size (`map` over the variadic array grew its result).
        var sorted: [Entry] = []
        sorted.reserveCapacity(elements.count)
        for (key, value) in elements { sorted.append(Entry(key: key, value: value)) }
        guard sorted.count > 1 else {
            entries = sorted
            return
        }
        for i in 1..<sorted.count {
            var j = i
            while j > 0, sorted[j].key < sorted[j - 1].key {
                sorted.swapAt(j, j - 1)
                j -= 1
            }
        }
        // The sort is stable, so a repeated name's entries sit together in literal order: keep the last.
        var kept = 1
        for i in 1..<sorted.count {
            if sorted[kept - 1].key == sorted[i].key { sorted[kept - 1] = sorted[i] } else { sorted[kept] = sorted[i]; kept += 1 }
        }
        sorted.removeLast(sorted.count - kept)
        entries = sorted
    }
}

extension Attributes: Sequence {
    /// The attributes in key order.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: AttributeValue)> {
        entries.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }
}

extension Attributes: CustomStringConvertible {
    /// Written like a dictionary, in key order.
    public var description: String {
        entries.isEmpty ? "[:]" : "[" + entries.map { "\($0.key.debugDescription): \($0.value)" }.joined(separator: ", ") + "]"
    }
}

/// The value of a span attribute. JSON-shaped, plus `span`, which stays attached to the text.
public enum AttributeValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A Boolean.
    case bool(Bool)
    /// JSON null.
    case null
    /// A range of the text, written as `{"start", "end", "text", ...extra}` with code-point offsets.
    case span(SpanRef)
    /// A list.
    case list([AttributeValue])
    /// A mapping, written with its keys sorted.
    case map([String: AttributeValue])

    /// The string, if this is one.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer, if this is one.
    public var int: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The text reference, if this is one.
    public var spanRef: SpanRef? {
        if case .span(let s) = self { return s }
        return nil
    }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// A string from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A Boolean from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// A piece of text removed by a cleaning stage, kept so nothing is lost.
public struct Removal: Sendable, Hashable {
    /// UTF-8 offset into ``Document/originalText``.
    public var start: Int
    /// UTF-8 offset into ``Document/originalText``, one past the end.
    public var end: Int
    /// Why it was removed: `caption`, `credit`, `boilerplate`, `byline`, ...
    public var reason: String
    /// The id of the rule that fired.
    public var rule: String

    /// Creates a removal record.
    public init(start: Int, end: Int, reason: String, rule: String) {
        self.start = start
        self.end = end
        self.reason = reason
        self.rule = rule
    }
}

/// A request to remove a range of the current text, given to ``Document/remove(_:)``.
public struct Cut: Sendable, Hashable {
    /// UTF-8 range in the current text. Its text is what the removal record shows.
    public var range: Range<Int>
    /// Why (`caption`, `credit`, ...).
    public var reason: String
    /// Which rule fired.
    public var rule: String
    /// Also delete the whitespace after the range (or before it, at the end of the text), so removing a whole
    /// paragraph leaves no empty paragraph behind. The record still shows only `range`.
    public var absorbsWhitespace: Bool

    /// Creates a cut.
    public init(_ range: Range<Int>, reason: String, rule: String, absorbsWhitespace: Bool = false) {
        self.range = range
        self.reason = reason
        self.rule = rule
        self.absorbsWhitespace = absorbsWhitespace
    }
}

/// Layer names that the built-in stages and the output format share.
public enum Layer {
    /// Paragraphs, written by `split`.
    public static let paragraphs = "paragraphs"
    /// Sentences, written by `split`.
    public static let sentences = "sentences"
    /// Named entities, written by `entity-tag`.
    public static let entities = "entities"
    /// Quotations, written by `quote-extract`.
    public static let quotes = "quotes"
    /// The pseudo-layer of removed text, written through ``Document/remove(_:)``.
    public static let removed = "removed"
    /// The pseudo-layer of per-document figures, written through ``Document/stats``.
    public static let stats = "stats"
    /// Layers the output format writes as top-level record fields, in this order.
    public static let standard = [paragraphs, sentences, entities, quotes]
}
