import Foundation
import LedeCore
import LedeIO

/// The `lede-exec` protocol, version 1 (docs/exec-protocol.md): parsing what a plugin writes.
enum ExecProtocol {
    /// The protocol version this Lede speaks.
    static let version = 1

    /// Something a plugin wrote that the protocol does not allow.
    struct Violation: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// `5s`, `250ms`: how durations are shown.
    static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Int((value * 1000).rounded()))ms" : (value == value.rounded() ? "\(Int(value))s" : "\(value)s")
    }

    /// Parses `5s`, `500ms`, `2m` or a plain number of seconds.
    static func duration(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        for (suffix, scale) in [("ms", 0.001), ("s", 1.0), ("m", 60.0)] where t.hasSuffix(suffix) {
            guard let value = Double(t.dropLast(suffix.count)), value > 0, value.isFinite else { return nil }
            return value * scale
        }
        guard let value = Double(t), value > 0, value.isFinite else { return nil }
        return value
    }

    /// The plugin's handshake: `{"protocol": "lede-exec", "version": 1, "name": ..., "layers": [...]}`, with
    /// `"replaces": [...]` naming the layers whose spans the plugin may replace as a whole.
    static func handshake(_ line: [UInt8]) throws -> Handshake {
        guard case .object(let fields) = try parse(line) else { throw Violation("the handshake must be a JSON object") }
        guard fields["protocol"] == .string("lede-exec") else {
            throw Violation("the handshake must say \"protocol\": \"lede-exec\"; it said \(preview(line))")
        }
        let spoken: String
        switch fields["version"] {
        case .int(let v)?: spoken = "\(v)"
        case .number(let v)?: spoken = "\(v)"
        default: throw Violation("the handshake has no \"version\"")
        }
        guard fields["version"] == .int(version) else {
            throw Violation("the plugin speaks protocol version \(spoken), this lede speaks version \(version)")
        }
        guard case .string(let name)? = fields["name"], !name.isEmpty else {
            throw Violation("the handshake has no \"name\" (a string naming the plugin)")
        }
        let layers = try layerNames(fields["layers"], key: "layers")
        let replaces = try layerNames(fields["replaces"], key: "replaces")
        guard Set(replaces).count == replaces.count else { throw Violation("\"replaces\" names a layer twice") }
        // Offsets without the text they cover are trusted only from a plugin that says it counts code
        // points: one that counts bytes or UTF-16 units would otherwise put every span in the wrong place.
        var codePoints = false
        switch fields["offsets"] {
        case nil: break
        case .string("codepoints")?: codePoints = true
        default: throw Violation("\"offsets\" in the handshake can only be \"codepoints\"")
        }
        return Handshake(name: name, layers: layers, codePointOffsets: codePoints, replaces: replaces.sorted())
    }

    /// A handshake's list of layer names (`layers`, `replaces`); none when the key is absent.
    private static func layerNames(_ value: JSONValue?, key: String) throws -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw Violation("\"\(key)\" must be a list of layer names") }
        return try items.map { item in
            guard case .string(let layer) = item, !layer.isEmpty else { throw Violation("\"\(key)\" must be a list of layer names") }
            guard writable(layer) else { throw Violation("'\(layer)' is not a layer a plugin can write") }
            return layer
        }
    }

    /// Whether a plugin may add to or replace a layer: any but the pseudo-layers `removed` and `stats`,
    /// which stand for text removal and per-document figures rather than spans a plugin owns.
    static func writable(_ layer: String) -> Bool { layer != Layer.removed && layer != Layer.stats }

    /// One answer: the layers it adds to and those it replaces (spans with code-point offsets), warnings,
    /// or an error.
    struct Answer {
        var id: String
        /// `"layers"`: spans added to each layer.
        var layers: [(String, [JSONValue])]
        /// `"replace"`: each layer's complete new list of spans.
        var replace: [(String, [JSONValue])] = []
        var warnings: [String]
        var error: String?
    }

    /// One answer line; `parsed` is the line as JSON when the reader has parsed it already.
    static func answer(_ line: [UInt8], parsed: JSONValue? = nil) throws -> Answer {
        guard case .object(let fields) = try parsed ?? parse(line) else { throw Violation("an answer must be a JSON object, found \(preview(line))") }
        guard case .string(let id)? = fields["id"] else { throw Violation("an answer must carry the document's \"id\"") }
        var answer = Answer(id: id, layers: [], warnings: [], error: nil)
        for key in fields.keys.sorted() where !["id", "layers", "replace", "warnings", "error"].contains(key) {
            throw Violation("an answer has the keys id, layers, replace, warnings and error; found '\(key)'")
        }
        if let error = fields["error"] {
            guard case .string(let message) = error else { throw Violation("\"error\" must be a string") }
            answer.error = message
        }
        if let warnings = fields["warnings"] {
            guard case .array(let items) = warnings else { throw Violation("\"warnings\" must be a list of strings") }
            for item in items {
                guard case .string(let w) = item else { throw Violation("\"warnings\" must be a list of strings") }
                answer.warnings.append(w)
            }
        }
        answer.layers = try spansByLayer(fields["layers"], key: "layers")
        answer.replace = try spansByLayer(fields["replace"], key: "replace")
        for (name, _) in answer.replace where answer.layers.contains(where: { $0.0 == name }) {
            throw Violation("layer '\(name)' is both in \"layers\" and in \"replace\"; to add to a layer you replace, put the added spans in its new list")
        }
        return answer
    }

    /// An answer's `{layer: [span, ...]}`, in the order of the layer names.
    private static func spansByLayer(_ value: JSONValue?, key: String) throws -> [(String, [JSONValue])] {
        guard let value else { return [] }
        guard case .object(let byName) = value else { throw Violation("\"\(key)\" must map layer names to lists of spans") }
        return try byName.keys.sorted().map { name in
            guard case .array(let spans) = byName[name]! else { throw Violation("layer '\(name)' in \"\(key)\" must be a list of spans") }
            return (name, spans)
        }
    }

    static func parse(_ line: [UInt8]) throws -> JSONValue {
        guard let text = String(validating: line, as: UTF8.self) else { throw Violation("not UTF-8: \(preview(line))") }
        do {
            return try JSONReader.parse(text)
        } catch {
            throw Violation("not JSON: \(preview(line)) (\(error))")
        }
    }

    /// The first 120 characters of a line, for messages.
    static func preview(_ line: [UInt8]) -> String {
        let text = String(decoding: line.prefix(360), as: UTF8.self)
        let cut = text.count > 120 ? String(text.prefix(120)) + "…" : text
        return cut.debugDescription
    }
}
