import Foundation
import LedeCore
import LedeEngine
import LedePipeline
import LedeIO
import Testing
@testable import WriteStage

/// The report can be searched, filtered and paged, with nothing to fetch (issue #24).
struct HTMLReportExplorerTests {
    /// Writes a report of the documents into a new folder; returns the folder and its files by name.
    func report(_ documents: [Document], options: String = "{ html: report.html }") throws -> (dir: String, files: [String: String]) {
        let dir = NSTemporaryDirectory() + "lede-explorer-" + UUID().uuidString
        let out = OutputFolder(path: dir)
        try out.prepare()
        let decoded = try OptionsLoader.decode(WriteStage.Options.self, yaml: options, file: "t")
        let collector = try WriteStage(options: decoded, context: StageContext(baseDirectory: "."))
            .makeCollector(CollectorContext(output: out, pipelineName: "batch"))
        for var d in documents { try collector.consume(&d) }
        var summary = RunSummary()
        try collector.finish(&summary)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".html") {
            files[name] = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        }
        if !options.contains("/") { #expect(Set(summary.outputs) == Set(files.keys), "every page is an output of the run") }
        return (dir, files)
    }

    /// A small news document: a person quoted, a place, and a caption removed.
    func article(_ n: Int, person: String, place: String, speaker: Bool = true, caption: Bool = false) throws -> Document {
        let original = (caption ? "Photo: a caption. AP\n\n" : "") + "\(person) spoke in \(place). \"We will stay,\" \(person) said."
        var d = Document(id: "a\(n)", text: original, source: .init(path: "in.txt"))
        if caption {
            try d.remove([Cut(0..<17, reason: "caption", rule: "photo-caption", absorbsWhitespace: true)])
            try d.remove([Cut(0..<2, reason: "credit", rule: "agency-credit", absorbsWhitespace: true)])
        }
        let text = d.text
        func range(_ s: String, from: Int = 0) -> Range<Int> {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: from)
            let r = text[start...].range(of: s)!
            return text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.utf8.startIndex, to: r.upperBound)
        }
        let who = range(person), whereAt = range(place), quote = range("We will stay,")
        let again = range(person, from: quote.upperBound)
        try d.setLayer(Layer.paragraphs, [Span(start: 0, end: text.utf8.count)])
        try d.setLayer(Layer.entities, [
            Span(start: who.lowerBound, end: who.upperBound, label: "PERSON"),
            Span(start: whereAt.lowerBound, end: whereAt.upperBound, label: "GPE"),
            Span(start: again.lowerBound, end: again.upperBound, label: "PERSON"),
        ])
        var attributes: Attributes = ["kind": .string("direct")]
        if speaker { attributes["speaker"] = .span(SpanRef(start: again.lowerBound, end: again.upperBound)) }
        try d.setLayer(Layer.quotes, [Span(start: quote.lowerBound, end: quote.upperBound, attributes: attributes)])
        return d
    }

    /// The explorer's JSON data of a page.
    func data(_ html: String) throws -> [String: Any] {
        let open = "<script type=\"application/json\" id=\"lede-data\">"
        let start = try #require(html.range(of: open)).upperBound
        let end = try #require(html.range(of: "</script>", range: start..<html.endIndex)).lowerBound
        return try #require(try JSONSerialization.jsonObject(with: Data(html[start..<end].utf8)) as? [String: Any])
    }

    /// The contents of every `<tag ...>` element whose opening tag has no attributes but those given.
    func elements(_ tag: String, in html: String) -> [String] {
        html.components(separatedBy: "<\(tag)>").dropFirst().map { $0.components(separatedBy: "</\(tag)>")[0] }
    }

    @Test("every page's policy forbids all but its own style sheet and script, each allowed by the hash of its exact text")
    func contentSecurityPolicy() throws {
        var docs: [Document] = []
        for i in 0..<7 { docs.append(try article(i, person: "Dana Reyes", place: "Seoul")) }
        let (dir, files) = try report(docs, options: "{ html: report.html, report_documents: 3 }")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(files.keys.sorted() == ["report-2.html", "report-3.html", "report.html"])
        for (name, html) in files {
            let metaOpen = "<meta http-equiv=\"Content-Security-Policy\" content=\""
            let start = try #require(html.range(of: metaOpen), "\(name) has a policy").upperBound
            let policy = String(html[start..<html[start...].firstIndex(of: "\"")!])
            let directives = Dictionary(uniqueKeysWithValues: policy.split(separator: ";").map {
                let words = $0.split(separator: " ").map(String.init)
                return (words[0], Array(words.dropFirst()))
            })
            #expect(directives["default-src"] == ["'none'"])
            #expect(!policy.contains("unsafe") && !policy.contains("http") && !policy.contains("*"))
            func hash(_ text: String) -> String { "'sha256-" + Data(Digest.sha256Bytes(Array(text.utf8))).base64EncodedString() + "'" }
            let scripts = elements("script", in: html), styles = elements("style", in: html)
            #expect(scripts.count == 1 && styles.count == 1, "\(name): one script and one style sheet, inline")
            #expect(directives["script-src"] == scripts.map(hash), "\(name): the script's hash is the script's")
            #expect(directives["style-src"] == styles.map(hash), "\(name): the style sheet's hash is the style sheet's")
            // No inline handler or style attribute, which a hash cannot allow.
            #expect(!html.contains(" style=\"") && !html.contains(" onclick=") && !html.contains(" onload="))
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("@import") && !html.contains("url("))
        }
    }

    @Test("a batch of more than 500 documents is shown whole, on pages of at most 500, each linked from the overview")
    func paging() throws {
        var docs: [Document] = []
        for i in 0..<1201 {
            var d = Document(id: "d\(i)", text: "Story \(i) from Seoul.", source: .init(path: "in.jsonl", line: i + 1))
            try d.setLayer(Layer.entities, [Span(start: d.text.utf8.count - 6, end: d.text.utf8.count - 1, label: "GPE")])
            docs.append(d)
        }
        let (dir, files) = try report(docs)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(files.keys.sorted() == ["report-2.html", "report-3.html", "report.html"])
        var seen: [Int] = []
        var pageOf: [Int: Int] = [:]
        for (page, name) in ["report.html", "report-2.html", "report-3.html"].enumerated() {
            let html = files[name]!
            let anchors = html.components(separatedBy: "<article id=\"doc-").dropFirst().map { Int($0.prefix { $0.isNumber })! }
            #expect(anchors.count <= 500, "\(name) holds \(anchors.count) documents")
            for n in anchors { pageOf[n] = page + 1 }
            seen += anchors
            // Each page's explorer lists its own documents.
            let own = try data(html)["docs"] as? [[Any]] ?? []
            if page > 0 { #expect(own.compactMap { $0[0] as? Int } == anchors) }
        }
        #expect(seen == Array(1...1201), "every document once, in order")
        // The overview lists the whole batch, each document with the page that shows it.
        let overview = try data(files["report.html"]!)
        #expect(overview["pages"] as? [String] == ["report.html", "report-2.html", "report-3.html"])
        #expect(overview["documents"] as? Int == 1201)
        let listed = try #require(overview["docs"] as? [[Any]])
        #expect(listed.count == 1201)
        #expect(listed.allSatisfy { ($0[3] as? Int) == pageOf[$0[0] as! Int] })
        #expect(listed[1200][1] as? String == "d1200" && listed[1200][2] as? String == "Story 1200 from Seoul.")
        for page in 2...3 { #expect(files["report.html"]!.contains("<a href=\"report-\(page).html\">\(page)</a>")) }
        #expect(files["report-2.html"]!.contains("<a href=\"report-3.html\">next →</a>"))
        #expect(!files["report-3.html"]!.contains("next →"), "the last page knows it is the last")
    }

    @Test("with report_documents 0 no document is shown in full, and the explorer still lists them all")
    func noDocumentPages() throws {
        let docs = try (0..<3).map { try article($0, person: "Dana Reyes", place: "Seoul") }
        let (dir, files) = try report(docs, options: "{ html: report.html, report_documents: 0 }")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(files.keys.sorted() == ["report.html"])
        #expect(!files["report.html"]!.contains("<article"))
        let listed = try data(files["report.html"]!)
        #expect((listed["docs"] as? [[Any]])?.map { $0[3] as? Int } == [0, 0, 0] && (listed["pages"] as? [String]) == [])
    }

    @Test("a page's link is its file name, percent-encoded")
    func pageLinks() throws {
        let dir = NSTemporaryDirectory() + "lede-links-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let collector = try HTMLReportCollector(path: "r#1 é.html", title: "t", documentsPerPage: 1, output: OutputFolder(path: dir))
        defer { collector.discard() }
        #expect(collector.pageName(2) == "r%231%20%C3%A9-2.html")
    }

    @Test("a page is closed early once its documents' markup passes the size bound")
    func pageSizeBound() throws {
        let paragraph = String(repeating: "A long paragraph of news text. ", count: 40_000)  // 1.2 MB
        var docs: [Document] = []
        for i in 0..<9 { docs.append(Document(id: "big\(i)", text: paragraph, source: .init(path: "in.txt"))) }
        let (dir, files) = try report(docs)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(files.count == 3, "4 MiB a page: four 1.2 MB documents, then a new page")
        for html in files.values { #expect(html.utf8.count < HTMLReportCollector.pageBytes + (2 << 20)) }
    }

    @Test("the filter data counts, for each entity, speaker, label and removal reason, the documents that carry it")
    func facetCounts() throws {
        let docs = [
            try article(1, person: "Dana Reyes", place: "Seoul", caption: true),
            try article(2, person: "Dana Reyes", place: "Busan"),
            try article(3, person: "Kim Min-jun", place: "Seoul", speaker: false),
        ]
        let (dir, files) = try report(docs)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let overview = try data(files["report.html"]!)
        let facets = try #require(overview["facets"] as? [[Any]])
        let counted = facets.map { "\($0[0]) \($0[1]) \($0[2]) \($0[3])" }
        #expect(counted == [
            "l GPE GPE 3", "l PERSON PERSON 3",
            "e PERSON Dana Reyes 2", "e GPE Seoul 2", "e GPE Busan 1", "e PERSON Kim Min-jun 1",
            "s  Dana Reyes 2",
            "r  caption 1", "r  credit 1",
        ])
        // Each document points at its facets: the first has Seoul, Dana Reyes as speaker, a caption and a credit removed.
        let docsData = try #require(overview["docs"] as? [[Any]])
        let first = try #require(docsData.first)
        #expect(first[1] as? String == "a1" && first[4] as? Int == 0 && first[5] as? Int == 3 && first[6] as? Int == 1 && first[7] as? Int == 2)
        let refs = (first[8] as? [Int] ?? []).map { counted[$0] }
        #expect(Set(refs) == ["l GPE GPE 3", "l PERSON PERSON 3", "e PERSON Dana Reyes 2", "e GPE Seoul 2", "s  Dana Reyes 2",
                              "r  caption 1", "r  credit 1"])
    }

    @Test("the same documents give the same bytes on every page")
    func deterministic() throws {
        func batch() throws -> [Document] {
            try (0..<23).map { try article($0, person: ["Dana Reyes", "Kim Min-jun", "Ana Lima"][$0 % 3],
                                           place: ["Seoul", "Busan", "Lisbon", "Porto"][$0 % 4], caption: $0 % 2 == 0) }
        }
        let (one, first) = try report(try batch(), options: "{ html: out/report.html, report_documents: 10 }")
        let (two, second) = try report(try batch(), options: "{ html: out/report.html, report_documents: 10 }")
        defer {
            try? FileManager.default.removeItem(atPath: one)
            try? FileManager.default.removeItem(atPath: two)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: one + "/out").sorted()
        #expect(names == ["report-2.html", "report-3.html", "report.html"])
        for name in names {
            #expect(FileManager.default.contents(atPath: one + "/out/" + name) == FileManager.default.contents(atPath: two + "/out/" + name))
        }
        #expect(first.isEmpty && second.isEmpty, "the pages are in the html option's folder")
    }

    @Test("page files are named after the overview, in its folder")
    func pageNames() {
        #expect(HTMLReportCollector.pagePath("report.html", page: 1) == "report.html")
        #expect(HTMLReportCollector.pagePath("report.html", page: 12) == "report-12.html")
        #expect(HTMLReportCollector.pagePath("out.d/report", page: 2) == "out.d/report-2")
        #expect(HTMLReportCollector.pagePath("a/b.c/index.htm", page: 3) == "a/b.c/index-3.htm")
    }

    @Test("text in the explorer's data cannot close its script element")
    func dataIsInert() {
        #expect(ReportCatalog.jsonString("</script><b>&\u{2028}\"\\\n") == #""\u003c/script\u003e\u003cb\u003e\u0026\u2028\"\\\n""#)
    }
}
