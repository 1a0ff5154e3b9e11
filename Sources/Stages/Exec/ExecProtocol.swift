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

    /// The plugin's handshake: `{"protocol": "lede-exec", "version": 1, "name": ..., "layers": [...]}`.
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
        var layers: [String] = []
        if let value = fields["layers"] {
            guard case .array(let items) = value else { throw Violation("\"layers\" must be a list of layer names") }
            for item in items {
                guard case .string(let layer) = item, !layer.isEmpty else { throw Violation("\"layers\" must be a list of layer names") }
                guard layer != Layer.removed, layer != Layer.stats else {
                    throw Violation("'\(layer)' is not a layer a plugin can write")
                }
                layers.append(layer)
            }
        }
        // Offsets without the text they cover are trusted only from a plugin that says it counts code
        // points: one that counts bytes or UTF-16 units would otherwise put every span in the wrong place.
        var codePoints = false
        switch fields["offsets"] {
        case nil: break
        case .string("codepoints")?: codePoints = true
        default: throw Violation("\"offsets\" in the handshake can only be \"codepoints\"")
        }
        return Handshake(name: name, layers: layers, codePointOffsets: codePoints)
    }

    /// One answer: the layers it adds (spans with code-point offsets), warnings, or an error.
    struct Answer {
        var id: String
        var layers: [(String, [JSONValue])]
        var warnings: [String]
        var error: String?
    }

    /// One answer line; `parsed` is the line as JSON when the reader has parsed it already.
    static func answer(_ line: [UInt8], parsed: JSONValue? = nil) throws -> Answer {
        guard case .object(let fields) = try parsed ?? parse(line) else { throw Violation("an answer must be a JSON object, found \(preview(line))") }
        guard case .string(let id)? = fields["id"] else { throw Violation("an answer must carry the document's \"id\"") }
        var answer = Answer(id: id, layers: [], warnings: [], error: nil)
        for key in fields.keys.sorted() where !["id", "layers", "warnings", "error"].contains(key) {
            throw Violation("an answer has the keys id, layers, warnings and error; found '\(key)'")
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
        if let layers = fields["layers"] {
            guard case .object(let byName) = layers else { throw Violation("\"layers\" must map layer names to lists of spans") }
            for name in byName.keys.sorted() {
                guard case .array(let spans) = byName[name]! else { throw Violation("layer '\(name)' must be a list of spans") }
                answer.layers.append((name, spans))
            }
        }
        return answer
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
