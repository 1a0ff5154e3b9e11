/// Any JSON value, keeping true and false apart from numbers. Decodes and encodes with Codable.
public enum JSONValue: Codable, Sendable, Hashable {
    /// null.
    case null
    /// true or false.
    case bool(Bool)
    /// A whole number that fits in an Int (kept exact: ids can be large).
    case int(Int)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// A list.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: JSONKey.self) {
            var fields: [String: JSONValue] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(fields)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let b = try? value.decode(Bool.self) { self = .bool(b) }
        else if let i = try? value.decode(Int.self) { self = .int(i) }
        else if let n = try? value.decode(Double.self) { self = .number(n) }
        else { self = .string(try value.decode(String.self)) }
    }

    /// Encodes the value; whole numbers are written without a fraction.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let fields):
            var c = encoder.container(keyedBy: JSONKey.self)
            for (key, value) in fields { try c.encode(value, forKey: JSONKey(stringValue: key)) }
        case .null, .bool, .int, .number, .string:
            var c = encoder.singleValueContainer()
            switch self {
            case .bool(let b): try c.encode(b)
            case .int(let i): try c.encode(i)
            case .number(let n): try c.encode(n)
            case .string(let s): try c.encode(s)
            default: try c.encodeNil() // .null
            }
        }
    }
}

struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
