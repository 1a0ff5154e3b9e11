@testable import EntityTagModel
@testable import EntityTagContext
import EntityTagRecognizer
import EntityTagRules
import LedeText
import Testing

/// ``Recognizer/settlePeople(_:_:_:input:)`` on candidates given as the model might give them, so that each class is
/// tested whatever the bundled model makes of the sentence.
struct SettlePeopleTests {
    /// The labels `settlePeople` leaves on `given` (text and label), in `text`.
    func settled(_ text: String, _ given: [(String, EntityLabel)], demonyms: Bool = false) throws -> [String] {
        let tagger = EntityTagger.standard
        let model = try #require(NameModel.bundled)
        var kept: [Candidate] = []
        var from = text.startIndex
        for (name, label) in given {
            let r = try #require(text.range(of: name, range: from..<text.endIndex))
            let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            kept.append(Candidate(start: start, end: start + name.utf8.count, label: label, canonical: nil, priority: 4))
            from = r.upperBound
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            let a = tagger.analyse(b, sentenceStarts: [0], consistency: true)
            let recognizer = Recognizer(tagger: tagger, model: model)
            let input = Recognizer.input(b, a, tagger: tagger)
            if demonyms { recognizer.joinDemonymSurnames(&kept, b, a, input: input) } else { recognizer.settlePeople(&kept, b, a, input: input) }
            return kept.map { "\($0.label.rawValue) \(String(decoding: b[$0.start..<$0.end], as: UTF8.self))" }
        }
    }

    @Test("A given name alone read as a body is a person, in every mention; a firm the lists know stays a firm")
    func givenNameAlone() throws {
        let found = try settled("Their daughter, Gloria, fell ill. Gloria was nine months old. Shares of Microsoft fell.",
                                [("Gloria", .org), ("Gloria", .org), ("Microsoft", .org)])
        #expect(found == ["PERSON Gloria", "PERSON Gloria", "ORG Microsoft"])
    }

    @Test("A name among people's names joined by and is a person; one after a comma alone is not")
    func lists() throws {
        let found = try settled("Tomas Varga, Ivo Kessel, and Dries Marnel scored. -- Jim Bowes, London Newsroom",
                                [("Tomas Varga", .person), ("Ivo Kessel", .person), ("Dries Marnel", .org), ("Jim Bowes", .person),
                                 ("London Newsroom", .org)])
        #expect(found == ["PERSON Tomas Varga", "PERSON Ivo Kessel", "PERSON Dries Marnel", "PERSON Jim Bowes", "ORG London Newsroom"])
    }

    @Test("A given name before a people's name the model read alone is a person; not where the people's name describes a noun")
    func demonymSurnames() throws {
        let found = try settled("Damien English, the jobs minister, said so. The Roman Catholic parish agreed.",
                                [("English", .norp), ("Catholic", .norp)], demonyms: true)
        #expect(found == ["PERSON Damien English", "NORP Catholic"])
    }
}
