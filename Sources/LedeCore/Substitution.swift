import Yams

/// `${NAME}` and `${NAME:-default}` in a pipeline file's values, from the environment.
///
/// Substitution happens in scalar values only, after the YAML is parsed: a variable's value is never
/// parsed as YAML, so it cannot add keys, list items or tags; it is then typed and validated like a value
/// written by hand (`repeats: ${N}` with `N=3` is the number 3, with `N=yes` an error). Keys are never
/// substituted. `$${` stands for a literal `${`; a `$` anywhere else is itself.
public struct Substitution: Sendable, Equatable {
    /// Where the `${` is.
    public var location: SourceLocation
    /// The variable's name.
    public var variable: String
    /// The text put in its place.
    public var value: String
    /// Whether the variable was unset or empty, so the default was used.
    public var defaulted: Bool

    /// Nodes visited before substitution gives up and leaves the tree as it is: what the decoder allows
    /// one stage's options, far above any pipeline, far below what an alias bomb expands to (the decoder
    /// then refuses it with its own message).
    static let budget = 200_000

    /// `root` with every variable in its scalar values replaced, and what was replaced, in file order.
    ///
    /// Every variable that cannot be replaced is added to `errors`, located at its `${`: one that is unset
    /// and has no default, or a `${` that does not form `${NAME}` or `${NAME:-default}`. Its value is left
    /// as written, and the value's place is returned in `failed`, so that the loader can leave out the
    /// errors that follow from it (`repeats: ${N}` is not also "not a whole number").
    package static func apply(to root: Node, environment: [String: String], ctx: NodeDecoding,
                              errors: inout ConfigErrorCollector) -> (node: Node, done: [Substitution], failed: Set<SourceLocation>) {
        // A file with no `${` is not walked at all: it loads exactly as it always did, as fast.
        guard ctx.source.contains("${") else { return (root, [], []) }
        var done: [Substitution] = []
        var failed: Set<SourceLocation> = []
        var found = ConfigErrorCollector(file: ctx.file)
        var budget = Self.budget
        struct OutOfBudget: Error {}
        // nil when the node has nothing to replace, so untouched parts (and what aliases share) stay as they are.
        func walk(_ node: Node) throws -> Node? {
            budget -= 1
            if budget < 0 { throw OutOfBudget() }
            switch node {
            case .scalar(let scalar):
                guard scalar.string.contains("${") else { return nil }
                var copy = scalar
                var made: [Substitution] = []
                do {
                    copy.string = try substitute(scalar, environment: environment, ctx: ctx, into: &made)
                } catch let error as ConfigError {
                    found.add(error)
                    if let at = ctx.location(of: node) { failed.insert(at) }
                    return nil
                }
                done += made
                return .scalar(copy)
            case .mapping(let mapping):
                var changed = false
                var pairs: [(Node, Node)] = []
                for (key, value) in mapping {
                    let new = try walk(value)
                    changed = changed || new != nil
                    pairs.append((key, new ?? value))
                }
                return changed ? .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)) : nil
            case .sequence(let sequence):
                var changed = false
                var items: [Node] = []
                for item in sequence {
                    let new = try walk(item)
                    changed = changed || new != nil
                    items.append(new ?? item)
                }
                return changed ? .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark)) : nil
            case .alias:
                return nil
            }
        }
        do {
            let result = try walk(root) ?? root
            for error in found.errors { errors.add(error) }
            return (result, done.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }, failed)
        } catch {
            return (root, [], [])  // out of budget
        }
    }

    /// One scalar's text with its variables replaced.
    static func substitute(_ scalar: Node.Scalar, environment: [String: String], ctx: NodeDecoding,
                           into done: inout [Substitution]) throws -> String {
        let text = Array(scalar.string.unicodeScalars)
        // The place of `text[offset]` in the file: exact for a value on one line (plain or quoted), else the value's start.
        func location(_ offset: Int) -> SourceLocation {
            let start = ctx.location(of: .scalar(scalar)) ?? SourceLocation(file: ctx.file, line: 1, column: 1)
            let oneLine = !text[..<offset].contains("\n")
            guard oneLine else { return start }
            switch scalar.style {
            case .plain, .any: return SourceLocation(file: start.file, line: start.line, column: start.column + offset)
            // Quoted without escapes: the text starts one column after the quote.
            case .singleQuoted where !scalar.string.contains("'"),
                 .doubleQuoted where !scalar.string.contains("\\") && !scalar.string.contains("\""):
                return SourceLocation(file: start.file, line: start.line, column: start.column + 1 + offset)
            default: return start
            }
        }
        func fail(_ offset: Int, _ message: String, hint: String?) -> ConfigError {
            let at = location(offset)
            return ConfigError(message, at: at, hint: hint, snippet: ctx.snippet(line: at.line, column: at.column))
        }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < text.count {
            if text[i] == "$", i + 2 < text.count, text[i + 1] == "$", text[i + 2] == "{" {
                out.append(contentsOf: "${".unicodeScalars)
                i += 3
                continue
            }
            guard text[i] == "$", i + 1 < text.count, text[i + 1] == "{" else {
                out.append(text[i])
                i += 1
                continue
            }
            guard let close = text[(i + 2)...].firstIndex(of: "}") else {
                throw fail(i, "'${' without a closing '}'", hint: "write ${NAME} or ${NAME:-default}; write $${ for a literal ${")
            }
            let inside = String(String.UnicodeScalarView(text[(i + 2)..<close]))
            let name: String, fallback: String?
            if let range = inside.range(of: ":-") {
                name = String(inside[..<range.lowerBound])
                fallback = String(inside[range.upperBound...])
            } else {
                name = inside
                fallback = nil
            }
            let isName = name.unicodeScalars.first.map { $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) } ?? false
                && name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
            guard isName else {
                throw fail(i, "'${\(inside)}' does not name an environment variable",
                           hint: "write ${NAME} or ${NAME:-default} (letters, digits and _), or $${ for a literal ${")
            }
            let value: String, defaulted: Bool
            if let set = environment[name], !(fallback != nil && set.isEmpty) {
                (value, defaulted) = (set, false)
            } else if let fallback {
                (value, defaulted) = (fallback, true)
            } else {
                throw fail(i, "the environment variable '\(name)' is not set",
                           hint: "set it (export \(name)=...), or give a default: ${\(name):-value}")
            }
            done.append(Substitution(location: location(i), variable: name, value: value, defaulted: defaulted))
            out.append(contentsOf: value.unicodeScalars)
            i = close + 1
        }
        return String(out)
    }
}
