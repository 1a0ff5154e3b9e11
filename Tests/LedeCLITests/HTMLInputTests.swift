import Foundation
import LedeCLI
import Testing

/// Web pages in: `--format html` and Pipelines/news-html.yaml.
struct HTMLInputTests {
    static let root = CLITests.root

    func records(_ path: String) throws -> [[String: Any]] {
        try jsonLines(path)
    }

    @Test("news.yaml with --format html on the folder of sample pages writes one record per page, with meta and removed captions")
    func formatHTMLOnAFolderOfPages() async throws {
        let out = NSTemporaryDirectory() + "lede-html-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let code = await Lede.run(arguments: ["run", Self.root.appendingPathComponent("Pipelines/news.yaml").path,
                                              "--input", Self.root.appendingPathComponent("Samples/html").path,
                                              "--format", "html", "--output", out, "--quiet"])
        #expect(code == 0)
        let records = try records(out + "/news.jsonl")
        #expect(records.map { $0["id"] as? String } == ["ferry-fares", "library-reopens"])
        let ferry = records[0]
        let meta = try #require(ferry["meta"] as? [String: Any])
        #expect(meta["headline"] as? String == "Island ferry fares to rise by a fifth in spring")
        #expect(meta["site_name"] as? String == "Harbour Gazette")
        let text = try #require(ferry["text"] as? String)
        #expect(text.hasPrefix("Ferry fares to the outer islands"))
        #expect(!text.contains("Most read") && !text.contains("Minsoo Lee") && !text.contains("Tweet"))
        let removed = try #require(ferry["removed"] as? [[String: Any]])
        #expect(removed.contains { $0["reason"] as? String == "credit" && $0["text"] as? String == "Photo by Minsoo Lee" })
    }

    @Test("Pipelines/news-html.yaml runs on a fresh clone's sample pages")
    func newsHTMLPipelineRuns() async throws {
        let out = NSTemporaryDirectory() + "lede-html-pipeline-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let code = await Lede.run(arguments: ["run", Self.root.appendingPathComponent("Pipelines/news-html.yaml").path,
                                              "--output", out, "--quiet"])
        #expect(code == 0)
        let records = try records(out + "/news.jsonl")
        #expect(records.count == 2)
        #expect(records.allSatisfy { ($0["entities"] as? [Any])?.isEmpty == false })
    }
}
