import Foundation
import LedeCore

/// A compact binary form of documents and rejects, for the run journal (``Journal``): every field a
/// ``Document`` holds, so that a document read back writes exactly the bytes the original would.
///
/// Integers are LEB128 varints (zigzag for signed values), strings a varint length and their UTF-8, doubles
/// their IEEE bit pattern. Dictionaries are written with their keys sorted, so one document always encodes
/// to the same bytes. It is not an interchange format: a journal written by another Lede build is never
/// read (its fingerprint differs), so the layout may change freely between versions.
enum DocumentCodec {
    /// Raised when bytes do not decode: a truncated or damaged record.
    struct Damaged: Error, CustomStringConvertible {
        let description: String
    }

    static func encode(_ document: Document, into w: inout ByteWriter) {
        w.string(document.id)
        encode(document.source, into: &w)
        w.string(document.originalText)
        let deletions = document.deletedRanges
        w.uint(deletions.count)
        for deletion in deletions {
            w.uint(deletion.origin)
            w.uint(deletion.length)
        }
        // The current text is the original minus the deletions (``Document/remove(_:)`` is the only way it
        // changes), so it is rebuilt on reading rather than stored twice: a third of the journal's bytes. The
        // check costs one comparison of the text; should it ever fail, the text is stored after all.
        if textIsRemainder(document) {
            w.byte(0)
        } else {
            w.byte(1)
            w.string(document.text)
        }
        encode(document.metadata, into: &w)
        let names = document.layers.keys.sorted()
        w.uint(names.count)
        for name in names {
            w.string(name)
            let spans = document.layers[name]!
            w.uint(spans.count)
            var previous = 0
            // Each span read in place: a copy of it would retain its label and attributes, and release them after.
            spans.withUnsafeBufferPointer { spans in
                for i in spans.indices {
                    let start = spans[i].start, end = spans[i].end
                    w.int(start - previous)
                    w.uint(end - start)
                    previous = start
                    if let label = spans[i].label {
                        w.byte(1)
                        w.string(label)
                    } else {
                        w.byte(0)
                    }
                    encode(spans[i].attributes, into: &w)
                }
            }
        }
        w.uint(document.removed.count)
        for removal in document.removed {
            w.uint(removal.start)
            w.uint(removal.end)
            w.string(removal.reason)
            w.string(removal.rule)
        }
        w.uint(document.detailedWarnings.count)
        for warning in document.detailedWarnings {
            w.string(warning.kind)
            w.string(warning.message)
        }
        encode(document.stats, into: &w)
    }

    static func decodeDocument(_ r: inout ByteReader) throws -> Document {
        let id = try r.string()
        let source = try decodeSource(&r)
        let originalText = try r.string()
        var deletions: [(origin: Int, length: Int)] = []
        for _ in 0..<(try r.count()) { deletions.append((try r.uint(), try r.uint())) }
        let text = try r.byte() == 0 ? try remainder(of: originalText, deleting: deletions) : try r.string()
        let metadata = try decodeMap(&r)
        var layers: [String: [Span]] = [:]
        for _ in 0..<(try r.count()) {
            let name = try r.string()
            let count = try r.count()
            var spans: [Span] = []
            spans.reserveCapacity(count)
            var previous = 0
            for _ in 0..<count {
                let start = previous + (try r.int())
                let end = start + (try r.uint())
                previous = start
                let label: String? = try r.byte() == 1 ? try r.string() : nil
                let attributes = try decodeAttributes(&r)
                guard 0 <= start, end <= text.utf8.count else { throw Damaged(description: "a span lies outside its text") }
                spans.append(Span(start: start, end: end, label: label, attributes: attributes))
            }
            layers[name] = spans
        }
        var removed: [Removal] = []
        for _ in 0..<(try r.count()) {
            removed.append(Removal(start: try r.uint(), end: try r.uint(), reason: try r.string(), rule: try r.string()))
        }
        var warnings: [DocumentWarning] = []
        for _ in 0..<(try r.count()) { warnings.append(DocumentWarning(kind: try r.string(), message: try r.string())) }
        let stats = try decodeMap(&r)
        return Document(id: id, source: source, text: text, originalText: originalText, metadata: metadata, layers: layers,
                        removed: removed, warnings: warnings, stats: stats, deletions: deletions)
    }

