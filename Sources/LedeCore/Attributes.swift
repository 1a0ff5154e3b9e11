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
