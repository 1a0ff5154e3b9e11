import Foundation
import LedeCore

/// The text and JSON forms of an ``Evaluation``.
public enum EvaluationReport {
    /// A table per label, the required-label and all-label averages, and the quotation figures.
    public static func render(_ result: Evaluation, corpus: [GoldDocument]) -> String {
        var lines: [String] = []
        let quoteCount = corpus.reduce(0) { $0 + $1.quotes.count }
        lines.append("gold: \(corpus.count) articles, \(corpus.reduce(0) { $0 + $1.entities.count }) entities, \(quoteCount) quotations")
        lines.append("")
        lines.append(row("label", "gold", "found", "P", "R", "F1"))
        // (By rank, then by name: two labels of one first letter, `LAW` and `LOC`, came in the dictionary's order, which
        // changes from run to run.)
        let labels = result.entities.labels.keys.sorted { (rank($0), $0) < (rank($1), $1) }
        func line(_ name: String, _ s: PRF) -> String {
            row(name, "\(s.truePositives + s.falseNegatives)", "\(s.truePositives + s.falsePositives)",
                pct(s.precision), pct(s.recall), pct(s.f1))
        }
        for label in labels { lines.append(line(label, result.entities.labels[label]!)) }
        lines.append(line("required six", result.entities.micro(EntityScores.required)))
        lines.append(line("all labels", result.entities.micro(labels)))
        let q = result.quotes
        lines.append("")
        lines.append("direct quotations: P \(pct(q.direct.precision))  R \(pct(q.direct.recall))  F1 \(pct(q.direct.f1))"
                     + "  (\(q.direct.truePositives) found of \(q.direct.truePositives + q.direct.falseNegatives), \(q.direct.falsePositives) spurious)")
        lines.append("speaker accuracy: \(pct(q.speakerAccuracy)) (\(q.speakersRight)/\(q.direct.truePositives))"
                     + "   pronoun kept: \(q.mentions)   cue: \(q.cues)")
        lines.append("partial fragments reported as partial: \(q.partial)"
                     + "   fragments or quoted names reported as speech: \(q.fragmentsAsSpeech)")
        return lines.joined(separator: "\n")
    }

    /// A table of counts per label, with their micro average.
    public static func table(_ scores: [String: PRF], labels: [String]) -> String {
        var lines = [row("label", "gold", "found", "P", "R", "F1")]
        func line(_ name: String, _ s: PRF) -> String {
            row(name, "\(s.truePositives + s.falseNegatives)", "\(s.truePositives + s.falsePositives)",
                pct(s.precision), pct(s.recall), pct(s.f1))
        }
        for label in labels { lines.append(line(label, scores[label] ?? PRF())) }
        lines.append(line("all", labels.reduce(PRF()) { $0 + (scores[$1] ?? PRF()) }))
        return lines.joined(separator: "\n")
    }

    static func rank(_ label: String) -> Int { EntityScores.required.firstIndex(of: label) ?? 100 + Int(label.utf8.first ?? 0) }

    static func pct(_ x: Double) -> String { String(format: "%.3f", x) }

    static func row(_ cells: String...) -> String {
        cells[0].padding(toLength: 14, withPad: " ", startingAt: 0)
            + cells.dropFirst().map { String(repeating: " ", count: max(0, 8 - $0.count)) + $0 }.joined()
    }
}

/// The JSON form: scores, and each document's text, gold and predicted entities and removed ranges, with
/// code-point offsets, for comparing other taggers on exactly the same terms.
public enum EvaluationJSON {
    /// Encodes the evaluation, and the GUM documents' evaluation under `gum` when given.
    public static func encode(_ result: Evaluation, gum: Evaluation? = nil) throws -> Data {
        var object = summary(result)
        if let gum { object["gum"] = ["documents": documents(gum), "label_map": GUM.labelMap, "labels": GUM.labels] }
        var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        data.append(0x0A)
        return data
    }

    static func documents(_ result: Evaluation) -> [[String: Any]] {
        var documents: [[String: Any]] = []
        for d in result.documents {
            let index = CodePointIndex(d.gold.text)
            func entity(_ e: GoldEntity) -> [String: Any] { ["start": index(e.start), "end": index(e.end), "label": e.label] }
            documents.append([
                "id": d.gold.id, "text": d.gold.text,
                "gold": d.gold.entities.map(entity), "lede": d.predicted.map(entity),
                "removed": d.removed.map { [index($0.lowerBound), index($0.upperBound)] },
            ])
        }
        return documents
    }

    static func summary(_ result: Evaluation) -> [String: Any] {
        let documents = documents(result)
        var labels: [String: Any] = [:]
        for (label, s) in result.entities.labels {
            labels[label] = ["tp": s.truePositives, "fp": s.falsePositives, "fn": s.falseNegatives]
        }
        let q = result.quotes
        return [
            "documents": documents, "entity_counts": labels, "required": EntityScores.required,
            "quotes": ["precision": q.direct.precision, "recall": q.direct.recall, "f1": q.direct.f1,
                       "speaker_accuracy": q.speakerAccuracy],
        ]
    }
}
