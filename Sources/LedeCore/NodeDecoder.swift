import Foundation
import Yams

/// Decodes Codable values from a Yams node tree, strictly, with a source location on every error.
///
/// Strict means what people who edit YAML by hand need: only `true`/`false` are Booleans, integers are
/// plain decimals (no `012`, `0x1F`, `1_000` or `1:30`), tags are refused, unknown keys are errors with the
/// nearest known key suggested, and the number of nodes visited is capped so aliases cannot blow up.
package struct NodeDecoding {
    /// The file, for locations.
    package let file: String
    /// The source text, for snippets.
    package let source: String
    /// Nodes left to visit before the decode is refused.
    final class State {
        var budget: Int
        var keyLogs: [KeyLog] = []
        init(budget: Int) { self.budget = budget }
    }

    /// The keys a keyed container was asked about, to find unknown ones afterwards.
    final class KeyLog {
        let mapping: Node.Mapping
        var asked: Set<String> = []
        var acceptsAnyKey = false
        init(mapping: Node.Mapping) { self.mapping = mapping }
    }

    let state: State

    package init(file: String, source: String, budget: Int = 200_000) {
        self.file = file
        self.source = source
        self.state = State(budget: budget)
    }

    /// Decodes `T` from `node`; then reports every key that no container asked about.
    ///
    /// - Throws: the first ``ConfigError`` of a value that cannot be decoded; else a ``ConfigError`` for one
    ///   unknown key, or ``ConfigErrors`` for several, in file order.
    package func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        let value = try NodeDecoder(node: node, codingPath: [], ctx: self).decodeValue(T.self)
        var unknown = ConfigErrorCollector(file: file)
        for log in state.keyLogs where !log.acceptsAnyKey {
            for (key, _) in log.mapping {
                guard let name = key.string, !log.asked.contains(name) else { continue }
                let known = log.asked.sorted()
                unknown.add(error(at: key, "unknown key '\(name)'",
                                  hint: Suggest.nearest(name, in: known).map { "did you mean '\($0)'?" }
                                      ?? (known.isEmpty ? nil : "known keys: " + known.joined(separator: ", "))))
            }
        }
        try unknown.check()
        return value
    }

    /// Runs `body`, which decodes `value`, the value of `key` (or an item of the list `key`). When `value` was
    /// reached through an alias (its node is defined earlier in the file than the key or list that uses it), an
    /// error inside it is moved from the anchor's definition to the alias that uses it, and names the anchor.
    /// `occurrence` counts the earlier uses of the same alias in one list, so the right one is pointed at.
    package func throughAlias<T>(key: Node, value: Node, occurrence: Int = 0, _ body: () throws -> T) throws -> T {
        guard let use = key.mark, let defined = value.mark, (defined.line, defined.column) < (use.line, use.column) else {
            return try body()
        }
        return try ConfigErrors.mapping({ relocate($0, defined: defined, use: use, occurrence: occurrence) }, body)
    }

    /// `error`, which lies in a value defined at `defined`, moved to its use through an alias: the
    /// `occurrence`th `*name` from `use` on (or `use` itself, if none is found), naming the anchor.
    private func relocate(_ error: ConfigError, defined: Mark, use: Mark, occurrence: Int) -> ConfigError {
        var error = error
        guard let location = error.location, !error.message.contains("through the alias") else { return error }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        // A place past the end of its line is in no text of the file: a `--set` value's, which the loader
        // reports as the flag's.
        guard location.line <= lines.count, location.column <= lines[location.line - 1].unicodeScalars.count + 1 else {
            return error
        }
        // The anchor's name, from the text where the value is defined (`&name`).
        var anchor = "?"
        if defined.line <= lines.count {
            let text = Array(lines[defined.line - 1].unicodeScalars)
            var i = max(0, defined.column - 1)
            if i < text.count, text[i] == "&" {
                i += 1
                var name = ""
                while i < text.count, !Self.nameEnds.contains(text[i]) { name.unicodeScalars.append(text[i]); i += 1 }
                anchor = name
            }
        }
        // The alias itself: its use number `occurrence` from the key (or the list's start) on, else the key.
        var line = use.line
        var column = use.column
        let star = Array(("*" + anchor).unicodeScalars)
        var skip = occurrence
        search: for n in use.line...max(use.line, lines.count) where n <= lines.count {
            let text = Array(lines[n - 1].unicodeScalars)
            var i = n == use.line ? max(0, use.column - 1) : 0
            while i + star.count <= text.count {
                if Array(text[i..<(i + star.count)]) == star,
                   i + star.count == text.count || Self.nameEnds.contains(text[i + star.count]) {
                    if skip == 0 {
                        line = n
                        column = i + 1
                        break search
                    }
                    skip -= 1
                }
                i += 1
            }
        }
        error.message += " (in the value of the anchor '&\(anchor)' at line \(defined.line), used here through the alias '*\(anchor)')"
        error.location = SourceLocation(file: file, line: line, column: column)
        error.snippet = snippet(line: line, column: column)
        return error
    }

    /// Characters that end an anchor's or alias's name as the files write them.
    private static let nameEnds = Set(" \t,]}".unicodeScalars)

    /// Runs `body`, which decodes item `index` of the list `list`, moving an error to the alias when the item
    /// was reached through one: when its node is defined before the list, or at or before any node of an
    /// earlier item (items are in the file's order, so only an alias can go back).
    package func throughAlias<T>(list: Node, items: [Node], index: Int, _ body: () throws -> T) throws -> T {
        guard let use = list.mark, let defined = items[index].mark else { return try body() }
        return try ConfigErrors.mapping({ error in
            let at = (defined.line, defined.column)
            var aliased = at < (use.line, use.column)
            var budget = 100_000  // an alias bomb is not walked in full
            func walk(_ node: Node) {
                guard !aliased, budget > 0 else { return }
                budget -= 1
                if let mark = node.mark, (mark.line, mark.column) >= at { aliased = true; return }
                switch node {
                case .mapping(let m): for (k, v) in m { walk(k); walk(v) }
                case .sequence(let s): for item in s { walk(item) }
                case .scalar, .alias: break
                }
            }
            for item in items[..<index] { walk(item) }
            guard aliased else { return error }
            // Earlier uses of the same alias in this list; an item that is the anchored node itself is not one.
            let same = items[..<index].count { $0.mark.map { ($0.line, $0.column) == at } ?? false }
            let definedInList = at >= (use.line, use.column) && same > 0
            return relocate(error, defined: defined, use: use, occurrence: definedInList ? same - 1 : same)
        }, body)
    }

    package func location(of node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    package func error(at node: Node, _ message: String, hint: String? = nil) -> ConfigError {
        ConfigError(message, at: location(of: node), hint: hint, snippet: node.mark.map { snippet(line: $0.line, column: $0.column) })
    }

    package func snippet(line: Int, column: Int) -> String {
        Self.snippet(source: source, line: line, column: column)
    }

    /// The source line and a caret under the column.
    package static func snippet(source: String, line: Int, column: Int) -> String {
        var current = 1
        for text in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == line {
                let shown = text.count > 160 ? String(text.prefix(160)) + "…" : String(text)
                let pad = String(repeating: " ", count: max(0, min(column - 1, 160)))
                return "  " + shown.replacingOccurrences(of: "\t", with: " ") + "\n  " + pad + "^"
            }
            current += 1
        }
        return ""
    }

    package static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s):
            if isNull(s) { return "nothing (null)" }
            return "'\(s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string)'"
        }
    }

    package static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain || scalar.style == .any
            ? ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            : false
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

private struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let ctx: NodeDecoding
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func visit() throws {
        ctx.state.budget -= 1
        if ctx.state.budget < 0 {
            throw ctx.error(at: node, "the file expands to too many values (an alias bomb?)",
                            hint: "pipeline files are small; remove the repeated aliases")
        }
        let rawTag: String
        switch node {
        case .scalar(let s): rawTag = s.tag.description
        case .mapping(let m): rawTag = m.tag.description
        case .sequence(let s): rawTag = s.tag.description
        case .alias: rawTag = ""
        }
        if !Self.plainTags.contains(rawTag) {
            throw ctx.error(at: node, "YAML tags are not allowed here (found '\(rawTag.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!"))')",
                            hint: "write the plain value without a tag")
        }
    }

    /// Tags a plain value can carry once Yams has resolved it; anything else was written explicitly.
    static let plainTags: Set<String> = Set(["", "!", "?"]).union(
        ["str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "value"].map { "tag:yaml.org,2002:" + $0 })

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try visit()
        let mapping: Node.Mapping
        switch node {
        case .mapping(let m): mapping = m
        case .scalar(let s) where NodeDecoding.isNull(s):
            mapping = Node.Mapping([], .implicit, .any, s.mark)
        default:
            throw ctx.error(at: node, "expected a mapping of keys and values, found \(NodeDecoding.describe(node))")
        }
        let log = NodeDecoding.KeyLog(mapping: mapping)
        ctx.state.keyLogs.append(log)
        return KeyedDecodingContainer(Keyed<Key>(mapping: mapping, node: node, codingPath: codingPath, ctx: ctx, log: log))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try visit()
        guard case .sequence(let seq) = node else {
            throw ctx.error(at: node, "expected a list, found \(NodeDecoding.describe(node))",
                            hint: "write a list as [a, b] or as lines starting with '- '")
        }
        return Unkeyed(items: Array(seq), node: node, codingPath: codingPath, ctx: ctx)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(decoder: self)
    }

    /// Decodes any value, with strict scalars, readable enum errors and located errors throughout.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let names = enumCaseNames(T.self) {
            let raw = try scalarString(expected: "one of: " + names.joined(separator: ", "))
            guard names.contains(raw) else {
                throw ctx.error(at: node, "'\(raw)' is not a valid value; expected one of: \(names.joined(separator: ", "))",
                                hint: Suggest.nearest(raw, in: names).map { "did you mean '\($0)'?" })
            }
        }
        switch T.self {
        case is String.Type: return try scalarString(expected: "a string") as! T
        case is Bool.Type: return try decodeBool() as! T
        case is Int.Type: return try decodeInt() as! T
        case is Double.Type: return try decodeDouble() as! T
        default: break
        }
        do {
            return try T(from: self)
        } catch let error as ConfigError {
            throw error
        } catch let error as DecodingError {
            throw ctx.error(at: node, Self.describe(error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c):
            return c.debugDescription
        @unknown default:
            return "invalid value"
        }
    }

    func scalar(expected: String) throws -> Node.Scalar {
        try visit()
        guard case .scalar(let s) = node else {
            throw ctx.error(at: node, "expected \(expected), found \(NodeDecoding.describe(node))")
        }
        return s
    }

    func scalarString(expected: String) throws -> String {
        let s = try scalar(expected: expected)
        if NodeDecoding.isNull(s) {
            throw ctx.error(at: node, "expected \(expected), found nothing (null)")
        }
        return s.string
    }

    func decodeBool() throws -> Bool {
        let text = try scalarString(expected: "true or false")
        switch text {
        case "true": return true
        case "false": return false
        default:
            throw ctx.error(at: node, "expected true or false, found '\(text)'",
                            hint: ["yes", "no", "on", "off", "y", "n", "True", "False", "YES", "NO", "On", "Off"].contains(text)
                                ? "YAML 1.1 words like '\(text)' are ambiguous; write true or false" : nil)
        }
    }

    func decodeInt() throws -> Int {
        let text = try scalarString(expected: "a whole number")
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ctx.error(at: node, "expected a whole number written in plain decimal, found '\(text)'",
                            hint: "forms like 0x1F, 1_000 or 1:30 are not accepted")
        }
        guard digits.count == 1 || !digits.hasPrefix("0") else {
            throw ctx.error(at: node, "'\(text)' has a leading zero, which YAML 1.1 reads as octal",
                            hint: "write \(Int(digits.drop { $0 == "0" }) ?? 0) or quote the value")
        }
        guard let value = Int(text) else { throw ctx.error(at: node, "'\(text)' is too large") }
        return value
    }

    func decodeDouble() throws -> Double {
        let text = try scalarString(expected: "a number")
        let ok = text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil
        guard ok, let value = Double(text) else {
            throw ctx.error(at: node, "expected a number such as 0.5, found '\(text)'")
        }
        return value
    }

    func isNull() -> Bool {
        if case .scalar(let s) = node { return NodeDecoding.isNull(s) }
        return false
    }
}

