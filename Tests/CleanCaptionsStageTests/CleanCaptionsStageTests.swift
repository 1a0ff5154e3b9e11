@testable import CleanCaptionsFeatures
import CleanCaptionsLines
@testable import CleanCaptionsRoles
@testable import CleanCaptionsStage
import Foundation
import LedeCore
import LedeRecord
import LedeText
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

    @Test func disablingARetiredRuleStillLoadsAndKeepsTheOthers() throws {
        var options = CleanCaptionsStage.Options()
        options.disable = ["chrome-watch-teaser"]
        _ = try CleanCaptionsStage(options: options, context: StageContext(baseDirectory: "."))
        options.disable = ["chrome-watch-teaser", "no-such-rule"]
        #expect(throws: OptionError.self) { try CleanCaptionsStage(options: options, context: StageContext(baseDirectory: ".")) }
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
                    #expect(text.range(of: #"^(?i:image|video|photo)[:;] "#, options: .regularExpression) != nil, "\(doc.id): unexpected credit \(text)")
                } else if removal.reason == "chrome" {
                    #expect(text.hasPrefix("Categories:"), "\(doc.id): unexpected chrome \(text)")
                } else {
                    #expect(removal.reason == "caption", "\(doc.id): \(removal.reason) \(text)")
                    // (A caption that names who stands where, `Hill (right) with ...`, needs no credit to be one.)
                    if removal.rule != "caption-name-position" {
                        #expect(doc.removed.indices.contains(i + 1) && doc.removed[i + 1].reason == "credit", "\(doc.id): \(text)")
                    }
                    #expect(text.count < 300, "\(doc.id): a long paragraph was taken for a caption: \(text)")
                    captions += 1
                }
            }
        }
        print("Wikinews (GUM): \(captions) image captions removed with their credits")
        #expect(captions >= 40)
    }
}

/// The hand-written matchers of the busiest built-in rules must answer exactly as the rules' patterns do.
struct NativeMatcherTests {
    static let seeds = [
        "Rescue workers carry supplies. /Courtesy of Jeju Coast Guard·News1", "Officials meet. / Courtesy of the Ministry",
        "A view of the port /Courtesy of X", "Crowds gather. /Courtesy of Ko Min-jae, council member, Facebook",
        "(Yonhap)", "Crowds gather in the square. (AP Photo/Ahn Young-joon)", "(AFP Photo)", "(AFP/Getty)", "(AFP Photo/Jung Yeon-je)",
        "(EPA-EFE/JEON HEON-KYUN)", "(EPA)", "(Photo by Kim Min-su)", "(Photo courtesy of Seoul City)", "(Courtesy of the family)",
        "(Xinhua/Li Ming)", "(Kyodo)", "(NEWS1)", "(News1)", "(Reuters)", "(Reuters/Kim Hong-ji)", "(Getty Images)", "(Getty Images/AFP)",
        "A map (left) and a chart (Yonhap)", "Seen here (Photo by Kim (left))", "(AP Photo/)", "((Yonhap)", "(Yonhap) (Kyodo)",
        "Workers repair the road. [NEWS1]", "[Yonhap] ", "[AP]", "[AFP]", "[Newsis]", "[AP] [Reuters]",
        "Photo: Getty Images", "Photograph: Lee Jin-man", "Image: Seoul Museum", "PHOTO: AP", "Photo: x", "A shot. Photo: Kim · Seoul",
        "Photo: first Photo: second", "Image:  two spaces",
        "※ This article has been translated by AI.", "This article was machine-translated.", "this story is translated",
        "This is an AI-translated article", "This is a AI translation", "AI translation provided", "AI-translated", "※", "  ※※ text",
        "THIS CONTENT HAS BEEN TRANSLATED", "This article has been reviewed", "AIR quality", "This is an AIR-translat",
        "Skip to main content", "Skip to content", "Related Articles »", "More stories", "Share this article", "Share this story",
        "Print this", "Print this article", "Read more ›", "Most Read", "ADVERTISEMENT", "Sign up for our newsletters",
        "Sign up for the newsletter", "Follow us on Twitter and Facebook", "Share your feedback here.", "Text size", "Latest news —",
        "Copyright 2024 Harbour Broadcasting, Inc. All rights reserved. This material may not be published.",
        "© 2026 Seoul Daily Herald. All rights reserved.", "All rights reserved © 2019 Valley News",
        "© Copyright 2001-2023. Part of the Newsquest Media Group.", "Editors' Code of Practice. Copyright 2020",
        "Copyright2024 all rights reserved", "copyright 24 All rights reserved", "Copyrighted 2024. All rights reserved.",
        "© 2024 Part of the group", "Copyright 2024. Part of Harbour Media Ltd", "Part of the Harbour Media Inc.",
        "Top stories: ", "follow us on    ", "Follow us on a very long name that goes on past thirty characters",
        "Follow us on X.", "Follow us on_", "Share this article now", "Read more about the council vote", "More news | Sports",
    ]

