import Foundation
import LedeCore
import Yams

/// One article of the wild quotation set: its text, where it comes from, and its annotated quotations.
public struct WildArticle: Sendable {
    /// The file name without its extension.
    public var id: String
    /// The article's text (a paraphrase that keeps the original's quotation structure).
    public var text: String
    /// The outlet the structure comes from.
    public var outlet: String
    /// The outlet's country.
    public var country: String
    /// The original article's address.
    public var url: String
    /// Gold quotations, in the `.quotes.yaml` form of Tests/Gold.
    public var quotes: [GoldQuote]
}

/// Reads the wild quotation set: a folder of `NAME.txt` articles, each with a `NAME.quotes.yaml` holding
/// `outlet`, `country`, `url` and `quotes` (a list in Tests/Gold's format; see Tests/Wild/quotes/README.md).
public enum WildQuotes {
    struct Annotation: Decodable {
        var outlet: String
        var country: String
        var url: String
        var quotes: [GoldQuote]
    }

    /// Loads every article of a folder, sorted by name.
    public static func load(folder: String) throws -> [WildArticle] {
        try GoldCorpus.mapArticles(in: folder) { name, id, text in
            let file = folder + "/" + id + ".quotes.yaml"
            let annotation: Annotation
            do {
                annotation = try YAMLDecoder().decode(Annotation.self, from: String(contentsOfFile: file, encoding: .utf8))
            } catch {
                throw GoldError("\(file): \(error)")
            }
            for quote in annotation.quotes where !text.contains(quote.quote) {
                throw GoldError("\(file): the quote '\(quote.quote.prefix(60))' is not in \(name)")
            }
            return WildArticle(id: id, text: text, outlet: annotation.outlet, country: annotation.country,
                               url: annotation.url, quotes: annotation.quotes)
        }
    }

    /// Runs `stages` (per-document ones only) over the articles and scores their direct quotations.
    public static func run(_ articles: [WildArticle], stages: [StageInstance]) throws -> WildQuoteScores {
        var scores = WildQuoteScores()
        for article in articles {
            let document = try Evaluation.annotate(id: article.id, text: article.text, stages: stages)
            let predicted = document.spans(Layer.quotes).map { span -> WildQuoteScores.Predicted in
                let speaker = span.attributes["speaker"]?.spanRef
                var names: [String] = []
                if let speaker {
                    names.append(document.substring(speaker.start..<speaker.end))
                    if let canonical = speaker.extra["canonical"]?.string { names.append(canonical) }
                }
                return .init(text: document.substring(span.range), direct: span.attributes["kind"]?.string == "direct",
                             speakers: names)
            }
            scores.add(document: article.id, gold: article.quotes, predicted: predicted)
        }
        return scores
    }

    /// The scores as printed by `lede-eval --quotes-wild`.
    public static func render(_ scores: WildQuoteScores, articles: [WildArticle]) -> String {
        func line(_ name: String, _ s: PRF) -> String {
            name + "  P " + String(format: "%.3f", s.precision) + "  R " + String(format: "%.3f", s.recall)
                + "  F1 " + String(format: "%.3f", s.f1)
                + "  (\(s.truePositives) right, \(s.falsePositives) spurious, \(s.falseNegatives) missed)"
        }
        let countries = Set(articles.map(\.country)).sorted().joined(separator: ", ")
        let direct = articles.reduce(0) { $0 + $1.quotes.filter { $0.kind == "direct" }.count }
        return [
            "wild quotations: \(articles.count) articles (\(countries)), \(direct) direct quotations",
            line("quote          ", scores.quote),
            line("quote + speaker", scores.quoteSpeaker),
            "fragments or quoted names reported as speech: \(scores.fragmentsAsSpeech)",
        ].joined(separator: "\n")
    }
}

/// Direct quotations found (by text) and found with the right speaker, as precision, recall and F1.
public struct WildQuoteScores: Sendable {
    /// A reported quotation: its text, whether it is direct, and its speaker's text and canonical name.
    public struct Predicted: Sendable {
        /// The quotation's text.
        public var text: String
        /// Reported as `direct`.
        public var direct: Bool
        /// The speaker's text, then its canonical name when it has one; empty when there is no speaker.
        public var speakers: [String]
    }

    /// Direct quotations by text.
    public var quote = PRF()
    /// Direct quotations by text and speaker: a right text with a wrong speaker counts once as spurious and once
    /// as missed.
    public var quoteSpeaker = PRF()
    /// Gold `partial` or `none` quotations reported as direct.
    public var fragmentsAsSpeech = 0
    /// Mistakes, for `--errors`.
    public var errors: [String] = []

    /// Creates empty scores.
    public init() {}

    /// Adds one article's comparison.
    public mutating func add(document: String, gold: [GoldQuote], predicted: [Predicted]) {
        var goldByText: [String: GoldQuote] = [:]
        for g in gold { goldByText[QuoteScores.normalize(g.quote)] = g }
        var found: Set<String> = [], foundWithSpeaker: Set<String> = []
        for p in predicted where p.direct {
            let key = QuoteScores.normalize(p.text)
            guard let g = goldByText[key], g.kind == "direct" else {
                quote.falsePositives += 1
                quoteSpeaker.falsePositives += 1
                if goldByText[key] != nil { fragmentsAsSpeech += 1 }
                errors.append("\(document): \(goldByText[key] == nil ? "not a gold quote" : "a fragment reported as speech"): \"\(p.text.prefix(70))\"")
                continue
            }
            quote.truePositives += 1
            found.insert(key)
            let accepted = Set(g.speakers.map(QuoteScores.normalizeSpeaker))
            let right = g.speakers.isEmpty ? p.speakers.isEmpty : p.speakers.contains { accepted.contains(QuoteScores.normalizeSpeaker($0)) }
            if right {
                quoteSpeaker.truePositives += 1
                foundWithSpeaker.insert(key)
            } else {
                quoteSpeaker.falsePositives += 1
                errors.append("\(document): speaker \(p.speakers), gold \(g.speakers): \"\(p.text.prefix(50))\"")
            }
        }
        for g in gold where g.kind == "direct" {
            let key = QuoteScores.normalize(g.quote)
            if !found.contains(key) {
                quote.falseNegatives += 1
                errors.append("\(document): missed \"\(g.quote.prefix(70))\"")
            }
            if !foundWithSpeaker.contains(key) { quoteSpeaker.falseNegatives += 1 }
        }
    }
}
