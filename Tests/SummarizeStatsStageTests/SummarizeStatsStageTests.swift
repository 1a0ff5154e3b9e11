import Foundation
import LedeCore
import LedeIO
import LedeRecord
import LedeText
@testable import SummarizeStatsStage
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

    /// A document whose first sentence has 4 + 3i words, with entities whose names repeat across documents.
    func varied(_ i: Int) throws -> Document {
        let first = "Seoul said " + String(repeating: "very many more ", count: i) + "\(i) things."
        let text = first + " Kim agreed in Busan."
        var doc = Document(id: "v\(i)", text: text, source: .init(path: "v\(i % 3).txt"))
        let second = first.utf8.count + 1
        try doc.setLayer(Layer.sentences, [Span(start: 0, end: first.utf8.count), Span(start: second, end: text.utf8.count)])
        try doc.setLayer(Layer.entities, [
            Span(start: 0, end: 5, label: "GPE", attributes: ["canonical": "Seoul"]),
            Span(start: second, end: second + 3, label: i % 2 == 0 ? "PERSON" : "ORG"),
            Span(start: text.utf8.count - 6, end: text.utf8.count - 1, label: "GPE"),
        ])
        return doc
    }

    @Test("Shards with different sentence lengths merge, and stats.json reads back as the statistics it came from")
    func statsMergeAndReadBack() throws {
        var whole = BatchStats(), first = BatchStats(), second = BatchStats()
        for i in 0..<30 {
            let doc = try varied(i)
            let figures = SummarizeStatsStage.documentStats(doc, wordsPerMinute: 230)
            whole.add(figures, source: doc.source.path)
            // The first shard has only short sentences, the second the long ones: arrays of different lengths.
            if i < 10 { first.add(figures, source: doc.source.path) } else { second.add(figures, source: doc.source.path) }
        }
        var merged = first
        merged.merge(second)
        #expect(merged == whole)
        var reversed = second
        reversed.merge(first)
        #expect(reversed == whole)
        #expect(whole.sentenceLengths.count == (4 + 3 * 29) / 5 + 1 && whole.sentenceLengths.reduce(0, +) == 60)
        #expect(whole.entityNames[.init(label: "GPE", name: "Seoul")] == 30 && whole.entityNames[.init(label: "PERSON", name: "Kim")] == 15)
        var json = JSONWriter()
        json.attribute(whole.report(top: 3), text: "", index: CodePointIndex(""))
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.bytes))
        #expect(BatchStats(report: value) == whole)
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

    @Test("Characters, words and each sentence's words, counted 8 and 16 bytes at a time, agree with counting one at a time")
    func countsAgreeWithNaiveCounting() throws {
        let pieces = ["a", "Kim", " ", "  ", "\t", "\n", "\r\n", "é", "한국", "“", "”", "—", "15,000", "\u{1F600}", ".", "x-y",
                      "\u{1}", "\u{B}", "longer words here", "\u{0}"]
        var rng = SplitMix64(seed: 7)
        func naiveWords(_ bytes: ArraySlice<UInt8>) -> Int {
            bytes.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        }
        for round in 0..<600 {
            var text = "", cuts = [0]
            // Every 50th text is long enough (thousands of bytes) for the counts kept in vector lanes to be
            // emptied before they overflow.
            for _ in 0..<Int.random(in: 0...(round % 50 == 0 ? 3000 : 60), using: &rng) {
                text += pieces.randomElement(using: &rng)!
                cuts.append(text.utf8.count)
            }
            // Sentences between piece boundaries: in order and apart (some starting or ending inside a word),
            // and in every tenth round overlapping, which is counted the slow way.
            var sentences: [Span] = []
            var at = 0
            while at < cuts.count - 1 {
                let start = Int.random(in: at..<cuts.count, using: &rng), end = Int.random(in: start..<cuts.count, using: &rng)
                sentences.append(Span(start: cuts[start], end: cuts[end]))
                at = round % 10 == 0 ? start + 1 : end + 1
            }
            var doc = Document(id: "r", text: text, source: .init(path: "r.txt"))
            try doc.setLayer(Layer.sentences, sentences)
            let f = SummarizeStatsStage.documentStats(doc, wordsPerMinute: 230)
            let bytes = Array(text.utf8)
            #expect(f.characters == text.unicodeScalars.count, "\(text.debugDescription)")
            #expect(f.words == naiveWords(bytes[...]), "\(text.debugDescription)")
            #expect(f.sentenceWords == sentences.map { naiveWords(bytes[$0.start..<$0.end]) }, "\(text.debugDescription) \(sentences)")
        }
    }

    @Test("Warnings are counted by kind, merge across shards, and read back from stats.json")
    func warningsByKind() throws {
        var whole = BatchStats(), first = BatchStats(), second = BatchStats()
        for i in 0..<6 {
            var doc = try document(i)
            if i % 2 == 0 { doc.warn("the text looks like HTML or XML (9 tags in its first 4 KB)", kind: DocumentWarning.looksLikeHTML) }
            if i % 3 == 0 { doc.warn("the text does not look like English", kind: DocumentWarning.notEnglish) }
            // A message alone gets the kind Lede knows it by, or `other`.
            if i == 5 { doc.warn("removed a UTF-8 byte-order mark"); doc.warn("my-plugin: odd input") }
            let figures = SummarizeStatsStage.documentStats(doc, wordsPerMinute: 230)
            whole.add(figures, source: doc.source.path)
            if i < 3 { first.add(figures, source: doc.source.path) } else { second.add(figures, source: doc.source.path) }
        }
        #expect(whole.warnings == ["looks-like-html": 3, "not-english": 2, "byte-order-mark": 1, "other": 1])
        var merged = first
        merged.merge(second)
        #expect(merged == whole)
        var json = JSONWriter()
        json.attribute(whole.report(top: 3), text: "", index: CodePointIndex(""))
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(text.contains(#""warnings":{"byte-order-mark":1,"looks-like-html":3,"not-english":2,"other":1}"#), "\(text)")
        #expect(BatchStats(report: try JSONDecoder().decode(JSONValue.self, from: Data(json.bytes))) == whole)
        #expect(whole.table(top: 3).contains("warnings  byte-order-mark 1   looks-like-html 3   not-english 2   other 1"))
    }

    @Test("Sources are counted in bounded memory: past sourcesKept, the top ones by name and the rest added up, exactly")
    func sourcesAreBounded() throws {
        let figures = SummarizeStatsStage.documentStats(try document(0), wordsPerMinute: 230)
        let kept = BatchStats.sourcesKept
        var stats = BatchStats()
        var expected: [String: Int] = [:]
        // Sources in input order, each source's documents together: one file of many lines now and then,
        // among many files of one document, as a folder of text and JSON Lines gives them.
        for i in 0..<(5 * kept) {
            let source = String(format: "f%06d.txt", i)
            let documents = i % 97 == 0 ? 1 + i % 5 : 1
            for _ in 0..<documents { stats.add(figures, source: source) }
            expected[source] = documents
        }
        #expect(stats.sources.count <= 2 * kept, "\(stats.sources.count) sources held")
        var json = JSONWriter()
        json.attribute(stats.report(top: 3), text: "", index: CodePointIndex(""))
        guard case .object(let root) = try JSONDecoder().decode(JSONValue.self, from: Data(json.bytes)),
              case .object(let sources)? = root["sources"], case .object(let other)? = root["sources_other"] else {
            Issue.record("no sources or sources_other in \(String(decoding: json.bytes, as: UTF8.self).prefix(300))")
            return
        }
        let top = BatchStats.ranked(expected).prefix(kept)
        #expect(sources.count == kept)
        #expect(Set(sources.keys) == Set(top.map(\.0)))
        for (name, n) in top { #expect(sources[name] == .int(n)) }
        #expect(other["sources"] == .int(4 * kept))
        #expect(other["documents"] == .int(expected.values.reduce(0, +) - top.reduce(0) { $0 + $1.1 }))
        // Read back, the report is the statistics cut as it shows them.
        var cut = stats
        cut.keepTopSources()
        #expect(BatchStats(report: try JSONDecoder().decode(JSONValue.self, from: Data(json.bytes))) == cut)
        // Below the bound nothing is cut, and stats.json has no sources_other.
        var few = BatchStats()
        for i in 0..<kept { few.add(figures, source: "s\(i)") }
        json = JSONWriter()
        json.attribute(few.report(top: 3), text: "", index: CodePointIndex(""))
        #expect(few.sources.count == kept && !String(decoding: json.bytes, as: UTF8.self).contains("sources_other"))
    }

    @Test("A warning given as its message alone gets the kind of Lede's message it is; setting the messages keeps given kinds")
    func warningKindsFromMessages() throws {
        let known = [
            ("removed a UTF-8 byte-order mark", DocumentWarning.byteOrderMark),
            ("decoded from UTF-16LE (byte-order mark)", DocumentWarning.utf16),
            ("replaced 2 invalid UTF-16 sequence(s) with U+FFFD", DocumentWarning.invalidEncoding),
            ("replaced 3 invalid UTF-8 sequence(s) with U+FFFD, the first at byte 9", DocumentWarning.invalidEncoding),
            ("replaced 4 byte(s) not valid in windows-1252 with U+FFFD", DocumentWarning.invalidEncoding),
            ("replaced invalid UTF-8 with U+FFFD", DocumentWarning.invalidEncoding),
            ("contains NUL characters", DocumentWarning.nulCharacters),
            ("elements nested deeper than 256 levels were flattened", DocumentWarning.deepHTML),
            ("plugin 'tagger' printed: loading", DocumentWarning.pluginOutput),
            ("tagger: odd input", DocumentWarning.other),
        ]
        for (message, kind) in known { #expect(DocumentWarning.kind(of: message) == kind, "\(message)") }
        var doc = try document(1)
        doc.warn("tagger: odd input", kind: DocumentWarning.pluginWarning)
        doc.warnings = doc.warnings + ["contains NUL characters"]
        #expect(doc.detailedWarnings.map(\.kind) == [DocumentWarning.pluginWarning, DocumentWarning.nulCharacters])
        #expect(doc.warnings == ["tagger: odd input", "contains NUL characters"])
    }

    @Test("A report's top list is the ranking's first names, and a large map's keys are written in the order of <")
    func topListsAndKeyOrder() {
        var generator = SplitMix64(seed: 7)
        var counts: [String: Int] = [:]
        let names = ["Seoul", "Séoul", "Seoul\u{301}", "Zürich", "zebra", "Ørsted", "東京", "Ab", "ab", "A", "a b"]
        for i in 0..<600 {
            let name = i < names.count ? names[i] : "name \(generator.next() % 400)"
            counts[name] = Int(generator.next() % 6)
        }
        for k in [1, 3, 10, 100] {
            #expect(BatchStats.top(k, of: counts).map(\.0) == BatchStats.ranked(counts).prefix(k).map(\.0))
            #expect(BatchStats.top(k, of: counts).map(\.1) == BatchStats.ranked(counts).prefix(k).map(\.1))
        }
        var keys: [String] = []
        JSONWriter.forEachSortedKey(counts) { key, _ in keys.append(key) }
        #expect(keys == counts.keys.sorted())
    }
}
