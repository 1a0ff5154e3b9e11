import Foundation

/// A size in a pipeline file: a whole number of bytes (`1048576`) or one with a unit, `KB`, `MB` or `GB`
/// (powers of 1024, also written `KiB`, `MiB`, `GiB`): `16MB`, `512 KB`.
public struct ByteSize: Decodable, Sendable {
    /// The size in bytes.
    public var bytes: Int

    /// Parses `16MB`, `512 KB`, `1048576`; nil for anything else, zero or over 1 TiB.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 13, let number = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).uppercased()
        let shift: Int
        switch unit {
        case "", "B": shift = 0
        case "K", "KB", "KIB": shift = 10
        case "M", "MB", "MIB": shift = 20
        case "G", "GB", "GIB": shift = 30
        default: return nil
        }
        let bytes = number << shift
        guard bytes > 0, bytes <= 1 << 40, bytes >> shift == number else { return nil }
        return bytes
    }

    /// `16 MiB`, `512 KiB` or `1000 bytes`.
    public static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The reason a document over `limit` bytes is refused, naming the pipeline key that raises it.
    public static func tooLarge(_ size: Int, limit: Int, key: String) -> String {
        "the document is \(size) bytes, over the limit of \(limit) bytes (\(describe(limit))); " +
            "raise \(key) in the pipeline to accept it"
    }

    /// Decodes a number or a string with a unit.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let bytes = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription:
                "'\(text)' is not a size; write a whole number of bytes or one with KB, MB or GB (powers of 1024), such as 16MB")
        }
        self.bytes = bytes
    }
}
