import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeIO
import Synchronization

/// The one-line progress display on a terminal: documents, MB/s and time left. It is not a log message:
/// it is shown in the text format only, and a log line written while it is shown first clears it.
enum ProgressLine {
    /// Whether the line is on the terminal; its lock also keeps it and log lines from interleaving.
    private static let shown = Mutex(false)

    /// Writes a log line to standard error, clearing the progress line first if it is shown (the next
    /// update draws it again, below the log line).
    static func writeLogLine(_ line: String) {
        shown.withLock { shown in
            _ = Descriptor.writeAll(2, Array(((shown ? "\r\u{1B}[K" : "") + line).utf8))
            shown = false
        }
    }

    static func show(_ p: RunProgress) {
        let mb = Double(p.bytes) / 1_000_000
        let rate = p.elapsed > 0 ? mb / p.elapsed : 0
        var line = String(format: "\r  %d docs  %.1f MB  %.1f MB/s", p.completed, mb, rate)
        if let total = p.totalBytes, total > 0, rate > 0 {
            let left = max(0, Double(total - p.bytes) / 1_000_000 / rate)
            line += String(format: "  %3.0f%%  ETA %.0fs", 100 * Double(p.bytes) / Double(total), left)
        }
        shown.withLock { shown in
            _ = Descriptor.writeAll(2, Array((line + "   ").utf8))
            shown = true
        }
    }

    static func clear() {
        shown.withLock { shown in
            _ = Descriptor.writeAll(2, Array("\r\u{1B}[K".utf8))
            shown = false
        }
    }
}

