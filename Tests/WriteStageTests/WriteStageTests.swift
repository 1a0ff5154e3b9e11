import Foundation
import GRDB
import LedeCore
import LedeEngine
import LedePipeline
import LedeRecord
import LedeIO
import Testing
@testable import WriteStage

struct WriteStageTests {
    @Test func jsonLinesRecordsLoadAndCarryEveryField() throws {
        let dir = NSTemporaryDirectory() + "lede-write-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = OutputFolder(path: dir)
        try out.prepare()
        let stage = try WriteStage(options: .init(), context: StageContext(baseDirectory: "."))
        let collector = try stage.makeCollector(CollectorContext(output: out, pipelineName: "t"))
        for i in 0..<3 {
            var doc = Document(id: "d\(i)", text: "Line \(i) with \"quotes\" and é\n", source: .init(path: "in.txt"))
            try doc.setLayer(Layer.paragraphs, [Span(start: 0, end: 10)])
            try collector.consume(&doc)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/news.jsonl"))
        var summary = RunSummary()
        try collector.finish(&summary)
        let lines = try String(contentsOfFile: dir + "/news.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        for (i, line) in lines.enumerated() {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(record["lede"] as? Int == 1 && record["id"] as? String == "d\(i)")
            for key in ["source", "text", "paragraphs", "sentences", "entities", "quotes", "removed", "layers", "stats", "meta", "warnings"] {
                #expect(record[key] != nil, "missing \(key)")
            }
        }
    }

    @Test func outputPathsOutsideTheOutputFolderAreOptionErrors() throws {
        for yaml in ["{ jsonl: ../x.jsonl }", "{ sqlite: /tmp/x.sqlite }", "{ html: '' }"] {
            let options = try OptionsLoader.decode(WriteStage.Options.self, yaml: yaml, file: "t")
            #expect(throws: OptionError.self) { try WriteStage(options: options, context: StageContext(baseDirectory: ".")) }
        }
    }
}

struct CSVWriterTests {
    /// A small RFC 4180 reader, independent of the writer, to read the files back.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r", chars.first == "\n" { chars = chars.dropFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        return rows
    }

    @Test func trickyTextRoundTripsAndFormulasAreNeutralised() throws {
        let dir = NSTemporaryDirectory() + "lede-csv-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = OutputFolder(path: dir)
        try out.prepare()
        let options = try OptionsLoader.decode(WriteStage.Options.self, yaml: "{ csv: tables/ }", file: "t")
        #expect(options.jsonl == nil)
        let collector = try WriteStage(options: options, context: StageContext(baseDirectory: ".")).makeCollector(CollectorContext(output: out, pipelineName: "t"))
        let text = "=HYPERLINK(\"http://x\") said \"Kim, Ji-ho\"\nline two é"
        var doc = Document(id: "-d1", text: text, source: .init(path: "in.txt"))
        let kim = text.utf8.distance(from: text.startIndex, to: text.range(of: "Kim, Ji-ho")!.lowerBound)
        try doc.setLayer(Layer.entities, [Span(start: kim, end: kim + 10, label: "PERSON", attributes: ["canonical": .string("@Kim")])])
        try collector.consume(&doc)
        var summary = RunSummary()
        try collector.finish(&summary)
        #expect(summary.outputs == ["tables/documents.csv", "tables/entities.csv", "tables/quotes.csv", "tables/layers.csv"])
        let entities = Self.parse(try String(contentsOfFile: dir + "/tables/entities.csv", encoding: .utf8))
        #expect(entities[0] == ["document", "start", "end", "label", "text", "canonical"])
        #expect(entities[1] == ["'-d1", "29", "39", "PERSON", "Kim, Ji-ho", "'@Kim"])
        let documents = Self.parse(try String(contentsOfFile: dir + "/tables/documents.csv", encoding: .utf8))
        #expect(documents[1][0] == "'-d1" && documents[1][2] == String(text.unicodeScalars.count))
    }

    @Test func cellsAreQuotedOnlyWhenNeeded() {
        #expect(CSVTable.encode("plain") == "plain")
        #expect(CSVTable.encode("a,b") == "\"a,b\"")
        #expect(CSVTable.encode("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.encode("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.encode("=1+1") == "\"'=1+1\"")
        #expect(CSVTable.encode("+82 2") == "\"'+82 2\"")
        #expect(CSVTable.encode("@cmd") == "\"'@cmd\"")
        #expect(CSVTable.encode("\tx") == "\"'\tx\"")
    }
}

