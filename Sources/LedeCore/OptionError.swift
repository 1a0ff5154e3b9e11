/// A mistake in a stage's options found by the stage itself while validating them in `init`.
///
/// `path` names the option (`["rules", 2, "pattern"]`), so Lede can point at the exact line and
/// column in the pipeline file.
public struct OptionError: Error, Sendable, CustomStringConvertible {
    /// Path of keys and indexes from the stage's `with:` mapping down to the bad value.
    public var path: [OptionPathComponent]
    /// What is wrong.
    public var message: String
    /// A suggestion, if any.
    public var hint: String?

    /// Creates an option error.
    public init(_ message: String, at path: [OptionPathComponent] = [], hint: String? = nil) {
        self.message = message
        self.path = path
        self.hint = hint
    }

    /// The message.
    public var description: String { message }
}

/// One step in an option path: a mapping key or a sequence index.
public enum OptionPathComponent: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A mapping key.
    case key(String)
    /// A sequence index (0-based).
    case index(Int)

    /// A key from a literal.
    public init(stringLiteral value: String) { self = .key(value) }
    /// An index from a literal.
    public init(integerLiteral value: Int) { self = .index(value) }
}