private func enumCaseNames<T>(_ type: T.Type) -> [String]? {
    guard let e = type as? any (CaseIterable & RawRepresentable).Type else { return nil }
    return caseNames(e)
}

private func caseNames<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> [String]? {
    let names = E.allCases.compactMap { $0.rawValue as? String }
    return names.isEmpty ? nil : names
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let mapping: Node.Mapping
    let node: Node
    let codingPath: [any CodingKey]
    let ctx: NodeDecoding
    let log: NodeDecoding.KeyLog

    var allKeys: [Key] {
        log.acceptsAnyKey = true
        return mapping.keys.compactMap { $0.string.flatMap(Key.init(stringValue:)) }
    }

    func lookup(_ key: Key) -> Node? {
        log.asked.insert(key.stringValue)
        return mapping[key.stringValue]
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = lookup(key) else { return true }
        return NodeDecoder(node: value, codingPath: codingPath + [key], ctx: ctx).isNull()
    }

    /// The node of a key, for locating a value reached through an alias.
    func keyNode(_ key: Key) -> Node? {
        mapping.first { $0.key.string == key.stringValue }?.key
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = lookup(key) else {
            throw ctx.error(at: node, "missing required key '\(key.stringValue)'")
        }
        return try ctx.throughAlias(key: keyNode(key) ?? node, value: value) {
            try NodeDecoder(node: value, codingPath: codingPath + [key], ctx: ctx).decodeValue(T.self)
        }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = lookup(key) else { return nil }
        let decoder = NodeDecoder(node: value, codingPath: codingPath + [key], ctx: ctx)
        if decoder.isNull() { return nil }
        return try ctx.throughAlias(key: keyNode(key) ?? node, value: value) { try decoder.decodeValue(T.self) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let value = lookup(key) else { throw ctx.error(at: node, "missing required key '\(key.stringValue)'") }
        return try NodeDecoder(node: value, codingPath: codingPath + [key], ctx: ctx).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        guard let value = lookup(key) else { throw ctx.error(at: node, "missing required key '\(key.stringValue)'") }
        return try NodeDecoder(node: value, codingPath: codingPath + [key], ctx: ctx).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath, ctx: ctx) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(node: lookup(key) ?? node, codingPath: codingPath + [key], ctx: ctx)
    }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let items: [Node]
    let node: Node
    let codingPath: [any CodingKey]
    let ctx: NodeDecoding
    var currentIndex = 0

    init(items: [Node], node: Node, codingPath: [any CodingKey], ctx: NodeDecoding) {
        self.items = items
        self.node = node
        self.codingPath = codingPath
        self.ctx = ctx
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else { throw ctx.error(at: node, "the list has too few items") }
        defer { currentIndex += 1 }
        return NodeDecoder(node: items[currentIndex], codingPath: codingPath + [AnyKey(intValue: currentIndex)], ctx: ctx)
    }

    /// Decodes the next item with `body`, locating an error at the alias when the item was reached through one.
    mutating func nextItem<T>(_ body: (NodeDecoder) throws -> T) throws -> T {
        let index = currentIndex
        let decoder = try next()
        return try ctx.throughAlias(list: node, items: items, index: index) { try body(decoder) }
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if NodeDecoder(node: items[currentIndex], codingPath: codingPath, ctx: ctx).isNull() {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try nextItem { try $0.decodeValue(T.self) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct Single: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { decoder.isNull() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(T.self) }
}

extension NodeDecoding {
    /// The node at an option path below `root`, or the deepest node that exists on the way.
    package static func node(at path: [OptionPathComponent], in root: Node) -> Node {
        var current = root
        for component in path {
            switch (component, current) {
            case (.key(let key), .mapping(let m)):
                guard let next = m[key] else { return current }
                current = next
            case (.index(let i), .sequence(let s)):
                guard i >= 0, i < s.count else { return current }
                current = s[i]
            default:
                return current
            }
        }
        return current
    }
}

/// Carries a Yams node and its decoder into a stage type's decode closure.
package struct NodeDecodingBox {
    package let decoding: NodeDecoding
    package let node: Yams.Node

    package init(decoding: NodeDecoding, node: Yams.Node) {
        self.decoding = decoding
        self.node = node
    }
}

extension NodeDecoding {
    /// Decodes a mapping of options with `decode`, reporting the mistake in each option, not only the first.
    ///
    /// When a value cannot be decoded, the option it lies in is left out and the rest are decoded again, as
    /// if its line were deleted (the option then takes its default), until they decode, when unknown keys
    /// are reported as usual, or until a mistake is not inside the value of one option. A "missing required
    /// key" for an option left out follows from that option's own mistake, and is not reported.
    ///
    /// - Throws: ``ConfigError`` for one mistake, ``ConfigErrors`` for several, in file order.
    package static func decodeEachOption<T>(of node: Node, file: String, source: String,
                                            _ decode: (NodeDecoding, Node) throws -> T) throws -> T {
        var errors = ConfigErrorCollector(file: file)
        var current = node
        var leftOut: [String] = []
        while true {
            do {
                let value = try decode(NodeDecoding(file: file, source: source), current)
                try errors.check()
                return value
            } catch {
                guard let found = ConfigErrors.all(in: error) else { throw error }
                for error in found where !leftOut.contains(where: { error.message == "missing required key '\($0)'" }) {
                    errors.add(error)
                }
                guard found.count == 1, let location = found[0].location, location.file == file,
                      case .mapping(let mapping) = current, let key = option(at: location, in: mapping) else {
                    try errors.check()
                    throw error
                }
                leftOut.append(key)
                current = .mapping(Node.Mapping(mapping.filter { $0.key.string != key }.map { ($0.key, $0.value) },
                                                mapping.tag, mapping.style, mapping.mark))
            }
        }
    }

    /// The key of the option in `mapping` whose value holds `location`: the value that starts last at or
    /// before it, with no other key between them. (Pairs are compared by place, not order: a `--set` adds
    /// its pair at the end, placed on line 1.)
    private static func option(at location: SourceLocation, in mapping: Node.Mapping) -> String? {
        let at = (location.line, location.column)
        var best: (key: String, start: (Int, Int))?
        for (key, value) in mapping {
            guard let name = key.string, let mark = value.mark, (mark.line, mark.column) <= at else { continue }
            if best == nil || (mark.line, mark.column) > best!.start { best = (name, (mark.line, mark.column)) }
        }
        guard let best else { return nil }
        let keyBetween = mapping.keys.contains { key in
            guard let mark = key.mark else { return false }
            return (mark.line, mark.column) > best.start && (mark.line, mark.column) <= at
        }
        return keyBetween ? nil : best.key
    }
}
