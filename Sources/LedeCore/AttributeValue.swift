import LedeIO

/// The value of a span attribute. JSON-shaped, plus `span`, which stays attached to the text.
public enum AttributeValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A Boolean.
    case bool(Bool)
    /// JSON null.
    case null
    /// A range of the text, written as `{"start", "end", "text", ...extra}` with code-point offsets.
    case span(SpanRef)
    /// A list.
    case list([AttributeValue])
    /// A mapping, written with its keys sorted.
    case map([String: AttributeValue])

    /// The string, if this is one.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer, if this is one.
    public var int: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The text reference, if this is one.
    public var spanRef: SpanRef? {
        if case .span(let s) = self { return s }
        return nil
    }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// A string from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A Boolean from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue {
    /// As a span attribute.
    public var attribute: AttributeValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .number(let n): return .double(n)
        case .string(let s): return .string(s)
        case .array(let items): return .list(items.map(\.attribute))
        case .object(let fields): return .map(fields.mapValues(\.attribute))
        }
    }
}
