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

    @Test("Speakers are counted by name; a pronoun quote-extract could not resolve is not a speaker")
    func unresolvedPronounsAreNotSpeakers() throws {
        let text = "\"Yes,\" Kim said. \"No,\" she said. \"Maybe,\" she added."
        var doc = Document(id: "q", text: text, source: .init(path: "q.txt"))
        func ref(_ s: String, occurrence: Int = 0) -> SpanRef {
            var from = text.startIndex
            for _ in 0..<occurrence { from = text.range(of: s, range: from..<text.endIndex)!.upperBound }
            let r = text.range(of: s, range: from..<text.endIndex)!
            return SpanRef(start: text.utf8.distance(from: text.startIndex, to: r.lowerBound), end: text.utf8.distance(from: text.startIndex, to: r.upperBound))
        }
        let kim = ref("Kim"), she1 = ref("she"), she2 = ref("she", occurrence: 1)
        var resolved = kim
        resolved.extra = ["mention": .span(she1)]
        var unresolved = she2
        unresolved.extra = ["mention": .span(she2)]
        var named = kim
        named.extra = ["mention": .null]
        try doc.setLayer(Layer.quotes, [
            Span(start: 1, end: 5, attributes: ["speaker": .span(named), "kind": "direct"]),
            Span(start: ref("No,").start, end: ref("No,").end, attributes: ["speaker": .span(resolved), "kind": "direct"]),
            Span(start: ref("Maybe,").start, end: ref("Maybe,").end, attributes: ["speaker": .span(unresolved), "kind": "direct"]),
        ])
        let f = SummarizeStatsStage.documentStats(doc, wordsPerMinute: 230)
        #expect(f.speakerNames == ["Kim": 2], "\(f.speakerNames)")
        #expect(f.speakers == 1 && f.quotes["direct"] == 3)
    }

    @Test("Characters and words counted eight bytes at a time agree with counting one at a time")
    func countsAgreeWithNaiveCounting() throws {
        let pieces = ["a", "Kim", " ", "  ", "\t", "\n", "\r\n", "é", "한국", "“", "”", "—", "15,000", "\u{1F600}", ".", "x-y"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let doc = Document(id: "r", text: text, source: .init(path: "r.txt"))
            let f = SummarizeStatsStage.documentStats(doc, wordsPerMinute: 230)
            let words = text.unicodeScalars.split { [" ", "\t", "\n", "\r"].contains($0) }.count
            #expect(f.characters == text.unicodeScalars.count, "\(text.debugDescription)")
            #expect(f.words == words, "\(text.debugDescription)")
        }
    }
}