    /// Whether the document's text is its original text without the deleted ranges, byte for byte.
    private static func textIsRemainder(_ document: Document) -> Bool {
        var original = document.originalText, text = document.text
        return original.withUTF8 { o in
            text.withUTF8 { t in
                var position = 0, written = 0
                /// Whether the original's bytes up to `origin` are the text's next ones; then skips `length`.
                func matches(upTo origin: Int, skipping length: Int) -> Bool {
                    guard origin >= position, origin <= o.count, length >= 0, length <= o.count - origin else { return false }
                    let n = origin - position
                    guard written + n <= t.count, n == 0 || memcmp(o.baseAddress! + position, t.baseAddress! + written, n) == 0 else {
                        return false
                    }
                    written += n
                    position = origin + length
                    return true
                }
                for (origin, length) in document.deletedRanges where !matches(upTo: origin, skipping: length) { return false }
                return matches(upTo: o.count, skipping: 0) && written == t.count
            }
        }
    }

    /// The original text without the deleted ranges, which must be sorted, disjoint and inside it.
    private static func remainder(of original: String, deleting deletions: [(origin: Int, length: Int)]) throws -> String {
        var original = original
        return try original.withUTF8 { o in
            var kept = o.count, position = 0
            for (origin, length) in deletions {
                // Read from a record, so checked without overflow: a damaged varint can be as large as Int.max.
                guard origin >= position, origin <= o.count, length <= o.count - origin else {
                    throw Damaged(description: "a deletion lies outside its text")
                }
                kept -= length
                position = origin + length
            }
            return String(unsafeUninitializedCapacity: kept) { out in
                var position = 0, written = 0
                for (origin, length) in deletions + [(o.count, 0)] {
                    let piece = UnsafeBufferPointer(rebasing: o[position..<origin])
                    _ = UnsafeMutableBufferPointer(rebasing: out[written..<(written + piece.count)]).initialize(from: piece)
                    written += piece.count
                    position = origin + length
                }
                return written
            }
        }
    }

    static func encode(_ reject: Reject, into w: inout ByteWriter) {
        w.string(reject.id)
        encode(reject.source, into: &w)
        w.string(reject.stage)
        w.string(reject.reason)
    }

    static func decodeReject(_ r: inout ByteReader) throws -> Reject {
        Reject(id: try r.string(), source: try decodeSource(&r), stage: try r.string(), reason: try r.string())
    }

    private static func encode(_ source: DocumentSource, into w: inout ByteWriter) {
        w.string(source.path)
        w.uint(source.line.map { $0 + 1 } ?? 0)
        w.uint(source.part.map { $0 + 1 } ?? 0)
    }

    private static func decodeSource(_ r: inout ByteReader) throws -> DocumentSource {
        let path = try r.string()
        let line = try r.uint(), part = try r.uint()
        return DocumentSource(path: path, line: line == 0 ? nil : line - 1, part: part == 0 ? nil : part - 1)
    }

    private static func encode(_ map: [String: AttributeValue], into w: inout ByteWriter) {
        w.uint(map.count)
        guard !map.isEmpty else { return }
        for key in map.keys.sorted() {
            w.string(key)
            encode(map[key]!, into: &w)
        }
    }

    /// Attributes are written exactly as a map is, in key order.
    private static func encode(_ attributes: Attributes, into w: inout ByteWriter) {
        w.uint(attributes.count)
        guard !attributes.isEmpty else { return }
        attributes.entries.withUnsafeBufferPointer { entries in
            for i in entries.indices {
                w.string(entries[i].key)
                encode(entries[i].value, into: &w)
            }
        }
    }

