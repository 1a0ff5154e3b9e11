import Foundation
import Yams

/// Parses pipeline and option YAML into nodes that keep their source locations, refusing tags, with
/// located errors: shared by the pipeline loader and the stages' option loader.
package enum YAMLParser {
    package static func parse(_ text: String, file: String) throws -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw located(error, file: file, text: text)
        }
        guard let node else { throw ConfigError("the pipeline file is empty", at: SourceLocation(file: file, line: 1, column: 1)) }
        try refuseTags(node, file: file, text: text)
        return node
    }

    /// Refuses every YAML tag written in the file, all of them at once, wherever it is: on a value, and also
    /// on a stage entry, a key or the file's own mapping, which no decoder visits
    /// (`- !!python/object/apply:os.system split`).
    /// Yams resolves an explicit `!!map` or `!!str` to the same tag as an untagged node, so the source is
    /// looked at too: a node whose text starts with `!` (after an anchor) was tagged by hand.
    static func refuseTags(_ root: Node, file: String, text: String) throws {
        let ctx = NodeDecoding(file: file, source: text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let plain: Set<String> = Set(["", "!", "?"]).union(
            ["str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "value"].map { "tag:yaml.org,2002:" + $0 })
        func writtenTag(_ node: Node) -> String? {
            guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return nil }
            let line = lines[mark.line - 1]
            var i = mark.column - 1
            guard i >= 0, i < line.count else { return nil }
            if line[i] == "&" {  // an anchor first: skip it and the spaces after it
                while i < line.count, line[i] != " ", line[i] != "\t" { i += 1 }
                while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
            }
            guard i < line.count, line[i] == "!" else { return nil }
            var end = i
            while end < line.count, line[end] != " ", line[end] != "\t" { end += 1 }
            return String(String.UnicodeScalarView(line[i..<end]))
        }
        var found = ConfigErrorCollector(file: file)
        var visited = Set<[Int]>()
        var stack = [root]
        while let node = stack.popLast() {
            // An alias gives the anchored node itself again: each place in the file is looked at once.
            if let mark = node.mark, !visited.insert([mark.line, mark.column]).inserted { continue }
            let tag: String
            switch node {
            case .scalar(let s): tag = s.tag.description
            case .mapping(let m):
                tag = m.tag.description
                for (key, value) in m { stack.append(value); stack.append(key) }
            case .sequence(let q):
                tag = q.tag.description
                stack.append(contentsOf: q.reversed())
            case .alias: continue
            }
            let written = writtenTag(node) ?? (plain.contains(tag) ? nil : tag.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!"))
            if let written {
                found.add(ctx.error(at: node, "YAML tags are not allowed (found '\(written)')",
                                    hint: "write the plain value without a tag; a pipeline names stages and values, never types"))
            }
        }
        try found.check()
    }

    static func located(_ error: YamlError, file: String, text: String) -> ConfigError {
        func make(_ problem: String, _ mark: Mark, context: String?) -> ConfigError {
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first ?? ""
            var hint: String?
            if line.contains("\t") { hint = "YAML does not allow tabs for indentation; use spaces" }
            // `{ word: ${W} }`: braces end a flow mapping, so a variable there must be quoted.
            else if line.contains("${") {
                hint = "inside [ ] or { }, quote a value that holds a variable: \"${NAME}\""
            }
            let message = context.map { "\(problem) (\($0))" } ?? problem
            return ConfigError("invalid YAML: " + message, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                               hint: hint, snippet: NodeDecoding.snippet(source: text, line: mark.line, column: mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return make(problem, mark, context: context?.text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let (line, column) = findDuplicate(key, after: context.mark.line, in: text) ?? (context.mark.line, context.mark.column)
            return ConfigError("duplicate key '\(key)'", at: SourceLocation(file: file, line: line, column: column),
                               hint: "each key may appear once in a mapping",
                               snippet: NodeDecoding.snippet(source: text, line: line, column: column))
        case .reader(let problem, let offset, _, _):
            return ConfigError("invalid YAML: \(problem)" + (offset.map { " at byte \($0)" } ?? ""),
                               at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return ConfigError("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Finds the second occurrence of `key:` at or after a mapping's start, to point at the duplicate itself.
    private static func findDuplicate(_ key: String, after firstLine: Int, in text: String) -> (Int, Int)? {
        var seen = 0
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where i + 1 >= firstLine {
            var search = line[...]
            while let r = search.range(of: key + ":") {
                let before = search[..<r.lowerBound].last
                if before == nil || before == " " || before == "{" || before == "," || before == "-" {
                    seen += 1
                    if seen == 2 {
                        return (i + 1, line.distance(from: line.startIndex, to: r.lowerBound) + 1)
                    }
                }
                search = search[r.upperBound...]
            }
        }
        return nil
    }
}
