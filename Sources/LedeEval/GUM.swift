import Foundation
import LedeText

/// Real news text annotated by others: GUM's Wikinews documents (`../shared/eval/gum_wikinews.jsonl`).
///
/// GUM marks whole noun phrases with its own entity types, not OntoNotes spans, so exact matching would
/// judge the annotation scheme rather than the tagger. A found entity counts when it overlaps the minimal
/// span of a GUM mention of the same kind (GPE, LOC and FAC all count as GUM's LOC: its `place` holds
/// buildings, airports and stations as well as countries and rivers), and a GUM mention is found
/// when some entity of its kind overlaps it.
public enum GUM {
    /// The OntoNotes labels compared, and the GUM label each maps to.
    public static let labelMap = [
        "PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "DATE": "DATE", "EVENT": "EVENT",
    ]
    /// The GUM labels scored.
    public static let labels = ["PERSON", "ORG", "LOC", "DATE", "EVENT"]

    /// Loads the documents as gold documents whose entities carry GUM labels (UTF-8 offsets of the minimal span).
    public static func load(_ path: String) throws -> [GoldDocument] {
        guard let data = FileManager.default.contents(atPath: path) else { throw GoldError("\(path): cannot read") }
        var documents: [GoldDocument] = []
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, let text = object["text"] as? String,
                  let mentions = object["mentions"] as? [[String: Any]] else {
                throw GoldError("\(path): a line is not a GUM document")
            }
            let utf8 = TextLayout.utf8Offsets(text)
            var entities: [GoldEntity] = []
            for m in mentions {
                guard let label = m["ne_label"] as? String, labels.contains(label),
                      let s = m["min_start"] as? Int, let e = m["min_end"] as? Int, s < e, e < utf8.count else { continue }
                entities.append(GoldEntity(start: utf8[s], end: utf8[e], label: label, text: m["min_text"] as? String ?? ""))
            }
            documents.append(GoldDocument(id: id, text: text, entities: entities, quotes: []))
        }
        return documents
    }

    /// Overlap scores per GUM label for the entities an evaluation found.
    public static func score(_ evaluation: Evaluation) -> [String: PRF] {
        var scores: [String: PRF] = [:]
        for d in evaluation.documents {
            let gold = d.gold.entities.filter { g in !d.removed.contains { $0.overlaps(g.start..<g.end) } }
            let predicted = d.predicted.compactMap { p -> GoldEntity? in
                guard let mapped = labelMap[p.label] else { return nil }
                return GoldEntity(start: p.start, end: p.end, label: mapped, text: p.text)
            }
            for p in predicted {
                if gold.contains(where: { $0.label == p.label && $0.start < p.end && p.start < $0.end }) {
                    scores[p.label, default: PRF()].truePositives += 1
                } else {
                    scores[p.label, default: PRF()].falsePositives += 1
                }
            }
            for g in gold where !predicted.contains(where: { $0.label == g.label && $0.start < g.end && g.start < $0.end }) {
                scores[g.label, default: PRF()].falseNegatives += 1
            }
        }
        return scores
    }
}
