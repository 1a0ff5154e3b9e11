import Kernel
import SummarizeStatsStage
import Testing

struct SummarizeStatsStageTests {
    func document(_ i: Int) throws -> Document {
        var doc = Document(id: "\(i)", text: "Seoul said \(i) things. Busan agreed.", source: .init(path: i % 2 == 0 ? "a.txt" : "b.txt"))
        try doc.setLayer(Layer.sentences, [Span(start: 0, end: 20), Span(start: 21, end: doc.text.utf8.count)])
        try doc.setLayer(Layer.entities, [Span(start: 0, end: 5, label: "GPE", attributes: ["canonical": "Seoul"])])
        return doc
    }

    @Test("Two shards' statistics merged equal one run's statistics")
    func statsMerge() throws {
        var whole = BatchStats(), first = BatchStats(), second = BatchStats()
        for i in 0..<10 {
            let figures = SummarizeStatsStage.documentStats(try document(i), wordsPerMinute: 230)
            whole.add(figures, source: try document(i).source.path)
            if i < 4 { first.add(figures, source: try document(i).source.path) } else { second.add(figures, source: try document(i).source.path) }
        }
        var merged = first
        merged.merge(second)
        #expect(merged == whole)
        #expect(whole.documents == 10 && whole.entities["GPE"] == 10 && whole.sources == ["a.txt": 5, "b.txt": 5])
    }

    @Test func perDocumentFiguresCountWordsSentencesAndReadingTime() throws {
        let f = SummarizeStatsStage.documentStats(try document(3), wordsPerMinute: 230)
        #expect(f.words == 6 && f.sentences == 2 && f.sentenceWords == [4, 2] && f.entities == ["GPE": 1])
        #expect(f.readingMinutes == 0.1)
    }
}
