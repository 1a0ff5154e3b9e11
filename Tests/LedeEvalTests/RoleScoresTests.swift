import Foundation
import LedeEval
import LedeStages
import Testing

/// What clean-captions removes on pasted news pages, scored per role through Pipelines/news.yaml.
struct RoleScoresTests {
    static let root = QualityTests.root
    static let wild = root.appendingPathComponent("Tests/CleanCaptionsStageTests/Fixtures/wild").path

    static func wildScores() throws -> RoleScores {
        try RoleScores.run(RoleCorpus.load(folder: wild), stages: QualityTests.stages())
    }

    @Test func theWildSetHasFortyArticlesFromFifteenOutletsInFiveCountries() throws {
        let articles = try RoleCorpus.load(folder: Self.wild)
        #expect(articles.count >= 40)
        #expect(Set(articles.compactMap { $0.info["outlet"] }).count >= 15)
        #expect(Set(articles.compactMap { $0.info["country"] }).count >= 5)
        #expect(articles.allSatisfy { $0.info["url"]?.hasPrefix("http") == true })
    }

    @Test func noBodySentenceOfTheWildSetIsRemoved() throws {
        let scores = try Self.wildScores()
        #expect(scores.bodyLost == 0, "\(scores.keptTextLost.joined(separator: "\n"))")
        #expect(scores.keptTextLost.isEmpty, "\(scores.keptTextLost.joined(separator: "\n"))")
    }

    @Test func removedTextOnTheWildSetReachesRecallAndPrecision() throws {
        let scores = try Self.wildScores()
        #expect(scores.overall.recall >= 0.9, "\(scores.render(title: "wild"))")
        #expect(scores.overall.precision >= 0.98, "\(scores.render(title: "wild"))")
    }

    @Test(.enabled(if: QualityTests.gumAvailable, "../shared/eval/gum_wikinews.jsonl is not beside this clone"))
    func removedTextOnGUMWikinewsIsTheImageCaptions() throws {
        let documents = try RoleCorpus.loadGUM(QualityTests.gum, roles: Self.wild + "/gum-roles.tsv")
        let scores = try RoleScores.run(documents, stages: QualityTests.stages())
        #expect(documents.count == 43)
        #expect(scores.bodyLost == 0, "\(scores.keptTextLost.joined(separator: "\n"))")
        #expect(scores.overall.recall >= 0.9, "\(scores.render(title: "GUM"))")
        #expect(scores.overall.precision >= 0.98, "\(scores.render(title: "GUM"))")
    }

    /// Pages from outlets the role model was not tuned on (Tests/Wild/roles-heldout): the floor is what they
    /// measure today, so that a change that loses ground there shows; the issue's bar (0.9) is not met yet.
    @Test func theHeldOutPagesKeepTheirMeasuredScores() throws {
        let articles = try RoleCorpus.load(folder: Self.root.appendingPathComponent("Tests/Wild/roles-heldout").path)
        let scores = try RoleScores.run(articles, stages: QualityTests.stages())
        // Measured 0.587 and 0.989 (0.336 and 1.000 blind, before the two rounds of the role scorer).
        #expect(scores.overall.recall >= 0.58, "\(scores.render(title: "held out"))")
        #expect(scores.overall.precision >= 0.98, "\(scores.render(title: "held out"))")
        #expect(scores.bodyLost <= 1, "\(scores.keptTextLost.joined(separator: "\n"))")
    }
}