struct SQLiteWriterTests {
    func write(_ documents: [Document], into dir: String) throws -> RunSummary {
        let out = OutputFolder(path: dir)
        try out.prepare()
        let options = try OptionsLoader.decode(WriteStage.Options.self, yaml: "{ sqlite: db/news.sqlite }", file: "t")
        let collector = try WriteStage(options: options, context: StageContext(baseDirectory: ".")).makeCollector(CollectorContext(output: out, pipelineName: "t"))
        for var document in documents { try collector.consume(&document) }
        var summary = RunSummary()
        summary.sections[Layer.stats] = .map(["totals": .map(["documents": .int(documents.count)])])
        try collector.finish(&summary)
        return summary
    }

    func document(_ id: String, _ text: String) throws -> Document {
        var doc = Document(id: id, text: text, source: .init(path: "in.txt"))
        let name = text.utf8.distance(from: text.startIndex, to: text.range(of: "Lee")!.lowerBound)
        try doc.setLayer(Layer.entities, [Span(start: name, end: name + 3, label: "PERSON", attributes: ["canonical": .string("Lee")])])
        try doc.setLayer(Layer.quotes, [Span(start: 1, end: 6, attributes: [
            "speaker": .span(SpanRef(start: name, end: name + 3, extra: ["mention": .null])), "cue": .string("said"), "kind": .string("direct"),
        ])])
        return doc
    }

