/// Several independent mistakes in one pipeline file (and its command line), found in one pass so that
/// they can all be fixed at once. Like a single ``ConfigError``, they stop the run before any document is
/// read (exit 2).
///
/// A loader that finds one mistake throws that ``ConfigError`` itself; it throws `ConfigErrors` only when
/// it found two or more. ``ConfigErrors/all(in:)`` reads either as a list.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    /// The mistakes, in the order they are reported: by place in the file, then those that are not in
    /// it (a `--set` or `--input` given on the command line), in the order they were found.
    public var errors: [ConfigError]
    /// The pipeline file, as the user named it, for the count line.
    public var file: String?

    /// Creates the list of several mistakes, kept in the order given.
    public init(_ errors: [ConfigError], file: String? = nil) {
        self.errors = errors
        self.file = file
    }

    /// The mistakes an error stands for: one for a ``ConfigError``, each for `ConfigErrors`, nil for any
    /// other error.
    public static func all(in error: any Error) -> [ConfigError]? {
        if let error = error as? ConfigError { return [error] }
        if let errors = error as? ConfigErrors { return errors.errors }
        return nil
    }

    /// The count line printed after the errors: `3 errors in pipeline.yaml`, and `and on the command line`
    /// when some of them are in flags rather than in the file.
    public var summary: String {
        let fromFlags = errors.contains { $0.location == nil }
        let inFile = errors.contains { $0.location != nil }
        var line = "\(errors.count) error\(errors.count == 1 ? "" : "s")"
        if let file, inFile { line += " in \(file)" }
        if fromFlags { line += inFile ? " and on the command line" : " on the command line" }
        return line
    }

    /// Every error as ``ConfigError/description`` prints it, one after the other, then ``summary``.
    public var description: String {
        (errors.map(\.description) + [summary]).joined(separator: "\n")
    }
}

/// Gathers the independent mistakes a loader finds, so that it can go on after one and report them all.
///
/// Each mistake is ordered by its place in `file`; one that has no place there (a flag's, or one in
/// another file that a stage reads) is ordered by the `anchor` it was added with (the stage it belongs
/// to), and one with neither comes last. A mistake reached twice (the same text at the same place) is kept once.
package struct ConfigErrorCollector {
    /// The pipeline file whose positions order the mistakes.
    package let file: String
    private var found: [(error: ConfigError, order: (Int, Int)?)] = []

    package init(file: String) { self.file = file }

    /// Places whose mistakes follow from one already added (a value whose `${NAME}` could not be
    /// replaced): a mistake located at one of them is not added.
    package var suppressed: Set<SourceLocation> = []

    /// Whether no mistake has been added.
    package var isEmpty: Bool { found.isEmpty }
    /// How many mistakes have been added.
    package var count: Int { found.count }

    /// Adds one mistake; `anchor` places it when the mistake itself has no place in the file.
    package mutating func add(_ error: ConfigError, anchor: SourceLocation? = nil) {
        if let location = error.location, suppressed.contains(location) { return }
        guard !found.contains(where: { $0.error.description == error.description }) else { return }
        let place = error.location.flatMap { $0.file == file ? $0 : nil } ?? anchor.flatMap { $0.file == file ? $0 : nil }
        found.append((error, place.map { ($0.line, $0.column) }))
    }

    /// Adds the mistakes `error` stands for (a ``ConfigError`` or ``ConfigErrors``), and tells whether it was one.
    @discardableResult
    package mutating func add(contentsOf error: any Error, anchor: SourceLocation? = nil) -> Bool {
        guard let errors = ConfigErrors.all(in: error) else { return false }
        for error in errors { add(error, anchor: anchor) }
        return true
    }

    /// Runs `body`; a configuration mistake it throws is added (placed by `anchor` if it has no place of
    /// its own) and nil is returned. Any other error is thrown on.
    package mutating func attempt<T>(anchor: SourceLocation? = nil, _ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch {
            guard add(contentsOf: error, anchor: anchor) else { throw error }
            return nil
        }
    }

    /// The mistakes in the order they are reported.
    package var errors: [ConfigError] {
        let placed = found.enumerated().sorted { a, b in
            switch (a.element.order, b.element.order) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }
        return placed.map(\.element.error)
    }

    /// Throws what was found: nothing, the one ``ConfigError``, or ``ConfigErrors`` with all of them.
    package func check() throws {
        if !found.isEmpty { throw failure() }
    }

    /// What was found, to throw when loading cannot go on: the one ``ConfigError``, or ``ConfigErrors``
    /// with all of them. Meant for after adding at least one mistake.
    package func failure() -> any Error {
        let errors = self.errors
        guard !errors.isEmpty else { return ConfigError("internal error: a mistake was found but not recorded") }
        return errors.count == 1 ? errors[0] : ConfigErrors(errors, file: file)
    }
}

extension ConfigErrors {
    /// Runs `body` and throws on what it throws with `transform` applied to each configuration mistake
    /// in it (a ``ConfigError`` or each of ``ConfigErrors``); other errors pass through unchanged.
    package static func mapping<T>(_ transform: (ConfigError) -> ConfigError, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ConfigError {
            throw transform(error)
        } catch let errors as ConfigErrors {
            throw ConfigErrors(errors.errors.map(transform), file: errors.file)
        }
    }
}
