import Yams

/// Decodes Codable values from YAML text with the same strict rules and located errors as pipeline files.
///
/// Stages use it for bundled resources (built-in rules) and tests use it for example options.
public enum OptionsLoader {
    /// Decodes `T` from YAML text; `file` names the text in error messages.
    ///
    /// - Throws: ``ConfigError`` with a location, or ``ConfigErrors`` when there are several unknown keys.
    public static func decode<T: Decodable>(_ type: T.Type, yaml: String, file: String) throws -> T {
        let root = try YAMLParser.parse(yaml.isEmpty ? "{}" : yaml, file: file)
        return try NodeDecoding(file: file, source: yaml).decode(T.self, from: root)
    }

    /// Decodes a stage's options from a YAML flow mapping (`{ sentences: false }`), as an example would.
    public static func options(for type: StageType, yaml: String) throws -> any StageOptions {
        let text = yaml.isEmpty ? "{}" : yaml
        let root = try YAMLParser.parse(text, file: "<\(type.descriptor.name) options>")
        return try type.decode(NodeDecodingBox(decoding: NodeDecoding(file: "<\(type.descriptor.name) options>", source: text), node: root))
    }
}