    @Test func theDatabaseAnswersTheDocumentedQueries() throws {
        let dir = NSTemporaryDirectory() + "lede-sqlite-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let docs = try (0..<300).map { try document("d\($0)", "\"Hello,\" said Lee; 🙂 '); DROP TABLE documents; --") }
        let summary = try write(docs, into: dir)
        #expect(summary.outputs == ["db/news.sqlite"])
        let queue = try DatabaseQueue(path: dir + "/db/news.sqlite")
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 300)
            #expect(try String.fetchAll(db, sql: "SELECT id FROM documents ORDER BY seq LIMIT 3") == ["d0", "d1", "d2"])
            let top = try Row.fetchOne(db, sql: "SELECT speaker, count(*) AS n FROM quotes GROUP BY speaker ORDER BY n DESC LIMIT 1")
            #expect(top?["speaker"] == "Lee" && top?["n"] == 300)
            #expect(try Int.fetchOne(db, sql: "SELECT start FROM entities LIMIT 1") == 14)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
            #expect(indexes.contains("entities_label") && indexes.contains("entities_canonical") && indexes.contains("quotes_speaker"))
            #expect(try String.fetchOne(db, sql: "SELECT value FROM stats WHERE key = 'totals'") == #"{"documents":300}"#)
        }
        try queue.close()
    }

    @Test("Every column holds what the JSON Lines record says: texts, code-point offsets, nulls, removals")
    func rowsMatchTheRecord() throws {
        let dir = NSTemporaryDirectory() + "lede-sqlite-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "[Photo: 🇰🇷 Yonhap] Kim Jé-ho said, “Ça va.” She added, \"Bien.\" Done."
        var doc = Document(id: "é-1", text: text, source: .init(path: "in/é.txt"))
        func range(_ s: String) -> Range<Int> {
            let r = doc.text.range(of: s)!
            return doc.text.utf8.distance(from: doc.text.startIndex, to: r.lowerBound)..<doc.text.utf8.distance(from: doc.text.startIndex, to: r.upperBound)
        }
        let kim = range("Kim Jé-ho"), she = range("She"), q1 = range("Ça va."), q2 = range("Bien.")
        try doc.setLayer(Layer.entities, [Span(start: kim.lowerBound, end: kim.upperBound, label: "PERSON", attributes: ["canonical": "Kim Jeho"])])
        try doc.setLayer(Layer.quotes, [
            Span(start: q1.lowerBound, end: q1.upperBound, attributes: ["speaker": .span(SpanRef(start: kim.lowerBound, end: kim.upperBound, extra: ["mention": .null])),
                                                                       "cue": "said", "kind": "direct"]),
            Span(start: q2.lowerBound, end: q2.upperBound, attributes: ["speaker": .span(SpanRef(start: kim.lowerBound, end: kim.upperBound,
                                                                                                 extra: ["mention": .span(SpanRef(start: she.lowerBound, end: she.upperBound))])),
                                                                       "cue": "added", "kind": "direct"]),
            Span(start: 0, end: 0, attributes: ["speaker": .null, "cue": .null, "kind": "partial"]),
        ])
        try doc.setLayer(Layer.sentences, [Span(start: range("Kim").lowerBound, end: doc.text.utf8.count)])
        try doc.remove([Cut(range("[Photo: 🇰🇷 Yonhap]"), reason: "caption", rule: "bracket-photo", absorbsWhitespace: true)])
        doc.stats = ["words": 9]
        doc.warn("a warning")
        _ = try write([doc], into: dir)

        // Code points, as Python counts them.
        func cp(_ s: String, in whole: String) -> [Int?] {
            let r = whole.range(of: s)!
            return [whole.unicodeScalars.distance(from: whole.startIndex, to: r.lowerBound), whole.unicodeScalars.distance(from: whole.startIndex, to: r.upperBound)]
        }
        let queue = try DatabaseQueue(path: dir + "/db/news.sqlite")
        try queue.read { db in
            let d = try #require(try Row.fetchOne(db, sql: "SELECT * FROM documents"))
            func string(_ row: Row, _ column: String) -> String? { row[column] }
            func int(_ row: Row, _ column: String) -> Int? { row[column] }
            func pair(_ row: Row, _ a: String, _ b: String) -> [Int?] { [int(row, a), int(row, b)] }
            #expect(string(d, "id") == "é-1")
            #expect(string(d, "source") == "in/é.txt")
            #expect(string(d, "text") == doc.text)
            #expect(int(d, "characters") == doc.text.unicodeScalars.count)
            #expect(int(d, "words") == 9)
            #expect(int(d, "sentences") == 1)
            #expect(int(d, "paragraphs") == 0)
            #expect(d["reading_minutes"] == nil as Double?)
            #expect(string(d, "warnings") == #"["a warning"]"#)
            #expect(string(d, "stats") == #"{"words":9}"#)
            let e = try #require(try Row.fetchOne(db, sql: "SELECT * FROM entities"))
            #expect(string(e, "document") == "é-1")
            #expect(string(e, "text") == "Kim Jé-ho")
            #expect(string(e, "label") == "PERSON")
            #expect(string(e, "canonical") == "Kim Jeho")
            #expect(pair(e, "start", "end") == cp("Kim Jé-ho", in: doc.text))
            let quotes = try Row.fetchAll(db, sql: "SELECT * FROM quotes ORDER BY seq")
            #expect(quotes.count == 3) // the empty partial at 0 sorts first
            #expect(string(quotes[1], "text") == "Ça va.")
            #expect(string(quotes[1], "speaker") == "Kim Jé-ho")
            #expect(string(quotes[1], "mention") == nil)
            #expect(string(quotes[1], "cue") == "said")
            #expect(pair(quotes[1], "start", "end") == cp("Ça va.", in: doc.text))
            #expect(pair(quotes[1], "speaker_start", "speaker_end") == cp("Kim Jé-ho", in: doc.text))
            #expect(string(quotes[2], "text") == "Bien.")
            #expect(string(quotes[2], "mention") == "She")
            #expect(string(quotes[2], "kind") == "direct")
            #expect(string(quotes[0], "text") == "")
            #expect(string(quotes[0], "speaker") == nil)
            #expect(int(quotes[0], "speaker_start") == nil)
            #expect(string(quotes[0], "cue") == nil)
            #expect(string(quotes[0], "kind") == "partial")
            let r = try #require(try Row.fetchOne(db, sql: "SELECT * FROM removed"))
            #expect(string(r, "text") == "[Photo: 🇰🇷 Yonhap]")
            #expect(string(r, "reason") == "caption")
            #expect(string(r, "rule") == "bracket-photo")
            #expect(pair(r, "start", "end") == cp("[Photo: 🇰🇷 Yonhap]", in: doc.originalText))
        }
        try queue.close()
    }

    @Test func aRerunReplacesTheDatabaseAndLeavesNoTemporaryFile() throws {
        let dir = NSTemporaryDirectory() + "lede-sqlite-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try write([try document("old", "\"Hi,\" said Lee.")], into: dir)
        _ = try write([try document("new1", "\"Hi,\" said Lee."), try document("new2", "\"Yo,\" said Lee.")], into: dir)
        let queue = try DatabaseQueue(path: dir + "/db/news.sqlite")
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT id FROM documents ORDER BY seq") } == ["new1", "new2"])
        try queue.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/db") == ["news.sqlite"])
    }
}

