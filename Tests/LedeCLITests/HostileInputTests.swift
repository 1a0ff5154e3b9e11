import Foundation
import LedeCLI
import Testing

/// Documents from the wild through the whole news pipeline: each must come out correct or be quarantined
/// with its reason, and the rest of the batch must be unaffected.
struct HostileInputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Name, bytes, and whether the document must be quarantined.
    static let cases: [(String, [UInt8], Bool)] = {
        func text(_ s: String) -> [UInt8] { Array(s.utf8) }
        let article = "SEOUL, Oct. 3 (Yonhap) -- Dr. Kim Young-mi said, \"It is a start.\" She added that 60 people came.\n\nA second paragraph follows."
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in article.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return [
            ("plain", text(article), false),
            ("utf8-bom", [0xEF, 0xBB, 0xBF] + text(article), false),
            ("utf16-bom", utf16, false),
            ("invalid-utf8", text("News ") + [0xC3, 0x28] + text(" more."), true),
            ("nul-bytes", text("Before\u{0}after. Another \u{0}\u{0} sentence."), false),
            ("crlf", text(article.replacingOccurrences(of: "\n", with: "\r\n")), false),
            ("cr-only", text(article.replacingOccurrences(of: "\n", with: "\r")), false),
            ("empty", [], false),
            ("whitespace-only", text(" \n\t\r\n  \n"), false),
            ("zero-width-and-bidi", text("Kim\u{200B}Young-mi said \u{202E}reversed\u{202C} text. \u{2066}Isolated\u{2069} words."), false),
            ("combining-and-emoji", text("Cafe\u{301} owners 👩‍👩‍👧 met Kim Young-mi in Seoul. \"Good,\" she said. 🇰🇷 flags flew."), false),
            ("nfd", text("Seoul's Ha\u{0308}nsel and Gre\u{0301}tel cafe\u{0301}. The mayor said, \"We are glad.\""), false),
            ("unbalanced-quotes", text("He said, \"This never ends. And \u{201C}this either. \u{2018}Nor this."), false),
            ("ten-thousand-quotes", text(String(repeating: "\"", count: 10_000)), false),
            ("quote-storm", text(String(repeating: "\u{201C}a\u{201D} said \u{201C}", count: 3_000)), false),
            ("long-line", text(String(repeating: "word ", count: 400_000)), false),
            ("only-punctuation", text(String(repeating: ".!?…", count: 5_000)), false),
            ("caption-only", text("Workers clear the road. /Yonhap"), false),
        ]
    }()

    @Test("Every hostile document is handled or quarantined, with valid offsets, and the batch goes on")
    func hostileDocuments() async throws {
        let dir = NSTemporaryDirectory() + "lede-hostile-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for (name, bytes, _) in Self.cases {
            _ = FileManager.default.createFile(atPath: "\(dir)/in/\(name).txt", contents: Data(bytes))
        }
        let code = await Lede.run(arguments: ["run", Self.root.path + "/Pipelines/news.yaml", "--input", dir + "/in",
                                              "--output", dir + "/out", "--quiet", "--jobs", "2"])
        #expect(code == 1, "one document is quarantined, so the run exits 1")
        let rejects = try jsonLines(dir + "/out/rejects.jsonl")
        let rejected = Set(rejects.compactMap { $0["id"] as? String })
        #expect(rejected == Set(Self.cases.filter(\.2).map(\.0)))
        #expect(rejects.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })

        let lines = try String(contentsOfFile: dir + "/out/news.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count + rejected.count == Self.cases.count, "every document is accounted for")
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = record["id"] as? String ?? "?"
            let scalars = Array((record["text"] as? String ?? "").unicodeScalars)
            // Every span is inside the text, in code points, and its text is the text at its offsets.
            for layer in ["paragraphs", "sentences", "entities", "quotes"] {
                for span in record[layer] as? [[String: Any]] ?? [] {
                    let start = span["start"] as? Int ?? -1, end = span["end"] as? Int ?? -1
                    #expect(0 <= start && start <= end && end <= scalars.count, "\(id) \(layer) [\(start), \(end))")
                    guard 0 <= start, start <= end, end <= scalars.count, let text = span["text"] as? String else { continue }
                    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == text, "\(id) \(layer) text")
                }
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: try lines.map { line -> (String, [String: Any]) in
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (record["id"] as? String ?? "", record)
        })
        // Decoding: BOMs go, UTF-16 becomes the same text as UTF-8, CRLF and CR read like LF.
        let plain = byID["plain"]?["text"] as? String
        #expect(plain != nil && byID["utf8-bom"]?["text"] as? String == plain && byID["utf16-bom"]?["text"] as? String == plain)
        #expect((byID["crlf"]?["paragraphs"] as? [Any])?.count == 2 && (byID["cr-only"]?["paragraphs"] as? [Any])?.count == 2)
        // Controls are kept in the text, not silently dropped.
        #expect((byID["zero-width-and-bidi"]?["text"] as? String)?.unicodeScalars.contains("\u{202E}") == true)
        #expect((byID["caption-only"]?["removed"] as? [Any])?.isEmpty == false)
    }
}
