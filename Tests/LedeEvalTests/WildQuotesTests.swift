import Foundation
import LedeEval
import LedeStages
import Testing

/// quote-extract on the quotation structures of Commonwealth news (Tests/Wild/quotes), through
/// Pipelines/news.yaml as users run it.
struct WildQuotesTests {
    static let folder = QualityTests.root.appendingPathComponent("Tests/Wild/quotes").path

    @Test func theWildSetHasThirtyArticlesFromTheOutletsOfSixRegions() throws {
        let articles = try WildQuotes.load(folder: Self.folder)
        #expect(articles.count >= 30)
        #expect(articles.allSatisfy { !$0.outlet.isEmpty && $0.url.hasPrefix("http") })
        for country in ["UK", "Ireland", "India", "Singapore", "Australia", "Canada", "Kenya", "South Africa"] {
            #expect(articles.contains { $0.country.contains(country) }, "no article from \(country)")
        }
    }

    @Test func quoteF1IsAtLeast095AndQuoteWithSpeakerF1AtLeast090() throws {
        let articles = try WildQuotes.load(folder: Self.folder)
        let scores = try WildQuotes.run(articles, stages: QualityTests.stages())
        print(WildQuotes.render(scores, articles: articles))
        // Measured 1.000 and 1.000 on 54 articles (before #28: 0.931 and 0.462; 45-54 scored blind at 0.947 and
        // 0.632).
        #expect(scores.quote.f1 >= 0.95, "\(scores.errors.joined(separator: "\n"))")
        #expect(scores.quoteSpeaker.f1 >= 0.90, "\(scores.errors.joined(separator: "\n"))")
        #expect(scores.fragmentsAsSpeech == 0)
    }

    /// Twelve articles from outlets quote-extract was not developed against (Tests/Wild/quotes-heldout): the
    /// floor is what they measure today (quote 1.000, quote + speaker 0.778; blind, 0.959 and 0.630).
    @Test func theHeldOutArticlesKeepTheirMeasuredScores() throws {
        let folder = QualityTests.root.appendingPathComponent("Tests/Wild/quotes-heldout").path
        let articles = try WildQuotes.load(folder: folder)
        let scores = try WildQuotes.run(articles, stages: QualityTests.stages())
        #expect(scores.quote.f1 >= 0.95, "\(scores.errors.joined(separator: "\n"))")
        #expect(scores.quoteSpeaker.f1 >= 0.75, "\(scores.errors.joined(separator: "\n"))")
    }
}
