import Foundation
@testable import LedeCore
@testable import LedeEngine
@testable import LedePipeline
import LedeHTML
@testable import LedeInput
import Testing

/// LedeInput's reader in the HTML format: pages and JSON Lines of pages become documents.
struct HTMLReaderTests {
    static func spec(_ configure: (inout InputSpec) -> Void = { _ in }) -> InputSpec {
        var spec = InputSpec()
        spec.format = .html
        configure(&spec)
        return spec
    }

    static func raw(_ bytes: [UInt8], line: Bool = false) -> RawInput {
        RawInput(id: "page", source: DocumentSource(path: "page.html"), payload: line ? .jsonLine(bytes) : .text(bytes))
    }

    @Test("A page becomes its article, with metadata under meta and the figure's caption and credit as removed text")
    func pageBecomesDocumentWithCaptionsRemoved() throws {
        let bytes = try HTMLExtractorTests.fixture("news-page.html")
        let document = try InputDecoder.document(from: Self.raw(bytes), spec: Self.spec()).get()
        let article = try HTMLExtractor().extract(bytes)
        #expect(document.text == article.text)
        #expect(document.metadata["headline"] == .string("Harbour cranes stand idle as strike enters third day"))
        #expect(document.metadata["charset"] == .string("utf-8"))
        #expect(document.metadata["charset_source"] == .string("meta"))
        #expect(document.removed.map(\.reason) == ["caption", "credit"])
        #expect(document.removed.map { document.originalSubstring($0.start..<$0.end) }
            == ["Cranes stand idle at the northern terminal on Tuesday.", "Photo: Jin Park / Ledger"])
    }

    @Test("A page with no article is rejected with the reason, never an empty record")
    func pageWithoutArticleIsRejected() throws {
        let result = InputDecoder.document(from: Self.raw(try HTMLExtractorTests.fixture("no-article.html")), spec: Self.spec())
        guard case .failure(let reject) = result else { Issue.record("expected a reject"); return }
        #expect(reject.reason == "no article text found in the page")
    }

    @Test("A JSON Lines record's html_field holds the page; its other fields join meta, its id is the record's")
    func jsonLinesRecordWithHTMLField() throws {
        let line = #"{"id": "p1", "body": "<p>Rain returned to the valley on Friday after a dry spell of six weeks.</p>", "feed": "wire"}"#
        let spec = Self.spec { $0.htmlField = "body" }
        let document = try InputDecoder.document(from: Self.raw(Array(line.utf8), line: true), spec: spec).get()
        #expect(document.id == "p1")
        #expect(document.text == "Rain returned to the valley on Friday after a dry spell of six weeks.")
        #expect(document.metadata["feed"] == .string("wire"))
        let missing = InputDecoder.document(from: Self.raw(Array(#"{"id": "p2", "html": 3}"#.utf8), line: true), spec: spec)
        guard case .failure(let reject) = missing else { Issue.record("expected a reject"); return }
        #expect(reject.reason.contains("html_field"))
    }

    @Test("The reader lists a folder's pages as files and reads a .jsonl file beside them line by line")
    func readerTakesPagesAndJSONLinesOfPages() throws {
        let dir = NSTemporaryDirectory() + "lede-html-reader-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("<p>One page with a paragraph long enough to be an article.</p>".utf8).write(to: URL(fileURLWithPath: dir + "/a.html"))
        try Data((#"{"html": "<p>A page inside a JSON Lines file, long enough to count.</p>"}"# + "\n").utf8)
            .write(to: URL(fileURLWithPath: dir + "/b.jsonl"))
        let files = [InputFile(path: dir + "/a.html", display: "a.html", idBase: "a"),
                     InputFile(path: dir + "/b.jsonl", display: "b.jsonl", idBase: "b")]
        var reader = InputReader(files: files, format: .html)
        var texts: [String] = []
        while let raw = reader.next() {
            texts.append(try InputDecoder.document(from: raw, spec: Self.spec()).get().text)
        }
        #expect(texts == ["One page with a paragraph long enough to be an article.",
                          "A page inside a JSON Lines file, long enough to count."])
    }
}
