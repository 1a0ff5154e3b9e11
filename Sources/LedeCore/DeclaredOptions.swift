/// One option of a stage, declared once: its YAML key, its default and its help.
///
/// ```swift
/// public struct Options: DeclaredOptions {
///     @StageOption(help: "find sentences as well as paragraphs")
///     public var sentences = true
///     @StageOption("not_cues", help: "built-in cue verbs to forget")
///     public var notCues: [String] = []
///     public init() {}
/// }
/// ```
///
/// The key is the property's name in snake_case (`replaceAbbreviations` → `replace_abbreviations`) unless
/// one is given. The initial value is the default. ``DeclaredOptions`` decodes, encodes and lists the help of
/// every `@StageOption` of a type from these declarations, in the order they are written.
@propertyWrapper
public struct StageOption<Value: Codable & Sendable>: Sendable {
    /// The option's value.
    public var wrappedValue: Value
    /// The declaration: key, help and where it is written. `$name` gives it, to name the option in an error
    /// (``DeclaredOptions/invalid(_:_:at:hint:)``).
    public let projectedValue: OptionDeclaration
    /// Reads a value written in a form of its own; nil decodes `Value` as any Codable value.
    let decode: (@Sendable (any Decoder) throws -> Value)?

    /// Declares an option with its default (the initial value), its key and one line of help.
    ///
    /// - Parameters:
    ///   - key: the YAML key; by default the property's name in snake_case.
    ///   - help: what the option does, shown by `lede stages NAME`. Read only when help is shown.
    ///   - decode: reads a value written in a form of its own (`5` or `"5s"`), from a decoder of the key's
    ///     value; called whenever the key is present, also with a null value. By default `Value` is decoded,
    ///     and a missing or null key keeps the default.
    ///   - fileID: where the declaration is written; leave the default. It tells the options of a type apart.
    ///   - line: where the declaration is written; leave the default.
    ///   - column: where the declaration is written; leave the default.
    public init(wrappedValue: Value, _ key: String? = nil, help: @autoclosure @escaping @Sendable () -> String,
                decode: (@Sendable (any Decoder) throws -> Value)? = nil,
                fileID: String = #fileID, line: Int = #line, column: Int = #column) {
        let declaration = OptionDeclaration(key: key, help: help, site: OptionSite(file: fileID, line: line, column: column))
        // While ``DeclaredOptions`` builds a decoded value, the decoded options replace their defaults here, so
        // that the body of `init()` runs on the decoded values.
        if let decoded = OptionDecodingScope.values?.values[declaration.site] as? Value {
            self.wrappedValue = decoded
        } else {
            self.wrappedValue = wrappedValue
        }
        self.projectedValue = declaration
        self.decode = decode
    }

    /// Declares an optional option whose default is nil.
    public init(_ key: String? = nil, help: @autoclosure @escaping @Sendable () -> String,
                decode: (@Sendable (any Decoder) throws -> Value)? = nil,
                fileID: String = #fileID, line: Int = #line, column: Int = #column) where Value: ExpressibleByNilLiteral {
        self.init(wrappedValue: nil, key, help: help(), decode: decode, fileID: fileID, line: line, column: column)
    }
}

extension StageOption: Equatable where Value: Equatable {
    /// Options are equal when their values are.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

/// What a `@StageOption` declares besides its value: the key, if given, the help, and the place it is written.
public struct OptionDeclaration: Sendable {
    /// The key given in the declaration; nil when it is the property's name in snake_case.
    public let key: String?
    /// The help text, made when it is asked for.
    let help: @Sendable () -> String
    /// Where the declaration is written.
    let site: OptionSite
}

/// The place of a declaration in the source, which tells the options of one type apart.
struct OptionSite: Hashable, Sendable {
    let file: String
    let line: Int
    let column: Int
}

/// Decoded values by declaration, while a ``DeclaredOptions`` value is built from them.
struct OptionDecodingScope: Sendable {
    @TaskLocal static var values: OptionDecodingScope?
    let values: [OptionSite: any Sendable]
}

/// What ``DeclaredOptions`` sees of a `@StageOption` whatever its value's type.
protocol AnyOption: Sendable {
    var projectedValue: OptionDeclaration { get }
    /// The value of `key`, when the options being decoded have it (not null, unless `decode` reads null).
    func decodeValue(from container: KeyedDecodingContainer<OptionKey>, key: OptionKey) throws -> (any Sendable)?
    /// Writes the value under `key`; nil as null.
    func encodeValue(to container: inout KeyedEncodingContainer<OptionKey>, key: OptionKey) throws
}

extension StageOption: AnyOption {
    func decodeValue(from container: KeyedDecodingContainer<OptionKey>, key: OptionKey) throws -> (any Sendable)? {
        if let decode {
            guard container.contains(key) else { return nil }
            return try decode(container.superDecoder(forKey: key))
        }
        return try container.decodeIfPresent(Value.self, forKey: key)
    }

