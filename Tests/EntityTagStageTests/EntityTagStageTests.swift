import EntityTagStage
import Kernel
import Testing

struct EntityTagStageTests {
    func tag(_ text: String, labels: [String] = []) throws -> [String] {
        var options = EntityTagStage.Options()
        options.labels = labels
        var doc = Document(id: "d", text: text, source: .init(path: "t"))
        try EntityTagStage(options: options, context: StageContext(baseDirectory: ".")).process(&doc)
        return doc.spans(Layer.entities).map { "\(doc.substring($0.range))/\($0.label ?? "")" }
    }

    @Test func longerGazetteerEntriesWinOverShorterOnes() throws {
        #expect(try tag("Officials in South Korea and North Korea met.") == ["South Korea/GPE", "North Korea/GPE"])
    }

    @Test func namesInsideLongerWordsAreNotTagged() throws {
        #expect(try tag("Koreana Air and Seoulite cafes.").isEmpty)
    }

    @Test func labelsCanBeFiltered() throws {
        #expect(try tag("Around 300 Ukrainian troops reached Kursk on Oct. 3.", labels: ["GPE"]) == ["Kursk/GPE"])
    }

    @Test func anUnknownLabelIsAnOptionError() throws {
        var options = EntityTagStage.Options()
        options.labels = ["PERSN"]
        #expect { try EntityTagStage(options: options, context: StageContext(baseDirectory: ".")) } throws: {
            ($0 as? OptionError)?.hint == "did you mean 'PERSON'?" || ($0 as? OptionError)?.path == ["labels", 0]
        }
    }
}
