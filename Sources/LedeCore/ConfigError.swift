/// A mistake in a pipeline file or on the command line. It stops the run before any document is read (exit 2).
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// Where the mistake is, when it is in a file.
    public var location: SourceLocation?
    /// The stage the mistake belongs to, if any.
    public var stage: String?
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it ("did you mean 'sentences'?"), if there is something to suggest.
    public var hint: String?
    /// The offending source line, shown under the message with a caret.
    public var snippet: String?

    /// Creates a configuration error.
    public init(_ message: String, at location: SourceLocation? = nil, stage: String? = nil,
                hint: String? = nil, snippet: String? = nil) {
        self.message = message
        self.location = location
        self.stage = stage
        self.hint = hint
        self.snippet = snippet
    }

    /// The whole message as printed: `FILE:LINE:COLUMN: error: [stage] message`, the snippet, then the hint.
    public var description: String {
        var out = ""
        if let location { out += "\(location): " }
        out += "error: "
        if let stage { out += "stage '\(stage)': " }
        out += message
        if let snippet, !snippet.isEmpty { out += "\n" + snippet }
        if let hint { out += "\n  hint: " + hint }
        return out
    }
}
