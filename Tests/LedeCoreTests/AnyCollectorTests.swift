import LedeCore
import Testing

/// A collector's prepared value keeps its type from `prepare` to `consume`: the engine erases it once, in
/// ``AnyCollector``, and gives it back to the collector that made it.
struct AnyCollectorTests {
    /// Counts the words of each document in `prepare`, on any task, and adds them up in `consume`.
    final class WordCounter: Collector {
        var total = 0
        var consumedWithout = 0
        var prepare: (@Sendable (inout Document) throws -> Int)? {
            { document in document.text.split(separator: " ").count }
        }
        func consume(_ document: inout Document) throws { consumedWithout += 1 }
        func consume(_ document: inout Document, prepared words: Int) throws { total += words }
        func finish(_ summary: inout RunSummary) throws {}
    }

    /// A collector that does everything in `consume`, as most do.
    final class Plain: Collector {
        var seen = 0
        func consume(_ document: inout Document) throws { seen += 1 }
        func finish(_ summary: inout RunSummary) throws {}
    }

    @Test("what prepare made reaches the same collector's consume with its type")
    func typedRoundTrip() throws {
        let counter = WordCounter()
        let erased = AnyCollector(counter)
        var document = Document(id: "d", text: "three short words", source: .init(path: "x"))
        let prepare = try #require(erased.prepare)
        let prepared = try prepare(&document)
        try erased.consume(&document, prepared: prepared)
        #expect(counter.total == 3)
        // A document that no prepare step ran for (one reused from the journal) goes to consume(_:).
        try erased.consume(&document, prepared: nil)
        #expect(counter.consumedWithout == 1)
    }

    @Test("a collector without a prepare step has none, and consume(_:) sees every document")
    func voidPrepared() throws {
        let plain = Plain()
        let erased = AnyCollector(plain)
        #expect(erased.prepare == nil)
        var document = Document(id: "d", text: "x", source: .init(path: "x"))
        try erased.consume(&document, prepared: nil)
        #expect(plain.seen == 1)
    }
}
