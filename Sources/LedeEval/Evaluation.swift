import LedeCore


/// Runs a pipeline's per-document stages over a gold corpus and scores what they found.
///
/// Text that a cleaning stage removes is left out of the entity scores (its gold entities and any
/// prediction in it), and predicted offsets are mapped back to the text as written, so the scores judge the
/// pipeline exactly as users run it.
public struct Evaluation: Sendable {
    /// Entity scores.
    public var entities = EntityScores()
    /// Quotation scores.
    public var quotes = QuoteScores()
    /// The documents as the pipeline left them, for `--json`.
    public var documents: [EvaluatedDocument] = []

    /// One text through the per-document `stages` (collectors and stages that wait on other processes are
    /// skipped), as a run would annotate it.
    public static func annotate(id: String, text: String, stages: [StageInstance]) throws -> Document {
        var document = Document(id: id, text: text, source: DocumentSource(path: id + ".txt"))
        for stage in stages {
            switch stage {
            case .document(let process): try process(&document)
            case .waiting, .collecting: continue
            }
        }
        return document
    }

    /// Runs `stages` (per-document ones only; collectors are skipped) over `corpus`.
    public static func run(_ corpus: [GoldDocument], stages: [StageInstance]) throws -> Evaluation {
        var evaluation = Evaluation()
        for gold in corpus {
            let document = try Evaluation.annotate(id: gold.id, text: gold.text, stages: stages)
            let removed = document.removed.map { $0.start..<$0.end }
            func isRemoved(_ start: Int, _ end: Int) -> Bool { removed.contains { $0.overlaps(start..<max(end, start + 1)) } }

            let predicted = document.spans(Layer.entities).map { span in
                GoldEntity(start: document.toOriginal(span.start, after: true), end: document.toOriginal(span.end, after: false),
                           label: span.label ?? "", text: document.substring(span.range))
            }.filter { !isRemoved($0.start, $0.end) }
            let goldEntities = gold.entities.filter { !isRemoved($0.start, $0.end) }
            evaluation.entities.add(document: gold.id, gold: goldEntities, predicted: predicted)

            let quotes = document.spans(Layer.quotes).map { span -> PredictedQuote in
                let speaker = span.attributes["speaker"]?.spanRef
                let mention = speaker?.extra["mention"]?.spanRef
                return PredictedQuote(
                    text: document.substring(span.range), kind: span.attributes["kind"]?.string ?? "direct",
                    speaker: speaker.map { document.substring($0.start..<$0.end) },
                    mention: mention.map { document.substring($0.start..<$0.end) },
                    cue: span.attributes["cue"]?.string)
            }
            evaluation.quotes.add(document: gold.id, gold: gold.quotes, predicted: quotes)
            evaluation.documents.append(EvaluatedDocument(gold: gold, removed: removed, predicted: predicted, warnings: document.warnings))
        }
        return evaluation
    }
}

/// One gold document after the pipeline: the removed ranges and the entities it predicted.
public struct EvaluatedDocument: Sendable {
    /// The gold document.
    public var gold: GoldDocument
    /// UTF-8 ranges of the gold text that cleaning removed.
    public var removed: [Range<Int>]
    /// Predicted entities outside removed text, at UTF-8 offsets of the gold text.
    public var predicted: [GoldEntity]
    /// The document's warnings.
    public var warnings: [String]
}
