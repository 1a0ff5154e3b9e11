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
        // The layers in one pass over the dictionary, rather than a lookup (a hash of the name) for each
        // standard layer and a scan of the names for the others.
        var paragraphs: [Span] = [], sentences: [Span] = [], entities: [Span] = [], quotes: [Span] = []
        var custom: [(name: String, spans: [Span])] = []
        for (name, spans) in document.layers {
            switch name {
            case Layer.paragraphs: paragraphs = spans
            case Layer.sentences: sentences = spans
            case Layer.entities: entities = spans
            case Layer.quotes: quotes = spans
            default: custom.append((name, spans))
            }
        }
        json.key(literal: "paragraphs"); json.beginArray()
        writeSpans(paragraphs, withText: false, text: text, index: index, into: &json)
        json.endArray()
        json.key(literal: "sentences"); json.beginArray()
        writeSpans(sentences, withText: false, text: text, index: index, into: &json)
        json.endArray()
        json.key(literal: "entities"); json.beginArray()
        writeSpans(entities, withText: true, text: text, index: index, into: &json)
        json.endArray()
        json.key(literal: "quotes"); json.beginArray()
        writeSpans(quotes, withText: true, text: text, index: index, into: &json)
        json.endArray()
        json.key(literal: "removed"); json.beginArray()
        if !document.removed.isEmpty { writeRemovals(document, into: &json) }
        json.endArray()
        json.beginObject("layers")
        custom.sort { $0.name < $1.name }
        for layer in custom {
            // Every custom layer is written with its text: the textless layers are standard ones.
            json.beginArray(layer.name)
            writeSpans(layer.spans, withText: true, text: text, index: index, into: &json)
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

    /// The removals of a document, their offsets and text from the original text. Removals are in the order of
    /// the original text and disjoint, so their code-point offsets are counted in one pass over it
    /// (``CodePointCounter``) rather than from an index of all of it, and their text is copied from its bytes.
    static func writeRemovals(_ document: Document, into json: inout JSONWriter) {
        var original = document.originalText
        original.withUTF8 { utf8 in
            var counter = CodePointCounter(utf8)
            document.removed.withUnsafeBufferPointer { removed in
                for i in removed.indices {
                    let start = removed[i].start, end = removed[i].end
                    json.beginObject()
                    json.key(literal: "start"); json.int(counter.offset(start))
                    json.key(literal: "end"); json.int(counter.offset(end))
                    json.key(literal: "text")
                    if CodePointCounter.isScalarRange(start..<end, of: utf8) {
                        json.string(utf8: UnsafeBufferPointer(rebasing: utf8[start..<end]))
                    } else {
                        // A range that cuts a character: what slicing the String gives, as before.
                        json.string(document.originalSubstring(start..<end))
                    }
                    json.key(literal: "reason"); json.string(removed[i].reason)
                    json.key(literal: "rule"); json.string(removed[i].rule)
                    json.endObject()
                }
            }
        }
    }

    static func writeSpans(_ spans: [Span], withText: Bool, text: String, index: CodePointIndex, into json: inout JSONWriter) {
        var bytes = text
        bytes.withUTF8 { utf8 in
            spans.withUnsafeBufferPointer { spans in
                guard let first = spans.baseAddress else { return }
                for i in spans.indices {
                    writeSpan(first + i, withText: withText, utf8: utf8, index: index, into: &json)
                }
            }
        }
    }

    /// Writes the span at `span`, reading its fields in place: a copy of the whole span would retain its
    /// label and attributes, even for a span that has none.
    @inline(__always)
    static func writeSpan(_ span: UnsafePointer<Span>, withText: Bool, utf8: UnsafeBufferPointer<UInt8>, index: CodePointIndex,
                          into json: inout JSONWriter) {
        let start = span.pointee.start, end = span.pointee.end
        json.beginSpan(start: index(start), end: index(end))
        if withText {
            json.key(literal: "text")
            json.string(utf8: UnsafeBufferPointer(rebasing: utf8[start..<end]))
        }
        if let label = span.pointee.label { json.key(literal: "label"); json.string(label) }
        if !span.pointee.attributes.isEmpty {
            // Entries read in place: copying each out retains its key and value, and releases them after.
            span.pointee.attributes.entries.withUnsafeBufferPointer { entries in
                for i in entries.indices {
                    json.key(entries[i].key)
                    json.attribute(entries[i].value, utf8: utf8, index: index)
                }
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

/// Code-point offsets of UTF-8 offsets given in increasing order, counted from the last one given: for the few
/// offsets of a text that has no ``CodePointIndex`` (a document's removals, in its original text).
struct CodePointCounter {
    private let utf8: UnsafeBufferPointer<UInt8>
    private var at = 0, codePoints = 0

    /// A counter over text that outlives it.
    init(_ utf8: UnsafeBufferPointer<UInt8>) { self.utf8 = utf8 }

    /// The code points before a UTF-8 offset (at most the text's length): its bytes that are not continuation
    /// bytes (10xxxxxx), as ``CodePointIndex`` counts them. An offset before the last one counts from the start.
    mutating func offset(_ offset: Int) -> Int {
        let offset = min(offset, utf8.count)
        if offset < at { at = 0; codePoints = 0 }
        guard let base = utf8.baseAddress, offset > at else { return codePoints }
        // In bounds: `at` < `offset` <= the text's length. Eight bytes at a time, then one.
        let raw = UnsafeRawPointer(base)
        var i = at, continuations = 0
        while i &+ 8 <= offset {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let high = w & ~(w << 1) & 0x8080_8080_8080_8080
            continuations &+= Int(truncatingIfNeeded: ((high &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
            i &+= 8
        }
        while i < offset {
            if base[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        codePoints &+= (offset &- at) &- continuations
        at = offset
        return codePoints
    }

    /// Whether a range lies in the text and starts and ends between code points, so that its bytes are the
    /// String that slicing the text by it gives.
    static func isScalarRange(_ range: Range<Int>, of utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        range.lowerBound >= 0 && range.upperBound <= utf8.count
            && (range.lowerBound == utf8.count || utf8[range.lowerBound] & 0xC0 != 0x80)
            && (range.upperBound == utf8.count || utf8[range.upperBound] & 0xC0 != 0x80)
    }
}
