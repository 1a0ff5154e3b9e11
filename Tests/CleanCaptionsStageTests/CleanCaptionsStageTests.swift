import CleanCaptionsStage
import Foundation
import Kernel
import Testing

struct CleanCaptionsStageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func clean(_ text: String, _ options: CleanCaptionsStage.Options = .init()) throws -> Document {
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try CleanCaptionsStage(options: options, context: StageContext(baseDirectory: ".")).process(&doc)
        return doc
    }

    func removedParagraphs(_ d: Document) -> [String] { d.removed.map { d.originalSubstring($0.start..<$0.end) } }

    @Test func theThreeRemovableParagraphsOfAKoreanNewsArticleGoAndNothingElse() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("rescue-ship.txt"), encoding: .utf8)
        let doc = try clean(text)
        #expect(doc.removed.map(\.reason) == ["caption", "credit", "caption", "credit", "boilerplate"])
        #expect(removedParagraphs(doc) == [
            "Coast guard officers help a crew member off a rescue boat at Seogwipo port on the 9th.",
            "/Courtesy of Jeju Coast Guard·News1",
            "The cargo ship lies on its side south of Jeju Island on Saturday.",
            "/Courtesy of Ko Min-jae, Jeju Provincial Council member, Facebook",
            "※ This article has been translated by AI. Share your feedback here.",
        ])
        let kept = TextLayout.paragraphs(of: doc.text, mode: .auto).map { doc.substring($0) }
        #expect(kept.count == 4)
        #expect(kept[3].hasPrefix("A photo released by the coast guard"))
        #expect(!doc.text.contains("Courtesy") && !doc.text.contains("※"))
        // Removal offsets are code points into the original text.
        let line = String(decoding: Record.line(doc), as: UTF8.self)
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let first = (record["removed"] as! [[String: Any]])[1]
        let scalars = Array(text.unicodeScalars)
        let slice = String(String.UnicodeScalarView(scalars[(first["start"] as! Int)..<(first["end"] as! Int)]))
        #expect(slice == "/Courtesy of Jeju Coast Guard·News1")
    }

    @Test func cleaningAfterSplitKeepsParagraphsAndSentencesAligned() throws {
        let text = "Body one. Still body.\n\nCaption text here. /Yonhap\n\nBody two."
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try doc.setLayer(Layer.paragraphs, TextLayout.paragraphs(of: text, mode: .auto).map { Span(start: $0.lowerBound, end: $0.upperBound) })
        let sentenceTexts = ["Body one.", "Still body.", "Caption text here.", "/Yonhap", "Body two."]
        try doc.setLayer(Layer.sentences, sentenceTexts.map { s in
            let r = text.range(of: s)!
            return Span(start: text.utf8.distance(from: text.startIndex, to: r.lowerBound),
                        end: text.utf8.distance(from: text.startIndex, to: r.upperBound))
        })
        try CleanCaptionsStage(options: .init(), context: StageContext(baseDirectory: ".")).process(&doc)
        #expect(doc.text == "Body one. Still body.\n\nBody two.")
        #expect(doc.spans(Layer.sentences).map { doc.substring($0.range) } == ["Body one.", "Still body.", "Body two."])
        #expect(doc.spans(Layer.paragraphs).map { doc.substring($0.range) } == ["Body one. Still body.", "Body two."])
    }

    @Test func aBadUserPatternIsAnOptionErrorAtThePattern() throws {
        var options = CleanCaptionsStage.Options()
        options.rules = try OptionsLoader.decode([CaptionRule.Spec].self, yaml: "[{id: x, reason: caption, triggers: [a], pattern: '(unclosed'}]", file: "t")
        #expect {
            try CleanCaptionsStage(options: options, context: StageContext(baseDirectory: "."))
        } throws: { error in
            (error as? OptionError)?.path == ["rules", 0, "pattern"]
        }
    }

    @Test func disablingAnUnknownRuleSuggestsTheNearest() throws {
        var options = CleanCaptionsStage.Options()
        options.disable = ["byline-by-nam"]
        #expect {
            try CleanCaptionsStage(options: options, context: StageContext(baseDirectory: "."))
        } throws: { error in
            (error as? OptionError)?.hint == "did you mean 'byline-by-name'?"
        }
    }

    @Test func everyBuiltinRuleHasAnExample() throws {
        let rules = try CleanCaptionsStage.builtinRules().map(\.id)
        let exercised = Set(CleanCaptionsStage.examples.flatMap { $0.expect.compactMap { $0.attributes["rule"] } })
        for rule in rules { #expect(exercised.contains(rule), "rule \(rule) has no example") }
    }
}

