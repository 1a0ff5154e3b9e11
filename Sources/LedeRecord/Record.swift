import LedeCore

/// The JSON Lines record of a document: output format version 1, documented in docs/output-format.md.
///
/// Every offset is a Unicode code-point offset into the record's `text`, except `removed`, whose offsets
/// point into the original text. The `exec` protocol sends documents to plugins in the same form.
public enum Record {
    /// The format version written as `"lede"` in every record.
    public static let version = 1

    /// Layers whose spans are written without their text (it is easy to slice and would double the size).
    static let textless = [Layer.paragraphs, Layer.sentences]

    /// Writes one record (no trailing newline) into a writer.
    public static func write(_ document: Document, into json: inout JSONWriter) {
        let text = document.text
        let index = CodePointIndex(text)
        json.beginObject()
        json.key(literal: "lede"); json.int(version)
        json.key(literal: "id"); json.string(document.id)
        json.key(literal: "source"); json.string(document.source.path)
        if let line = document.source.line { json.key(literal: "source_line"); json.int(line) }
        if let part = document.source.part { json.key(literal: "source_part"); json.int(part) }
        json.key(literal: "text"); json.string(text)
        for layer in Layer.standard {
            json.beginArray(layer)
            writeSpans(document.spans(layer), layer: layer, text: text, index: index, into: &json)
            json.endArray()
        }
        json.beginArray(Layer.removed)
        if !document.removed.isEmpty {
            let original = document.originalText
            let originalIndex = CodePointIndex(original)
            for removal in document.removed {
                json.beginObject()
                json.key(literal: "start"); json.int(originalIndex(removal.start))
                json.key(literal: "end"); json.int(originalIndex(removal.end))
                json.key(literal: "text"); json.string(document.originalSubstring(removal.start..<removal.end))
                json.key(literal: "reason"); json.string(removal.reason)
                json.key(literal: "rule"); json.string(removal.rule)
                json.endObject()
            }
        }
        json.endArray()
        json.beginObject("layers")
        var custom: [String] = []
        for layer in document.layers.keys where !Layer.standard.contains(layer) { custom.append(layer) }
        for layer in custom.sorted() {
            json.beginArray(layer)
            writeSpans(document.spans(layer), layer: layer, text: text, index: index, into: &json)
            json.endArray()
        }
        json.endObject()
        json.key(literal: "stats"); json.attribute(.map(document.stats), text: text, index: index)
        json.key(literal: "meta"); json.attribute(.map(document.metadata), text: text, index: index)
        json.beginArray("warnings")
        for warning in document.warnings { json.string(warning) }
        json.endArray()
        json.endObject()
    }

    /// One record as a line of bytes, newline included.
    public static func line(_ document: Document) -> [UInt8] {
        var json = JSONWriter(capacity: document.text.utf8.count * 2 + 256)
        write(document, into: &json)
        json.raw(0x0A)
        return json.bytes
    }

    static func writeSpans(_ spans: [Span], layer: String, text: String, index: CodePointIndex, into json: inout JSONWriter) {
        // Two names compared, rather than one hashed, for every layer of every record.
        let withText = !textless.contains(layer)
        var bytes = text
        bytes.withUTF8 { utf8 in
            spans.withUnsafeBufferPointer { spans in
                guard let first = spans.baseAddress else { return }
                for i in spans.indices {
                    writeSpan(first + i, withText: withText, utf8: utf8, text: text, index: index, into: &json)
                }
            }
        }
    }

    /// Writes the span at `span`, reading its fields in place: a copy of the whole span would retain its
    /// label and attributes, even for a span that has none.
    @inline(__always)
    static func writeSpan(_ span: UnsafePointer<Span>, withText: Bool, utf8: UnsafeBufferPointer<UInt8>, text: String, index: CodePointIndex,
                          into json: inout JSONWriter) {
        let start = span.pointee.start, end = span.pointee.end
        json.beginSpan(start: index(start), end: index(end))
        if withText {
            json.key(literal: "text")
            json.string(utf8: UnsafeBufferPointer(rebasing: utf8[start..<end]))
        }
        if let label = span.pointee.label { json.key(literal: "label"); json.string(label) }
        if !span.pointee.attributes.isEmpty {
            for entry in span.pointee.attributes.entries {
                json.key(entry.key)
                json.attribute(entry.value, text: text, index: index)
            }
        }
        json.endObject()
    }

    /// One line of `rejects.jsonl`.
    public static func line(_ reject: Reject) -> [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        json.key("id"); json.string(reject.id)
        json.key("source"); json.string(reject.source.path)
        if let line = reject.source.line { json.key("source_line"); json.int(line) }
        if let part = reject.source.part { json.key("source_part"); json.int(part) }
        json.key("stage"); json.string(reject.stage)
        json.key("reason"); json.string(reject.reason)
        json.endObject()
        json.raw(0x0A)
        return json.bytes
    }
}