    private static func decodeAttributes(_ r: inout ByteReader) throws -> Attributes {
        let count = try r.count()
        var attributes = Attributes()
        for _ in 0..<count {
            let key = try r.string()
            attributes[key] = try decodeValue(&r)
        }
        return attributes
    }

    private static func decodeMap(_ r: inout ByteReader) throws -> [String: AttributeValue] {
        let count = try r.count()
        guard count > 0 else { return [:] }
        var map: [String: AttributeValue] = [:]
        map.reserveCapacity(count)
        for _ in 0..<count {
            let key = try r.string()
            map[key] = try decodeValue(&r)
        }
        return map
    }

    private enum Tag: UInt8 {
        case string, int, double, bool, null, span, list, map
    }

    private static func encode(_ value: AttributeValue, into w: inout ByteWriter) {
        switch value {
        case .string(let s): w.byte(Tag.string.rawValue); w.string(s)
        case .int(let i): w.byte(Tag.int.rawValue); w.int(i)
        case .double(let d): w.byte(Tag.double.rawValue); w.uint64(d.bitPattern)
        case .bool(let b): w.byte(Tag.bool.rawValue); w.byte(b ? 1 : 0)
        case .null: w.byte(Tag.null.rawValue)
        case .span(let ref):
            w.byte(Tag.span.rawValue)
            w.uint(ref.start)
            w.uint(ref.end)
            encode(ref.extra, into: &w)
        case .list(let items):
            w.byte(Tag.list.rawValue)
            w.uint(items.count)
            for item in items { encode(item, into: &w) }
        case .map(let fields):
            w.byte(Tag.map.rawValue)
            encode(fields, into: &w)
        }
    }

    private static func decodeValue(_ r: inout ByteReader, depth: Int = 0) throws -> AttributeValue {
        guard depth < 64, let tag = Tag(rawValue: try r.byte()) else { throw Damaged(description: "an unknown attribute tag") }
        switch tag {
        case .string: return .string(try r.string())
        case .int: return .int(try r.int())
        case .double: return .double(Double(bitPattern: try r.uint64()))
        case .bool: return .bool(try r.byte() != 0)
        case .null: return .null
        case .span:
            let start = try r.uint(), end = try r.uint()
            return .span(SpanRef(start: start, end: end, extra: try decodeAttributes(&r)))
        case .list:
            var items: [AttributeValue] = []
            for _ in 0..<(try r.count()) { items.append(try decodeValue(&r, depth: depth + 1)) }
            return .list(items)
        case .map:
            return .map(try decodeMap(&r))
        }
    }
}

/// Appends varints, strings and raw bytes to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8]

    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func uint64(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func uint(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }

    /// Zigzag, so small negative numbers stay short.
    mutating func int(_ value: Int) {
        let v = Int64(value)
        uint64(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { b in
            uint(b.count)
            bytes.append(contentsOf: b)
        }
    }

    mutating func raw<C: Collection>(_ b: C) where C.Element == UInt8 { bytes.append(contentsOf: b) }
}

/// Reads what ``ByteWriter`` wrote, checking every length against the bytes left.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw DocumentCodec.Damaged(description: "a record ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint64() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw DocumentCodec.Damaged(description: "a varint runs on") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func uint() throws -> Int {
        let v = try uint64()
        guard v <= UInt64(Int.max) else { throw DocumentCodec.Damaged(description: "a count out of range") }
        return Int(v)
    }

    /// A count of items still to read, which cannot be more than the bytes left.
    mutating func count() throws -> Int {
        let n = try uint()
        guard n <= bytes.count - offset else { throw DocumentCodec.Damaged(description: "a count larger than the record") }
        return n
    }

    mutating func int() throws -> Int {
        let v = try uint64()
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func string() throws -> String {
        let n = try count()
        defer { offset += n }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<(offset + n)]), as: UTF8.self) }
    }

    mutating func raw(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, n <= bytes.count - offset else { throw DocumentCodec.Damaged(description: "a record ends early") }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }
}
