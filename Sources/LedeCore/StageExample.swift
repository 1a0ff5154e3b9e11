import Foundation

/// A worked example of a stage: input text, options, and the spans it must produce.
///
/// Like SwiftLint's rule examples, each records where it was written, so a failing example points at itself.
public struct StageExample: Sendable {
    /// What the example shows.
    public var title: String
    /// The input text.
    public var input: String
    /// The stage's options as a YAML flow mapping (`{ sentences: false }`), or empty for the defaults.
    public var options: String
    /// Expected spans. For every layer named here, the layer must hold exactly these spans, in order.
    public var expect: [ExpectedSpan]
    /// Layers that must be empty (or absent) after the stage.
    public var empty: [String]
    /// The text after the stage, for stages that remove text.
    public var expectText: String?
    /// Where the example is written: a Swift source, or a YAML resource (``load(yaml:file:)``).
    public var file: String
    /// The line it is written on.
    public var line: UInt

    /// Creates an example written in Swift, which records its own place.
    public init(_ title: String, input: String, options: String = "", expect: [ExpectedSpan] = [],
                empty: [String] = [], text: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.init(title, input: input, options: options, expect: expect, empty: empty, text: text, at: "\(file)", line: line)
    }

    /// Creates an example written elsewhere, at `file`'s `line`.
    public init(_ title: String, input: String, options: String = "", expect: [ExpectedSpan] = [],
                empty: [String] = [], text: String? = nil, at file: String, line: UInt) {
        self.title = title
        self.input = input
        self.options = options
        self.expect = expect
        self.empty = empty
        self.expectText = text
        self.file = file
        self.line = line
    }
}

extension StageExample {
    /// A stage's examples from YAML, a list of mappings with `title`, `input` and, as needed, `options` (a flow
    /// mapping as text), `expect`, `empty` (layer names) and `text` (the text after the stage). Each expected span
    /// is `{removed: TEXT, reason: R, rule: ID}` for removed text, or `{layer: L, text: TEXT, label: X, attributes:
    /// {...}}`. Each example records `file` and the line its entry starts on, so a failing one points at itself.
    ///
    /// A stage with many examples keeps them in such a resource rather than in Swift source.
    ///
    /// - Throws: ``ConfigError`` with a location for a key that is unknown or missing.
    public static func load(yaml: String, file: String) throws -> [StageExample] {
        let records = try OptionsLoader.decode([Record].self, yaml: yaml, file: file)
        let entries = try YAMLParser.parse(yaml, file: file).sequence.map { Array($0) } ?? []
        return try zip(records, entries).map { record, node in
            let line = (node.mark?.line).map(UInt.init) ?? 0
            let expect = try (record.expect ?? []).map { span -> ExpectedSpan in
                if let removed = span.removed, let reason = span.reason, span.layer == nil, span.text == nil {
                    return .removed(removed, reason, rule: span.rule)
                }
                guard let layer = span.layer, let text = span.text, span.removed == nil, span.reason == nil, span.rule == nil else {
                    throw ConfigError("an expected span is `{removed, reason, rule}` or `{layer, text, label, attributes}`",
                                      at: SourceLocation(file: file, line: Int(line), column: 1))
                }
                return ExpectedSpan(layer, text, label: span.label, span.attributes ?? [:])
            }
            return StageExample(record.title, input: record.input, options: record.options ?? "", expect: expect,
                                empty: record.empty ?? [], text: record.text, at: file, line: line)
        }
    }

    /// One example as YAML writes it.
    private struct Record: Decodable {
        var title: String
        var input: String
        var options: String?
        var expect: [Span]?
        var empty: [String]?
        var text: String?
    }

    /// One expected span as YAML writes it.
    private struct Span: Decodable {
        var removed: String?
        var reason: String?
        var rule: String?
        var layer: String?
        var text: String?
        var label: String?
        var attributes: [String: String]?
    }
}

/// One expected span: its layer, its text, and optionally its label and attributes (compared as text).
public struct ExpectedSpan: Sendable, Hashable, CustomStringConvertible {
    /// The layer (`entities`), or `removed` for text a cleaning stage removed.
    public var layer: String
    /// The span's text.
    public var text: String
    /// The label (or, for `removed`, the reason), if it matters.
    public var label: String?
    /// Attributes that must match, rendered as text. A span attribute renders as its text, and its extra
    /// fields as `key.field` (a quote's `speaker.mention`).
    public var attributes: [String: String]

    /// Creates an expectation.
    public init(_ layer: String, _ text: String, label: String? = nil, _ attributes: [String: String] = [:]) {
        self.layer = layer
        self.text = text
        self.label = label
        self.attributes = attributes
    }

    /// `layer "text" [label] {attributes}`.
    public var description: String {
        var s = "\(layer) \"\(text)\""
        if let label { s += " [\(label)]" }
        if !attributes.isEmpty {
            s += " {" + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
        }
        return s
    }

    /// Shorthand for a sentence.
    public static func sentence(_ text: String) -> ExpectedSpan { .init(Layer.sentences, text) }
    /// Shorthand for a paragraph.
    public static func paragraph(_ text: String) -> ExpectedSpan { .init(Layer.paragraphs, text) }
    /// Shorthand for an entity.
    public static func entity(_ text: String, _ label: String) -> ExpectedSpan { .init(Layer.entities, text, label: label) }
    /// Shorthand for removed text and its reason.
    public static func removed(_ text: String, _ reason: String, rule: String? = nil) -> ExpectedSpan {
        .init(Layer.removed, text, label: reason, rule.map { ["rule": $0] } ?? [:])
    }
}