    static func variants(_ s: String) -> [String] {
        var out = [s, s + " ", s + "\n", s + "  \t", " " + s, s + ".", s + " »", s + "\u{00A0}", "\u{00A0}" + s, s + "x", s.uppercased(),
                   s.lowercased(), "Prefix text " + s, s.replacingOccurrences(of: "/", with: "/ "), s.replacingOccurrences(of: " ", with: "\n"),
                   s + ")", s + " /Courtesy of Y", String(s.dropLast()), String(s.dropFirst()), s + "é", "é" + s, s + "ſ", s + "\r",
                   s.replacingOccurrences(of: "Kim", with: String(repeating: "Kimberly ", count: 15)),
                   s.replacingOccurrences(of: " ", with: "  "), s + " — ·", s + "\u{2003}", "\u{3000}" + s, s.replacingOccurrences(of: "s", with: "ſ")]
        out.append(s.replacingOccurrences(of: ")", with: ") "))
        out.append(s.replacingOccurrences(of: "(", with: "(("))
        return out
    }

    @Test("Every native matcher agrees with its rule's pattern wherever it is sure, and is sure on plain captions")
    func nativeMatchersAgreeWithTheirPatterns() throws {
        let specs = try CleanCaptionsStage.builtinRules()
        var texts = Self.seeds.flatMap(Self.variants)
        // Random mixtures of the pieces these patterns care about, from a fixed seed.
        let pieces = ["/", "/ ", "Courtesy of ", "(", ")", "[", "]", "AP Photo/", "AFP", " Photo", "Yonhap", "News1", "NEWS1", "Photo: ", "Image: ",
                      "※", "AI", "-", " ", "translat", "this is an ", "This article ", "has been ", "translated", "Share this", " article",
                      "Follow us on ", "Read more", "»", "·", "—", "\n", "\u{00A0}", "é", "Kim", "Getty Images", "EPA-EFE", "Xinhua", "x", ".", "ſ",
                      "©", "Copyright ", "copyright", "2024", "1999-", "All rights reserved", "part of the ", "Part of ", " Media Group",
                      " Ltd", "Inc", "network", "Editors' Code of Practice", "editors code of practice", "_", "9"]
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<4000 {
            var s = ""
            for _ in 0..<(1 + Int(rng % 7)) {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(rng >> 33) % pieces.count]
            }
            texts.append(s)
        }
        for (id, native) in NativeMatchers.byRule {
            let spec = try #require(specs.first { $0.id == id }, "no built-in rule \(id)")
            #expect(spec.pattern == native.pattern, "rules.yaml changed the pattern of \(id): update or remove its native matcher")
            let rule = try CaptionRule(spec)
            #expect(rule.native != nil)
            var sure = 0, seedsSure = 0, seedsMatched = 0
            for (n, text) in texts.enumerated() {
                let bytes = Array(text.utf8)
                bytes.withUnsafeBufferPointer { b in
                    let verdict = native.match(b, 0..<b.count)
                    let expected = rule.regexVerdict(b, 0..<b.count)
                    if n < Self.seeds.count * Self.variants("").count, n % Self.variants("").count == 0, expected != .noMatch {
                        seedsMatched += 1
                        if verdict != .unsure { seedsSure += 1 }
                    }
                    guard verdict != .unsure else { return }
                    sure += 1
                    let want: NativeVerdict = rule.creditGroup == nil && expected != .noMatch ? .match(creditStart: nil) : expected
                    #expect(verdict == want, "\(id) on \(text.debugDescription): native \(verdict), pattern \(expected)")
                }
            }
            #expect(sure > texts.count / 2, "\(id) is sure on only \(sure) of \(texts.count) texts")
            #expect(seedsSure == seedsMatched, "\(id) is unsure on \(seedsMatched - seedsSure) of the \(seedsMatched) plain seeds it should match")
        }
    }

    @Test("A rule whose pattern differs from the built-in one gets no native matcher")
    func changedPatternsUseTheRegex() throws {
        var spec = try #require(try CleanCaptionsStage.builtinRules().first { $0.id == "caption-bracket-agency" })
        spec.pattern = #"(\[(?:NEWS1|Newsis)\])\s*$"#
        #expect(try CaptionRule(spec).native == nil)
    }
}

/// The role model: its file, its options, and what it marks.
struct RoleModelTests {
    func stage(_ yaml: String, files: [String: String] = [:]) throws -> CleanCaptionsStage {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("roles-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        let options = try OptionsLoader.decode(CleanCaptionsStage.Options.self, yaml: yaml, file: "t")
        return try CleanCaptionsStage(options: options, context: StageContext(baseDirectory: dir))
    }

    @Test func aThresholdForAnUnknownRoleSuggestsTheNearest() throws {
        #expect {
            try stage("{ thresholds: { captoin: 0.9 } }")
        } throws: { error in
            (error as? OptionError)?.hint == "did you mean 'caption'?"
        }
    }