    func encodeValue(to container: inout KeyedEncodingContainer<OptionKey>, key: OptionKey) throws {
        try container.encode(wrappedValue, forKey: key)
    }
}

/// A YAML key of an option.
struct OptionKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Stage options declared with `@StageOption`: decoding, encoding and help come from the declarations.
///
/// Decoding is strict, as for every stage: a key no option declares is an error with the nearest key
/// suggested, a bad value is an error at its line and column, and a missing or null key keeps its default.
/// The body of `init()` runs after the defaults, or the decoded values, are in place, so it can set a
/// default that depends on other options (`if jsonl == nil, csv == nil { jsonl = "news.jsonl" }`). Give
/// plain defaults as initial values, never by assignment in `init()`: that would replace the pipeline's value. Encoding writes every option, nil as null, which is what the
/// manifest and `lede explain` show. ``help`` lists the options in declaration order for the descriptor.
///
/// Checks that need no ``StageContext`` go in ``validate()``, which runs before the stage is created;
/// name the option with its `$` declaration: `throw invalid($top, "must not be negative")`.
public protocol DeclaredOptions: StageOptions {
    /// Checks the decoded values. Throw ``OptionError`` (``invalid(_:_:at:hint:)``) at the option's key.
    ///
    /// Lede runs it when it creates the stage (``StageType``), before `init(options:context:)`. A stage made
    /// directly with `init(options:context:)` skips it: keep checks that such callers rely on in `init`.
    func validate() throws
    /// Keys that are no longer options, each with a type whose decoding of the key's value throws the
    /// error that says what to write instead. By default none.
    static var retiredKeys: [(key: String, explanation: any Decodable.Type)] { get }
}

extension DeclaredOptions {
    /// No checks beyond the values' types.
    public func validate() throws {}

    /// No retired keys.
    public static var retiredKeys: [(key: String, explanation: any Decodable.Type)] { [] }

    /// Decodes every declared option by its key; a missing key keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OptionKey.self)
        var values: [OptionSite: any Sendable] = [:]
        for (key, option) in Self.declaredOptions(of: Self.defaults()) {
            if let value = try option.decodeValue(from: container, key: OptionKey(key)) {
                values[option.projectedValue.site] = value
            }
        }
        for (key, explanation) in Self.retiredKeys {
            _ = try Self.decodeRetired(explanation, from: container, key: OptionKey(key))
        }
        self = OptionDecodingScope.$values.withValue(OptionDecodingScope(values: values)) { Self() }
    }

    /// Encodes every declared option under its key, nil as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OptionKey.self)
        for (key, option) in Self.declaredOptions(of: self) {
            try option.encodeValue(to: &container, key: OptionKey(key))
        }
    }

    /// One line of help per option, in declaration order, for ``StageDescriptor/options``.
    public static var help: [OptionHelp] {
        declaredOptions(of: defaults()).map { OptionHelp($0.key, $0.option.projectedValue.help()) }
    }

    /// The YAML keys of the options, in declaration order.
    public static var keys: [String] {
        declaredOptions(of: defaults()).map(\.key)
    }

    /// The YAML key of an option, from its `$` declaration (`Options.key(options.$top)`).
    public static func key(_ option: OptionDeclaration) -> String {
        if let key = option.key { return key }
        return declaredOptions(of: defaults()).first { $0.option.projectedValue.site == option.site }?.key ?? "?"
    }

    /// An ``OptionError`` at an option's key, or below it at `path` (`[.index(2)]`), saying `KEY PROBLEM`
    /// (`top must not be negative`).
    public func invalid(_ option: OptionDeclaration, _ problem: String, at path: [OptionPathComponent] = [],
                        hint: String? = nil) -> OptionError {
        let key = Self.key(option)
        return OptionError("\(key) \(problem)", at: [.key(key)] + path, hint: hint)
    }

    /// The defaults, built outside any decoding.
    static func defaults() -> Self {
        OptionDecodingScope.$values.withValue(nil) { Self() }
    }

    /// The `@StageOption`s of `value` with their keys, in declaration order.
    static func declaredOptions(of value: Self) -> [(key: String, option: any AnyOption)] {
        var found: [(key: String, option: any AnyOption)] = []
        for child in Mirror(reflecting: value).children {
            guard let option = child.value as? any AnyOption else { continue }
            let name = child.label.map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 } ?? "?"
            let key = option.projectedValue.key ?? snakeCase(name)
            assert(!found.contains { $0.key == key }, "two options of \(Self.self) have the key '\(key)'")
            found.append((key, option))
        }
        return found
    }

    private static func decodeRetired<T: Decodable>(_ type: T.Type, from container: KeyedDecodingContainer<OptionKey>,
                                                    key: OptionKey) throws -> T? {
        try container.decodeIfPresent(type, forKey: key)
    }
}

/// `replaceAbbreviations` → `replace_abbreviations`; a run of capitals is one word (`maxURLLength` →
/// `max_url_length`).
func snakeCase(_ name: String) -> String {
    let characters = Array(name)
    var out = ""
    for (i, c) in characters.enumerated() {
        if c.isUppercase, i > 0 {
            let previous = characters[i - 1]
            let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
            if !previous.isUppercase || nextIsLower { out.append("_") }
        }
        out.append(contentsOf: c.lowercased())
    }
    return out
}
