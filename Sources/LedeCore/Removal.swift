/// A piece of text removed by a cleaning stage, kept so nothing is lost.
public struct Removal: Sendable, Hashable {
    /// UTF-8 offset into ``Document/originalText``.
    public var start: Int
    /// UTF-8 offset into ``Document/originalText``, one past the end.
    public var end: Int
    /// Why it was removed: `caption`, `credit`, `boilerplate`, `byline`, ...
    public var reason: String
    /// The id of the rule that fired.
    public var rule: String

    /// Creates a removal record.
    public init(start: Int, end: Int, reason: String, rule: String) {
        self.start = start
        self.end = end
        self.reason = reason
        self.rule = rule
    }
}

/// A request to remove a range of the current text, given to ``Document/remove(_:)``.
public struct Cut: Sendable, Hashable {
    /// UTF-8 range in the current text. Its text is what the removal record shows.
    public var range: Range<Int>
    /// Why (`caption`, `credit`, ...).
    public var reason: String
    /// Which rule fired.
    public var rule: String
    /// Also delete the whitespace after the range (or before it, at the end of the text), so removing a whole
    /// paragraph leaves no empty paragraph behind. The record still shows only `range`.
    public var absorbsWhitespace: Bool

    /// Creates a cut.
    public init(_ range: Range<Int>, reason: String, rule: String, absorbsWhitespace: Bool = false) {
        self.range = range
        self.reason = reason
        self.rule = rule
        self.absorbsWhitespace = absorbsWhitespace
    }
}