    @Test func aRoleModelFileWithAnUnknownFeatureIsRefusedWithTheNearest() throws {
        let file = "roles:\n  caption:\n    weights: { photo-verbs: 2 }\n"
        #expect {
            try stage("{ role_model: m.yaml }", files: ["m.yaml": file])
        } throws: { error in
            (error as? OptionError)?.hint == "did you mean 'photo-verb'?"
        }
    }

    @Test func aRoleModelFileReplacesTheBundledOne() throws {
        // A model that knows only signatures: the caption stays, the address goes.
        let file = "roles:\n  signature:\n    threshold: 0.6\n    bias: -1\n    weights: { email: 2 }\n"
        var doc = Document(id: "d", text: "People gather in the square on Friday. Yonhap\n\nSome body text that goes on for a while, as body text does.\n\nkim@example.com",
                           source: .init(path: "t"))
        try stage("{ role_model: m.yaml }", files: ["m.yaml": file]).process(&doc)
        #expect(doc.removed.map(\.reason) == ["signature"])
    }

    @Test func theBundledModelDecodesAndNamesOnlyKnownFeatures() throws {
        let file = try RoleModel.builtinFile()
        #expect(Set(file.roles.keys) == Set(ParagraphRole.allCases.filter { $0 != .body }.map(\.rawValue)))
        _ = try RoleModel(file)
    }

    @Test func everyFeatureHasABitAndAName() {
        #expect(RoleFeature.allCases.count <= 128)
        var all = RoleFeatures()
        for f in RoleFeature.allCases { all[f] = true }
        #expect(all.present == RoleFeature.allCases, "every feature has a bit of its own")
        #expect(RoleFeature.names.count == RoleFeature.allCases.count)
        #expect(Set(RoleFeature.names).count == RoleFeature.names.count)
    }

    @Test func datelinesAreReadWithPlaceAgencyAndDate() throws {
        func read(_ s: String) -> [String]? {
            var text = s
            return text.withUTF8 { b in
                Dateline(b, 0..<b.count).map { d in
                    [PageLines.text(b, d.range), PageLines.text(b, d.place), d.agency.map { PageLines.text(b, $0) } ?? "-",
                     d.date.map { PageLines.text(b, $0) } ?? "-"]
                }
            }
        }
        #expect(read("LITTLE ROCK, Ark. (AP) — A judge ruled.") == ["LITTLE ROCK, Ark. (AP) —", "LITTLE ROCK, Ark.", "AP", "-"])
        #expect(read("SEOUL, Nov. 20 (Yonhap) -- North Korea fired.") == ["SEOUL, Nov. 20 (Yonhap) --", "SEOUL", "Yonhap", "Nov. 20"])
        #expect(read("WASHINGTON — Officials said.") == ["WASHINGTON —", "WASHINGTON", "-", "-"])
        #expect(read("US President Joe Biden said.") == nil)
        #expect(read("BY HAN SEUNG-WOO [han@example.com]") == nil)
    }
}

struct LinkLineTests {
    func features(_ text: String) throws -> ParagraphScan {
        var text = text
        var tokens: [ParagraphScan.Token] = []
        return text.withUTF8 { b in ParagraphScan(b, 0..<b.count, index: 3, count: 4, model: RoleModel.builtin, tokens: &tokens) }
    }

    @Test("An item of a list of linked stories is a link line; a bullet of the story is not")
    func linkLines() throws {
        for line in ["- Council moves to end fuel subsidy - December 26, 2024", "• Port strike enters its second week | Dec 24, 2024",
                     "» Flood relief reaches the north – 3 March 2025"] {
            let f = try features(line)
            #expect(f.features[.linkLine], "\(line): whenEnd \(f.features[.whenEnd]) noEnd \(f.features[.noEndPunct])")
        }
        for line in ["- The deadline is March 3, 2025.", "Council moves to end fuel subsidy - December 26, 2024",
                     "- Police said the road would reopen on Friday"] {
            #expect(try !features(line).features[.linkLine], "\(line)")
        }
    }

    @Test("A photo verb in the present with no full stop is a scene; one in speech the line reports (after said, told, added) is not")
    func photoVerbInReportedSpeech() throws {
        for line in ["Rangers display the recovered rifle in Masvingo", "The mayor waves to the crowd outside the hall"] {
            let f = try features(line)
            #expect(f.features[.sceneLine] && f.features[.photoVerb], "\(line)")
        }
        for line in ["She said the valley now looks like a lake after a week of rain",
                     "The chief told reporters the crews stand ready to clear the road",
                     "He added that the farmers gather at dawn to count their losses"] {
            let f = try features(line)
            #expect(!f.features[.sceneLine] && !f.features[.photoVerb], "\(line)")
        }
    }
}