/// The report in a real browser: headless Chromium, when it is installed (.ci/run installs it).
struct HTMLReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    func report(_ documents: [Document], stats: AttributeValue? = nil) throws -> (dir: String, html: String) {
        let dir = NSTemporaryDirectory() + "lede-html-" + UUID().uuidString
        let out = OutputFolder(path: dir)
        try out.prepare()
        let options = try OptionsLoader.decode(WriteStage.Options.self, yaml: "{ html: report.html }", file: "t")
        let collector = try WriteStage(options: options, context: StageContext(baseDirectory: ".")).makeCollector(CollectorContext(output: out, pipelineName: "hostile"))
        for var d in documents { try collector.consume(&d) }
        var summary = RunSummary()
        if let stats { summary.sections[Layer.stats] = stats }
        try collector.finish(&summary)
        return (dir, try String(contentsOfFile: dir + "/report.html", encoding: .utf8))
    }

    static let hostile = "Seoul <script>document.title='pwned'</script> and <img src=x onerror=\"document.title='pwned'\"> \u{202E}txt.exe & done"

    func hostileDocument() throws -> Document {
        var d = Document(id: "<b>id</b>", text: Self.hostile, source: .init(path: "x\"y.txt"))
        try d.setLayer(Layer.paragraphs, [Span(start: 0, end: d.text.utf8.count)])
        try d.setLayer(Layer.entities, [Span(start: 0, end: 5, label: "GPE", attributes: ["canonical": .string("Seoul\"><script>")])])
        return d
    }

    @Test func documentTextIsEscapedEverywhere() throws {
        let (dir, html) = try report([try hostileDocument()], stats: .map(["top_speakers": .list([.map(["name": "<i>x</i>", "count": 1])])]))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The report's own scripts are the explorer (hashed) and its data block; nothing of the input is markup.
        #expect(!html.contains("<script>document") && !html.contains("<img") && !html.contains("<b>id") && !html.contains("<i>x"))
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
        #expect(html.contains("<span class=\"ctl\">U+202E</span>"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func paragraphsKeptButFlaggedAreListedWithTheirGuess() throws {
        let text = "Rescue workers search a building in Gwangju on Friday. Yonhap\n\nThe search went on."
        var d = Document(id: "flagged", text: text, source: .init(path: "f.txt"))
        try d.setLayer("structure", [Span(start: 0, end: 61, label: "caption",
                                          attributes: ["flagged": true, "confidence": .double(0.734), "signals": .list([.string("credit-tail")])])])
        let (dir, html) = try report([d], stats: .map([:]))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(html.contains("Kept, flagged: 1"))
        #expect(html.contains("maybe caption · 0.73"))
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed; .ci/run installs Debian's chromium"))
    func theReportRendersInChromiumAndRunsNoScriptFromTheInput() throws {
        let (dir, _) = try report([try hostileDocument()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(dir)/report.html"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        #expect(dom.contains("<article id=\"doc-1\">"), "the document is in the DOM")
        #expect(dom.contains("<mark class=\"e GPE\""), "entity marks are in the DOM")
        #expect(dom.contains("<title>hostile · Lede report</title>"), "no script from the input changed the title")
        #expect(!dom.contains("pwned</title>"))
        #expect(dom.components(separatedBy: "<script").count == 3 && !dom.contains("<img"), "the input's markup stayed text")
        #expect(dom.contains("data-explorer=\"ready\""), "the explorer's script ran under the page's policy")
        #expect(dom.contains("<td class=\"title\">Seoul &lt;script&gt;"), "the explorer lists the document, its title as text")
    }
}

/// A plugin's or a custom stage's layer reaches CSV and SQLite, in the generic `layers` table (issue #24).
struct CustomLayerTests {
    func document() throws -> Document {
        var doc = Document(id: "d1", text: "Prices fell. Workers 🙂 cheered.", source: .init(path: "in.txt"))
        let cheered = doc.text.utf8.count - "cheered.".utf8.count
        try doc.setLayer("sentiment", [
            Span(start: 0, end: 12, label: "negative", attributes: ["score": .int(-2), "cues": .list([.string("fell")])]),
            Span(start: cheered, end: cheered + 7, label: "positive"),
        ])
        try doc.setLayer(Layer.entities, [])
        return doc
    }

