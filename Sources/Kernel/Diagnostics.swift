/// A position in a file that a person edits: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, the form editors and terminals make clickable.
    public var description: String { "\(file):\(line):\(column)" }
}

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

/// A failure to read inputs or write outputs. It stops the run cleanly, leaving no partial output (exit 3).
public struct IOFailure: Error, Sendable, CustomStringConvertible {
    /// The path involved.
    public var path: String
    /// What failed.
    public var message: String

    /// Creates an I/O failure.
    public init(_ message: String, path: String) {
        self.message = message
        self.path = path
    }

    /// `error: PATH: message`.
    public var description: String { "error: \(path): \(message)" }
}

/// A stage can no longer work at all (a plugin that keeps crashing, or exited while documents waited for
/// it). Unlike ``DocumentError`` it is not about one document: the run stops, outputs are discarded, and
/// the runner exits with 3.
public struct StageFailure: Error, Sendable, CustomStringConvertible {
    /// The stage.
    public var stage: String
    /// What went wrong, in words a user can act on.
    public var message: String

    /// Creates a stage failure.
    public init(stage: String, _ message: String) {
        self.stage = stage
        self.message = message
    }

    /// `error: stage 'x': message`.
    public var description: String { "error: stage '\(stage)': \(message)" }
}

/// A problem with one document. The Kernel quarantines the document in `rejects.jsonl` and the batch goes on.
///
/// Stages throw this for input they cannot handle; any other error a stage throws is treated the same way,
/// but this one lets the stage say why in words a user can act on.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    /// Why the document was rejected.
    public var reason: String

    /// Creates a document error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}

/// A mistake in a stage's options found by the stage itself while validating them in `init`.
///
/// `path` names the option (`["rules", 2, "pattern"]`), so the Kernel can point at the exact line and
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

/// Suggestions for misspelt names: the closest candidates by edit distance.
public enum Suggest {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(w, Array(candidate.lowercased().unicodeScalars))
            if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) { best = (candidate, d) }
        }
        guard let (name, d) = best else { return nil }
        let limit = max(2, min(w.count, name.count) / 3)
        return d <= limit ? name : nil
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
                current[j] = v
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
