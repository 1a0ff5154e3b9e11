import LedeCore

/// Runs a stage's examples: the one harness behind every stage's example tests.
///
/// Stages that need layers get them from the registry's producers (with default options) first. Each
/// example can also be run as a variant (CRLF line endings, a leading emoji paragraph) to check that
/// offsets shift correctly; variants check that every expected span is still found, in order.
public struct ExampleRunner: Sendable {
    /// Where producers of required layers are found.
    public let registry: StageRegistry

    /// Creates a runner.
    public init(registry: StageRegistry) { self.registry = registry }

    /// Ways to vary an example's input.
    public enum Variant: String, Sendable, CaseIterable {
        /// The input as written.
        case plain
        /// Every LF becomes CRLF.
        case crlf
        /// A paragraph holding a multi-byte emoji is put in front.
        case emojiPrefix
    }

    /// Runs one example and returns the failures, as readable lines (empty when it passes).
    public func check(_ example: StageExample, of type: StageType, variant: Variant = .plain) -> [String] {
        func transform(_ s: String) -> String {
            switch variant {
            case .plain, .emojiPrefix: return s
            case .crlf: return s.replacingOccurrences(of: "\n", with: "\r\n")
            }
        }
        // The prefix keeps the paragraph style of the input: a blank line only where the input has blank lines.
        let hasBlankLine = ["\n\n", "\r\n\r\n", "\r\r"].contains { example.input.contains($0) }
        let prefix = hasBlankLine ? "👩‍👩‍👧 🙂\n\n" : "👩‍👩‍👧 🙂\n"
        let input = variant == .emojiPrefix ? prefix + example.input : transform(example.input)
        var document = Document(id: "example", text: input, source: DocumentSource(path: "<example>"))
        do {
            var available: Set<String> = []
            for layer in type.descriptor.requires where !available.contains(layer) {
                guard let producerName = registry.producers(of: layer).first, let producer = registry[producerName] else {
                    return ["no registered stage produces the required layer '\(layer)'"]
                }
                try apply(producer, options: producer.defaultOptions(), to: &document)
                available.formUnion(producer.descriptor.produces)
            }
            let options = try OptionsLoader.options(for: type, yaml: example.options)
            try apply(type, options: options, to: &document)
        } catch {
            return ["threw: \(error)"]
        }

        var failures: [String] = []
        let expectedByLayer = Dictionary(grouping: example.expect.map { expected -> ExpectedSpan in
            var e = expected
            e.text = transform(e.text)
            return e
        }, by: \.layer)
        for layer in expectedByLayer.keys.sorted() {
            let expected = expectedByLayer[layer]!
            let actual = Self.actualSpans(layer, in: document)
            let projected = actual.map { span in project(span, like: expected.first { $0.text == span.text } ?? expected[0]) }
            if variant == .plain {
                let exact = actual.map { span -> ExpectedSpan in
                    let template = expected.first { $0.text == span.text && $0.label == span.label } ?? expected.first { $0.text == span.text }
                    return template.map { project(span, like: $0) } ?? span
                }
                if exact != expected {
                    failures.append("layer '\(layer)':\n    expected \(expected)\n    found    \(exact)")
                }
            } else if !isSubsequence(expected, of: projected, all: actual) {
                failures.append("layer '\(layer)' (\(variant.rawValue) variant):\n    expected \(expected)\n    found    \(actual)")
            }
        }
        for layer in example.empty {
            let actual = Self.actualSpans(layer, in: document)
            if !actual.isEmpty { failures.append("layer '\(layer)' should be empty, found \(actual)") }
        }
        if let expectedText = example.expectText {
            let want = variant == .emojiPrefix ? nil : transform(expectedText)
            if let want, document.text != want {
                failures.append("text:\n    expected \(want.debugDescription)\n    found    \(document.text.debugDescription)")
            }
        }
        return failures
    }

    private func apply(_ type: StageType, options: any StageOptions, to document: inout Document) throws {
        switch try type.instantiate(options, context: StageContext(baseDirectory: ".")) {
        case .document(let process): try process(&document)
        case .waiting: throw DocumentError("stages that wait on other processes have no built-in examples")
        case .collecting: throw DocumentError("collecting stages have no per-document examples")
        }
    }

    /// Keeps only the fields the expectation names (label, attribute keys), so examples say what matters.
    private func project(_ span: ExpectedSpan, like template: ExpectedSpan) -> ExpectedSpan {
        var s = span
        if template.label == nil { s.label = nil }
        s.attributes = span.attributes.filter { template.attributes[$0.key] != nil }
        return s
    }

    private func isSubsequence(_ expected: [ExpectedSpan], of projected: [ExpectedSpan], all: [ExpectedSpan]) -> Bool {
        var i = 0
        for span in all where i < expected.count {
            if project(span, like: expected[i]) == expected[i] { i += 1 }
        }
        return i == expected.count
    }

    /// A layer's spans as the examples describe them: text, label and attributes rendered as text.
    public static func actualSpans(_ layer: String, in document: Document) -> [ExpectedSpan] {
        if layer == Layer.removed {
            return document.removed.map {
                ExpectedSpan(layer, document.originalSubstring($0.start..<$0.end), label: $0.reason, ["rule": $0.rule])
            }
        }
        return document.spans(layer).map { span in
            var attributes = span.attributes.dictionary.mapValues { render($0, in: document) }
            for (key, value) in span.attributes {
                guard case .span(let ref) = value else { continue }
                for (field, inner) in ref.extra { attributes[key + "." + field] = render(inner, in: document) }
            }
            return ExpectedSpan(layer, document.substring(span.range), label: span.label, attributes)
        }
    }

    static func render(_ value: AttributeValue, in document: Document) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        case .null: return "null"
        case .span(let ref): return document.substring(ref.start..<ref.end)
        case .list(let items): return "[" + items.map { render($0, in: document) }.joined(separator: ", ") + "]"
        case .map(let fields): return "{" + fields.keys.sorted().map { "\($0): \(render(fields[$0]!, in: document))" }.joined(separator: ", ") + "}"
        }
    }
}