    func write(_ yaml: String, into dir: String) throws {
        let out = OutputFolder(path: dir)
        try out.prepare()
        let options = try OptionsLoader.decode(WriteStage.Options.self, yaml: yaml, file: "t")
        let collector = try WriteStage(options: options, context: StageContext(baseDirectory: ".")).makeCollector(CollectorContext(output: out, pipelineName: "t"))
        var d = try document()
        try collector.consume(&d)
        var summary = RunSummary()
        try collector.finish(&summary)
    }

    @Test("layers.csv holds every span of the layers with no table of their own, offsets in code points")
    func csv() throws {
        let dir = NSTemporaryDirectory() + "lede-layers-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("{ csv: tables }", into: dir)
        let rows = CSVWriterTests.parse(try String(contentsOfFile: dir + "/tables/layers.csv", encoding: .utf8))
        #expect(rows == [
            ["document", "layer", "start", "end", "label", "text", "attributes"],
            ["d1", "sentiment", "0", "12", "negative", "Prices fell.", #"{"cues":["fell"],"score":-2}"#],
            ["d1", "sentiment", "23", "30", "positive", "cheered", "{}"],
        ])
    }

    @Test("the SQLite layers table answers: which spans of a layer carry a label")
    func sqlite() throws {
        let dir = NSTemporaryDirectory() + "lede-layers-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("{ sqlite: news.sqlite }", into: dir)
        let queue = try DatabaseQueue(path: dir + "/news.sqlite")
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT layer, seq, start, \"end\", label, text, attributes FROM layers ORDER BY seq")
            #expect(rows.count == 2)
            #expect(rows.first?["label"] == "negative" && rows.first?["attributes"] == #"{"cues":["fell"],"score":-2}"#)
            #expect(rows.last?["start"] == 23 && rows.last?["text"] == "cheered")
        }
        try queue.close()
    }
}

extension CustomLayerTests {
    @Test("the HTML report lists every custom layer's spans with their labels and attributes")
    func report() throws {
        let dir = NSTemporaryDirectory() + "lede-layers-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("{ html: report.html }", into: dir)
        let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        #expect(html.contains("<summary>sentiment: 2</summary>"))
        #expect(html.contains("<li>Prices fell.<em class=\"why\">negative · cues=fell · score=-2</em></li>"))
        #expect(html.contains("<li>cheered<em class=\"why\">positive</em></li>"))
    }
}

/// Names in the report's charts are shown whole (issue #24: `Councilwoman Dana Rey…`).
struct ReportChartTests {
    @Test("a long name in a chart is not cut, and the label column widens for it")
    func fullNames() {
        let svg = HTML.chart("Top speakers", [("Councilwoman Dana Reyes-Whitfield", 4, "#444"), ("Kim", 2, "#444")])
        #expect(svg.contains(">Councilwoman Dana Reyes-Whitfield</text>"))
        #expect(!svg.contains("…"))
    }
}

struct JSONLCollectorTests {
    @Test("Records gathered into blocks of a megabyte and more, and prepared lines between them, are the lines of the documents in order")
    func gatheredBlocksAndPreparedLinesKeepOrder() throws {
        let dir = NSTemporaryDirectory() + "lede-jsonl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = OutputFolder(path: dir)
        try out.prepare()
        let collector = try JSONLCollector(path: "news.jsonl", output: out)
        let prepare = try #require(collector.prepare)
        var expected: [UInt8] = []
        // About 3 MB of records: blocks handed over whole, the last one at the end.
        for i in 0..<700 {
            let words = (0..<600).map { "w\(($0 &* 7 &+ i) % 97)" }.joined(separator: " ")
            var doc = Document(id: "d\(i)", text: "Doc \(i) \"quoted\" é\n" + words, source: .init(path: "in.txt"))
            try doc.setLayer(Layer.paragraphs, [Span(start: 0, end: 5)])
            expected += Record.line(doc)
            if i % 50 == 7 {
                let line = try prepare(&doc)
                try collector.consume(&doc, prepared: line)
            } else {
                try collector.consume(&doc)
            }
        }
        var summary = RunSummary()
        try collector.finish(&summary)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/news.jsonl"))) == expected)
        #expect(out.committedDigest(of: "news.jsonl")?.sha256 == Digest.sha256(expected))
    }
}
