import Kernel
import QuoteExtractStage
import Testing

struct QuoteExtractStageTests {
    func quotes(_ text: String) throws -> Document {
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try doc.setLayer(Layer.paragraphs, TextLayout.paragraphs(of: text, mode: .auto).map { Span(start: $0.lowerBound, end: $0.upperBound) })
        try QuoteExtractStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&doc)
        return doc
    }

    @Test func anUnbalancedQuoteIsAWarningAndLaterParagraphsStillWork() throws {
        let doc = try quotes("He said, \"this never closes.\n\nLee Ji-ho said, \"The rest is fine.\"")
        #expect(doc.warnings.count == 1)
        let q = doc.spans(Layer.quotes)
        #expect(q.count == 1)
        #expect(doc.substring(q[0].range) == "The rest is fine.")
    }

    @Test func apostrophesAreNotQuotes() throws {
        let doc = try quotes("The workers' union and the individuals’ rights were discussed.")
        #expect(doc.spans(Layer.quotes).isEmpty && doc.warnings.isEmpty)
    }

    @Test func thePronounMentionIsKeptBesideTheResolvedSpeaker() throws {
        let doc = try quotes("Kim Ha-neul said, \"We begin today.\"\n\nShe added, \"It will take time.\"")
        let second = try #require(doc.spans(Layer.quotes).last?.attributes["speaker"]?.spanRef)
        #expect(doc.substring(second.start..<second.end) == "Kim Ha-neul")
        let mention = try #require(second.extra["mention"]?.spanRef)
        #expect(doc.substring(mention.start..<mention.end) == "She")
    }
}
