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
    /// Where the example is written.
    public var file: StaticString
    /// The line it is written on.
    public var line: UInt

    /// Creates an example.
    public init(_ title: String, input: String, options: String = "", expect: [ExpectedSpan] = [],
                empty: [String] = [], text: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
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
