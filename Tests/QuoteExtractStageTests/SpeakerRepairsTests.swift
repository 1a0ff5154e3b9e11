import Foundation
import LedeCore
import QuoteExtractStage
import Testing

/// Speakers read out of the words around them: an unclosed quotation before the sentence that introduces the next, a
/// subject before `went on to say`, a cue typed twice, adjectives before a name, one of a group, a name the speaker
/// gave, and a place after `town of` that no pronoun stands for. Every sentence here is written for the test.
struct SpeakerRepairsTests {
    let helper = OfficesAndRanksTests()

    @Test("An unclosed quotation ends before the short sentence with a cue that introduces the next one")
    func unclosedBeforeIntroducedSentence() throws {
        let (doc, qs) = try helper.quotes("""
            Councillor Maya Trent said, “I back the plan.  She went on to say, “The road needs fixing this year.”
            """, entities: [("Maya Trent", "PERSON")])
        #expect(qs.count == 2)
        #expect(qs.first.map { doc.substring($0.start..<$0.end) }?.contains("I back the plan.") == true)
        #expect(qs.map { helper.speaker(doc, $0) }.last == "Maya Trent")
    }

    @Test("`He went on to say,`: the subject ends at the verb before the infinitive")
    func subjectBeforeWentOnToSay() throws {
        let (doc, qs) = try helper.quotes("""
            Mayor Tom Alder said, “We will build it.” He went on to say, “The money is there.”
            """, entities: [("Tom Alder", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tom Alder", "Tom Alder"])
    }

    @Test("`said Name said`: a cue typed twice is no part of the name")
    func cueTypedTwice() throws {
        let (doc, qs) = try helper.quotes("""
            “The inquiry will finish soon,” said Inspector Ravi Dube said.
            """, entities: [("Ravi Dube", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Ravi Dube"])
    }

    @Test("`an angry Name`: an article and adjectives before a person are no part of the name")
    func adjectivesBeforeName() throws {
        let (doc, qs) = try helper.quotes("""
            “Nobody will stop this project,” said an angry Lina Osei.
            """, entities: [("Lina Osei", "PERSON")])
        #expect(qs.map { helper.speaker(doc, $0) } == ["Lina Osei"])
    }

    @Test("`a man who identified himself as Name`: the name the speaker gave")
    func selfNamedSpeaker() throws {
        let (doc, qs) = try helper.quotes("""
            “Why is the clinic still closed?” asked a man who identified himself as Tumelo.
            """)
        #expect(qs.map { helper.speaker(doc, $0) } == ["Tumelo"])
    }

    @Test("`one protester said`: one of a group, named by its noun")
    func oneOfAGroup() throws {
        let (_, qs) = try helper.quotes("""
            “We want water,” one protester shouted.
            """)
        #expect(qs.map { helper.extra($0, "canonical") } == ["protester"])
    }
}
