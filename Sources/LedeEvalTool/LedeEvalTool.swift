import ArgumentParser
import Foundation
import LedeEngine
import LedePipeline
import LedeEval
import LedeStages

/// `lede-eval`: entity and quotation scores of a pipeline on an annotated news corpus.
@main
struct LedeEvalTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede-eval",
        abstract: "Score entity-tag and quote-extract against an annotated corpus.",
        discussion: """
        Runs the per-document stages of PIPELINE over every article of GOLD (Tests/Gold by default, see its
        README for the markup) and prints precision, recall and F1 per entity label (exact start, end and
        label), then direct-quotation F1 and speaker accuracy. Text removed by clean-captions is left out.

          swift run -c release lede-eval
          swift run -c release lede-eval --errors
          swift run -c release lede-eval --gum ../shared/eval/gum_wikinews.jsonl
          swift run -c release lede-eval --quotes-wild Tests/Wild/quotes --errors
          bash Benchmarks/peers/entities.sh                   # the same beside spaCy's en_core_web_sm
        """)

    @Option(help: "The pipeline whose per-document stages run.")
    var pipeline = "Pipelines/news.yaml"

    @Option(help: "The folder of annotated articles.")
    var gold = "Tests/Gold"

    @Option(help: "Also score entities on GUM's Wikinews documents (../shared/eval/gum_wikinews.jsonl), by overlap.")
    var gum: String?

    @Option(help: "Score only quote-extract on a wild quotation set (Tests/Wild/quotes): quote and quote+speaker P/R/F1.")
    var quotesWild: String?

    @Option(help: "Score clean-captions per role on the annotated articles of this folder (NAME.txt, NAME.roles), and on GUM with --gum and the folder's gum-roles.tsv.")
    var roles: String?

    @Flag(help: "List every mistake.")
    var errors = false

    @Flag(help: "Print the scores, texts, gold and predicted entities as JSON (code-point offsets).")
    var json = false

    func run() throws {
        if let quotesWild {
            let articles = try WildQuotes.load(folder: quotesWild)
            let plan = try Pipeline.load(file: pipeline, registry: LedeStages.registry, resolveInputs: false)
            let scores = try WildQuotes.run(articles, stages: plan.stages.map(\.instance))
            print(WildQuotes.render(scores, articles: articles))
            if errors { scores.errors.forEach { print("  " + $0) } }
            return
        }
        let corpus = try GoldCorpus.load(folder: gold)
        let plan = try Pipeline.load(file: pipeline, registry: LedeStages.registry, resolveInputs: false)
        let stages = plan.stages.map(\.instance)
        if let roles {
            print(try RoleReport.render(folder: roles, gum: gum, stages: stages, errors: errors))
            return
        }
        let result = try Evaluation.run(corpus, stages: stages)
        let gumResult = try gum.map { try Evaluation.run(try GUM.load($0), stages: stages) }
        if json {
            FileHandle.standardOutput.write(try EvaluationJSON.encode(result, gum: gumResult))
            return
        }
        print(EvaluationReport.render(result, corpus: corpus))
        if let gumResult {
            let documents = gumResult.documents
            let scores = GUM.score(gumResult)
            print("\nGUM Wikinews (\(documents.count) documents), entities overlapping a GUM mention of the same kind:")
            print(EvaluationReport.table(scores, labels: GUM.labels))
        }
        if errors {
            print("\nentity mistakes:")
            result.entities.errors.forEach { print("  " + $0) }
            print("\nquotation mistakes:")
            result.quotes.errors.forEach { print("  " + $0) }
        }
    }
}
