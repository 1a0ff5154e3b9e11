import EntityTagStage
import Foundation
import LedeCore
import Testing

struct EntityTagStageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    func tag(_ text: String, _ configure: (inout EntityTagStage.Options) -> Void = { _ in }) throws -> [String] {
        try document(text, configure).spans(Layer.entities).map { span in
            "\(span.label ?? "") \(Self.text(span, in: text))" + (span.attributes["canonical"]?.string.map { " =\($0)" } ?? "")
        }
    }

    func document(_ text: String, _ configure: (inout EntityTagStage.Options) -> Void = { _ in }) throws -> Document {
        var options = EntityTagStage.Options()
        configure(&options)
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try doc.setLayer(Layer.sentences, [Span(start: 0, end: text.utf8.count)])
        try EntityTagStage(options: options, context: StageContext(baseDirectory: Self.fixtures)).process(&doc)
        return doc
    }

    static func text(_ span: Span, in text: String) -> String {
        String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self)
    }

    @Test func longerGazetteerEntriesWinOverShorterOnes() throws {
        #expect(try tag("Officials in South Korea and North Korea met.").filter { $0.hasPrefix("GPE") }
                == ["GPE South Korea =South Korea", "GPE North Korea =North Korea"])
    }

    @Test("A name opening with a capitalized The mid-sentence runs on across of the")
    func theNamesRunAcrossOf() throws {
        let tags = try tag("Donations went to the foundation The Light of the River Valley, which runs shelters.")
        #expect(tags.contains("ORG The Light of the River Valley"), "\(tags)")
        #expect(try tag("Readers of The Herald of Busan wrote in.").contains("ORG The Herald of Busan"))
    }

    @Test func namesInsideLongerWordsAreNotTagged() throws {
        // The gazetteer's `Korea` and `Seoul` never match inside a longer word.
        for model in ["none", "builtin"] {
            #expect(try tag("Koreana Air and Seoulite cafes.") { $0.model = model }.filter { $0.hasPrefix("GPE") }.isEmpty)
        }
    }

    @Test func labelsCanBeFiltered() throws {
        #expect(try tag("Around 300 Ukrainian troops reached Kursk on Oct. 3.") { $0.labels = ["GPE"] } == ["GPE Kursk =Kursk"])
    }

    @Test func anUnknownLabelIsAnOptionErrorWithASuggestion() throws {
        var options = EntityTagStage.Options()
        options.labels = ["PERSN"]
        #expect { try EntityTagStage(options: options, context: StageContext(baseDirectory: ".")) } throws: {
            ($0 as? OptionError)?.hint == "did you mean 'PERSON'?" && ($0 as? OptionError)?.path == ["labels", 0]
        }
    }

    @Test func aUserGazetteerAddsNamesAndAliasesInTSVAndYAML() throws {
        let tags = try tag("The Hanool Bridge Alliance and the Saebyok Freedom Alliance met in Seonhak.") {
            $0.gazetteers = ["aliases.tsv", "aliases.yaml"]
        }
        #expect(tags == ["ORG Hanool Bridge Alliance =Hanul Bridge Alliance",
                         "ORG Saebyok Freedom Alliance =Saebyeok Freedom Alliance", "GPE Seonhak =Seonhak"])
    }

    @Test func aBadGazetteerLineIsALocatedOptionError() throws {
        var options = EntityTagStage.Options()
        options.gazetteers = ["bad-label.tsv"]
        #expect { try EntityTagStage(options: options, context: StageContext(baseDirectory: Self.fixtures)) } throws: { error in
            guard let e = error as? OptionError else { return false }
            return e.message.contains("bad-label.tsv:1") && e.message.contains("ORGANISATION") && e.path == ["gazetteers", 0]
        }
    }

    @Test func aGazetteerSavedWithWindowsLineEndsReadsTheSame() throws {
        let tags = try tag("The Hanool Bridge Alliance met in Seonhak.") { $0.gazetteers = ["windows.tsv"] }
        #expect(tags == ["ORG Hanool Bridge Alliance =Hanul Bridge Alliance", "GPE Seonhak =Seonhak"])
        var options = EntityTagStage.Options()
        options.gazetteers = ["windows-bad.tsv"]
        #expect { try EntityTagStage(options: options, context: StageContext(baseDirectory: Self.fixtures)) } throws: { error in
            (error as? OptionError)?.message.contains("windows-bad.tsv:3: unknown label 'ORGANISATION'") == true
        }
    }

    @Test func aMissingGazetteerFileIsAnOptionError() throws {
        var options = EntityTagStage.Options()
        options.gazetteers = ["nowhere.tsv"]
        #expect(throws: OptionError.self) { try EntityTagStage(options: options, context: StageContext(baseDirectory: Self.fixtures)) }
    }

    @Test func consistencyTagsALoneFamilyNameWithTheFullNameAsCanonical() throws {
        let text = "Oh said the letters were proof. Later, Oh Tae-gyun spoke, and Oh's aide agreed."
        #expect(try tag(text) == ["PERSON Oh =Oh Tae-gyun", "PERSON Oh Tae-gyun =Oh Tae-gyun", "PERSON Oh =Oh Tae-gyun"])
        // Without consistency, nothing ties a lone `Oh` to the full name; with the rules alone, only the one that
        // a verb of saying marks as a name is a PERSON at all.
        let alone = try tag(text) { $0.consistency = false }
        #expect(alone.contains("PERSON Oh Tae-gyun =Oh Tae-gyun") && !alone.contains { $0.hasSuffix("Oh =Oh Tae-gyun") })
        #expect(try tag(text) { $0.consistency = false; $0.model = "none" } == ["PERSON Oh =Oh", "PERSON Oh Tae-gyun =Oh Tae-gyun"])
    }

    @Test func aLoneNameTakesTheNearestFullNameBeforeIt() throws {
        let tags = try tag("Kim Dong-yeon arrived. Kim spoke. Then Kim Young-mi came, and Kim left.")
        #expect(tags == ["PERSON Kim Dong-yeon =Kim Dong-yeon", "PERSON Kim =Kim Dong-yeon",
                         "PERSON Kim Young-mi =Kim Young-mi", "PERSON Kim =Kim Young-mi"])
    }

    @Test func offsetsStayOnCharacterBoundariesWithMultibyteText() throws {
        let text = "👩‍👩‍👧 Café owner Jang Se-yul met Zürich officials on Oct. 3."
        let doc = try document(text)
        let found = doc.spans(Layer.entities).map { doc.substring($0.range) }
        #expect(found.contains("Jang Se-yul") && found.contains("Oct. 3"))
    }

    @Test func aHugeRunOfCapitalsAndDigitsDoesNotCrash() throws {
        let text = String(repeating: "Kim Lee Park 2024 More than ", count: 2_000)
        #expect(try !document(text).spans(Layer.entities).isEmpty)
    }
}
