import LedeCore
import LedeRecord

/// The layers that have no table of their own in CSV and SQLite: whatever a plugin or a custom stage adds
/// (`sentiment`, `keywords`), and clean-captions' `structure`. They go to one generic table, `layers`, a row
/// per span, with its attributes as a JSON object.
enum CustomLayers {
    /// The layers with tables of their own.
    static let tabled: Set<String> = [Layer.paragraphs, Layer.sentences, Layer.entities, Layer.quotes]

    /// The other layers of a document, by name.
    static func of(_ document: Document) -> [(name: String, spans: [Span])] {
        document.layers.keys.filter { !tabled.contains($0) }.sorted().map { ($0, document.spans($0)) }
    }

    /// A span's attributes as a JSON object (`{}` when it has none), offsets in code points.
    static func attributes(_ span: Span, text: String, index: CodePointIndex) -> JSONWriter {
        var json = JSONWriter(capacity: 64)
        json.beginObject()
        for entry in span.attributes.entries {
            json.key(entry.key)
            json.attribute(entry.value, text: text, index: index)
        }
        json.endObject()
        return json
    }
}