/// The real seed articles beside the clone (`../shared/seeds`), when present.
struct SeedCaptionTests {
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/seeds").standardized.path
    static let available = FileManager.default.fileExists(atPath: seeds + "/000_e50c26a2de56ec62.txt")

    @Test(.enabled(if: available, "../shared/seeds is not beside this clone; the rescue-ship fixture covers the same cases"))
    func seedArticlesLoseExactlyTheirCaptionsAndNotice() throws {
        let stage = try CleanCaptionsStage(options: .init(), context: StageContext(baseDirectory: "."))
        var korean = Document(id: "000", text: try String(contentsOfFile: Self.seeds + "/000_e50c26a2de56ec62.txt", encoding: .utf8), source: .init(path: "s"))
        try stage.process(&korean)
        #expect(korean.removed.map(\.reason) == ["caption", "credit", "caption", "credit", "boilerplate"])
        #expect(TextLayout.paragraphs(of: korean.text, mode: .auto).count == 7)
        var wire = Document(id: "002", text: try String(contentsOfFile: Self.seeds + "/002_765ca9e5135f5fd4.txt", encoding: .utf8), source: .init(path: "s"))
        try stage.process(&wire)
        #expect(wire.removed.isEmpty)
    }
}

struct CaptionRuleDecodingTests {
    @Test func aRuleWithoutAPatternIsAMissingRequiredKeyAtTheRule() throws {
        do {
            _ = try OptionsLoader.decode([CaptionRule.Spec].self, yaml: "- id: x\n  reason: caption\n  triggers: [a]\n", file: "rules.yaml")
            Issue.record("a rule without a pattern decoded")
        } catch let e as ConfigError {
            #expect(e.message == "missing required key 'pattern'")
            #expect(e.location?.line == 1 && e.location?.column == 3)
        }
    }
}

/// Real Wikinews text from ../shared/eval (GUM), which nobody here wrote or tuned for.
struct WikinewsCaptionTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/eval/gum_wikinews.jsonl").standardized.path
    static let available = FileManager.default.fileExists(atPath: file)

    @Test(.enabled(if: available, "../shared/eval/gum_wikinews.jsonl is not beside this clone"))
    func wikinewsImageCaptionsGoWithTheirCreditsAndNothingElse() throws {
        let stage = try CleanCaptionsStage(options: .init(), context: StageContext(baseDirectory: "."))
        var captions = 0
        for line in try String(contentsOfFile: Self.file, encoding: .utf8).split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            var doc = Document(id: record["id"] as! String, text: record["text"] as! String, source: .init(path: "gum"))
            try stage.process(&doc)
            for (i, removal) in doc.removed.enumerated() {
                let text = doc.originalSubstring(removal.start..<removal.end)
                if removal.reason == "credit" {
                    #expect(text.hasPrefix("Image: "), "\(doc.id): unexpected credit \(text)")
                } else {
                    #expect(removal.reason == "caption", "\(doc.id): \(removal.reason) \(text)")
                    #expect(doc.removed.indices.contains(i + 1) && doc.removed[i + 1].reason == "credit")
                    #expect(text.count < 300, "\(doc.id): a long paragraph was taken for a caption: \(text)")
                    captions += 1
                }
            }
        }
        print("Wikinews (GUM): \(captions) image captions removed with their credits")
        #expect(captions >= 40)
    }
}