/// The summary printed at the end of `lede run`.
enum SummaryReport {
    static func render(_ s: RunSummary, pipeline: Pipeline, jobs: Int) -> String {
        let mb = Double(s.inputBytes) / 1_000_000
        var lines: [String] = []
        lines.append(String(format: "%@: %d documents, %d rejected, %d warnings from %d input file(s), %.2f MB in %.2f s (%.1f MB/s, %d jobs)",
                            pipeline.name, s.documents, s.rejected, s.warnings, pipeline.inputs.count, mb, s.seconds,
                            s.seconds > 0 ? mb / s.seconds : 0, jobs))
        if !pipeline.skippedInputs.isEmpty {
            lines.append("  \(pipeline.skippedInputs.count) entr\(pipeline.skippedInputs.count == 1 ? "y" : "ies") of the input folders skipped (listed with the reason under \"skipped\" in manifest.json):")
            for entry in pipeline.skippedInputs.prefix(5) { lines.append("    \(entry.path): \(entry.reason)") }
            if pipeline.skippedInputs.count > 5 { lines.append("    ... and \(pipeline.skippedInputs.count - 5) more") }
        }
        if s.duplicateIds > 0 {
            lines.append("  warning: \(s.duplicateIds) document(s) have an id an earlier document already had (the first: " +
                         s.firstDuplicateIds.map { "'\($0)'" }.joined(separator: ", ") + "); both are kept")
        }
        if s.reused > 0 {
            lines.append("  \(s.reused) input(s) taken from the journal in .lede/journal, unchanged since they were processed")
        }
        let width = s.stages.map(\.stage.count).max() ?? 0
        lines.append("  " + "stage".padding(toLength: width + 2, withPad: " ", startingAt: 0) + "    seen  passed  rejected")
        for c in s.stages {
            lines.append("  " + c.stage.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                         + String(format: "%8d%8d%10d", c.seen, c.passed, c.rejected))
        }
        for table in s.tables { lines.append(table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")) }
        if !s.firstRejects.isEmpty {
            lines.append("  rejected (see rejects.jsonl):")
            for r in s.firstRejects { lines.append("    \(r.id) [\(r.stage)]: \(r.reason)") }
        }
        lines.append("  wrote " + s.outputs.map { Paths.join(pipeline.output, $0) }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

/// `lede explain` and `lede stages NAME`.
enum PlanReport {
    static func render(_ p: Pipeline) -> String {
        var lines = ["pipeline \(p.name)  (\(p.file), format version \(Pipeline.formatVersion))"]
        // A field named on the command line says so.
        let textField = p.input.textField + (p.textFieldOverride == nil ? "" : " (from --text-field)")
        let idField = p.input.idField + (p.idFieldOverride == nil ? "" : " (from --id-field)")
        lines.append("input: \(p.input.format.rawValue), \(p.inputs.count) file(s)" +
                     (p.input.format == .jsonl ? ", text_field \(textField), id_field \(idField)" : "") +
                     // A page's charset comes from the page, and bytes it cannot decode are always replaced.
                     (p.input.format == .html ? ", html_field \(p.input.htmlField) (JSON Lines), id_field \(idField)"
                                              : ", on_invalid_utf8 \(p.input.onInvalidUTF8.rawValue)"))
        for file in p.inputs.prefix(20) { lines.append("  \(file.display)  (id \(file.idBase))") }
        if p.inputs.count > 20 { lines.append("  ... and \(p.inputs.count - 20) more") }
        lines.append("output: \(p.output)")
        lines.append("stages:")
        for (i, stage) in p.stages.enumerated() {
            let d = stage.type.descriptor
            var header = "  \(i + 1). \(d.name) v\(d.version) (\(stage.type.kind.rawValue))"
            if !d.requires.isEmpty { header += "  needs: " + d.requires.joined(separator: ", ") }
            if !d.produces.isEmpty { header += "  writes: " + d.produces.joined(separator: ", ") }
            lines.append(header)
            // The first stage of a name takes its --set options; the last --set of a key wins.
            let first = p.stages.firstIndex { $0.name == stage.name } == i
            let set = first ? Dictionary(p.settings.filter { $0.stage == stage.name }.map { ($0.key, $0) }, uniquingKeysWith: { $1 }) : [:]
            for (key, value) in optionValues(stage.options) {
                lines.append("       \(key): \(value)" + (set[key].map { "  (from \($0.description))" } ?? ""))
            }
        }
        if !p.substitutions.isEmpty {
            lines.append("environment (${NAME} in the file's values):")
            for s in p.substitutions {
                lines.append("  \(s.location)  ${\(s.variable)} = \(s.value)" + (s.defaulted ? "  (unset or empty: the default)" : ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ type: StageType) -> String {
        let d = type.descriptor
        var lines = ["\(d.name) v\(d.version): \(d.summary)", "runs: \(type.kind.rawValue)"]
        if !d.requires.isEmpty { lines.append("needs layers: " + d.requires.joined(separator: ", ")) }
        if !d.produces.isEmpty { lines.append("writes layers: " + d.produces.joined(separator: ", ")) }
        let defaults = Dictionary(optionValues(type.defaultOptions()), uniquingKeysWith: { a, _ in a })
        if !d.options.isEmpty {
            lines.append("")
            lines.append("options (default):")
            for option in d.options {
                lines.append("  \(option.key): \(defaults[option.key] ?? "none")")
                lines.append("      \(option.help)")
            }
        }
        if !type.examples.isEmpty {
            lines.append("")
            lines.append("examples:")
            for example in type.examples {
                lines.append("  \(example.title)")
                if !example.options.isEmpty { lines.append("    with: \(example.options)") }
                lines.append("    input:  " + show(example.input))
                for expected in example.expect { lines.append("    → \(expected)") }
                for layer in example.empty { lines.append("    → no \(layer)") }
                if let text = example.expectText { lines.append("    text:   " + show(text)) }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func show(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// Options as `key: JSON value` pairs, sorted by key, from their Codable encoding.
    static func optionValues(_ options: any StageOptions) -> [(String, String)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(options),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return object.keys.sorted().map { key in
            let value = object[key]!
            let rendered = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
            return (key, rendered)
        }
    }
}
