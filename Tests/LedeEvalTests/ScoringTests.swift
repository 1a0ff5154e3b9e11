@testable import LedeEval
import Testing

struct ScoringTests {
    @Test func markupIsTakenOutAndEntitiesKeepTheirRanges() throws {
        let d = try GoldCorpus.parse("Hi [[Kim Ha-neul|PERSON]] of [[Seoul|GPE]].", id: "t")
        #expect(d.text == "Hi Kim Ha-neul of Seoul.")
        #expect(d.entities.map { "\($0.start)-\($0.end) \($0.label)" } == ["3-14 PERSON", "18-23 GPE"])
    }

    @Test func brokenMarkupIsAnError() {
        #expect(throws: GoldError.self) { try GoldCorpus.parse("a [[b|PERSON c", id: "t") }
        #expect(throws: GoldError.self) { try GoldCorpus.parse("a [[b]] c", id: "t") }
    }

    @Test func entityScoresNeedTheExactRangeAndLabel() {
        let gold = [GoldEntity(start: 0, end: 5, label: "GPE", text: "Seoul"), GoldEntity(start: 10, end: 13, label: "ORG", text: "KTX")]
        let predicted = [GoldEntity(start: 0, end: 5, label: "GPE", text: "Seoul"), GoldEntity(start: 10, end: 13, label: "GPE", text: "KTX"),
                         GoldEntity(start: 20, end: 22, label: "GPE", text: "xx")]
        var scores = EntityScores()
        scores.add(document: "d", gold: gold, predicted: predicted)
        #expect(scores.labels["GPE"] == { var p = PRF(); p.truePositives = 1; p.falsePositives = 2; return p }())
        #expect(scores.labels["ORG"]?.falseNegatives == 1)
        #expect(scores.micro(["GPE", "ORG"]).f1 < 0.5)
        #expect(scores.errors.contains("d: wrong GPE (gold ORG) \"KTX\""))
    }

    @Test func aFragmentReportedAsSpeechIsAFalsePositive() throws {
        let yaml = """
        - quote: "new life"
          kind: partial
        - quote: "We will go."
          speaker: [Kim, Kim Ha-neul]
          mention: She
        """
        let gold = try GoldCorpus.quotes(yaml: yaml)
        var scores = QuoteScores()
        scores.add(document: "d", gold: gold, predicted: [
            PredictedQuote(text: "new life", kind: "direct", speaker: nil, mention: nil, cue: nil),
            PredictedQuote(text: "We  will go.", kind: "direct", speaker: "The Kim Ha-neul", mention: "she", cue: "said"),
        ])
        #expect(scores.direct.truePositives == 1 && scores.direct.falsePositives == 1 && scores.fragmentsAsSpeech == 1)
        #expect(scores.speakersRight == 1 && scores.mentions.right == 1)
        #expect(scores.partial.right == 0 && scores.partial.gold == 1)
    }

    @Test func aWrongOrMissingSpeakerCounts() throws {
        let gold = try GoldCorpus.quotes(yaml: "- quote: \"Go.\"\n  speaker: Lee\n- quote: \"Stay.\"\n  speaker: Lee\n")
        var scores = QuoteScores()
        scores.add(document: "d", gold: gold, predicted: [PredictedQuote(text: "Go.", kind: "direct", speaker: "Park", mention: nil, cue: nil)])
        #expect(scores.direct.falseNegatives == 1 && scores.speakersRight == 0 && scores.speakerAccuracy == 0)
    }
}
